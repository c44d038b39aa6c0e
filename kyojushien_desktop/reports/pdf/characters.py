"""Every character a PDF prints is one the bundled face can draw, or the user is told first.

Without this check reportlab draws a missing character (𠮷, 😀) as an empty box and leaves it out
of the text layer without a word. A document passes each piece of user text through one
``CharacterCheck`` while it builds its pages, naming where the text comes from; before anything
is written, ``raise_if_unsupported`` lists what cannot be drawn, by record and field, unless the
caller chose to print those characters as 〓.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from kyojushien_desktop.domain.errors import UnsupportedCharactersError
from kyojushien_desktop.reports.pdf.fonts import FAMILY, drawable_characters

REPLACEMENT = "〓"
MAX_LISTED = 10  # places named in the message; the rest are counted

# Characters that draw nothing: variation selectors (of emoji and of IVS kanji), zero-width
# joiners and spaces, the BOM, the soft hyphen, and control characters other than the line break.
# Dropped: the letter before them prints, and reportlab would print a box for them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufe00-\ufe0f\ufeff"
    "\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
# Kangxi radicals (text copied out of a PDF often holds ⽇ for 日) and compatibility ideographs
# print as the ideograph they stand for when the face lacks the form itself.
_STANDS_FOR = re.compile("[\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")
# The bundled BIZ UDPGothic has the glyphs of ≤ and ≥ swapped (「A≥B」 prints 「A≤B」): they print
# as ≦ and ≧, the forms Japanese documents use anyway.
_MISDRAWN = str.maketrans({"≤": "≦", "≥": "≧"})


def unsupported(places: list[tuple[str, str]]) -> UnsupportedCharactersError:
    """The error naming each place and its characters (the first ``MAX_LISTED``, then a count)."""
    listed = [f"{where}: {describe(chars)}" for where, chars in places[:MAX_LISTED]]
    if len(places) > MAX_LISTED:
        listed.append(f"ほか {len(places) - MAX_LISTED} か所")
    return UnsupportedCharactersError(
        f"PDFの文字（{FAMILY}）にない文字があるため、そのままでは印刷できません。\n" + "\n".join(listed),
        hint=f"その文字を別の字に直す（例: 𠮷→吉）か、「{REPLACEMENT}」に置き換えて書き出してください。",
        places=places,
    )


def describe(chars: str) -> str:
    """「😀（U+1F600）」: the character, and its code for one that the screen may not show either."""
    return "、".join(f"{c}（U+{ord(c):04X}）" for c in chars)


class CharacterCheck:
    """Makes text drawable and remembers, by place, what could not be drawn.

    With ``replace`` the missing characters print as 〓 and nothing is raised: the caller has
    already shown the user the list and they chose to write anyway.
    """

    def __init__(self, *, replace: bool = False) -> None:
        self.replace = replace
        self._drawable = drawable_characters()
        self._places: dict[str, list[str]] = {}

    def plain(self, text: str, where: str = "") -> str:
        """``text`` as it will be drawn: invisible characters dropped, missing ones as 〓."""
        text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text)).replace("\t", " ").translate(_MISDRAWN)
        missing = set(text).difference(self._drawable, "\n")
        if not missing:
            return text
        for char in sorted(missing):
            stand_in = unicodedata.normalize("NFKC", char) if _STANDS_FOR.match(char) else ""
            if len(stand_in) == 1 and stand_in in self._drawable:
                text = text.replace(char, stand_in)
                continue
            found = self._places.setdefault(where or "文書", [])
            if char not in found:
                found.append(char)
            text = text.replace(char, REPLACEMENT)
        return text

    def markup(self, text: str, where: str = "") -> str:
        """Paragraph markup for user text: drawable, escaped, its line breaks kept."""
        return escape(self.plain(text, where)).replace("\n", "<br/>")

    @property
    def places(self) -> list[tuple[str, str]]:
        """(where, the characters missing there), in the order they were met."""
        return [(where, "".join(chars)) for where, chars in self._places.items()]

    def raise_if_unsupported(self) -> None:
        """Raises ``UnsupportedCharactersError`` when something cannot be drawn, unless replacing."""
        if self._places and not self.replace:
            raise unsupported(self.places)


def record(name: str, field: str) -> str:
    """「みどり町社会福祉協議会」の備考: how a place is named in the message."""
    return f"「{name}」の{field}" if name else field

"""The bundled BIZ UDPゴシック (regular and a real bold) for reportlab, registered once per process.

Every PDF embeds the same letters the screens show. reportlab is imported inside the functions,
so importing this module (the character check does) costs nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from kyojushien_desktop.paths import resource_path

FAMILY = "BIZ UDPゴシック"
REGULAR = "BIZUDPGothic"
BOLD = "BIZUDPGothic-Bold"
_FILES = {REGULAR: "BIZUDPGothic-Regular.ttf", BOLD: "BIZUDPGothic-Bold.ttf"}

# reportlab writes each ToUnicode entry as at most four hex digits, so a character beyond the BMP
# (𩸽) is drawn but lost from the text layer: copy, search and screen readers never see it.
_WIDE_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _utf16(match: re.Match[str]) -> str:
    pair = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
    return f"<{match.group(1)}> <{pair}>"


@dataclass(frozen=True)
class Fonts:
    """reportlab's names for the two weights."""

    regular: str
    bold: str


@functools.cache
def _font_class() -> type:
    from reportlab.pdfbase.ttfonts import TTFont

    class UnicodeTTFont(TTFont):
        """A TrueType font whose text layer keeps characters beyond the BMP (as UTF-16 pairs)."""

        def addObjects(self, doc: Any) -> None:  # noqa: N802 (reportlab's name)
            before = set(doc.idToObject)
            super().addObjects(doc)
            for name in set(doc.idToObject) - before:
                if name.startswith("toUnicodeCMap:"):
                    stream = doc.idToObject[name]
                    stream.content = _WIDE_ENTRY.sub(_utf16, stream.content)

    return UnicodeTTFont


@functools.cache
def register_fonts() -> Fonts:
    """Registers both weights as one family (so ``<b>`` in a paragraph is the real bold) and
    returns their names. Parsing the two files takes a few tens of milliseconds; only the
    characters used are embedded, as subsets."""
    from reportlab.pdfbase import pdfmetrics

    font_class = _font_class()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(font_class(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    return Fonts(regular=REGULAR, bold=BOLD)


@functools.cache
def drawable_characters() -> frozenset[str]:
    """Every character the bundled face has a glyph for (both weights hold the same set)."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(map(chr, pdfmetrics.getFont(REGULAR).face.charToGlyph))

"""How a town hall's list is understood: which header is which field, how a cell's text is tidied,
which 区分 a file's 分類 means, and which rows are no organisation at all (「合計 42件」, the
header printed again on page 2). The words come from resources (member_terms.json,
member_import.json); the rules that use them live here."""

from __future__ import annotations

import functools
import re
import unicodedata

from kyojushien_desktop.content import members as members_guide
from kyojushien_desktop.content.member_import import import_rules
from kyojushien_desktop.content.member_terms import member_terms
from kyojushien_desktop.reports.xlsx import reader
from kyojushien_desktop.services.members import terms
from kyojushien_desktop.services.members.importing_model import FIELDS

# --- matching headers ------------------------------------------------------------------------

_HEADER_BRACKETS = re.compile(r"[(\[【<《「『][^)\]】>》」』]*[)\]】>》」』]")
_HEADER_NOISE = re.compile(r"[\s※*:・/.]")


def header_key(text: str) -> str:
    """電話番号（代表）, ＴＥＬ and 'E-Mail ' compare as 電話番号, tel and e-mail."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return _HEADER_NOISE.sub("", _HEADER_BRACKETS.sub("", folded)) or _HEADER_NOISE.sub("", folded)


@functools.cache
def _aliases() -> dict[str, str]:
    """Normalised alias → field key, from resources/member_terms.json."""
    table: dict[str, str] = {}
    for key, names in member_terms().import_headers.items():
        if key in FIELDS:
            for name in names:
                table.setdefault(header_key(name), key)
    return table


@functools.cache
def _partial_aliases() -> tuple[tuple[str, str], ...]:
    return tuple(
        sorted(
            ((alias, key) for alias, key in _aliases().items() if len(alias) >= (3 if alias.isascii() else 2)),
            key=lambda item: -len(item[0]),
        )
    )


def guess_mapping(headers: list[str]) -> dict[str, str | None]:
    """Field key → the header that holds it (None when absent). An exact alias wins; otherwise a
    header containing an alias (電話番号（代表）, 団体名称), the longest alias first."""
    aliases = _aliases()
    mapping: dict[str, str | None] = dict.fromkeys(FIELDS)
    taken: set[int] = set()
    for index, header in enumerate(headers):
        key = aliases.get(header_key(header))
        if key and mapping[key] is None:
            mapping[key] = header.strip()
            taken.add(index)
    for index, header in enumerate(headers):
        folded = header_key(header)
        if index in taken or not folded:
            continue
        for alias, key in _partial_aliases():
            if mapping[key] is None and alias in folded:
                mapping[key] = header.strip()
                taken.add(index)
                break
    return mapping


def find_header_row(rows: list[list[str]]) -> int:
    """The 0-based index of the header: the first row naming two or more known columns, so title
    rows above it (a merged 「令和8年度 関係団体一覧」) are skipped. Raises ``LookupError``."""
    for index, cells in enumerate(rows[: reader.HEADER_SEARCH_ROWS]):
        if sum(1 for header in guess_mapping(cells).values() if header is not None) >= 2:
            return index
    raise LookupError("no header row")


def expected_headers() -> str:
    """A few header names per field, for the message when no header row is found."""
    headers = member_terms().import_headers
    keys = [key for key in FIELDS if key not in ("kind", "internal", "website") and key in headers]
    return "、".join("／".join(headers[key][:3]) for key in keys)


# --- cleaning values -------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_INVISIBLE = str.maketrans("", "", "\u200b\ufeff")
_WIDTH_RUNS = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff61-\uff9f]+")  # ０-９Ａ-Ｚａ-ｚ and ｶﾅ


def tidy(text: str) -> str:
    """One-line value: NFKC (０１２３→0123, ﾐﾄﾞﾘ→ミドリ), invisible characters gone, spaces squeezed."""
    if not text.isascii():
        if "\u200b" in text or "\ufeff" in text:
            text = text.translate(_INVISIBLE)
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())


def tidy_notes(text: str) -> str:
    """備考 keeps its line breaks and full-width punctuation; only digits, letters and ｶﾅ change width."""
    text = _WIDTH_RUNS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text.translate(_INVISIBLE))
    lines = [line.strip(" \t\u3000") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def is_internal(text: str) -> bool:
    """Whether a 庁内/庁外 cell says 庁内 (庁内, ○, はい …)."""
    return text.casefold() in _internal_marks()


@functools.cache
def _internal_marks() -> frozenset[str]:
    return frozenset(mark.casefold() for mark in import_rules().internal_marks)


@functools.cache
def category(text: str) -> tuple[str, bool, bool]:
    """The guide's 区分 for what the file says; whether that was one of its names exactly; and
    whether it was understood at all. Empty means その他 (exact); a word no rule knows (町内会,
    福祉) is その他 too, but not understood, so the preview warns and lets the user choose."""
    names = terms.categories()
    folded = _SPACES.sub("", text).casefold()
    if not folded:
        return names[-1], True, True
    for guide_category in members_guide.member_categories():
        if folded in (guide_category.name, guide_category.guide_name, guide_category.key):
            return guide_category.name, True, True
    for rule in import_rules().category_rules:
        if rule.category in names and any(word in folded for word in rule.words):
            return rule.category, False, True
    return names[-1], False, False


# --- rows that are no organisation -----------------------------------------------------------


@functools.cache
def _footer_pattern() -> re.Pattern[str]:
    rules = import_rules()
    words = "|".join(map(re.escape, sorted(rules.footer_words, key=len, reverse=True)))
    units = "|".join(map(re.escape, sorted(rules.footer_units, key=len, reverse=True)))
    return re.compile(rf"(?:{words})[:：]?(?:[0-9,]+(?:{units})?)?", re.IGNORECASE)


def is_footer(text: str) -> bool:
    """「計」「合計 42件」「以上」「以下余白」 (tidied): a total or the end of a printed list."""
    return bool(text) and len(text) <= 30 and _footer_pattern().fullmatch(text.replace(" ", "")) is not None


def repeats_header(values: dict[str, str], headers: dict[str, str]) -> bool:
    """A row whose filled cells each say their own column's header (tidied), as page 2 of a
    printed list does: at least two such cells, and nothing else."""
    filled = 0
    for key, value in values.items():
        if value:
            if value != headers.get(key):
                return False
            filled += 1
    return filled >= 2

"""Search keys that treat ひらがな/カタカナ, full/half width and case as equal."""

from __future__ import annotations

import re
import unicodedata

_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}
_SPACES = re.compile(r"\s+")
_NON_DIGITS = re.compile(r"\D")


def search_key(text: str | None) -> str:
    """NFKC (half-width kana and full-width digits become standard), katakana folded to hiragana,
    case folded and white space removed, so 'ﾐﾄﾞﾘ', 'ミドリ' and 'みどり' compare equal."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).translate(_KATAKANA_TO_HIRAGANA).casefold()
    return _SPACES.sub("", folded)


def digits_only(text: str | None) -> str:
    """Phone numbers are kept as typed but searched by their digits (NFKC turns ０３ into 03)."""
    if not text:
        return ""
    return _NON_DIGITS.sub("", unicodedata.normalize("NFKC", text))

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


_SMALL_KANA = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
_SOUND_MARKS = str.maketrans("", "", "\u3099\u309a")


def _jis(text: str) -> tuple[bytes, ...]:
    """Each character as Shift_JIS (cp932) bytes: 英数字 < かな < 漢字, and the 第一水準 kanji in JIS
    order, which is their usual 音読み in 五十音 order. Characters outside cp932 come last."""
    keys = []
    for char in text:
        try:
            keys.append(char.encode("cp932"))
        except UnicodeEncodeError:
            keys.append(b"\xff" + char.encode("utf-32-be"))
    return tuple(keys)


def gojuon_key(text: str | None) -> tuple[tuple[bytes, ...], tuple[bytes, ...]]:
    """A sort key for words that have no よみがな (タグ): folded as ``search_key``, compared first
    without 濁点・半濁点 and small kana (so がっこう sorts with かつこう, as a dictionary does),
    then as written."""
    folded = search_key(text)
    plain = unicodedata.normalize("NFD", folded).translate(_SOUND_MARKS).translate(_SMALL_KANA)
    return _jis(plain), _jis(folded)

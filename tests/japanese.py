"""Asserting that a message shown to a person carries no English (paths and names aside)."""

from __future__ import annotations

import re
from pathlib import Path

_ENGLISH = re.compile(r"[A-Za-z]{3,}")
_ALLOWED = {"USB", "CSV", "PDF", "Excel", "kyojushien"}


def assert_japanese(text: str, *paths: Path | str) -> None:
    """No word of three or more Latin letters once the given paths (and ``.db``/``.lock`` file
    names) are taken out: no ``Errno``, ``disk is full`` or ``Is a directory``."""
    for path in sorted(map(str, paths), key=len, reverse=True):
        text = text.replace(path, "")
    text = re.sub(r"[\w.-]+\.(db|lock)\b", "", text)
    found = [word for word in _ENGLISH.findall(text) if word not in _ALLOWED]
    assert not found, f"English in a message: {found}: {text}"

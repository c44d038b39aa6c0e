"""How values are stored, read back: ISO text for dates and times, 0/1 for flags, lists joined
by a separator. Every store module maps its rows through these, so the stored forms live here
and callers only ever see Python values."""

from __future__ import annotations

import datetime as dt

TAG_SEPARATOR = "、"
LINE_SEPARATOR = "\n"


def day(text: str | None) -> dt.date | None:
    """A stored ISO date (or the date part of a timestamp); None when empty."""
    return dt.date.fromisoformat(text[:10]) if text else None


def moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def parts(text: str | None, separator: str) -> tuple[str, ...]:
    """A joined list split again, empty items dropped (made for every row of a 10,000-row list)."""
    if not text:
        return ()
    items = text.split(separator)
    return tuple(items) if "" not in items else tuple(item for item in items if item)

"""The 名簿 search, answered from memory.

The live organisations' folded search text and phone digits are read once, in 五十音 order, and
kept per open file until the file changes: a write on this connection moves ``total_changes``,
a commit by another (a colleague's app, while this one reads) moves ``PRAGMA data_version``.
A keystroke then costs a substring scan of 10,000 short strings in memory (about a millisecond)
instead of a LIKE scan of the organisations table (12-20 ms), and 1-2 character queries are
served the same way, which an FTS5 trigram index cannot do. Inside an open transaction the text
is read afresh and not kept, so a rolled-back write never lingers in the cache.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from kyojushien_desktop.domain.search import SearchQuery
from kyojushien_desktop.store.database import Database


@dataclass(frozen=True)
class _Index:
    version: tuple[int, int]
    ids: list[int]
    texts: list[str]
    digits: list[str]


_indexes: weakref.WeakKeyDictionary[Database, _Index] = weakref.WeakKeyDictionary()


def _version(database: Database) -> tuple[int, int]:
    return database.read("PRAGMA data_version")[0][0], database.conn.total_changes


def _index(database: Database) -> _Index:
    version = _version(database)
    cached = _indexes.get(database)
    if cached is not None and cached.version == version:
        return cached
    rows = database.read(
        "SELECT id, search_text, phone_digits FROM organizations WHERE deleted_at IS NULL ORDER BY sort_kana, id"
    )
    index = _Index(version, [row[0] for row in rows], [row[1] for row in rows], [row[2] for row in rows])
    if not database.conn.in_transaction:
        _indexes[database] = index
    return index


def search_ids(database: Database, query: SearchQuery) -> list[int]:
    """Ids of the live organisations matching ``query``, in 五十音 order."""
    if not query:
        return []
    index = _index(database)
    return [index.ids[position] for position in query.matching(index.texts, index.digits)]

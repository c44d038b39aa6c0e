"""Looking for damage before anything is written, with one set of checks everywhere (opening a
file, before a backup, listing backups, ``kyojushien check``).

Two checks: SQLite's ``integrity_check``, which walks every page and compares every table with
each of its indexes (a copy taken while an import ran breaks exactly that, and ``quick_check``
does not look); and the schema the file's version should have, derived from ``migrate`` run on
an empty file in memory, never from a list kept by hand. Problems come back in Japanese; SQLite's
English lines go to the log.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import sqlite3
from pathlib import Path
from typing import NamedTuple

from kyojushien_desktop.paths import resource_path
from kyojushien_desktop.store.migrations import SCHEMA_VERSION, migrate
from kyojushien_desktop.store.sqlite_errors import reason

log = logging.getLogger(__name__)
APPLICATION_ID = 0x4B59_5348  # "KYSH", in the header of every data file (``PRAGMA application_id``)
_MAX_PROBLEMS = 20

# integrity_check's English lines (matched in order, compiled on first use) and their Japanese.
_LINES = (
    (
        r"row (\d+) missing from index (\S+)",
        "索引「{1}」に表の行 {0} が載っていません（表と索引が食い違っています）",
    ),
    (r"wrong # of entries in index (\S+)", "索引「{0}」の件数が表と合いません"),
    (r"non-unique entry in index (\S+)", "重複してはならない索引「{0}」に重複があります"),
    (r"NULL value in (\w+)\.(\w+)", "表「{0}」の列「{1}」に空の値（NULL）があります"),
    (r"CHECK constraint failed in (\w+)", "表「{0}」に条件に合わない値があります"),
    (r"[Pp]age (\d+)", "ファイルの内部（第{0}ページ）が壊れています"),
    (r"malformed|not a database", "ファイルの中身が壊れています"),
)
UNREADABLE = "ファイルの中身が壊れていて、点検を最後まで進められません"


class Schema(NamedTuple):
    tables: dict[str, tuple[str, ...]]  # table → its columns
    indexes: dict[str, str]  # index → its table


def schema_of(conn: sqlite3.Connection) -> Schema:
    """The tables, columns and named indexes a file has (SQLite's own ``sqlite_*`` left out)."""
    rows = conn.execute("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    entries = [(row[0], row[1], row[2]) for row in rows.fetchall()]
    tables = {}
    for kind, name, _ in entries:
        if kind == "table":
            quoted = name.replace('"', '""')
            tables[name] = tuple(row[1] for row in conn.execute(f'PRAGMA table_info("{quoted}")').fetchall())
    return Schema(tables=tables, indexes={name: table for kind, name, table in entries if kind == "index"})


@functools.cache
def expected_schema(version: int) -> Schema:
    """What a file of ``version`` holds. Read from ``resources/schema.json``, which
    ``scripts/derive_schema.py`` writes with ``derive_schema`` (tests/store/test_integrity.py fails
    the moment it no longer matches the migrations): running them in memory at every open costs
    about 5 ms of each start-up. A version the file does not hold yet is derived here."""
    saved = _saved_schemas().get(str(version))
    if saved is None:
        return derive_schema(version)
    return Schema(
        tables={table: tuple(columns) for table, columns in saved["tables"].items()}, indexes=dict(saved["indexes"])
    )


def derive_schema(version: int) -> Schema:
    """An empty file migrated to ``version`` in memory: the schema that version defines."""
    conn = sqlite3.connect(":memory:")
    try:
        migrate(conn, target=version)
        return schema_of(conn)
    finally:
        conn.close()


@functools.cache
def _saved_schemas() -> dict[str, dict]:
    try:
        return json.loads(resource_path("schema.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("resources/schema.json unreadable, deriving the schema: %s", exc)
        return {}


def schema_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """Every table, column and index that ``version`` expects and the file lacks (extras are fine)."""
    expected = expected_schema(version)
    try:
        actual = schema_of(conn)
    except sqlite3.DatabaseError as exc:
        log.warning("schema unreadable: %s", exc)
        return ["ファイルの中身が壊れていて、表の一覧を読み取れません"]
    problems = []
    for table, columns in expected.tables.items():
        if table not in actual.tables:
            problems.append(f"表「{table}」がありません")
            continue
        missing = [column for column in columns if column not in actual.tables[table]]
        if missing:
            problems.append(f"表「{table}」に列「{'」「'.join(missing)}」がありません")
    problems += [
        f"索引「{index}」（表「{table}」）がありません"
        for index, table in expected.indexes.items()
        if index not in actual.indexes
    ]
    return problems


def _japanese(line: str) -> str:
    for pattern, text in _LINES:
        found = re.search(pattern, line)
        if found:
            return text.format(*found.groups())
    return "ファイルの内部構造に食い違いがあります"


def structure_problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check``: pages, and each table against every one of its indexes."""
    try:
        lines = [row[0] for row in conn.execute(f"PRAGMA integrity_check({_MAX_PROBLEMS})").fetchall()]
    except sqlite3.DatabaseError as exc:
        log.warning("integrity_check failed: %s", exc)
        return [UNREADABLE]
    if lines == ["ok"]:
        return []
    log.warning("integrity_check: %s", " | ".join(lines))
    return list(dict.fromkeys(_japanese(line) for line in lines))


def problems(conn: sqlite3.Connection, version: int, *, full: bool = True) -> list[str]:
    """The schema check, then (``full``) the integrity check; an empty list means sound."""
    found = schema_problems(conn, version)
    return found + structure_problems(conn) if full else found


def check_path(path: Path) -> list[str]:
    """Every problem of a file on disk (a backup, a copy, a closed data file), read without
    writing a byte; an empty list means it is a sound data file this app can open."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except OSError as exc:
        return [f"ファイルを読み取れません（{reason(exc)}）"]
    if size == 0:
        return ["ファイルが空です（0バイト）"]
    journal = path.with_name(path.name + "-journal")
    if journal.exists() and journal.stat().st_size > 0:
        return [
            f"書きかけの変更の記録（{journal.name}）が残っています。アプリで一度開くと、書きかけの変更を取り消してから点検します"
        ]
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"ファイルを開けません（{reason(exc)}）"]
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if application_id != APPLICATION_ID:
            return ["居住支援デスクのデータファイルではありません"]
        if version > SCHEMA_VERSION:
            return [f"新しい版のアプリの形式（第{version}版）のため、このアプリでは点検できません"]
        return problems(conn, version)
    except sqlite3.DatabaseError as exc:
        log.warning("check of %s failed: %s", path, exc)
        return ["居住支援デスクのデータファイルではないか、中身が壊れています"]
    finally:
        conn.close()

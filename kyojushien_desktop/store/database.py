"""The one way into a data file: ``create_database`` and ``open_database``.

The file is checked by reading its 100-byte header before SQLite opens it for writing, so a
file that is not ours, newer than the app, empty or truncated is refused without a byte written;
an older file is checked for damage (``store.integrity``) before it is backed up and migrated.
Writable connections use a rollback journal (never WAL: users copy the ``.db`` file alone),
``synchronous=FULL`` and foreign keys; every write goes through ``Database.atomic``.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kyojushien_desktop.domain.errors import (
    DamagedFileError,
    NewerSchemaError,
    NotOurFileError,
    ReadOnlyError,
    UserFacingError,
)
from kyojushien_desktop.store import backups, integrity, location
from kyojushien_desktop.store.integrity import APPLICATION_ID
from kyojushien_desktop.store.migrations import SCHEMA_VERSION, migrate, user_version
from kyojushien_desktop.store.sqlite_errors import RESTORE_HINT, translate

if TYPE_CHECKING:
    import sqlite_utils
_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_MS = 5000


class HeaderFacts(NamedTuple):
    """What the SQLite header says about a file, read without opening it."""

    size: int
    page_size: int
    page_count: int | None  # None when the header's count is not trustworthy
    application_id: int
    user_version: int

    @property
    def truncated(self) -> bool:
        return self.page_count is not None and self.size < self.page_size * self.page_count


def read_header(path: Path) -> HeaderFacts:
    """Reads the header; raises a user-facing error for files that cannot be ours."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise UserFacingError(
            f"データファイルが見つかりません: {path}",
            hint="ファイルの場所を確かめるか、ファイル > 開く で選び直してください。",
        ) from None
    except OSError as exc:
        raise translate(exc, path) from exc
    if size == 0:
        raise DamagedFileError(
            f"データファイルが空です（0バイト）: {path}",
            hint="コピーの途中で止まった可能性があります。元のファイルをもう一度コピーするか、" + RESTORE_HINT,
        )
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        raise NotOurFileError(
            f"このファイルは居住支援デスクのデータファイルではありません: {path}",
            hint="拡張子が .db のデータファイルを選んでください。Excel や CSV の名簿は「取り込み」から読み込めます。",
        )
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    user_version = struct.unpack(">I", header[60:64])[0]
    application_id = struct.unpack(">I", header[68:72])[0]
    return HeaderFacts(
        size=size,
        page_size=page_size,
        page_count=page_count if page_count and valid_for == change_counter else None,
        application_id=application_id,
        user_version=user_version,
    )


def check_header(path: Path, facts: HeaderFacts) -> None:
    """Refuses a foreign, newer or truncated file, naming what is wrong and what to do."""
    if facts.application_id != APPLICATION_ID:
        raise NotOurFileError(
            f"このファイルは居住支援デスクのデータファイルではありません（別のソフトのデータベースです）: {path}",
            hint="ファイルには何も書き込んでいません。居住支援デスクで作ったデータファイルを選んでください。",
        )
    if facts.user_version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"このファイルは新しいバージョンの居住支援デスクで作られています"
            f"（ファイルの形式: 第{facts.user_version}版、このアプリが扱える形式: 第{SCHEMA_VERSION}版）: {path}",
            hint="ファイルには何も書き込んでいません。居住支援デスクを最新版に更新してから開いてください。",
        )
    if facts.truncated and not has_hot_journal(path):
        raise DamagedFileError(
            f"データファイルが途中で切れています（{facts.size:,}バイトしかありません）: {path}",
            hint="コピーが途中で止まった可能性があります。元のファイルをもう一度コピーするか、" + RESTORE_HINT,
        )


def has_hot_journal(path: Path) -> bool:
    """A journal left by a writer that died: SQLite rolls it back on open, and until then the
    header may describe pages that were never written, so it is no sign of truncation."""
    journal = path.with_name(path.name + "-journal")
    try:
        return journal.stat().st_size > 0
    except OSError:
        return False


def sweep_debris(path: Path) -> None:
    """Removes what a process that died while creating or restoring this file left beside it.
    Safe once the file exists and its lock is held: creating refuses an existing file, and a
    restore holds the lock."""
    for suffix in (".creating", ".creating-journal", ".restoring", ".restoring.partial"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


class Database:
    """An open data file: its connection, how it was opened, and what the user should be told.

    ``db`` is a sqlite-utils wrapper made on first use, so that opening a file at start-up does
    not pay for importing sqlite-utils; ``database["table"]`` reaches its table API.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self.migrated_from: int | None = None
        self.pre_migration_backup: Path | None = None
        self.notices: list[str] = []

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)

    def __getitem__(self, table: str) -> sqlite_utils.db.Table:
        return self.db.table(table)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (a savepoint when nested); any SQLite or OS error becomes a Japanese
        message and nothing is half-saved."""
        if self.read_only:
            raise ReadOnlyError(
                "このファイルは読み取り専用で開いているため、変更を保存できません。",
                hint="編集するには、ほかの人が閉じたあとで開き直すか、書き込みできる場所にコピーしてください。",
            )
        try:
            with _transaction(self.conn):
                yield self
        except (sqlite3.Error, OSError) as exc:
            raise translate(exc, self.path) from exc

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        """For writes inside ``atomic()``."""
        return self.conn.execute(sql, params)

    def update(self, table: str, row_id: int, changes: dict[str, object]) -> None:
        """``UPDATE table SET … WHERE id = ?`` inside ``atomic()``. Plain SQL because sqlite-utils'
        ``Table.update`` reads the table's schema again on every call. Table and column names come
        from the store's code, never from what a user typed."""
        if changes:
            columns = ", ".join(f"[{name}] = ?" for name in changes)
            self.conn.execute(f"UPDATE [{table}] SET {columns} WHERE id = ?", (*changes.values(), row_id))

    def read(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc

    def probe(self) -> None:
        """A first real read: a file whose header is sound but whose pages are not fails here."""
        self.read("SELECT count(*) FROM settings")

    def problems(self, *, full: bool = True) -> list[str]:
        """Damage in Japanese, none when sound: the schema its version expects, and (``full``)
        SQLite's integrity check of every page, table and index (``store.integrity``)."""
        try:
            version = user_version(self.conn)
        except sqlite3.DatabaseError:
            return [integrity.UNREADABLE]
        return integrity.problems(self.conn, version, full=full)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()


_savepoints = iter(range(1, 1 << 62))


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, or a savepoint inside an open transaction (same rules as
    sqlite-utils' ``atomic``, whose table methods nest inside it)."""
    if conn.in_transaction:
        name = f"sp_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode.lower() != "delete":
            raise UserFacingError(f"データファイルの記録方式を設定できませんでした（{mode}）: {path}")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def create_database(path: Path) -> Database:
    """A new, empty data file at the latest schema; refuses to overwrite an existing file.

    It is built under a temporary name and renamed into place, so a crash never leaves a
    half-made file where the user expects their data.
    """
    path = Path(path)
    if path.exists():
        raise UserFacingError(
            f"同じ名前のファイルがすでにあります: {path}",
            hint="別の名前を指定するか、既存のファイルを ファイル > 開く で開いてください。",
        )
    temp = path.with_name(path.name + ".creating")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.unlink(missing_ok=True)
        conn = _connect(temp, read_only=False)
        try:
            with _transaction(conn):
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            migrate(conn)
        finally:
            conn.close()
        os.replace(temp, path)
    except (sqlite3.Error, OSError) as exc:
        for debris in (temp, temp.with_name(temp.name + "-journal")):
            with contextlib.suppress(OSError):
                debris.unlink()
        raise translate(exc, path) from exc
    return open_database(path)


def open_database(path: Path, *, read_only: bool = False) -> Database:
    """Opens an existing data file after checking its header; migrates an older one after backing
    it up, once it passed the damage check. A file that cannot be written here (read-only medium,
    folder or attribute; or ``read_only=True``) opens without any write, with a notice saying why."""
    path = Path(path)
    facts = read_header(path)
    check_header(path, facts)
    notices: list[str] = []
    why = None if read_only else location.read_only_reason(path)
    if why:
        read_only = True
        notices.append(why)
    if read_only and facts.user_version < SCHEMA_VERSION:
        raise ReadOnlyError(
            f"このファイルは古い形式（第{facts.user_version}版）のため、読み取り専用では開けません: {path}",
            hint="書き込みできる場所にコピーして開くと、バックアップを取ったうえで新しい形式に更新します。",
        )
    try:
        conn = _connect(path, read_only=read_only)
    except (sqlite3.Error, OSError) as exc:
        raise translate(exc, path) from exc
    database = Database(path, conn, read_only=read_only)
    database.notices = notices
    if facts.user_version < SCHEMA_VERSION:
        problems = database.problems()
        if problems:
            database.close()
            raise DamagedFileError(
                f"データファイルに問題が見つかったため、形式の更新もバックアップもせずに止めました（{problems[0]}）: {path}",
                hint="ファイルには何も書き込んでいません。" + RESTORE_HINT,
            )
        try:
            database.pre_migration_backup = backups.pre_migration_backup(conn, path, facts.user_version)
            database.migrated_from = facts.user_version
            migrate(conn)
        except (sqlite3.Error, OSError) as exc:
            database.close()
            raise translate(exc, path) from exc
        notices.append(
            f"古い形式（第{facts.user_version}版）のファイルを新しい形式（第{SCHEMA_VERSION}版）に更新しました。"
            f"更新前の状態は {database.pre_migration_backup} に保存してあります。"
        )
    return database

"""Schema versions: an ordered list of steps over ``PRAGMA user_version``.

A step is never edited once shipped; a change to the schema is a new step at the end. Each step
runs in one transaction together with the ``user_version`` bump, so a crash leaves the file at
the old version or the new one, never in between.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def _v1_foundation(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1_foundation,)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> list[int]:
    """Run the steps from the file's version up to ``target``; returns the versions reached.
    Steps use plain SQL, so that they never change meaning when a library is upgraded."""
    reached = []
    for version in range(user_version(conn), target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        reached.append(version + 1)
    return reached

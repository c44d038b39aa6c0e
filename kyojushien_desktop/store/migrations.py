"""Schema versions: an ordered list of steps over ``PRAGMA user_version``.

A step is never edited once shipped; a change to the schema is a new step at the end. Each step
runs in one transaction together with the ``user_version`` bump, so a crash leaves the file at
the old version or the new one, never in between.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


def _v1_foundation(db: sqlite_utils.Database) -> None:
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (_v1_foundation,)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, target: int = SCHEMA_VERSION) -> list[int]:
    """Run the steps from the file's version up to ``target``; returns the versions reached."""
    reached = []
    for version in range(user_version(db), target):
        with db.atomic():
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
        reached.append(version + 1)
    return reached

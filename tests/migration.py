"""What the migration tests share: a copy of a shipped schema fixture, and a file's version read
without opening it through the app (which would migrate it)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_copy(folder: Path, version: int) -> Path:
    """``tests/fixtures/schema_v<version>.db`` copied into ``folder``."""
    path = folder / f"v{version}.db"
    shutil.copyfile(FIXTURES / f"schema_v{version}.db", path)
    return path


def user_version(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()

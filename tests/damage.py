"""Damaged data files as they arrive on a desk, made with plain sqlite3 outside the app."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

NOW = "2026-06-01T09:00:00"


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def add_organizations(path: Path, count: int, prefix: str = "団体") -> None:
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO organizations (name, category, created_at, updated_at, name_key, search_text) VALUES (?, ?, ?, ?, ?, ?)",
        [(f"{prefix}{i}", "その他", NOW, NOW, f"{prefix}{i}", f"{prefix}{i}") for i in range(count)],
    )
    conn.commit()
    conn.close()


def mark_open(path: Path) -> None:
    """As a copy taken while the app ran: the open/closed marker says open."""
    conn = sqlite3.connect(path)
    conn.execute("INSERT OR REPLACE INTO app_state (key, value) VALUES ('session_open', '1')")
    conn.commit()
    conn.close()


def rows_missing_from_index(path: Path, index: str = "organizations_name_key", count: int = 5) -> None:
    """Rows the index never saw, as in a ``.db`` copied alone while an import ran: the table and
    its index disagree, which ``PRAGMA quick_check`` does not notice."""
    conn = sqlite3.connect(path)
    entry = conn.execute(
        "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master WHERE name = ?", (index,)
    ).fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("DELETE FROM sqlite_master WHERE name = ?", (index,))
    conn.commit()
    conn.close()
    add_organizations(path, count, prefix="取り込み中")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)", entry)
    conn.commit()
    conn.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    check.close()


def garble_last_page(path: Path) -> None:
    """A damaged page the first reads never touch (a bad sector, a broken copy); the header and
    the marker still look fine."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(Path(path).read_bytes())
    start = len(data) - page_size
    data[start + 8 : start + page_size] = b"\xa5" * (page_size - 8)
    Path(path).write_bytes(bytes(data))


def drop_table(path: Path, table: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.close()

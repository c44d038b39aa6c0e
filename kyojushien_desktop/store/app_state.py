"""Technical state kept inside the file, above all the open/closed marker: a file that arrives
marked open was copied while the app was running, or the app crashed."""

from __future__ import annotations

import datetime as dt

from kyojushien_desktop.store.database import Database

_OPEN = "session_open"


def was_left_open(database: Database) -> dict[str, str] | None:
    rows = {row["key"]: row["value"] for row in database.read("SELECT key, value FROM app_state")}
    if rows.get(_OPEN) == "1":
        return {"host": rows.get("session_host", ""), "since": rows.get("session_since", "")}
    return None


_UPSERT = "INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"


def mark_open(database: Database, host: str) -> None:
    since = dt.datetime.now().isoformat(timespec="seconds")
    with database.atomic():
        database.conn.executemany(_UPSERT, [(_OPEN, "1"), ("session_host", host), ("session_since", since)])


def mark_closed(database: Database) -> None:
    with database.atomic():
        database.conn.execute(_UPSERT, (_OPEN, "0"))


def get_value(database: Database, key: str) -> str | None:
    rows = database.read("SELECT value FROM app_state WHERE key = ?", (key,))
    return rows[0]["value"] if rows else None


def set_value(database: Database, key: str, value: str) -> None:
    with database.atomic():
        database.conn.execute(_UPSERT, (key, value))

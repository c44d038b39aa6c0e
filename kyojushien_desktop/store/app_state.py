"""Technical state kept inside the file, above all the open/closed marker: a file that arrives
marked open was copied while the app was running, or the app crashed. Also when and on which
PC the file last passed the full damage check, written only once it has passed."""

from __future__ import annotations

import datetime as dt

from kyojushien_desktop.store.database import Database

_OPEN = "session_open"
_CHECKED = "integrity_checked"  # "<ISO time> <host>"
CHECK_INTERVAL = dt.timedelta(days=1)


def was_left_open(database: Database) -> dict[str, str] | None:
    rows = {row["key"]: row["value"] for row in database.read("SELECT key, value FROM app_state")}
    if rows.get(_OPEN) == "1":
        return {"host": rows.get("session_host", ""), "since": rows.get("session_since", "")}
    return None


_UPSERT = "INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"


def check_due(database: Database, host: str, now: dt.datetime | None = None) -> bool:
    """True when the file last passed the full check a day ago or more, or on another PC (a
    file that travelled may have been damaged on the way), or never."""
    value = get_value(database, _CHECKED) or ""
    stamp, _, checked_on = value.partition(" ")
    try:
        checked_at = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return True
    return checked_on != host or (now or dt.datetime.now()) - checked_at >= CHECK_INTERVAL


def mark_open(database: Database, host: str, *, checked_at: dt.datetime | None = None) -> None:
    """The open marker, and (``checked_at``) the time the full check just passed, in one write."""
    since = dt.datetime.now().isoformat(timespec="seconds")
    rows = [(_OPEN, "1"), ("session_host", host), ("session_since", since)]
    if checked_at is not None:
        rows.append((_CHECKED, f"{checked_at.isoformat(timespec='seconds')} {host}"))
    with database.atomic():
        database.conn.executemany(_UPSERT, rows)


def mark_closed(database: Database) -> None:
    with database.atomic():
        database.conn.execute(_UPSERT, (_OPEN, "0"))


def get_value(database: Database, key: str) -> str | None:
    rows = database.read("SELECT value FROM app_state WHERE key = ?", (key,))
    return rows[0]["value"] if rows else None


def set_value(database: Database, key: str, value: str) -> None:
    with database.atomic():
        database.conn.execute(_UPSERT, (key, value))

"""SQL for 引き継ぎ: the 引継ぎ事項, the 引継ぎ履歴, each table's row count (the package's
manifest) and a consistent snapshot of the open file. Callers hold the transaction for writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.domain.handover import HandoverNote, HistoryEntry
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.store import backups
from kyojushien_desktop.store.database import Database


def notes(database: Database) -> dict[str, HandoverNote]:
    return {
        r[0]: HandoverNote(r[0], r[1], r[2]) for r in database.read("SELECT key, text, updated_at FROM handover_notes")
    }


def save_note(database: Database, note: HandoverNote) -> None:
    database.execute(
        "INSERT INTO handover_notes (key, text, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
        (note.key, note.text, now_text()),
    )


def add_history(database: Database, entry: HistoryEntry, report_pdf: bytes | None) -> int:
    cursor = database.execute(
        "INSERT INTO handover_history (sender, sender_department, packed_at, received_at, received_on, package_name, "
        "app_version, without_personal_data, report_pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.sender,
            entry.sender_department,
            entry.packed_at.isoformat(timespec="seconds"),
            entry.received_at.isoformat(timespec="seconds"),
            entry.received_on,
            entry.package_name,
            entry.app_version,
            int(entry.without_personal_data),
            report_pdf,
        ),
    )
    return int(cursor.lastrowid)


def history(database: Database) -> list[HistoryEntry]:
    """Every package received into this file, the newest first."""
    rows = database.read(
        "SELECT id, sender, sender_department, packed_at, received_at, received_on, package_name, app_version, "
        "without_personal_data, report_pdf IS NOT NULL FROM handover_history ORDER BY received_at DESC, id DESC"
    )
    return [
        HistoryEntry(
            sender=r[1],
            sender_department=r[2],
            packed_at=dt.datetime.fromisoformat(r[3]),
            received_at=dt.datetime.fromisoformat(r[4]),
            received_on=r[5],
            package_name=r[6],
            app_version=r[7],
            without_personal_data=bool(r[8]),
            id=r[0],
            has_report=bool(r[9]),
        )
        for r in rows
    ]


def report_pdf(database: Database, entry_id: int) -> bytes | None:
    rows = database.read("SELECT report_pdf FROM handover_history WHERE id = ?", (entry_id,))
    return bytes(rows[0][0]) if rows and rows[0][0] is not None else None


def table_names(database: Database) -> list[str]:
    rows = database.read(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    )
    return sorted(r[0] for r in rows)


def row_counts(database: Database) -> dict[str, int]:
    """Every table's rows (the names come from the file's own catalogue, never from a user)."""
    return {name: int(database.read(f"SELECT count(*) FROM [{name}]")[0][0]) for name in table_names(database)}


def snapshot(database: Database, dest: Path) -> Path:
    """A consistent copy of the open file at ``dest`` through SQLite's backup API, even while the
    app has it open; a failed copy leaves nothing."""
    return backups.copy_to(database.conn, dest)

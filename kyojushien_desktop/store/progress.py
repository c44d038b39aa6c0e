"""SQL for フェーズ進捗: each 到達の目安's state, its history, its evidence and the phases' target
months. Callers hold the transaction for writes."""

from __future__ import annotations

from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.domain.progress import Evidence, MilestoneState, StatusChange
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import day


def states(database: Database) -> dict[str, MilestoneState]:
    """The saved states with their evidence counts (a 目安 never touched is absent)."""
    rows = database.read(
        "SELECT s.milestone_id, s.status, s.changed_on, s.learned, s.shared, s.target_month, "
        "(SELECT count(*) FROM milestone_evidence e WHERE e.milestone_id = s.milestone_id) "
        "FROM milestone_states s"
    )
    found = {r[0]: MilestoneState(r[0], r[1], day(r[2]), r[3], r[4], r[5], r[6]) for r in rows}
    for milestone_id, count in database.read(
        "SELECT milestone_id, count(*) FROM milestone_evidence GROUP BY milestone_id"
    ):
        if milestone_id not in found:
            found[milestone_id] = MilestoneState(milestone_id, evidence_count=count)
    return found


def save_state(database: Database, state: MilestoneState) -> None:
    database.execute(
        "INSERT INTO milestone_states (milestone_id, status, changed_on, learned, shared, target_month, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (milestone_id) DO UPDATE SET status = excluded.status, "
        "changed_on = excluded.changed_on, learned = excluded.learned, shared = excluded.shared, "
        "target_month = excluded.target_month, updated_at = excluded.updated_at",
        (
            state.milestone_id,
            state.status,
            state.changed_on.isoformat() if state.changed_on else None,
            state.learned,
            state.shared,
            state.target_month,
            now_text(),
        ),
    )


def add_change(database: Database, change: StatusChange) -> None:
    database.execute(
        "INSERT INTO milestone_history (milestone_id, changed_at, changed_on, old_status, new_status, note) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            change.milestone_id,
            change.changed_at,
            change.changed_on.isoformat() if change.changed_on else None,
            change.old_status,
            change.new_status,
            change.note,
        ),
    )


def history(database: Database, milestone_id: str | None = None) -> list[StatusChange]:
    """Status changes, oldest first (of one 目安, or of all)."""
    rows = database.read(
        "SELECT milestone_id, changed_at, changed_on, old_status, new_status, note FROM milestone_history"
        + (" WHERE milestone_id = ?" if milestone_id else "")
        + " ORDER BY coalesce(changed_on, substr(changed_at, 1, 10)), id",
        (milestone_id,) if milestone_id else (),
    )
    return [StatusChange(r[0], r[1], day(r[2]), r[3], r[4], r[5]) for r in rows]


def evidence(database: Database, milestone_id: str | None = None) -> list[Evidence]:
    rows = database.read(
        "SELECT id, milestone_id, kind, ref_id, title, place, added_at FROM milestone_evidence"
        + (" WHERE milestone_id = ?" if milestone_id else "")
        + " ORDER BY milestone_id, id",
        (milestone_id,) if milestone_id else (),
    )
    return [Evidence(r[1], r[2], r[3], r[4], r[5], r[0], r[6]) for r in rows]


def add_evidence(database: Database, item: Evidence) -> int:
    cursor = database.execute(
        "INSERT INTO milestone_evidence (milestone_id, kind, ref_id, title, place, added_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (milestone_id, kind, ref_id) DO NOTHING",
        (item.milestone_id, item.kind, item.ref_id, item.title, item.place, now_text()),
    )
    return int(cursor.lastrowid or 0)


def remove_evidence(database: Database, evidence_id: int) -> None:
    database.execute("DELETE FROM milestone_evidence WHERE id = ?", (evidence_id,))


def phase_targets(database: Database) -> dict[int, str]:
    return {r[0]: r[1] for r in database.read("SELECT phase, target_month FROM phase_targets") if r[1]}


def set_phase_target(database: Database, phase: int, month: str | None) -> None:
    database.execute(
        "INSERT INTO phase_targets (phase, target_month) VALUES (?, ?) "
        "ON CONFLICT (phase) DO UPDATE SET target_month = excluded.target_month",
        (phase, month),
    )

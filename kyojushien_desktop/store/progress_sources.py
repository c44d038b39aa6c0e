"""What the progress rules read from the other areas' tables, in three cheap queries."""

from __future__ import annotations

from kyojushien_desktop.domain.progress_rules import MeetingFacts, OrganizationFacts, Records, VisitFacts
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import day


def records(database: Database) -> Records:
    organizations = tuple(
        OrganizationFacts(r[0], r[1], r[2], bool(r[3]), r[4], bool(r[5]))
        for r in database.read(
            "SELECT id, name, category, internal, stage, (strengths <> '' OR troubles <> '') FROM organizations "
            "WHERE deleted_at IS NULL ORDER BY sort_kana"
        )
    )
    visits = tuple(
        VisitFacts(r[0], r[1], r[2], bool(r[3]), day(r[4]))  # type: ignore[arg-type]
        for r in database.read(
            "SELECT v.id, o.name, o.category, o.internal, v.scheduled_at FROM visits v "
            "JOIN organizations o ON o.id = v.organization_id "
            "WHERE v.deleted_at IS NULL AND v.status <> '予定' ORDER BY v.scheduled_at"
        )
    )
    meetings = tuple(
        MeetingFacts(r[0], r[1], r[2], day(r[3]))  # type: ignore[arg-type]
        for r in database.read(
            "SELECT id, kind, title, starts_at FROM meetings "
            "WHERE deleted_at IS NULL AND status IN ('開催済', '報告済') ORDER BY starts_at"
        )
    )
    return Records(organizations, visits, meetings)

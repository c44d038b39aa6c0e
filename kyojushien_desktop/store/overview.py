"""Counts for the ホーム overview, in a few cheap queries (ホーム is painted at start-up)."""

from __future__ import annotations

import sqlite3

from kyojushien_desktop.store.database import Database


def organizations_by_stage(database: Database) -> list[sqlite3.Row]:
    return database.read("SELECT stage, count(*) AS n FROM organizations WHERE deleted_at IS NULL GROUP BY stage")


def upcoming_visits(database: Database, from_day: str, limit: int) -> list[sqlite3.Row]:
    return database.read(
        "SELECT v.scheduled_at, o.name AS organization_name FROM visits v "
        "JOIN organizations o ON o.id = v.organization_id "
        "WHERE v.deleted_at IS NULL AND v.status = '予定' AND v.scheduled_at >= ? "
        "ORDER BY v.scheduled_at LIMIT ?",
        (from_day, limit),
    )


def open_followups(database: Database) -> list[sqlite3.Row]:
    return database.read(
        "SELECT f.action, f.due_on, o.name AS organization_name FROM followups f "
        "JOIN visits v ON v.id = f.visit_id JOIN organizations o ON o.id = v.organization_id "
        "WHERE f.done = 0 AND v.deleted_at IS NULL ORDER BY f.due_on IS NULL, f.due_on"
    )

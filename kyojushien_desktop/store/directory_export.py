"""SQL for exporting the 名簿: every live person in one read, so a 10,000-row export stays one query."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from kyojushien_desktop.store.database import Database


def live_people_by_organization(database: Database) -> dict[int, list[sqlite3.Row]]:
    """Live people of live organisations keyed by organisation id, each list in the order of
    ``people.for_organization``: current people first, then former ones (前任), newest period first."""
    rows = database.read(
        "SELECT p.* FROM people p JOIN organizations o ON o.id = p.organization_id "
        "WHERE p.deleted_at IS NULL AND o.deleted_at IS NULL "
        "ORDER BY p.organization_id, "
        "(p.ended_on IS NOT NULL AND p.ended_on <= date('now', 'localtime')), "
        "coalesce(p.started_on, '') DESC, p.id DESC"
    )
    grouped: dict[int, list[sqlite3.Row]] = defaultdict(list)
    for row in rows:
        grouped[row["organization_id"]].append(row)
    return dict(grouped)

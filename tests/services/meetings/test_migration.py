"""A file of the ヒアリング release (schema v3) opened by this one: 次の対応 were rebuilt into a
table that also holds a meeting's, and every one of them is still there, on its visit."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.services import datafile, overview
from kyojushien_desktop.services.hearing import visits
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.store.migrations import SCHEMA_VERSION
from tests.services.meetings.builders import plan

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schema_v3.db"


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def v3_file(tmp_path):
    path = tmp_path / "v3.db"
    shutil.copyfile(FIXTURE, path)
    return path


def test_v3_to_v4_keeps_every_visit_followup(v3_file):
    """The fixture's 10 follow-ups keep their id, visit, wording, 期限 and 済 after the update, and
    ホーム counts the same open ones."""
    assert rows(v3_file, "PRAGMA user_version") == [(3,)]
    before = rows(v3_file, "SELECT id, visit_id, action, due_on, done FROM followups ORDER BY id")
    assert len(before) == 10
    session = datafile.open_session(v3_file)
    try:
        assert session.database.migrated_from == 3
        assert rows(v3_file, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
        kept = sorted(
            (f.id, f.visit_id, f.action, f.due_on.isoformat() if f.due_on else None, int(f.done), f.meeting_id)
            for visit in visits.list_visits(session)
            for f in visits.followups_of(session, visit.id)
        )
        assert kept == [(*row, None) for row in before]
        open_before = sum(1 for row in before if not row[4])
        assert overview.load_overview(session, dt.date(2026, 12, 2)).open_followups == open_before
        assert len(visits.open_followups(session)) == open_before
        assert session.database.problems() == []
    finally:
        session.close()


def test_after_the_update_a_meeting_can_have_followups_too(v3_file):
    """The rebuilt table takes a meeting's 次の対応 beside the visits', and each belongs to one."""
    session = datafile.open_session(v3_file)
    try:
        meeting_id = plan(session)
        followup_id, _ = meetings.add_followup(
            session,
            FollowUp(visit_id=None, meeting_id=meeting_id, action="開催レポートを配る", due_on=dt.date(2026, 12, 20)),
        )
        assert followup_id == 11
        assert [f.action for f in meetings.followups_of(session, meeting_id)] == ["開催レポートを配る"]
        assert len(visits.open_followups(session)) == 6
        with pytest.raises(sqlite3.IntegrityError), session.database.conn:
            session.database.conn.execute(
                "INSERT INTO followups (visit_id, meeting_id, action, created_at) VALUES (1, ?, 'x', 'now')",
                (meeting_id,),
            )
    finally:
        session.close()

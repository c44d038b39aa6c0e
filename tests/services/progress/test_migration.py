"""A file of the 会議・勉強会 release (schema v4) opened by this one: every row of every table is
still there, the フェーズ進捗 tables are new and empty, and all 21 目安 read 未着手 until changed."""

import datetime as dt

import pytest

from kyojushien_desktop.domain.progress import Evidence
from kyojushien_desktop.services import datafile, overview
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.services.progress.suggestions import suggestions
from kyojushien_desktop.store.migrations import SCHEMA_VERSION
from tests.migration import fixture_copy, user_version
from tests.services.meetings.builders import snapshot

NEW_TABLES = {"milestone_states", "milestone_history", "milestone_evidence", "phase_targets"}


@pytest.fixture
def v4_file(tmp_path):
    return fixture_copy(tmp_path, 4)


def test_v4_to_v5_keeps_everything_and_adds_empty_progress_tables(v4_file):
    assert user_version(v4_file) == 4 and SCHEMA_VERSION >= 5
    before = snapshot(v4_file)
    assert not NEW_TABLES & set(before)
    assert len(before["organizations"]) == 42 and len(before["meetings"]) == 5 and len(before["visits"]) == 10
    session = datafile.open_session(v4_file)
    try:
        assert session.database.migrated_from == 4
        assert session.database.problems() == []
        assert len(organizations.list_organizations(session)) == 42
        assert len(meetings.list_meetings(session)) == 5
        assert {s.status for s in progress.states(session)} == {"未着手"}
        assert [p.achieved for p in progress.phase_progress(session)] == [0, 0, 0, 0]
        assert suggestions(session)  # the old records are read by the rules at once
        overview.load_overview(session, dt.date(2026, 12, 2))
    finally:
        session.close()
    after = snapshot(v4_file)
    assert user_version(v4_file) == SCHEMA_VERSION
    kept = set(before) - {"app_state"}  # app_state: who has the file open and since when
    assert {table: after[table] for table in kept} == {table: before[table] for table in kept}
    assert {table: after[table] for table in NEW_TABLES} == {table: [] for table in NEW_TABLES}


def test_after_the_update_a_target_can_be_set_and_linked_to_an_old_meeting(v4_file):
    session = datafile.open_session(v4_file)
    try:
        proposal = suggestions(session, "1-1")[0]
        assert proposal.kind == "meeting"
        progress.set_status(session, "1-1", "達成", on=dt.date(2026, 11, 1), note="勉強会で学んだ")
        progress.link_evidence(session, Evidence("1-1", proposal.kind, proposal.ref_id))
        assert proposal.ref_id not in {s.ref_id for s in suggestions(session, "1-1")}
    finally:
        session.close()
    reopened = datafile.open_session(v4_file)
    try:
        assert progress.state_of(reopened, "1-1").status == "達成"
        assert [c.new_status for c in progress.history(reopened, "1-1")] == ["達成"]
        assert progress.state_of(reopened, "1-1").evidence_count == 1
    finally:
        reopened.close()

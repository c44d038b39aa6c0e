"""A file of the フェーズ進捗 release (schema v5) opened by this one: every row of every table is
still there, the 診断シート tables are new and empty, and a round can be started at once."""

import pytest

from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.diagnosis import rounds
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.store.migrations import SCHEMA_VERSION
from tests.migration import fixture_copy, user_version
from tests.services.diagnosis.conftest import add_round, answer
from tests.services.meetings.builders import snapshot

NEW_TABLES = {"diagnosis_rounds", "diagnosis_respondents", "diagnosis_answers"}


@pytest.fixture
def v5_file(tmp_path):
    return fixture_copy(tmp_path, 5)


def test_v5_to_v6_keeps_everything_and_adds_empty_diagnosis_tables(v5_file):
    assert user_version(v5_file) == 5 and SCHEMA_VERSION >= 6
    before = snapshot(v5_file)
    assert not NEW_TABLES & set(before)
    assert len(before["milestone_evidence"]) == 30 and len(before["meetings"]) == 5
    session = datafile.open_session(v5_file)
    try:
        assert session.database.migrated_from == 5
        assert session.database.problems() == []
        assert rounds.list_rounds(session) == []
        assert sum(s.evidence_count for s in progress.states(session)) == 30
        assert len(meetings.list_meetings(session)) == 5
    finally:
        session.close()
    after = snapshot(v5_file)
    assert user_version(v5_file) == SCHEMA_VERSION
    kept = set(before) - {"app_state"}  # app_state: who has the file open and since when
    assert {table: after[table] for table in kept} == {table: before[table] for table in kept}
    assert {table: after[table] for table in NEW_TABLES} == {table: [] for table in NEW_TABLES}


def test_after_the_update_a_round_links_to_an_old_meeting(v5_file):
    session = datafile.open_session(v5_file)
    try:
        round_id = add_round(session)
        answer(session, round_id, "森 亜希子", "住宅", {"1-1": 4})
        meeting_id = meetings.list_meetings(session)[0].id
        rounds.link_meeting(session, round_id, meeting_id)
    finally:
        session.close()
    reopened = datafile.open_session(v5_file)
    try:
        assert rounds.get_round(reopened, round_id).meeting_id == meeting_id
        assert rounds.respondents_of(reopened, round_id)[0].scores == {"1-1": 4}
    finally:
        reopened.close()

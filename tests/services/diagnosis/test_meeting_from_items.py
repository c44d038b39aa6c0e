"""Step ③ as a service: the chosen items become an 意見交換会 four weeks ahead, linked to the
round, in one transaction; with no item chosen nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest

from kyojushien_desktop.domain.diagnosis import Round
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.diagnosis import rounds
from kyojushien_desktop.services.meetings import meetings


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    yield opened
    opened.close()


def test_the_chosen_items_become_the_themes_of_a_linked_meeting(session):
    round_id, _ = rounds.save_round(session, Round(name="令和8年度 第1回", held_on=dt.date(2026, 6, 1)))
    meeting_id, changes = rounds.meeting_from_items(session, round_id, ["3-1", "2-1", "9-9"], dt.date(2026, 6, 10))
    meeting = meetings.get_meeting(session, meeting_id)
    assert (meeting.kind, meeting.starts_at) == ("意見交換会", dt.datetime(2026, 7, 8, 14, 0))
    lines = meeting.theme.splitlines()[1:]
    assert [line.split()[0] for line in lines] == ["3-1", "2-1"]  # an unknown id is left out
    assert rounds.get_round(session, round_id).meeting_id == meeting_id
    assert {t.name for t in changes.topics} >= {"MEETINGS", "DIAGNOSIS"}


def test_no_item_chosen_writes_nothing(session):
    round_id, _ = rounds.save_round(session, Round(name="令和8年度 第1回", held_on=dt.date(2026, 6, 1)))
    with pytest.raises(ValidationError, match="項目を選んでください"):
        rounds.meeting_from_items(session, round_id, ["9-9"])
    assert meetings.list_meetings(session) == []
    assert rounds.get_round(session, round_id).meeting_id is None

"""Fixtures for the 診断シート services: a real data file opened as the app opens it, and a round
with respondents made through the services."""

import datetime as dt

import pytest

from kyojushien_desktop.domain.diagnosis import Respondent
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.diagnosis import rounds


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    yield opened
    opened.close()


def add_round(session, name: str = "令和8年度 第1回", on: dt.date = dt.date(2026, 5, 12)) -> int:
    round_id, _ = rounds.save_round(session, rounds.new_round(name, on))
    return round_id


def answer(session, round_id: int, name: str, bureau: str = "", scores: dict | None = None, **fields) -> int:
    person = Respondent(round_id, name, bureau=bureau, scores=dict(scores or {}), **fields)
    respondent_id, _ = rounds.save_respondent(session, person)
    return respondent_id

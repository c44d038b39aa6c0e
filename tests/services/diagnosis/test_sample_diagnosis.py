"""The sample town's 診断シート: two rounds half a year apart, the same five 庁内 people from the
名簿 (住宅 and 福祉, a 係長 and a 主事 among them), 住宅 rating phase 3 higher than 福祉 and the
reverse on 2-1, a couple of 未回答, the second round higher on phases 1–2, leading to the
sample's 意見交換会; and the latest round offered to フェーズ進捗."""

import datetime as dt

import pytest

from kyojushien_desktop.domain.diagnosis import widest_spread
from kyojushien_desktop.domain.progress import DOCUMENT
from kyojushien_desktop.services.diagnosis import rounds, trends
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.members import organizations, people
from kyojushien_desktop.services.progress.suggestions import suggestions
from kyojushien_desktop.services.sample import create_sample

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KYOJUSHIEN_HOME", str(home))
        session = create_sample(home / "sample.db", today=TODAY)
    yield session
    session.close()


def test_two_rounds_half_a_year_apart_named_by_their_nendo(sample):
    newest, oldest = rounds.list_rounds(sample)
    assert (oldest.name, newest.name) == ("令和8年度 第1回", "令和8年度 第2回")
    assert (newest.held_on - oldest.held_on).days == 180 and newest.held_on < TODAY
    assert (oldest.respondents, oldest.answered, newest.respondents, newest.answered) == (5, 5, 5, 5)
    assert rounds.get_round(sample, oldest.id).purpose and rounds.get_round(sample, newest.id).purpose


def test_the_names_follow_the_nendo_of_the_day_they_are_held(tmp_path, monkeypatch):
    """Made in June 2027, the first round falls in 令和8年度 and the second opens 令和9年度."""
    monkeypatch.setenv("KYOJUSHIEN_HOME", str(tmp_path))
    session = create_sample(tmp_path / "later.db", today=dt.date(2027, 6, 1))
    try:
        assert [r.name for r in rounds.list_rounds(session)] == ["令和9年度 第1回", "令和8年度 第1回"]
    finally:
        session.close()


def test_the_respondents_are_the_same_five_from_the_directory(sample):
    directory = {
        p.id: (p.name, p.department, p.title)
        for org in organizations.list_organizations(sample)
        if org.internal
        for p in people.people_of(sample, org.id)
    }
    newest, oldest = rounds.list_rounds(sample)
    first, second = rounds.respondents_of(sample, oldest.id), rounds.respondents_of(sample, newest.id)
    assert [p.name for p in first] == [p.name for p in second] and len(first) == 5
    for person in first + second:
        assert directory[person.person_id] == (person.name, person.division, person.title)
        assert person.free_answer
    assert {p.bureau for p in first} == {"住宅", "福祉"}
    assert {"係長", "主事"} <= {p.title for p in first}
    unanswered = [sum(r.unanswered for r in rounds.comparison(sample, r.id)) for r in (oldest, newest)]
    assert all(1 <= n <= 4 for n in unanswered)


def mean(rows, item_ids):
    scores = [s for r in rows if r.item_id in item_ids for s in r.scores if s is not None]
    return sum(scores) / len(scores)


@pytest.mark.parametrize("which", [0, 1])
def test_housing_rates_phase_3_higher_and_welfare_rates_2_1_higher(sample, which):
    round_id = rounds.list_rounds(sample)[which].id
    housing = rounds.comparison(sample, round_id, bureau="住宅")
    welfare = rounds.comparison(sample, round_id, bureau="福祉")
    phase_3 = {f"3-{n}" for n in range(1, 6)}
    assert mean(housing, phase_3) > mean(welfare, phase_3) + 0.5
    assert mean(welfare, {"2-1"}) > mean(housing, {"2-1"}) + 2
    assert rounds.comparison(sample, round_id)[6].item_id == "2-1"


def test_the_second_round_is_higher_on_phases_1_and_2(sample):
    oldest, newest = trends.round_trends(
        sample, names=trends.common_names(sample, [r.id for r in rounds.list_rounds(sample)])
    )
    for phase in (1, 2):
        assert newest.phase_means[phase] > oldest.phase_means[phase]
    assert abs(newest.phase_means[4] - oldest.phase_means[4]) < 0.5


def test_2_1_is_where_views_diverge_most(sample):
    newest = rounds.list_rounds(sample)[0]
    assert widest_spread(rounds.comparison(sample, newest.id), count=1)[0].item_id == "2-1"


def test_the_latest_round_leads_to_the_exchange_and_is_offered_as_evidence(sample):
    newest, oldest = rounds.list_rounds(sample)
    meeting = meetings.get_meeting(sample, rounds.get_round(sample, newest.id).meeting_id)
    assert meeting.kind == "意見交換会" and rounds.get_round(sample, oldest.id).meeting_id is None
    offered = {(s.milestone_id, s.title) for s in suggestions(sample) if s.kind == DOCUMENT}
    assert offered and {title for _, title in offered} == {newest.name}
    assert {m for m, _ in offered} <= {f"1-{n}" for n in range(1, 7)}

"""Rounds over time: the mean per phase per round for the same people or one 部局, the change per
item between two rounds, and a round offered to フェーズ進捗 as evidence for the 目安 it rates 4 or
more on average (linked as a 資料 kept in this app)."""

import dataclasses
import datetime as dt

import pytest

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.progress import DOCUMENT, Evidence
from kyojushien_desktop.services.diagnosis import rounds, trends
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.services.progress.suggestions import suggestions
from kyojushien_desktop.store import diagnosis as store
from tests.services.diagnosis.conftest import add_round, answer
from tests.services.meetings.builders import snapshot

PLACE = "診断シート（このアプリ）"


@pytest.fixture
def two_rounds(session):
    first = add_round(session, "令和8年度 第1回", dt.date(2026, 5, 12))
    answer(session, first, "森 亜希子", "住宅", {"1-1": 3, "1-2": 2, "2-1": 1, "3-1": 3})
    answer(session, first, "石井 健一", "福祉", {"1-1": 3, "1-2": 3, "2-1": 4, "3-1": 1})
    answer(session, first, "吉田 大輔", "福祉", {"1-1": 1, "2-1": 5})  # moved away before the second
    second = add_round(session, "令和8年度 第2回", dt.date(2026, 11, 10))
    answer(session, second, "石井 健一", "福祉", {"1-1": 4, "1-2": 5, "2-1": 5, "3-1": 2})
    answer(session, second, "森 亜希子", "住宅", {"1-1": 5, "1-2": 4, "2-1": 2})
    answer(session, second, "村上 亮", "福祉", {"1-1": 2, "2-1": 3})  # 吉田さんの後任
    return first, second


def test_the_same_people_are_those_in_every_round(session, two_rounds):
    assert trends.common_names(session, list(two_rounds)) == ["森 亜希子", "石井 健一"]
    assert trends.common_names(session, []) == []


def test_mean_per_phase_per_round_for_the_same_people(session, two_rounds):
    same = trends.common_names(session, list(two_rounds))
    first, second = trends.round_trends(session, names=same)
    assert [first.name, second.name] == ["令和8年度 第1回", "令和8年度 第2回"]  # oldest first
    assert (first.respondents, second.respondents) == (2, 2)
    assert first.phase_means == {1: pytest.approx(11 / 4), 2: 2.5, 3: 2.0, 4: None}
    assert second.phase_means == {1: 4.5, 2: 3.5, 3: 2.0, 4: None}
    assert second.item_means == {"1-1": 4.5, "1-2": 4.5, "2-1": 3.5, "3-1": 2.0}


def test_everyone_or_one_bureau_across_rounds(session, two_rounds):
    everyone = trends.round_trends(session)
    assert [t.respondents for t in everyone] == [3, 3]
    assert everyone[0].item_means["1-1"] == pytest.approx(7 / 3)
    welfare = trends.round_trends(session, bureau="福祉")
    assert [t.item_means["2-1"] for t in welfare] == [4.5, 4.0]
    assert [t.phase_means[3] for t in trends.round_trends(session, bureau="住宅")] == [3.0, None]
    only_second = trends.round_trends(session, round_ids=[two_rounds[1]])
    assert [t.round_id for t in only_second] == [two_rounds[1]]


def test_change_per_item_between_two_rounds(session, two_rounds):
    same = trends.common_names(session, list(two_rounds))
    before, after = trends.round_trends(session, names=same)
    changes = {c.item_id: c for c in trends.item_changes(before, after)}
    assert len(changes) == 21 and list(changes)[0] == "1-1"
    assert changes["1-1"].change == pytest.approx(1.5)
    assert changes["1-2"].change == pytest.approx(2.0)
    assert changes["3-1"].change == 0.0 and changes["3-1"].phase == 3
    assert (changes["4-1"].before, changes["4-1"].after, changes["4-1"].change) == (None, None, None)


def test_a_round_rated_4_or_more_is_offered_as_a_document_and_linked_once(session, two_rounds):
    offered = [s for s in suggestions(session, "1-2") if s.kind == DOCUMENT]
    # 1-2 in the second round: 5, 4 and one 未回答 → 4.5; the first round's 2.5 is not offered
    assert [(s.title, s.place, s.on) for s in offered] == [("令和8年度 第2回", PLACE, dt.date(2026, 11, 10))]
    # the same two people (森, 石井) gave 1-2 2.5 then 4.5
    assert offered[0].reason.endswith("（平均4.5、同じ人の前回から+2.0）")
    assert not [s for s in suggestions(session, "1-1") if s.kind == DOCUMENT]  # 11/3 < 4
    found = offered[0]
    progress.link_evidence(session, Evidence(found.milestone_id, found.kind, found.ref_id, found.title))
    (linked,) = progress.evidence_of(session, "1-2")
    assert (linked.kind, linked.ref_id, linked.title, linked.place) == (DOCUMENT, None, "令和8年度 第2回", PLACE)
    assert not [s for s in suggestions(session, "1-2") if s.kind == DOCUMENT]


def test_a_round_no_longer_offered_cannot_be_linked_by_its_id(session, two_rounds, db_path):
    person = next(p for p in rounds.respondents_of(session, two_rounds[1]) if p.name == "森 亜希子")
    rounds.save_respondent(session, dataclasses.replace(person, scores={"1-2": 1}))  # 1-2 now 3.0
    before = snapshot(db_path)
    with pytest.raises(UserFacingError, match="もう根拠の候補にありません"):
        progress.link_evidence(session, Evidence("1-2", DOCUMENT, two_rounds[1], "令和8年度 第2回"))
    assert snapshot(db_path) == before


def test_a_deleted_round_is_left_out(session, two_rounds):
    with session.database.atomic():
        store.update_round(session.database, two_rounds[0], {"deleted_at": "2026-11-20T10:00:00"})
    assert [t.round_id for t in trends.round_trends(session)] == [two_rounds[1]]


def test_a_first_round_is_offered_without_a_change(session):
    only = add_round(session)
    answer(session, only, "森 亜希子", scores={"4-1": 4})
    answer(session, only, "石井 健一", scores={"4-1": 5})
    (found,) = [s for s in suggestions(session, "4-1") if s.kind == DOCUMENT]
    assert found.reason.endswith("（平均4.5）") and found.ref_id == only

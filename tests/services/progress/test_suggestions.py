"""Evidence the records suggest, rule by rule of resources/progress_terms.json, through real
records made as a user makes them. The expectations are written out here, not read from the
JSON, so a rule changed by mistake fails."""

import dataclasses
import datetime as dt

import pytest

from kyojushien_desktop.content.phases import milestones
from kyojushien_desktop.content.progress_terms import EVERY, progress_terms
from kyojushien_desktop.domain.progress import MEETING, ORGANIZATION, VISIT, Evidence
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.services.progress.suggestions import suggestions
from tests.services.progress.records import DAY, add_org, hear, hold, plan_visit

KINDS = ("課内ミーティング", "庁内勉強会", "勉強会・講演会", "意見交換会", "グループワーク", "ケース検討会")
KINDS += ("コアメンバー会議", "設立準備会", "視察", "その他")

# 目安 → the kinds of meeting held that suggest it (each kind held once).
MEETING_RULES = {
    "1-1": {"庁内勉強会", "勉強会・講演会", "視察"},
    "1-2": {"視察", "勉強会・講演会"},
    "1-3": {"課内ミーティング"},
    "1-4": {"庁内勉強会", "勉強会・講演会"},
    "1-5": {"課内ミーティング"},
    "1-6": {"課内ミーティング", "庁内勉強会"},
    "2-3": {"庁内勉強会"},
    "2-4": {"庁内勉強会"},
    "2-5": {"設立準備会", "コアメンバー会議"},
    "3-4": {"意見交換会", "グループワーク", "ケース検討会"},
    "3-5": {"意見交換会", "グループワーク", "ケース検討会"},
    "4-3": {"設立準備会"},
    "4-4": {"設立準備会", "コアメンバー会議"},
    "4-5": {"設立準備会"},
}
VISIT_RULES = {"2-1", "2-2", "3-2"}
ORGANIZATION_RULES = {"3-1", "3-3", "4-2"}


def suggested(session, milestone_id):
    return {(s.kind, s.ref_id) for s in suggestions(session, milestone_id)}


def test_every_target_has_one_rule_and_every_rule_is_tested_here():
    """21 rules, one per 目安, each covered by one of the tables or tests below; and one for every
    目安, the 診断シート's rounds (tests/services/diagnosis/test_trends.py)."""
    ruled = [spec.milestone for spec in progress_terms().rules if spec.milestone != EVERY]
    assert ruled == [m.id for m in milestones()]
    assert [s.rule for s in progress_terms().rules if s.milestone == EVERY] == ["diagnosis_rounds"]
    assert set(MEETING_RULES) | VISIT_RULES | ORGANIZATION_RULES | {"4-1"} == set(ruled)


@pytest.fixture
def every_kind_held(session):
    """One meeting of every kind held, one of every kind still 企画中, one held and then deleted."""
    held = {kind: hold(session, kind, f"{kind}（開催済）", DAY) for kind in KINDS}
    for kind in KINDS:
        hold(session, kind, f"{kind}（企画中）", DAY + dt.timedelta(days=30), status="企画中")
    gone = hold(session, "設立準備会", "削除した設立準備会", DAY)
    meetings.delete_meeting(session, gone)
    return held


@pytest.mark.parametrize("milestone_id", sorted(MEETING_RULES))
def test_meetings_held_of_the_rules_kinds_are_suggested(session, every_kind_held, milestone_id):
    """Only meetings that took place (開催済 or 報告済), of the 目安's kinds, not deleted."""
    wanted = {(MEETING, every_kind_held[kind]) for kind in MEETING_RULES[milestone_id]}
    assert suggested(session, milestone_id) == wanted
    first = suggestions(session, milestone_id)[0]
    assert first.title.endswith("（開催済）」") and first.reason and first.on == DAY.date()


def test_a_reported_meeting_is_suggested_too(session):
    meeting_id = hold(session, "庁内勉強会", "第1回 居住支援勉強会", status="報告済")
    assert suggested(session, "2-3") == {(MEETING, meeting_id)}


def test_4_1_wants_two_meetings_of_one_kind_held_not_one(session):
    """定期的に話し合う場: one コアメンバー会議 and one 設立準備会 are not yet a place that recurs;
    a second コアメンバー会議 makes both コアメンバー会議 suggested (the 設立準備会 still alone)."""
    first = hold(session, "コアメンバー会議", "第1回 コアメンバー会議", DAY)
    hold(session, "設立準備会", "第1回 設立準備会", DAY)
    hold(session, "コアメンバー会議", "第2回 コアメンバー会議（予定）", DAY + dt.timedelta(days=30), status="企画中")
    hold(session, "意見交換会", "意見交換会", DAY)
    hold(session, "意見交換会", "意見交換会 2", DAY)
    assert suggested(session, "4-1") == set()
    second = hold(session, "コアメンバー会議", "第2回 コアメンバー会議", DAY + dt.timedelta(days=28))
    assert suggested(session, "4-1") == {(MEETING, first), (MEETING, second)}
    assert [s.ref_id for s in suggestions(session, "4-1")] == [second, first]  # newest first


@pytest.fixture
def visited(session):
    """Visits that took place to a 庁内 福祉部局 desk, a 庁内 住宅部局 desk and a 庁外 不動産
    organisation; one only planned to another 福祉部局 desk."""
    welfare = add_org(session, "福祉課 保護係", "福祉部局", internal=True)
    housing = add_org(session, "建設課 都市計画係", "住宅部局", internal=True)
    estate = add_org(session, "みどり不動産")
    planned_desk = add_org(session, "長寿介護課", "福祉部局", internal=True)
    plan_visit(session, planned_desk, DAY + dt.timedelta(days=10))
    return {
        "welfare": hear(session, welfare, DAY),
        "housing": hear(session, housing, DAY),
        "estate": hear(session, estate, DAY),
    }


def test_2_1_is_suggested_by_visits_to_internal_welfare_desks(session, visited):
    assert suggested(session, "2-1") == {(VISIT, visited["welfare"])}
    (only,) = suggestions(session, "2-1")
    assert only.title == "福祉課 保護係へのヒアリング" and only.reason == "庁内の福祉部局の窓口で困りごとを聞いた"


def test_2_2_is_suggested_by_visits_to_any_internal_desk(session, visited):
    assert suggested(session, "2-2") == {(VISIT, visited["welfare"]), (VISIT, visited["housing"])}


def test_3_2_is_suggested_by_visits_outside_the_town_hall(session, visited):
    assert suggested(session, "3-2") == {(VISIT, visited["estate"])}


def test_3_1_is_suggested_by_organisations_outside_the_town_hall_at_any_stage(session):
    outside = {
        add_org(session, "みどり不動産", stage="未接触"),
        add_org(session, "みどり町社会福祉協議会", "福祉事業者・団体", stage="構成員候補"),
        add_org(session, "なかがわ司法書士事務所", "弁護士・司法書士等", stage="辞退・休止"),
    }
    add_org(session, "福祉課 保護係", "福祉部局", internal=True)
    gone = add_org(session, "あけぼの荘")
    organizations.delete_organization(session, gone)
    assert suggested(session, "3-1") == {(ORGANIZATION, o) for o in outside}
    assert {s.reason for s in suggestions(session, "3-1")} == {"名簿に庁外の団体として載っている"}


def test_3_3_a_hearing_that_fills_strengths_for_an_estate_agent_makes_it_suggested(session):
    """Before: 接触済 with nothing noted → not suggested. A hearing (ヒアリング済) alone is not
    enough either; noting 得意なこと in it makes 3-3 suggest the organisation."""
    estate = add_org(session, "みどり不動産", stage="接触済")
    assert suggested(session, "3-3") == set()
    hear(session, estate, DAY)
    assert organizations.get_organization(session, estate).stage == "ヒアリング済"
    assert suggested(session, "3-3") == set()
    hear(session, estate, DAY + dt.timedelta(days=7), strengths="高齢の方の入居に前向き")
    assert suggested(session, "3-3") == {(ORGANIZATION, estate)}
    (only,) = suggestions(session, "3-3")
    assert only.title == "みどり不動産（不動産事業者・団体・ヒアリング済）"


def test_3_3_wants_estate_welfare_or_support_corporations_heard_with_notes(session):
    wanted = {
        add_org(session, "みどり住まいネット", "居住支援法人", stage="構成員候補", troubles="夜間の対応"),
        add_org(session, "みどり町社会福祉協議会", "福祉事業者・団体", stage="意見交換会に参加", strengths="見守り"),
        add_org(session, "さくら住宅管理", stage="構成員（参加合意済）", strengths="管理物件が多い"),
    }
    add_org(session, "ひかり商事", stage="接触済", strengths="駅前に強い")  # not heard yet
    add_org(session, "なかがわ司法書士事務所", "弁護士・司法書士等", stage="ヒアリング済", strengths="残置物")
    add_org(session, "福祉課 保護係", "福祉部局", internal=True, stage="ヒアリング済", strengths="生活保護")
    add_org(session, "駅前ホーム", stage="辞退・休止", strengths="単身向け")
    assert suggested(session, "3-3") == {(ORGANIZATION, o) for o in wanted}


def test_4_2_is_suggested_by_organisations_agreed_as_members(session):
    agreed = {
        add_org(session, "みどり町社会福祉協議会", "福祉事業者・団体", stage="構成員（参加合意済）"),
        add_org(session, "福祉課 社会福祉係", "福祉部局", internal=True, stage="構成員（参加合意済）"),
    }
    add_org(session, "さくら住宅管理", stage="構成員候補")
    assert suggested(session, "4-2") == {(ORGANIZATION, o) for o in agreed}
    (one, _) = agreed
    org = organizations.get_organization(session, one)
    organizations.save_organization(session, dataclasses.replace(org, stage="辞退・休止"))
    assert len(suggested(session, "4-2")) == 1


def test_a_linked_record_is_no_longer_suggested_for_that_target_only(session):
    meeting_id = hold(session, "庁内勉強会", "第1回 居住支援勉強会")
    estate = add_org(session, "みどり不動産", stage="接触済")
    visit_id = hear(session, estate, DAY, strengths="見守り付き物件")
    progress.link_evidence(session, Evidence("2-3", MEETING, meeting_id))
    progress.link_evidence(session, Evidence("3-2", VISIT, visit_id))
    assert suggested(session, "2-3") == set()
    assert suggested(session, "2-4") == {(MEETING, meeting_id)}
    assert suggested(session, "3-2") == set()
    assert suggested(session, "3-3") == {(ORGANIZATION, estate)}
    (linked,) = progress.evidence_of(session, "2-3")
    progress.unlink_evidence(session, linked.id)
    assert suggested(session, "2-3") == {(MEETING, meeting_id)}


def test_all_suggestions_come_grouped_by_target_in_the_guides_order(session):
    hold(session, "庁内勉強会", "第1回 居住支援勉強会")
    add_org(session, "みどり不動産", stage="構成員（参加合意済）")
    found = [s.milestone_id for s in suggestions(session)]
    order = [m.id for m in milestones()]
    assert found == sorted(found, key=order.index)
    assert set(found) == {"1-1", "1-4", "1-6", "2-3", "2-4", "3-1", "4-2"}

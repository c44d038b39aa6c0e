"""The sample town's フェーズ進捗, made on any day: phase 1 達成, phase 2 but 2-5 (庁内合意), phase
3 under way, phase 4 only 4-1 started; dated in the past, the guide's two questions answered,
evidence from the sample's own records and two documents, targets planned against the
異動予定日 with one deliberately after it."""

import datetime as dt

import pytest

from kyojushien_desktop.content.phases import milestones
from kyojushien_desktop.domain.hearing import PLANNED
from kyojushien_desktop.domain.progress import DOCUMENT, MEETING, ORGANIZATION, VISIT, month_end, target_warnings
from kyojushien_desktop.services.common.settings import load_settings, rotation_date
from kyojushien_desktop.services.hearing import visits
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.services.progress.suggestions import suggestions
from kyojushien_desktop.services.sample import create_sample

# Any day: a Sunday in November, the day after the 異動, and a fortnight before it.
DAYS = (dt.date(2026, 11, 22), dt.date(2027, 4, 1), dt.date(2027, 3, 18))
EXPECTED = {
    **{f"1-{n}": "達成" for n in range(1, 7)},
    **{f"2-{n}": "達成" for n in range(1, 5)},
    "2-5": "取組み中",
    "3-1": "達成",
    "3-2": "取組み中",
    "3-3": "取組み中",
    "3-4": "取組み中",
    "3-5": "未着手",
    "4-1": "取組み中",
    **{f"4-{n}": "未着手" for n in range(2, 6)},
}


@pytest.fixture(scope="module", params=DAYS, ids=str)
def town(request, tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KYOJUSHIEN_HOME", str(home))
        session = create_sample(home / "sample.db", today=request.param)
    yield session, request.param
    session.close()


def test_the_phases_stand_where_a_town_after_three_study_sessions_stands(town):
    session, _ = town
    assert {s.milestone_id: s.status for s in progress.states(session)} == EXPECTED
    counted = [(p.achieved, p.in_progress, p.total) for p in progress.phase_progress(session)]
    assert counted == [(6, 0, 6), (4, 1, 5), (1, 3, 5), (0, 1, 5)]


def test_every_change_is_dated_in_the_past_with_a_note_in_order(town):
    session, today = town
    changes = progress.history(session)
    assert len(changes) >= 20
    for state in progress.states(session):
        kept = progress.history(session, state.milestone_id)
        if state.status == "未着手":
            assert kept == [] and state.changed_on is None, state.milestone_id
            continue
        assert kept[0].old_status == "未着手"
        assert [c.new_status for c in kept][-1] == state.status
        assert all(a.new_status == b.old_status for a, b in zip(kept, kept[1:], strict=False))
        assert [c.changed_on for c in kept] == sorted(c.changed_on for c in kept)
        assert state.changed_on == kept[-1].changed_on < today
        assert all(c.note and c.changed_on < today for c in kept), state.milestone_id


def test_the_guides_two_questions_are_answered_for_every_target_started(town):
    session, _ = town
    for state in progress.states(session):
        if state.status != "未着手":
            assert len(state.learned) >= 20 and len(state.shared) >= 15, state.milestone_id


def test_evidence_is_the_samples_own_records_that_took_place(town):
    """Each linked visit took place, each meeting was held, each organisation is in the 名簿;
    3-1 and 3-3 are backed by organisations and visits, and two documents say where they are."""
    session, today = town
    visited = {v.id: v for v in visits.list_visits(session)}
    held = {m.id: m for m in meetings.list_meetings(session)}
    listed = {o.id: o for o in organizations.list_organizations(session)}
    linked = progress.evidence_of(session)
    for item in linked:
        if item.kind == VISIT:
            assert visited[item.ref_id].status != PLANNED
            assert visited[item.ref_id].scheduled_at.date() < today
        elif item.kind == MEETING:
            assert held[item.ref_id].status in ("開催済", "報告済")
            assert held[item.ref_id].starts_at.date() < today
        elif item.kind == ORGANIZATION:
            assert item.ref_id in listed
    by_target = {m.id: {e.kind for e in linked if e.milestone_id == m.id} for m in milestones()}
    assert by_target["3-1"] == {ORGANIZATION} and len(progress.evidence_of(session, "3-1")) >= 3
    assert VISIT in by_target["3-3"] and MEETING in by_target["3-4"]
    assert all(by_target[f"1-{n}"] for n in range(1, 7))
    assert all(not listed[e.ref_id].internal for e in progress.evidence_of(session, "3-1"))
    documents = [e for e in linked if e.kind == DOCUMENT]
    assert len(documents) == 2
    assert documents[0].title == "住宅確保要配慮者の実態に関する庁内アンケート結果"
    assert all(d.place.startswith("共有フォルダ\\住宅係\\居住支援") for d in documents)
    assert {d.milestone_id for d in documents} == {"2-1", "2-5"}


def test_targets_are_planned_before_the_rotation_but_one(town):
    """Phases 2–4 and a few 目安 by months before the 異動予定日 (never before the month the
    sample was made); 4-5 after it, so the warning shows."""
    session, today = town
    rotation = rotation_date(load_settings(session), today)
    phase_targets = {p.phase: p.target_month for p in progress.phase_progress(session)}
    assert phase_targets[1] is None
    for phase in (2, 3, 4):
        assert today.replace(day=1) <= month_end(phase_targets[phase]) < rotation
    targets = {s.milestone_id: s.target_month for s in progress.states(session) if s.target_month}
    assert len(targets) >= 4
    assert all(month_end(m) < rotation for key, m in targets.items() if key != "4-5")
    assert month_end(targets["4-5"]) > rotation
    states = {s.milestone_id: s.status for s in progress.states(session)}
    assert target_warnings(targets | {str(k): v for k, v in phase_targets.items() if v}, states, rotation, {}) == [
        f"4-5の目標（令和{int(targets['4-5'][:4]) - 2018}年{int(targets['4-5'][5:])}月）が人事異動予定日より後です。"
    ]


def test_the_sample_still_has_suggestions_to_look_at(town):
    """Not everything is linked: 3-3 and 4-2 have records to propose."""
    session, _ = town
    proposed = {s.milestone_id for s in suggestions(session)}
    assert {"3-1", "3-3", "4-2"} <= proposed

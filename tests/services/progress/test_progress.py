"""フェーズ進捗 through the services on a real file: 状態 changed with its history, the two notes,
target months, evidence linked and unlinked, the phases counted, and a file opened read-only."""

import datetime as dt

import pytest

from kyojushien_desktop.content.phases import milestones
from kyojushien_desktop.domain.errors import ReadOnlyError, UserFacingError, ValidationError
from kyojushien_desktop.domain.progress import (
    DOCUMENT,
    MEETING,
    ORGANIZATION,
    VISIT,
    Evidence,
    MilestoneState,
    target_warnings,
)
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.changes import Topic
from kyojushien_desktop.services.progress import progress
from tests import damage
from tests.japanese import assert_japanese
from tests.services.meetings.builders import snapshot
from tests.services.progress.records import add_org, hear, hold


def test_a_target_never_touched_is_not_started(session):
    """All 21 in the guide's order, each 未着手 with nothing saved."""
    states = progress.states(session)
    assert [s.milestone_id for s in states] == [m.id for m in milestones()]
    assert len(states) == 21
    assert {(s.status, s.changed_on, s.learned, s.shared, s.target_month, s.evidence_count) for s in states} == {
        ("未着手", None, "", "", None, 0)
    }
    assert progress.history(session) == []


def test_status_changes_are_kept_in_order_with_date_and_note(session):
    """未着手 → 取組み中 → 達成 → 取組み中: each change kept with old and new 状態, its date and
    its note (whitespace folded), oldest first, and the 目安 shows the last one."""
    changes = progress.set_status(
        session, "2-1", "取組み中", on=dt.date(2026, 6, 1), note="福祉課に\nアンケートを　お願いした"
    )
    assert Topic.PROGRESS in changes.topics
    progress.set_status(session, "2-1", "達成", on=dt.date(2026, 7, 10), note="結果を勉強会で共有")
    progress.set_status(session, "2-1", "取組み中", on=dt.date(2026, 9, 2), note="担当が替わり聞き直す")
    progress.set_status(session, "1-1", "達成", on=dt.date(2026, 5, 1))

    kept = [(c.old_status, c.new_status, c.changed_on, c.note) for c in progress.history(session, "2-1")]
    assert kept == [
        ("未着手", "取組み中", dt.date(2026, 6, 1), "福祉課に アンケートを お願いした"),
        ("取組み中", "達成", dt.date(2026, 7, 10), "結果を勉強会で共有"),
        ("達成", "取組み中", dt.date(2026, 9, 2), "担当が替わり聞き直す"),
    ]
    assert [c.milestone_id for c in progress.history(session)] == ["1-1", "2-1", "2-1", "2-1"]
    state = progress.state_of(session, "2-1")
    assert (state.status, state.changed_on) == ("取組み中", dt.date(2026, 9, 2))


def test_a_change_without_a_date_is_dated_today(session):
    progress.set_status(session, "1-2", "取組み中")
    assert progress.state_of(session, "1-2").changed_on == dt.date.today()
    assert progress.history(session, "1-2")[0].changed_on == dt.date.today()


def test_an_unknown_status_is_refused_in_japanese_and_nothing_saved(session, db_path):
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        progress.set_status(session, "1-1", "完了")
    assert "未着手" in caught.value.message and "達成" in caught.value.message
    assert_japanese(str(caught.value))
    assert snapshot(db_path) == before


@pytest.mark.parametrize("call", ["set_status", "state_of", "set_target", "link_evidence", "save_notes"])
def test_an_unknown_target_id_is_a_japanese_error_naming_it(session, db_path, call):
    """「5-1」 is not one of the 21: every entry point names it, in Japanese, and saves nothing."""
    before = snapshot(db_path)
    calls = {
        "set_status": lambda: progress.set_status(session, "5-1", "達成"),
        "state_of": lambda: progress.state_of(session, "5-1"),
        "set_target": lambda: progress.set_target(session, "5-1", "2027-03"),
        "link_evidence": lambda: progress.link_evidence(session, Evidence("5-1", DOCUMENT, title="資料", place="棚")),
        "save_notes": lambda: progress.save_notes(session, MilestoneState("5-1", learned="x")),
    }
    with pytest.raises(UserFacingError) as caught:
        calls[call]()
    assert "到達の目安「5-1」はありません" in caught.value.message
    assert "1-1 から 4-5" in caught.value.hint
    assert_japanese(caught.value.message)
    assert snapshot(db_path) == before


def test_notes_are_cleaned_and_kept_apart_from_the_status(session):
    """わかったこと and 関係者と共有できたこと: trimmed, kept; saving them leaves the 状態 and the
    history alone, and a later 状態 change keeps them."""
    progress.set_status(session, "2-3", "取組み中", on=dt.date(2026, 8, 1))
    progress.save_notes(
        session,
        MilestoneState("2-3", status="達成", learned="  各課の得意なことがわかった  \n", shared="\n勉強会で共有 "),
    )
    state = progress.state_of(session, "2-3")
    assert (state.learned, state.shared) == ("各課の得意なことがわかった", "勉強会で共有")
    assert state.status == "取組み中"  # notes never change the 状態
    assert len(progress.history(session, "2-3")) == 1
    progress.set_status(session, "2-3", "達成", on=dt.date(2026, 9, 1))
    assert progress.state_of(session, "2-3").learned == "各課の得意なことがわかった"


def test_notes_over_2000_characters_are_refused_naming_both_fields(session, db_path):
    progress.save_notes(session, MilestoneState("3-3", learned="前の記録"))
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        progress.save_notes(session, MilestoneState("3-3", learned="あ" * 2001, shared="い" * 2001))
    assert caught.value.problems == {
        "learned": "わかったことは2000文字以内で入力してください。",
        "shared": "関係者と共有できたことは2000文字以内で入力してください。",
    }
    assert snapshot(db_path) == before
    progress.save_notes(session, MilestoneState("3-3", learned="あ" * 2000))
    assert len(progress.state_of(session, "3-3").learned) == 2000


@pytest.mark.parametrize(
    "typed, month",
    [
        ("２０２７年３月", "2027-03"),
        ("2027年3月", "2027-03"),
        ("2027/3", "2027-03"),
        ("2027-03", "2027-03"),
        (" 2027 / 12 ", "2027-12"),
        ("2028.1", "2028-01"),
    ],
)
def test_target_months_are_read_in_the_ways_people_type_them(session, typed, month):
    progress.set_target(session, "3-3", typed)
    assert progress.state_of(session, "3-3").target_month == month


@pytest.mark.parametrize("typed", ["来年3月", "2027-13", "2027/0", "27/3", "2027年3月末"])
def test_a_bad_target_month_is_a_japanese_error_naming_the_text(session, db_path, typed):
    progress.set_target(session, "3-3", "2027-03")
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        progress.set_target(session, "3-3", typed)
    assert f"目標の月「{typed}」は 2027-03 や 2027年3月 の形で" in caught.value.message
    assert caught.value.field == "target_month"
    assert snapshot(db_path) == before
    assert progress.state_of(session, "3-3").target_month == "2027-03"


def test_a_blank_target_clears_it_and_keeps_the_status(session):
    progress.set_status(session, "4-1", "取組み中", on=dt.date(2026, 10, 1))
    progress.set_target(session, "4-1", "2027/2")
    progress.set_target(session, "4-1", "  ")
    state = progress.state_of(session, "4-1")
    assert (state.target_month, state.status) == (None, "取組み中")


def test_phase_targets_are_set_cleared_and_counted(session):
    progress.set_phase_target(session, 2, "2027年1月")
    progress.set_phase_target(session, 3, "2027/3")
    progress.set_phase_target(session, 3, "")
    with pytest.raises(ValidationError):
        progress.set_phase_target(session, 4, "そのうち")
    targets = {p.phase: p.target_month for p in progress.phase_progress(session)}
    assert targets == {1: None, 2: "2027-01", 3: None, 4: None}


def test_phase_counts_follow_the_states(session):
    """Per phase: 達成 and 取組み中 of its 目安 out of 6, 5, 5, 5; a phase is done when all are 達成."""
    for milestone_id in ("1-1", "1-2", "1-3", "1-4", "1-5", "1-6", "2-1"):
        progress.set_status(session, milestone_id, "達成", on=dt.date(2026, 5, 1))
    progress.set_status(session, "2-2", "取組み中", on=dt.date(2026, 5, 1))
    progress.set_status(session, "3-1", "取組み中", on=dt.date(2026, 5, 1))
    progress.set_status(session, "3-1", "未着手", on=dt.date(2026, 6, 1))
    counted = [(p.phase, p.achieved, p.in_progress, p.total, p.done) for p in progress.phase_progress(session)]
    assert counted == [(1, 6, 0, 6, True), (2, 1, 1, 5, False), (3, 0, 0, 5, False), (4, 0, 0, 5, False)]


def test_a_target_after_the_rotation_is_named_unless_achieved():
    labels = {"3-3": "到達の目安 3-3", "4": "フェーズ4"}
    rotation = dt.date(2027, 4, 1)
    targets = {"3-3": "2027-03", "4": "2027-04"}
    assert target_warnings(targets, {}, rotation, labels) == [
        "フェーズ4の目標（令和9年4月）が人事異動予定日より後です。"
    ]
    assert target_warnings(targets, {"4": "達成"}, rotation, labels) == []


def test_a_record_linked_twice_stays_once_and_can_be_unlinked(session):
    organization_id = add_org(session, "みどり不動産", stage="接触済")
    visit_id = hear(session, organization_id)
    meeting_id = hold(session, "庁内勉強会", "第1回 居住支援勉強会")
    for _ in range(2):
        progress.link_evidence(session, Evidence("3-3", VISIT, visit_id))
    progress.link_evidence(session, Evidence("3-3", ORGANIZATION, organization_id))
    progress.link_evidence(session, Evidence("2-3", MEETING, meeting_id))
    progress.link_evidence(session, Evidence("3-3", MEETING, meeting_id))

    linked = progress.evidence_of(session, "3-3")
    assert [(e.kind, e.ref_id) for e in linked] == [
        (VISIT, visit_id),
        (ORGANIZATION, organization_id),
        (MEETING, meeting_id),
    ]
    assert progress.state_of(session, "3-3").evidence_count == 3
    assert progress.state_of(session, "3-3").status == "未着手"  # evidence never decides the 状態
    assert len(progress.evidence_of(session)) == 4

    progress.unlink_evidence(session, linked[0].id)
    assert [(e.kind, e.ref_id) for e in progress.evidence_of(session, "3-3")] == [
        (ORGANIZATION, organization_id),
        (MEETING, meeting_id),
    ]
    assert [(e.kind, e.ref_id) for e in progress.evidence_of(session, "2-3")] == [(MEETING, meeting_id)]


def test_a_document_needs_its_name_and_where_it_is_kept_and_is_linked_once(session, db_path):
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        progress.link_evidence(session, Evidence("2-1", DOCUMENT, title="  ", place=""))
    assert set(caught.value.problems) == {"title", "place"}
    assert "資料の名前を入力してください" in caught.value.problems["title"]
    assert "どこに保管しているかを入力してください" in caught.value.problems["place"]
    with pytest.raises(ValidationError) as caught:
        progress.link_evidence(session, Evidence("2-1", DOCUMENT, title="庁内アンケート結果", place=" "))
    assert set(caught.value.problems) == {"place"}
    assert snapshot(db_path) == before

    progress.link_evidence(
        session,
        Evidence(
            "2-1",
            DOCUMENT,
            title=" 住宅確保要配慮者の実態に関する\n庁内アンケート結果 ",
            place="共有フォルダ\\住宅係\\居住支援",
        ),
    )
    progress.link_evidence(
        session,
        Evidence(
            "2-1",
            DOCUMENT,
            title="住宅確保要配慮者の実態に関する 庁内アンケート結果",
            place="共有フォルダ\\住宅係\\居住支援",
        ),
    )  # the same document again stays once
    (kept,) = progress.evidence_of(session, "2-1")
    assert (kept.kind, kept.ref_id, kept.title, kept.place) == (
        DOCUMENT,
        None,
        "住宅確保要配慮者の実態に関する 庁内アンケート結果",
        "共有フォルダ\\住宅係\\居住支援",
    )
    progress.unlink_evidence(session, kept.id)
    assert progress.evidence_of(session, "2-1") == []


def test_a_file_opened_read_only_refuses_set_status_in_japanese(db_path):
    """A colleague has the file open: 状態, notes, targets and evidence are refused with the
    Japanese read-only message, and the file's bytes do not change."""
    writer = datafile.open_session(db_path)
    progress.set_status(writer, "1-1", "取組み中", on=dt.date(2026, 5, 1))
    writer.close()
    before = damage.digest(db_path)
    session = datafile.open_session(db_path, read_only=True)
    try:
        assert session.read_only
        writes = {
            "状態": lambda: progress.set_status(session, "1-1", "達成", note="勉強会で学んだ"),
            "メモ": lambda: progress.save_notes(session, MilestoneState("1-1", learned="背景")),
            "目標": lambda: progress.set_target(session, "1-1", "2027-03"),
            "フェーズの目標": lambda: progress.set_phase_target(session, 1, "2027-03"),
            "根拠": lambda: progress.link_evidence(session, Evidence("1-1", DOCUMENT, title="資料", place="棚")),
        }
        for what, write in writes.items():
            with pytest.raises(ReadOnlyError) as caught:
                write()
            assert "読み取り専用で開いているため、変更を保存できません" in caught.value.message, what
            assert_japanese(str(caught.value), db_path)
        assert progress.state_of(session, "1-1").status == "取組み中"
    finally:
        session.close()
    assert damage.digest(db_path) == before


def test_a_status_note_over_the_limit_is_refused_and_nothing_written(session):
    """The 備考 of a status change is short (the two notes hold the rest): a long one is named
    with its length, and neither the 状態 nor the history changes."""
    with pytest.raises(ValidationError) as caught:
        progress.set_status(session, "1-1", "取組み中", note="あ" * (progress.NOTE_LIMIT + 1))
    assert caught.value.field == "note" and str(progress.NOTE_LIMIT + 1) in caught.value.message
    assert progress.state_of(session, "1-1").status == "未着手" and progress.history(session, "1-1") == []

"""会議・勉強会 services on a real data file: planning with the guide's checklist, the プログラム,
状態, deletion, and what ホーム and the 経過記録 show of a meeting."""

import dataclasses
import datetime as dt

import pytest

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.content.meetings import meeting_planning
from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.meetings import ATTENDED, HELD, INVITED, REPORTED, ProgramItem
from kyojushien_desktop.services import overview, timeline
from kyojushien_desktop.services.common import followups
from kyojushien_desktop.services.common.changes import Topic
from kyojushien_desktop.services.meetings import checklist, meetings, participants, survey
from tests.services.meetings.builders import DAY, add_org, by_key, mark, plan, snapshot


def test_planning_seeds_the_guides_steps_with_due_dates_from_the_day(session):
    """A new meeting gets every default step in order, each from the guide's step with its text,
    its 期限 counted from the meeting's day (参加依頼 three weeks before, レポート two weeks after),
    and the アンケート presets."""
    meeting = meetings.new_meeting("意見交換会", on=dt.date(2026, 9, 3))
    assert meeting.starts_at == dt.datetime(2026, 10, 15, 14, 0)
    meeting_id, changes = meetings.save_meeting(session, dataclasses.replace(meeting, title="意見交換会"))
    assert {Topic.MEETINGS, Topic.CHECKLIST, Topic.SURVEY} <= changes.topics
    items = checklist.items_of(session, meeting_id)
    defaults = meeting_terms().checklist
    assert [i.key for i in items] == [d.key for d in defaults]
    assert [(i.title, i.timing, i.days) for i in items] == [(d.title, d.timing, d.days) for d in defaults]
    assert all(i.due_on == dt.date(2026, 10, 15) + dt.timedelta(days=i.days) and not i.done for i in items)
    steps = by_key(items)
    assert steps["analyse"].due_on == dt.date(2026, 9, 3)  # new_meeting: the first step is due today
    assert steps["request"].due_on == dt.date(2026, 9, 24)
    assert steps["review"].due_on == dt.date(2026, 10, 22) and steps["report"].due_on == dt.date(2026, 10, 29)
    planning = meeting_planning()
    guide = {s.title: "\n".join(s.body) for s in (*planning.before, *planning.after)}
    for item in items:
        if item.guide_step in guide:
            assert checklist.guide_text(item) == guide[item.guide_step]
    assert checklist.guide_text(steps["speaker"]) == planning.lecture_points[1]
    assert checklist.guide_text(steps["materials"]) == ""  # the app's own step
    assert {d.step for d in defaults if d.step} <= set(guide) | {"講演を企画する際のポイント"}
    assert [q.key for q in survey.questions_of(session, meeting_id)] == [p.key for p in meeting_terms().survey_presets]


def test_moving_the_date_moves_the_open_steps_only(session):
    """A meeting moved a week later: open steps keep their distance from the day; a step done
    keeps its 期限 and its date done. A new time on the same day moves nothing."""
    meeting_id = plan(session)
    before = by_key(checklist.items_of(session, meeting_id))
    checklist.complete(session, before["analyse"].id, dt.date(2026, 9, 1))
    meeting = meetings.get_meeting(session, meeting_id)
    _, changes = meetings.save_meeting(session, dataclasses.replace(meeting, starts_at=DAY + dt.timedelta(days=7)))
    assert Topic.CHECKLIST in changes.topics
    after = by_key(checklist.items_of(session, meeting_id))
    assert after["analyse"].due_on == before["analyse"].due_on and after["analyse"].done_on == dt.date(2026, 9, 1)
    for key in ("goal", "request", "speaker", "materials", "review", "survey", "report"):
        assert after[key].due_on == before[key].due_on + dt.timedelta(days=7), key
    moved = meetings.get_meeting(session, meeting_id)
    _, changes = meetings.save_meeting(session, dataclasses.replace(moved, starts_at=moved.starts_at.replace(hour=10)))
    assert Topic.CHECKLIST not in changes.topics
    assert by_key(checklist.items_of(session, meeting_id)) == after


def test_completing_and_undoing_a_step(session):
    """済 is kept with its date; ticking again with no date makes it open again; a step that is
    gone is refused in Japanese."""
    meeting_id = plan(session)
    step = by_key(checklist.items_of(session, meeting_id))["request"]
    changes = checklist.complete(session, step.id, dt.date(2026, 9, 20))
    assert changes.topics == {Topic.CHECKLIST}
    assert by_key(checklist.items_of(session, meeting_id))["request"].done_on == dt.date(2026, 9, 20)
    checklist.complete(session, step.id, None)
    assert not by_key(checklist.items_of(session, meeting_id))["request"].done
    checklist.delete_item(session, step.id)
    with pytest.raises(UserFacingError, match="段取りの項目が見つかりません"):
        checklist.complete(session, step.id, dt.date(2026, 9, 20))


def test_own_step_and_changed_days_follow_the_meeting_day(session):
    """A step of one's own is added last with its 期限 from the day; changing a step's days moves
    its 期限; a blank title or a year away is refused."""
    meeting_id = plan(session)
    own_id, _ = checklist.save_item(
        session,
        dataclasses.replace(
            checklist.items_of(session, meeting_id)[0], id=None, key="", guide_step="", title=" 会場の予約 ", days=-30
        ),
        DAY.date(),
    )
    own = next(i for i in checklist.items_of(session, meeting_id) if i.id == own_id)
    assert (own.title, own.due_on) == ("会場の予約", dt.date(2026, 9, 15))
    request = by_key(checklist.items_of(session, meeting_id))["request"]
    checklist.save_item(session, dataclasses.replace(request, days=-28), DAY.date())
    assert by_key(checklist.items_of(session, meeting_id))["request"].due_on == dt.date(2026, 9, 17)
    with pytest.raises(ValidationError) as caught:
        checklist.save_item(session, dataclasses.replace(request, title=" ", days=400), DAY.date())
    assert set(caught.value.problems) == {"title", "days"}


def test_due_soon_lists_open_steps_due_within_two_weeks_overdue_included(session):
    """ホーム's list: open steps of live meetings due by today + 14 days, overdue ones too, the
    oldest first; steps done and steps further off are left out."""
    near = plan(session, title="近い会", when=dt.datetime(2026, 10, 1, 14, 0))
    far = plan(session, title="先の会", when=dt.datetime(2027, 3, 1, 14, 0))
    steps = by_key(checklist.items_of(session, near))
    checklist.complete(session, steps["goal"].id, dt.date(2026, 8, 25))
    today = dt.date(2026, 9, 5)
    due = overview.due_steps(session, today)
    assert [(d.meeting_title, d.title) for d in due] == [
        ("近い会", steps["analyse"].title),  # 8/20, overdue
        ("近い会", steps["request"].title),  # 9/10
        ("近い会", steps["speaker"].title),  # 9/17
    ]
    assert [d.due_on for d in due] == sorted(d.due_on for d in due)
    assert all(d.meeting_id == near for d in due) and far not in {d.meeting_id for d in due}
    assert [d.title for d in overview.due_steps(session, today, within_days=0)] == [steps["analyse"].title]


def test_bad_meeting_is_refused_with_every_problem_and_nothing_written(session, db_path):
    """An empty 題名, an end before the start and an unknown 状態 are all reported by field; no
    meeting, step or question is written, and a saved meeting keeps its values."""
    before = snapshot(db_path)
    meeting = meetings.new_meeting(on=dt.date(2026, 9, 1))
    bad = dataclasses.replace(meeting, title=" 　", ends_at=dt.time(13, 0), status="終了")
    with pytest.raises(ValidationError) as caught:
        meetings.save_meeting(session, bad)
    assert set(caught.value.problems) == {"title", "ends_at", "status"}
    assert "題名を入力してください" in caught.value.problems["title"]
    assert "終わりの時刻は始まりより後" in caught.value.problems["ends_at"]
    assert "企画中・案内済・開催済・報告済" in caught.value.problems["status"]
    with pytest.raises(ValidationError) as caught:
        meetings.save_meeting(session, dataclasses.replace(meeting, title="会", kind="飲み会", group_size=1))
    assert set(caught.value.problems) == {"kind", "group_size"}
    assert snapshot(db_path) == before
    assert meetings.list_meetings(session) == []

    meeting_id = plan(session, title="第2回 勉強会")
    saved = snapshot(db_path)
    with pytest.raises(ValidationError):
        meetings.save_meeting(session, dataclasses.replace(meetings.get_meeting(session, meeting_id), title=""))
    assert snapshot(db_path) == saved and meetings.get_meeting(session, meeting_id).title == "第2回 勉強会"


def test_program_times_read_like_people_write_them(session):
    """「１４：３０」「14時」「14時45分」 are kept as 14:30, 14:00, 14:45; a blank line is dropped."""
    program = [
        ProgramItem("開会・趣旨説明", at="１４：３０"),
        ProgramItem("講演", at="14時", speaker="田中 茂（みどり不動産）"),
        ProgramItem("", at="", speaker=""),
        ProgramItem("質疑応答", at="14時45分"),
        ProgramItem("閉会"),
    ]
    meeting_id = plan(session, program=program)
    saved = meetings.program_of(session, meeting_id)
    assert [(i.at, i.item) for i in saved] == [
        ("14:30", "開会・趣旨説明"),
        ("14:00", "講演"),
        ("14:45", "質疑応答"),
        ("", "閉会"),
    ]
    assert saved[1].speaker == "田中 茂（みどり不動産）"


def test_a_bad_program_line_is_named_and_nothing_is_saved(session, db_path):
    """A time that is not a time of day names its line (as numbered on the screen) and what it
    should look like; neither the meeting nor its プログラム changes."""
    meeting_id = plan(session, program=[ProgramItem("開会", at="13:30")])
    before = snapshot(db_path)
    meeting = dataclasses.replace(meetings.get_meeting(session, meeting_id), title="題名も変えた")
    for wrong in ("午後3時", "25:00", "14:61"):
        with pytest.raises(ValidationError) as caught:
            meetings.save_meeting(
                session, meeting, [ProgramItem("開会", at="13:30"), ProgramItem("意見交換", at=wrong)]
            )
        assert caught.value.field == "program.2"
        assert f"プログラム2行目の時刻「{wrong}」" in caught.value.message and "13:30 の形" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        meetings.save_meeting(session, meeting, [ProgramItem("", at="15:00", speaker="堀 由美子")])
    assert "プログラム1行目の項目を入力してください" in caught.value.message
    assert snapshot(db_path) == before
    with pytest.raises(ValidationError):
        plan(session, title="新しい会", program=[ProgramItem("講演", at="二時")])
    assert snapshot(db_path) == before


def test_status_moves_and_an_unknown_status_is_refused(session):
    """企画中 → 案内済 → 開催済 → 報告済 as the user moves it; a status outside the list is a bug."""
    meeting_id = plan(session)
    for status in (INVITED, HELD, REPORTED):
        assert Topic.MEETINGS in meetings.set_status(session, meeting_id, status).topics
        assert meetings.get_meeting(session, meeting_id).status == status
    assert meetings.get_meeting(session, meeting_id).held
    with pytest.raises(ValueError):
        meetings.set_status(session, meeting_id, "終了")


def test_record_saves_only_the_record(session):
    """The 記録 tab's save keeps the plan as it is and trims what was typed."""
    meeting_id = plan(session, venue="役場 3階 大会議室", theme="住宅と福祉、お互いについて知ろう")
    typed = dataclasses.replace(
        meetings.get_meeting(session, meeting_id),
        venue="書き換えたつもりのない場所",
        lecture_summary="講演の要旨  \n\n",
        minutes="議事メモ",
        opinions="・連絡先がほしい",
        review_impressions="印象に残った意見",
        review_notes="次は課題の洗い出し",
        next_plans="来月 意見交換会",
    )
    saved_typed = dataclasses.replace(typed, venue="役場 3階 大会議室")
    meetings.save_record(session, typed)
    saved = meetings.get_meeting(session, meeting_id)
    assert saved == dataclasses.replace(saved_typed, lecture_summary="講演の要旨")


def _meeting_with_open_work(session, title: str) -> tuple[int, int]:
    meeting_id = plan(session, title=title, when=dt.datetime(2026, 9, 10, 14, 0))
    followup_id, changes = meetings.add_followup(
        session, FollowUp(visit_id=None, meeting_id=meeting_id, action="連絡先一覧を配る", due_on=dt.date(2026, 9, 1))
    )
    assert changes.topics == {Topic.FOLLOWUPS}
    return meeting_id, followup_id


def test_deleting_and_restoring_a_meeting_takes_its_work_off_and_on_home(session):
    """A deleted meeting's open steps leave ホーム's due list and its 次の対応 leave ホーム's
    counts; restored, both come back. The meeting moves between the list and 削除済み."""
    meeting_id, followup_id = _meeting_with_open_work(session, "第3回 勉強会")
    today = dt.date(2026, 9, 5)
    home = overview.load_overview(session, today)
    assert home.open_followups == 1
    assert home.overdue_followups == ((dt.date(2026, 9, 1), "連絡先一覧を配る", "第3回 勉強会"),)
    due = overview.due_steps(session, today)
    assert due and {d.meeting_id for d in due} == {meeting_id}

    changes = meetings.delete_meeting(session, meeting_id)
    assert {Topic.MEETINGS, Topic.CHECKLIST, Topic.FOLLOWUPS} <= changes.topics
    home = overview.load_overview(session, today)
    assert home.open_followups == 0 and home.overdue_followups == ()
    assert overview.due_steps(session, today) == []
    assert meetings.list_meetings(session) == []
    assert [m.id for m in meetings.deleted_meetings(session)] == [meeting_id]

    meetings.restore_meeting(session, meeting_id)
    home = overview.load_overview(session, today)
    assert home.open_followups == 1 and [d.meeting_id for d in overview.due_steps(session, today)] == [
        d.meeting_id for d in due
    ]
    assert [m.id for m in meetings.list_meetings(session)] == [meeting_id]
    with pytest.raises(UserFacingError, match="会議が見つかりません"):
        meetings.delete_meeting(session, meeting_id + 100)


def test_meeting_followups_are_corrected_ticked_and_removed_like_a_visits(session):
    """次の対応 of a meeting: listed open first by 期限, corrected, ticked 済 (leaving ホーム) and
    removed through the shared service; one with no wording is refused."""
    meeting_id, first = _meeting_with_open_work(session, "第3回 勉強会")
    second, _ = meetings.add_followup(
        session,
        FollowUp(visit_id=None, meeting_id=meeting_id, action="報告書を部長に届ける", due_on=dt.date(2026, 8, 1)),
    )
    assert [f.id for f in meetings.followups_of(session, meeting_id)] == [second, first]
    followups.edit_followup(
        session,
        FollowUp(visit_id=None, meeting_id=meeting_id, id=second, action="報告書を届ける", due_on=dt.date(2026, 9, 30)),
    )
    followups.complete_followup(session, first)
    assert [(f.id, f.done) for f in meetings.followups_of(session, meeting_id)] == [(second, False), (first, True)]
    assert overview.load_overview(session, dt.date(2026, 9, 5)).open_followups == 1
    followups.delete_followup(session, second)
    assert [f.id for f in meetings.followups_of(session, meeting_id)] == [first]
    with pytest.raises(ValidationError):
        meetings.add_followup(session, FollowUp(visit_id=None, meeting_id=meeting_id, action=" "))
    with pytest.raises(UserFacingError, match="会議が見つかりません"):
        meetings.add_followup(session, FollowUp(visit_id=None, meeting_id=meeting_id + 100, action="x"))


def test_a_held_meeting_appears_on_each_attending_organisations_timeline(session):
    """Once held, the meeting is an entry of the 経過記録 of each organisation that attended
    (a proxy counts), not of one that sent its apologies; deleted, it leaves again."""
    came = add_org(session, "みどり不動産")
    proxy = add_org(session, "みどり町社会福祉協議会", category="福祉事業者・団体")
    apologised = add_org(session, "さくら住宅管理")
    meeting_id = plan(session, kind="グループワーク", title="相互理解グループワーク")
    participants.invite(session, meeting_id, [(came, None), (proxy, None), (apologised, None)])
    mark(session, meeting_id, came, attendance=ATTENDED)
    mark(session, meeting_id, proxy, attendance="代理出席", proxy_name="菅原 典子")
    mark(session, meeting_id, apologised, attendance="欠席")

    def entries(organization_id):
        return [e for e in timeline.for_organization(session, organization_id) if e.source == "meeting"]

    assert entries(came) == []  # planned, not yet held
    meetings.set_status(session, meeting_id, HELD)
    (entry,) = entries(came)
    assert (entry.on, entry.title, entry.source_id) == (
        DAY.date(),
        "グループワーク「相互理解グループワーク」に参加",
        meeting_id,
    )
    assert len(entries(proxy)) == 1 and entries(apologised) == []
    meetings.delete_meeting(session, meeting_id)
    assert entries(came) == []


def test_a_held_meeting_leaves_its_open_before_steps_off_the_due_list(session):
    """Once held, a 開催前 step nobody ticked is past its moment: ホーム lists only the 開催後 ones."""
    today = dt.date.today()
    meeting = dataclasses.replace(meetings.new_meeting("意見交換会", today - dt.timedelta(days=50)), title="済んだ会")
    meeting_id = meetings.save_meeting(session, meeting)[0]
    timings = {d.title: d for d in checklist.items_of(session, meeting_id)}
    assert any(item.timing == "before" for item in timings.values())
    meetings.set_status(session, meeting_id, "開催済")
    due = [d for d in overview.due_steps(session, today, 30) if d.meeting_id == meeting_id]
    assert due and all(timings[d.title].timing == "after" for d in due)

"""The sample town's meetings: a sequence like 八代市's in the guide (課内ミーティング, three 勉強会
held and reported, an 意見交換会 being planned), built through the services from
resources/sample/meetings.json, dated from the day the sample is made."""

import datetime as dt
import inspect
import sqlite3
from collections import Counter

import pytest

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.content.meetings import meeting_planning
from kyojushien_desktop.domain.meetings import ABSENT, HELD, INVITATION_SENT, INVITED, PLANNING, PROXY, REPORTED
from kyojushien_desktop.services import overview, timeline
from kyojushien_desktop.services.meetings import checklist, meetings, participants, sample_meetings, survey
from kyojushien_desktop.services.meetings.sample_meetings import add_sample_meetings, sample_meetings_data
from kyojushien_desktop.services.members import organizations, people
from kyojushien_desktop.services.sample import create_sample
from tests.services.meetings.builders import add_org, add_person

TODAY = dt.date(2026, 11, 22)  # a Sunday: the planned meeting's day falls on a Saturday and moves
SIDES = meeting_terms().group_sides


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """One sample town for the module; the tests only read it."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KYOJUSHIEN_HOME", str(home))
        session = create_sample(home / "sample.db", today=TODAY)
    yield session
    session.close()


@pytest.fixture(scope="module")
def sequence(town):
    """The meetings oldest first, with their details."""
    listed = sorted(meetings.list_meetings(town), key=lambda m: m.starts_at)
    return [meetings.get_meeting(town, m.id) for m in listed]


def attending(town, meeting_id):
    return [p for p in participants.participants_of(town, meeting_id) if p.attending]


def test_the_sequence_of_kinds_statuses_and_days(sequence):
    """Five meetings on weekdays: 課内ミーティング ~5 months ago (開催済), 第1回 ~4 months ago,
    第2回 ~2.5 months ago, 第3回 ~1 month ago (all 報告済), and an 意見交換会 next month."""
    assert [(m.kind, m.status) for m in sequence] == [
        ("課内ミーティング", HELD),
        ("庁内勉強会", REPORTED),
        ("勉強会・講演会", REPORTED),
        ("グループワーク", REPORTED),
        ("意見交換会", INVITED),
    ]
    days = [(m.starts_at.date() - TODAY).days for m in sequence]
    for got, wanted in zip(days, (-150, -120, -75, -30, 27), strict=True):
        assert wanted - 2 <= got <= wanted, days
    assert all(m.starts_at.weekday() < 5 for m in sequence)
    assert "福祉の課題共有" in sequence[1].title and "不動産の基礎" in sequence[2].title
    assert "相互理解" in sequence[3].title and sequence[4].title.startswith("第4回")
    assert all(m.ends_at and m.ends_at > m.starts_at.time() for m in sequence)


def test_the_meetings_follow_the_guides_goals(sequence):
    """第1回 aims at 個人の気づき and 第3回 at 相互理解 with the guide's theme for it; the planned
    意見交換会 moves on to 課題の洗い出し; 第2回's situation is a row of the guide's table."""
    goals = {g.stage: g for g in meeting_planning().goals}
    assert sequence[1].goal_stage == "個人の気づき" and sequence[1].theme == goals["個人の気づき"].theme
    assert sequence[3].goal_stage == "相互理解"
    assert sequence[3].theme == goals["相互理解"].theme == "住宅と福祉、お互いについて知ろう"
    assert sequence[4].goal_stage == "課題の洗い出し" and sequence[4].theme == goals["課題の洗い出し"].theme
    situations = {s for row in meeting_planning().lecture_themes for s in row.situations}
    assert sequence[2].participants_situation in situations
    assert sequence[2].theme in {t for row in meeting_planning().lecture_themes for t in row.themes}


def test_kanai_meeting_is_the_sections_own(town, sequence):
    """The 課内ミーティング: 庁内 only, no アンケート, only the steps that apply, all 済."""
    first = sequence[0]
    assert all(p.internal for p in participants.participants_of(town, first.id))
    assert survey.questions_of(town, first.id) == []
    steps = checklist.items_of(town, first.id)
    assert [s.key for s in steps] == ["analyse", "goal"] and all(s.done for s in steps)
    assert first.minutes and first.next_plans


def test_first_study_session_is_inside_the_town_hall(town, sequence):
    """第1回: 庁内 福祉部局 and 住宅部局 only, talks by the town's own staff, ~15 forms, reported."""
    meeting = sequence[1]
    came = attending(town, meeting.id)
    assert all(p.internal for p in participants.participants_of(town, meeting.id))
    assert {p.category for p in came} == {"福祉部局", "住宅部局"}
    program = meetings.program_of(town, meeting.id)
    assert len(program) >= 5 and all(item.at for item in program)
    speakers = [item.speaker_person_id for item in program if item.speaker_person_id]
    assert len(speakers) >= 2
    results = survey.results(town, meeting.id)
    assert 13 <= results.respondents <= 17 and results.respondents <= results.attending
    assert meeting.lecture_summary and meeting.review_notes


def test_second_study_session_has_a_real_estate_speaker_from_the_directory(town, sequence):
    """第2回: the lecture is given by a person of a 不動産事業者・団体 in the 名簿; 庁内 and 庁外
    come; ~18 forms."""
    meeting = sequence[2]
    (lecture,) = [item for item in meetings.program_of(town, meeting.id) if item.speaker_person_id]
    speaker = people.get_person(town, lecture.speaker_person_id)
    assert organizations.get_organization(town, speaker.organization_id).category == "不動産事業者・団体"
    assert speaker.name in lecture.speaker
    counts = participants.counts(town, meeting.id)
    assert counts.internal >= 5 and counts.external >= 5 and counts.absent >= 1
    results = survey.results(town, meeting.id)
    assert 16 <= results.respondents <= 20 and results.respondents <= results.attending


def test_third_meeting_group_work_with_about_25_mixed_attendees(town, sequence):
    """第3回: about 25 attend from the 名簿 mixing 住宅 / 福祉 / 不動産 / 居住支援法人, a few 欠席, one
    代理出席, some オンライン; active participants ticked at the ふりかえり."""
    meeting = sequence[3]
    everyone = participants.participants_of(town, meeting.id)
    came = [p for p in everyone if p.attending]
    assert 23 <= len(came) <= 27
    assert all(not p.guest for p in everyone)
    assert 2 <= sum(p.attendance == ABSENT for p in everyone) <= 4
    assert [p.attendance for p in everyone].count(PROXY) == 1
    (proxy,) = [p for p in everyone if p.attendance == PROXY]
    assert proxy.name.endswith("（代理）")
    online = participants.counts(town, meeting.id).online
    assert 1 <= online <= 5 and meeting.venue_mode == "併用"
    sides = Counter(SIDES.get(p.category, p.category) for p in came)
    assert {"住宅", "福祉", "不動産", "居住支援法人"} <= set(sides) and all(
        sides[s] >= 2 for s in ("住宅", "福祉", "不動産")
    )
    active = [p for p in everyone if p.active]
    assert 3 <= len(active) <= 6 and all(p.attending for p in active)
    assert meeting.facilitator and "すまいサポートセンター" in meeting.facilitator  # a third party (手引き p50)


def test_third_meeting_groups_of_five_with_their_opinions(town, sequence):
    """Every attendee at a table of 4–6, each mixing at least three 立場 with no colleagues
    together; each group's 主な意見 recorded; no warning."""
    meeting = sequence[3]
    groups = participants.groups_of(town, meeting.id)
    seated = [p for members in groups.values() for p in members]
    assert sorted(p.id for p in seated) == sorted(p.id for p in attending(town, meeting.id))
    assert all(4 <= len(members) <= 6 for members in groups.values()) and meeting.group_size == 5
    for members in groups.values():
        assert len({SIDES.get(p.category, p.category) for p in members}) >= 3
        assert len({p.organization_id for p in members}) == len(members)
    assert participants.group_warnings(town, meeting.id) == []
    notes = participants.group_notes(town, meeting.id)
    assert set(notes) == set(groups) and all(len(text) > 30 for text in notes.values())


def test_third_meeting_survey_about_25_with_a_spread_and_free_answers(town, sequence):
    """About 25 forms, 回収率 under 100 %, answers spread over the scale, free answers quoted, and
    所属区分 in line with who came."""
    meeting = sequence[3]
    results = survey.results(town, meeting.id)
    assert 22 <= results.respondents <= 27 and results.respondents <= results.attending
    assert 0.85 <= results.response_rate < 1
    by_key = {r.question.key: r for r in results.questions}
    satisfaction = dict(by_key["satisfaction"].counts)
    assert sum(1 for n in satisfaction.values() if n) >= 3
    assert satisfaction["とても満足"] + satisfaction["満足"] >= 0.75 * by_key["satisfaction"].answered
    assert by_key["understanding"].answered < results.respondents  # someone left one blank
    assert dict(by_key["connection"].counts)["いる"] > dict(by_key["connection"].counts)["いない"]
    assert len(by_key["impression"].texts) >= 8 and len(by_key["next_theme"].texts) >= 8
    assert len(by_key["comment"].texts) >= 4
    assert sum(n for _, n in by_key["affiliation"].counts) == results.respondents
    assert all(n >= 2 for _, n in by_key["affiliation"].counts)


def test_third_meeting_record_followups_and_checklist_are_finished(town, sequence):
    """The record is filled (要旨, 議事メモ, 主な意見, ふりかえり, 今後の予定); two 次の対応, one done;
    every step done, none after today; status 報告済."""
    meeting = sequence[3]
    for field in ("lecture_summary", "minutes", "opinions", "review_impressions", "review_notes", "next_plans"):
        assert len(getattr(meeting, field)) > 30, field
    done = sorted(f.done for f in meetings.followups_of(town, meeting.id))
    assert done == [False, True]
    steps = checklist.items_of(town, meeting.id)
    assert len(steps) == len(meeting_terms().checklist)
    assert all(s.done and s.done_on <= TODAY for s in steps)
    assert meeting.status == REPORTED


def test_planned_exchange_is_invited_with_its_checklist_partly_done(town, sequence):
    """The 意見交換会: 案内済 with everyone 案内済, a プログラム drafted, the first steps 済 and the
    later open, one due within two weeks so ホーム lists it."""
    meeting = sequence[-1]
    assert meeting.status in (PLANNING, INVITED)
    invited = participants.participants_of(town, meeting.id)
    assert len(invited) >= 20 and {p.attendance for p in invited} == {INVITATION_SENT}
    assert len(meetings.program_of(town, meeting.id)) >= 4
    steps = checklist.items_of(town, meeting.id)
    flags = [s.done for s in steps]
    assert flags[:3] == [True, True, True] and not any(flags[3:])
    assert all(s.done_on <= TODAY for s in steps if s.done)
    due = [d for d in overview.due_steps(town, TODAY) if d.meeting_id == meeting.id]
    assert due and all(TODAY <= d.due_on <= TODAY + dt.timedelta(days=14) for d in due)
    assert survey.responses_of(town, meeting.id) == [] and participants.groups_of(town, meeting.id) == {}


def test_home_and_timelines_show_the_meetings(town, sequence):
    """ホーム counts the meetings' open 次の対応; an organisation that came has the meetings on its
    経過記録, and one only invited to the planned exchange does not."""
    home = overview.load_overview(town, TODAY)
    open_meeting_followups = sum(1 for m in sequence for f in meetings.followups_of(town, m.id) if not f.done)
    assert open_meeting_followups == 1 and home.open_followups >= open_meeting_followups
    shakyo = next(o for o in organizations.list_organizations(town) if o.name == "社会福祉法人みどり町社会福祉協議会")
    titles = [e.title for e in timeline.for_organization(town, shakyo.id) if e.source == "meeting"]
    assert titles == [f"{m.kind}「{m.title}」に参加" for m in (sequence[3], sequence[2])]
    yamabiko = next(o for o in organizations.list_organizations(town) if "みどりの丘病院" in o.name)
    assert [e.source_id for e in timeline.for_organization(town, yamabiko.id) if e.source == "meeting"] == [
        sequence[2].id
    ]


def test_every_name_in_the_json_is_found_in_the_town(town):
    """Each organisation and person the meetings name is in the sample's 名簿 (nobody skipped)."""
    names = {o.name: o.id for o in organizations.list_organizations(town)}
    for raw in sample_meetings_data()["meetings"]:
        for entry in raw.get("participants", []) + [i for i in raw.get("program", []) if "speaker_organization" in i]:
            organization = entry.get("organization") or entry["speaker_organization"]
            assert organization in names, organization
            person = entry.get("person") or entry.get("speaker_person")
            if person:
                current = [p.name for p in people.people_of(town, names[organization]) if p.is_current]
                assert person in current, (organization, person)


def test_content_is_data_not_code():
    """The titles, records and answers live in resources/sample/meetings.json, not in the module."""
    source = inspect.getsource(sample_meetings)
    data = sample_meetings_data()
    written = [m["title"] for m in data["meetings"]] + [
        m["record"]["minutes"][:12] for m in data["meetings"] if "record" in m
    ]
    written += [row[4] for m in data["meetings"] for row in m.get("survey") or [] if row[4]]
    assert len(written) > 20 and not [text for text in written if text in source]


def test_unknown_organisations_are_skipped(session):
    """In a town that has only the 社協 (with another CSW), the meetings are still made; the
    社協 is invited as an organisation and attends."""
    shakyo = add_org(session, "社会福祉法人みどり町社会福祉協議会", category="福祉事業者・団体")
    add_person(session, shakyo, "別の 担当者")
    assert add_sample_meetings(session, today=TODAY) == 5
    listed = sorted(meetings.list_meetings(session), key=lambda m: m.starts_at)
    assert [m.invited for m in listed] == [0, 0, 1, 1, 1]
    third = listed[3]
    (only,) = participants.participants_of(session, third.id)
    assert only.organization_id == shakyo and only.person_id is None and only.attending
    assert participants.groups_of(session, third.id) == {1: [only]}


def test_sample_meetings_run_inside_the_callers_transaction(session):
    """Inside an open transaction the meetings are undone with it (they use a savepoint)."""

    class Abort(Exception):
        pass

    with pytest.raises(Abort), session.database.atomic():
        assert add_sample_meetings(session, today=TODAY) == 5
        raise Abort
    assert meetings.list_meetings(session) == []
    assert sqlite3.connect(session.path).execute("SELECT count(*) FROM meetings").fetchone()[0] == 0

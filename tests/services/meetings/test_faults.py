"""Faults a town hall meets while keeping its meetings: a save that fails half-way, a file on a
medium that cannot be written, a file opened read-only because a colleague has it, a full disk.
Each is refused in Japanese and leaves the file as it was."""

import dataclasses
import datetime as dt

import pytest

from kyojushien_desktop.domain.errors import DiskFullError, ReadOnlyError, UserFacingError, ValidationError
from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.meetings import ATTENDED, HELD, ProgramItem
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.check import check_file
from kyojushien_desktop.services.meetings import checklist, meetings, participants, survey
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.store.database import create_database
from tests import damage, mounts
from tests.japanese import assert_japanese
from tests.services.meetings.builders import DAY, add_org, add_person, by_key, plan, snapshot


def test_a_save_that_fails_half_way_writes_nothing(session, db_path):
    """A new meeting whose プログラム names a 講師 no longer in the 名簿 fails after the meeting, its
    checklist and its アンケート were written: all of it is undone, and the message is Japanese."""
    before = snapshot(db_path)
    with pytest.raises(UserFacingError) as caught:
        plan(session, program=[ProgramItem("講演", at="14:00", speaker="田中 茂", speaker_person_id=999)])
    assert "保存できませんでした" in caught.value.message
    assert_japanese(str(caught.value), db_path)
    assert snapshot(db_path) == before


def test_a_validation_error_inside_a_larger_save_undoes_the_whole_save(session, db_path):
    """Holding an exchange, recording its attendance and a bad アンケート form in one transaction
    (as a screen saving several tabs would): the form's ValidationError undoes the 開催済, the
    出欠 and the 関係 raised, too."""
    org = add_org(session, "ひかり商事", stage="ヒアリング済")
    meeting_id = plan(session, kind="グループワーク")
    participants.invite(session, meeting_id, [(org, None)])
    before = snapshot(db_path)
    questions = by_key(survey.questions_of(session, meeting_id))
    with pytest.raises(ValidationError), session.database.atomic():
        (invited,) = participants.participants_of(session, meeting_id)
        participants.set_attendance(session, [invited.id], ATTENDED)
        meetings.set_status(session, meeting_id, HELD)
        assert organizations.get_organization(session, org).stage == "意見交換会に参加"
        survey.save_response(session, meeting_id, 1, {questions["satisfaction"].id: "6"})
    assert snapshot(db_path) == before
    assert organizations.get_organization(session, org).stage == "ヒアリング済"
    assert meetings.get_meeting(session, meeting_id).status == "企画中"


def _meeting_file(path):
    """A data file holding one planned meeting with an invited organisation and a 次の対応."""
    create_database(path).close()
    session = datafile.open_session(path)
    try:
        org = add_org(session, "みどり町社会福祉協議会", category="福祉事業者・団体")
        person = add_person(session, org, "藤井 彩")
        meeting_id = plan(session, title="第3回 居住支援勉強会")
        participants.invite(session, meeting_id, [(org, person)])
        meetings.add_followup(session, FollowUp(visit_id=None, meeting_id=meeting_id, action="会場を予約する"))
    finally:
        session.close()
    return path, meeting_id, org


def _every_write(session, meeting_id, org):
    """The area's saves a user can reach, each as a thunk."""
    meeting = meetings.get_meeting(session, meeting_id)
    step = checklist.items_of(session, meeting_id)[0]
    question = survey.questions_of(session, meeting_id)[0]
    (invited,) = participants.participants_of(session, meeting_id)
    (followup,) = meetings.followups_of(session, meeting_id)
    return {
        "新しい会議": lambda: plan(session, title="第4回 意見交換会"),
        "会議の編集": lambda: meetings.save_meeting(session, dataclasses.replace(meeting, title="第3回（変更）")),
        "状態": lambda: meetings.set_status(session, meeting_id, HELD),
        "記録": lambda: meetings.save_record(session, dataclasses.replace(meeting, minutes="議事メモ")),
        "段取りの済": lambda: checklist.complete(session, step.id, dt.date(2026, 9, 1)),
        "招待": lambda: participants.invite(session, meeting_id, [(org, None)]),
        "出欠": lambda: participants.set_attendance(session, [invited.id], ATTENDED),
        "グループ": lambda: participants.make_meeting_groups(session, meeting_id, 5),
        "アンケート": lambda: survey.save_response(session, meeting_id, 1, {question.id: "1"}),
        "次の対応": lambda: meetings.add_followup(session, dataclasses.replace(followup, id=None, action="資料を送る")),
        "削除": lambda: meetings.delete_meeting(session, meeting_id),
    }


def test_a_meeting_saved_on_a_file_opened_read_only_is_refused_in_japanese(tmp_path):
    """Opened read-only (a colleague has it open), every save of the area is refused with a
    Japanese message that says why and what to do; the file's bytes do not change."""
    path, meeting_id, org = _meeting_file(tmp_path / "town.db")
    before = damage.digest(path)
    session = datafile.open_session(path, read_only=True)
    try:
        assert session.read_only
        for what, write in _every_write(session, meeting_id, org).items():
            with pytest.raises(ReadOnlyError) as caught:
                write()
            assert "読み取り専用で開いているため、変更を保存できません" in caught.value.message, what
            assert "開き直す" in caught.value.hint
            assert_japanese(str(caught.value), path)
        assert meetings.get_meeting(session, meeting_id).title == "第3回 居住支援勉強会"
    finally:
        session.close()
    assert damage.digest(path) == before


def test_on_a_medium_that_cannot_be_written_meetings_open_for_viewing_only(tmp_path):
    """On a write-protected medium (a CD, a locked USB stick) the meetings can be read, and
    saving one is refused in Japanese; nothing is written there, not even a lock or a journal."""
    with mounts.tmpfs(tmp_path / "cd") as cd:
        path, meeting_id, org = _meeting_file(cd / "town.db")
        mounts.make_read_only(cd)
        before = damage.digest(path)
        session = datafile.open_session(path)
        try:
            assert session.read_only and session.lock is None
            assert [m.title for m in meetings.list_meetings(session)] == ["第3回 居住支援勉強会"]
            assert len(checklist.items_of(session, meeting_id)) == 8
            for what, write in _every_write(session, meeting_id, org).items():
                with pytest.raises(ReadOnlyError) as caught:
                    write()
                assert "読み取り専用" in caught.value.message, what
                assert_japanese(str(caught.value), path)
        finally:
            session.close()
        assert damage.digest(path) == before
        assert mounts.files_in(cd) == {"town.db"}


def test_a_meeting_saved_on_a_full_disk_is_refused_and_nothing_is_half_written(tmp_path):
    """The disk fills while the app is open: planning a meeting (the meeting, 8 steps, the
    アンケート) is refused in Japanese, the file keeps what it had and passes the damage check,
    and no journal is left."""
    with mounts.tmpfs(tmp_path / "disk", size_kb=2048) as disk:
        path, meeting_id, _ = _meeting_file(disk / "town.db")
        session = datafile.open_session(path)
        try:
            before = snapshot(path)
            filler = mounts.fill(disk)
            with pytest.raises(DiskFullError) as caught:
                for number in range(200):  # until the file needs a page more than it has
                    plan(session, title=f"第{number}回 意見交換会", when=DAY + dt.timedelta(days=number))
                    before = snapshot(path)
            assert "空き容量が足りない" in caught.value.message and "変更は保存されていません" in caught.value.message
            assert_japanese(str(caught.value), path)
            assert snapshot(path) == before
            filler.unlink()
            assert meetings.get_meeting(session, meeting_id).title == "第3回 居住支援勉強会"
        finally:
            session.close()
        assert check_file(path).ok
        assert mounts.files_in(disk) == {"town.db"}

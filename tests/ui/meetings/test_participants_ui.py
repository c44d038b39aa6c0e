"""The 会議・勉強会 record after planning, driven like a user: invite from the 名簿, record who
came, make the groups, write the record and its 次の対応, and hand out the 開催レポート — the
database and the screens both asserted; every table model of the area through qtmodeltester."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import Qt

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.meetings import ATTENDED, HELD, REPORTED, Participant, ProgramItem
from kyojushien_desktop.services import timeline
from kyojushien_desktop.services.common import followups
from kyojushien_desktop.services.meetings import checklist, meetings, participants
from kyojushien_desktop.services.members import organizations, people
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.invite_dialog import InviteDialog
from kyojushien_desktop.ui.meetings.models import ChecklistModel, MeetingFilterProxy, MeetingTableModel
from kyojushien_desktop.ui.meetings.page import GROUPS_TAB, LIST, PARTICIPANTS_TAB, RECORD, RECORD_TAB
from kyojushien_desktop.ui.meetings.participant_models import (
    ATTENDANCE_COLUMN,
    PROXY_COLUMN,
    GroupModel,
    InviteModel,
    InviteProxy,
    ParticipantModel,
)
from kyojushien_desktop.ui.meetings.participants_tab import GuestDialog
from kyojushien_desktop.ui.meetings.program_table import ProgramModel
from kyojushien_desktop.ui.meetings.report_options import ReportOptionsDialog
from tests.ui.meetings.helpers import cell_editor, click, commit, make_page, plan
from tests.ui.pages import open_window, shown_rows
from tests.ui.typing import type_japanese

ESTATE, AOBA, WELFARE, SUPPORT = (
    "株式会社みどり不動産",
    "あおば不動産",
    "みどり町社会福祉協議会",
    "NPO法人すまいサポート",
)
HOUSING, CARE = "建設課 住宅係", "福祉課 高齢者係"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path) -> str:
    return squash("".join(page.extract_text() for page in PdfReader(path).pages))


def invited(session, directory, meeting_id, names) -> dict[str, int]:
    """Invites ``names`` through the service; organisation name → participant id."""
    participants.invite(session, meeting_id, [(directory[n], None) for n in names])
    return {p.organization_name: p.id for p in participants.participants_of(session, meeting_id)}


def attendance_of(session, meeting_id: int, participant_id: int) -> str:
    return next(p.attendance for p in participants.participants_of(session, meeting_id) if p.id == participant_id)


def test_models_pass_the_model_tester(qtmodeltester, session, directory):
    """Every table model of the meetings screens keeps Qt's model contract, with real rows."""
    meeting_id = plan(session)
    meetings.save_meeting(
        session, meetings.get_meeting(session, meeting_id), [ProgramItem("開会", "13:30"), ProgramItem("話題提供")]
    )
    ids = invited(session, directory, meeting_id, [ESTATE, WELFARE, HOUSING, CARE, SUPPORT])
    participants.set_attendance(session, list(ids.values()), ATTENDED)
    participants.make_meeting_groups(session, meeting_id, 4)

    model = MeetingTableModel()
    model.set_rows(meetings.list_meetings(session))
    qtmodeltester.check(model)
    proxy = MeetingFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_status("企画中")
    qtmodeltester.check(proxy)
    steps = ChecklistModel()
    steps.set_items(checklist.items_of(session, meeting_id))
    qtmodeltester.check(steps)
    everyone = ParticipantModel()
    everyone.set_rows(participants.participants_of(session, meeting_id))
    qtmodeltester.check(everyone)
    groups = GroupModel()
    groups.set_rows(participants.participants_of(session, meeting_id))
    assert groups.rowCount() == 5
    qtmodeltester.check(groups)
    invite = InviteModel()
    invite.set_rows(organizations.list_organizations(session), {}, set())
    qtmodeltester.check(invite)
    search = InviteProxy(organizations.matcher)
    search.setSourceModel(invite)
    search.set_query("ふどうさん")
    search.set_internal(False)
    assert search.rowCount() == 2
    qtmodeltester.check(search)
    program = ProgramModel()
    program.set_items(meetings.program_of(session, meeting_id))
    qtmodeltester.check(program)


def test_invite_from_the_directory_and_record_attendance(qtbot, session, directory):
    """名簿から招待: searched as the 名簿 searches (かな, 社協), 庁内 only, one organisation with its
    person; then 出席 for the selected rows, 欠席 and 代理出席 typed in the table, オンライン by its
    button, a guest added on the day; the counts under the table follow."""
    meeting_id = plan(session)
    page = make_page(qtbot, session)
    assert page.open_meeting(meeting_id, PARTICIPANTS_TAB)
    tab = page.participants
    assert not tab.empty.isHidden() and not tab.remove_button.isEnabled()

    def choose(dialog: InviteDialog) -> bool:
        assert not dialog.ok_button.isEnabled()  # nothing ticked yet
        type_japanese(dialog.search, "ふどうさん")  # よみがな, as the 名簿 searches
        assert sorted(dialog.proxy.index(r, 1).data() for r in range(dialog.proxy.rowCount())) == [AOBA, ESTATE]
        dialog.tick_shown()
        row = next(r for r in range(dialog.model.rowCount()) if dialog.model.organization(r).name == ESTATE)
        dialog.model.setData(dialog.model.index(row, InviteModel.PERSON_COLUMN), "大野 和夫", Qt.ItemDataRole.EditRole)
        dialog.search.setText("社協")  # the trade's abbreviation
        assert [dialog.proxy.index(r, 1).data() for r in range(dialog.proxy.rowCount())] == [WELFARE]
        dialog.tick_shown()
        dialog.search.clear()
        dialog.where.setCurrentIndex(dialog.where.findData(True))  # 庁内 only
        assert sorted(dialog.proxy.index(r, 1).data() for r in range(dialog.proxy.rowCount())) == [HOUSING, CARE]
        dialog.tick_shown()
        assert dialog.chosen_label.text() == "5団体を選んでいます。"
        return dialog.try_accept()

    page.run_dialog = choose
    assert tab.invite()
    listed = participants.participants_of(session, meeting_id)
    assert sorted(p.organization_name for p in listed) == sorted([ESTATE, AOBA, WELFARE, HOUSING, CARE])
    ono = people.people_of(session, directory[ESTATE])[0]
    assert next(p for p in listed if p.organization_name == ESTATE).person_id == ono.id
    assert all(p.attendance == "未案内" for p in listed)  # planned, the 案内 not yet sent
    assert tab.model.rowCount() == 5 and tab.empty.isHidden()

    ids = {p.organization_name: p.id for p in listed}
    tab.select_ids([ids[ESTATE], ids[WELFARE], ids[HOUSING], ids[AOBA]])
    click(qtbot, tab.mark_buttons[ATTENDED])
    tab.select_ids([ids[AOBA]])
    click(qtbot, tab.mark_buttons["オンライン"])
    table = tab.table
    table.setCurrentIndex(tab.proxy.mapFromSource(tab.model.index(tab.model.row_of_id(ids[CARE]), ATTENDANCE_COLUMN)))
    table.edit(table.currentIndex())
    choice = cell_editor(table)
    choice.setCurrentText("欠席")
    choice.activated.emit(choice.currentIndex())  # picked from its list
    qtbot.waitUntil(lambda: attendance_of(session, meeting_id, ids[CARE]) == "欠席")
    proxy_cell = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of_id(ids[HOUSING]), PROXY_COLUMN))
    table.setCurrentIndex(proxy_cell)
    table.edit(proxy_cell)
    name = cell_editor(table)
    type_japanese(name, "代理 二郎")
    commit(qtbot, table, name)
    qtbot.waitUntil(lambda: any(p.proxy_name for p in participants.participants_of(session, meeting_id)))

    def guest(dialog: GuestDialog) -> bool:
        type_japanese(dialog.name, "佐藤 一郎")
        type_japanese(dialog.affiliation, "民生委員児童委員協議会")
        dialog.category.setCurrentText("福祉事業者・団体")
        return dialog.try_accept()

    page.run_dialog = guest
    assert tab.add_guest()
    by_name = {p.organization_name or p.guest_name: p for p in participants.participants_of(session, meeting_id)}
    assert by_name[ESTATE].attendance == ATTENDED and by_name[CARE].attendance == "欠席"
    assert (by_name[AOBA].attendance, by_name[AOBA].attend_mode) == (ATTENDED, "オンライン")
    assert (by_name[HOUSING].attendance, by_name[HOUSING].proxy_name) == ("代理出席", "代理 二郎")
    assert (by_name["佐藤 一郎"].attendance, by_name["佐藤 一郎"].guest_category) == (ATTENDED, "福祉事業者・団体")
    counts = participants.counts(session, meeting_id)
    assert (counts.attending, counts.venue, counts.online, counts.internal, counts.external) == (5, 4, 1, 1, 4)
    assert tab.counts.text().startswith("出席 5人（会場 4・オンライン 1）")
    assert "福祉事業者・団体 2" in tab.counts.text() and "庁内 1・庁外 4" in tab.counts.text()
    assert tab.selected_ids() == [by_name["佐藤 一郎"].id]
    shown = {row[0] or row[1]: row for row in shown_rows(tab.proxy)}
    assert shown[HOUSING][4:] == ["代理出席", "会場", "代理 二郎"] and shown[ESTATE][1] == "大野 和夫"
    page.show_list()
    assert shown_rows(page.meeting_list.proxy)[0][4] == "5 / 6"  # 出席 / 案内 (everyone asked, the guest too)


def test_groups_record_and_report_from_the_record(qtbot, session, directory, tmp_path):
    """グループを作る mixes the 立場 at tables of 4; a person moved by hand; each table's 主な意見
    saved; the 記録 with 積極的な反応 ticked and a 次の対応; 状態 moved to 開催済; the 開催レポート
    written as PDF (sections as chosen, organisations named, not people) and Word; 報告済 offered."""
    meeting_id = plan(session, "第3回 相互理解グループワーク", kind="グループワーク")
    invited(session, directory, meeting_id, [ESTATE, AOBA, WELFARE, SUPPORT, HOUSING, CARE])
    for name, affiliation, category in (
        ("森 花子", "みどり町民生委員", "福祉事業者・団体"),
        ("林 太郎", "ひだまり不動産", "不動産事業者・団体"),
    ):
        participants.save_participant(
            session,
            Participant(meeting_id, guest_name=name, guest_affiliation=affiliation, guest_category=category),
        )
    everyone = [p.id for p in participants.participants_of(session, meeting_id)]
    participants.set_attendance(session, everyone, ATTENDED)
    page = make_page(qtbot, session)
    assert page.open_meeting(meeting_id, GROUPS_TAB)
    tab = page.groups
    assert not tab.empty.isHidden()
    tab.size.setValue(4)
    click(qtbot, tab.make_button)
    groups = participants.groups_of(session, meeting_id)
    assert sorted(len(g) for g in groups.values()) == [4, 4]  # the guide's 4–6 at a table
    assert meetings.get_meeting(session, meeting_id).group_size == 4
    assert all(len({p.shown_category for p in table}) > 1 for table in groups.values())
    assert tab.model.rowCount() == 8 and sorted(tab.notes) == [1, 2]
    tab.table.selectRow(0)
    moved = tab.selected_id()
    tab.target.setCurrentIndex(tab.target.findData(2))
    click(qtbot, tab.move_button)
    assert next(p for p in participants.participants_of(session, meeting_id) if p.id == moved).group_no == 2
    assert tab.proxy.index(7, 0).data() == "2"
    tab.notes[1].setPlainText("見守りと家賃保証の組み合わせが鍵")
    assert tab.dirty and page.has_unsaved()
    click(qtbot, tab.save_button)
    assert participants.group_notes(session, meeting_id)[1] == "見守りと家賃保証の組み合わせが鍵"
    assert not page.has_unsaved()

    page.tabs.setCurrentIndex(RECORD_TAB)
    record = page.record
    type_japanese(record.boxes["lecture_summary"], "大家さんが心配すること")
    type_japanese(record.boxes["next_plans"], "次回は課題の洗い出し")
    record.active.item(0).setCheckState(Qt.CheckState.Checked)
    active_id = record.active.item(0).data(Qt.ItemDataRole.UserRole + 2)
    assert record.dirty
    click(qtbot, record.save_button)
    saved = meetings.get_meeting(session, meeting_id)
    assert (saved.lecture_summary, saved.next_plans) == ("大家さんが心配すること", "次回は課題の洗い出し")
    assert [p.id for p in participants.participants_of(session, meeting_id) if p.active] == [active_id]

    def follow_up(dialog) -> bool:
        type_japanese(dialog.action, "開催レポートを各課に配る")
        dialog.due.check.setChecked(True)
        return dialog.try_accept()

    page.run_dialog = follow_up
    assert record.add_followup()
    [decided] = meetings.followups_of(session, meeting_id)
    assert decided.action == "開催レポートを各課に配る" and decided.due_on is not None
    record.followups.table.selectRow(0)
    click(qtbot, record.followups.done_button)
    assert meetings.followups_of(session, meeting_id)[0].done
    assert "うち済んでいないもの 0件" in record.followups.title.text()

    click(qtbot, page.advance_button)
    click(qtbot, page.advance_button)
    assert meetings.get_meeting(session, meeting_id).status == HELD
    assert organizations.get_organization(session, directory[ESTATE]).stage == meeting_terms().exchange_stage
    assert "関係を上げました" in page.record_notice.label.text()
    told: list[str] = []

    def options(dialog: ReportOptionsDialog) -> bool:
        dialog.sections["survey"].setChecked(False)
        return dialog.try_accept()

    page.run_dialog = options
    page.choose_pdf_path = lambda name, kind="pdf": tmp_path / f"{name}.{kind}"
    page.inform_written = lambda title, text, path: told.append(text)
    page.confirm = lambda title, text, ok: told.append(text) or True  # 報告済にする
    pdf = page.make_report("pdf")
    assert pdf == tmp_path / "開催レポート_第3回 相互理解グループワーク.pdf" and pdf.exists()
    text = pdf_text(pdf)
    titles = dict(meeting_terms().report_sections)
    assert squash("第3回 相互理解グループワーク") in text
    for key in ("overview", "program", "lecture", "opinions", "next"):
        assert squash(titles[key]) in text, key
    assert squash(titles["survey"]) not in text  # left out
    assert squash(ESTATE) in text and squash(WELFARE) in text and "大野和夫" not in text  # organisations, not people
    assert "大家さんが心配すること" in text and "見守りと家賃保証の組み合わせが鍵" in text
    for page_object in PdfReader(pdf).pages:
        for font in page_object["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            assert all("/FontFile2" in d["/FontDescriptor"].get_object() for d in descendants)
    assert meetings.get_meeting(session, meeting_id).status == REPORTED and REPORTED in told[-1]
    assert page.status_badge.text() == REPORTED and not page.advance_button.isEnabled()

    page.run_dialog = lambda dialog: dialog.try_accept()
    word = page.make_report("docx")
    headings = [p.text for p in Document(str(word)).paragraphs if p.style.name.startswith("Heading")]
    assert titles["overview"] in headings and titles["survey"] in headings


def test_unsaved_record_and_group_notes_are_kept_until_asked(qtbot, session, directory):
    """A change made elsewhere reloads the record but keeps what is typed in 記録; leaving asks, and
    保存 in the question writes it."""
    from tests.ui.boxes import BoxAnswerer

    meeting_id = plan(session)
    page = make_page(qtbot, session)
    assert page.open_meeting(meeting_id, RECORD_TAB)
    page.record.boxes["minutes"].setPlainText("書きかけのメモ")
    _id, changes = organizations.save_organization(session, organizations.new_organization("その他", "商工会"))
    page.ops.publish(changes)  # made elsewhere
    assert page.record.boxes["minutes"].toPlainText() == "書きかけのメモ" and page.record.dirty
    answerer = BoxAnswerer(wording.SAVE)
    assert page.show_list()
    answerer.stop()
    assert answerer.seen and wording.RECORD in answerer.seen[0]
    assert page.stack.currentIndex() == LIST and meetings.get_meeting(session, meeting_id).minutes == "書きかけのメモ"


def test_delete_with_undo_and_back_from_deleted(qtbot, session):
    """削除… moves a meeting to 削除済み with 元に戻す; the 削除済み dialog brings it back too."""
    meeting_id = plan(session)
    page = make_page(qtbot, session)
    page.meeting_list.select_id(meeting_id)
    page.confirm = lambda *args: True
    click(qtbot, page.delete_button)
    assert meetings.list_meetings(session) == [] and page.meeting_list.model.rowCount() == 0
    click(qtbot, page.notice.undo_button)
    assert [m.id for m in meetings.list_meetings(session)] == [meeting_id]
    assert page.meeting_list.selected_id() == meeting_id
    page.delete_meeting()
    dialog = page.deleted_dialog()
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 2).data() == "第2回 居住支援勉強会"
    dialog.restore_selected()
    assert [m.id for m in meetings.list_meetings(session)] == [meeting_id] and dialog.model.rowCount() == 0
    dialog.close()


def test_a_meeting_opens_from_the_timeline_and_from_home(qtbot, db_path):
    """A held meeting's line on an attending organisation's 経過記録 opens it, as a visit's does;
    ホーム lists the next meeting and its due 段取り beside the 次の対応, and its link opens it."""

    window = open_window(qtbot, db_path)
    session = window.session
    organization_id, _ = organizations.save_organization(
        session, organizations.new_organization("不動産事業者・団体", ESTATE)
    )
    held = plan(session, "第1回 勉強会", when=dt.datetime(2026, 1, 15, 14, 0))
    participants.invite(session, held, [(organization_id, None)])
    participants.set_attendance(session, [p.id for p in participants.participants_of(session, held)], ATTENDED)
    changes = meetings.set_status(session, held, HELD)
    for step in checklist.items_of(session, held):  # its 段取り all done
        checklist.complete(session, step.id, step.due_on)
    ahead = plan(
        session, "第2回 勉強会", when=dt.datetime.combine(dt.date.today() + dt.timedelta(days=20), dt.time(14))
    )
    _id, more = meetings.add_followup(
        session,
        FollowUp(visit_id=None, action="お礼状を出す", due_on=dt.date.today() + dt.timedelta(days=2), meeting_id=held),
    )
    window.ops.publish(changes | more)
    [entry] = [e for e in timeline.for_organization(session, organization_id) if e.source == "meeting"]
    members = window.show_page("members")
    assert members.open_organization(organization_id)
    [line] = [w for w in members.view.findChildren(object) if getattr(w, "entry", None) == entry]
    assert line.open_button is not None
    click(qtbot, line.open_button)
    meetings_page = window.page("meetings")
    assert window.stack.currentWidget() is meetings_page and meetings_page.stack.currentIndex() == RECORD
    assert meetings_page.meeting.id == held

    home = window.show_page("home")
    assert "第2回 勉強会" in home.next_meeting.text()
    due = home.due_list.text()
    assert "お礼状を出す" in due and "参加依頼（会の目的とお願いしたい役割を伝える）" in due  # one list
    meetings_page.show_list(ask=False)
    home._open_link(f"meeting:{ahead}")
    assert window.stack.currentWidget() is meetings_page and meetings_page.meeting.id == ahead
    followups.complete_followup(session, meetings.followups_of(session, held)[0].id)
    assert dataclasses.replace(meetings.followups_of(session, held)[0], done=False).action == "お礼状を出す"


def test_roster_printed_and_survey_results_follow_the_forms(qtbot, session, directory, tmp_path):
    """受付名簿を印刷… writes the sign-in sheet of everyone invited; the アンケート tab shows n and
    回収率 and reloads when forms are entered elsewhere (Topic.SURVEY)."""
    from kyojushien_desktop.services.meetings import survey
    from kyojushien_desktop.ui.meetings.page import SURVEY_TAB

    meeting_id = plan(session)
    ids = invited(session, directory, meeting_id, [ESTATE, WELFARE, HOUSING, CARE])
    participants.set_attendance(session, list(ids.values()), ATTENDED)
    page = make_page(qtbot, session)
    assert page.open_meeting(meeting_id, PARTICIPANTS_TAB)
    told: list[str] = []
    page.choose_pdf_path = lambda name, kind="pdf": tmp_path / f"{name}.pdf"
    page.inform_written = lambda title, text, path: told.append(text)
    roster = page.participants.print_roster()
    assert roster == tmp_path / "受付名簿_第2回 居住支援勉強会.pdf" and told
    text = pdf_text(roster)
    assert all(squash(name) in text for name in (ESTATE, WELFARE, HOUSING, CARE))

    page.tabs.setCurrentIndex(SURVEY_TAB)
    headline = page.survey.results.headline
    assert headline.text().startswith("回答 0枚")
    questions = survey.questions_of(session, meeting_id)
    changes = survey.save_response(session, meeting_id, 1, {questions[0].id: "1"})
    changes = changes | survey.save_response(session, meeting_id, 2, {questions[0].id: "２"})
    page.ops.publish(changes)  # entered elsewhere
    assert headline.text().startswith("回答 2枚") and headline.text().endswith("回収率 50%")
    assert page.survey.forms_model.rowCount() == 2

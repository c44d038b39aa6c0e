"""The 会議・勉強会 page driven like a user: a meeting planned from the guide's suggestions, its
段取り ticked and moved, typed input never lost on Esc, and the page refreshed by changes made
elsewhere only once and only when shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from kyojushien_desktop.content.meetings import meeting_planning
from kyojushien_desktop.domain.meetings import ChecklistItem, Meeting
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.meetings import checklist, meetings, planning
from kyojushien_desktop.services.members import organizations, people
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.checklist_tab import StepDialog
from kyojushien_desktop.ui.meetings.new_meeting_dialog import NewMeetingDialog
from kyojushien_desktop.ui.meetings.page import CHECKLIST_TAB, LIST, PLANNER_TAB, RECORD
from tests.ui.boxes import BoxAnswerer
from tests.ui.common.test_live_pages import counted
from tests.ui.meetings.helpers import DAY, activate, cell_editor, click, commit, make_page, plan
from tests.ui.pages import open_window, shown_rows
from tests.ui.typing import type_japanese

MUTUAL = "相互理解"
ESTATE_TROUBLES = "福祉関係者が、不動産関係者の困りごと等を知らない"
COUNCIL_IMAGE = "居住支援協議会の活動や運営イメージを知りたい"


def test_plan_a_meeting_from_the_guides_suggestions(qtbot, session, directory):
    """新しい会議を企画 → 企画: choosing the 到達点 相互理解 shows its テーマ例, which becomes the
    テーマ; what is typed of the participants ticks the guide's situation and shows its 講演のテーマ例
    and 講師の探し方; a programme line names a speaker of the 名簿; 保存 writes it all."""
    page = make_page(qtbot, session)
    assert not page.meeting_list.empty_label.isHidden()

    def new(dialog: NewMeetingDialog) -> bool:
        click(qtbot, dialog.ok_button)  # no 題名: refused beside its field
        assert "題名を入力してください" in dialog.errors.text("title")
        dialog.kind.setCurrentText("意見交換会")
        type_japanese(dialog.title, "第1回 住宅と福祉の意見交換会")
        dialog.when.date.setDate(QDate(2026, 3, 10))
        dialog.when.start.setTime(QTime(13, 30))
        assert dialog.when.shown.text() == "令和8年3月10日(火) 13:30"
        dialog.when.date.setDate(QDate(2026, 12, 29))  # 年末年始: said beside the date, still allowed
        assert dialog.when.shown.text() == "令和8年12月29日(火) 13:30　※閉庁日（土日・年末年始）です"
        dialog.when.date.setDate(QDate(2026, 3, 10))
        return dialog.try_accept()

    page.run_dialog = new
    meeting_id = page.new_meeting()
    assert meeting_id is not None
    assert page.stack.currentIndex() == RECORD and page.tabs.currentIndex() == PLANNER_TAB
    assert page.record_title.text() == "意見交換会　第1回 住宅と福祉の意見交換会"
    planner, guide = page.planner, page.planner.guide

    goal = planning.goal_of(MUTUAL)
    planner.goal_stage.setCurrentIndex(planner.goal_stage.findData(MUTUAL))
    assert guide.theme_text.isVisibleTo(guide) and goal.theme in guide.theme_text.text()
    assert goal.points[0] in guide.points_text.text()
    assert planner.goal.toPlainText() == goal.goal  # the guide's 到達点 filled in
    click(qtbot, guide.use_theme_button)
    assert planner.theme.toPlainText() == goal.theme

    type_japanese(planner.situation, "不動産関係者の困りごとを知らない福祉職が多い")
    assert guide.situation_checks[ESTATE_TROUBLES].isChecked()
    assert guide.situation_labels[ESTATE_TROUBLES].text().endswith(wording.NEAR_TYPED)
    assert "地域の不動産事業者による対応状況の紹介" in guide.themes_text.text()
    assert guide.search_text.isVisibleTo(guide) and meeting_planning().speaker_search[0] in guide.search_text.text()
    guide.situation_checks[COUNCIL_IMAGE].click()  # ticked by hand: written into 参加者の状況
    assert planner.situation.toPlainText().splitlines()[-1] == COUNCIL_IMAGE
    assert "先行する居住支援協議会の担当者による取組み紹介" in guide.themes_text.text()
    assert guide.seating_advice.text().endswith("車座形式")  # nobody invited yet

    click(qtbot, planner.program.add_button)
    table, model = planner.program.table, planner.program.model
    editor = cell_editor(table)
    type_japanese(editor, "話題提供「賃貸の現場から」")
    commit(qtbot, table, editor)
    table.setCurrentIndex(model.index(0, 0))
    table.edit(model.index(0, 0))
    editor = cell_editor(table)
    type_japanese(editor, "１３：４０")
    commit(qtbot, table, editor)
    table.setCurrentIndex(model.index(0, 2))
    table.edit(model.index(0, 2))
    speaker = cell_editor(table)
    assert isinstance(speaker, QComboBox) and "大野 和夫（株式会社みどり不動産）" in [
        speaker.itemText(i) for i in range(speaker.count())
    ]
    speaker.setCurrentText("大野 和夫（株式会社みどり不動産）")
    commit(qtbot, table, speaker)
    assert model.index(0, 2).data() == "大野 和夫（株式会社みどり不動産）"
    assert planner.dirty and page.has_unsaved() and planner.save_button.isEnabled()
    click(qtbot, planner.save_button)

    meeting = meetings.get_meeting(session, meeting_id)
    assert (meeting.kind, meeting.goal_stage, meeting.goal, meeting.theme) == (
        "意見交換会",
        MUTUAL,
        goal.goal,
        goal.theme,
    )
    assert meeting.participants_situation.splitlines() == [
        "不動産関係者の困りごとを知らない福祉職が多い",
        COUNCIL_IMAGE,
    ]
    [item] = meetings.program_of(session, meeting_id)
    ono = next(p for p in people.people_of(session, directory["株式会社みどり不動産"]))
    assert (item.at, item.item, item.speaker_person_id) == ("13:40", "話題提供「賃貸の現場から」", ono.id)
    assert not planner.dirty and not page.has_unsaved() and planner.state.text() == "保存済みです。"
    assert "到達点: 相互理解" in page.facts.text()

    page.tabs.setCurrentIndex(CHECKLIST_TAB)  # the guide's steps, 期限 counted from the day
    rows = shown_rows(page.checklist.model)
    assert len(rows) == 8 and rows[0][1] == "［開催前］関係者の認識と求めている情報を整理する"
    assert rows[0][2].startswith("令和8年1月27日(火)") and rows[0][3] == "42日前"
    assert page.checklist.guide_text.text() == meeting_planning().before[0].body[0]
    page.show_list()
    assert shown_rows(page.meeting_list.proxy)[0][:4] == [
        "令和8年3月10日(火)",
        "意見交換会",
        "第1回 住宅と福祉の意見交換会",
        "企画中",
    ]


def test_a_wrong_time_in_the_programme_is_named_and_nothing_is_saved(qtbot, session):
    """A 時刻 that is not a time of day is named by its row beside the プログラム; the meeting stays
    as it was and the typing stays on screen."""
    meeting_id = plan(session)
    page = make_page(qtbot, session)
    assert page.open_meeting(meeting_id)
    planner = page.planner
    click(qtbot, planner.program.add_button)
    QTest.keyClick(cell_editor(planner.program.table), Qt.Key.Key_Escape)  # leaves the cell, not the record
    assert page.stack.currentIndex() == RECORD
    model = planner.program.model
    model.setData(model.index(0, 0), "午後")
    model.setData(model.index(0, 1), "開会")
    assert not planner.save()
    assert "1行目の時刻「午後」" in planner.errors.text("program")
    assert meetings.program_of(session, meeting_id) == [] and planner.dirty


def test_esc_with_unsaved_planner_input_asks_and_keeps_it(qtbot, session):
    """Esc on the record with the plan changed asks 保存／破棄／キャンセル: キャンセル keeps the record
    and the typing, 破棄 returns to the list and nothing is written; untouched, Esc just goes back."""
    meeting_id = plan(session)
    page = make_page(qtbot, session)
    assert page.open_meeting(meeting_id)
    title = page.planner.title
    title.setFocus()
    title.end(False)
    type_japanese(title, "（福祉の課題共有）")
    answerer = BoxAnswerer(wording.CANCEL)
    QTest.keyClick(title, Qt.Key.Key_Escape)
    answerer.stop()
    assert answerer.seen and wording.UNSAVED_TITLE in answerer.seen[0] and wording.PLANNER_TAB in answerer.seen[0]
    assert page.stack.currentIndex() == RECORD and title.text() == "第2回 居住支援勉強会（福祉の課題共有）"
    activate(qtbot, page)
    answerer = BoxAnswerer(wording.DISCARD)
    QTest.keyClick(title, Qt.Key.Key_Escape)
    answerer.stop()
    assert page.stack.currentIndex() == LIST
    assert meetings.get_meeting(session, meeting_id).title == "第2回 居住支援勉強会"
    assert page.open_meeting(meeting_id) and page.planner.title.text() == "第2回 居住支援勉強会"
    activate(qtbot, page)
    answerer = BoxAnswerer()
    QTest.keyClick(page.planner.title, Qt.Key.Key_Escape)
    answerer.stop()
    assert page.stack.currentIndex() == LIST and answerer.seen == []


def test_saving_from_the_question_writes_the_plan_and_opens_the_other_meeting(qtbot, session):
    """Opening another meeting (here from the window's 経過記録 route) with the plan changed asks
    first; 保存 writes the plan, then the other meeting opens."""
    first, second = plan(session), plan(session, "第3回 居住支援勉強会", when=DAY + dt.timedelta(days=30))
    page = make_page(qtbot, session)
    assert page.open_meeting(first)
    page.planner.venue.setText("役場 大会議室")
    answerer = BoxAnswerer(wording.SAVE)
    assert page.open_meeting(second)
    answerer.stop()
    assert meetings.get_meeting(session, first).venue == "役場 大会議室"
    assert page.planner.title.text() == "第3回 居住支援勉強会"


def test_checklist_done_with_undo_a_due_moved_and_a_step_of_ones_own(qtbot, session):
    """段取り: 済にする records today (元に戻す takes it back); 期限を変える counts days from the
    meeting; a step of one's own is added and deleted."""
    meeting_id = plan(session)
    page = make_page(qtbot, session)
    assert page.open_meeting(meeting_id, CHECKLIST_TAB)
    tab = page.checklist
    tab.table.selectRow(2)
    request = tab.selected()
    assert request is not None and request.key == "request"
    click(qtbot, tab.done_button)
    assert checklist.items_of(session, meeting_id)[2].done_on == dt.date.today()
    assert tab.selected().id == request.id and tab.done_button.text() == wording.MARK_UNDONE
    assert shown_rows(tab.model)[2][0].startswith("済 令和")
    assert not tab.notice.isHidden()
    click(qtbot, tab.notice.undo_button)
    assert checklist.items_of(session, meeting_id)[2].done_on is None

    def later(dialog: StepDialog) -> bool:
        assert dialog.days.value() == 21 and dialog.timing.currentData() == "before"
        dialog.days.setValue(28)
        assert "令和8年2月10日(火)" in dialog.due.text()
        return dialog.try_accept()

    page.run_dialog = later
    assert tab.change_due()
    moved = next(i for i in checklist.items_of(session, meeting_id) if i.id == request.id)
    assert (moved.days, moved.due_on) == (-28, dt.date(2026, 2, 10))

    def own(dialog: StepDialog) -> bool:
        type_japanese(dialog.title, "会場の机を島型に並べる")
        dialog.days.setValue(1)
        return dialog.try_accept()

    page.run_dialog = own
    assert tab.add_step()
    added = next(i for i in checklist.items_of(session, meeting_id) if i.title == "会場の机を島型に並べる")
    assert added.due_on == dt.date(2026, 3, 9) and tab.selected().id == added.id
    assert tab.guide_text.text() == "手引きにない、このアプリの段取りです。"
    page.confirm = lambda *args: True
    click(qtbot, tab.delete_button)
    assert added.id not in [i.id for i in checklist.items_of(session, meeting_id)]


def test_a_change_elsewhere_refreshes_the_page_once_and_only_when_shown(qtbot, db_path):
    """While 会議・勉強会 is hidden, a meeting planned and an organisation renamed elsewhere cost no
    reload; showing it reloads once with both; a topic it does not show never reloads it."""

    window = open_window(qtbot, db_path)
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert names.index(wording.NAV_MEETINGS) == names.index(wording.NAV_HEARING) + 1
    assert names.index(wording.NAV_DIAGNOSIS) == names.index(wording.NAV_MEETINGS) + 1
    assert names.index(wording.NAV_HANDOVER) == names.index(wording.NAV_DIAGNOSIS) + 1
    assert names.index(wording.NAV_SETTINGS) == names.index(wording.NAV_HANDOVER) + 1
    page = window.show_page("meetings")
    window.show_page("home")
    calls = counted(page)
    session = window.session
    meeting_id, changes = meetings.save_meeting(session, Meeting(kind="庁内勉強会", title="庁内勉強会", starts_at=DAY))
    window.ops.publish(changes)
    _id, changes = organizations.save_organization(session, organizations.new_organization("その他", "商工会"))
    window.ops.publish(changes)
    window.ops.publish(Changes.of(Topic.BANKS))
    assert calls == []
    window.show_page("meetings")
    assert len(calls) == 1 and {Topic.MEETINGS, Topic.ORGANIZATIONS} <= calls[0].topics
    assert shown_rows(page.meeting_list.proxy)[0][2] == "庁内勉強会"
    window.show_page("home")
    window.show_page("meetings")
    assert len(calls) == 1
    window.ops.publish(Changes.of(Topic.VISITS))  # not shown here
    assert len(calls) == 1
    _id, changes = checklist.save_item(
        session, ChecklistItem(meeting_id, "own", "before", "会場予約", days=-30), DAY.date()
    )
    window.ops.publish(changes)  # shown: reloads at once
    assert len(calls) == 2 and shown_rows(page.meeting_list.proxy)[0][5] == "9件"


def test_quitting_with_an_unsaved_plan_asks_and_can_save_it(qtbot, db_path):
    """終了 with the plan changed asks first (the window asks every page): 保存 writes it and quits."""
    from kyojushien_desktop.services import datafile

    opened = datafile.open_session(db_path)
    meeting_id = plan(opened)
    opened.close()
    window = open_window(qtbot, db_path)
    assert window.open_record("meeting", meeting_id)
    page = window.page("meetings")
    page.planner.facilitator.setText("学識者に依頼")
    answerer = BoxAnswerer(wording.SAVE)
    window.close()
    answerer.stop()
    assert not window.isVisible() and answerer.seen
    reader = datafile.open_for_reading(db_path)
    try:
        assert meetings.get_meeting(reader, meeting_id).facilitator == "学識者に依頼"
    finally:
        reader.close()


def test_a_programme_cell_still_being_typed_in_is_asked_about_on_quitting(qtbot, db_path):
    """終了 while a プログラム cell is still open: what is typed there counts as typed (the cell is
    ended first), so the window asks, and 保存 writes it."""
    from kyojushien_desktop.services import datafile

    opened = datafile.open_session(db_path)
    meeting_id = plan(opened)
    opened.close()
    window = open_window(qtbot, db_path)
    assert window.open_record("meeting", meeting_id)
    planner = window.page("meetings").planner
    table, model = planner.program.table, planner.program.model
    click(qtbot, planner.program.add_button)
    QTest.keyClick(cell_editor(table), Qt.Key.Key_Escape)
    model.setData(model.index(0, 0), "13:30")
    model.setData(model.index(0, 1), "開会")
    assert planner.save() and not planner.dirty
    table.setCurrentIndex(model.index(0, 1))
    table.edit(model.index(0, 1))
    editor = cell_editor(table)
    editor.setText("開会のあいさつ")
    assert not planner.dirty  # the cell is still open
    answerer = BoxAnswerer(wording.SAVE)
    window.close()
    answerer.stop()
    assert answerer.seen and not window.isVisible()
    reader = datafile.open_for_reading(db_path)
    try:
        assert [item.item for item in meetings.program_of(reader, meeting_id)] == ["開会のあいさつ"]
    finally:
        reader.close()


def test_a_proxy_name_still_being_typed_in_is_saved_into_its_own_file(qtbot, db_path, tmp_path):
    """Opening another file while a 代理出席者 cell is open: the name goes into the file it was
    typed for (the table saves it on commit), never into the other one or nowhere."""
    from kyojushien_desktop.domain.meetings import Participant
    from kyojushien_desktop.services import datafile
    from kyojushien_desktop.services.meetings import participants
    from kyojushien_desktop.ui.meetings.page import PARTICIPANTS_TAB
    from kyojushien_desktop.ui.meetings.participant_models import PROXY_COLUMN

    opened = datafile.open_session(db_path)
    meeting_id = plan(opened)
    guest_id, _ = participants.save_participant(opened, Participant(meeting_id=meeting_id, guest_name="佐藤 一郎"))
    opened.close()
    other = tmp_path / "other.db"
    datafile.create_session(other).close()
    window = open_window(qtbot, db_path)
    assert window.open_record("meeting", meeting_id)
    tab = window.page("meetings").participants
    window.page("meetings").tabs.setCurrentIndex(PARTICIPANTS_TAB)
    cell = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of_id(guest_id), PROXY_COLUMN))
    tab.table.setCurrentIndex(cell)
    tab.table.edit(cell)
    cell_editor(tab.table).setText("代理 二郎")
    assert window.open_file(other)
    reader = datafile.open_for_reading(db_path)
    try:
        assert [p.proxy_name for p in participants.participants_of(reader, meeting_id)] == ["代理 二郎"]
    finally:
        reader.close()


def test_a_programme_cell_still_being_typed_in_is_asked_about_on_going_back_to_the_list(qtbot, db_path):
    """← 一覧へ while a プログラム cell is still open: the cell is ended first, so the record asks
    保存／破棄／キャンセル, and キャンセル stays on the record with the text in the table."""
    from kyojushien_desktop.services import datafile

    opened = datafile.open_session(db_path)
    meeting_id = plan(opened)
    opened.close()
    window = open_window(qtbot, db_path)
    assert window.open_record("meeting", meeting_id)
    page = window.page("meetings")
    planner = page.planner
    table, model = planner.program.table, planner.program.model
    click(qtbot, planner.program.add_button)
    QTest.keyClick(cell_editor(table), Qt.Key.Key_Escape)
    model.setData(model.index(0, 1), "開会")
    assert planner.save() and not planner.dirty
    table.setCurrentIndex(model.index(0, 1))
    table.edit(model.index(0, 1))
    cell_editor(table).setText("開会のあいさつ")
    assert not planner.dirty  # the cell is still open
    answerer = BoxAnswerer(wording.CANCEL)
    assert not page.show_list()
    answerer.stop()
    assert answerer.seen and page.meeting is not None and model.index(0, 1).data() == "開会のあいさつ"
    page.discard_unsaved()

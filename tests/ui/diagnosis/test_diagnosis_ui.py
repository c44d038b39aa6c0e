"""診断シート on real widgets over a real file: one respondent's 21 ratings typed with the keyboard
alone reach the file; a wrong digit is named beside its item and kept; Esc with unsaved ratings
asks; the comparison shows the right figures and A, B, C … when names are hidden; the divergent
items become a meeting that the round links and the 会議・勉強会 page opens; the page reloads once,
only when shown; its models keep Qt's contract."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kyojushien_desktop.content.diagnosis import diagnosis_sheet
from kyojushien_desktop.domain.diagnosis import Respondent, Round
from kyojushien_desktop.services.diagnosis import rounds
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.ui.common import messages
from kyojushien_desktop.ui.diagnosis import page as diagnosis_page
from kyojushien_desktop.ui.diagnosis.compare_view import CompareView
from kyojushien_desktop.ui.diagnosis.entry import RATING
from kyojushien_desktop.ui.diagnosis.page import DiagnosisPage
from tests.ui.pages import bind, open_window

ITEMS = [item.id for item in diagnosis_sheet().items]
PEOPLE = (("山田 花子", "住宅"), ("佐藤 健", "福祉"), ("林 由美", "福祉"))


@pytest.fixture
def round_id(session) -> int:
    made, _ = rounds.save_round(session, Round(name="令和8年度 第1回", held_on=dt.date(2026, 6, 1)))
    for name, bureau in PEOPLE:
        rounds.save_respondent(session, Respondent(round_id=made, name=name, bureau=bureau))
    return made


def make_page(qtbot, session) -> DiagnosisPage:
    page = DiagnosisPage()
    bind(qtbot, page, session)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def full_width(widget, key: Qt.Key, text: str) -> None:
    """A key typed through the IME in 全角 mode: the key with its full-width text."""
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, text, Qt.KeyboardModifier.NoModifier)


def scored(session, round_id: int, name: str, scores: dict[str, int], free: str = "") -> None:
    person = next(p for p in rounds.respondents_of(session, round_id) if p.name == name)
    rounds.save_respondent(session, dataclasses.replace(person, scores=scores, free_answer=free))


def test_all_21_ratings_typed_with_the_keyboard_alone_reach_the_file(qtbot, session, round_id):
    page = make_page(qtbot, session)
    QTest.keyClick(page.person_table, Qt.Key.Key_Return)  # opens the first respondent
    assert page.stack.currentIndex() == diagnosis_page.ENTRY
    table = page.entry.table
    typed = "12345" * 4  # 20 items, then 全角 and 未回答 by 0
    for key in typed:
        QTest.keyClicks(table, key)
    full_width(table, Qt.Key.Key_4, "４")  # 全角 4 on 4-5, the 21st
    QTest.keyClick(table, Qt.Key.Key_Up)
    full_width(table, Qt.Key.Key_0, "０")  # 4-4 back to 未回答 (全角 0)
    QTest.keyClick(table, Qt.Key.Key_Up)
    QTest.keyClick(table, Qt.Key.Key_Up)
    QTest.keyClick(table, Qt.Key.Key_Delete)  # and 4-3 by Delete
    assert page.has_unsaved()
    QTest.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.has_unsaved()
    person = next(p for p in rounds.respondents_of(session, round_id) if p.name == PEOPLE[0][0])
    expected = {item_id: int(key) for item_id, key in zip(ITEMS[:18], typed, strict=False)}
    expected[ITEMS[20]] = 4
    assert person.scores == expected
    assert page.person_model.index(0, 4).data() == "19/21"


def test_a_wrong_digit_is_named_beside_its_item_and_kept(qtbot, session, round_id):
    page = make_page(qtbot, session)
    page.open_person(0)
    table = page.entry.table
    QTest.keyClicks(table, "3")
    QTest.keyClicks(table, "6")  # 1-2
    model = page.entry.model
    assert "「6」は1〜5で入力してください" in model.index(1, 3).data()
    assert not page.entry.save()
    assert ITEMS[1] in page.entry.message.text() and "「6」" in page.entry.message.text()
    assert model.index(1, RATING).data() == "6"
    assert table.currentIndex().row() == 1  # taken back to the item to correct
    assert rounds.respondents_of(session, round_id)[0].scores == {}
    QTest.keyClicks(table, "2")
    assert page.entry.save()
    assert rounds.respondents_of(session, round_id)[0].scores == {ITEMS[0]: 3, ITEMS[1]: 2}


def test_esc_with_unsaved_ratings_asks(qtbot, session, round_id, monkeypatch):
    page = make_page(qtbot, session)
    page.open_person(0)
    asked = []
    answers = iter([messages.CANCEL, messages.DISCARD])
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent, what: asked.append(what) or next(answers))
    QTest.keyClicks(page.entry.table, "5")
    QTest.keyClick(page.entry.table, Qt.Key.Key_Escape)
    assert asked == [PEOPLE[0][0] + " " + PEOPLE[0][1]]
    assert page.stack.currentIndex() == diagnosis_page.ENTRY and page.entry.model.typed == {ITEMS[0]: "5"}
    QTest.keyClick(page.entry.table, Qt.Key.Key_Escape)
    assert page.stack.currentIndex() == diagnosis_page.LIST
    assert rounds.respondents_of(session, round_id)[0].scores == {}


def test_the_comparison_shows_mean_range_and_hidden_names(qtbot, session, round_id):
    scored(session, round_id, "山田 花子", {"1-1": 5, "1-2": 4}, "住宅の側から見ると…")
    scored(session, round_id, "佐藤 健", {"1-1": 1, "1-2": 4})
    page = make_page(qtbot, session)
    page.tabs.setCurrentIndex(diagnosis_page.COMPARE_TAB)
    compare = page.compare
    model = compare.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[2:5] == [name for name, _ in PEOPLE]
    assert model.is_phase_row(0)
    stats = model.first_stat_column()
    assert [model.index(1, c).data() for c in (0, 2, 3, 4, stats, stats + 1, stats + 3)] == [
        "1-1", "5", "1", "", "3.0", "1–5", "1",
    ]  # fmt: skip
    assert compare.widest.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole) == "1-1"
    assert "住宅の側から見ると" in compare.free_answers.toPlainText()
    compare.hide_names.setChecked(True)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[2:5] == ["A", "B", "C"]
    assert "A: 住宅の側から見ると" in compare.free_answers.toPlainText()
    assert "山田" not in compare.free_answers.toPlainText()
    compare.bureau.setCurrentIndex(compare.bureau.findData("福祉"))
    assert model.columnCount() == 2 + 2 + 4
    assert model.index(1, model.first_stat_column()).data() == "1.0"  # 佐藤 1, 林 未回答


def test_divergent_items_start_a_meeting_the_round_links_and_the_meetings_page_opens(qtbot, db_path):
    window = open_window(qtbot, db_path)
    session = window.session
    made, _ = rounds.save_round(session, Round(name="令和8年度 第1回", held_on=dt.date(2026, 6, 1)))
    for name, _bureau in PEOPLE:
        rounds.save_respondent(session, Respondent(round_id=made, name=name))
    scored(session, made, "山田 花子", {"2-1": 5, "3-1": 5, "1-1": 3})
    scored(session, made, "佐藤 健", {"2-1": 1, "3-1": 2, "1-1": 3})
    page = window.show_page("diagnosis")
    page.tabs.setCurrentIndex(diagnosis_page.COMPARE_TAB)
    compare: CompareView = page.compare
    assert not compare.theme_button.isEnabled()
    compare.widest.topLevelItem(0).setSelected(True)
    compare.widest.topLevelItem(1).setSelected(True)
    assert compare.chosen_items() == ["2-1", "3-1"]
    compare.theme_button.click()
    linked = rounds.get_round(session, made).meeting_id
    assert linked is not None
    meeting = meetings.get_meeting(session, linked)
    assert meeting.kind == "意見交換会" and meeting.title == "令和8年度 第1回 目線合わせの意見交換"
    texts = {item.id: item.text for item in diagnosis_sheet().items}
    assert f"2-1 {texts['2-1']}" in meeting.theme and f"3-1 {texts['3-1']}" in meeting.theme
    assert "1-1" not in meeting.theme
    assert meeting.starts_at.date() == dt.date.today() + dt.timedelta(days=28)
    shown = window.stack.currentWidget()
    assert shown is window.page("meetings") and shown.meeting is not None and shown.meeting.id == linked


def test_reloads_once_only_when_shown(qtbot, session, round_id):
    page = DiagnosisPage()
    ops = bind(qtbot, page, session)
    assert page.reloads == 1
    page.hide()
    for number in (2, 3):
        ops.publish(rounds.save_round(session, Round(name=f"第{number}回", held_on=dt.date(2026, 9, number)))[1])
    assert page.reloads == 1
    page.show()
    qtbot.waitExposed(page)
    assert page.reloads == 2
    assert page.round_model.rowCount() == 3


def test_a_round_and_a_respondent_added_through_the_dialogs(qtbot, session, round_id):
    page = make_page(qtbot, session)

    def fill_round(dialog) -> bool:
        dialog.name.setText("令和8年度 第2回")
        dialog.same_people.setCurrentIndex(dialog.same_people.findData(round_id))
        return dialog.try_accept()

    page.run_dialog = fill_round
    new_id = page.new_round()
    assert new_id is not None and page.round_id() == new_id
    assert [p.name for p in rounds.respondents_of(session, new_id)] == [name for name, _ in PEOPLE]

    def fill_person(dialog) -> bool:
        dialog.name.setText("川村 翔")
        dialog.bureau.setText("住宅")
        return dialog.try_accept()

    page.run_dialog = fill_person
    assert page.add_respondent() is not None
    assert page.person_model.rowCount() == 4 and page.selected_person().name == "川村 翔"


def test_models_keep_the_contract(qtmodeltester, qtbot, session, round_id):
    """RoundTableModel, RespondentTableModel, HeatModel (with its phase rows) and EntryModel."""
    scored(session, round_id, "山田 花子", {"1-1": 5, "2-1": 2})
    page = make_page(qtbot, session)
    page.tabs.setCurrentIndex(diagnosis_page.COMPARE_TAB)
    page.open_person(0)
    for model in (page.round_model, page.person_model, page.compare.model, page.entry.model):
        qtmodeltester.check(model)

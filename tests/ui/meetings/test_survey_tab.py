"""参加者アンケート on screen: paper forms typed in by keyboard alone one after another, a wrong
digit named beside its question with the typing kept, forms corrected and deleted from the list,
the question set edited, a spreadsheet imported after its preview, and the results (n, 回収率,
each question's shares) as the database has them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.meetings import survey
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.meetings.survey_import_dialog import SurveyImportDialog
from kyojushien_desktop.ui.meetings.survey_models import SurveyFormsModel, SurveyImportRowsModel, SurveyQuestionsModel
from kyojushien_desktop.ui.meetings.survey_questions_dialog import SurveyQuestionsDialog
from kyojushien_desktop.ui.meetings.survey_results import QuestionBlock
from tests.meeting_surveys import held_meeting
from tests.ui.boxes import BoxAnswerer
from tests.ui.meetings.survey_host import SurveyHost
from tests.ui.pages import bind

# Ten paper forms as typed: 満足度, 理解度, 新しいつながり, 印象に残ったこと, 今後のテーマ, 所属区分, ご意見.
FORMS = [
    ("1", "1", "1", "Yamada san no hanashi", "", "3", ""),
    ("2", "1", "2", "", "akiya", "1", ""),
    ("1", "2", "1", "group work", "", "2", "mata sanka shitai"),
    ("3", "3", "", "", "", "5", ""),
    ("2", "2", "1", "", "", "4", ""),
    ("1", "1", "1", "jirei ga yokatta", "hoshonin", "3", ""),
    ("4", "3", "2", "", "", "6", "jikan ga mijikai"),
    ("2", "2", "1", "", "", "1", ""),
    ("1", "2", "1", "", "", "3", ""),
    ("2", "1", "", "", "", "", ""),
]


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    yield opened
    opened.close()


@pytest.fixture
def meeting_id(session) -> int:
    return held_meeting(session, attending=12)


@pytest.fixture
def host(qtbot, session, meeting_id) -> SurveyHost:
    page = SurveyHost()
    bind(qtbot, page, session, size=(1000, 640))
    page.activateWindow()
    page.tab.show_meeting(meeting_id)
    page.tab.hide()  # the page switching to its アンケート tab
    page.tab.show()
    return page


def focused():
    """Where the keys go; after a message box closes, the window the box came from takes the
    keyboard back (a desktop's window manager does that; the offscreen platform does not)."""
    if QApplication.activeWindow() is None:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, SurveyHost) and window.isVisible():
                window.activateWindow()
                QApplication.processEvents()
    return QApplication.focusWidget()


def type_form(entry, values) -> None:
    """One paper form, question by question, into whatever has the keyboard focus."""
    for number, value in enumerate(values):
        assert focused() is entry.lines[number].edit, f"question {number + 1} should have the focus"
        if value:
            QTest.keyClicks(focused(), value)
        QTest.keyClick(focused(), Qt.Key.Key_Return)


def test_ten_paper_forms_by_keyboard_alone(host, session, meeting_id):
    """Ten forms typed with keys only: Enter moves on, Enter on the last question saves and the
    next form starts at question 1 with its number counted on; the database holds the ten forms
    answer for answer, the list shows them, and the results show n=10 and 回収率 83% (of 12)."""
    tab, entry = host.tab, host.tab.entry
    assert entry.number.value() == 1 and focused() is entry.lines[0].edit
    for number, form in enumerate(FORMS, 1):
        assert entry.number.value() == number
        type_form(entry, form)
    assert entry.number.value() == 11 and focused() is entry.lines[0].edit
    assert "回答票 10 を保存しました" in entry.state.text()

    questions = survey.questions_of(session, meeting_id)
    saved = survey.responses_of(session, meeting_id)
    assert [r.number for r in saved] == list(range(1, 11))
    for response, form in zip(saved, FORMS, strict=True):
        expected = {}
        for question, typed in zip(questions, form, strict=True):
            if typed:
                expected[question.id] = question.choices[int(typed) - 1] if question.choices else typed
        assert response.answers == expected
    assert tab.forms_model.rowCount() == 10
    assert tab.forms_model.index(0, 2).data().startswith("とても満足・とても深まった・いる・「Yamada san")
    assert tab.count.text() == "回答票 10枚"

    tab.tabs.setCurrentIndex(1)
    assert tab.results.headline.text() == "回答 10枚　／　出席 12人　／　回収率 83%"
    layout = tab.results.blocks
    blocks = [b for b in (layout.itemAt(i).widget() for i in range(layout.count())) if isinstance(b, QuestionBlock)]
    satisfaction = blocks[0].bar.result
    assert dict(satisfaction.counts) == {"とても満足": 4, "満足": 4, "ふつう": 1, "やや不満": 1, "不満": 0}
    assert "・group work" in blocks[3].answers.text()


def test_a_wrong_digit_is_named_beside_its_question_and_the_typing_kept(host, session, meeting_id):
    """「6」 on the 5-point 満足度 is named as the line is left; Enter on the last question then
    keeps the form open with the service's message beside 満足度, every answer still there and
    the cursor back on it; a corrected digit saves."""
    entry = host.tab.entry
    QTest.keyClicks(focused(), "6")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert entry.lines[0].error.text() == "1問目（満足度）: 「6」は1〜5で入力してください。"
    assert not entry.lines[0].error.isHidden()
    type_form_from(entry, 1, ("2", "1", "kikeru", "", "3", ""))
    assert survey.responses_of(session, meeting_id) == []
    assert entry.lines[0].error.text() == "1問目（満足度）: 「6」は1〜5で入力してください。"
    assert [line.value() for line in entry.lines] == ["6", "2", "1", "kikeru", "", "3", ""]
    assert focused() is entry.lines[0].edit and entry.has_unsaved()
    assert entry.problem.text().startswith("1問の答えを確かめてください") and not entry.problem.isHidden()

    QTest.keyClicks(focused(), "4")  # one digit per question: it replaces the 6
    assert entry.lines[0].value() == "4"
    for _ in range(7):
        QTest.keyClick(focused(), Qt.Key.Key_Return)
    [saved] = survey.responses_of(session, meeting_id)
    assert saved.answers[survey.questions_of(session, meeting_id)[0].id] == "やや不満"
    assert entry.lines[0].error.isHidden()


def type_form_from(entry, start: int, values) -> None:
    for offset, value in enumerate(values):
        assert focused() is entry.lines[start + offset].edit
        if value:
            QTest.keyClicks(focused(), value)
        QTest.keyClick(focused(), Qt.Key.Key_Return)


def test_zero_delete_arrows_and_full_width_digits(host, session, meeting_id):
    """0 and Delete leave a question 未回答, ↑/↓ move between questions, a full-width ３ (from an
    IME) reads as 3, and the choices show the one typed."""
    entry = host.tab.entry
    QTest.keyClicks(focused(), "2")
    assert entry.lines[0].chosen.text() == "満足"
    assert [o.objectName() for o in entry.lines[0].options] == ["hint", "questionText", "hint", "hint", "hint"]
    QTest.keyClick(focused(), Qt.Key.Key_0)
    assert entry.lines[0].value() == "" and entry.lines[0].chosen.text() == "未回答"
    QTest.keyClicks(focused(), "5")
    QTest.keyClick(focused(), Qt.Key.Key_Delete)
    assert entry.lines[0].value() == ""
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    assert focused() is entry.lines[1].edit
    QTest.sendKeyEvent(QTest.KeyAction.Click, focused(), Qt.Key.Key_3, "３", Qt.KeyboardModifier.NoModifier)
    QTest.keyClick(focused(), Qt.Key.Key_Up)
    assert focused() is entry.lines[0].edit
    assert entry.save()
    [saved] = survey.responses_of(session, meeting_id)
    assert list(saved.answers.values()) == ["どちらともいえない"]


def test_esc_and_leaving_with_a_half_typed_form_ask(host, session, meeting_id):
    """Esc with answers typed asks 保存／破棄／キャンセル: キャンセル keeps them, 破棄 empties the
    form; the page's has_unsaved/save_unsaved (quitting, another meeting) see the typing and
    save it."""
    entry = host.tab.entry
    type_form_from(entry, 0, ("1", "2"))
    answerer = BoxAnswerer(wording.CANCEL)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    answerer.stop()
    assert answerer.seen and wording.UNSAVED_TITLE in answerer.seen[0] and "回答票 1" in answerer.seen[0]
    assert [line.value() for line in entry.lines[:2]] == ["1", "2"] and host.has_unsaved()

    answerer = BoxAnswerer(wording.DISCARD)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    answerer.stop()
    assert answerer.seen and not host.has_unsaved() and entry.lines[0].value() == ""
    assert survey.responses_of(session, meeting_id) == []

    QTest.keyClicks(focused(), "3")
    assert host.has_unsaved()
    answerer = BoxAnswerer(wording.CANCEL)
    assert not host.tab.confirm_leave()  # switching meeting or tab: キャンセル stays
    answerer.stop()
    assert host.has_unsaved()
    assert host.save_unsaved()  # 保存 in the window's question when quitting
    assert [r.number for r in survey.responses_of(session, meeting_id)] == [1]
    answerer = BoxAnswerer()
    QTest.keyClick(focused(), Qt.Key.Key_Escape)  # nothing typed: no question
    answerer.stop()
    assert answerer.seen == []


def test_a_form_chosen_in_the_list_is_corrected_or_deleted(host, session, meeting_id):
    """Choosing form 2 opens it in the panel; saving replaces it (still two forms); 削除… asks
    and removes the chosen one."""
    tab, entry = host.tab, host.tab.entry
    type_form(entry, FORMS[0])
    type_form(entry, FORMS[1])
    tab.forms.setFocus()  # the list takes the keyboard: its first form opens beside it
    assert focused() is tab.forms and entry.correcting == 1
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    assert entry.correcting == 2 and entry.number.isReadOnly()
    assert [line.value() for line in entry.lines] == list(FORMS[1])
    QTest.keyClick(focused(), Qt.Key.Key_Return)  # Enter in the list: start correcting
    assert focused() is entry.lines[0].edit
    QTest.keyClicks(focused(), "5")
    for _ in range(7):
        QTest.keyClick(focused(), Qt.Key.Key_Return)
    responses = survey.responses_of(session, meeting_id)
    assert [r.number for r in responses] == [1, 2]
    assert responses[1].answers[survey.questions_of(session, meeting_id)[0].id] == "不満"
    assert entry.correcting is None and entry.number.value() == 3

    tab.forms.setFocus()
    tab.show_meeting(meeting_id)  # the page showing a meeting again leaves the keyboard where it is
    assert focused() is tab.forms
    tab.forms.setCurrentIndex(tab.forms_model.index(0, 0))
    answerer = BoxAnswerer(wording.DELETE_CONFIRMED)
    assert tab.delete_form()
    answerer.stop()
    assert "回答票 1 を削除します" in answerer.seen[0]
    assert [r.number for r in survey.responses_of(session, meeting_id)] == [2]
    assert entry.correcting is None and entry.number.value() == 3


def test_question_set_edited_in_the_dialog(host, session, meeting_id):
    """質問の設定…: a question with answers asks before it goes; a preset comes back; a new
    選択 question with its choices is added; order changes; the entry lines follow the new set."""
    tab = host.tab
    type_form(tab.entry, FORMS[0])

    def edit(dialog):
        assert isinstance(dialog, SurveyQuestionsDialog)
        dialog.show()
        dialog.table.setCurrentIndex(dialog.model.index(0, 1))  # 満足度, answered once
        answerer = BoxAnswerer(wording.DELETE_CONFIRMED)
        assert dialog.remove()
        answerer.stop()
        assert "回答が1件あります" in answerer.seen[0]
        dialog.add_question()
        QTest.keyClicks(dialog.text, "Kaijo wa dou deshita ka")
        dialog.kind.setCurrentIndex(dialog.kind.findData("choice"))
        dialog.choice_box.setPlainText("hiroi\nsemai")
        dialog.move(-1)
        dialog.add_preset("satisfaction")
        return dialog.try_accept()

    host.answer = edit
    assert tab.edit_questions()
    questions = survey.questions_of(session, meeting_id)
    assert [q.short for q in questions][-3:] == ["Kaijo wa dou deshita ka", "ご意見・ご感想", "満足度"]
    assert questions[-3].kind == "choice" and questions[-3].choices == ("hiroi", "semai")
    assert [line.question.short for line in tab.entry.lines] == [q.short for q in questions]
    [response] = survey.responses_of(session, meeting_id)
    assert len(response.answers) == 4  # 満足度's answer went with its question


def test_questions_dialog_refuses_bad_set_and_asks_on_esc(qtbot, host, session, meeting_id):
    """A 5段階 with a blank label comes back from the service marked in the list, the input kept;
    Esc on a changed dialog asks first."""
    tab = host.tab
    rounds = []

    def edit(dialog):
        rounds.append(dialog.errors.general.text())
        if len(rounds) == 1:
            dialog.show()
            dialog.table.setCurrentIndex(dialog.model.index(1, 1))
            dialog.scale_edits[2].setText("")
            dialog.scale_edits[2].textEdited.emit("")
            return dialog.try_accept()
        return False

    host.answer = edit
    assert not tab.edit_questions()
    assert "2問目（5段階）には選択肢を5つ入力してください。" in rounds[1]
    assert survey.questions_of(session, meeting_id)[1].choices[2] == "どちらともいえない"

    dialog = SurveyQuestionsDialog(survey.questions_of(session, meeting_id), {}, survey.presets(meeting_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.text.setFocus()
    QTest.keyClicks(dialog.text, "?")
    answerer = BoxAnswerer(wording.CANCEL)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    answerer.stop()
    assert answerer.seen and dialog.isVisible()
    dialog.discard()


def test_spreadsheet_imported_after_its_preview(host, session, meeting_id, tmp_path, monkeypatch):
    """表から取り込む…: the preview names the bad cell and keeps 取り込む off until the bad row is
    skipped on purpose; then the good rows become forms after the one typed, and the results count
    them."""
    tab = host.tab
    type_form(tab.entry, FORMS[0])
    path = tmp_path / "回答.csv"
    path.write_text("満足度,理解度\n1,2\n9,1\n2,2\n", encoding="cp932")
    monkeypatch.setattr(tab, "choose_import_file", lambda: path)
    seen = {}

    def check(dialog):
        assert isinstance(dialog, SurveyImportDialog)
        seen["problems"] = dialog.problems.toPlainText()
        seen["enabled_before"] = dialog.import_button.isEnabled()
        dialog.skip_bad.setChecked(True)
        seen["enabled_after"] = dialog.import_button.isEnabled()
        return dialog.try_accept()

    host.answer = check
    answerer = BoxAnswerer(wording.CLOSE)
    assert tab.import_sheet()
    answerer.stop()
    assert seen == {
        "problems": "回答.csv 3行目 A列（満足度）: 「9」は1〜5で入力してください",
        "enabled_before": False,
        "enabled_after": True,
    }
    assert "2件取り込みました（回答票番号 2〜3" in answerer.seen[0]
    assert [r.number for r in survey.responses_of(session, meeting_id)] == [1, 2, 3]
    assert tab.results.headline.text().startswith("回答 3枚")
    assert tab.entry.number.value() == 4

    monkeypatch.setattr(tab, "choose_import_file", lambda: tmp_path / "なくなった.xlsx")
    answerer = BoxAnswerer(wording.CLOSE)
    assert not tab.import_sheet()
    answerer.stop()
    assert "回答の表を読めませんでした|ファイルが見つかりません" in answerer.seen[0]


def test_print_forms_writes_the_pdf(host, session, meeting_id, tmp_path, monkeypatch):
    """アンケート用紙を印刷…: the number of copies starts at those attending and the PDF is written."""
    pytest.importorskip("kyojushien_desktop.reports.meeting_forms_pdf")
    tab = host.tab
    target = tmp_path / "用紙.pdf"
    monkeypatch.setattr(tab, "choose_form_path", lambda stem: target)
    copies = []

    def accept(dialog):
        copies.append(dialog.copies.value())
        dialog.copies.setValue(3)
        return True

    host.answer = accept
    answerer = BoxAnswerer(wording.CLOSE)
    assert tab.print_forms() == target
    answerer.stop()
    assert copies == [12] and target.stat().st_size > 0


def test_models_pass_the_model_tester(qtmodeltester, session, meeting_id, tmp_path):
    """The forms list, the question list and the import's rows, over real data."""
    from kyojushien_desktop.services.meetings import survey_import

    questions = survey.questions_of(session, meeting_id)
    for number in range(1, 4):
        survey.save_response(session, meeting_id, number, {questions[0].id: str(number), questions[3].id: "x" * 30})
    forms = SurveyFormsModel()
    forms.set_forms(questions, survey.responses_of(session, meeting_id))
    assert forms.rowCount() == 3
    qtmodeltester.check(forms)
    listed = SurveyQuestionsModel()
    listed.set_questions(questions)
    listed.set_marked({1})
    qtmodeltester.check(listed)
    path = tmp_path / "回答.csv"
    path.write_text("満足度,理解度\n1,2\n9,1\n合計,3\n", encoding="utf-8")
    rows = SurveyImportRowsModel()
    rows.set_preview(survey_import.preview_survey_import(session, meeting_id, path))
    assert rows.rowCount() == 3
    qtmodeltester.check(rows)

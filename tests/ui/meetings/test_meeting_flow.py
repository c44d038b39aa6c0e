"""The 会議・勉強会 page end to end, as a secretariat uses it the day after a meeting: ten paper
アンケート typed into the real page's アンケート tab with the keyboard alone, the figures on the
screen and in the database, and the 開催レポート written from the record with the same n and
回収率; a half-typed form is not lost when the meeting is left."""

from __future__ import annotations

import re

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kyojushien_desktop.services.meetings import survey
from kyojushien_desktop.ui.common import messages
from kyojushien_desktop.ui.meetings.page import SURVEY_TAB
from tests.meeting_surveys import held_meeting
from tests.ui.meetings.helpers import activate, make_page
from tests.ui.meetings.test_survey_tab import FORMS


def keyboard(qtbot, page):
    """The widget the keys go to (the page's window takes the keyboard back after a box)."""
    if QApplication.activeWindow() is None:
        activate(qtbot, page)
    return QApplication.focusWidget()


def type_form(qtbot, page, entry, values) -> None:
    for number, value in enumerate(values):
        assert keyboard(qtbot, page) is entry.lines[number].edit, f"question {number + 1} should have the focus"
        if value:
            QTest.keyClicks(keyboard(qtbot, page), value)
        QTest.keyClick(keyboard(qtbot, page), Qt.Key.Key_Return)


def test_ten_forms_by_keyboard_on_the_page_then_the_report(qtbot, session, tmp_path):
    meeting_id = held_meeting(session, attending=12)
    page = make_page(qtbot, session)
    assert page.open_meeting(meeting_id, SURVEY_TAB)
    tab = page.survey
    entry = tab.entry
    qtbot.waitUntil(lambda: keyboard(qtbot, page) is entry.lines[0].edit)
    for number, form in enumerate(FORMS, 1):
        assert entry.number.value() == number
        type_form(qtbot, page, entry, form)

    saved = survey.responses_of(session, meeting_id)
    assert [r.number for r in saved] == list(range(1, 11))
    assert tab.forms_model.rowCount() == 10 and tab.count.text() == "回答票 10枚"
    assert tab.results.headline.text() == "回答 10枚　／　出席 12人　／　回収率 83%"

    page.run_dialog = lambda dialog: dialog.try_accept()
    page.choose_pdf_path = lambda name, kind="pdf": tmp_path / f"{name}.{kind}"
    page.inform_written = lambda title, text, path: None
    page.confirm = lambda title, text, ok: False  # not 報告済 yet
    pdf = page.make_report("pdf")
    assert pdf is not None and pdf.exists()
    text = "".join(re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(pdf).pages)
    assert "回答10名／参加者12名／回収率83%" in text


def test_a_half_typed_form_is_kept_when_the_meeting_is_left(qtbot, session, monkeypatch):
    """← 一覧 with answers typed on the アンケート tab asks 保存／破棄／キャンセル; キャンセル stays with
    the typing, 保存 writes the form."""
    meeting_id = held_meeting(session, attending=5)
    page = make_page(qtbot, session)
    assert page.open_meeting(meeting_id, SURVEY_TAB)
    entry = page.survey.entry
    qtbot.waitUntil(lambda: keyboard(qtbot, page) is entry.lines[0].edit)
    QTest.keyClicks(keyboard(qtbot, page), "2")
    assert page.has_unsaved()
    answers = iter([messages.CANCEL, messages.SAVE])
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent, what: next(answers))
    assert not page.show_list()
    assert page.meeting is not None and entry.lines[0].edit.text() == "2"
    assert page.show_list()
    [form] = survey.responses_of(session, meeting_id)
    assert form.number == 1 and list(form.answers.values()) == ["満足"]

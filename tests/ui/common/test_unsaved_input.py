"""Typed work is never lost without a question: Esc, キャンセル and × on a dialog, and quitting or
leaving the answer screen, ask 保存／破棄／キャンセル first and keep the input on キャンセル."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kyojushien_desktop.domain.hearing import Question, QuestionBank, Visit
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.hearing import question_banks, visits
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.members.contact_dialog import ContactDialog
from tests.ui.boxes import BoxAnswerer
from tests.ui.pages import open_window
from tests.ui.typing import type_japanese


@pytest.fixture
def organization_id(db_path) -> int:
    session = datafile.open_session(db_path)
    try:
        org = dataclasses.replace(organizations.new_organization("不動産事業者・団体", "株式会社みどり不動産"))
        return organizations.save_organization(session, org)[0]
    finally:
        session.close()


def test_esc_on_a_dialog_with_typed_input_asks_and_keeps_it(qtbot, organization_id):
    """Esc on 経過記録を追加 with a note typed asks first: キャンセル keeps the dialog and the note,
    破棄 closes it; an untouched dialog closes without a question."""
    dialog = ContactDialog(organization_id, [], "山田", "株式会社みどり不動産")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_japanese(dialog.note, "電話で訪問日を相談")
    answerer = BoxAnswerer(wording.CANCEL)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    answerer.stop()
    assert answerer.seen and wording.UNSAVED_TITLE in answerer.seen[0]
    assert dialog.isVisible() and dialog.note.toPlainText() == "電話で訪問日を相談"
    answerer = BoxAnswerer(wording.DISCARD)
    dialog.close()  # the title bar's ×
    answerer.stop()
    assert not dialog.isVisible() and answerer.seen

    fresh = ContactDialog(organization_id, [], "山田", "株式会社みどり不動産")
    qtbot.addWidget(fresh)
    fresh.show()
    answerer = BoxAnswerer()
    QTest.keyClick(fresh, Qt.Key.Key_Escape)
    answerer.stop()
    assert not fresh.isVisible() and answerer.seen == []


def test_save_in_the_question_saves_the_dialog(qtbot, organization_id):
    """保存 in the question does what the dialog's own button would: it checks and accepts."""
    dialog = ContactDialog(organization_id, [], "山田", "株式会社みどり不動産")
    qtbot.addWidget(dialog)
    dialog.show()
    type_japanese(dialog.note, "来庁して相談")
    answerer = BoxAnswerer(wording.SAVE)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    answerer.stop()
    assert dialog.result() == ContactDialog.DialogCode.Accepted
    assert dialog.result_value is not None and dialog.result_value.note == "来庁して相談"


def test_quitting_with_unsaved_answers_asks_and_can_save_them(qtbot, db_path, organization_id):
    """終了 (or Ctrl+Q) while 回答を入力 holds unsaved answers asks first: キャンセル keeps the
    window and the answers, 保存 writes them and quits."""
    session = datafile.open_session(db_path)
    try:
        bank_id, _ = question_banks.save_bank(session, QuestionBank(name="聞きたいこと"))
        question_id, _ = question_banks.add_question(session, Question(bank_id=bank_id, text="空き室の状況"))
        visit_id, _ = visits.plan_visit(
            session,
            Visit(
                organization_id=organization_id, scheduled_at=dt.datetime(2026, 11, 1, 10), question_ids=(question_id,)
            ),
        )
    finally:
        session.close()
    window = open_window(qtbot, db_path)
    assert window.open_record("visit", visit_id)
    entry = window.page("hearing").entry
    type_japanese(entry.rows[0].text_box, "3室空いている")
    answerer = BoxAnswerer(wording.CANCEL)
    QTest.keySequence(window, "Ctrl+Q")
    answerer.stop()
    assert window.isVisible() and entry.rows[0].value() == "3室空いている"
    answerer = BoxAnswerer(wording.SAVE)
    window.close()
    answerer.stop()
    assert not window.isVisible()
    reader = datafile.open_for_reading(db_path)
    try:
        assert visits.answers_of(reader, visit_id) == {question_id: "3室空いている"}
    finally:
        reader.close()


def test_every_form_dialog_says_what_its_fields_hold():
    """A form dialog that cannot say what its fields hold cannot tell it was changed: every one
    gives ``current_value`` (the 質問 and バンク dialogs once lacked it, and raised on being shown)."""
    import importlib
    import pkgutil

    import kyojushien_desktop.ui as ui
    from kyojushien_desktop.ui.common.forms import FormDialog

    for module in pkgutil.walk_packages(ui.__path__, "kyojushien_desktop.ui."):
        importlib.import_module(module.name)
    found, pending = [], list(FormDialog.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    assert len(found) >= 8
    lacking = [c.__name__ for c in found for m in ("current_value",) if getattr(c, m) is getattr(FormDialog, m)]
    assert not lacking, lacking


@pytest.mark.parametrize("which", ["question", "bank"])
def test_esc_on_the_bank_dialogs_asks_and_keeps_the_typing(qtbot, which):
    """The 質問バンク's own dialogs ask too: a question being reworded, a bank being named."""
    from kyojushien_desktop.ui.hearing.bank_dialogs import BankDialog, QuestionDialog

    if which == "question":
        dialog = QuestionDialog(Question(bank_id=1, text="家賃の相場は？"))
        box = dialog.text
    else:
        dialog = BankDialog(QuestionBank(name="町独自"))
        box = dialog.description
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_japanese(box, "書きかけ")
    answerer = BoxAnswerer(wording.CANCEL)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    answerer.stop()
    assert answerer.seen and dialog.isVisible() and "書きかけ" in box.toPlainText()
    dialog.discard()

"""「引き継ぐ」: the 引継ぎ事項 typed and saved into the file, asked about before they could be lost,
the 引継書 written; and a package made through the dialog with the proposed passphrase."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from kyojushien_desktop.content.handover_terms import handover_terms
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.handover import notes, package
from kyojushien_desktop.ui.common import messages
from kyojushien_desktop.ui.handover.pack_dialog import PackDialog, make_package
from kyojushien_desktop.ui.handover.page import HandoverPage
from tests.ui.handover.driver import Driver
from tests.ui.pages import bind, open_window
from tests.ui.typing import type_japanese

LEFT = Qt.MouseButton.LeftButton


def saved_texts(session) -> dict[str, str]:
    return {entry.section.key: entry.note.text for entry in notes.load_notes(session)}


def test_notes_typed_with_the_template_and_saved(qtbot, db_path: Path) -> None:
    session = datafile.open_session(db_path)
    try:
        page = HandoverPage()
        bind(qtbot, page, session, size=(1024, 700))
        outgoing = page.outgoing
        assert [box.title.text() for box in outgoing.boxes] == [s.title for s in handover_terms().notes]
        first, second = outgoing.boxes[0], outgoing.boxes[1]
        assert not outgoing.save_button.isEnabled()
        assert first.template_hint.isHidden()
        qtbot.mouseClick(first.template_button, LEFT)
        assert first.text == handover_terms().notes[0].template
        assert not first.template_button.isEnabled()  # never over what is written
        assert not first.template_hint.isHidden()  # and the reason is said beside it
        assert (
            first.template_hint.text()
            == first.template_button.toolTip()
            == "欄が空のときに使えます（書いた内容は消しません）"
        )
        first.box.moveCursor(QTextCursor.MoveOperation.End)
        type_japanese(first.box, "相談窓口を続ける")
        second.box.setFocus()
        qtbot.keyClicks(second.box, "OK 2027-03")
        assert page.has_unsaved() and outgoing.save_button.isEnabled()
        qtbot.mouseClick(outgoing.save_button, LEFT)
        saved = saved_texts(session)
        assert saved["policy"].endswith("見直してほしいこと：相談窓口を続ける")
        assert saved["concerns"] == "OK 2027-03"
        assert saved["cautions"] == ""
        assert not page.has_unsaved()
        assert outgoing.state.text() == "引継ぎ事項は保存されています。"
    finally:
        session.close()


def test_too_long_a_note_is_named_and_nothing_saved(qtbot, db_path: Path) -> None:
    session = datafile.open_session(db_path)
    try:
        page = HandoverPage()
        bind(qtbot, page, session)
        box = page.outgoing.boxes[2]
        box.box.setPlainText("あ" * 4001)
        assert not page.outgoing.save()
        assert not box.error.isHidden() and "注意すること" in box.error.text()
        assert saved_texts(session)["cautions"] == ""
        assert page.has_unsaved()
    finally:
        session.close()


def test_unsaved_notes_are_asked_about_on_leaving_the_file(qtbot, db_path: Path, tmp_path: Path, monkeypatch) -> None:
    other = tmp_path / "other.db"
    datafile.create_session(other).close()
    window = open_window(qtbot, db_path)
    page = window.show_page("handover")
    type_japanese(page.outgoing.boxes[0].box, "庁内の合意を大切に")
    asked: list[str] = []
    answers = iter([messages.CANCEL, messages.SAVE])
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent, what: asked.append(what) or next(answers))
    assert not window.open_file(other)
    assert window.session.path == db_path and page.has_unsaved()
    assert window.open_file(other)
    assert asked == ["引き継ぎ", "引き継ぎ"]
    window.close()
    reopened = datafile.open_session(db_path)
    try:
        assert saved_texts(reopened)["policy"] == "庁内の合意を大切に"
    finally:
        reopened.close()


def test_report_written_as_pdf_from_what_is_saved(qtbot, db_path: Path, tmp_path: Path, monkeypatch) -> None:
    session = datafile.open_session(db_path)
    try:
        notes.save_notes(session, {"concerns": "社協との協定は返事待ち（3月末まで）"})
        page = HandoverPage()
        bind(qtbot, page, session)
        out = tmp_path / "引継書.pdf"
        written: list[Path] = []
        monkeypatch.setattr(page.outgoing, "choose_report_path", lambda kind: out)
        monkeypatch.setattr(page, "inform_written", lambda title, text, path: written.append(path))
        qtbot.mouseClick(page.outgoing.pdf_button, LEFT)
        assert written == [out]
        # the 引継書's own writer lands from the reports helper; here: a whole PDF was written
        assert len(PdfReader(out).pages) >= 1
    finally:
        session.close()


def test_package_made_through_the_dialog_is_verified(qtbot, db_path: Path, tmp_path: Path) -> None:
    session = datafile.open_session(db_path)
    try:
        save_settings(
            session, TownSettings(municipality="みどり町", department="建設課 住宅係", staff_name="山田 花子")
        )
        out = tmp_path / "渡す" / "みどり町_引き継ぎ.kyoju"
        out.parent.mkdir()
        proposed: list[str] = []

        def fill(dialog: PackDialog) -> None:
            assert dialog.encrypt.isChecked()
            assert dialog.path.text().endswith(package.suggested_name(session))
            assert not dialog.advice.isHidden() and "別の方法" in dialog.advice.text()
            assert "合言葉をなくすと、このファイルはだれにも開けません。" in dialog.advice.text()
            assert dialog.phrase.echoMode() == dialog.phrase.EchoMode.Normal  # to be noted down
            assert dialog.show_button.text() == "隠す"
            assert not dialog.copy_warning.isHidden()
            assert dialog.copy_warning.text() == "ファイルを送るメールには貼り付けないでください"
            assert not dialog.make_button.isEnabled()  # not before the passphrase was noted
            assert dialog.make() is None and dialog.isVisible()
            dialog.noted.setChecked(True)
            assert dialog.make_button.isEnabled()
            short = dialog.phrase.text()
            dialog.phrase.setText("short")
            dialog.make_button.click()
            assert not dialog.error.isHidden() and "短すぎます" in dialog.error.text()
            dialog.phrase.setText(short)
            dialog.path.setText(str(out))
            proposed.append(short)
            dialog.make_button.click()

        driver = Driver((PackDialog, fill), (QMessageBox, "閉じる"))
        try:
            packed = make_package(None, session, None)
        finally:
            driver.stop()
        assert driver.done and packed is not None and packed.path == out and packed.encrypted
        assert proposed[0] in driver.seen[0] and "読み直して" in driver.seen[0]
        assert len(proposed[0]) == 24 and proposed[0].count("-") == 4
        verified = package.verify(out, proposed[0])
        assert verified.manifest.made_by == "山田 花子"
    finally:
        session.close()


def test_switching_encryption_off_asks_and_warns(qtbot, db_path: Path, monkeypatch) -> None:
    session = datafile.open_session(db_path)
    try:
        dialog = PackDialog(session, None)
        qtbot.addWidget(dialog)
        dialog.show()
        answers = iter([False, True])
        monkeypatch.setattr(dialog, "confirm_no_encryption", lambda: next(answers))
        dialog.encrypt.setChecked(False)
        assert dialog.encrypt.isChecked() and not dialog.warning.isVisible()
        assert not dialog.make_button.isEnabled()
        dialog.encrypt.setChecked(False)
        assert not dialog.encrypt.isChecked() and dialog.warning.isVisible()
        assert not dialog.phrase.isEnabled()
        # only the warning: the advice about a passphrase there is none of is hidden
        assert dialog.advice.isHidden() and dialog.noted.isHidden() and dialog.copy_warning.isHidden()
        assert dialog.make_button.isEnabled()
        before = dialog.phrase.text()
        dialog.encrypt.setChecked(True)
        qtbot.mouseClick(dialog.new_button, LEFT)
        assert dialog.phrase.text() != before
        assert not dialog.advice.isHidden() and not dialog.warning.isVisible()
        assert not dialog.make_button.isEnabled()
        qtbot.mouseClick(dialog.show_button, LEFT)
        assert dialog.phrase.echoMode() == dialog.phrase.EchoMode.Password
        assert dialog.show_button.text() == "表示"
        qtbot.mouseClick(dialog.show_button, LEFT)
        assert dialog.phrase.echoMode() == dialog.phrase.EchoMode.Normal
    finally:
        session.close()

"""Opening a package on the successor's PC (a second KYOJUSHIEN_HOME): a wrong passphrase first,
kept in the dialog with the reason; then the right one, the manifest confirmed, the file opened
on 「はじめての方へ」 with the sender's name; an existing file never replaced without asking."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kyojushien_desktop.paths import default_db_path
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.handover import notes, package
from kyojushien_desktop.ui.common import messages
from kyojushien_desktop.ui.handover import receive
from kyojushien_desktop.ui.handover.page import WELCOME
from kyojushien_desktop.ui.handover.receive import PassphraseDialog, ReceiveDialog
from kyojushien_desktop.ui.home.town_dialog import TownDialog
from kyojushien_desktop.ui.main_window import MainWindow
from tests.ui.handover.driver import Driver

PHRASE = "K7QM-3XRP-ABCD-EFGH-JKLM"
MADE_AT = dt.datetime(2027, 3, 27, 15, 30)


@pytest.fixture
def made(db_path: Path, tmp_path: Path) -> Path:
    """A package of the outgoing person's file (home A), with 引継ぎ事項."""
    session = datafile.open_session(db_path)
    try:
        save_settings(
            session, TownSettings(municipality="みどり町", department="建設課 住宅係", staff_name="山田 花子")
        )
        notes.save_notes(session, {"cautions": "名簿の個人情報は庁外に出さない"})
        return package.pack(session, tmp_path / "みどり町_引き継ぎ_20270327.kyoju", PHRASE, now=MADE_AT).path
    finally:
        session.close()


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch, made: Path):
    monkeypatch.setenv("KYOJUSHIEN_HOME", str(tmp_path / "home-b"))
    monkeypatch.setattr(receive, "choose_package_file", lambda parent, prefs: made)
    shown = MainWindow(Preferences())
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()


def passphrase(text: str):
    def answer(dialog: PassphraseDialog) -> None:
        dialog.phrase.setText(text)
        dialog.check_button.click()

    return answer


def confirmed(seen: list[str]):
    def answer(dialog: ReceiveDialog) -> None:
        seen.extend(label.text() for label in dialog.findChildren(type(dialog.place)))
        dialog.ok_button.click()

    return answer


def test_wrong_passphrase_then_right_opens_on_the_welcome_tab(qtbot, window, monkeypatch, qtmodeltester) -> None:
    errors: list[str] = []
    shown: list[str] = []

    def wrong(dialog: PassphraseDialog) -> None:
        assert dialog.windowTitle() == "引き継ぎファイルを開く（みどり町_引き継ぎ_20270327.kyoju）"
        assert dialog.heading.text() == "引き継ぎファイルを開く" and dialog.check_button.text() == "開く"
        passphrase("K7QM-3XRP-ABCD-EFGH-XXXX")(dialog)
        assert dialog.isVisible() and not dialog.error.isHidden()
        errors.append(dialog.error.text())

    driver = Driver(
        (PassphraseDialog, wrong), (PassphraseDialog, passphrase(PHRASE)), (ReceiveDialog, confirmed(shown))
    )
    try:
        assert window.receive_handover()
    finally:
        driver.stop()
    assert driver.done
    assert errors and errors[0].startswith("合言葉が違います。")
    assert errors[0].endswith("分からないときは、前の担当者に確かめてください。")
    assert "みどり町" in shown and "山田 花子（建設課 住宅係）" in shown
    assert "令和9年3月27日(土) 15:30" in shown
    at = shown.index("合計")  # the counts, one area a line: its label, then its number
    assert shown[at + 1].endswith("件") and shown[at - 2] == "引き継ぎ" and shown[at - 1] == "1件"
    assert not any("そのまま残ります" in text for text in shown)  # no file was open
    assert str(default_db_path()) in shown
    assert window.session.path == default_db_path() and default_db_path().exists()
    page = window.page("handover")
    assert window.stack.currentWidget() is page and page.tabs.currentIndex() == WELCOME
    welcome = page.welcome
    today = dt.date.today()
    assert "山田 花子（建設課 住宅係）さんから引き継ぎました" in welcome.headline.text()
    assert welcome.headline.text().startswith(f"令和{today.year - 2018}年{today.month}月{today.day}日")
    assert "みどり町_引き継ぎ_20270327.kyoju" in welcome.where.text()
    assert "名簿の個人情報は庁外に出さない" in welcome.notes_text.text()
    assert welcome.model.rowCount() == 1
    qtmodeltester.check(welcome.model)  # the ReceivedModel of 引継ぎ履歴, with its real row
    opened: list[Path] = []
    monkeypatch.setattr(messages, "open_path", opened.append)
    welcome.report_button.click()
    assert opened and opened[0].parent == default_db_path().parent
    assert opened[0].name.endswith("_引継書_20270327.pdf") and opened[0].read_bytes().startswith(b"%PDF")
    assert str(opened[0]) in welcome.saved_at.text()
    welcome.home_button.click()
    assert window.stack.currentWidget() is window.page("home")


def test_an_existing_destination_is_asked_about(qtbot, window) -> None:
    dest = default_db_path()
    dest.parent.mkdir(parents=True, exist_ok=True)
    datafile.create_session(dest).close()
    assert window.open_file(dest)
    notes_seen: list[str] = []

    def ok(dialog: ReceiveDialog) -> None:
        notes_seen.append(dialog.open_note.text())
        dialog.ok_button.click()

    steps = (PassphraseDialog, passphrase(PHRASE)), (ReceiveDialog, ok)
    driver = Driver(*steps, (QMessageBox, "キャンセル"))
    try:
        assert not window.receive_handover()
    finally:
        driver.stop()
    assert driver.done and "同じ名前のファイルがあります" in driver.seen[0]
    assert notes_seen[0].startswith("今開いているデータファイルを置き換えます。") and str(dest) in notes_seen[0]
    assert window.session.path == dest and package.history(window.session) == []  # nothing written
    driver = Driver(*steps, (QMessageBox, "置き換える（今のファイルは別の名前で残します）"))
    try:
        assert window.receive_handover()
    finally:
        driver.stop()
    kept = [p for p in dest.parent.iterdir() if ".before-handover-" in p.name]
    assert len(kept) == 1
    kept_session = datafile.open_for_reading(kept[0])
    try:
        assert package.history(kept_session) == []  # the file that was there, as it was
    finally:
        kept_session.close()
    assert window.session.path == dest and package.history(window.session)[0].sender == "山田 花子"


def test_the_file_open_now_is_said_to_stay(qtbot, window, tmp_path: Path) -> None:
    mine = tmp_path / "自分の町.db"
    datafile.create_session(mine).close()
    assert window.open_file(mine)
    seen: list[str] = []

    def ok(dialog: ReceiveDialog) -> None:
        seen.append(dialog.open_note.text())
        assert not dialog.open_note.isHidden()
        dialog.ok_button.click()

    driver = Driver((PassphraseDialog, passphrase(PHRASE)), (ReceiveDialog, ok))
    try:
        assert window.receive_handover()
    finally:
        driver.stop()
    assert seen[0].startswith("今開いているデータファイルは、そのまま残ります") and str(mine) in seen[0]
    assert window.session.path == default_db_path() and mine.exists()  # switched to, and the old one kept


def test_a_file_that_is_no_package_is_refused_in_japanese(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    fake = tmp_path / "名簿.kyoju"
    fake.write_bytes(b"not a package at all")
    monkeypatch.setattr(receive, "choose_package_file", lambda parent, prefs: fake)
    driver = Driver((QMessageBox, "OK"))
    try:
        assert not window.receive_handover()
    finally:
        driver.stop()
    assert "引き継ぎファイルではありません" in driver.seen[0]
    assert not default_db_path().exists() and window.session is None


def test_a_changed_byte_is_refused_with_nothing_written(qtbot, window, made: Path) -> None:
    data = bytearray(made.read_bytes())
    data[-40] ^= 0x01
    made.write_bytes(bytes(data))
    errors: list[str] = []

    def answer(dialog: PassphraseDialog) -> None:
        passphrase(PHRASE)(dialog)
        errors.append(dialog.error.text())
        dialog.reject()

    driver = Driver((PassphraseDialog, answer))
    try:
        assert not window.receive_handover()
    finally:
        driver.stop()
    assert errors and ("書き換えられたか" in errors[0] or "壊れ" in errors[0])
    assert not default_db_path().exists()


def test_first_start_offers_the_received_file(qtbot, window, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(receive, "choose_package_file", lambda parent, prefs: asked.append("chooser"))

    def choose(dialog: TownDialog) -> None:
        dialog.package_button.click()

    driver = Driver((TownDialog, choose))
    try:
        window.first_start()
    finally:
        driver.stop()
    assert driver.done and asked == ["chooser"]
    assert window.session is None
    window.show_page("handover").welcome.receive_button.click()  # はじめての方へ, before anything came
    assert asked == ["chooser", "chooser"]


def test_the_start_screen_receives_a_handover_and_says_no_file_once(qtbot, window) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton

    home = window.show_page("home")
    said = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    said.append(window.windowTitle())
    assert sum("データファイルが開かれていません" in text for text in said) == 1
    button = next(
        b for b in home.start_buttons.findChildren(QPushButton) if b.text() == "受け取った引き継ぎファイルを開く…"
    )
    assert button.isVisible()
    driver = Driver((PassphraseDialog, passphrase(PHRASE)), (ReceiveDialog, lambda d: d.ok_button.click()))
    try:
        button.click()
        qtbot.waitUntil(lambda: driver.done and window.session is not None, timeout=10000)
    finally:
        driver.stop()
    assert window.session.path == default_db_path()
    assert window.stack.currentWidget() is window.page("handover")


def test_a_package_double_clicked_in_explorer_is_received_without_the_chooser(
    qtbot, tmp_path: Path, monkeypatch, made: Path
) -> None:
    """``kyojushien FILE.kyoju`` (the .kyoju association) starts the receive flow on that file
    instead of the first-start question; the file chooser is never shown."""
    from kyojushien_desktop.cli import window_arguments

    assert window_arguments([str(made)]) == (None, made)
    assert window_arguments(["sample"]) is None and window_arguments([str(made), "--db", "x"]) is None
    monkeypatch.setenv("KYOJUSHIEN_HOME", str(tmp_path / "home-c"))
    monkeypatch.setattr(receive, "choose_package_file", lambda parent, prefs: pytest.fail("chooser shown"))
    shown = MainWindow(Preferences())
    qtbot.addWidget(shown)
    shown.show()
    driver = Driver((PassphraseDialog, passphrase(PHRASE)), (ReceiveDialog, lambda d: d.ok_button.click()))
    try:
        shown.start(None, handover=made)
        qtbot.waitUntil(lambda: driver.done, timeout=10_000)
    finally:
        driver.stop()
    qtbot.waitUntil(lambda: shown.session is not None and shown.session.path == default_db_path(), timeout=10_000)
    assert package.history(shown.session)[0].package_name == made.name
    shown.close()

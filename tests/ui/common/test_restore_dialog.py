"""ファイル > バックアップから復元…, driven as a user would: the list, the keyboard, the
confirmation, and the window re-opening the restored file."""

import datetime as dt
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.common.settings import TownSettings, load_settings, save_settings
from kyojushien_desktop.store import backups
from kyojushien_desktop.ui.common.restore_dialog import RestoreDialog
from kyojushien_desktop.ui.main_window import MainWindow
from tests import damage


def with_history(db_path):
    """Backed up as みどり町 on two later days, the older of them damaged; now さくら町."""
    session = datafile.open_session(db_path)
    save_settings(session, TownSettings(municipality="みどり町"))
    older = backups.rotate(session.database.conn, db_path, dt.datetime(2030, 6, 10, 9, 0))
    backups.rotate(session.database.conn, db_path, dt.datetime(2030, 6, 11, 9, 0))
    save_settings(session, TownSettings(municipality="さくら町"))
    session.close()
    damage.drop_table(older, "organizations")


def answer_modals(steps):
    """Answers the modal windows as they appear, one step each: a step takes the active modal
    widget and returns True once it acted on it. Returns the list of what was seen."""
    seen = []
    deadline = time.monotonic() + 20

    def poll():
        if not steps:
            return
        QTimer.singleShot(10, poll)  # before acting: a step may open the next modal and wait in it
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        if time.monotonic() > deadline:  # a step that never matches fails the test instead of hanging it
            steps.clear()
            widget.reject()
            return
        step = steps.pop(0)
        if step(widget):
            seen.append(widget)
        else:
            steps.insert(0, step)

    QTimer.singleShot(0, poll)
    return seen


def click(text):
    def step(widget):
        if not isinstance(widget, QMessageBox):
            return False
        button = next((b for b in widget.buttons() if b.text().startswith(text)), None)
        if button is None:
            return False
        step.text = widget.text() + widget.informativeText()
        button.click()
        return True

    return step


def press_return_on_the_list(widget):
    if not isinstance(widget, RestoreDialog):
        return False
    QTest.keyClick(widget.table, Qt.Key.Key_Return)
    return True


def test_dialog_lists_checks_and_returns_the_confirmed_choice(qtbot, db_path):
    """Newest first in 和暦 with kind and result; a damaged backup cannot be chosen; Return on the
    list asks first (saying the current file is kept) and returns the backup; it fits 1024×700."""
    with_history(db_path)
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert rows[0] == ["令和12年6月11日(火) 9:00", "毎日", "正常"]
    assert rows[1] == ["令和12年6月10日(月) 9:00", "毎日", "問題あり（表「organizations」がありません）"]
    assert dialog.width() <= 1024 and dialog.height() <= 700
    dialog.table.selectRow(1)
    assert not dialog.restore_button.isEnabled()
    QTest.keyClick(dialog.table, Qt.Key.Key_Up)
    assert dialog.restore_button.isEnabled()
    confirm = click("復元する")
    answer_modals([confirm])
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.result() == RestoreDialog.DialogCode.Accepted
    assert dialog.chosen is dialog.backups[0]
    assert "削除しません" in confirm.text and "town.before-restore-" in confirm.text


def test_damaged_file_offers_restore_and_the_window_reopens_it(qtbot, db_path):
    """Opening a damaged file offers バックアップから復元…; the chosen backup is restored, the
    damaged file kept beside it, and the window works on the restored file."""
    with_history(db_path)
    damage.drop_table(db_path, "people")
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    offer = click("バックアップから復元")
    answer_modals([offer, press_return_on_the_list, click("復元する")])
    assert window.open_file(db_path)
    assert "表「people」がありません" in offer.text and "最新の正常なバックアップ" in offer.text
    assert window.session is not None and not window.session.read_only
    assert load_settings(window.session).municipality == "みどり町"
    kept = list(db_path.parent.glob("town.damaged-*.db"))
    assert len(kept) == 1 and str(kept[0]) in window.notice_bar.label.text()
    window.close()


def test_menu_item_opens_the_dialog_and_cancel_changes_nothing(qtbot, db_path):
    """ファイル > バックアップから復元… lists the open file's backups; Esc leaves the file open as it was."""
    with_history(db_path)
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    assert window.open_file(db_path)
    before = window.session
    action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if a.text().startswith("バックアップから復元")
    )

    def escape(widget):
        if not isinstance(widget, RestoreDialog):
            return False
        QTest.keyClick(widget.table, Qt.Key.Key_Escape)
        return True

    seen = answer_modals([escape])
    action.trigger()
    assert seen and window.session is before
    assert load_settings(window.session).municipality == "さくら町"
    window.close()

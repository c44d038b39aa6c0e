"""Driving the 会議・勉強会 page from a test: a page on a real session, and a meeting planned
through the services the screens call."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QWidget

from kyojushien_desktop.domain.meetings import Meeting
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.ui.meetings.page import MeetingsPage
from tests.ui.pages import bind

DAY = dt.datetime(2026, 3, 10, 13, 30)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def cell_editor(table) -> QWidget:
    """The editor open in a table's cell (a line edit, or a combo's)."""
    found = [
        w for w in table.viewport().findChildren(QComboBox) + table.viewport().findChildren(QLineEdit) if w.isVisible()
    ]
    combos = [w for w in found if isinstance(w, QComboBox)]
    return combos[0] if combos else found[0]


def commit(qtbot, table, editor: QWidget) -> None:
    """Enter in a cell, as a user ends an edit; the view commits it on its next turn."""
    QTest.keyClick(editor.lineEdit() if isinstance(editor, QComboBox) else editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def make_page(qtbot, session, size: tuple[int, int] = (1100, 760)) -> MeetingsPage:
    page = MeetingsPage()
    bind(qtbot, page, session, size=size)
    activate(qtbot, page)
    return page


def activate(qtbot, page) -> None:
    """The page's window has the keyboard (again, after a message box), as on a desk: its
    shortcuts work and cells commit on Enter."""
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)


def plan(session, title: str = "第2回 居住支援勉強会", kind: str = "意見交換会", when: dt.datetime = DAY) -> int:
    meeting_id, _ = meetings.save_meeting(session, Meeting(kind=kind, title=title, starts_at=when))
    return meeting_id

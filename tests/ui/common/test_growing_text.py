"""A text box on a scrolling page grows with its text, so the page keeps the only scrollbar: ten
lines show whole, thirty reach the maximum and scroll inside, 文字の大きさ re-measures, and the
wheel over a box that shows everything scrolls the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from kyojushien_desktop.services.common.preferences import FONT_SIZES
from kyojushien_desktop.ui.common.fonts import apply_font_size
from kyojushien_desktop.ui.common.growing_text import GrowingTextEdit
from tests.ui.typing import type_japanese


@pytest.fixture
def page(qtbot):
    """A scrolling page: a box, a field after it and a long text under them."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    body = QWidget()
    column = QVBoxLayout(body)
    box = GrowingTextEdit()
    after = QLineEdit()
    column.addWidget(box)
    column.addWidget(after)
    column.addWidget(QLabel("\n".join(f"下の段落 {n}" for n in range(120))))
    scroll.setWidget(body)
    scroll.resize(520, 420)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    return scroll, box, after


def type_lines(box: GrowingTextEdit, count: int) -> None:
    box.setFocus()
    for number in range(count):
        if number:
            QTest.keyClick(box, Qt.Key.Key_Return)
        QTest.keyClicks(box, f"line {number}")


def test_ten_typed_lines_grow_the_box_without_its_own_scrollbar(qtbot, page):
    _scroll, box, _after = page
    empty = box.height()
    line = box.fontMetrics().lineSpacing()
    assert empty >= line * 4
    type_lines(box, 10)
    qtbot.waitUntil(lambda: box.height() >= line * 10)
    assert box.height() > empty
    assert not box.verticalScrollBar().isVisible()
    assert box.verticalScrollBar().maximum() == 0  # nothing hidden above or below
    assert box.toPlainText().count("\n") == 9


def test_thirty_lines_reach_the_maximum_and_show_the_scrollbar(qtbot, page):
    _scroll, box, _after = page
    line = box.fontMetrics().lineSpacing()
    type_lines(box, 30)
    qtbot.waitUntil(lambda: box.verticalScrollBar().isVisible())
    assert box.at_maximum
    assert box.height() <= line * 16 + 40
    assert box.verticalScrollBar().maximum() > 0
    # deleting back to a few lines takes the scrollbar away again
    box.setPlainText("一行目\n二行目")
    qtbot.waitUntil(lambda: not box.verticalScrollBar().isVisible())
    assert box.height() < line * 6 + 40


def test_wrapped_text_counts_and_a_narrower_page_grows_the_box(qtbot, page):
    scroll, box, _after = page
    type_japanese(box, "居住支援協議会の事務局として、" * 12)
    qtbot.waitUntil(lambda: box.verticalScrollBar().maximum() == 0)
    wide = box.height()
    scroll.resize(300, 420)
    qtbot.waitUntil(lambda: box.height() > wide)
    qtbot.wait(50)
    assert box.verticalScrollBar().maximum() == 0


def test_a_font_size_change_recomputes_the_height(qtbot, page):
    _scroll, box, _after = page
    app = QApplication.instance()
    before = app.font()
    box.setPlainText("\n".join(f"{n}行目" for n in range(8)))
    qtbot.waitUntil(lambda: box.verticalScrollBar().maximum() == 0)
    standard = box.height()
    try:
        apply_font_size(app, dict(FONT_SIZES)["特大"])
        qtbot.waitUntil(lambda: box.height() > standard * 1.2)
        assert box.verticalScrollBar().maximum() == 0
    finally:
        app.setFont(before)


def test_the_wheel_over_a_short_box_scrolls_the_page(qtbot, page):
    scroll, box, _after = page
    box.setPlainText("短いメモ")
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    # through the window, as a real mouse wheel arrives (a sent event would not travel upwards)
    where = QPointF(box.viewport().mapTo(scroll.window(), box.viewport().rect().center()))
    QTest.wheelEvent(scroll.windowHandle(), where, QPoint(0, -120))
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert box.verticalScrollBar().value() == 0


def test_tab_moves_on_and_undo_works_as_in_any_box(qtbot, page):
    _scroll, box, after = page
    type_japanese(box, "訪問日を相談")
    assert box.placeholderText() == "" and box.toPlainText() == "訪問日を相談"
    QTest.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert box.toPlainText() == ""
    QTest.keyClick(box, Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)
    assert "\t" not in box.toPlainText()

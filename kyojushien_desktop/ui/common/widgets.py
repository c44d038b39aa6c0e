"""Small widgets and steps the screens share, so every list, filter and export behaves alike.

Only Qt is imported here: the main window loads this module at start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.ui.common.flow import flow_row

T = TypeVar("T")


def filter_combo(items: Sequence[tuple[str, object]], chars: int) -> QComboBox:
    """A filter combo as wide as its longest value (so 不動産事業者・団体 is read whole), at least
    ``chars`` characters; the filter row wraps rather than cut it."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setMinimumContentsLength(chars)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def filter_row(filters: Sequence[tuple[str, QComboBox]], changed: Callable[[], None], *after: QWidget) -> QWidget:
    """Each filter combo after its caption (Alt+key reaches it), kept together when the row wraps
    on a narrow window; any change calls ``changed``. ``after`` (条件をクリア) follows them."""
    pairs = []
    for caption, combo in filters:
        pair = QWidget()
        layout = QHBoxLayout(pair)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(4)
        label = QLabel(caption)
        label.setBuddy(combo)
        layout.addWidget(label)
        layout.addWidget(combo)
        combo.currentIndexChanged.connect(lambda _i: changed())
        pairs.append(pair)
    return flow_row(*pairs, *after)


def list_table(
    model: QAbstractItemModel,
    *,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
    word_wrap: bool = False,
    resizable: bool = False,
) -> QTableView:
    """A read-only list: whole rows selected, alternating rows, no row numbers, headers on the left.
    ``resizable``: columns the user may widen, the last one taking the room left."""
    table = QTableView()
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(word_wrap)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    if resizable:
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def sortable_list_table(
    model: QAbstractItemModel,
    sort_column: int,
    order: Qt.SortOrder,
    *,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
) -> QTableView:
    """A page's main list: a resizable ``list_table`` sorted by clicking a header."""
    table = list_table(model, selection=selection, resizable=True)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSortIndicatorShown(True)
    table.sortByColumn(sort_column, order)
    return table


def open_on_enter(table: QTableView, open_selected: Callable[[], object]) -> None:
    """Enter (either key) on a list opens the selected row, as a double click does."""
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(open_selected)


def set_resize_modes(table: QTableView, *modes: QHeaderView.ResizeMode) -> None:
    """How each column, from the first, takes its width."""
    header = table.horizontalHeader()
    for column, mode in enumerate(modes):
        header.setSectionResizeMode(column, mode)


def char_width(widget: QWidget, chars: float = 1) -> int:
    """Full-width characters of the widget's current font, so 文字の大きさ widens what uses it."""
    return int(widget.fontMetrics().horizontalAdvance("あ") * chars)


def with_wait_cursor(call: Callable[[], T]) -> T:
    """A short step (well under a second) under the wait cursor; longer work is a job."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return call()
    finally:
        QApplication.restoreOverrideCursor()


def value_label() -> QLabel:
    """A shown value: wraps, can be selected and copied, sits at the top left of its cell."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def field_name(text: str) -> QLabel:
    """The caption of a shown value, in the style sheet's ``fieldName``."""
    label = QLabel(text)
    label.setObjectName("fieldName")
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def fit_to_contents(table: QTableView, stretch: tuple[int, ...]) -> None:
    """A short table (people, one record's history): columns sized to their text, the free-text
    ones sharing what is left, so nothing needs a horizontal scroll."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for number in range(table.model().columnCount()):
        mode = QHeaderView.ResizeMode.Stretch if number in stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(number, mode)


def save_bar(texts: Sequence[QWidget], *buttons: QWidget) -> QFrame:
    """The bar under a record's form: what is saved or wrong (stacked, on the left) and the
    保存／破棄 buttons on the right, on the shaded ``saveBar`` of style.qss."""
    bar = QFrame()
    bar.setObjectName("saveBar")
    row = QHBoxLayout(bar)
    row.setContentsMargins(10, 6, 10, 6)
    column = QVBoxLayout()
    column.setSpacing(2)
    for text in texts:
        column.addWidget(text)
    row.addLayout(column, 1)
    for button in buttons:
        row.addWidget(button)
    return bar

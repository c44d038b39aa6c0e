"""Small widgets and steps the screens share, so every list, filter and export behaves alike.

Only Qt, the domain and the data-file service are imported here: the main window loads this
module at start, before any export or report module (and openpyxl/reportlab) is needed.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QEventLoop, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableView,
    QWidget,
)

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.ui.common import messages, wording

T = TypeVar("T")


def filter_combo(items: Sequence[tuple[str, object]], chars: int) -> QComboBox:
    """A filter combo a few characters wide, so the row fits at 特大 too; its list shows in full."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def add_filters(row: QHBoxLayout, filters: Sequence[tuple[str, QComboBox]], changed: Callable[[], None]) -> None:
    """Each filter combo after its caption (Alt+key reaches it), a little apart; any change calls
    ``changed``."""
    for caption, combo in filters:
        label = QLabel(caption)
        label.setBuddy(combo)
        row.addWidget(label)
        row.addWidget(combo)
        row.addSpacing(10)
        combo.currentIndexChanged.connect(lambda _i: changed())


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


def ask_save_path(parent: QWidget, caption: str, stem: str, kind: str) -> Path | None:
    """A save dialog in 書類 with ``stem_YYYYMMDD`` offered; ``.xlsx``/``.pdf`` added if left off."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suffix = ".xlsx" if kind == "xlsx" else ".pdf"
    default = Path(folder) / f"{stem}_{dt.date.today():%Y%m%d}{suffix}"
    file_filter = wording.EXPORT_XLSX_FILTER if kind == "xlsx" else wording.EXPORT_PDF_FILTER
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(default), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def with_wait_cursor(call: Callable[[], T]) -> T:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return call()
    finally:
        QApplication.restoreOverrideCursor()


def run_in_background(parent: QWidget, work: Callable[[], T], label: str) -> T:
    """Runs ``work`` in a worker thread while the window stays responsive behind a modal
    progress dialog (shown only when it takes more than a moment); returns its result or
    re-raises its error, so the caller reads like a plain call."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=target, name="kyojushien-export", daemon=True)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        worker.start()
        worker.join(0.3)
        if worker.is_alive():
            dialog = QProgressDialog(label, "", 0, 0, parent)
            dialog.setCancelButton(None)
            dialog.setWindowTitle("お待ちください")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.show()
            loop = QEventLoop()
            timer = QTimer()
            timer.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
            timer.start(50)
            loop.exec()
            timer.stop()
            dialog.close()
        worker.join()
    finally:
        QApplication.restoreOverrideCursor()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def write_file(
    parent: QWidget,
    write: Callable[[Session], Path],
    path: Path,
    *,
    session: Session,
    error_title: str,
    cannot_write: str = "ファイルに書き込めませんでした",
    noun: str = "ファイル",
) -> Path | None:
    """Runs an export off the UI thread, on a read-only connection of its own to the open file
    (everything saved is committed, so it sees what the screen shows), and gives the file
    written. A problem the user can act on, or a file that cannot be written (most often the old
    copy still open in Excel), is shown and gives None."""

    def work() -> Path:
        reader = datafile.open_for_reading(session.path)
        try:
            return write(reader)
        finally:
            reader.close()

    try:
        return run_in_background(parent, work, f"{noun}を書き出しています…")
    except UserFacingError as exc:
        error = exc
    except OSError as exc:
        error = UserFacingError(
            f"{cannot_write}: {path}",
            hint=f"同じ名前の{noun}を開いていれば閉じてから、もう一度お試しください。（{exc.strerror or exc}）",
        )
    messages.show_error(parent, error, error_title)
    return None

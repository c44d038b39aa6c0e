"""Runs long work behind a progress dialog with キャンセル (the job protocol is in
``services/common/jobs``).

- A read job (an export, a report) gets a read-only session of its own on a worker thread, so the
  window stays responsive; everything saved is committed, so it sees what the screens show.
- A write job (an import) runs on the window's session behind a modal dialog, on the UI thread:
  each progress report lets the dialog repaint and take the click on キャンセル, which stops the
  work at its next step inside its one transaction, so nothing is written.

Both show a ``UserFacingError`` and return None; a cancelled job returns None too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.jobs import Cancelled, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.ui.common import messages, wording
from kyojushien_desktop.ui.common.ops import Operations, changes_of

T = TypeVar("T")
SHOW_AFTER_MS = 400  # quick jobs finish without a dialog flashing up


def _dialog(parent: QWidget | None, title: str) -> QProgressDialog:
    dialog = QProgressDialog(title, wording.CANCEL, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    return dialog


def _show(dialog: QProgressDialog, stage: str, done: int, total: int) -> None:
    if stage:
        dialog.setLabelText(f"{stage}（{done:,} / {total:,}）" if total else stage)
    dialog.setMaximum(max(total, 0))
    if total:
        dialog.setValue(min(done, total))


def run_read(
    parent: QWidget | None,
    session: Session,
    work: Callable[[Session, Progress], T],
    *,
    title: str,
    error_title: str = wording.PROBLEM,
) -> T | None:
    """``work`` on a worker thread with its own read-only session of the open file."""
    latest: dict[str, object] = {"report": ("", 0, 0)}
    outcome: dict[str, object] = {}
    progress = Progress(lambda stage, done, total: latest.__setitem__("report", (stage, done, total)), interval=0.05)

    def target() -> None:
        try:
            reader = datafile.open_for_reading(session.path)
            try:
                outcome["value"] = work(reader, progress)
            finally:
                reader.close()
        except BaseException as exc:  # noqa: BLE001 - handed back to the UI thread
            outcome["error"] = exc

    dialog = _dialog(parent, title)
    dialog.canceled.connect(progress.cancel)
    worker = threading.Thread(target=target, name="kyojushien-job", daemon=True)
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        worker.start()
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(50)

        def poll() -> None:
            _show(dialog, *latest["report"])  # type: ignore[misc]
            if dialog.wasCanceled():
                progress.cancel()
            if not worker.is_alive():
                loop.quit()

        timer.timeout.connect(poll)
        timer.start()
        if worker.is_alive():
            loop.exec()
        timer.stop()
        worker.join()
    finally:
        QApplication.restoreOverrideCursor()
        dialog.close()
        dialog.deleteLater()
    return _result(parent, outcome, error_title)


def run_write(
    parent: QWidget,
    ops: Operations,
    work: Callable[[Session, Progress], T],
    *,
    title: str,
    error_title: str = wording.COULD_NOT_SAVE,
) -> T | None:
    """``work`` on the window's session behind a modal progress dialog; its changes are published
    with ``parent`` as the initiator."""
    if ops.session is None:
        return None
    dialog = _dialog(parent, title)
    progress = Progress(lambda stage, done, total: _report(dialog, progress, stage, done, total), interval=0.05)
    dialog.canceled.connect(progress.cancel)
    outcome: dict[str, object] = {}
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        outcome["value"] = work(ops.session, progress)
    except BaseException as exc:  # noqa: BLE001 - shown below like a read job's
        outcome["error"] = exc
    finally:
        QApplication.restoreOverrideCursor()
        dialog.close()
        dialog.deleteLater()
    result = _result(parent, outcome, error_title)
    if result is not None:
        ops.publish(changes_of(result), parent)
    return result


def _report(dialog: QProgressDialog, progress: Progress, stage: str, done: int, total: int) -> None:
    _show(dialog, stage, done, total)
    QApplication.processEvents()
    if dialog.wasCanceled():
        progress.cancel()


def _result(parent: QWidget | None, outcome: dict[str, object], error_title: str) -> T | None:  # type: ignore[type-var]
    error = outcome.get("error")
    if error is None:
        return outcome.get("value")  # type: ignore[return-value]
    if isinstance(error, Cancelled):
        return None
    if isinstance(error, UserFacingError):
        messages.show_error(parent, error, error_title)
        return None
    raise error  # type: ignore[misc]

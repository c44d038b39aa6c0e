"""Runs long work behind a progress dialog with キャンセル (the job protocol is in
``services/common/jobs``).

- A read job (an export, a report) gets a read-only session of its own on a worker thread, so the
  window stays responsive; everything saved is committed, so it sees what the screens show.
- A write job (an import) runs on the window's session behind a modal dialog, on the UI thread:
  each progress report lets the dialog repaint and take the click on キャンセル, which stops the
  work at its next step inside its one transaction, so nothing is written.

Both show a ``UserFacingError`` and return None; a cancelled job returns None too. ``run_export``
is a read job that writes a PDF: when the font cannot draw some characters it says which, where,
and asks before writing them as 〓.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from kyojushien_desktop.domain.errors import UnsupportedCharactersError, UserFacingError
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
    reraise: type[Exception] | None = None,
) -> T | None:
    """``work`` on a worker thread with its own read-only session of the open file; an error of
    type ``reraise`` is raised again to the caller instead of being shown."""

    def read(progress: Progress) -> T:
        reader = datafile.open_for_reading(session.path)
        try:
            return work(reader, progress)
        finally:
            reader.close()

    return run_task(parent, read, title=title, error_title=error_title, reraise=reraise)


def run_task(
    parent: QWidget | None,
    work: Callable[[Progress], T],
    *,
    title: str,
    error_title: str = wording.PROBLEM,
    reraise: type[Exception] | None = None,
) -> T | None:
    """``work`` on a worker thread behind the progress dialog, with no data file of the window's
    (a received hand-over file is checked before any file is open)."""
    latest: dict[str, object] = {"report": ("", 0, 0)}
    outcome: dict[str, object] = {}
    progress = Progress(lambda stage, done, total: latest.__setitem__("report", (stage, done, total)), interval=0.05)

    def target() -> None:
        try:
            outcome["value"] = work(progress)
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
    if reraise is not None and isinstance(outcome.get("error"), reraise):
        raise outcome["error"]  # type: ignore[misc]
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


def run_export(
    parent: QWidget,
    session: Session,
    write: Callable[[Session, Progress, bool], T],
    *,
    title: str,
    error_title: str = wording.COULD_NOT_WRITE,
) -> T | None:
    """``write(reader, progress, replace_unsupported)`` as a read job: every export (Excel or PDF)
    runs through here. When a PDF finds characters the font cannot draw (nothing is written then),
    the user is told which and where, and may write with them printed as 〓."""
    try:
        return run_read(
            parent,
            session,
            lambda reader, progress: write(reader, progress, False),
            title=title,
            reraise=UnsupportedCharactersError,
        )
    except UnsupportedCharactersError as exc:
        text = exc.message + ("\n" + exc.hint if exc.hint else "")
        if not messages.confirm(parent, "印刷できない文字があります", text, "〓に置き換えて書き出す"):
            return None
    return run_read(
        parent, session, lambda reader, progress: write(reader, progress, True), title=title, error_title=error_title
    )

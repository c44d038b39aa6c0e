"""The one protocol every page and panel that shows data follows.

A view names the topics it shows (``topics``). When a change on the bus touches them, it marks
itself stale and reloads at once if it is on screen, else the next time it is shown: a hidden
page never reloads, and several changes while it was hidden cost one reload. A change the view
made itself (it was the initiator) is skipped: the view already knows what it did.

Views reach the session and run services through ``self.ops`` (``ui/common/ops``); dialogs are
run through ``run_dialog`` so tests can fill them in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.services.common.changes import FILE_OPENED, Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.ui.common import messages, wording
from kyojushien_desktop.ui.common.ops import Operations, exec_dialog

if TYPE_CHECKING:
    from kyojushien_desktop.ui.common.forms import FormDialog

R = TypeVar("R")


class Unsaved(Protocol):
    """A view or page holding input the user may not have saved."""

    def has_unsaved(self) -> bool: ...
    def save_unsaved(self) -> bool: ...
    def discard_unsaved(self) -> None: ...


def settle_unsaved(view: Unsaved, label: str) -> bool:
    """保存／破棄／キャンセル about the input ``view`` holds, naming it ``label``; True when the way
    is clear (nothing typed, saved, or dropped), False to stay."""
    if not view.has_unsaved():
        return True
    choice = messages.ask_unsaved(view, label)  # type: ignore[arg-type]
    if choice == messages.SAVE:
        return view.save_unsaved()
    if choice == messages.DISCARD:
        view.discard_unsaved()
        return True
    return False


class LiveView:
    """Mixin for a QWidget (put it first among the bases) that shows data from the open file."""

    topics: ClassVar[frozenset[Topic]] = frozenset()
    ops: Operations

    def bind(self, ops: Operations) -> None:
        """Starts listening on the bus; the first showing loads everything."""
        self.ops = ops
        self._pending: Changes | None = FILE_OPENED
        ops.changed.connect(self._on_changes)
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh_now()

    @property
    def session(self) -> Session | None:
        return self.ops.session if hasattr(self, "ops") else None

    @property
    def writable(self) -> bool:
        return self.session is not None and not self.session.read_only

    def reload(self, changes: Changes) -> None:
        """Bring what is shown up to date with ``changes`` (FILE: everything is new)."""
        raise NotImplementedError

    def refresh_now(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self.reload(pending)

    def mark_fresh(self) -> None:
        """The view has just loaded itself: nothing pending any more."""
        self._pending = None

    @property
    def stale(self) -> bool:
        return getattr(self, "_pending", None) is not None

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is self or not changes.touches(self.topics):
            return
        self._pending = changes if self._pending is None else self._pending | changes
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh_now()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # type: ignore[misc]
        if self.stale and hasattr(self, "ops"):
            self.refresh_now()

    # --- running services and dialogs -------------------------------------------------------
    def run_dialog(self, dialog: QDialog) -> bool:
        return exec_dialog(dialog)

    def run_op(
        self,
        call: Callable[[Session], R],
        error_title: str = wording.COULD_NOT_SAVE,
        on_invalid: Callable[[ValidationError], None] | None = None,
    ) -> R | None:
        return self.ops.run(call, initiator=self, error_title=error_title, on_invalid=on_invalid)  # type: ignore[arg-type]

    def submit(self, dialog: FormDialog, call: Callable[[Session, object], R]) -> R | None:
        return self.ops.submit(dialog, call, initiator=self, run_dialog=self.run_dialog)  # type: ignore[arg-type]

    def show_error(self, error: UserFacingError, title: str = wording.PROBLEM) -> None:
        messages.show_error(self, error, title)  # type: ignore[arg-type]

    def confirm(self, title: str, text: str, ok_text: str) -> bool:
        return messages.confirm(self, title, text, ok_text)  # type: ignore[arg-type]

    def inform(self, title: str, text: str, folder: Path | None = None) -> None:
        messages.inform(self, title, text, folder)  # type: ignore[arg-type]

    def inform_written(self, title: str, text: str, path: Path) -> None:
        messages.inform_written(self, title, text, path)  # type: ignore[arg-type]


class Page(LiveView, QWidget):
    """A page of the main window: its navigation title, and whether leaving it would drop input.

    ``has_unsaved`` / ``save_unsaved`` / ``discard_unsaved`` let the window ask 保存／破棄／
    キャンセル before quitting or opening another file; most pages hold no input of their own.
    """

    title: ClassVar[str] = ""
    open_requested = Signal(str, int)  # ("visit", id), ("organization", id): the window routes it

    def has_unsaved(self) -> bool:
        return False

    def unsaved_label(self) -> str:
        """What the 保存／破棄／キャンセル question names: the page, or the part typed in."""
        return self.title

    def save_unsaved(self) -> bool:
        return True

    def discard_unsaved(self) -> None:
        return None

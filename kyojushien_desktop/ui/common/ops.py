"""The GUI's one way to call a service that writes, and the one bus its changes go out on.

``Operations`` holds the open session. ``run`` calls a service, shows a ``UserFacingError`` in
Japanese and publishes the returned ``Changes`` with the widget that asked (the initiator);
``submit`` runs a form dialog until the service accepts what was typed, sending validation
problems back beside the dialog's fields with the input kept. Views listen on ``changed`` (see
``ui/common/live``) and skip what they initiated themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.services.common.changes import Changes
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.ui.common import messages, wording

if TYPE_CHECKING:
    from kyojushien_desktop.ui.common.forms import FormDialog

R = TypeVar("R")


def changes_of(result: object) -> Changes:
    """The Changes in a service's result: ``Changes``, ``(value, Changes)`` or an object with
    a ``changes`` attribute (an import's result)."""
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple) and result and isinstance(result[-1], Changes):
        return result[-1]
    found = getattr(result, "changes", None)
    return found if isinstance(found, Changes) else Changes()


def value_of(result: object) -> object:
    """The value beside the Changes: the ``x`` of ``(x, Changes)``, else the result itself."""
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Changes):
        return result[0]
    return result


def exec_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class Operations(QObject):
    """The open session and the change bus of one main window."""

    changed = Signal(object, object)  # Changes, the initiating widget (or None)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None

    @property
    def writable(self) -> bool:
        return self.session is not None and not self.session.read_only

    def publish(self, changes: Changes, initiator: QObject | None = None) -> None:
        if changes:
            self.changed.emit(changes, initiator)

    def run(
        self,
        call: Callable[[Session], R],
        *,
        initiator: QWidget,
        error_title: str = wording.COULD_NOT_SAVE,
        on_invalid: Callable[[ValidationError], None] | None = None,
    ) -> R | None:
        """The service's result, its changes published; None (after showing why) when it failed.
        ``on_invalid`` shows a ``ValidationError`` beside the page's own fields instead."""
        if self.session is None:
            return None
        try:
            result = call(self.session)
        except ValidationError as exc:
            if on_invalid is None:
                messages.show_error(initiator, exc, error_title)
            else:
                on_invalid(exc)
            return None
        except UserFacingError as exc:
            messages.show_error(initiator, exc, error_title)
            return None
        self.publish(changes_of(result), initiator)
        return result

    def submit(
        self,
        dialog: FormDialog,
        call: Callable[[Session, object], R],
        *,
        initiator: QWidget,
        run_dialog: Callable[[QDialog], bool] = exec_dialog,
        error_title: str = wording.COULD_NOT_SAVE,
    ) -> R | None:
        """Runs ``dialog`` until ``call(session, dialog.result_value)`` succeeds, or the user gives
        up. A ``ValidationError`` shows beside its field; any other problem is shown and the
        dialog opens again with what was typed, so nothing typed is lost on the way."""
        while self.session is not None and run_dialog(dialog):
            try:
                result = call(self.session, dialog.result_value)
            except ValidationError as exc:
                if not dialog.show_problems(exc):
                    messages.show_error(dialog, exc, error_title)
                continue
            except UserFacingError as exc:
                messages.show_error(dialog, exc, error_title)
                continue
            self.publish(changes_of(result), initiator)
            return result
        return None

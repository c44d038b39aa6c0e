"""What a tab of a meeting's record needs of the page: the session, whether it may write, the
way to run a service, dialogs and questions, and how to tell the page what changed. Named here so
the tabs do not import the page that imports them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QDialog

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.services.common.session import Session


class Host(Protocol):
    @property
    def session(self) -> Session | None: ...

    @property
    def writable(self) -> bool: ...

    def run_op(
        self,
        call: Callable[[Session], object],
        error_title: str = ...,
        on_invalid: Callable[[ValidationError], None] | None = None,
    ) -> object | None: ...

    def submit(self, dialog, call: Callable[[Session, object], object]) -> object | None: ...

    def run_dialog(self, dialog: QDialog) -> bool: ...

    def confirm(self, title: str, text: str, ok_text: str) -> bool: ...

    def inform_written(self, title: str, text: str, path: Path) -> None: ...

    def choose_pdf_path(self, name: str, kind: str = "pdf") -> Path | None: ...

    def after(self, result: object) -> None:
        """The tab changed something (a service's ``Changes`` or ``(value, Changes)``): the page
        brings every part up to date."""

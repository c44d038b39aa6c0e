"""Writing a paper of 地域の現状と資源 (「わがまちの現状」, the つなぎ先一覧) from its tab: where to save it,
the export as a read job, and the 書き出しました message — once for both tabs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.ui.common import dialogs, jobs
from kyojushien_desktop.ui.region import wording

# export(session, path, progress, replace_unsupported=…) -> the written path
Export = Callable[..., Path]


class Tab(Protocol):
    @property
    def session(self) -> Session | None: ...

    def choose_path(self, stem: str, kind: str) -> Path | None: ...

    def inform_written(self, title: str, text: str, path: Path) -> None: ...


def choose_pdf_path(tab: object, prefs: Preferences, stem: str, kind: str) -> Path | None:
    return dialogs.ask_save_path(tab, prefs, wording.PDF_SAVE_TO, stem, kind)  # type: ignore[arg-type]


def save_pdf(tab: Tab, stem: str, export: Export) -> Path | None:
    """Asks where, writes (offering 〓 for characters the font cannot draw), says it is done."""
    session = tab.session
    path = tab.choose_path(stem, "pdf") if session is not None else None
    if session is None or path is None:
        return None

    def write(reader: Session, progress: Progress, replace: bool) -> Path:
        return export(reader, path, progress, replace_unsupported=replace)

    written = jobs.run_export(tab, session, write, title=wording.WRITING_PDF)  # type: ignore[arg-type]
    if written is not None:
        tab.inform_written(wording.PDF_MADE, wording.PDF_TEXT, written)
    return written

"""The 診断シート on paper and in Excel, from the page: the A4 sheet (blank or a respondent's), the
Excel sheet to hand out, the filled workbooks read back (checked first, nothing written while
one has a problem, asked before ratings are replaced), and the comparison as Excel or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QWidget

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.preferences import Preferences, remember_folder
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.diagnosis import exports, sheets
from kyojushien_desktop.ui.common import dialogs, jobs
from kyojushien_desktop.ui.common.ops import Operations
from kyojushien_desktop.ui.diagnosis import wording


class Host(Protocol):
    """What the 診断シート page offers these actions."""

    session: Session | None
    ops: Operations
    prefs: Preferences | None

    def show_error(self, error: ValidationError, title: str = ...) -> None: ...

    def confirm(self, title: str, text: str, ok_text: str) -> bool: ...

    def inform(self, title: str, text: str, folder: Path | None = None) -> None: ...

    def inform_written(self, title: str, text: str, path: Path) -> None: ...

    def choose_path(self, stem: str, kind: str) -> Path | None: ...

    def choose_workbooks(self) -> list[Path]: ...


def ask_workbooks(parent: QWidget, prefs: Preferences | None) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        parent, wording.IMPORT_SHEETS, str(dialogs.start_folder(prefs)), wording.EXPORT_XLSX_FILTER
    )
    if names and prefs is not None:
        remember_folder(prefs, Path(names[0]))
    return [Path(name) for name in names]


def write_sheet(host: Host, parent: QWidget, round_id: int, respondent_id: int | None, kind: str) -> Path | None:
    """The A4 sheet (``kind`` "pdf") or the Excel sheet ("xlsx"), blank or for one respondent."""
    session = host.session
    if session is None:
        return None
    path = host.choose_path(wording.NAV_DIAGNOSIS, kind)
    if path is None:
        return None

    def write(reader: Session, progress: Progress, replace: bool) -> Path:
        if kind == "xlsx":
            return sheets.export_sheet_xlsx(reader, round_id, path, respondent_id)
        return sheets.export_sheet_pdf(
            reader, round_id, path, respondent_id, replace_unsupported=replace, progress=progress
        )

    written = jobs.run_export(parent, session, write, title=wording.WRITING_SHEET)
    if written is not None:
        host.inform_written(wording.SHEET_WRITTEN, wording.SHEET_WRITTEN_TEXT, written)
    return written


def import_sheets(host: Host, parent: QWidget, round_id: int) -> bool:
    """Filled Excel sheets: read and checked as a job, the problems named (nothing written), a
    question before replacing ratings already entered, then written as one job."""
    session = host.session
    if session is None:
        return False
    paths = host.choose_workbooks()
    if not paths:
        return False
    plan = jobs.run_read(
        parent,
        session,
        lambda reader, progress: sheets.read_workbooks(reader, round_id, paths, progress),
        title=wording.READING_SHEETS,
    )
    if plan is None:
        return False
    if plan.problems:
        host.show_error(
            ValidationError(wording.SHEETS_REFUSED, hint="\n".join(plan.problems)), wording.COULD_NOT_IMPORT
        )
        return False
    replace = False
    if plan.already_rated:
        replace = host.confirm(wording.REPLACE_TITLE, wording.replace_text(plan.already_rated), wording.REPLACE_OK)
        if not replace:
            return False
    done = jobs.run_write(
        parent,
        host.ops,
        lambda writer, progress: sheets.import_workbooks(writer, round_id, paths, replace=replace, progress=progress),
        title=wording.IMPORTING_SHEETS,
    )
    if done is None:
        return False
    host.inform(wording.IMPORTED, wording.imported_text(len(plan.sheets)))
    return True


def write_comparison(host: Host, parent: QWidget, round_id: int, kind: str, anonymous: bool) -> Path | None:
    session = host.session
    if session is None:
        return None
    path = host.choose_path(wording.COMPARISON_FILE, kind)
    if path is None:
        return None

    def write(reader: Session, progress: Progress, replace: bool) -> Path:
        if kind == "xlsx":
            return exports.export_comparison_xlsx(reader, round_id, path, anonymous=anonymous)
        return exports.export_comparison_pdf(
            reader, round_id, path, anonymous=anonymous, replace_unsupported=replace, progress=progress
        )

    written = jobs.run_export(parent, session, write, title=wording.WRITING_COMPARISON)
    if written is not None:
        host.inform_written(wording.COMPARISON_WRITTEN, wording.COMPARISON_WRITTEN_TEXT, written)
    return written

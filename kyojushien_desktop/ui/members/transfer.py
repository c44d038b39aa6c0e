"""取り込み and 書き出し of the 名簿: the import reads and checks the file, shows the wizard, then
writes as a job that キャンセル leaves unwritten; the export writes what the list shows as a read
job. Both are the 名簿 page's, kept here so the page holds the list and its record."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import QDialog

from kyojushien_desktop.services.common.changes import Changes
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members.organizations import OrganizationFilter
from kyojushien_desktop.ui.common import jobs
from kyojushien_desktop.ui.common.ops import Operations
from kyojushien_desktop.ui.members import wording


class MembersPage(Protocol):
    """What the 名簿 page offers the import and export (named here, so this module does not
    import the page that imports it)."""

    proxy: QSortFilterProxyModel
    ops: Operations

    @property
    def session(self) -> Session | None: ...

    def run_dialog(self, dialog: QDialog) -> bool: ...

    def inform(self, title: str, text: str, folder: Path | None = None) -> None: ...

    def inform_written(self, title: str, text: str, path: Path) -> None: ...

    def choose_import_file(self) -> Path | None: ...

    def choose_export_path(self, kind: str) -> Path | None: ...

    def current_filter(self) -> OrganizationFilter: ...

    def reload_list(self, changes: Changes) -> None: ...


def import_members(page: MembersPage) -> None:
    """choose → preview (reads only, behind a progress dialog) → the dialog's checks →
    ``apply_import`` as a write job that can be cancelled with nothing written."""
    if page.session is None:
        return
    path = page.choose_import_file()
    if path is None:
        return
    from kyojushien_desktop.services.members import importing
    from kyojushien_desktop.ui.members.import_dialog import ImportDialog

    preview = jobs.run_write(
        page,
        page.ops,
        lambda session, progress: importing.preview_import(session, path, progress=progress),
        title="名簿を読み込んでいます",
        error_title="ファイルを読めませんでした",
    )
    if preview is None:
        return
    dialog = ImportDialog(page.session, preview, page)
    if not page.run_dialog(dialog) or dialog.choice is None:
        return
    choice = dialog.choice

    def apply(session: Session, progress: Progress):
        return importing.apply_import(
            session,
            choice.preview,
            skip_bad=choice.skip_bad,
            duplicates=choice.duplicates,
            decisions=choice.decisions,
            progress=progress,
        )

    result = jobs.run_write(page, page.ops, apply, title="名簿を取り込んでいます", error_title=wording.COULD_NOT_IMPORT)
    if result is None:
        return
    page.reload_list(result.changes)
    page.inform(wording.IMPORTED, result.describe())


def export_members(page: MembersPage, kind: str) -> Path | None:
    """Writes the rows the list shows now (same filters and search) to xlsx or PDF."""
    if page.session is None:
        return None
    path = page.choose_export_path(kind)
    if path is None:
        return None
    from kyojushien_desktop.services.members import exporting

    flt = page.current_filter()

    def write(reader: Session, progress: Progress, replace: bool) -> Path:
        if kind == "xlsx":
            return exporting.export_xlsx(reader, path, flt, progress=progress)
        return exporting.export_pdf(reader, path, flt, replace_unsupported=replace, progress=progress)

    title = "名簿を書き出しています" if kind == "xlsx" else "名簿PDFを作っています"
    written = jobs.run_export(page, page.session, write, title=title)
    if written is None:
        return None
    what = wording.EXCEL_FILE if kind == "xlsx" else "名簿PDF"
    page.inform_written(wording.WRITTEN, f"{what}を書き出しました（{page.proxy.rowCount()}件）。", path)
    return path

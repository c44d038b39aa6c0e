"""The 引継書, drafted from the data: each area adds its own section through one builder in
``SECTIONS`` (an area not built yet simply has none), and the PDF and the Word file are written
from the same ``HandoverReport``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from kyojushien_desktop.content.handover_terms import handover_terms
from kyojushien_desktop.domain.handover_report import Bullets, HandoverReport, Paragraph, Section
from kyojushien_desktop.domain.wareki import format_date, format_datetime
from kyojushien_desktop.services.common.exports import PDF_VIEWER, WORD, writing
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings, rotation_date
from kyojushien_desktop.services.diagnosis.handover_section import diagnosis_section
from kyojushien_desktop.services.handover.context import Context
from kyojushien_desktop.services.handover.notes import load_notes
from kyojushien_desktop.services.hearing.handover_section import ongoing_section
from kyojushien_desktop.services.members.handover_section import partners_section
from kyojushien_desktop.services.progress.handover_section import (
    history_section,
    overview_section,
    position_section,
    schedule_section,
)
from kyojushien_desktop.store import backups

SectionBuilder = Callable[[Session, Context], Section | None]


def _notes_section(session: Session, context: Context) -> Section:
    blocks: list = []
    for entry in load_notes(session):
        blocks.append(Paragraph(f"【{entry.section.title}】"))
        blocks.append(Paragraph(entry.note.text or "（記入なし）"))
    return Section("notes", handover_terms().sections["notes"], tuple(blocks))


def _data_section(session: Session, context: Context) -> Section:
    taken = backups.last_backup_time(context.data_path)
    facts = [
        f"データファイル: {context.data_path}",
        f"バックアップの場所: {backups.folder_for(context.data_path)}",
        f"最後のバックアップ: {format_datetime(taken) if taken else 'まだありません'}",
    ]
    return Section(
        "data",
        handover_terms().sections["data"],
        (Bullets(tuple(facts)), Bullets(handover_terms().data_handling)),
    )


SECTIONS: tuple[SectionBuilder, ...] = (
    overview_section,
    position_section,
    history_section,
    partners_section,
    ongoing_section,
    diagnosis_section,
    schedule_section,
    _data_section,
    _notes_section,
)


def build_report(session: Session, today: dt.date | None = None, *, data_path: Path | None = None) -> HandoverReport:
    """Every section that has something to say, in the 引継書's order; ``data_path`` is the user's
    file when ``session`` is a snapshot of it."""
    today = today or dt.date.today()
    values = load_settings(session)
    context = Context(today, values, rotation_date(values, today), data_path or session.path)
    terms = handover_terms()
    sections = tuple(section for build in SECTIONS if (section := build(session, context)) is not None)
    known = {
        "municipality": values.municipality,
        "department": values.department,
        "author": values.staff_name,
        "made_on": format_date(today),
    }
    # 後任者 and 引継日 are written in by hand on the 発令 day; an unset known value prints as —
    title_block = tuple(
        (label, (known[key] or "—") if key in known else "") for key, label in terms.title_block.items()
    )
    return HandoverReport(
        title=terms.report_title,
        subtitle=terms.report_subtitle,
        municipality=values.municipality,
        department=values.department,
        author=values.staff_name,
        made_on=today,
        sections=sections,
        title_block=title_block,
        approval=terms.approval,
    )


def report_pdf_bytes(report: HandoverReport, folder: Path) -> bytes:
    """The 引継書 as PDF bytes, for the package (written in ``folder``, then read back)."""
    from kyojushien_desktop.reports.handover_report_pdf import write_report_pdf

    # A character the font lacks (𠮷 in a name) prints as 〓 here: the package must not fail for it.
    path = write_report_pdf(report, folder / "引継書.pdf", replace_unsupported=True)
    return path.read_bytes()


def export_report_pdf(
    session: Session, path: Path, progress: Progress = NO_PROGRESS, *, replace_unsupported: bool = False
) -> Path:
    """The 引継書 as an A4 PDF; characters the font cannot draw are named first unless replaced."""
    from kyojushien_desktop.reports.handover_report_pdf import write_report_pdf

    progress.begin("引継書を作っています")
    report, path = build_report(session), Path(path)
    return writing(
        path,
        PDF_VIEWER,
        lambda: write_report_pdf(report, path, replace_unsupported=replace_unsupported, progress=progress),
    )


def export_report_docx(session: Session, path: Path, progress: Progress = NO_PROGRESS) -> Path:
    from kyojushien_desktop.reports.handover_report_docx import write_report_docx

    progress.begin("引継書を作っています")
    report, path = build_report(session), Path(path)
    return writing(path, WORD, lambda: write_report_docx(report, path, progress=progress))

"""回答の比較: one bank's answers from every visit side by side, and its exports (Excel, まとめPDF)
to hand out at the next 意見交換会."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.hearing import CompareRow, CompareTable
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.hearing import question_banks
from kyojushien_desktop.store import visits as visit_store


def _filter_note(category: str | None, date_from: dt.date | None, date_to: dt.date | None) -> str:
    parts = []
    if category:
        parts.append(f"区分: {category}")
    if date_from or date_to:
        start = wareki.format_date(date_from) if date_from else ""
        end = wareki.format_date(date_to) if date_to else ""
        parts.append(f"期間: {start}～{end}")
    return "　".join(parts)


def compare_table(
    session: Session,
    bank_id: int,
    category: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> CompareTable:
    """Rows are the visits done (oldest first) that asked any of the bank's questions; columns are
    the bank's live questions, plus retired ones that still hold an answer."""
    if date_from and date_to and date_from > date_to:
        raise ValidationError("期間の始まりが終わりより後になっています。", field="date_from")
    bank = question_banks.get_bank(session, bank_id)
    done, answers = visit_store.compare_rows(
        session.database,
        bank_id,
        category=category,
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
    )
    answered = {q for by_question in answers.values() for q, text in by_question.items() if text}
    questions = tuple(
        q
        for q in question_banks.list_questions(session, bank_id, include_retired=True)
        if q.retired_at is None or q.id in answered
    )
    rows = tuple(CompareRow(visit, answers.get(visit.id, {})) for visit in done)
    return CompareTable(
        bank=bank, questions=questions, rows=rows, filter_note=_filter_note(category, date_from, date_to)
    )


def export_compare_xlsx(
    session: Session, table: CompareTable, path: Path, today: dt.date | None = None, *, progress: Progress = NO_PROGRESS
) -> Path:
    """The table as an Excel workbook (visits × questions, and the questions in full)."""
    from kyojushien_desktop.reports.hearing_compare import write_compare_xlsx

    return write_compare_xlsx(
        table,
        Path(path),
        municipality=load_settings(session).municipality,
        created=today or dt.date.today(),
        progress=progress,
    )


def export_compare_pdf(
    session: Session,
    table: CompareTable,
    path: Path,
    today: dt.date | None = None,
    *,
    replace_unsupported: bool = False,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """The まとめ PDF. Raises ``UnsupportedCharactersError`` (the characters and where) before
    writing when the font cannot draw some text, unless ``replace_unsupported`` prints 〓."""
    from kyojushien_desktop.reports.hearing_compare_pdf import write_compare_pdf

    return write_compare_pdf(
        table,
        Path(path),
        municipality=load_settings(session).municipality,
        created=today or dt.date.today(),
        replace_unsupported=replace_unsupported,
        progress=progress,
    )

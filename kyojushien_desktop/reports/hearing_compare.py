"""回答の比較 as an Excel table (visits × questions), to sort and filter the answers of every visit.

The まとめ PDF of the same table is ``hearing_compare_pdf``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.hearing import CompareTable, Question, parse_number
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.xlsx.sheet import Column, PrintSetup
from kyojushien_desktop.reports.xlsx.workbook import Workbook, write_workbook

XLSX_TITLE = "ヒアリング回答の比較"
SHEET_ANSWERS = "回答の比較"
SHEET_QUESTIONS = "質問一覧"
FIXED_COLUMNS = [Column("団体名", 30, wrap=True), Column("区分", 20, wrap=True), Column("日付", 17, date=True)]
QUESTION_COLUMNS = [
    Column("番号", 8),
    Column("質問", 60, wrap=True),
    Column("回答の形式", 14),
    Column("出典", 14),
]


def question_heading(number: int, question: Question) -> str:
    return f"{number}. {question.text}"


def _number(text: str) -> int | float | None:
    value = parse_number(text)
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() and "." not in value else number


def write_compare_xlsx(
    table: CompareTable, path: Path, *, municipality: str, created: dt.date, progress: Progress = SILENT
) -> Path:
    """Sheet 「回答の比較」: one row per visit (団体名, 区分, 日付 in 和暦), one column per question,
    text wrapped, header and 団体名 frozen; sheet 「質問一覧」 lists the questions in full."""
    made_on = wareki.format_date(created)
    header = f"{municipality}　{XLSX_TITLE}（{table.bank.name}）".lstrip("　")

    def fill(workbook: Workbook) -> None:
        progress.begin("Excelに書き出しています", len(table.rows))
        columns = FIXED_COLUMNS + [
            Column(question_heading(n, q), 18 if q.answer_type in ("number", "yesno") else 34, wrap=True)
            for n, q in enumerate(table.questions, 1)
        ]
        with workbook.sheet(SHEET_ANSWERS, columns, PrintSetup(header=header, footer=f"{made_on} 作成")) as sheet:
            for row in table.rows:
                visit = row.visit
                values: list[object] = [visit.organization_name, visit.category, visit.scheduled_at.date()]
                for question in table.questions:
                    text = row.answers.get(question.id or 0, "")
                    number = _number(text) if question.answer_type == "number" and text else None
                    values.append(number if number is not None else text)
                sheet.append(values, record=visit.organization_name)
                progress.step()
        setup = PrintSetup(header=header, footer=f"{made_on} 作成", landscape=False, title_columns=0, frozen_columns=0)
        with workbook.sheet(SHEET_QUESTIONS, QUESTION_COLUMNS, setup) as sheet:
            for number, question in enumerate(table.questions, 1):
                source = "手引きより" if question.from_guide else ""
                sheet.append([number, question.text, question.answer_type_label, source], record=f"質問{number}")
            sheet.append([])
            sheet.append([None, f"質問バンク: {table.bank.name}"])
            if table.filter_note:
                sheet.append([None, f"絞り込み: {table.filter_note}"])

    return write_workbook(
        path,
        fill,
        title=f"{municipality} {XLSX_TITLE}（{table.bank.name}）".strip(),
        created=created,
        description=table.filter_note,
        create_folder=True,
    )

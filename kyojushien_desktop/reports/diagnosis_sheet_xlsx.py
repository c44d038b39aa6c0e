"""The 目線合わせのための取組み診断シート as a workbook to fill in, one per respondent (or blank).

The sheet 「回答」 holds the header fields (label cells in A, values in B), then the table
番号 | 項目 | 評価 | 主たる解説ページ with a 1–5 list on 評価, then the free answer. The sheet is
protected without a password and only the values, the ratings and the free answer are
unlocked, so a filled file comes back in the shape it left; services.diagnosis.sheets reads it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.content.diagnosis import DiagnosisSheet
from kyojushien_desktop.domain.diagnosis import Respondent
from kyojushien_desktop.reports.xlsx.cells import CellStyle
from kyojushien_desktop.reports.xlsx.sheet import PrintSetup
from kyojushien_desktop.reports.xlsx.workbook import Workbook, write_workbook

ANSWER_SHEET = "回答"
COLUMNS = ("番号", "項目", "評価", "主たる解説ページ")
WIDTHS = [8, 46, 8, 14]
_LABEL = CellStyle(bold=True, fill="E6E6E6", boxed=True)
_VALUE = CellStyle(boxed=True, unlocked=True)
_ANSWER = CellStyle(boxed=True, unlocked=True, centred=True)
_CELL = CellStyle(boxed=True, wrap=True)
_NOTE = CellStyle(wrap=True)
_FREE = CellStyle(boxed=True, unlocked=True, wrap=True)


def header_values(municipality: str, person: Respondent | None) -> dict[str, str]:
    """The header field → its value on the sheet (all but 市町村名 blank on a blank sheet)."""
    found = person or Respondent(round_id=0, name="")
    return {
        "市町村名": municipality,
        "部門名": found.division,
        "部局": found.bureau,
        "氏名": found.name,
        "役職": found.title,
    }


def write_sheet_xlsx(
    sheet: DiagnosisSheet,
    path: Path,
    *,
    municipality: str,
    person: Respondent | None,
    round_name: str,
    created: dt.date,
) -> Path:
    """Writes the workbook to fill in; the ratings already given (if any) are filled in."""
    values = header_values(municipality, person)
    scores = person.scores if person else {}

    def fill(workbook: Workbook) -> None:
        setup = PrintSetup(header=f"{sheet.title}　{round_name}", footer=municipality, landscape=False)
        with workbook.form(ANSWER_SHEET, WIDTHS, setup) as form:
            form.append([f"{sheet.title}　{sheet.subtitle}", "", "", round_name], CellStyle(bold=True))
            for label in sheet.header_fields:
                form.append([label, values.get(label, "")], [_LABEL, _VALUE])
            scale = "　".join(f"{p.value}＝{p.label}" for p in sheet.scale)
            row = form.append([f"{sheet.instruction}\n評価: {scale}（空欄は未回答）"], _NOTE, form.wrapped_height(2))
            form.merge(f"A{row}:D{row}")
            form.append(list(COLUMNS), CellStyle(header=True))
            first = form.rows + 1
            for item in sheet.items:
                form.append(
                    [item.id, item.text, scores.get(item.id), "、".join(item.pages)],
                    [_CELL, _CELL, _ANSWER, _CELL],
                    form.wrapped_height(2),
                )
            form.choose_from(f"C{first}:C{form.rows}", ["1", "2", "3", "4", "5"], "評価は1〜5で入力してください。")
            row = form.append([sheet.free_answer_label], _NOTE, form.wrapped_height(2))
            form.merge(f"A{row}:D{row}")
            row = form.append([person.free_answer if person else ""], [_FREE] * 4, form.wrapped_height(8))
            form.merge(f"A{row}:D{row}")
            form.freeze(first - 1)
            form.protect()

    return write_workbook(path, fill, title=sheet.title, created=created, create_folder=True)

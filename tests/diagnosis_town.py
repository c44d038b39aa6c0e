"""A round of the 診断シート built through the services, for the tests and the bench: ``count``
respondents alternating 住宅 and 福祉, every item rated (a few left 未回答), one formula-like free
answer; and filled workbooks written with openpyxl as a person would fill them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.content.diagnosis import diagnosis_sheet
from kyojushien_desktop.domain.diagnosis import Respondent
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.diagnosis import rounds, sheets


def build_round(session: Session, count: int = 30, name: str = "令和8年度 第1回") -> int:
    save_settings(session, TownSettings(municipality="みどり町"))
    round_id, _ = rounds.save_round(session, rounds.Round(name=name, held_on=dt.date(2026, 5, 20)))
    items = diagnosis_sheet().items
    for n in range(count):
        bureau = "住宅" if n % 2 == 0 else "福祉"
        scores = {}
        for k, item in enumerate(items):
            if (n + k) % 17 == 16:
                continue  # 未回答
            score = 1 + (n * 3 + k * 7) % 5
            if bureau == "住宅" and item.phase == 3:
                score = max(score, 4)
            scores[item.id] = score
        free = '=HYPERLINK("http://example.com")' if n == 0 else f"{bureau}の立場から: 連携の窓口が課題 {n}"
        person = Respondent(
            round_id=round_id,
            name=f"回答者{n + 1:02d}",
            division=f"{bureau}部",
            bureau=bureau,
            title="係長" if n % 3 == 0 else "主事",
            scores=scores,
            free_answer=free,
        )
        rounds.save_respondent(session, person)
    return round_id


def fill_workbook(blank: Path, out: Path, name: str, answers: dict[int, object], **header: str) -> Path:
    """``blank`` filled in as by hand: 氏名 and the other header values, C-column answers by row."""
    import openpyxl

    book = openpyxl.load_workbook(blank)
    sheet = book["回答"]
    labels = {sheet.cell(row, 1).value: row for row in range(1, 8)}
    sheet.cell(labels["氏名"], 2).value = name
    for label, value in header.items():
        sheet.cell(labels[label], 2).value = value
    for row, value in answers.items():
        sheet.cell(row, 3).value = value
    book.save(out)
    return out


def filled_workbooks(session: Session, round_id: int, folder: Path, count: int) -> list[Path]:
    """``count`` filled workbooks (numbers, 全角, labels, blanks), one per new respondent."""
    blank = sheets.export_sheet_xlsx(session, round_id, folder / "blank.xlsx")
    kinds = [lambda s: s, lambda s: str(s).translate(str.maketrans("12345", "１２３４５")), None]
    labels = {p.value: p.label for p in diagnosis_sheet().scale}
    paths = []
    for n in range(count):
        answers: dict[int, object] = {}
        for k in range(21):
            score = 1 + (n + k) % 5
            if k % 7 == 6:
                answers[9 + k] = None
            elif k % 3 == 2:
                answers[9 + k] = labels[score]
            else:
                answers[9 + k] = kinds[k % 2](score)
        paths.append(fill_workbook(blank, folder / f"filled{n:02d}.xlsx", f"記入者{n + 1:02d}", answers, 部局="福祉"))
    return paths

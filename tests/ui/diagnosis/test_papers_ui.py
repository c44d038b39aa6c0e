"""The 診断シート's paper and Excel from the page: a respondent's Excel sheet written, filled in the
way a colleague would in Excel (openpyxl here), read back with the page's 取り込み — a bad cell
refused and named with nothing written, the good file asked about before it replaces ratings —
and the comparison written as Excel and PDF."""

from __future__ import annotations

import datetime as dt

import openpyxl
from pypdf import PdfReader

from kyojushien_desktop.domain.diagnosis import Respondent, Round
from kyojushien_desktop.services.diagnosis import rounds
from tests.ui.diagnosis.test_diagnosis_ui import make_page


def test_excel_sheet_round_trip_and_comparison_files_from_the_page(qtbot, session, tmp_path):
    round_id, _ = rounds.save_round(session, Round(name="令和8年度 第1回", held_on=dt.date(2026, 6, 1)))
    rounds.save_respondent(session, Respondent(round_id, "山田 花子", bureau="住宅", scores={"1-1": 2}))
    page = make_page(qtbot, session)
    page.round_table.selectRow(0)
    page.person_table.selectRow(0)
    told: list[str] = []
    page.choose_path = lambda stem, kind: tmp_path / f"{stem}.{kind}"
    page.inform_written = lambda title, text, path: told.append(title)
    page.inform = lambda title, text, folder=None: told.append(text)
    written = page.write_sheet("xlsx")
    assert written is not None and written.exists()

    book = openpyxl.load_workbook(written)
    sheet = book["回答"]
    sheet["C9"] = "６"  # 1-1, typed full-width
    sheet["C10"] = "出来ている"  # 1-2, the scale's label
    sheet["C11"] = 6  # 1-3: out of the scale
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    errors: list[str] = []
    page.show_error = lambda error, title="": errors.append(error.hint)
    page.choose_workbooks = lambda: [bad]
    assert not page.import_sheets()
    assert "「回答」C9" in errors[0] and "「回答」C11" in errors[0]
    assert rounds.respondents_of(session, round_id)[0].scores == {"1-1": 2}  # nothing written

    sheet["C9"], sheet["C11"] = 5, None
    good = tmp_path / "good.xlsx"
    book.save(good)
    asked: list[str] = []
    page.confirm = lambda title, text, ok: asked.append(text) or True
    page.choose_workbooks = lambda: [good]
    assert page.import_sheets()
    assert "山田 花子" in asked[0]
    assert rounds.respondents_of(session, round_id)[0].scores == {"1-1": 5, "1-2": 5}
    assert page.person_model.index(0, 4).data().startswith("2")

    page.tabs.setCurrentIndex(1)
    page.compare.hide_names.setChecked(True)
    xlsx = page.write_comparison("xlsx")
    pdf = page.write_comparison("pdf")
    assert xlsx is not None and pdf is not None
    values = [c.value for row in openpyxl.load_workbook(xlsx).worksheets[0].iter_rows() for c in row]
    assert "A\n住宅" in values and not any("山田" in str(v) for v in values)
    assert "認識のずれ" in "".join(p.extract_text() for p in PdfReader(pdf).pages)

"""The paper sheet and the comparison written out and read back: PDF text and embedded fonts,
the comparison workbook's values, fills and its formula-safe text."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kyojushien_desktop.content.diagnosis import diagnosis_sheet
from kyojushien_desktop.reports.diagnosis_chart_xlsx import TABLE_HEADERS
from kyojushien_desktop.reports.diagnosis_compare_xlsx import SCORE_FILLS
from kyojushien_desktop.services.diagnosis import exports, rounds, sheets
from tests.diagnosis_town import build_round
from tests.reports.test_hearing_reports import all_font_names, embedded_fonts


def pdf_text(path: Path) -> str:
    return "".join(re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages)


def test_the_paper_sheet_prints_header_items_free_box_and_steps(session, tmp_path: Path) -> None:
    round_id = build_round(session, 3)
    person = rounds.respondents_of(session, round_id)[0]
    path = sheets.export_sheet_pdf(session, round_id, tmp_path / "sheet.pdf", person.id)
    text = pdf_text(path)
    sheet = diagnosis_sheet()
    for needed in [sheet.title, sheet.subtitle, *sheet.header_fields, "みどり町", person.name, person.bureau]:
        assert needed.replace(" ", "") in text
    for item in sheet.items:
        assert item.text.replace(" ", "") in text
    for phase in sheet.phases:
        assert phase.main_page.replace(" ", "") in text
    assert re.sub(r"\s+", "", sheet.free_answer_label) in text
    for step in sheet.steps:
        assert step.replace(" ", "") in text
    assert text.count("□") == 21 * 5 + 1  # the legend names the box too
    assert any("BIZUDPGothic" in name for name in embedded_fonts(path))
    blank = pdf_text(sheets.export_sheet_pdf(session, round_id, tmp_path / "blank.pdf"))
    assert person.name.replace(" ", "") not in blank and "みどり町" in blank


def test_the_comparison_workbook_holds_scores_statistics_and_safe_text(session, tmp_path: Path) -> None:
    round_id = build_round(session, 6)
    path = exports.export_comparison_xlsx(session, round_id, tmp_path / "cmp.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["比較", "グラフ", "認識のずれが大きい項目", "喫緊の課題（平均の低い項目）", "自由回答"]
    sheet = book["比較"]
    heads = [c.value for c in sheet[1]]
    assert heads[:3] == ["番号", "項目", "回答者01\n住宅"] and heads[-4:] == ["平均", "範囲", "ばらつき", "未回答"]
    assert sheet.freeze_panes == "C2"
    rows = {r.item_id: r for r in rounds.comparison(session, round_id)}
    found = {row[0].value: row for row in sheet.iter_rows(min_row=2) if row[0].value in rows}
    assert len(found) == 21
    for item_id, cells in found.items():
        assert tuple(c.value for c in cells[2:8]) == rows[item_id].scores
        assert cells[8].value == round(rows[item_id].mean, 2)
        assert cells[11].value == rows[item_id].unanswered
        for cell, score in zip(cells[2:8], rows[item_id].scores, strict=True):
            if score is not None:
                assert cell.fill.fgColor.rgb == "FF" + SCORE_FILLS[score]
    free = book["自由回答"]
    formula_like = next(row for row in free.iter_rows(min_row=2) if str(row[2].value).startswith("="))
    assert formula_like[2].data_type == "s" and formula_like[2].quotePrefix
    anonymous = openpyxl.load_workbook(
        exports.export_comparison_xlsx(session, round_id, tmp_path / "a.xlsx", anonymous=True)
    )
    assert [c.value for c in anonymous["比較"][1]][2:4] == ["A\n住宅", "B\n福祉"]
    assert [row[0].value for row in anonymous["自由回答"].iter_rows(min_row=2)] == list("ABCDEF")


def cells_of(book: openpyxl.Workbook, ref: str) -> list[object]:
    """The values of a chart's reference such as 'グラフ'!$C$3:$C$8."""
    sheet, cells = ref.rsplit("!", 1)
    return [c.value for row in book[sheet.strip("'")][cells.replace("$", "")] for c in row]


def test_the_comparison_workbook_charts_each_phase_from_the_means_of_its_table(session, tmp_path: Path) -> None:
    round_id = build_round(session, 30)
    path = exports.export_comparison_xlsx(session, round_id, tmp_path / "cmp.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["グラフ"]
    charts = sheet._charts
    assert len(charts) == 4
    table = book["比較"]
    mean_column = [c.value for c in table[1]].index("平均")
    means = {row[0].value: row[mean_column].value for row in table.iter_rows(min_row=2) if "-" in str(row[0].value)}
    items = diagnosis_sheet().items
    for phase, chart in enumerate(charts, 1):
        series = chart.series[0]
        ids = cells_of(book, series.cat.strRef.f)
        assert ids == [item.id for item in items if item.phase == phase]
        assert cells_of(book, series.val.numRef.f) == [means[item_id] for item_id in ids]
        assert (chart.y_axis.scaling.min, chart.y_axis.scaling.max) == (1, 5)
        title = "".join(run.t for p in chart.title.tx.rich.p for run in p.r)
        assert title == f"フェーズ{phase} 平均（1〜5）"
    heads = [[c.value for c in row] for row in sheet.iter_rows() if row[0].value == "番号"]
    assert heads == [list(TABLE_HEADERS)] * 4
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.oddHeader.center.text and "ページ" in sheet.oddFooter.right.text
    # every sheet, the new one too: text that starts like a formula is text, never a formula
    for each in book.worksheets:
        for row in each.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (each.title, cell.coordinate)
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    assert cell.data_type == "s" and cell.quotePrefix, (each.title, cell.coordinate)


def test_a_failed_chart_sheet_leaves_no_comparison_workbook(session, tmp_path: Path, monkeypatch) -> None:
    from kyojushien_desktop.reports import diagnosis_compare_xlsx

    def broken(*args, **kwargs) -> None:
        raise OSError("disk full")

    round_id = build_round(session, 3)
    monkeypatch.setattr(diagnosis_compare_xlsx, "add_chart_sheet", broken)
    folder = tmp_path / "out"
    with pytest.raises(OSError):
        exports.export_comparison_xlsx(session, round_id, folder / "cmp.xlsx")
    assert list(folder.iterdir()) == []  # neither the file nor its temporary


def test_the_comparison_pdf_shows_the_table_rankings_and_free_answers(session, tmp_path: Path) -> None:
    round_id = build_round(session, 30)
    path = exports.export_comparison_pdf(session, round_id, tmp_path / "cmp.pdf")
    reader = PdfReader(path)
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # landscape
    text = pdf_text(path)
    for needed in [
        "目線合わせ診断シートの比較",
        "認識のずれが大きい項目",
        "喫緊の課題",
        "自由回答",
        "回答者30",
        "連携の窓口が課題29",
        "フェーズごとの平均と範囲",
    ]:
        assert needed in text
    assert any("BIZUDPGothic" in name for name in embedded_fonts(path))
    pages = [re.sub(r"\s+", "", page.extract_text()) for page in reader.pages]
    charts = next(page for page in pages if "フェーズごとの平均と範囲" in page)
    assert all(f"フェーズ{n}" in charts for n in (1, 2, 3, 4)) and "4-5" in charts
    assert embedded_fonts(path) == all_font_names(path)  # the charts' labels too

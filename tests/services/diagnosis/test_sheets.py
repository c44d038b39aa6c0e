"""The Excel round trip of the 診断シート: sheets written by the app, filled with openpyxl as a
person would (numbers, 全角, the scale's labels, blanks), read back all or nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kyojushien_desktop.content.diagnosis import diagnosis_sheet
from kyojushien_desktop.domain.diagnosis import Respondent
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.services.diagnosis import rounds, sheets
from tests.diagnosis_town import build_round, fill_workbook

ITEMS = [item.id for item in diagnosis_sheet().items]


@pytest.fixture
def round_id(session) -> int:
    return build_round(session, 0)


@pytest.fixture
def blank(session, round_id: int, tmp_path: Path) -> Path:
    return sheets.export_sheet_xlsx(session, round_id, tmp_path / "blank.xlsx")


def test_the_sheet_has_the_columns_the_validation_and_only_answers_unlocked(blank: Path) -> None:
    sheet = openpyxl.load_workbook(blank)["回答"]
    assert [sheet.cell(8, c).value for c in range(1, 5)] == ["番号", "項目", "評価", "主たる解説ページ"]
    assert [sheet.cell(r, 1).value for r in range(2, 7)] == list(diagnosis_sheet().header_fields)
    assert sheet["B2"].value == "みどり町"
    assert [sheet.cell(9 + k, 1).value for k in range(21)] == ITEMS
    assert sheet.protection.sheet
    validation = sheet.data_validations.dataValidation[0]
    assert validation.type == "list" and validation.formula1 == '"1,2,3,4,5"' and str(validation.sqref) == "C9:C29"
    unlocked = {c.coordinate for row in sheet.iter_rows(max_row=40, max_col=4) for c in row if not c.protection.locked}
    assert {f"C{9 + k}" for k in range(21)} | {"B2", "B3", "B4", "B5", "B6"} <= unlocked
    assert not unlocked & {"A9", "B9", "D9", "A5", "C8"}


def test_filled_sheets_come_back_in_the_comparison(session, round_id: int, blank: Path, tmp_path: Path) -> None:
    first = fill_workbook(
        blank, tmp_path / "a.xlsx", "住宅 一郎", {9: 5, 10: "４", 11: "やや出来ている", 12: None, 13: 2.0}, 部局="住宅"
    )
    book = openpyxl.load_workbook(first)
    book["回答"]["A31"] = "窓口の一本化が課題"
    book.save(first)
    second = fill_workbook(blank, tmp_path / "b.xlsx", "福祉 花子", {9: "1", 10: "出来ていない"}, 部局="福祉")
    plan, _ = sheets.import_workbooks(session, round_id, [first, second])
    assert [s.name for s in plan.sheets] == ["住宅 一郎", "福祉 花子"]
    people = {p.name: p for p in rounds.respondents_of(session, round_id)}
    assert people["住宅 一郎"].bureau == "住宅" and people["住宅 一郎"].free_answer == "窓口の一本化が課題"
    rows = {r.item_id: r for r in rounds.comparison(session, round_id)}
    assert rows["1-1"].scores == (5, 1) and rows["1-2"].scores == (4, 1)
    assert rows["1-3"].scores == (4, None) and rows["1-4"].scores == (None, None) and rows["1-5"].scores == (2, None)
    assert rows["1-4"].unanswered == 2


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        ("six", "「回答」C9: 「6」は1〜5で入力してください"),
        ("word", "「回答」C10: 「とても」は1〜5の数字か"),
        ("deleted", "項目 1-3 の行がありません"),
        ("foreign", "「回答」シートがありません"),
        ("columns", "見出し行がありません"),
        ("nameless", "「回答」B5: 氏名を入力してください"),
    ],
)
def test_a_bad_file_writes_nothing_and_names_the_cell(
    session, round_id: int, blank: Path, tmp_path: Path, damage: str, named: str
) -> None:
    good = fill_workbook(blank, tmp_path / "good.xlsx", "良い 記入", {9: 3})
    bad = fill_workbook(
        blank,
        tmp_path / "bad.xlsx",
        "悪い 記入",
        {9: 6 if damage == "six" else 3, 10: "とても" if damage == "word" else 2},
    )
    book = openpyxl.load_workbook(bad)
    sheet = book["回答"]
    if damage == "deleted":
        sheet.delete_rows(11)
    elif damage == "foreign":
        sheet.title = "Sheet1"
    elif damage == "columns":
        sheet["C8"] = "点数"
    elif damage == "nameless":
        sheet["B5"] = None
    book.save(bad)
    with pytest.raises(ValidationError) as caught:
        sheets.import_workbooks(session, round_id, [good, bad])
    assert named in caught.value.message and "bad.xlsx" in caught.value.message
    assert "どのファイルも取り込んでいません" in caught.value.message
    assert rounds.respondents_of(session, round_id) == []


def test_someone_already_rated_is_replaced_only_when_asked(session, round_id: int, blank: Path, tmp_path: Path) -> None:
    rounds.save_respondent(session, Respondent(round_id=round_id, name="既存 さん", bureau="住宅", scores={"1-1": 2}))
    again = fill_workbook(blank, tmp_path / "again.xlsx", "既存 さん", {9: 5})
    assert sheets.read_workbooks(session, round_id, [again]).already_rated == ["既存 さん"]
    with pytest.raises(ValidationError, match="すでに評価のある回答者"):
        sheets.import_workbooks(session, round_id, [again])
    assert rounds.respondents_of(session, round_id)[0].scores == {"1-1": 2}
    sheets.import_workbooks(session, round_id, [again], replace=True)
    (person,) = rounds.respondents_of(session, round_id)
    assert person.scores == {"1-1": 5} and person.bureau == "住宅"


def test_a_named_sheet_adds_the_respondent_and_carries_the_ratings(session, round_id: int, tmp_path: Path) -> None:
    person, changes = sheets.respondent_named(session, round_id, "新人　太郎")
    assert changes is not None and person.name == "新人 太郎"
    assert sheets.respondent_named(session, round_id, "新人 太郎")[1] is None
    rounds.save_respondent(session, Respondent(round_id=round_id, name="新人 太郎", id=person.id, scores={"2-1": 4}))
    path = sheets.export_sheet_xlsx(session, round_id, tmp_path / "named.xlsx", person.id)
    sheet = openpyxl.load_workbook(path)["回答"]
    assert sheet["B5"].value == "新人 太郎" and sheet.cell(9 + ITEMS.index("2-1"), 3).value == 4

"""名簿の取り込み as strict as a careful clerk: nothing in the file changes the 名簿 silently."""

from __future__ import annotations

import time
import tracemalloc
import zipfile

import openpyxl
import pytest

from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.jobs import Cancelled, Progress
from kyojushien_desktop.services.members import history, organizations, terms
from kyojushien_desktop.services.members import importing as mi
from kyojushien_desktop.store import organizations as organization_store


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    yield opened
    opened.close()


def count(session) -> int:
    return organization_store.count(session.database)


def names(session) -> list[str]:
    return [row.name for row in organizations.list_organizations(session)]


def workbook(path, sheets: dict[str, list[list]], active: int = 0):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.active = active
    book.save(path)
    return path


def test_unclosed_quote_is_an_error_naming_the_row(session, tmp_path):
    """A CSV whose quote is never closed is refused naming the file and the row; nothing is
    written (it used to become one organisation holding two rows)."""
    path = tmp_path / "名簿.csv"
    path.write_text('団体名,電話\n"あおば不動産,011-111-1111\nさくら荘,022-222-2222\n', encoding="cp932")
    with pytest.raises(UserFacingError) as caught:
        mi.preview_import(session, path)
    assert 'CSVファイルの2行目で「"」' in caught.value.message and "名簿.csv" in caught.value.message
    assert "閉じられないまま" in caught.value.message
    assert count(session) == 0


def test_number_formatted_phone_keeps_its_zero(session, tmp_path):
    """A phone typed into a number cell and shown as 0312345678 by the format 0000000000 lands as
    shown; one kept as a bare number (its 0 already gone in Excel) lands too, with a warning
    naming the row and column."""
    path = tmp_path / "phone.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["団体名", "電話", "FAX"])
    sheet.append(["あおば不動産", 312345678, None])
    sheet.append(["さくら荘", 312345678, None])
    sheet["B2"].number_format = "0000000000"
    book.save(path)
    preview = mi.preview_import(session, path)
    assert [w.describe() for w in preview.warnings] == [
        "3行目「電話」: 電話番号が数値として保存されていて、先頭の0が消えているかもしれません（312345678）。"
        "確かめて、必要なら取り込んだあとで直してください。"
    ]
    mi.apply_import(session, preview)
    phones = {row.name: row.phone for row in organizations.list_organizations(session)}
    assert phones == {"あおば不動産": "0312345678", "さくら荘": "312345678"}


def test_total_rows_and_repeated_headers_are_left_out_and_listed(session, tmp_path):
    """「計」, 「合計 2件」 (under No. with the name empty), 「以上」 and the header printed again
    are left out and listed by row; nothing of them is written."""
    path = workbook(
        tmp_path / "list.xlsx",
        {
            "名簿": [
                ["No.", "団体名", "電話"],
                [1, "あおば不動産", "011-111-1111"],
                [None, "団体名", "電話"],
                [2, "さくら荘", "022-222-2222"],
                [None, "計", None],
                ["合計 2件", None, None],
                [None, "以上", None],
            ]
        },
    )
    preview = mi.preview_import(session, path)
    assert [s.describe() for s in preview.skipped] == [
        "3行目: 見出しの繰り返し（印刷の2ページ目などの見出し）とみなして、取り込みません。",
        "5行目: 「計」は合計や名簿の終わりを示す行とみなして、取り込みません。",
        "6行目: 「合計 2件」は合計や名簿の終わりを示す行とみなして、取り込みません。",
        "7行目: 「以上」は合計や名簿の終わりを示す行とみなして、取り込みません。",
    ]
    assert preview.problems == [] and [row.row for row in preview.rows] == [2, 4]
    assert mi.apply_import(session, preview).added == 2
    assert names(session) == ["あおば不動産", "さくら荘"]


def test_the_sheet_with_the_header_is_read_and_the_choice_said(session, tmp_path):
    """When the active sheet is a 説明 sheet, the sheet holding the header is read and a warning
    says so; when two sheets hold a 名簿, the preview names the other one; a sheet can be
    chosen by name; every sheet is listed with its header row."""
    sheets = {
        "説明": [["この名簿の使い方"], ["毎年4月に更新します"]],
        "名簿(旧)": [["団体名", "電話"], ["むかし荘", "011"]],
        "名簿": [["令和8年度 名簿"], ["団体名", "電話"], ["あおば不動産", "022"]],
    }
    preview = mi.preview_import(session, workbook(tmp_path / "book.xlsx", sheets, active=0))
    assert preview.sheet == "名簿(旧)"
    assert [(c.name, c.header_row) for c in preview.sheets] == [("説明", None), ("名簿(旧)", 1), ("名簿", 2)]
    assert [w.message for w in preview.warnings] == [
        "開いたときに表示されるシート「説明」ではなく、名簿の見出しがあるシート「名簿(旧)」を読みました。",
        "ほかのシート（「名簿」）にも名簿の見出しがあります。読むシートが違うときは、シートを選び直してください。",
    ]
    assert preview.other_header_sheets == ["名簿"]
    chosen = mi.preview_import(session, tmp_path / "book.xlsx", sheet="名簿")
    assert (chosen.sheet, chosen.header_row, chosen.warnings) == ("名簿", 2, [])
    assert [row.organization.name for row in chosen.rows] == ["あおば不動産"]
    with pytest.raises(UserFacingError) as caught:
        mi.preview_import(session, tmp_path / "book.xlsx", sheet="説明")
    assert "シート「説明」の1行目から30行目まで" in caught.value.message and "book.xlsx" in caught.value.message


def test_no_sheet_with_a_header_names_the_sheets_looked_at(session, tmp_path):
    """A workbook none of whose sheets has a header is refused naming each sheet looked at."""
    path = workbook(tmp_path / "memo.xlsx", {"表紙": [["居住支援"]], "メモ": [["連絡先は別紙"]]})
    with pytest.raises(UserFacingError) as caught:
        mi.preview_import(session, path)
    assert "見出しの行が見つかりません（シート「表紙」「メモ」の1行目から30行目まで）" in caught.value.message


def test_zip_bomb_is_refused_at_once_with_little_memory(session, tmp_path):
    """A 400 MB sheet packed into a small .xlsx is refused from the zip's table of contents in
    well under a second and a few MB, naming the file and the sheet; nothing is written. (The
    time and memory bounds are a generous guard against a hang, not a benchmark.)"""
    good = workbook(tmp_path / "good.xlsx", {"名簿": [["団体名", "電話"], ["あおば荘", "011"]]})
    bomb = tmp_path / "bomb.xlsx"
    row = b'<row r="3"><c r="A3" t="inlineStr"><is><t>a</t></is></c></row>' * 16384
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item))
        with target.open("xl/worksheets/sheet1.xml", "w") as sheet:
            for _ in range(400 * 1024 * 1024 // len(row)):
                sheet.write(row)
    assert bomb.stat().st_size < 5 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(UserFacingError) as caught:
            mi.preview_import(session, bomb)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 3 and peak < 16 * 1024 * 1024, (elapsed, peak)
    assert "シート「名簿」を展開すると" in caught.value.message and "bomb.xlsx" in caught.value.message
    assert count(session) == 0


def test_formula_without_its_result_blocks_its_row(session, tmp_path):
    """A formula no program calculated (openpyxl writes none of their results), or an error value,
    is a problem naming the row, column and cell, not a blank phone; nothing is written unless
    the other rows are asked for."""
    path = workbook(
        tmp_path / "calc.xlsx",
        {
            "名簿": [
                ["団体名", "市外局番", "番号", "電話"],
                ["あおば荘", "011", "111-1111", "=B2&C2"],
                ["さくら荘", "", "", ""],
                ["ひかり荘", "", "", "#N/A"],
            ]
        },
    )
    preview = mi.preview_import(session, path)
    assert [p.describe() for p in preview.problems] == [
        "2行目「電話」: セルD2の数式（=B2&C2）の計算結果がファイルに保存されていません。"
        "Excelで開いて上書き保存すると、計算結果が保存されて読めるようになります。",
        "4行目「電話」: セルD4がエラー値（#N/A）です。Excelで直してから取り込んでください。",
    ]
    with pytest.raises(ValidationError, match="2行目、4行目"):
        mi.apply_import(session, preview)
    assert count(session) == 0
    assert mi.apply_import(session, preview, skip_bad=True).added == 1
    assert names(session) == ["さくら荘"]


def test_unknown_category_is_a_warning_the_user_can_settle(session, tmp_path):
    """An unknown 分類 (「福祉」) reads as その他 with a warning on its row; the 区分 the user sets for
    the row is written, with that 区分's 期待される役割."""
    path = tmp_path / "c.csv"
    path.write_text("団体名,分類\nあおば会,福祉\nさくら荘,不動産\n", encoding="utf-8")
    preview = mi.preview_import(session, path)
    assert [w.describe() for w in preview.warnings] == [
        "2行目「分類」: 「福祉」は名簿の区分にないため「その他」として読みました（取り込みの画面では行ごとに区分を選べます）。"
    ]
    assert [row.row for row in preview.unknown_category_rows] == [2]
    settled = mi.set_categories(preview, {2: "福祉事業者・団体"})
    assert settled.warnings == [] and settled.unknown_category_rows == []
    with pytest.raises(ValueError):
        mi.set_categories(preview, {2: "福祉"})
    mi.apply_import(session, settled)
    [aoba] = [organizations.get_organization(session, row.id) for row in organizations.list_organizations(session)][:1]
    assert (aoba.name, aoba.category, aoba.kind) == ("あおば会", "福祉事業者・団体", "福祉")
    assert aoba.expected_roles == terms.default_roles("福祉事業者・団体")


def test_invisible_characters_are_removed(session, tmp_path):
    """Control characters and a right-to-left override are removed before saving (and said);
    the line break in 備考 stays."""
    path = tmp_path / "x.csv"
    path.write_text('団体名,備考\nあおば\u202e荘\x07,"鍵は本店\n10時から"\n', encoding="utf-8")
    preview = mi.preview_import(session, path)
    assert [w.message for w in preview.warnings] == [
        "制御文字など、目に見えない文字を取り除いて読みました（2行目「団体名」）。"
    ]
    mi.apply_import(session, preview)
    [row] = organizations.list_organizations(session)
    org = organizations.get_organization(session, row.id)
    assert (org.name, org.notes) == ("あおば荘", "鍵は本店\n10時から")


def test_progress_and_a_cancelled_apply_writes_nothing(session, tmp_path):
    """Preview and apply report their stages; a cancel while writing rolls everything back: no
    organisation, person or change-log line is left."""
    path = tmp_path / "p.csv"
    path.write_text("団体名,担当者\n" + "".join(f"団体{i},佐藤 {i}\n" for i in range(50)), encoding="utf-8")
    stages: list[tuple[str, int]] = []
    progress = Progress(lambda stage, done, total: stages.append((stage, total)), interval=0)
    preview = mi.preview_import(session, path, progress=progress)
    assert ("行を確かめています", 50) in stages

    def cancel_when_writing(stage, done, total):
        if stage == "名簿に書き込んでいます":
            cancelling.cancel()

    cancelling = Progress(cancel_when_writing, interval=0)
    with pytest.raises(Cancelled):
        mi.apply_import(session, preview, progress=cancelling)
    assert count(session) == 0
    assert session.database.execute("SELECT count(*) FROM people").fetchone()[0] == 0
    assert session.database.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
    assert mi.apply_import(session, preview).added == 50
    assert history.history(session, organizations.list_organizations(session)[0].id)

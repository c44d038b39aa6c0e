"""名簿の書き出し (Excel): the hand-over copy read back with openpyxl from real files."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kyojushien_desktop.domain.members import Organization
from kyojushien_desktop.reports.member_list import DirectoryRecord
from kyojushien_desktop.reports.member_list_xlsx import write_member_list_xlsx
from kyojushien_desktop.reports.xlsx.cells import CELL_LIMIT, utf16_length
from kyojushien_desktop.reports.xlsx.sheet import LINE_HEIGHT, PRINT_SCALE
from kyojushien_desktop.services.common.jobs import Cancelled
from kyojushien_desktop.services.datafile import Session
from kyojushien_desktop.services.members import exporting, organizations
from kyojushien_desktop.services.members.organizations import OrganizationFilter
from tests.reports.conftest import TODAY, CancelAfter, add_organization

HEADERS = [
    "名称",
    "よみがな",
    "区分",
    "種別",
    "庁内/庁外",
    "協議会との関係",
    "担当者",
    "最終連絡日",
    "電話",
    "FAX",
    "メール",
    "Webサイト",
    "住所",
    "期待される役割",
    "得意なこと",
    "困りごと",
    "タグ",
    "備考",
]
PEOPLE_HEADERS = [
    "団体名",
    "氏名",
    "よみがな",
    "部署",
    "役職",
    "電話",
    "メール",
    "着任日",
    "離任日",
    "現任・前任",
    "後任",
    "備考",
]


def rows_of(path: Path, sheet: str) -> list[list[object]]:
    return [list(row) for row in openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True)]


def by_name(path: Path, sheet: str) -> dict[object, list[object]]:
    rows = rows_of(path, sheet)
    return {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


def test_every_field_of_an_organisation_is_in_the_workbook(directory: Session, tmp_path: Path):
    """「名簿」 holds every field of each organisation (FAX, Webサイト, 期待される役割, 得意なこと,
    困りごと included), the current people and the last contact as a 和暦 date, in the list's order."""
    out = exporting.export_xlsx(directory, tmp_path / "名簿.xlsx")
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["名簿", "担当者", "経過記録"]
    assert workbook.properties.title == "みどり町 構成員・関係団体名簿"
    sheet = workbook["名簿"]
    assert [cell.value for cell in sheet[1]] == HEADERS
    realtor = by_name(out, "名簿")["株式会社みどり不動産"]
    assert realtor == {
        "名称": "株式会社みどり不動産",
        "よみがな": "みどりふどうさん",
        "区分": "不動産事業者・団体",
        "種別": "不動産業（賃貸中心）",
        "庁内/庁外": "庁外",
        "協議会との関係": "ヒアリング済",
        "担当者": "鈴木 花子",
        "最終連絡日": dt.datetime(2025, 9, 1),
        "電話": "0123-45-6789",
        "FAX": "0123-45-6780",
        "メール": "info@midori.example.jp",
        "Webサイト": "https://midori.example.jp/",
        "住所": "みどり町本町1-2-3",
        "期待される役割": "・賃貸物件の情報を提供できます",
        "得意なこと": "高齢者の入居実績が多い",
        "困りごと": "保証人のいない人の審査",
        "タグ": "協力店、見守り",
        "備考": "社長は協議会に前向き",
    }
    date_cell = sheet.cell(row=[c.value for c in sheet["A"]].index("株式会社みどり不動産") + 1, column=8)
    assert date_cell.is_date and date_cell.number_format.startswith("[$-411]ggge")
    assert [row[0] for row in rows_of(out, "名簿")[1:]] == [r.name for r in organizations.list_organizations(directory)]


def test_people_sheet_keeps_former_people_their_periods_and_successor(directory: Session, tmp_path: Path):
    """「担当者」 lists current and former people with every field, their periods as dates, 前任
    marked and the 後任 named."""
    out = exporting.export_xlsx(directory, tmp_path / "名簿.xlsx")
    rows = rows_of(out, "担当者")
    assert rows[0] == PEOPLE_HEADERS
    realtor = [dict(zip(PEOPLE_HEADERS, row, strict=True)) for row in rows if row[0] == "株式会社みどり不動産"]
    assert [(p["氏名"], p["現任・前任"], p["後任"]) for p in realtor] == [
        ("鈴木 花子", "現任", None),
        ("佐藤 一郎", "前任", "鈴木 花子"),
    ]
    former = realtor[1]
    assert (former["部署"], former["役職"], former["電話"], former["備考"]) == (
        "賃貸管理部",
        "部長",
        "090-1111-2222",
        "釣りが趣味",
    )
    assert former["着任日"] == dt.datetime(2020, 4, 1)
    assert former["離任日"] == dt.datetime.combine(TODAY - dt.timedelta(days=31), dt.time())


def test_contacts_sheet_holds_every_contact(directory: Session, tmp_path: Path):
    """「経過記録」 holds each contact typed by hand, newest first per organisation: date, 種別,
    内容 with its line breaks, 当方 and 先方."""
    out = exporting.export_xlsx(directory, tmp_path / "名簿.xlsx")
    rows = rows_of(out, "経過記録")
    assert rows[0] == ["団体名", "日付", "種別", "内容", "当方", "先方"]
    realtor = [row for row in rows if row[0] == "株式会社みどり不動産"]
    assert realtor == [
        [
            "株式会社みどり不動産",
            dt.datetime(2025, 9, 1),
            "訪問",
            "ヒアリング\n次は意見交換会に誘う",
            "山田 花子",
            "鈴木 花子",
        ],
        ["株式会社みどり不動産", dt.datetime(2025, 6, 12), "電話", "初めて電話した", None, None],
    ]


def test_formula_like_text_stays_text_on_every_sheet(directory: Session, tmp_path: Path):
    """Text starting with = + - @ is literal text with a quote prefix on all three sheets; the
    file holds no formula at all."""
    out = exporting.export_xlsx(directory, tmp_path / "名簿.xlsx")
    workbook = openpyxl.load_workbook(out)
    name = '=HYPERLINK("http://example.invalid","開く")'
    tricky = next(row for row in workbook["名簿"].iter_rows(min_row=2) if row[0].value == name)
    expected = {
        "名称": name,
        "電話": "+81-3-1234-5678",
        "住所": "-1丁目",
        "得意なこと": "=SUM(A1:A9)",
        "タグ": "@見守り",
        "備考": "=1+1",
    }
    for header, text in expected.items():
        cell = tricky[HEADERS.index(header)]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True), header
    person = next(row for row in workbook["担当者"].iter_rows(min_row=2) if row[0].value == name)
    assert (person[1].value, person[1].data_type, person[1].quotePrefix) == ("=cmd|' /C calc'!A0", "s", True)
    contact = next(row for row in workbook["経過記録"].iter_rows(min_row=2) if row[0].value == name)
    assert (contact[3].value, contact[3].quotePrefix) == ("-2件", True)
    with zipfile.ZipFile(out) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert len(sheets) == 3 and not any(b"<f>" in xml or b"<f " in xml for xml in sheets)


def _record(**fields: object) -> DirectoryRecord:
    return DirectoryRecord(organization=Organization(**{"name": "みどり不動産", "category": "その他", **fields}))


def test_tab_cr_and_control_characters(tmp_path: Path):
    """Tab/CR-led text is quoted, a carriage return inside text survives, and control characters
    that would corrupt the file are dropped."""
    row = _record(name="\tタブ始まり", address="\r改行始まり", notes="ベル\x07入り\r\n二行目")
    out = write_member_list_xlsx([row], tmp_path / "x.xlsx", municipality="みどり町", created=dt.date(2026, 11, 22))
    cells = next(openpyxl.load_workbook(out)["名簿"].iter_rows(min_row=2))
    assert (cells[0].value, cells[0].data_type, cells[0].quotePrefix) == ("\tタブ始まり", "s", True)
    assert (cells[HEADERS.index("住所")].value, cells[HEADERS.index("住所")].quotePrefix) == ("\r改行始まり", True)
    assert cells[HEADERS.index("備考")].value == "ベル入り\r\n二行目"


def test_a_40000_character_note_is_continued_not_cut(directory: Session, tmp_path: Path):
    """A stored 40,000-character 備考 (and a 困りごと of 20,000 characters beyond the BMP, 40,000 as
    Excel counts) fills its cell, says where it goes on, and continues on 「長文の続き」 under the
    organisation and field: joined again, nothing is missing."""
    long_note = "".join(f"{i:04d}行目の記録。" for i in range(4000))
    wide_note = "𩸽" * 20000
    assert len(long_note) == 40000 and utf16_length(wide_note) == 40000
    add_organization(directory, "長い備考の団体", kana="あ", notes=long_note)
    add_organization(directory, "𩸽の団体", kana="い", troubles=wide_note)
    out = exporting.export_xlsx(directory, tmp_path / "名簿.xlsx")
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["名簿", "担当者", "経過記録", "長文の続き"]
    continued = [list(r) for r in workbook["長文の続き"].iter_rows(values_only=True)]
    assert continued[0] == ["シート", "団体・記録", "項目", "部分", "本文"]
    assert [r[:4] for r in continued[1:]] == [
        ["名簿", "長い備考の団体", "備考", "2/2"],
        ["名簿", "𩸽の団体", "困りごと", "2/2"],
    ]
    organizations_rows = by_name(out, "名簿")
    for name, field, text, row in (("長い備考の団体", "備考", long_note, 2), ("𩸽の団体", "困りごと", wide_note, 3)):
        first = organizations_rows[name][field]
        marker = f"…［続きは「長文の続き」シートの{row}行目から］"
        assert first.endswith(marker) and utf16_length(first) <= CELL_LIMIT
        assert first.removesuffix(marker) + continued[row - 1][4] == text
        assert all(utf16_length(cell) <= CELL_LIMIT for cell in (first, continued[row - 1][4]))


def test_prints_at_eight_points_or_more_with_rows_as_tall_as_their_text(tmp_path: Path):
    """Print setup: A4 landscape at a fixed scale that keeps 10 pt cells at 8 pt or more on
    paper (never fit-to-page), header row and 名称 repeated on every page, 自治体名 in the page
    header and page numbers in the footer; a wrapped cell's row is tall enough for its lines."""
    rows = [_record(name="一行の団体"), _record(name="長い団体", notes="\n".join(f"{n}行目" for n in range(1, 6)))]
    out = write_member_list_xlsx(rows, tmp_path / "x.xlsx", municipality="み&どり町", created=dt.date(2026, 11, 22))
    workbook = openpyxl.load_workbook(out)
    for sheet in workbook:
        setup = sheet.page_setup
        assert (setup.paperSize, setup.orientation, setup.scale) == (9, "landscape", PRINT_SCALE)
        assert not sheet.sheet_properties.pageSetUpPr or not sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet["A1"].font.sz * PRINT_SCALE / 100 >= 8 and sheet["A2"].font.sz == sheet["A1"].font.sz
        assert sheet["A1"].font.name == "BIZ UDPゴシック" and sheet["A1"].font.bold
        assert sheet.print_title_rows == "$1:$1" and sheet.print_title_cols == "$A:$A"
        assert sheet.freeze_panes == "B2"
        assert sheet.oddHeader.center.text == f"み&&どり町　構成員・関係団体名簿（{sheet.title}）"
        assert (
            sheet.oddFooter.left.text == "令和8年11月22日(日) 作成" and sheet.oddFooter.right.text == "&P / &N ページ"
        )
    sheet = workbook["名簿"]
    assert sheet.auto_filter.ref == "A1:R3"
    assert sheet.row_dimensions[2].height is None  # one line: the default height
    assert sheet.row_dimensions[3].height >= 5 * LINE_HEIGHT and sheet["R3"].alignment.wrap_text
    assert sheet["A3"].alignment.vertical == "top"


def test_filtered_export_holds_only_the_filtered_organisations(directory: Session, tmp_path: Path):
    """With a filter all three sheets hold only the organisations the list shows; the filter is
    the workbook's description."""
    out = exporting.export_xlsx(directory, tmp_path / "f.xlsx", OrganizationFilter(category="福祉事業者・団体"))
    assert list(by_name(out, "名簿")) == ["地域包括支援センターさくら"]
    assert rows_of(out, "担当者")[1:] == [] and rows_of(out, "経過記録")[1:] == []
    assert openpyxl.load_workbook(out).properties.description == "絞り込み: 区分＝福祉事業者・団体"


def test_cancel_leaves_no_file_and_the_old_one_whole(directory: Session, tmp_path: Path):
    """キャンセル while the rows are written: Cancelled, the earlier export untouched and no
    temporary file left; progress said what it was doing."""
    for n in range(30):
        add_organization(directory, f"団体{n:02d}")
    target = tmp_path / "名簿.xlsx"
    target.write_bytes(b"previous export")
    progress = CancelAfter(10)
    with pytest.raises(Cancelled):
        exporting.export_xlsx(directory, target, progress=progress)
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("名簿")) == ["名簿.xlsx"]
    assert progress.stages == ["名簿を読み込んでいます", "Excelに書き出しています"] and progress.total == 39

"""名簿の書き出し: the Excel workbook and the A4 landscape PDF, read back from real files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.members import Contact, OrganizationSummary, Person
from kyojushien_desktop.reports.member_list_pdf import write_member_list_pdf
from kyojushien_desktop.reports.member_list_xlsx import write_member_list_xlsx
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.datafile import Session, create_session
from kyojushien_desktop.services.members import contacts, exporting, organizations, people
from kyojushien_desktop.services.members.organizations import OrganizationFilter

ROOT = Path(__file__).resolve().parents[2]
HEADERS = [
    "名称",
    "よみがな",
    "区分",
    "種別",
    "庁内/庁外",
    "協議会との関係",
    "電話",
    "メール",
    "住所",
    "担当者",
    "最終連絡日",
    "タグ",
    "備考",
]
TODAY = dt.date.today()


def _add(session: Session, name: str, category: str = "不動産事業者・団体", **fields: object) -> int:
    org = dataclasses.replace(organizations.new_organization(category, name), **fields)
    organization_id, _ = organizations.save_organization(session, org)
    return organization_id


@pytest.fixture
def town(tmp_path: Path) -> Session:
    """みどり町 with a realtor (a person handed over, a contact), a welfare office and a tricky row."""
    session = create_session(tmp_path / "t.db")
    save_settings(session, TownSettings(municipality="みどり町"))
    realtor = _add(session, "株式会社みどり不動産", kana="みどりふどうさん", phone="0123-45-6789", tags=("協力店",))
    person_id, _ = people.save_person(
        session,
        Person(name="佐藤 一郎", kana="さとう いちろう", organization_id=realtor, started_on=dt.date(2020, 4, 1)),
    )
    people.hand_over(session, person_id, Person(name="鈴木 花子", organization_id=0), TODAY - dt.timedelta(days=30))
    contacts.add_contact(session, Contact(organization_id=realtor, occurred_on=dt.date(2025, 6, 12), kind="電話"))
    _add(session, "地域包括支援センターさくら", category="福祉事業者・団体", kana="ちいきほうかつしえんせんたーさくら")
    tricky = _add(
        session,
        '=HYPERLINK("http://example.invalid","開く")',
        kana="いこーるしょうかい",
        phone="+81-3-1234-5678",
        address="-1丁目",
        tags=("@見守り",),
        notes="=1+1",
    )
    people.save_person(session, Person(name="=cmd|' /C calc'!A0", organization_id=tricky))
    yield session
    session.close()


def _sheet_rows(path: Path, sheet: str) -> list[list[object]]:
    workbook = openpyxl.load_workbook(path)
    return [[cell.value for cell in row] for row in workbook[sheet].iter_rows()]


def _pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_xlsx_sheets_header_frozen_pane_autofilter_widths(town: Session, tmp_path: Path):
    """The workbook has 「名簿」 and 「担当者」, a bold filled header, frozen header, autofilter over all rows."""
    out = exporting.export_xlsx(town, tmp_path / "名簿.xlsx")
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["名簿", "担当者"]
    sheet = workbook["名簿"]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("D9D9D9")
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == "A1:M4"
    assert sheet.column_dimensions["A"].width >= 30 and sheet.column_dimensions["M"].width >= 40
    assert sheet["A2"].alignment.wrap_text and sheet["M2"].alignment.wrap_text
    assert [row[0] for row in _sheet_rows(out, "名簿")[1:]] == [r.name for r in organizations.list_organizations(town)]
    assert workbook["担当者"].freeze_panes == "B2"
    assert workbook.properties.title == "みどり町 構成員・関係団体名簿"


def test_xlsx_people_sheet_marks_former_person(town: Session, tmp_path: Path):
    """The 担当者 sheet lists current and former people of each organisation, 前任 marked, dates as dates."""
    rows = _sheet_rows(exporting.export_xlsx(town, tmp_path / "名簿.xlsx"), "担当者")
    assert rows[0] == ["団体名", "氏名", "よみがな", "部署", "役職", "電話", "メール", "着任日", "離任日", "現任・前任"]
    realtor = [row for row in rows if row[0] == "株式会社みどり不動産"]
    assert [(row[1], row[-1]) for row in realtor] == [("鈴木 花子", "現任"), ("佐藤 一郎", "前任")]
    assert realtor[1][7] == dt.datetime(2020, 4, 1)
    assert realtor[1][8] == dt.datetime.combine(TODAY - dt.timedelta(days=31), dt.time())


def test_xlsx_last_contact_is_a_wareki_date(town: Session, tmp_path: Path):
    """最終連絡日 is a real date (sortable, filterable) shown in 和暦 by Excel's ggge format."""
    sheet = openpyxl.load_workbook(exporting.export_xlsx(town, tmp_path / "名簿.xlsx"))["名簿"]
    realtor = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "株式会社みどり不動産")
    cell = realtor[HEADERS.index("最終連絡日")]
    assert cell.value == dt.datetime(2025, 6, 12)
    assert cell.is_date and cell.number_format.startswith("[$-411]ggge")


def test_xlsx_formula_like_text_stays_text(town: Session, tmp_path: Path):
    """Text starting with = + - @ is stored as literal text with a quote prefix, never as a formula."""
    out = exporting.export_xlsx(town, tmp_path / "名簿.xlsx")
    workbook = openpyxl.load_workbook(out)
    tricky = next(row for row in workbook["名簿"].iter_rows(min_row=2) if row[1].value == "いこーるしょうかい")
    expected = {
        "名称": '=HYPERLINK("http://example.invalid","開く")',
        "電話": "+81-3-1234-5678",
        "住所": "-1丁目",
        "タグ": "@見守り",
        "備考": "=1+1",
    }
    for header, text in expected.items():
        cell = tricky[HEADERS.index(header)]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True), header
    person = next(row for row in workbook["担当者"].iter_rows(min_row=2) if row[0].value == expected["名称"])
    assert (person[1].value, person[1].data_type) == ("=cmd|' /C calc'!A0", "s")
    with zipfile.ZipFile(out) as archive:
        sheets = [archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
    assert sheets and not any(b"<f>" in xml or b"<f " in xml for xml in sheets)


def test_xlsx_tab_cr_and_control_characters(tmp_path: Path):
    """Tab/CR-led text is quoted too, and control characters that would corrupt the file are dropped."""
    row = OrganizationSummary(
        id=1,
        name="\tタブ始まり",
        kana="",
        category="その他",
        kind="",
        internal=False,
        stage="未接触",
        phone="",
        email="",
        address="\r改行始まり",
        tags=(),
        people="",
        last_contact=None,
        sort_kana="",
        notes="ベル\x07入り",
    )
    out = write_member_list_xlsx([row], tmp_path / "x.xlsx", municipality="みどり町", created=dt.date(2026, 11, 22))
    cells = next(openpyxl.load_workbook(out)["名簿"].iter_rows(min_row=2))
    assert (cells[0].value, cells[0].data_type, cells[0].quotePrefix) == ("\tタブ始まり", "s", True)
    assert cells[HEADERS.index("住所")].quotePrefix
    assert cells[HEADERS.index("備考")].value == "ベル入り"
    assert openpyxl.load_workbook(out).sheetnames == ["名簿"]


def test_pdf_reads_back_text_pages_footer_and_size(tmp_path: Path):
    """120 organisations print on several A4 landscape pages with title, 作成日 in 和暦 and 「ページ x / y」."""
    session = create_session(tmp_path / "t.db")
    save_settings(session, TownSettings(municipality="みどり町"))
    for i in range(120):
        _add(session, f"みどり不動産{i:03d}", kana="みどりふどうさん", notes="高齢者の入居相談に前向き。" * (i % 3))
    out = exporting.export_pdf(session, tmp_path / "名簿.pdf")
    session.close()
    reader = PdfReader(out)
    pages = _pdf_text(out)
    total = len(pages)
    assert total > 1
    assert "構成員・関係団体名簿" in pages[0] and "みどり不動産000" in pages[0]
    assert f"作成日: {wareki.format_date(TODAY)}" in pages[0] and "件数: 120件" in pages[0]
    for number, text in enumerate(pages, 1):
        assert f"ページ {number} / {total}" in text and "みどり町" in text
        assert "名称（よみがな）" in text  # the header row repeats
    assert "みどり不動産119" in pages[-1]
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)


def test_pdf_embeds_the_japanese_font(town: Session, tmp_path: Path):
    """Every font in the PDF is the bundled IPAexゴシック, embedded (a /FontFile2 in its descriptor)."""
    out = exporting.export_pdf(town, tmp_path / "名簿.pdf")
    fonts = PdfReader(out).pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        assert "IPAexGothic" in font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_pdf_wraps_long_names_and_escapes_markup(tmp_path: Path):
    """A long name wraps inside its column and text like <b>&</b> prints literally."""
    long_name = "特定非営利活動法人みどり町すまいサポートセンター居住支援ネットワーク準備会"
    rows = [
        OrganizationSummary(
            id=i,
            name=name,
            kana="みどり",
            category="居住支援法人",
            kind="",
            internal=False,
            stage="構成員（参加合意済）",
            phone="0120-123-456",
            email="",
            address="",
            tags=(),
            people="山田 太郎",
            last_contact=dt.date(2026, 11, 2),
            sort_kana="",
            notes=notes,
        )
        for i, (name, notes) in enumerate([(long_name, "<b>A&B</b>"), ("短い名前", "一行目\n二行目")])
    ]
    out = write_member_list_pdf(rows, tmp_path / "x.pdf", municipality="みどり町", created=dt.date(2026, 11, 22))
    text = _pdf_text(out)[0]
    assert "令和8年11月22日(日)" in text and "令和8年11月2日" in text
    assert "<b>A&B</b>" in text
    assert long_name not in text.replace(" ", "")  # wrapped onto two lines, so split by a line break
    assert long_name in text.replace("\n", "")


def test_filtered_export_contains_only_filtered_rows(town: Session, tmp_path: Path):
    """With a filter, both files hold only the rows the list shows, and the PDF says what was filtered."""
    flt = OrganizationFilter(category="福祉事業者・団体")
    xlsx = exporting.export_xlsx(town, tmp_path / "f.xlsx", flt)
    assert [row[0] for row in _sheet_rows(xlsx, "名簿")[1:]] == ["地域包括支援センターさくら"]
    assert len(_sheet_rows(xlsx, "担当者")) == 1  # the welfare office has no people: header only
    text = "".join(_pdf_text(exporting.export_pdf(town, tmp_path / "f.pdf", flt)))
    assert "絞り込み: 区分＝福祉事業者・団体" in text and "件数: 1件" in text
    assert "地域包括支援センターさくら" in text and "みどり不動産" not in text


def test_describe_filter_words():
    """The filter reads as the screen's terms; no filter gives an empty note."""
    assert exporting.describe_filter(None) == ""
    assert exporting.describe_filter(OrganizationFilter()) == ""
    assert exporting.describe_filter(OrganizationFilter(category="不動産事業者・団体")) == (
        "絞り込み: 区分＝不動産事業者・団体"
    )
    note = exporting.describe_filter(OrganizationFilter(stage="接触済", internal=True, tag="見守り", query=" すず "))
    assert note == "絞り込み: 協議会との関係＝接触済、庁内/庁外＝庁内、タグ＝見守り、検索語＝「すず」"


def test_empty_directory_exports(tmp_path: Path):
    """An empty (or filtered-to-nothing) directory still gives a valid workbook and a one-page PDF."""
    session = create_session(tmp_path / "t.db")
    xlsx = exporting.export_xlsx(session, tmp_path / "e.xlsx")
    pdf = exporting.export_pdf(session, tmp_path / "e.pdf")
    session.close()
    assert _sheet_rows(xlsx, "名簿") == [HEADERS]
    pages = _pdf_text(pdf)
    assert len(pages) == 1 and "該当する団体・機関はありません" in pages[0] and "件数: 0件" in pages[0]


def test_locked_target_keeps_old_file_and_explains(town: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """When the file cannot be replaced (open in Excel on Windows), the old file stays whole, no
    temporary file is left, and the message names the path and says to close Excel."""
    target = tmp_path / "名簿.xlsx"
    target.write_bytes(b"previous export")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UserFacingError) as caught:
        exporting.export_xlsx(town, target)
    monkeypatch.undo()
    assert str(target) in caught.value.message
    assert "Excelで開いている場合は閉じてから" in caught.value.hint
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("名簿")) == ["名簿.xlsx"]


def test_missing_folder_is_a_user_facing_error(town: Session, tmp_path: Path):
    """Exporting into a folder that does not exist says so in Japanese instead of crashing."""
    target = tmp_path / "ない" / "名簿.pdf"
    with pytest.raises(UserFacingError) as caught:
        exporting.export_pdf(town, target)
    assert "書き出し先のフォルダが見つかりません" in caught.value.message and str(target.parent) in caught.value.message


def test_export_modules_load_without_openpyxl_or_reportlab():
    """Importing the export service and reports loads neither openpyxl nor reportlab (the GUI starts without them)."""
    code = (
        "import sys, kyojushien_desktop.services.members.exporting, kyojushien_desktop.reports.member_list_pdf;"
        "print(sorted(m for m in ('openpyxl', 'reportlab') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"

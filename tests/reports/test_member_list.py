"""名簿の書き出し: the A4 landscape PDF read back with pypdf, and what both exports share."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import UnsupportedCharactersError, UserFacingError
from kyojushien_desktop.domain.members import Organization
from kyojushien_desktop.reports.member_list import DirectoryRecord
from kyojushien_desktop.reports.member_list_pdf import write_member_list_pdf
from kyojushien_desktop.services.common.jobs import Cancelled
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.datafile import Session, create_session
from kyojushien_desktop.services.members import exporting
from kyojushien_desktop.services.members.organizations import OrganizationFilter
from tests.reports.conftest import TODAY, CancelAfter, add_organization

ROOT = Path(__file__).resolve().parents[2]


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_pdf_reads_back_text_pages_footer_and_size(tmp_path: Path):
    """120 organisations print on several A4 landscape pages with title, 作成日 in 和暦 and 「ページ x / y」."""
    session = create_session(tmp_path / "t.db")
    save_settings(session, TownSettings(municipality="みどり町"))
    for i in range(120):
        add_organization(
            session, f"みどり不動産{i:03d}", kana="みどりふどうさん", notes="高齢者の入居相談に前向き。" * (i % 3)
        )
    out = exporting.export_pdf(session, tmp_path / "名簿.pdf")
    session.close()
    reader = PdfReader(out)
    pages = pdf_pages(out)
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


def test_pdf_embeds_both_weights_of_the_bundled_font(directory: Session, tmp_path: Path):
    """Every font in the PDF is the bundled BIZ UDPゴシック, embedded (/FontFile2); the header
    row is set in its real bold."""
    out = exporting.export_pdf(directory, tmp_path / "名簿.pdf")
    fonts = [ref.get_object() for ref in PdfReader(out).pages[0]["/Resources"]["/Font"].values()]
    names = {str(font["/BaseFont"]).split("+")[1] for font in fonts}
    assert names == {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold"}
    assert all("/FontFile2" in font["/FontDescriptor"].get_object() for font in fonts)


def _row(name: str, **fields: object) -> DirectoryRecord:
    people_now = str(fields.pop("people_now", ""))
    last = fields.pop("last_contact", None)
    organization = Organization(name=name, category="居住支援法人", stage="構成員（参加合意済）", **fields)
    return DirectoryRecord(organization=organization, people_now=people_now, last_contact=last)  # type: ignore[arg-type]


def test_pdf_wraps_long_names_never_dates_or_phone_numbers(tmp_path: Path):
    """A long name wraps inside its column, text like <b>&</b> prints literally, and a date, a
    phone number and a FAX number each stay on one line."""
    long_name = "特定非営利活動法人みどり町すまいサポートセンター居住支援ネットワーク準備会"
    rows = [
        _row(
            long_name, phone="090-1234-5678", fax="0123-45-6789", notes="<b>A&B</b>", last_contact=dt.date(2026, 11, 13)
        ),
        _row("短い名前", phone="0120-123-456", notes="一行目\n二行目", last_contact=dt.date(2028, 12, 31)),
    ]
    out = write_member_list_pdf(rows, tmp_path / "x.pdf", municipality="みどり町", created=dt.date(2026, 11, 22))
    lines = pdf_pages(out)[0].splitlines()
    text = "\n".join(lines)
    assert "令和8年11月22日(日)" in text and "<b>A&B</b>" in text
    for whole in ("令和8年11月13日(金)", "令和10年12月31日(日)", "090-1234-5678", "FAX 0123-45-6789", "0120-123-456"):
        assert any(whole in line for line in lines), whole
    assert long_name not in text and long_name in text.replace("\n", "")


def test_characters_the_font_lacks_are_reported_before_writing(directory: Session, tmp_path: Path):
    """𠮷 and an emoji, which BIZ UDPゴシック cannot draw, stop the export before a byte is
    written, with a Japanese message naming each character and its record and field; 𩸽, which
    the font has, is not among them."""
    add_organization(directory, "𠮷野家不動産", notes="𩸽の塩焼きが名物😀")
    target = tmp_path / "名簿.pdf"
    with pytest.raises(UnsupportedCharactersError) as caught:
        exporting.export_pdf(directory, target)
    assert not target.exists() and not list(tmp_path.glob("*.pdf"))
    error = caught.value
    assert error.places == [("「𠮷野家不動産」の名称", "𠮷"), ("「𠮷野家不動産」の備考", "😀")]
    assert "「𠮷野家不動産」の名称: 𠮷（U+20BB7）" in error.message
    assert "「𠮷野家不動産」の備考: 😀（U+1F600）" in error.message and "𩸽" not in error.message
    assert "BIZ UDPゴシック" in error.message and "〓" in error.hint


def test_written_anyway_the_missing_characters_are_geta_and_the_rest_is_drawn(directory: Session, tmp_path: Path):
    """Chosen to write anyway: 𠮷 and 😀 print as 〓, while 𩸽 (beyond the BMP, in the font) is drawn
    and kept in the text layer, so it can be searched and copied."""
    add_organization(directory, "𠮷野家不動産", kana="よしのやふどうさん", notes="𩸽の塩焼きが名物😀")
    out = exporting.export_pdf(directory, tmp_path / "名簿.pdf", replace_unsupported=True)
    text = "".join(pdf_pages(out)).replace("\n", "")
    assert "〓野家不動産" in text and "𩸽の塩焼きが名物〓" in text
    assert "𠮷" not in text and "😀" not in text


def test_invisible_and_stand_in_characters_print_without_a_question(tmp_path: Path):
    """A variation selector (葛󠄀, ❤️) is dropped, and a Kangxi radical copied from a PDF (⽇) prints
    as the ideograph it stands for: neither is reported."""
    rows = [_row("葛\U000e0100飾不動産", notes="⽇曜も営業\ufe0f")]
    out = write_member_list_pdf(rows, tmp_path / "x.pdf", municipality="みどり町", created=dt.date(2026, 11, 22))
    text = pdf_pages(out)[0]
    assert "葛飾不動産" in text and "日曜も営業" in text


def test_filtered_pdf_says_what_was_filtered(directory: Session, tmp_path: Path):
    """With a filter the PDF holds only the rows the list shows and says what was filtered."""
    flt = OrganizationFilter(category="福祉事業者・団体")
    text = "".join(pdf_pages(exporting.export_pdf(directory, tmp_path / "f.pdf", flt)))
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
    import openpyxl

    workbook = openpyxl.load_workbook(xlsx)
    assert [sheet.max_row for sheet in workbook] == [1, 1, 1]
    pages = pdf_pages(pdf)
    assert len(pages) == 1 and "該当する団体・機関はありません" in pages[0] and "件数: 0件" in pages[0]


def test_cancelled_pdf_leaves_no_file(directory: Session, tmp_path: Path):
    """キャンセル once the first page is laid out: Cancelled, and no PDF or temporary file."""
    progress = CancelAfter(1)
    with pytest.raises(Cancelled):
        exporting.export_pdf(directory, tmp_path / "名簿.pdf", progress=progress)
    assert not list(tmp_path.glob("名簿*"))
    assert progress.stages == ["名簿を読み込んでいます", "PDFのページを組んでいます"]


def test_locked_target_keeps_old_file_and_explains(directory: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """When the file cannot be replaced (open in Excel on Windows), the old file stays whole, no
    temporary file is left, and the message names the path and says to close Excel."""
    target = tmp_path / "名簿.xlsx"
    target.write_bytes(b"previous export")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UserFacingError) as caught:
        exporting.export_xlsx(directory, target)
    monkeypatch.undo()
    assert str(target) in caught.value.message
    assert "Excelで開いている場合は閉じてから" in caught.value.hint
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("名簿")) == ["名簿.xlsx"]


def test_missing_folder_is_a_user_facing_error(directory: Session, tmp_path: Path):
    """Exporting into a folder that does not exist says so in Japanese instead of crashing."""
    target = tmp_path / "ない" / "名簿.pdf"
    with pytest.raises(UserFacingError) as caught:
        exporting.export_pdf(directory, target)
    assert "書き出し先のフォルダが見つかりません" in caught.value.message and str(target.parent) in caught.value.message


def test_export_services_load_without_openpyxl_or_reportlab():
    """Importing the export services loads neither openpyxl nor reportlab (the GUI starts without
    them; the documents load them when a file is written)."""
    code = (
        "import sys, kyojushien_desktop.services.members.exporting, kyojushien_desktop.services.hearing.comparison;"
        "import kyojushien_desktop.services.hearing.visits, kyojushien_desktop.reports.pdf.characters;"
        "print(sorted(m for m in ('openpyxl', 'reportlab') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"

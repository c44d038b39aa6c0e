"""The region papers read back: 「わがまちの現状」 and the つなぎ先一覧 with pypdf (sections, values,
sources, fonts embedded), the 地域資源 workbook with openpyxl (values, dates, no formulas)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kyojushien_desktop.content.region import region_guide
from kyojushien_desktop.domain.errors import UnsupportedCharactersError, UserFacingError
from kyojushien_desktop.domain.region import Fact
from kyojushien_desktop.domain.wareki import format_date
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.region import exports, facts, resources
from tests.region_town import normalised, region_sample_file, sample_db  # noqa: F401  (fixtures)
from tests.reports.test_hearing_reports import all_font_names, embedded_fonts


def text_of(path: Path) -> str:
    return "".join(re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages)


def fonts_ok(path: Path) -> bool:
    names = all_font_names(path)
    return bool(names) and all("BIZUDPGothic" in n for n in names) and names == embedded_fonts(path)


@pytest.fixture
def town(sample_db: Path):  # noqa: F811
    session = datafile.open_session(sample_db)
    yield session
    session.close()


def test_facts_sheet_of_the_sample(town, tmp_path: Path) -> None:
    pdf = exports.export_facts_pdf(town, tmp_path / "sheet.pdf")
    text = text_of(pdf)
    assert len(PdfReader(pdf).pages) == 2 and fonts_ok(pdf)
    assert text.startswith("みどり町建設課住宅係みどり町わがまちの現状")
    assert f"作成日:{format_date(dt.date.today())}" in text
    guide = region_guide()
    positions = [text.index(f"{n}{t.title}") for n, t in enumerate(guide.tables, 1)]
    assert positions == sorted(positions)
    for table in guide.tables:  # the guide's prompts, said to be the guide's
        assert "手引きの問いかけ：" + re.sub(r"\s+", "", table.prompt) in text
    assert normalised("手引きより（確認の観点）" + guide.intro[0][:12]) in normalised(text)
    assert normalised(guide.intro[1]) in normalised(text) and "出典：居住支援協議会設立の手引き" in text
    assert "－：未入力" in text
    assert "実施していない※4－" in text  # a blank cell reads as not typed in
    assert "令和6年度令和7年度増減" in text
    for value in ("18,240", "17,962", "▲278", "1,893", "±0", "+22", "町営住宅", "県営住宅（町内）", "UR（町内）"):
        assert value in text, value
    for name in ("社会福祉法人みどり町社会福祉協議会", "NPO法人みどり住まいネット", "相談支援事業所そよかぜ"):
        assert name in text, name
    assert "令和6年度:実施していない" in text
    for source in (
        "令和2年国勢調査",
        "住民基本台帳（令和7年4月1日現在）",
        "県の資料（〇〇県居住支援法人一覧令和7年4月）",
    ):
        assert source in text, source
    assert "みどり町わがまちの現状1/2" in text and "みどり町わがまちの現状2/2" in text


def test_facts_sheet_keeps_the_last_four_years_and_says_so(db_path: Path, tmp_path: Path) -> None:
    session = datafile.open_session(db_path)
    try:
        save_settings(session, TownSettings(municipality="あおば市"))
        for n, year in enumerate(range(2019, 2026)):
            source = "住民基本台帳" if year < 2025 else "住民基本台帳（令和7年4月1日）"
            facts.save_year(
                session, year, [Fact("population", "population", "value", year, 50_000 + 10 * n, source=source)]
            )
        paper = exports.facts_paper(session)
        pdf = exports.export_facts_pdf(session, tmp_path / "sheet.pdf")
    finally:
        session.close()
    assert paper.years == (2022, 2023, 2024, 2025) and paper.omitted == (2019, 2020, 2021)
    text = text_of(pdf)
    assert "平成31年度・令和2年度・令和3年度の数字は省略しています" in text
    assert "令和4年度令和5年度令和6年度令和7年度増減" in text and "50,060" in text and "+10" in text
    assert "市営住宅" in text and "県営住宅（市内）" in text and "※1住民基本台帳" in text


def test_an_empty_file_prints_the_blank_tables(db_path: Path, tmp_path: Path) -> None:
    session = datafile.open_session(db_path)
    try:
        pdf = exports.export_facts_pdf(session, tmp_path / "blank.pdf")
    finally:
        session.close()
    text = text_of(pdf)
    assert "数字はまだ入力されていません" in text and fonts_ok(pdf) and "出典：" not in text.split("増減は")[1]
    assert "－" not in text  # nothing to mark: the blank tables are there to be written in
    for table in region_guide().tables:
        assert table.title in text


def test_a_character_the_font_lacks_is_named_then_replaced(town, tmp_path: Path) -> None:
    facts.save_year(town, 2025, [Fact("population", "foreign", "value", 2025, 262, source="住民課😀")])
    with pytest.raises(UnsupportedCharactersError, match="出典"):
        exports.export_facts_pdf(town, tmp_path / "sheet.pdf")
    assert not (tmp_path / "sheet.pdf").exists()
    pdf = exports.export_facts_pdf(town, tmp_path / "sheet.pdf", replace_unsupported=True)
    assert "住民課〓" in text_of(pdf)


def test_a_missing_folder_is_said_in_japanese(town, tmp_path: Path) -> None:
    for export in (exports.export_facts_pdf, exports.export_referrals_pdf, exports.export_resources_xlsx):
        with pytest.raises(UserFacingError, match="書き出し先のフォルダが見つかりません"):
            export(town, tmp_path / "gone" / "out.pdf")


def test_referrals_of_the_sample(town, tmp_path: Path) -> None:
    pdf = exports.export_referrals_pdf(town, tmp_path / "referrals.pdf")
    text = text_of(pdf)
    assert len(PdfReader(pdf).pages) == 1 and fonts_ok(pdf)
    guide = region_guide()
    assert "みどり町つなぎ先一覧" in text and guide.referral_title in text
    assert re.sub(r"\s+", "", guide.referral_lead) in text
    assert f"みどり町{format_date(dt.date.today())}現在" in text
    assert "主たる課題公的相談機関（窓口・担当）電話" in text
    order = [text.index(i.label) for i in guide.issues] + [text.index("矯正施設を退所し")]
    assert order == sorted(order)
    for desk in (
        "みどり町福祉課社会福祉係",
        "みどり町地域包括支援センター",
        "〇〇県地域生活定着支援センター",
        "0123-48-4152",
    ):
        assert desk in text, desk
    assert "みどり町福祉課社会福祉係生活困窮者の自立相談支援（くらしの相談窓口）0123-45-1121" in text
    assert re.sub(r"\s+", "", f"出典：{guide.referral_source}") in text


def test_resources_workbook(town, tmp_path: Path) -> None:
    items = resources.list_resources(town)
    odd = dataclasses.replace(items[0], id=None, name='=HYPERLINK("http://x")', notes="+81 備考", links=())
    resources.save_resource(town, odd)
    path = exports.export_resources_xlsx(town, tmp_path / "resources.xlsx")
    sheet = openpyxl.load_workbook(path)["地域資源"]
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == [
        "種類",
        "名前",
        "所在地",
        "戸数",
        "対象の要配慮者",
        "関係する団体（役割）",
        "登録・認定日",
        "備考",
    ]
    assert len(rows) == 1 + len(items) + 1
    by_name = {r[1].value: r for r in rows[1:]}
    support = by_name["コーポ小松 B棟 102号室"]
    assert support[0].value == "居住サポート住宅" and support[3].value == 1
    assert support[4].value == "高齢者、障害者"
    assert support[5].value.splitlines() == ["コーポ小松（大家・所有者）", "NPO法人みどり住まいネット（援助実施者）"]
    assert support[6].is_date and support[6].value.date() == dt.date(2025, 11, 10)
    assert support[6].number_format.startswith("[$-411]ggge")
    formula = by_name['=HYPERLINK("http://x")']
    assert (formula[1].data_type, formula[1].quotePrefix) == ("s", True)
    assert (formula[7].value, formula[7].quotePrefix) == ("+81 備考", True)
    assert not any(c.data_type == "f" for r in rows for c in r)
    assert sheet.freeze_panes == "C2" and sheet.auto_filter.ref == f"A1:H{len(rows)}"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert "地域資源一覧" in sheet.oddHeader.center.text


def test_resources_workbook_writes_the_filtered_list(town, tmp_path: Path) -> None:
    shown = resources.list_resources(town, kind="partner_agent")
    path = exports.export_resources_xlsx(town, tmp_path / "agents.xlsx", items=shown)
    sheet = openpyxl.load_workbook(path)["地域資源"]
    assert [r[1] for r in sheet.iter_rows(min_row=2, values_only=True)] == [r.name for r in shown]
    assert len(shown) == 2


def test_a_change_is_written_alike_on_screen_and_paper() -> None:
    from kyojushien_desktop.domain.figures import change_text, number_text

    assert [change_text(v) for v in (120, -35, 0, 2.5, None)] == ["+120", "▲35", "±0", "+2.5", ""]
    assert number_text(17820) == "17,820" and number_text(12.5) == "12.5" and number_text(None) == ""

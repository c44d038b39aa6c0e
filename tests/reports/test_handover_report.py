"""The 引継書 of the sample town read back: the PDF (every section, open 次の対応 with their 期限 in
和暦, the font embedded, numbered pages) and the Word file (headings, real tables)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from kyojushien_desktop.content.handover_terms import handover_terms
from kyojushien_desktop.domain.handover_report import HandoverReport, Paragraph, Section, Table
from kyojushien_desktop.domain.wareki import format_date
from kyojushien_desktop.reports.handover_report_docx import write_report_docx
from kyojushien_desktop.reports.handover_report_pdf import write_report_pdf
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.handover.report import build_report, export_report_pdf
from kyojushien_desktop.services.sample import create_sample
from kyojushien_desktop.store import followups
from tests.reports.test_hearing_reports import all_font_names

TODAY = dt.date.today()


def text_of(path: Path) -> str:
    return "".join(re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    session = create_sample(tmp_path_factory.mktemp("sample") / "sample.db", TODAY)
    yield session
    session.close()


def test_sample_pdf_has_every_section_and_open_followups(sample: Session, tmp_path: Path) -> None:
    """Every section title, each open 次の対応 beside its 期限 in 和暦, the bundled font only."""
    path = export_report_pdf(sample, tmp_path / "引継書.pdf")
    text = text_of(path)
    for title in handover_terms().sections.values():
        assert title in text, title
    open_items = followups.listed(sample.database, open_only=True)
    assert open_items
    for item in open_items:
        assert item.due_on is not None
        due = format_date(item.due_on) + ("（期限切れ）" if item.due_on < TODAY else "")
        assert re.sub(r"\s+", "", due + item.action) in text, item.action
    assert "人事異動によりこれまでの議論がリセットされる可能性があります。" in text
    pages = len(PdfReader(path).pages)
    assert f"みどり町引継書{pages}/{pages}" in text
    assert all("BIZUDPGothic" in name for name in all_font_names(path))


def test_sample_pdf_title_block_and_wording(sample: Session, tmp_path: Path) -> None:
    """The town-hall title block (前任者, 後任者 and 引継日 to fill in, 所属長確認 with 確認日・印),
    the target months in 和暦, the 目安 named with their text, and the data-handling sentences."""
    report = build_report(sample, TODAY)
    assert dict(report.title_block)["前任者（作成者）"] == "山田 花子"
    assert dict(report.title_block)["後任者"] == dict(report.title_block)["引継日"] == ""
    first = re.sub(r"\s+", "", PdfReader(export_report_pdf(sample, tmp_path / "引継書.pdf")).pages[0].extract_text())
    for label in ("自治体名", "担当課", "前任者（作成者）山田花子", "後任者", "引継日", "所属長確認", "確認日", "印"):
        assert label in first, label
    text = text_of(tmp_path / "引継書.pdf")
    warning = re.search(r"目安4-5の目標（(.+?)）が人事異動予定日より後です。", text)
    assert warning and re.fullmatch(r"令和\d+年\d+月", warning.group(1)), warning
    assert not re.search(r"20\d\d年\d+月）", text)  # no 西暦 month left
    assert "目安4-5居住支援協議会の継続的な運営方法" in text
    assert "上のデータファイル1つに入っています" in text and "コピーしても差し支えありません" in text
    assert "合言葉をなくすと、その引き継ぎファイルはだれにも開けません" in text
    assert "詳しくは「フェーズ進捗」の画面と「現在地レポート」にあります" in text
    assert "「」" not in text and "」」" not in text  # nested quotes are 『』 inside 「」
    assert "勉強会・講演会「第2回居住支援勉強会『不動産の基礎』」" in text


def test_sample_docx_has_headings_and_tables(sample: Session, tmp_path: Path) -> None:
    """Heading 1 per section in order; the 現在地 table's cells hold 目安 and 状態."""
    report = build_report(sample, TODAY)
    document = Document(str(write_report_docx(report, tmp_path / "引継書.docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{n}　{s.title}" for n, s in enumerate(report.sections, 1)]
    facts = document.tables[0]
    assert facts.cell(0, 0).text == "自治体名" and facts.cell(0, 1).text == "みどり町"
    rows = {row.cells[0].text: row.cells[1].text for row in facts.rows}
    assert rows["前任者（作成者）"] == "山田 花子" and rows["後任者"] == "" and rows["引継日"] == ""
    assert rows["作成日"] == format_date(TODAY)
    approval = document.tables[1]
    assert approval.cell(0, 0).text == "所属長確認"
    assert [(r.cells[0].text, r.cells[1].text) for r in approval.rows[1:]] == [("確認日", ""), ("印", "")]
    position = next(t for t in document.tables if t.cell(0, 1).text == "到達の目安")
    assert position.cell(1, 0).text == "1-1" and position.cell(1, 2).text in ("未着手", "取組み中", "達成")
    header = position.rows[0]._tr.trPr
    assert header is not None and "tblHeader" in header.xml


def test_empty_table_says_so_and_undrawable_characters_are_named(tmp_path: Path) -> None:
    """A table without rows prints its 「（ありません）」; 𠮷 beyond the font is refused by name."""
    table = Table(("日付", "内容"), (), (0.3, 0.7))
    report = HandoverReport("引継書", "副題", "みどり町", "建設課", "山田", TODAY, (Section("x", "見出し", (table,)),))
    assert "（ありません）" in text_of(write_report_pdf(report, tmp_path / "a.pdf"))
    odd = HandoverReport("引継書", "副題", "みどり町", "", "", TODAY, (Section("x", "見出し", (Paragraph("😀"),)),))
    from kyojushien_desktop.domain.errors import UnsupportedCharactersError

    with pytest.raises(UnsupportedCharactersError):
        write_report_pdf(odd, tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists()
    write_report_pdf(odd, tmp_path / "c.pdf", replace_unsupported=True)
    assert "〓" in text_of(tmp_path / "c.pdf")


def test_empty_file_prints_the_short_report(db_path: Path, tmp_path: Path) -> None:
    """A new file's 引継書: three sections in PDF and Word alike."""
    session = datafile.open_session(db_path)
    try:
        report = build_report(session, TODAY)
    finally:
        session.close()
    titles = [s.title for s in report.sections]
    assert titles == [handover_terms().sections[k] for k in ("overview", "data", "notes")]
    text = text_of(write_report_pdf(report, tmp_path / "short.pdf"))
    assert handover_terms().sections["partners"] not in text
    document = Document(str(write_report_docx(report, tmp_path / "short.docx")))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        f"{n}　{t}" for n, t in enumerate(titles, 1)
    ]

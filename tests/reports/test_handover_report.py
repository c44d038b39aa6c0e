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


def test_sample_docx_has_headings_and_tables(sample: Session, tmp_path: Path) -> None:
    """Heading 1 per section in order; the 現在地 table's cells hold 目安 and 状態."""
    report = build_report(sample, TODAY)
    document = Document(str(write_report_docx(report, tmp_path / "引継書.docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{n}　{s.title}" for n, s in enumerate(report.sections, 1)]
    facts = document.tables[0]
    assert facts.cell(0, 0).text == "自治体名" and facts.cell(0, 1).text == "みどり町"
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

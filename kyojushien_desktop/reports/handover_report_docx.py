"""The 引継書 as an editable Word file: the outgoing person finishes it in Word (the 引継ぎ事項 grow,
a table gets a row) before printing it for the 発令 day. The same blocks as the PDF: the title
block as a table, each section a numbered Heading 1, sub-headings as Heading 2, real tables with the
header row repeated on each page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kyojushien_desktop.domain import handover_report as blocks
from kyojushien_desktop.domain.handover_report import HandoverReport
from kyojushien_desktop.reports.docx import word
from kyojushien_desktop.reports.files import SILENT, Progress

TEXT_WIDTH_MM = 174  # A4 less the two 18 mm margins
TABLE_PT = 9  # tables a little smaller than the body, as in the PDF, so dates and phones fit


SEAL_MM = 20  # the 印 row of the 所属長確認 box


def _label_cell(cell: Any) -> None:
    word.shade(cell)
    for run in cell.paragraphs[0].runs:
        run.bold = True


def _tall(row: Any, height_mm: float) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Mm

    row.height = Mm(height_mm)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _block(document: Any, block: blocks.Block) -> None:
    if isinstance(block, blocks.Heading):
        document.add_heading(block.text, level=2)
    elif isinstance(block, blocks.Paragraph):
        for line in block.text.splitlines() or [""]:
            document.add_paragraph(line)
    elif isinstance(block, blocks.Bullets):
        for item in block.items:
            document.add_paragraph(item, style="List Bullet")
    else:
        widths = tuple(round(TEXT_WIDTH_MM * share, 1) for share in block.widths)
        rows = list(block.rows) or [(block.empty, *[""] * (len(block.headers) - 1))]
        word.add_table(document, block.headers, rows, widths, size_pt=TABLE_PT)
        document.add_paragraph()


def write_report_docx(report: HandoverReport, path: Path, *, progress: Progress = SILENT) -> Path:
    """Writes the 引継書 as ``path`` (.docx; the folder must exist), through a temporary file."""
    progress.begin("Wordの文書を作っています", len(report.sections))
    document = word.new_document()
    document.add_paragraph(report.title, style="Title")
    document.add_paragraph(report.subtitle)
    if report.title_block:
        facts = word.add_table(document, None, list(report.title_block), (34, 80))
        for row in facts.rows:
            _label_cell(row.cells[0])
    if report.approval:  # 所属長確認: 確認日 and 印 left blank, the 印 row tall enough to stamp
        title, *fields = report.approval
        document.add_paragraph()
        box = word.add_table(document, (title, ""), [(f, "") for f in fields], (20, 30))
        merged = box.rows[0].cells[0].merge(box.rows[0].cells[1])
        for empty in merged.paragraphs[1:]:  # the merged cell keeps the blank one's paragraph
            empty._element.getparent().remove(empty._element)
        for row in box.rows[1:]:
            _label_cell(row.cells[0])
        _tall(box.rows[-1], SEAL_MM)
    for number, section in enumerate(report.sections, 1):
        document.add_heading(f"{number}　{section.title}", level=1)
        for block in section.blocks:
            _block(document, block)
        progress.step()
    word.page_footer(document, f"{report.municipality}　{report.title}　".lstrip("　"))
    properties = document.core_properties
    properties.title = f"{report.title}（{report.subtitle}）"
    properties.author = report.author or report.municipality
    properties.subject = report.municipality
    return word.save(document, path)

"""The 開催レポート as a Word file, for a town hall that finishes its reports in Word: the same
sections as the PDF (from ``meeting_text``), as real Heading 1/2 paragraphs so Word's navigation
pane and table of contents see them, and real tables rather than pictures, so every figure can be
corrected by hand.

A4, black only, and BIZ UDPゴシック for the East Asian text (w:eastAsia), with 游ゴシック named as
its alternative in the font table for a PC that does not have it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kyojushien_desktop.domain.meeting_report import REPORT_SECTIONS, MeetingReport
from kyojushien_desktop.domain.meetings import CHOICE, SCALE
from kyojushien_desktop.reports import meeting_text as words
from kyojushien_desktop.reports.files import SILENT, Progress, write_atomically
from kyojushien_desktop.reports.pdf.fonts import FAMILY

FALLBACK = "游ゴシック"
BULLETS = ("・", "-", "－", "●", "○", "※")
LABEL_FILL = "E0E0E0"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Sizes in points: body, Heading 1, Heading 2, Title.
SIZES = {"Normal": 10.5, "Heading 1": 13, "Heading 2": 11, "Title": 16}
_FONT_ENTRY = (
    f'<w:font xmlns:w="{_W}" w:name="{FAMILY}"><w:altName w:val="{FALLBACK}"/>'
    '<w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="variable"/></w:font>'
)


def _set_fonts(element: Any) -> None:
    """Explicit fonts on an rPr (the template's theme fonts would win over them otherwise)."""
    from docx.oxml.ns import qn

    fonts = element.find(qn("w:rFonts"))
    if fonts is None:
        fonts = element.makeelement(qn("w:rFonts"), {})
        element.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for side in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(side), FAMILY)


def _prepare(document: Any) -> None:
    """A4 with 18 mm margins, Japanese defaults, black headings without the template's blue."""
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults)
    language = defaults.find(qn("w:lang"))
    if language is not None:
        language.set(qn("w:val"), "ja-JP")
        language.set(qn("w:eastAsia"), "ja-JP")
    for name, size in SIZES.items():
        style = document.styles[name]
        _set_fonts(style.element.get_or_add_rPr())
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        colour = style.element.rPr.find(qn("w:color"))
        for theme in ("w:themeColor", "w:themeShade"):
            colour.attrib.pop(qn(theme), None)
    normal = document.styles["Normal"].paragraph_format
    normal.space_after, normal.line_spacing = Pt(2), 1.2
    for name, before in (("Heading 1", 14), ("Heading 2", 8)):
        document.styles[name].paragraph_format.space_before = Pt(before)
        document.styles[name].paragraph_format.space_after = Pt(3)
    title = document.styles["Title"].element
    for border in title.iter(qn("w:bottom")):
        border.set(qn("w:color"), "000000")
        border.attrib.pop(qn("w:themeColor"), None)
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml" and FAMILY.encode() not in part.blob:
            part._blob = part.blob.replace(b"</w:fonts>", _FONT_ENTRY.encode() + b"</w:fonts>")


def _field(paragraph: Any, code: str) -> None:
    """A PAGE or NUMPAGES field, which Word fills in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _shade(cell: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), LABEL_FILL)
    cell._tc.get_or_add_tcPr().append(shading)


class _Writer:
    def __init__(self, document: Any, report: MeetingReport) -> None:
        self.document, self.report = document, report

    def paragraph(self, text: str, *, bold: bool = False) -> Any:
        paragraph = self.document.add_paragraph()
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        return paragraph

    def lines(self, text: str) -> bool:
        """Free text a paragraph a line; a line starting with ・ becomes a Word bullet."""
        written = False
        for line in (raw.strip() for raw in text.splitlines()):
            if not line:
                continue
            if line.startswith(BULLETS):
                self.document.add_paragraph(line[1:].strip(), style="List Bullet")
            else:
                self.paragraph(line)
            written = True
        return written

    def table(
        self,
        header: tuple[str, ...] | None,
        rows: list[tuple[str, ...]],
        widths_mm: tuple[float, ...],
        numbers: tuple[int, ...] = (),
    ) -> Any:
        """A real Word table (Table Grid), the header row shaded and bold, the ``numbers`` columns
        right-aligned."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm

        table = self.document.add_table(rows=0, cols=len(widths_mm))
        table.style = "Table Grid"
        table.autofit = False
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)  # the grid, which LibreOffice goes by
        everything = ([header] if header else []) + rows
        for index, values in enumerate(everything):
            cells = table.add_row().cells
            for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
                cell.width = Mm(widths_mm[column])
                first = cell.paragraphs[0]
                for number, line in enumerate(value.splitlines() or [""]):
                    paragraph = first if number == 0 else cell.add_paragraph()
                    paragraph.paragraph_format.space_after = 0
                    run = paragraph.add_run(line)
                    if header and index == 0:
                        run.bold = True
                    if column in numbers:
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if header and index == 0:
                    _shade(cell)
        return table

    def section(self, key: str) -> None:
        """The section's Heading 1 and its body, or 「（記録がありません）」 when nothing was recorded."""
        meeting = self.report.meeting
        builders = {
            "overview": self._overview,
            "program": self._program,
            "lecture": lambda: self.lines(meeting.lecture_summary),
            "opinions": self._opinions,
            "survey": self._survey,
            "next": lambda: self.lines(meeting.next_plans),
        }
        self.document.add_heading(self.report.section_titles.get(key, key), level=1)
        if not builders[key]():
            self.paragraph(words.NO_RECORD)

    def _overview(self) -> bool:
        report = self.report
        table = self.table(None, words.overview_rows(report), (32, 142))
        for row in table.rows:
            _shade(row.cells[0])
            for run in row.cells[0].paragraphs[0].runs:
                run.bold = True
        if report.counts.attending:
            self.document.add_heading("所属区分別の参加者数", level=2)
            counts = self.table(words.ATTENDANCE_HEADERS, words.attendance_rows(report.counts), (60, 24), (1,))
            for cell in counts.rows[-1].cells:  # 合計
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            self.document.add_heading(words.attendee_label(report), level=2)
            self.paragraph(words.attendee_text(report))
        return True

    def _program(self) -> bool:
        rows = [(item.at, item.item, item.speaker) for item in self.report.program]
        if rows:
            self.table(("時刻", "項目", "講師・話題提供者"), rows, (18, 96, 60))
        return bool(rows)

    def _opinions(self) -> bool:
        written = self.lines(self.report.meeting.opinions)
        notes = [(f"グループ{n}", text) for n, text in sorted(self.report.group_notes.items()) if text.strip()]
        if notes:
            self.document.add_heading("グループごとの主な意見", level=2)
            self.table(("グループ", "主な意見"), notes, (28, 146))
        return written or bool(notes)

    def _survey(self) -> bool:
        survey = self.report.survey
        if not survey.respondents:
            return False
        self.paragraph(words.survey_line(survey), bold=True)
        for number, result in enumerate(survey.questions, 1):
            head, detail, answered = words.question_heading(number, result)
            self.document.add_heading(head, level=2)
            self.paragraph("　".join(part for part in (detail, answered) if part))
            if result.question.kind in (SCALE, CHOICE):
                self.table(words.CHOICE_HEADERS, words.choice_rows(result), (70, 22, 22), (1, 2))
            elif result.texts:
                for text in result.texts:
                    self.document.add_paragraph(f"「{text}」", style="List Bullet")
            else:
                self.paragraph("（回答なし）")
        return True


def write_report_docx(report: MeetingReport, path: Path, *, progress: Progress = SILENT) -> Path:
    """Writes the 開催レポート as ``path`` (.docx; the folder must exist), through a temporary file."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    progress.begin("Wordの文書を作っています", len(REPORT_SECTIONS))
    document = Document()
    _prepare(document)
    office = "　".join(part for part in (report.municipality, report.department) if part)
    kicker = document.add_paragraph()
    kicker.add_run(f"{words.REPORT_TITLE}　{office}".rstrip("　")).bold = True
    document.add_paragraph(report.meeting.title, style="Title")
    writer = _Writer(document, report)
    for key in REPORT_SECTIONS:
        if report.wants(key):
            writer.section(key)
        progress.step()
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{report.municipality}　{words.REPORT_TITLE}　".lstrip("　"))
    _field(footer, "PAGE")
    footer.add_run(" / ")
    _field(footer, "NUMPAGES")
    properties = document.core_properties
    properties.title = f"{words.REPORT_TITLE}（{report.meeting.title}）"
    properties.author = report.municipality
    properties.subject = report.meeting.kind
    return write_atomically(Path(path), lambda temporary: document.save(str(temporary)))

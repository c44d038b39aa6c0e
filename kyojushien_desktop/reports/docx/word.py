"""One way to make an editable Word report: A4, black only, BIZ UDPゴシック for the East Asian text
(w:eastAsia) with 游ゴシック named as its alternative in the font table for a PC that lacks it, real
Heading paragraphs (Word's navigation pane and table of contents see them), real tables with a
shaded header row, and 「x / y」 page numbers as fields Word fills in.

python-docx is imported inside the functions, so importing this module costs nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kyojushien_desktop.reports.files import write_atomically
from kyojushien_desktop.reports.pdf.fonts import FAMILY

FALLBACK = "游ゴシック"
LABEL_FILL = "E0E0E0"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Sizes in points: body, Heading 1, Heading 2, Title.
SIZES = {"Normal": 10.5, "Heading 1": 13, "Heading 2": 11, "Title": 16}
_FONT_ENTRY = (
    f'<w:font xmlns:w="{_W}" w:name="{FAMILY}"><w:altName w:val="{FALLBACK}"/>'
    '<w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="variable"/></w:font>'
)


def set_fonts(element: Any) -> None:
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


def new_document() -> Any:
    """A blank document made ready by ``prepare``."""
    from docx import Document

    document = Document()
    prepare(document)
    return document


def prepare(document: Any) -> None:
    """A4 with 18 mm margins, Japanese defaults, black headings without the template's blue."""
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(defaults)
    language = defaults.find(qn("w:lang"))
    if language is not None:
        language.set(qn("w:val"), "ja-JP")
        language.set(qn("w:eastAsia"), "ja-JP")
    for name, size in SIZES.items():
        style = document.styles[name]
        set_fonts(style.element.get_or_add_rPr())
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


def field(paragraph: Any, code: str) -> None:
    """A PAGE or NUMPAGES field, which Word fills in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:fldSimple")
    element.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    element.append(run)
    paragraph._p.append(element)


def shade(cell: Any) -> None:
    """The light grey of a label or header cell (still clear on a monochrome printer)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), LABEL_FILL)
    cell._tc.get_or_add_tcPr().append(shading)


def repeat_header(row: Any) -> None:
    """Marks a table's first row to be repeated at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def add_table(
    document: Any,
    header: tuple[str, ...] | None,
    rows: list[tuple[str, ...]],
    widths_mm: tuple[float, ...],
    numbers: tuple[int, ...] = (),
    size_pt: float | None = None,
) -> Any:
    """A real Word table (Table Grid), the header row shaded, bold and repeated on each page, the
    ``numbers`` columns right-aligned, its text in ``size_pt`` when given (the body size if not);
    a value's line breaks become paragraphs of its cell."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    table = document.add_table(rows=0, cols=len(widths_mm))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)  # the grid, which LibreOffice goes by
    everything = ([header] if header else []) + rows
    for index, values in enumerate(everything):
        row = table.add_row()
        for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Mm(widths_mm[column])
            first = cell.paragraphs[0]
            for number, line in enumerate(value.splitlines() or [""]):
                paragraph = first if number == 0 else cell.add_paragraph()
                paragraph.paragraph_format.space_after = 0
                run = paragraph.add_run(line)
                if size_pt is not None:
                    run.font.size = Pt(size_pt)
                if header and index == 0:
                    run.bold = True
                if column in numbers:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if header and index == 0:
                shade(cell)
        if header and index == 0:
            repeat_header(row)
    return table


def page_footer(document: Any, text: str) -> None:
    """「{text}x / y」 centred at the foot of every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(text)
    field(footer, "PAGE")
    footer.add_run(" / ")
    field(footer, "NUMPAGES")


def save(document: Any, path: Path) -> Path:
    """Saved as ``path`` through a temporary file, so a failed save leaves no half document."""
    return write_atomically(Path(path), lambda temporary: document.save(str(temporary)))

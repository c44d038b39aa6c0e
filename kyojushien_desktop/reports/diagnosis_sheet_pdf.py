"""The 目線合わせのための取組み診断シート (A4 portrait) to fill in by hand: the header fields, the
21 items by phase with five empty boxes each, the free answer box and the three steps of p38.

Black and greys only; the boxes print empty (a rating already typed in is printed beside the
boxes as 「入力済み」, never as a filled box that could not be corrected on paper).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from kyojushien_desktop.content.diagnosis import DiagnosisSheet
from kyojushien_desktop.domain.diagnosis import Respondent
from kyojushien_desktop.reports.diagnosis_sheet_xlsx import header_values
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck
from kyojushien_desktop.reports.pdf.document import MM, Layout, Page, build_pdf
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.forms import BOX
from kyojushien_desktop.reports.pdf.styles import DARK_GREY, GREY, style, table_style

LAYOUT = Layout(side_mm=14, top_mm=12, bottom_mm=15)
FREE_BOX_MM = 34


class _Styles:
    def __init__(self) -> None:
        self.title = style("title", 15, 19, bold=True)
        self.subtitle = style("subtitle", 11, 15, bold=True)
        self.round = style("round", 9, 12, alignment=2, colour=GREY)
        self.label = style("label", 8.5, 11, bold=True, alignment=1)
        self.value = style("value", 10, 13, alignment=1)
        self.note = style("note", 8.5, 11.5, colour=DARK_GREY)
        self.phase = style("phase", 9, 12, bold=True)
        self.item = style("item", 8.5, 11)
        self.number = style("number", 8.5, 11, keep_whole=True)
        self.page = style("page", 7.5, 9.5, colour=GREY)
        self.head = style("head", 8, 10, bold=True, alignment=1)
        self.box = style("box", 13, 14, alignment=1)
        self.step = style("step", 8.5, 11.5)


def _header(sheet: DiagnosisSheet, values: dict[str, str], styles: _Styles, check: CharacterCheck) -> list[Any]:
    width = LAYOUT.width
    labels = list(sheet.header_fields)
    shares = {"市町村名": 0.2, "部門名": 0.22, "部局": 0.18, "氏名": 0.22, "役職": 0.18}
    widths = [width * shares.get(label, 1 / len(labels)) for label in labels]
    table = Table(
        [
            [Paragraph(label, styles.label) for label in labels],
            [Paragraph(check.markup(values.get(label, ""), label), styles.value) for label in labels],
        ],
        colWidths=widths,
        rowHeights=[6 * MM, 10 * MM],
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.9, "black"),
            ("INNERGRID", (0, 0), (-1, -1), 0.5, "#777777"),
            ("BACKGROUND", (0, 0), (-1, 0), "#E6E6E6"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ),
    )
    return [table, Spacer(0, 2.5 * MM)]


def _items(sheet: DiagnosisSheet, person: Respondent | None, styles: _Styles) -> list[Any]:
    width = LAYOUT.width
    box_w, page_w, id_w = 8.5 * MM, 25 * MM, 11 * MM
    text_w = width - id_w - 5 * box_w - page_w
    scale = sorted(sheet.scale, key=lambda p: -p.value)
    rows: list[list[Any]] = [
        [Paragraph("番号", styles.head), Paragraph("項目（到達の目安）", styles.head)]
        + [Paragraph(str(p.value), styles.head) for p in scale]
        + [Paragraph("主たる解説ページ", styles.head)]
    ]
    commands: list[tuple[Any, ...]] = [
        ("BOX", (0, 0), (-1, -1), 0.9, "black"),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, "#888888"),
        ("BACKGROUND", (0, 0), (-1, 0), "#E6E6E6"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    scores = person.scores if person else {}
    for phase in sheet.phases:
        commands += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), "#F2F2F2"),
        ]
        rows.append([Paragraph(f"フェーズ{phase.number}　{phase.title}（{phase.main_page}）", styles.phase)])
        for item in sheet.items_for(phase.number):
            given = scores.get(item.id)
            boxes = [Paragraph(BOX, styles.box) for _ in scale]
            pages = "、".join(item.pages) + (f"<br/>入力済み: {given}" if given else "")
            rows.append([Paragraph(item.id, styles.number), Paragraph(item.text, styles.item), *boxes])
            rows[-1].append(Paragraph(pages, styles.page))
    scale_note = "　".join(f"{p.value}＝{p.label}" for p in scale)
    legend = Paragraph(f"{sheet.instruction}<br/>評価: {scale_note}（あてはまる数字の□に✓）", styles.note)
    table = Table(rows, colWidths=[id_w, text_w, *([box_w] * 5), page_w], repeatRows=1, style=table_style(*commands))
    return [legend, Spacer(0, 1.5 * MM), table, Spacer(0, 3 * MM)]


def _free_box(sheet: DiagnosisSheet, person: Respondent | None, styles: _Styles, check: CharacterCheck) -> Any:
    text = check.markup(person.free_answer, "自由回答") if person and person.free_answer else ""
    table = Table(
        [[Paragraph(sheet.free_answer_label, styles.phase)], [Paragraph(text, styles.item)]],
        colWidths=[LAYOUT.width],
        rowHeights=[None, FREE_BOX_MM * MM],
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.9, "black"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, "#777777"),
            ("BACKGROUND", (0, 0), (-1, 0), "#E6E6E6"),
            ("VALIGN", (0, 1), (-1, 1), "TOP"),
        ),
    )
    return KeepTogether([table, Spacer(0, 3 * MM)])


def _steps(sheet: DiagnosisSheet, styles: _Styles) -> Any:
    marks = "①②③④⑤"
    cells: list[Any] = []
    for index, step in enumerate(sheet.steps):
        if index:
            cells.append(Paragraph("→", styles.box))
        cells.append(Paragraph(f"{marks[index]} {step}", styles.step))
    arrow = 7 * MM
    count = len(sheet.steps)
    step_w = (LAYOUT.width - arrow * (count - 1)) / count
    widths = [arrow if i % 2 else step_w for i in range(len(cells))]
    boxes = [("BOX", (i, 0), (i, 0), 0.7, "black") for i in range(0, len(cells), 2)]
    table = Table([cells], colWidths=widths, style=table_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *boxes))
    return KeepTogether(
        [
            Paragraph("診断シートの進め方（手引き p38）", styles.phase),
            Spacer(0, 1.5 * MM),
            table,
            Spacer(0, 1.5 * MM),
            Paragraph(sheet.steps_note, styles.note),
        ]
    )


def write_sheet_pdf(
    sheet: DiagnosisSheet,
    path: Path,
    *,
    municipality: str,
    person: Respondent | None,
    round_name: str,
    replace_unsupported: bool = False,
    progress: Progress = SILENT,
) -> Path:
    """Writes one sheet (a respondent's, or blank) as an A4 PDF; characters the font cannot draw
    raise ``UnsupportedCharactersError`` first unless ``replace_unsupported``."""
    fonts = register_fonts()
    styles = _Styles()
    check = CharacterCheck(replace=replace_unsupported)
    values = header_values(municipality, person)
    title = Table(
        [
            [
                [Paragraph(sheet.title, styles.title), Paragraph(sheet.subtitle, styles.subtitle)],
                Paragraph(check.markup(round_name, "実施回"), styles.round),
            ]
        ],
        colWidths=[LAYOUT.width * 0.65, LAYOUT.width * 0.35],
        style=table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ),
    )
    story: list[Any] = [title, Spacer(0, 2 * MM), *_header(sheet, values, styles, check)]
    story += _items(sheet, person, styles)
    story += [_free_box(sheet, person, styles, check), _steps(sheet, styles)]
    town = check.plain(municipality, "市町村名")
    owner = check.plain(person.name if person else "", "氏名")
    check.raise_if_unsupported()
    page_width = LAYOUT.size[0]

    def decorate(canvas: Any, page: Page) -> None:
        canvas.setFont(fonts.regular, 8)
        footer = "　".join(part for part in (town, sheet.title, owner) if part)
        canvas.drawCentredString(page_width / 2, 8 * MM, f"{footer}　{page.number} / {page.count}")

    return build_pdf(
        path,
        story,
        layout=LAYOUT,
        decorate=decorate,
        progress=progress,
        create_folder=True,
        title=f"{sheet.title}（{owner}）" if owner else sheet.title,
        author=town,
        subject=check.plain(round_name, "実施回"),
    )

"""ヒアリングシート (A4 portrait) to take on a visit and write on by hand.

One PDF holds one sheet or a batch (one per planned visit); page numbers restart for every sheet
(「1 / 2」) so each can be handed out on its own. Only black, greys and the bundled IPAexゴシック
are used, so it prints well on any office monochrome printer. reportlab is imported inside the
functions: the GUI starts without it, and the ``sheet`` command stays quick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.hearing import NO, YES, Question, SheetData
from kyojushien_desktop.reports.files import write_atomically

__all__ = ["SheetData", "write_hearing_sheets_pdf"]

TITLE = "ヒアリングシート"
BOX, TICKED = "□", "■"  # the font has no ☐/☑; □/■ is how Japanese forms mark a choice
LINE_PITCH_MM = 8.5
FREE_AREA_LINES = 6
FRAME_PADDING = 6  # reportlab's frame keeps 6 pt inside each margin
NBSP_EM = 0.27  # width of a no-break space in IPAexゴシック, in em


def _mm(value: float) -> float:
    return value * 72 / 25.4


def _text(value: str) -> str:
    """Markup-safe text with line breaks kept."""
    return escape(value).replace("\n", "<br/>")


class _Styles:
    """Paragraph styles, built once per export (CJK wrapping so 禁則 is respected)."""

    def __init__(self, font: str) -> None:
        from reportlab.lib.colors import Color
        from reportlab.lib.styles import ParagraphStyle

        grey = Color(0.35, 0.35, 0.35)

        def style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **extra)

        self.title = style("title", 17, 22)
        self.bank = style("bank", 9, 12, alignment=2, textColor=grey)
        self.targets = style("targets", 8.5, 12, textColor=grey)
        self.label = style("label", 9.5, 12)
        self.value = style("value", 10.5, 14)
        self.hint = style("hint", 8, 10, textColor=grey)
        self.box_head = style("box_head", 9, 12)
        self.tip_title = style("tip_title", 8.5, 11)
        self.tip_body = style("tip_body", 8, 10.8, textColor=Color(0.15, 0.15, 0.15))
        self.check = style("check", 9, 13.5)
        self.section = style("section", 11.5, 15)
        self.question = style("question", 10.5, 14.5, leftIndent=_mm(8), bulletIndent=0, bulletFontName=font)
        self.control = style("control", 10.5, 15, leftIndent=_mm(8))


class _Rules:
    """Factory for the ruled answer lines (a Flowable subclass made lazily, with reportlab)."""

    cls: Any = None

    @classmethod
    def make(cls, count: int, width: float, indent: float) -> Any:
        if cls.cls is None:
            from reportlab.platypus import Flowable

            class Rules(Flowable):
                """``count`` light lines to write on, one every LINE_PITCH_MM."""

                def __init__(self, count: int, width: float, indent: float) -> None:
                    super().__init__()
                    self.count, self.full_width, self.indent = count, width, indent
                    self.pitch = _mm(LINE_PITCH_MM)

                def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
                    self.full_width = min(self.full_width, available_width)
                    return self.full_width, self.count * self.pitch

                def draw(self) -> None:
                    canvas = self.canv
                    canvas.saveState()
                    canvas.setStrokeGray(0.55)
                    canvas.setLineWidth(0.5)
                    canvas.setDash(1, 1.5)
                    for index in range(1, self.count + 1):
                        y = self.count * self.pitch - index * self.pitch + 1
                        canvas.line(self.indent, y, self.full_width, y)
                    canvas.restoreState()

            cls.cls = Rules
        return cls.cls(count, width, indent)


class _NumberBox:
    """Factory for the 数値 answer: a short box, then a place for the unit."""

    cls: Any = None

    @classmethod
    def make(cls, font: str, indent: float) -> Any:
        if cls.cls is None:
            from reportlab.platypus import Flowable

            class NumberBox(Flowable):
                def __init__(self, font: str, indent: float) -> None:
                    super().__init__()
                    self.font, self.indent = font, indent

                def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
                    return available_width, _mm(11)

                def draw(self) -> None:
                    canvas = self.canv
                    canvas.saveState()
                    canvas.setLineWidth(0.8)
                    canvas.rect(self.indent, _mm(1.5), _mm(42), _mm(8.5))
                    x = self.indent + _mm(46)
                    canvas.setFont(self.font, 9)
                    canvas.setFillGray(0.35)
                    canvas.drawString(x, _mm(3.2), "単位")
                    canvas.setStrokeGray(0.55)
                    canvas.setLineWidth(0.5)
                    canvas.line(x + _mm(8), _mm(2.5), x + _mm(30), _mm(2.5))
                    canvas.restoreState()

            cls.cls = NumberBox
        return cls.cls(font, indent)


def _blank(em: float) -> str:
    """Room to write by hand inside a line: no-break spaces (a paragraph collapses ordinary and
    full-width spaces), about ``em`` characters wide."""
    return "\u00a0" * max(1, round(em / NBSP_EM))


def _checks(options: tuple[str, ...] | list[str], ticked: tuple[str, ...] = ()) -> str:
    return _blank(2).join(f"{TICKED if o in ticked else BOX} {_text(o)}" for o in options)


def _header(sheet: SheetData, styles: _Styles, width: float) -> list[Any]:
    """Title line and the 団体名 / 日時 / 場所 / 目的 / 訪問者・先方 table. What is not known yet
    (everything, on a blank sheet) is left as room to write in."""
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    font = styles.value.fontName
    title = Table(
        [[Paragraph(TITLE, styles.title), Paragraph(f"質問バンク: {_text(sheet.bank_name)}", styles.bank)]],
        colWidths=[width * 0.4, width * 0.6],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    flow: list[Any] = [title]
    if sheet.blank and sheet.targets:
        flow.append(Paragraph("ヒアリング先: " + _text("／".join(sheet.targets)), styles.targets))
    flow.append(Spacer(0, _mm(2.5)))

    def cell(text: str, room: float = 7) -> Any:
        return Paragraph(text, styles.value) if text else Spacer(0, _mm(room))

    if sheet.scheduled_at is not None:
        when = cell(wareki.format_datetime(sheet.scheduled_at) + "～")
    else:
        era = wareki.era_year(dt.date.today())[0]
        gap, short = _blank(2.5), _blank(1.5)
        when = cell(f"{era}{gap}年{gap}月{gap}日（{short}）{gap}時{gap}分～")
    if sheet.visitors or sheet.companions:
        ours = _text(sheet.visitors)
        if sheet.companions:
            ours += ("<br/>" if ours else "") + f"同行: {_text(sheet.companions)}"
        visitors: Any = cell(ours)
    else:
        visitors = [
            Paragraph("当方", styles.hint),
            Spacer(0, _mm(3.5)),
            Paragraph("同行", styles.hint),
            Spacer(0, _mm(1)),
        ]
    label_width = _mm(17)
    half = (width - 2 * label_width) / 2

    def label(text: str) -> Any:
        return Paragraph(text, styles.label)

    rows = [
        [label("団体名"), cell(_text(sheet.organization_name)), "", ""],
        [label("日時"), when, "", ""],
        [label("場所"), cell(_text(sheet.place)), "", ""],
        [label("目的"), cell(_text(sheet.purpose)), "", ""],
        [label("訪問者"), visitors, label("先方"), cell(_text("、".join(sheet.people)), 12)],
    ]
    table = Table(
        rows,
        colWidths=[label_width, half, label_width, half],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font),
                ("SPAN", (1, 0), (3, 0)),
                ("SPAN", (1, 1), (3, 1)),
                ("SPAN", (1, 2), (3, 2)),
                ("SPAN", (1, 3), (3, 3)),
                ("BOX", (0, 0), (-1, -1), 0.9, "black"),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, "#777777"),
                ("BACKGROUND", (0, 0), (0, -1), "#E6E6E6"),
                ("BACKGROUND", (2, 4), (2, 4), "#E6E6E6"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        ),
    )
    return [*flow, table, Spacer(0, _mm(3))]


def _tips_box(sheet: SheetData, styles: _Styles, width: float) -> list[Any]:
    """The two ヒアリングのコツ beside the お土産 checklist and 担当課の考え方を伝えた □."""
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    tips: list[Any] = []
    for title, body in sheet.tips:
        tips += [Paragraph(_text(title), styles.tip_title), Paragraph(_text(body), styles.tip_body), Spacer(0, _mm(1))]
    other = f"その他（{_text(sheet.souvenir_other) if sheet.souvenir_other else _blank(11)}）"
    other_mark = TICKED if sheet.souvenir_other else BOX
    checks: list[Any] = [
        Paragraph(f"{TICKED if s in sheet.souvenirs else BOX} {_text(s)}", styles.check) for s in sheet.souvenir_options
    ]
    checks.append(Paragraph(f"{other_mark} {other}", styles.check))
    policy = [Paragraph(f"{TICKED if sheet.policy_conveyed else BOX} 担当課の考え方を伝えた", styles.check)]
    left = width * 0.6
    table = Table(
        [
            [
                Paragraph("ヒアリングのコツ", styles.box_head),
                Paragraph("情報のお土産（渡したものに✓）", styles.box_head),
            ],
            [tips, checks],
            ["", policy],
        ],
        colWidths=[left, width - left],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.value.fontName),
                ("SPAN", (0, 1), (0, 2)),
                ("BOX", (0, 0), (-1, -1), 0.9, "black"),
                ("LINEAFTER", (0, 0), (0, -1), 0.5, "#777777"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, "#777777"),
                ("LINEABOVE", (1, 2), (1, 2), 0.5, "#777777"),
                ("BACKGROUND", (0, 0), (-1, 0), "#E6E6E6"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )
    return [table, Spacer(0, _mm(4))]


def _question(number: int, question: Question, styles: _Styles, width: float, font: str) -> Any:
    """The numbered question with its answer space, kept on one page."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    indent = _mm(8)
    parts: list[Any] = [Paragraph(_text(question.text), styles.question, bulletText=f"{number}.")]
    extra_lines = question.lines
    if question.answer_type == "number":
        parts.append(_NumberBox.make(font, indent))
        extra_lines -= 1
    elif question.answer_type in ("yesno", "choice"):
        options = (YES, NO) if question.answer_type == "yesno" else question.choices
        parts += [Spacer(0, _mm(1)), Paragraph(_checks(options), styles.control)]
        extra_lines -= 1
    if extra_lines > 0:
        parts.append(_Rules.make(extra_lines, width, indent))
    parts.append(Spacer(0, _mm(3)))
    return KeepTogether(parts)


def _free_area(styles: _Styles, width: float) -> Any:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    return KeepTogether(
        [
            Spacer(0, _mm(1)),
            Paragraph("自由記述（気づいたこと・得意なこと・困りごと・次の対応など）", styles.section),
            Spacer(0, _mm(1)),
            _Rules.make(FREE_AREA_LINES, width, 0),
        ]
    )


def _sheet_flowables(sheet: SheetData, styles: _Styles, width: float, font: str) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    flow = [*_header(sheet, styles, width), *_tips_box(sheet, styles, width)]
    flow += [Paragraph("質問", styles.section), Spacer(0, _mm(2))]
    flow += [_question(n, q, styles, width, font) for n, q in enumerate(sheet.questions, 1)]
    flow.append(_free_area(styles, width))
    return flow


def section_marker() -> Any:
    """A zero-size flowable marking where a section (a sheet) begins, for per-section page numbers."""
    from reportlab.platypus import Spacer

    marker = Spacer(0, 0)
    marker.section_start = True  # type: ignore[attr-defined]
    return marker


def build_numbered_pdf(
    path: Path,
    story: list[Any],
    *,
    decorate: Callable[[Any, int, int, int], None],
    margins_mm: tuple[float, float, float] = (16, 14, 17),
    **info: str,
) -> Path:
    """Lays ``story`` out on A4 portrait and calls ``decorate(canvas, section, page, pages)`` on
    every page once the whole document is known, so a footer can say 「x / y」 per section
    (sections begin at ``section_marker()``; without one the whole file is one section). Written
    beside ``path`` and swapped in, so a failed export never leaves half a file."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    from kyojushien_desktop.reports.pdf.fonts import register_japanese_font

    font = register_japanese_font()
    starts: list[int] = []

    class Document(SimpleDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:
            if getattr(flowable, "section_start", False):
                starts.append(self.page)

    class NumberedCanvas(Canvas):
        """Holds pages back until the end so each footer can say how many pages its section has."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            firsts = starts or [1]
            for state in self._held:
                self.__dict__.update(state)
                page = self._pageNumber
                section = max(i for i, first in enumerate(firsts) if first <= page)
                last = firsts[section + 1] - 1 if section + 1 < len(firsts) else total
                self.saveState()
                decorate(self, section, page - firsts[section] + 1, last - firsts[section] + 1)
                self.restoreState()
                super().showPage()
            super().save()

    side, top, bottom = (_mm(m) for m in margins_mm)

    def write(temporary: Path) -> None:
        document = Document(
            str(temporary),
            pagesize=A4,
            leftMargin=side,
            rightMargin=side,
            topMargin=top,
            bottomMargin=bottom,
            creator="居住支援デスク",
            initialFontName=font,  # no unembedded Helvetica left in the file
            **info,
        )
        document.build(story, canvasmaker=NumberedCanvas)

    return write_atomically(path, write, create_folder=True)


def write_hearing_sheets_pdf(sheets: list[SheetData], path: Path, *, municipality: str) -> Path:
    """Writes the sheets to ``path`` as one A4 PDF, each sheet starting on a new page with its
    own page count in the footer 「{自治体名}　ヒアリングシート　x / y」. Returns ``path``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak

    from kyojushien_desktop.reports.pdf.fonts import register_japanese_font

    if not sheets:
        raise ValueError("no sheets to write")
    font = register_japanese_font()
    styles = _Styles(font)
    page_width, page_height = A4
    width = page_width - 2 * _mm(16) - 2 * FRAME_PADDING

    def decorate(canvas: Any, section: int, page: int, pages: int) -> None:
        canvas.setFont(font, 8.5)
        canvas.drawCentredString(page_width / 2, _mm(9), f"{municipality}　{TITLE}　{page} / {pages}".lstrip("　"))
        if page > 1:  # a loose page still says whose sheet it is
            canvas.setFont(font, 8)
            canvas.setFillGray(0.35)
            canvas.drawString(_mm(16), page_height - _mm(9), f"{sheets[section].organization_name or TITLE}（続き）")

    story: list[Any] = []
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story.append(section_marker())
        story += _sheet_flowables(sheet, styles, width, font)
    titles = [s.organization_name for s in sheets if s.organization_name]
    title = f"{TITLE}（{'、'.join(titles[:3])}{' ほか' if len(titles) > 3 else ''}）" if titles else TITLE
    return build_numbered_pdf(
        path, story, decorate=decorate, title=title, author=municipality, subject=sheets[0].bank_name
    )

"""The papers handed out on the day: the blank アンケート用紙 (one A4 page a copy, filled in by
hand and typed in afterwards by its 回答票番号) and the 受付名簿 with the グループ表.

Both print in black and greys, with empty □ boxes to tick with a pen and room to write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table

from kyojushien_desktop.domain.meeting_report import Roster, SurveyForm
from kyojushien_desktop.domain.meetings import ABSENT, CHOICE, SCALE, Meeting, Participant
from kyojushien_desktop.reports import meeting_text as words
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck, record
from kyojushien_desktop.reports.pdf.document import MM, Layout, Page, build_pdf, section_start
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.forms import BOX, LINE_PITCH_MM, RuledLines, check_box
from kyojushien_desktop.reports.pdf.styles import GREY, keep_whole, style, table_style

SURVEY_TITLE = "参加者アンケート"
ROSTER_TITLE = "受付名簿"
GROUPS_TITLE = "グループ表"
NUMBER_LABEL = "回答票番号（事務局記入）"
REQUEST = (
    "本日はご参加いただき、ありがとうございました。今後の会をよりよくするため、アンケートへのご協力を"
    "お願いします。あてはまるものの□に✓を付けてください。"
)
THANKS = "ご協力ありがとうございました。"
ROSTER_HEADERS = ("番号", "所属（団体名）", "氏名", "区分", "参加方法", "受付")
# 番号, 区分, 参加方法 and 受付 fixed (points); 所属 and 氏名 share the rest.
ROSTER_FIXED = (12 * MM, 32 * MM, 21 * MM, 13 * MM)
ROW_HEIGHT = 8.5 * MM  # room to write a walk-in's name by hand
MIN_BLANK_ROWS = 5  # when fewer are left on the last page, ten more go on a new one
FREE_LINES = (2, 6)  # fewest and most ruled lines a free question gets
LAYOUT = Layout(side_mm=16, top_mm=13, bottom_mm=16)
LABEL_GREY, RULE_GREY = Color(0.88, 0.88, 0.88), Color(0.55, 0.55, 0.55)
_PLAIN = (
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
)


class _Styles:
    def __init__(self) -> None:
        self.title = style("title", 17, 22, bold=True)
        self.meeting = style("meeting", 11, 15, bold=True)
        self.when = style("when", 9.5, 13, colour=GREY)
        self.request = style("request", 9.5, 14)
        self.question = style("question", 10.5, 14.5, bold=True, leftIndent=8 * MM, firstLineIndent=-8 * MM)
        self.choice = style("choice", 10, 14)
        self.scale = style("scale", 9, 12.5, alignment=1)
        self.box_label = style("box_label", 7.5, 9, colour=GREY)
        self.thanks = style("thanks", 9.5, 13, alignment=2)
        self.head = style("head", 8.5, 11, bold=True)
        self.cell = style("cell", 9, 11.5)
        self.cell_whole = keep_whole(self.cell)
        self.centre = style("centre", 9, 11.5, alignment=1)
        self.tick = style("tick", 15, 16, alignment=1)
        self.group = style("group", 10, 13, bold=True)
        self.note = style("note", 8.5, 11.5, colour=GREY)


def _header(title: str, meeting: Meeting, text: Any, styles: _Styles, right: Any = "") -> list[Any]:
    """The paper's name, the meeting's 題名 and 日時・場所, and (on the form) the number box."""
    width = LAYOUT.width
    left = [
        Paragraph(title, styles.title),
        Spacer(0, 1.5 * MM),
        Paragraph(text(meeting.title, "題名"), styles.meeting),
        Paragraph(words.when_text(meeting), styles.when),
    ]
    place = words.place_text(meeting)
    if place:
        left.append(Paragraph(text(place, "場所"), styles.when))
    table = Table(
        [[left, right]],
        colWidths=[width - 42 * MM, 42 * MM],
        style=table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT"), *_PLAIN),
    )
    return [table, Spacer(0, 4 * MM)]


def _number_box(styles: _Styles) -> Any:
    """An empty 回答票番号 box: whoever types the forms in numbers each one here first."""
    box = Table(
        [[Paragraph(NUMBER_LABEL, styles.box_label)], [""]],
        colWidths=[34 * MM],
        rowHeights=[4.5 * MM, 10 * MM],
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.9, "black"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE_GREY),
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_GREY),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ),
    )
    box.hAlign = "RIGHT"
    return box


def _choices(labels: list[str], per_row: int, styles: _Styles, *, scale: bool = False) -> Any:
    """Check boxes in even columns, ``per_row`` to a row, indented under the question. A scale's
    five are a row of boxes with each label centred under its box, as a 5段階 reads."""
    indent = 8 * MM
    if not labels:
        return Spacer(0, 0)
    if scale:
        cells = [Paragraph(f'<font size="14">{BOX}</font><br/>{label}', styles.scale) for label in labels]
    else:
        cells = [Paragraph(check_box(label), styles.choice) for label in labels]
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    column = (LAYOUT.width - indent) / per_row
    return Table(
        [["", *row] for row in rows],
        colWidths=[indent, *[column] * per_row],
        style=table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), *_PLAIN, ("BOTTOMPADDING", (0, 0), (-1, -1), 3)),
    )


def _survey_page(form: SurveyForm, styles: _Styles, check: CharacterCheck) -> list[Any]:
    """One copy: the header, the request, then each question with its boxes or ruled lines. The
    free questions share what room is left, so a usual set of questions fits one page."""

    def text(value: str, field: str) -> str:
        return check.markup(value, record(form.meeting.title, field))

    fixed: list[Any] = _header(SURVEY_TITLE, form.meeting, text, styles, _number_box(styles))
    fixed += [Paragraph(REQUEST, styles.request), Spacer(0, 5 * MM)]
    blocks: list[list[Any]] = []
    free: list[int] = []
    for number, question in enumerate(form.questions, 1):
        block: list[Any] = [Paragraph(f"問{number}　{text(question.text, f'問{number}')}", styles.question)]
        labels = [text(choice, f"問{number}の選択肢") for choice in question.choices]
        if question.kind == SCALE:
            block += [Spacer(0, 1.5 * MM), _choices(labels, len(labels), styles, scale=True)]
        elif question.kind == CHOICE:
            block += [Spacer(0, 1.5 * MM), _choices(labels, 3, styles)]
        else:
            free.append(len(blocks))
        blocks.append(block)
    thanks = [Spacer(0, 2 * MM), Paragraph(THANKS, styles.thanks)]
    used = sum(_height(f) for f in fixed + thanks) + sum(_height(f) for b in blocks for f in b)
    used += len(blocks) * 4 * MM
    pitch = LINE_PITCH_MM * MM
    room = (LAYOUT.height - used - 6) / pitch / max(1, len(free))
    lines = max(FREE_LINES[0], min(FREE_LINES[1], int(room)))
    for index in free:
        blocks[index].append(RuledLines(lines, LAYOUT.width, 8 * MM))
    story = fixed
    for block in blocks:
        story += [*block, Spacer(0, 4 * MM)]
    return story + thanks


def _height(flowable: Any) -> float:
    return flowable.wrap(LAYOUT.width, LAYOUT.height)[1]


def write_survey_form_pdf(
    form: SurveyForm,
    path: Path,
    *,
    copies: int = 1,
    replace_unsupported: bool = False,
    progress: Progress = SILENT,
) -> Path:
    """``copies`` of the blank form, each starting on a new page (the folder must exist)."""
    if copies < 1:
        raise ValueError("copies must be at least 1")
    styles = _Styles()
    check = CharacterCheck(replace=replace_unsupported)
    story: list[Any] = []
    for copy in range(copies):
        if copy:
            story.append(PageBreak())
        story.append(section_start())
        story += _survey_page(form, styles, check)
    town = check.plain(form.municipality, "自治体名")
    check.raise_if_unsupported()
    title = f"{SURVEY_TITLE}（{check.plain(form.meeting.title)}）"
    return _build(path, story, [f"{town}　{SURVEY_TITLE}".lstrip("　")], title, town, progress)


def _build(path: Path, story: list[Any], footers: list[str], title: str, town: str, progress: Progress) -> Path:
    """Lays the pages out with the footer of each section; 「x / y」 only when a section runs longer
    than one page."""
    page_width = LAYOUT.size[0]
    fonts = register_fonts()

    def decorate(canvas: Any, page: Page) -> None:
        canvas.setFont(fonts.regular, 8.5)
        footer = footers[min(page.section, len(footers) - 1)]
        if page.count > 1:
            footer += f"　{page.number} / {page.count}"
        canvas.drawCentredString(page_width / 2, 9 * MM, footer)

    return build_pdf(
        path,
        story,
        layout=LAYOUT,
        decorate=decorate,
        progress=progress,
        title=title,
        author=town,
    )


# --- 受付名簿 and グループ表 ------------------------------------------------------------------------


def _roster_rows(people: list[Participant], styles: _Styles, check: CharacterCheck) -> list[list[Any]]:
    rows: list[list[Any]] = [[Paragraph(h, styles.head) for h in ROSTER_HEADERS]]
    for number, person in enumerate(people, 1):
        where = record(person.name or person.affiliation, "")
        rows.append(
            [
                Paragraph(str(number), styles.centre),
                Paragraph(check.markup(person.affiliation, f"{where}所属"), styles.cell),
                Paragraph(check.markup(person.name, f"{where}氏名"), styles.cell),
                Paragraph(check.markup(person.shown_category, f"{where}区分"), styles.cell),
                Paragraph(person.attend_mode, styles.centre),
                Paragraph("□", styles.tick),
            ]
        )
    return rows


def _blank_rows(start: int, count: int, styles: _Styles) -> list[list[Any]]:
    return [
        [Paragraph(str(n), styles.centre), "", "", "", "", Paragraph("□", styles.tick)]
        for n in range(start, start + count)
    ]


def _roster_story(roster: Roster, styles: _Styles, check: CharacterCheck) -> list[Any]:
    """The sign-in table: everyone expected (not those who sent word they cannot come), then blank
    rows for walk-ins to the foot of the last page (at least ``MIN_BLANK_ROWS``)."""

    def text(value: str, field: str) -> str:
        return check.markup(value, record(roster.meeting.title, field))

    expected = [p for p in roster.participants if p.attendance != ABSENT]
    absent = len(roster.participants) - len(expected)
    story = _header(ROSTER_TITLE, roster.meeting, text, styles)
    note = f"掲載 {len(expected)}名"
    if absent:
        note += f"（欠席の連絡があった{absent}名は載せていません）"
    note += "。来られた方は受付の□に✓を、名簿にない方は下の空欄に記入してください。"
    story += [Paragraph(note, styles.note), Spacer(0, 2 * MM)]
    rows = _roster_rows(expected, styles, check)
    first_page = int((LAYOUT.height - sum(_height(f) for f in story) - ROW_HEIGHT) // ROW_HEIGHT)
    later_pages = int((LAYOUT.height - ROW_HEIGHT) // ROW_HEIGHT)
    room = (first_page - len(expected)) % later_pages if len(expected) > first_page else first_page - len(expected)
    blank = room if room >= MIN_BLANK_ROWS else room + 2 * MIN_BLANK_ROWS
    rows += _blank_rows(len(expected) + 1, blank, styles)
    share = LAYOUT.width - sum(ROSTER_FIXED)
    widths = [ROSTER_FIXED[0], share * 0.64, share * 0.36, ROSTER_FIXED[1], ROSTER_FIXED[2], ROSTER_FIXED[3]]
    table = Table(
        rows,
        colWidths=widths,
        rowHeights=[ROW_HEIGHT] * len(rows),
        repeatRows=1,
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.9, "black"),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE_GREY),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, "black"),
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ),
    )
    return [*story, table]


def _group_block(number: int, members: tuple[Participant, ...], styles: _Styles, check: CharacterCheck) -> Any:
    rows: list[list[Any]] = [[Paragraph(f"グループ{number}（{len(members)}名）", styles.group), "", ""]]
    rows.append([Paragraph(h, styles.head) for h in ("所属", "氏名", "区分")])
    for person in members:
        where = record(person.name or person.affiliation, "")
        rows.append(
            [
                Paragraph(check.markup(person.affiliation, f"{where}所属"), styles.cell),
                Paragraph(check.markup(person.name, f"{where}氏名"), styles.cell),
                Paragraph(check.markup(person.shown_category, f"{where}区分"), styles.cell),
            ]
        )
    category, name = 36 * MM, 42 * MM
    table = Table(
        rows,
        colWidths=[LAYOUT.width - category - name, name, category],
        style=table_style(
            ("SPAN", (0, 0), (-1, 0)),
            ("BOX", (0, 0), (-1, -1), 0.9, "black"),
            ("INNERGRID", (0, 1), (-1, -1), 0.4, RULE_GREY),
            ("LINEBELOW", (0, 0), (-1, 1), 0.6, "black"),
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ),
    )
    return KeepTogether([table, Spacer(0, 4 * MM)])


def _groups_story(roster: Roster, styles: _Styles, check: CharacterCheck) -> list[Any]:
    """A block per グループ across the page, each kept whole on its page."""

    def text(value: str, field: str) -> str:
        return check.markup(value, record(roster.meeting.title, field))

    story = _header(GROUPS_TITLE, roster.meeting, text, styles)
    return story + [_group_block(n, members, styles, check) for n, members in sorted(roster.groups.items())]


def write_roster_pdf(
    roster: Roster, path: Path, *, replace_unsupported: bool = False, progress: Progress = SILENT
) -> Path:
    """The 受付名簿, and the グループ表 on its own page when groups were made (the folder must exist)."""
    styles = _Styles()
    check = CharacterCheck(replace=replace_unsupported)
    story: list[Any] = [section_start(), *_roster_story(roster, styles, check)]
    town = check.plain(roster.municipality, "自治体名")
    footers = [f"{town}　{ROSTER_TITLE}".lstrip("　")]
    if roster.groups:
        story += [PageBreak(), section_start(), *_groups_story(roster, styles, check)]
        footers.append(f"{town}　{GROUPS_TITLE}".lstrip("　"))
    check.raise_if_unsupported()
    return _build(path, story, footers, f"{ROSTER_TITLE}（{check.plain(roster.meeting.title)}）", town, progress)

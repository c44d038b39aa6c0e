"""現在地レポート (A4 portrait): where each of the guide's four phases and 21 到達の目安 stands,
with the date each 状態 changed, what was learnt and shared, and the records that back it — the
answer to a successor's 「今どこまで来ているのか」. Black and greys only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from kyojushien_desktop.domain.progress import ACHIEVED, NOT_STARTED
from kyojushien_desktop.domain.progress_report import ProgressReport
from kyojushien_desktop.domain.wareki import format_date, format_month
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck, record
from kyojushien_desktop.reports.pdf.document import MM, Layout, build_pdf, numbered_footer
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.styles import GREY, keep_whole, style, table_style

TITLE = "現在地レポート"
LAYOUT = Layout(side_mm=16, top_mm=13, bottom_mm=16)
LABEL_GREY, RULE_GREY = Color(0.88, 0.88, 0.88), Color(0.55, 0.55, 0.55)
STATUS_MARKS = {ACHIEVED: "■", NOT_STARTED: "□"}  # 取組み中 is ◧


class _Styles:
    def __init__(self) -> None:
        self.title = style("title", 16, 21, bold=True)
        self.office = style("office", 8.5, 12, alignment=2, colour=GREY)
        self.lead = style("lead", 8.5, 12, colour=GREY)
        self.phase = style("phase", 11.5, 15, bold=True)
        self.count = style("count", 9, 12, alignment=2)
        self.id = style("id", 9, 12, bold=True)
        self.text = style("text", 9, 12.5)
        self.status = keep_whole(style("status", 9, 12, bold=True))
        self.cell = style("cell", 8, 11)
        self.label = style("label", 8, 11, colour=GREY)
        self.none = style("none", 8, 11, colour=GREY)


def _row_table(rows: list[list[Any]], widths: list[float]) -> Table:
    return Table(
        rows,
        colWidths=widths,
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.8, "black"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE_GREY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_GREY),
            ("SPAN", (0, 0), (1, 0)),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ),
    )


def _story(report: ProgressReport, styles: _Styles, check: CharacterCheck) -> list[Any]:
    office = "　".join(filter(None, (report.municipality, report.department)))
    flow: list[Any] = [
        Paragraph(check.markup(office, "自治体名"), styles.office),
        Paragraph(TITLE, styles.title),
        Spacer(0, 1.5 * MM),
        Paragraph(
            f"{format_date(report.made_on)}現在　次の人事異動予定日: {format_date(report.rotation)}", styles.lead
        ),
        Paragraph(check.markup(report.check), styles.lead),
        Spacer(0, 3 * MM),
    ]
    width = LAYOUT.width
    for section in report.phases:
        p = section.progress
        target = f"　目標: {format_month(p.target_month)}" if p.target_month else ""
        head = [
            Paragraph(f"フェーズ{p.phase}　{p.title}", styles.phase),
            "",
            Paragraph(f"達成 {p.achieved} / {p.total}　取組み中 {p.in_progress}{target}", styles.count),
        ]
        rows: list[list[Any]] = [head]
        for line in section.milestones:
            state = line.state
            where = record(f"目安{state.milestone_id}", "")
            mark = STATUS_MARKS.get(state.status, "◧")
            when = format_date(state.changed_on) if state.changed_on and state.status != NOT_STARTED else ""
            detail: list[Any] = [Paragraph(check.markup(line.text), styles.text)]
            for label, value in (("わかったこと", state.learned), ("共有できたこと", state.shared)):
                if value:
                    detail.append(
                        Paragraph(
                            f"<font color='#595959'>{label}:</font> {check.markup(value, where + label)}", styles.cell
                        )
                    )
            if line.evidence:
                detail.append(Paragraph("根拠:", styles.label))
                detail += [Paragraph("・" + check.markup(e, where + "根拠"), styles.cell) for e in line.evidence]
            else:
                detail.append(Paragraph("根拠: （まだ結び付けていません）", styles.none))
            status = [Paragraph(f"{mark} {state.status}", styles.status)]
            if when:
                status.append(Paragraph(when, styles.cell))
            if state.target_month:
                status.append(Paragraph(f"目標 {format_month(state.target_month)}", styles.cell))
            rows.append([Paragraph(state.milestone_id, styles.id), detail, status])
        table = _row_table(rows, [11 * MM, width - 11 * MM - 38 * MM, 38 * MM])
        flow += [KeepTogether(table) if len(rows) < 5 else table, Spacer(0, 4 * MM)]
    return flow


def write_progress_report(
    report: ProgressReport, path: Path, *, replace_unsupported: bool = False, progress: Progress = SILENT
) -> Path:
    """Writes the 現在地レポート with the footer 「{自治体名}　現在地レポート　x / y」; characters the
    font cannot draw raise ``UnsupportedCharactersError`` first unless replaced by 〓."""
    register_fonts()
    check = CharacterCheck(replace=replace_unsupported)
    story = _story(report, _Styles(), check)
    town = check.plain(report.municipality, "自治体名")
    check.raise_if_unsupported()
    decorate = numbered_footer(f"{town}　{TITLE}", LAYOUT)
    return build_pdf(path, story, layout=LAYOUT, decorate=decorate, progress=progress, title=TITLE, author=town)

"""A chart per phase for the comparison PDF: for each 到達の目安, its mean as a grey bar on the
1–5 scale and the range (lowest–highest score) as a line across it, so where views diverge shows
at a glance on a black-and-white printer. Drawn with reportlab's shapes in the bundled font."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String

from kyojushien_desktop.domain.diagnosis import ItemComparison
from kyojushien_desktop.reports.pdf.document import MM

CHART_W, ROW_H, LABEL_W, TOP = 122 * MM, 6.2 * MM, 12 * MM, 9 * MM
BAR = "#9E9E9E"
AXIS = "#606060"


def phase_chart(title: str, rows: list[ItemComparison], font: str) -> Drawing:
    """``title`` above, one row per item: its id, the mean's bar with the value, the range line."""
    height = TOP + ROW_H * len(rows) + 7 * MM
    drawing = Drawing(CHART_W, height)
    drawing.initialFontName = font  # else the renderer sets Helvetica, left unembedded in the file
    drawing.add(String(0, height - 5 * MM, title, fontName=font, fontSize=8.5))
    span = CHART_W - LABEL_W - 14 * MM
    bottom = 6 * MM

    def x(score: float) -> float:
        return LABEL_W + span * (score - 1) / 4

    for score in range(1, 6):
        drawing.add(Line(x(score), bottom, x(score), height - TOP, strokeColor=AXIS, strokeWidth=0.3))
        drawing.add(String(x(score), bottom - 4 * MM, str(score), fontName=font, fontSize=7, textAnchor="middle"))
    for index, row in enumerate(rows):
        y = height - TOP - ROW_H * (index + 1) + 1.2 * MM
        drawing.add(String(0, y + 1.2 * MM, row.item_id, fontName=font, fontSize=7.5))
        if row.mean is None:
            drawing.add(String(LABEL_W, y + 1.2 * MM, "未回答", fontName=font, fontSize=7))
            continue
        drawing.add(Rect(LABEL_W, y, x(row.mean) - LABEL_W, ROW_H - 2.4 * MM, fillColor=BAR, strokeColor=None))
        if row.low is not None and row.high is not None and row.high > row.low:
            middle = y + (ROW_H - 2.4 * MM) / 2
            drawing.add(Line(x(row.low), middle, x(row.high), middle, strokeColor="#000000", strokeWidth=1.1))
        drawing.add(String(x(5) + 2 * MM, y + 1.2 * MM, f"{row.mean:.1f}", fontName=font, fontSize=7.5))
    return drawing

"""A 100 % stacked bar with its legend, drawn with reportlab's graphics so it stays vector and its
labels stay text.

Made for a black-and-white office printer: the five parts go from near-black to white, and the
two that a grey printer could muddle carry hatching, so each part can be told apart without
colour; every part is outlined, and the legend says each label with its count and share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color, black, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from kyojushien_desktop.reports.pdf.fonts import register_fonts

BAR_HEIGHT = 15.0
LEGEND_SIZE = 7.5
LEGEND_ROW = 11.0
SWATCH = 8.0
INSIDE_MIN = 22.0  # a part narrower than this (points) has its share in the legend only
HATCH_PITCH = 3.2


@dataclass(frozen=True)
class Fill:
    grey: float
    hatch: bool = False

    @property
    def text(self) -> Color:
        return white if self.grey < 0.5 else black


# Best (first choice) darkest: the eye reads "much of the dark" as "mostly satisfied".
FILLS: tuple[Fill, ...] = (Fill(0.15), Fill(0.45), Fill(0.72), Fill(0.93, hatch=True), Fill(1.0))


@dataclass(frozen=True)
class Part:
    """One choice: its label (already drawable), count and share text (「52%」)."""

    label: str
    count: int
    share: str


def _hatch(x0: float, y0: float, x1: float, y1: float) -> list[Line]:
    """45° lines clipped to the rectangle (reportlab's shapes have no clip path)."""
    lines = []
    c = x0 - y1
    while c < x1 - y0:
        low, high = max(y0, x0 - c), min(y1, x1 - c)
        if high > low:
            lines.append(Line(low + c, low, high + c, high, strokeColor=Color(0.3, 0.3, 0.3), strokeWidth=0.5))
        c += HATCH_PITCH
    return lines


def _box(x: float, y: float, width: float, height: float, fill: Fill) -> list[object]:
    shapes: list[object] = [
        Rect(x, y, width, height, fillColor=Color(fill.grey, fill.grey, fill.grey), strokeColor=None)
    ]
    if fill.hatch:
        shapes += _hatch(x, y, x + width, y + height)
    shapes.append(Rect(x, y, width, height, fillColor=None, strokeColor=black, strokeWidth=0.6))
    return shapes


def stacked_bar(parts: Sequence[Part], width: float, empty_text: str) -> Drawing:
    """The bar across ``width`` with the legend beneath, flowing onto more rows when needed.
    With no answers the bar is an empty outline saying ``empty_text``."""
    font = register_fonts().regular
    total = sum(part.count for part in parts)
    items = []
    for index, part in enumerate(parts):
        text = f"{part.label}　{part.count}名（{part.share}）"
        items.append((FILLS[index % len(FILLS)], text, SWATCH + 3 + stringWidth(text, font, LEGEND_SIZE) + 12))
    rows: list[list[tuple[Fill, str, float]]] = [[]]
    for item in items:
        if rows[-1] and sum(i[2] for i in rows[-1]) + item[2] > width:
            rows.append([])
        rows[-1].append(item)
    legend_height = len(rows) * LEGEND_ROW
    height = BAR_HEIGHT + 5 + legend_height
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # else the renderer sets Helvetica, left unembedded in the file
    bar_y = height - BAR_HEIGHT
    if not total:
        drawing.add(Rect(0, bar_y, width, BAR_HEIGHT, fillColor=None, strokeColor=black, strokeWidth=0.6))
        drawing.add(String(width / 2, bar_y + 4.5, empty_text, fontName=font, fontSize=8, textAnchor="middle"))
    x = 0.0
    for index, part in enumerate(parts):
        if not part.count or not total:
            continue
        fill = FILLS[index % len(FILLS)]
        segment = width * part.count / total
        for shape in _box(x, bar_y, segment, BAR_HEIGHT, fill):
            drawing.add(shape)
        if segment >= INSIDE_MIN:
            label_x, label_y = x + segment / 2, bar_y + 4.3
            if fill.hatch:  # the share on a white patch, readable over the lines
                patch = stringWidth(part.share, font, 8) + 3
                drawing.add(Rect(label_x - patch / 2, label_y - 1.5, patch, 9.5, fillColor=white, strokeColor=None))
            drawing.add(
                String(
                    label_x, label_y, part.share, fontName=font, fontSize=8, fillColor=fill.text, textAnchor="middle"
                )
            )
        x += segment
    y = legend_height - LEGEND_ROW + 2
    for row in rows:
        x = 0.0
        for fill, text, item_width in row:
            for shape in _box(x, y, SWATCH, SWATCH, fill):
                drawing.add(shape)
            drawing.add(String(x + SWATCH + 3, y + 1, text, fontName=font, fontSize=LEGEND_SIZE))
            x += item_width
        y -= LEGEND_ROW
    return drawing

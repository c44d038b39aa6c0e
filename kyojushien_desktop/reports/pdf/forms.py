"""What a printed form is written on by hand: check boxes, ruled answer lines, a box for a number,
and room inside a line.

A check box is the □ glyph, left empty on paper so it can be ticked with a pen; what is already
known (a お土産 planned) is said in words beside it, never by a filled ■ that cannot be ticked.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from kyojushien_desktop.reports.pdf.fonts import register_fonts

BOX = "□"  # the face has no ☐; □ is how Japanese forms print a choice
MM = 72 / 25.4
LINE_PITCH_MM = 8.5  # room for one handwritten line


def check_box(label: str, note: str = "") -> str:
    """Markup for one choice: an empty box, its label (markup) and an optional note（持参予定）."""
    return f'<font size="+2">{BOX}</font> {label}{f"（{note}）" if note else ""}'


def check_row(labels: Iterable[str], gap_em: float = 2) -> str:
    """Choices on one line, a hand's width apart."""
    return blank(gap_em).join(check_box(label) for label in labels)


def blank(em: float) -> str:
    """Room to write by hand inside a line, about ``em`` characters wide: no-break spaces, which a
    paragraph keeps (it folds ordinary and full-width spaces into one)."""
    space = pdfmetrics.stringWidth("\u00a0", register_fonts().regular, 1)
    return "\u00a0" * max(1, round(em / space))


class RuledLines(Flowable):
    """``count`` light dotted lines to write on, one every ``LINE_PITCH_MM``, from ``indent``."""

    def __init__(self, count: int, width: float, indent: float = 0) -> None:
        super().__init__()
        self.count, self.full_width, self.indent = count, width, indent
        self.pitch = LINE_PITCH_MM * MM

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
            y = (self.count - index) * self.pitch + 1
            canvas.line(self.indent, y, self.full_width, y)
        canvas.restoreState()


class NumberBox(Flowable):
    """The answer to a 数値 question: a box for the figure, then a line for its unit."""

    def __init__(self, indent: float = 0) -> None:
        super().__init__()
        self.indent = indent

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 11 * MM

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(0.8)
        canvas.rect(self.indent, 1.5 * MM, 42 * MM, 8.5 * MM)
        x = self.indent + 46 * MM
        canvas.setFont(register_fonts().regular, 9)
        canvas.setFillGray(0.35)
        canvas.drawString(x, 3.2 * MM, "単位")
        canvas.setStrokeGray(0.55)
        canvas.setLineWidth(0.5)
        canvas.line(x + 8 * MM, 2.5 * MM, x + 30 * MM, 2.5 * MM)
        canvas.restoreState()

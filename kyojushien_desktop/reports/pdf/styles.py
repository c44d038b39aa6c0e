"""Paragraph styles for Japanese text, all in the bundled face.

``wordWrap="CJK"`` lets a line break between any two characters except where 禁則 forbids it (no
line starts with 」、。 and the like). A value that must stay whole (a date, a phone number) takes
a ``keep_whole`` style instead: it breaks only at spaces, and only a value wider than its column
is split.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from kyojushien_desktop.reports.pdf.fonts import register_fonts

BLACK = Color(0, 0, 0)
GREY = Color(0.35, 0.35, 0.35)  # secondary text: still crisp on a monochrome office printer
DARK_GREY = Color(0.15, 0.15, 0.15)


def style(
    name: str,
    size: float,
    leading: float | None = None,
    *,
    bold: bool = False,
    colour: Color = BLACK,
    keep_whole: bool = False,
    **extra: Any,
) -> ParagraphStyle:
    """A paragraph style in BIZ UDPゴシック (bold: its real bold weight), leading 1.35 × size
    unless given."""
    fonts = register_fonts()
    return ParagraphStyle(
        name,
        fontName=fonts.bold if bold else fonts.regular,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.35, 1),
        textColor=colour,
        wordWrap=None if keep_whole else "CJK",
        **extra,
    )


def keep_whole(base: ParagraphStyle) -> ParagraphStyle:
    """``base`` for values that must not break inside themselves (令和8年11月13日, 0123-45-6789)."""
    return ParagraphStyle(f"{base.name}-whole", parent=base, wordWrap=None)


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """A table style whose cells default to the bundled face: without it a table falls back to
    Helvetica, which is neither embedded nor able to draw Japanese."""
    return TableStyle([("FONT", (0, 0), (-1, -1), register_fonts().regular), *commands])


RULE_GREY = Color(0.55, 0.55, 0.55)  # rules under headings and between table cells


def section_heading(markup: str, paragraph_style: ParagraphStyle, width: float) -> Any:
    """A report's section heading: a black bar on its left, a thin rule under it, kept with what
    follows (the 開催レポート's and the 引継書's)."""
    from reportlab.platypus import Paragraph, Table

    heading = Table(
        [[Paragraph(markup, paragraph_style)]],
        colWidths=[width],
        style=table_style(
            ("LINEBEFORE", (0, 0), (0, 0), 3.5, "black"),
            ("LINEBELOW", (0, 0), (0, 0), 0.5, RULE_GREY),
            ("LEFTPADDING", (0, 0), (0, 0), 6),
            ("TOPPADDING", (0, 0), (0, 0), 1),
            ("BOTTOMPADDING", (0, 0), (0, 0), 3),
        ),
    )
    heading.keepWithNext = True
    return heading

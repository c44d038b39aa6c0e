"""The bundled Japanese font, registered with Qt so every PC shows the same letters, and the
app's style sheet (applied, and read again when a widget's state changes)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from kyojushien_desktop.paths import resource_path

log = logging.getLogger(__name__)
FALLBACK_FAMILIES = ["Yu Gothic UI", "Meiryo UI", "Noto Sans CJK JP"]
# The same face as the PDFs; the bold file gives headings a real bold instead of a smeared one.
_FILES = ("BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf")
_family: str | None = None


def register_bundled_font() -> str:
    """Registers BIZ UDPゴシック (regular and bold) once and returns the family to use."""
    global _family
    if _family is None:
        families: list[str] = []
        for name in _FILES:
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
            families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.warning("bundled font could not be registered; using the system's Japanese font")
        _family = families[0] if families else FALLBACK_FAMILIES[0]
    return _family


_base_sheet: str | None = None


def apply_font_size(app: QApplication, points: float) -> None:
    font = QFont(register_bundled_font())
    font.setFamilies([register_bundled_font(), *FALLBACK_FAMILIES])
    font.setPointSizeF(points)
    app.setFont(font)
    if _base_sheet is not None:
        # With a style sheet Qt does not pass a new application font on to existing widgets;
        # setting the sheet again re-polishes them, so open screens change size too.
        app.setStyleSheet(_sized_sheet(app))


def apply_style(app: QApplication) -> None:
    """The app's calm palette from ``resources/ui/style.qss``, with the parts that follow
    文字の大きさ (the boxes of check boxes and radio buttons) sized to the current font."""
    global _base_sheet
    _base_sheet = resource_path("ui", "style.qss").read_text(encoding="utf-8")
    app.setStyleSheet(_sized_sheet(app))


def _sized_sheet(app: QApplication) -> str:
    box = max(13, round(app.fontMetrics().height() * 0.8))
    return (_base_sheet or "") + (
        f"\nQCheckBox::indicator, QRadioButton::indicator, QTableView::indicator {{ width: {box}px; height: {box}px; }}\n"
    )


def scaled(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    font.setBold(bold)
    return font


def restyle(widget: QWidget) -> None:
    """Has the style sheet read the widget's object name and properties again after they changed.
    ``polish`` alone does it; the usual ``unpolish`` first costs about 10 ms a widget (ホーム's
    phase strip spent 40 ms of the start-up on it)."""
    widget.style().polish(widget)

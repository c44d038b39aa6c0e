"""A phase of ホーム's 現在地 strip: 「フェーズ1　達成 4/6」 on a rounded box whose colour says whether
the phase is done or the one in focus. It paints its own box: a style-sheet rule on a dynamic
property would make Qt re-read the style sheet when the state changes, about 10 ms of the
window's first paint. Its brushes come from a palette and its border is a second fill, because
``QBrush(QColor)`` and ``QPen`` would build PySide's ``Qt`` namespace (``ui/common/enum_props``)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from kyojushien_desktop.ui.common.enum_props import set_enum

# (background, border, text): the same calm palette as resources/ui/style.qss, legible in greys.
PLAIN = ("#f5f8fb", "#c9d3de", "#1f2933")
DONE = ("#e0f2ee", "#a9d3c7", "#1d5b4c")
CURRENT = ("#fdf0d8", "#e3c27a", "#6b4a00")


class PhaseChip(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_enum(self, "alignment", "AlignCenter")
        self.setContentsMargins(10, 4, 10, 4)
        self.colours = PLAIN
        self.set_state(done=False, current=False)

    def set_state(self, *, done: bool, current: bool) -> None:
        """Done (green) wins over in focus (amber); the properties stay readable for tests."""
        self.setProperty("done", done)
        self.setProperty("current", current)
        self.colours = DONE if done else CURRENT if current else PLAIN
        self._fills = (_brush(self.colours[1]), _brush(self.colours[0]))  # border, inside
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(self.colours[2]))
        self.setPalette(palette)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        box = QRectF(self.rect())
        border, inside = QPainterPath(), QPainterPath()
        border.addRoundedRect(box, 6, 6)
        inside.addRoundedRect(box.adjusted(1, 1, -1, -1), 5, 5)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(border, self._fills[0])
        painter.fillPath(inside, self._fills[1])
        painter.end()
        super().paintEvent(event)


def _brush(colour: str) -> QBrush:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colour))
    return palette.brush(QPalette.ColorRole.Window)

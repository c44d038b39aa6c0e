"""A multi-line field for a page that scrolls: it grows with what is typed, so the page keeps the
only scrollbar (town-hall reviews: a three-line box with its own scrollbar inside a scrolling page
hid text and fought the mouse wheel). Only past its maximum does the box scroll on its own."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import QPlainTextEdit, QScrollArea, QSizePolicy, QWidget

# The tallest box is this share of the screen, so at 特大 on a small screen the page still shows
# the field's caption and the next field beside it.
SCREEN_SHARE = 0.45


class GrowingTextEdit(QPlainTextEdit):
    """Between ``min_lines`` and ``max_lines`` lines of the current font high, always tall enough for
    its text; Tab moves on, as in the other fields. Height follows the text, the width (wrapping)
    and 文字の大きさ."""

    def __init__(self, min_lines: int = 4, max_lines: int = 16, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_lines = min_lines
        self.max_lines = max_lines
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self.fit)
        self.cursorPositionChanged.connect(self._keep_cursor_in_page)
        self.fit()

    @property
    def at_maximum(self) -> bool:
        """True once the text is taller than the box may grow: then the box scrolls by itself."""
        return self.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded

    def _chrome(self) -> int:
        """What surrounds the text: the frame, the document margin and a little slack."""
        margins = self.contentsMargins()
        return margins.top() + margins.bottom() + round(2 * self.document().documentMargin()) + 2

    def _limits(self) -> tuple[int, int]:
        line = self.fontMetrics().lineSpacing()
        low = line * self.min_lines + self._chrome()
        high = line * self.max_lines + self._chrome()
        screen = self.screen()
        if screen is not None:
            high = min(high, int(screen.availableGeometry().height() * SCREEN_SHARE))
        return low, max(low, high)

    def _text_height(self, stop_at: int) -> int:
        """The laid-out text's height in pixels, counting no further than ``stop_at``."""
        layout = self.document().documentLayout()
        total = 0.0
        block = self.document().firstBlock()
        while block.isValid() and total <= stop_at:
            total += layout.blockBoundingRect(block).height()
            block = block.next()
        return int(total + 0.999)

    def fit(self) -> None:
        """Sets the height for the text as wrapped now; turning the scrollbar on or off changes the
        width, so it is measured once more after that."""
        for _ in range(2):
            low, high = self._limits()
            wanted = self._text_height(high) + self._chrome()
            over = wanted > high
            self.setFixedHeight(min(max(wanted, low), high))
            policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if over else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if policy == self.verticalScrollBarPolicy():
                break
            self.setVerticalScrollBarPolicy(policy)
        if not self.at_maximum:
            self.verticalScrollBar().setValue(0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            # the text is wrapped to the new width after this event; measure once it is
            QTimer.singleShot(0, self, self.fit)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # The document takes the new font in the same event; measure once it has.
            QTimer.singleShot(0, self, self.fit)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        """A box that shows all its text leaves the wheel to the page around it."""
        if self.at_maximum or event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
        else:
            event.ignore()

    def _keep_cursor_in_page(self) -> None:
        """While typing grows the box past the page's bottom edge, the page follows the cursor."""
        if self.hasFocus():
            QTimer.singleShot(0, self, self._show_cursor_in_page)

    def _show_cursor_in_page(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is None or parent.widget() is None:
            return
        rect = self.cursorRect()
        point = self.viewport().mapTo(parent.widget(), rect.center())
        parent.ensureVisible(point.x(), point.y(), 0, rect.height())

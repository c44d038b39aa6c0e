"""A row of buttons or filters that wraps onto a second line when the window is narrow, so a
1024-pixel screen or 特大 text never pushes the last of them off the edge."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items left to right at their size hint, wrapping when the line is full. An item added with
    ``add_stretch`` pushes what follows it to the right end of its line (a toolbar's last button)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._breaks: set[int] = set()  # indices that start the right-aligned part of a line
        self.setSpacing(spacing)
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # --- QLayout -----------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's API
        if 0 <= index < len(self._items):
            self._breaks = {b - 1 if b > index else b for b in self._breaks if b != index}
            return self._items.pop(index)
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's API
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's API
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's API
        """All on one line."""
        width = sum(item.sizeHint().width() for item in self._visible()) + self.spacing() * max(
            0, len(self._visible()) - 1
        )
        height = max((item.sizeHint().height() for item in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's API
        """The widest single item: anything narrower wraps."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize().expandedTo(item.sizeHint().boundedTo(item.maximumSize())))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # --- building ----------------------------------------------------------------------------
    def add_widget(self, widget: QWidget) -> None:
        self.addWidget(widget)

    def add_stretch(self) -> None:
        """What is added after this sits at the right end of the line it lands on."""
        self._breaks.add(len(self._items))

    # --- arranging ---------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not (item.widget() and item.widget().isHidden())]

    def _lines(self, width: int) -> list[list[tuple[int, QLayoutItem]]]:
        lines: list[list[tuple[int, QLayoutItem]]] = [[]]
        used = 0
        for index, item in enumerate(self._items):
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint().width()
            if lines[-1] and used + self.spacing() + hint > width:
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + hint
            lines[-1].append((index, item))
        return lines

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        for line in self._lines(area.width()):
            if not line:
                continue
            height = max(item.sizeHint().height() for _i, item in line)
            if place:
                first_right = min(self._breaks, default=len(self._items))
                split = next((n for n, (index, _item) in enumerate(line) if index >= first_right), len(line))
                x = area.x()
                for _index, item in line[:split]:
                    x = self._place(item, x, y, height) + self.spacing()
                right = line[split:]
                if right:
                    width = sum(item.sizeHint().width() for _i, item in right) + self.spacing() * (len(right) - 1)
                    x = max(x, area.right() + 1 - width)
                    for _index, item in right:
                        x = self._place(item, x, y, height) + self.spacing()
            y += height + self.spacing()
        return y - self.spacing() - rect.y() + margins.bottom() if y > area.y() else 0

    @staticmethod
    def _place(item: QLayoutItem, x: int, y: int, height: int) -> int:
        hint = item.sizeHint()
        top = y + (height - hint.height()) // 2
        item.setGeometry(QRect(QPoint(x, top), hint))
        return x + hint.width()


def flow_row(*widgets: QWidget, right: tuple[QWidget, ...] = (), spacing: int = 6) -> QWidget:
    """A wrapping row of ``widgets``, then ``right`` aligned to the right end of its line."""
    holder = QWidget()
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    layout = FlowLayout(holder, spacing)
    for widget in widgets:
        layout.add_widget(widget)
    if right:
        layout.add_stretch()
        for widget in right:
            layout.add_widget(widget)
    return holder

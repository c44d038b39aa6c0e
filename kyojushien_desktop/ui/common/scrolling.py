"""The one scroll area the pages and dialogs put a column of content in: resizable, frameless and,
unless asked, never sideways (the column reflows to the width instead). Set without touching
PySide's ``Qt`` namespace (ui/common/enum_props), so ホーム can use it before the first paint."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from kyojushien_desktop.ui.common.enum_props import set_enum


def scrolling_column(body: QWidget, *, sideways: bool = False) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    if not sideways:
        set_enum(scroll, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    scroll.setWidget(body)
    return scroll

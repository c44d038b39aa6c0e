"""One dated line of an organisation's 経過記録: 和暦 date, kind badge, title and detail, with 削除
for a contact typed by hand and 開く for a visit or a meeting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.members import TimelineEntry
from kyojushien_desktop.ui.members import wording
from kyojushien_desktop.ui.members.model import KIND_COLORS, OTHER_KIND, VISIT_KIND
from kyojushien_desktop.ui.members.record_models import badge

# What 開く opens, by the entry's source: a visit's record or a meeting's.
OPENS = {
    "visit": "このヒアリングの記録（回答・メモ・次の対応）を開きます。",
    "meeting": "この会議の記録（企画・参加者・記録）を開きます。",
}


def _split_detail(entry: TimelineEntry) -> tuple[str, str]:
    """(who took part, the rest of the note): the note's first line is already the title."""
    who, rest = [], []
    for line in entry.detail.splitlines():
        if line.startswith(("当方: ", "先方: ")) and not rest:
            who.append(line)
        else:
            rest.append(line)
    if entry.source == "contact" and rest and rest[0] == entry.title:
        rest = rest[1:]
    return "　".join(who), "\n".join(rest).strip()


class TimelineEntryWidget(QFrame):
    """One dated line of the 経過記録: 和暦 date, kind badge, title and detail; a visit's or a
    meeting's line has 開く, which opens its own record."""

    def __init__(
        self,
        entry: TimelineEntry,
        on_delete: Callable[[TimelineEntry], None] | None,
        on_open: Callable[[TimelineEntry], None] | None = None,
    ) -> None:
        super().__init__()
        self.entry = entry
        self.setObjectName("timelineEntry")
        date = QLabel(wareki.format_date(entry.on))
        date.setObjectName("timelineDate")
        fallback = (
            KIND_COLORS[VISIT_KIND] if entry.source == "visit" else KIND_COLORS[OTHER_KIND]
        )  # a ヒアリング is a visit
        kind = badge(entry.kind, KIND_COLORS.get(entry.kind, fallback))
        self.title = QLabel(entry.title)
        self.title.setObjectName("timelineTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        who, body = _split_detail(entry)
        self.meta = QLabel(who)
        self.meta.setObjectName("hint")
        self.meta.setVisible(bool(who))
        self.detail = QLabel(body)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setVisible(bool(body))

        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(date)
        head.addWidget(kind)
        head.addWidget(self.title, 1)
        self.open_button: QPushButton | None = None
        if on_open is not None and entry.source in OPENS and entry.source_id is not None:
            self.open_button = QPushButton(wording.OPEN)
            self.open_button.setObjectName("linkButton")
            self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.open_button.setToolTip(OPENS[entry.source])
            self.open_button.clicked.connect(lambda: on_open(entry))
            head.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        self.delete_button: QPushButton | None = None
        if on_delete is not None and entry.source == "contact":
            self.delete_button = QPushButton(wording.DELETE)
            self.delete_button.setObjectName("linkButton")
            self.delete_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.delete_button.setToolTip("この経過記録を消します。")
            self.delete_button.clicked.connect(lambda: on_delete(entry))
            head.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.meta)
        layout.addWidget(self.detail)

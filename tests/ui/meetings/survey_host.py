"""A stand-in for the 会議・勉強会 page around the アンケート tab, doing what the page does for it:
the tab's writes go through the page's ``run_op``/``submit``, a change on the bus reloads it, and
its unsaved input is the page's. Dialogs can be answered by the test (``answer``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QVBoxLayout

from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.meetings.survey_tab import SurveyTab


class SurveyHost(Page):
    title = "会議・勉強会"
    topics = frozenset({Topic.MEETINGS, Topic.SURVEY})

    def __init__(self) -> None:
        super().__init__()
        self.tab = SurveyTab(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tab)
        self.answer: Callable[[QDialog], bool] | None = None
        self.dialogs: list[QDialog] = []

    def reload(self, changes: Changes) -> None:
        if changes.file:
            self.tab.show_meeting(None)
        else:
            self.tab.reload()

    def run_dialog(self, dialog: QDialog) -> bool:
        self.dialogs.append(dialog)
        if self.answer is None:
            return super().run_dialog(dialog)
        return self.answer(dialog)

    def has_unsaved(self) -> bool:
        return self.tab.has_unsaved()

    def save_unsaved(self) -> bool:
        return self.tab.save_unsaved()

    def discard_unsaved(self) -> None:
        self.tab.discard_unsaved()

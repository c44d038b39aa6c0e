"""引き継ぎ: two tabs, 「引き継ぐ」 for the outgoing person (the steps, the 引継ぎ事項, the 引継書 and the
package) and 「はじめての方へ」 for the successor (what was received).

The 引継ぎ事項 typed are unsaved input until 保存: leaving the file, quitting, or writing the
引継書 (which reads what is saved) ask 保存／破棄／キャンセル first.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page, settle_unsaved
from kyojushien_desktop.ui.handover import wording
from kyojushien_desktop.ui.handover.outgoing import OutgoingTab
from kyojushien_desktop.ui.handover.welcome import WelcomeTab

OUTGOING, WELCOME = range(2)


class HandoverPage(Page):
    title = wording.NAV_HANDOVER
    topics = frozenset({Topic.HANDOVER, Topic.SETTINGS, Topic.FILE})
    pack_requested = Signal()
    home_requested = Signal()
    receive_requested = Signal()

    def __init__(self, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.heading = QLabel(wording.NAV_HANDOVER)
        self.heading.setObjectName("pageTitle")
        self.outgoing = OutgoingTab(self, self.pack_requested.emit)
        self.welcome = WelcomeTab(self, self.home_requested.emit, self.receive_requested.emit)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.outgoing, wording.OUTGOING_TAB)
        self.tabs.addTab(self.welcome, wording.WELCOME_TAB)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 10)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

    def reload(self, changes: Changes) -> None:
        self.heading.setFont(scaled(self.font(), 1.4, bold=True))
        session = self.session
        self.outgoing.setEnabled(session is not None)  # はじめての方へ works before any file is open
        if changes.file or Topic.HANDOVER in changes.topics or not self.outgoing.dirty:
            self.outgoing.reload(session)
        self.welcome.reload(session)

    def show_welcome(self) -> None:
        """はじめての方へ, as it is after a file was received."""
        self.refresh_now()
        self.tabs.setCurrentIndex(WELCOME)

    # --- unsaved input ----------------------------------------------------------------------
    def has_unsaved(self) -> bool:
        return self.outgoing.dirty

    def save_unsaved(self) -> bool:
        return self.outgoing.save()

    def discard_unsaved(self) -> None:
        self.outgoing.discard()

    def confirm_leave(self) -> bool:
        """保存／破棄／キャンセル before what is saved is read (the 引継書); True when clear."""
        if self.has_unsaved():
            self.tabs.setCurrentIndex(OUTGOING)
        return settle_unsaved(self, wording.NOTES_HEADING)

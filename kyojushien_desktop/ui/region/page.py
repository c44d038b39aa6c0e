"""地域の現状と資源 (chapter 5 「既存の情報を集め整理する」, phase 1's first 取組み例): the town's
figures over the years, its housing resources, the つなぎ先一覧 of seed 003, and the
セーフティネット住宅・居住サポート住宅 目安チェック — four tabs, each a live view of its own."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.common.ops import Operations
from kyojushien_desktop.ui.region import wording
from kyojushien_desktop.ui.region.check_tab import CheckTab
from kyojushien_desktop.ui.region.facts_tab import FactsTab
from kyojushien_desktop.ui.region.referrals_tab import ReferralsTab
from kyojushien_desktop.ui.region.resources_tab import ResourcesTab


class RegionPage(Page):
    title = wording.NAV_REGION
    topics = frozenset({Topic.REGION, Topic.SETTINGS, Topic.FILE, Topic.ORGANIZATIONS})

    def __init__(self, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = FactsTab(prefs)
        self.resources = ResourcesTab(prefs)
        self.referrals = ReferralsTab(prefs)
        self.check = CheckTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.facts, wording.FACTS_TAB)
        self.tabs.addTab(self.resources, wording.RESOURCES_TAB)
        self.tabs.addTab(self.referrals, wording.REFERRALS_TAB)
        self.tabs.addTab(self.check, wording.CHECK_TAB)
        self.heading = QLabel(wording.NAV_REGION)
        self.heading.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 10)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

    def bind(self, ops: Operations) -> None:
        super().bind(ops)
        for view in (self.facts, self.resources, self.referrals, self.check):
            view.bind(ops)

    def reload(self, changes: Changes) -> None:
        self.heading.setFont(scaled(self.font(), 1.4, bold=True))
        self.setEnabled(self.session is not None)

    # --- the 目安チェック's facts, typed and not yet kept on a visit -------------------------------
    def has_unsaved(self) -> bool:
        return self.check.has_unsaved()

    def unsaved_label(self) -> str:
        return wording.CHECK_TAB

    def save_unsaved(self) -> bool:
        """保存 keeps the check on a visit, picked in the same dialog as its own button."""
        self.tabs.setCurrentWidget(self.check)
        return self.check.save_to_visit() is not None

    def discard_unsaved(self) -> None:
        self.check.clear_form()

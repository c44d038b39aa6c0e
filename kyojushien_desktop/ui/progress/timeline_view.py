"""年度の計画と経過 (a first version; the fiscal-year timeline replaces it): this 年度, the targets
that fall after the next 人事異動 (the guide's ポイント: a transfer can reset the discussion),
and the status changes of the 到達の目安, newest first, in 和暦."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from kyojushien_desktop.content.phases import milestone
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.progress import ACHIEVED, fiscal_year, target_warnings
from kyojushien_desktop.services.common.settings import load_settings, rotation_date
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.progress import wording


class TimelineView(QWidget):
    def __init__(self, host: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.year = QLabel()
        self.warnings = QLabel()
        self.warnings.setObjectName("warning")
        self.warnings.setWordWrap(True)
        self.empty = QLabel(wording.NO_HISTORY_YET)
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.entries = QListWidget()
        self.entries.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.year, self.warnings, self.empty):
            layout.addWidget(widget)
        layout.addWidget(self.entries, 1)

    def reload(self) -> None:
        self.entries.clear()
        session = self.host.session
        today = dt.date.today()
        start = dt.date(fiscal_year(today), 4, 1)
        self.year.setFont(scaled(self.font(), 1.1, bold=True))
        self.year.setText(wareki.era_year_text(start) + wording.FISCAL_YEAR)
        if session is None:
            self.warnings.hide()
            self.empty.show()
            return
        states = progress.states(session)
        targets = {s.milestone_id: s.target_month for s in states if s.target_month}
        status = {s.milestone_id: s.status for s in states}
        labels = {s.milestone_id: f"{wording.MILESTONE} {s.milestone_id}" for s in states}
        for phase in progress.phase_progress(session):
            key = f"{wording.PHASE}{phase.phase}"
            if phase.target_month:
                targets[key] = phase.target_month
            status[key] = ACHIEVED if phase.done else ""
        late = target_warnings(targets, status, rotation_date(load_settings(session), today), labels)
        self.warnings.setText("\n".join(late))
        self.warnings.setVisible(bool(late))
        changes = list(reversed(progress.history(session)))
        for change in changes:
            when = wareki.format_date(change.changed_on) if change.changed_on else ""
            text = f"{when}　{change.milestone_id} {milestone(change.milestone_id).text}"
            self.entries.addItem(
                f"{text}　{change.old_status} → {change.new_status}" + (f"　{change.note}" if change.note else "")
            )
        self.empty.setVisible(not changes)

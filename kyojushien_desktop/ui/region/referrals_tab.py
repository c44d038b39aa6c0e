"""つなぎ先一覧 (seed 003): for each 主たる課題 the public desks that take such people, with the
lead of the source; added, changed and deleted here, printed on A4 for landlords."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.content.region import region_guide
from kyojushien_desktop.domain.region import OWN_ISSUE, Referral
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.region import exports, referrals
from kyojushien_desktop.ui.common.live import LiveView
from kyojushien_desktop.ui.common.widgets import list_table, open_on_enter
from kyojushien_desktop.ui.region import papers, wording
from kyojushien_desktop.ui.region.facts_tab import hint_label
from kyojushien_desktop.ui.region.referral_parts import PHONE_COLUMN, ReferralDialog, ReferralLine, ReferralModel


class ReferralsTab(LiveView, QWidget):
    topics = frozenset({Topic.REGION, Topic.ORGANIZATIONS})

    def __init__(self, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.table_data: list[referrals.IssueDesks] = []
        guide = region_guide()
        self.model = ReferralModel(self)
        self.table = list_table(self.model, word_wrap=True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PHONE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.edit_referral())
        open_on_enter(self.table, lambda: self.edit_referral())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button = QPushButton(wording.ADD_REFERRAL)
        self.add_button.clicked.connect(lambda: self.add_referral())
        self.own_button = QPushButton(wording.ADD_OWN_ISSUE)
        self.own_button.clicked.connect(lambda: self.add_referral(own=True))
        self.edit_button = QPushButton(wording.EDIT)
        self.edit_button.clicked.connect(lambda: self.edit_referral())
        self.delete_button = QPushButton(wording.DELETE_ASK)
        self.delete_button.clicked.connect(lambda: self.delete_referral())
        self.pdf_button = QPushButton(wording.REFERRALS_PDF)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.own_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        title = QLabel(guide.referral_title)
        title.setObjectName("fieldName")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(hint_label(guide.referral_lead))
        layout.addLayout(buttons)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint_label(wording.SOURCE_LINE.format(source=guide.referral_source)))

    def reload(self, changes: Changes) -> None:
        session = self.session
        if session is None:
            return
        self.table_data = referrals.referral_table(session)
        phones = {o.id: o.phone for o in organizations.list_organizations(session) if o.phone}
        self.model.set_table(self.table_data, phones)
        self.table.resizeRowsToContents()
        self._update_buttons()
        self.mark_fresh()

    def selected(self) -> ReferralLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.lines[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        line = self.selected()
        for button in (self.add_button, self.own_button):
            button.setEnabled(self.writable)
        self.edit_button.setEnabled(self.writable and line is not None and line.desk is not None)
        self.delete_button.setEnabled(self.writable and line is not None and line.desk is not None)

    def _issues(self) -> list[tuple[str, str]]:
        return [(i.key, i.label) for i in self.table_data]

    def referral_dialog(self, item: Referral, *, own: bool = False) -> ReferralDialog:
        assert self.session is not None
        items = organizations.list_organizations(self.session)
        return ReferralDialog(items, self._issues(), item, own=own, parent=self)

    def add_referral(self, *, own: bool = False) -> int | None:
        line = self.selected()
        issue = line.issue if line is not None else (self.table_data[0] if self.table_data else None)
        key = OWN_ISSUE if own else (issue.key if issue else "")
        label = "" if own or issue is None or issue.key != OWN_ISSUE else issue.label
        position = 0 if own or issue is None else len(issue.desks)
        return self._save(Referral(key, issue_label=label, position=position), own=own)

    def edit_referral(self) -> int | None:
        line = self.selected()
        if line is None or line.desk is None:
            return None
        return self._save(line.desk)

    def _save(self, item: Referral, *, own: bool = False) -> int | None:
        if not self.writable:
            return None
        saved = self.submit(self.referral_dialog(item, own=own), referrals.save_referral)  # type: ignore[arg-type]
        if saved is None:
            return None
        referral_id, changes = saved
        self.reload(changes)
        row = self.model.row_of_id(referral_id)
        if row >= 0:
            self.table.selectRow(row)
        return referral_id

    def delete_referral(self) -> bool:
        line = self.selected()
        if line is None or line.desk is None or line.desk.id is None:
            return False
        if not self.confirm(wording.DELETE, wording.DELETE_REFERRAL_ASK, wording.DELETE_CONFIRMED):
            return False
        referral_id = line.desk.id
        changes = self.run_op(lambda s: referrals.delete_referral(s, referral_id))
        if changes is None:
            return False
        self.reload(changes)
        return True

    def choose_path(self, stem: str, kind: str) -> Path | None:
        return papers.choose_pdf_path(self, self.prefs, stem, kind)

    def save_pdf(self) -> Path | None:
        return papers.save_pdf(self, wording.REFERRALS_TAB, exports.export_referrals_pdf)  # type: ignore[arg-type]

"""One 団体・機関's record: the facts, its people (with 前任), its 経過記録 and its 変更履歴.

The view writes through ``ops`` and reloads itself after its own changes; changes made elsewhere
(a visit recorded on the ヒアリング page) reach it on the bus. A visit on the 経過記録 opens the
visit itself. Dialogs are built by ``*_dialog`` methods and run through ``run_dialog``/
``confirm`` so tests can drive them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.members import (
    INTERNAL_LABELS,
    ORGANIZATION_FIELDS,
    Organization,
    Person,
    TimelineEntry,
)
from kyojushien_desktop.services import timeline
from kyojushien_desktop.services.common.changes import TIMELINE, Changes, Topic
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.hearing import visits
from kyojushien_desktop.services.members import contacts, history, organizations, people
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import LiveView
from kyojushien_desktop.ui.common.ops import value_of
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.common.widgets import fit_to_contents, list_table, value_label
from kyojushien_desktop.ui.hearing.visit_dialog import VisitDialog
from kyojushien_desktop.ui.members import wording
from kyojushien_desktop.ui.members.contact_dialog import ContactDialog
from kyojushien_desktop.ui.members.model import FORMER_TEXT, badge_style, stage_colors, stage_description
from kyojushien_desktop.ui.members.organization_dialog import OrganizationDialog
from kyojushien_desktop.ui.members.person_dialog import HandOverDialog, PersonDialog
from kyojushien_desktop.ui.members.record_models import EMPTY, HistoryModel, PeopleModel, badge, moment_text
from kyojushien_desktop.ui.members.timeline_widget import TimelineEntryWidget


class OrganizationView(LiveView, QWidget):
    """The record of one organisation. ``deleted`` tells the page that the record went to
    削除済み; ``open_requested("visit", id)`` asks the window to open a visit of its 経過記録."""

    topics = TIMELINE | {Topic.SETTINGS}
    deleted = Signal(int, str)
    back_requested = Signal()
    open_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.org: Organization | None = None
        self.people: list[Person] = []
        self.entries: list[TimelineEntry] = []

        # --- header ---
        self.back_button = QPushButton("← 名簿に戻る")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.edit_button = QPushButton(wording.EDIT)
        self.edit_button.clicked.connect(lambda: self.edit_organization())
        self.delete_button = QPushButton(wording.DELETE_ASK)
        self.delete_button.clicked.connect(lambda: self.delete_organization())
        self.plan_hearing_button = QPushButton(wording.PLAN_HEARING + "…")
        self.plan_hearing_button.setToolTip(
            "この団体への訪問（ヒアリング）の日時・先方・質問を決めます。予定は経過記録にも載ります。"
        )
        self.plan_hearing_button.clicked.connect(lambda: self.plan_hearing())
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stage_badge = badge("", stage_colors(""))
        self.facts_label = QLabel()
        self.facts_label.setObjectName("hint")
        self.facts_label.setWordWrap(True)
        self.deleted_label = QLabel()
        self.deleted_label.setObjectName("warning")
        self.deleted_label.hide()
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.plan_hearing_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        facts_row = QHBoxLayout()
        facts_row.setSpacing(12)
        facts_row.addWidget(self.stage_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        facts_row.addWidget(self.facts_label, 1)

        # --- tabs ---
        self.tabs = QTabWidget()
        self.tabs.setObjectName("recordTabs")
        self.tabs.addTab(self._build_info_tab(), "基本情報")
        self.tabs.addTab(self._build_people_tab(), wording.PERSON)
        self.tabs.addTab(self._build_timeline_tab(), wording.TIMELINE)
        self.tabs.addTab(self._build_history_tab(), wording.HISTORY)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.name_label)
        layout.addLayout(facts_row)
        layout.addWidget(self.deleted_label)
        layout.addWidget(self.tabs, 1)

    # --- building ---------------------------------------------------------------------------
    def _build_info_tab(self) -> QWidget:
        self.info_values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        keys = ("name", "kana", "category", "kind", "internal", "stage", "address", "phone", "fax", "email")
        keys += ("website", "tags", "notes")
        labels = ORGANIZATION_FIELDS
        for row, key in enumerate(keys):
            name = QLabel(labels[key])
            name.setObjectName("fieldName")
            value = value_label()
            self.info_values[key] = value
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            if key == "stage":
                self.stage_note = QLabel()
                self.stage_note.setObjectName("hint")
                self.stage_note.setWordWrap(True)
                box = QVBoxLayout()
                box.setSpacing(0)
                box.addWidget(value)
                box.addWidget(self.stage_note)
                grid.addLayout(box, row, 1)
            else:
                grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        left = QWidget()
        left.setLayout(grid)

        right = QVBoxLayout()
        right.setSpacing(10)
        for key in ("expected_roles", "strengths", "troubles"):
            card = QFrame()
            card.setObjectName("card")
            card_layout = QVBoxLayout(card)
            card_layout.setContentsMargins(14, 10, 14, 12)
            title = QLabel(labels[key])
            title.setObjectName("cardTitle")
            value = value_label()
            self.info_values[key] = value
            card_layout.addWidget(title)
            card_layout.addWidget(value)
            right.addWidget(card)
        right.addStretch(1)

        body = QWidget()
        body.setObjectName("recordBody")
        columns = QHBoxLayout(body)
        columns.setContentsMargins(12, 12, 12, 12)
        columns.setSpacing(24)
        left_box = QVBoxLayout()
        left_box.addWidget(left)
        left_box.addStretch(1)
        columns.addLayout(left_box, 1)
        columns.addLayout(right, 1)
        return scrolling_column(body, sideways=True)

    def _build_people_tab(self) -> QWidget:
        self.people_model = PeopleModel(self)
        self.people_table = list_table(self.people_model, resizable=True)
        self.people_table.doubleClicked.connect(lambda _index: self.edit_person())
        self.people_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_person_button = QPushButton(wording.ADD)
        self.add_person_button.clicked.connect(lambda: self.add_person())
        self.edit_person_button = QPushButton(wording.EDIT)
        self.edit_person_button.clicked.connect(lambda: self.edit_person())
        self.hand_over_button = QPushButton(wording.HAND_OVER + "…")
        self.hand_over_button.setToolTip("選んだ担当者の担当を終えて、後任の方を登録します。前任の方の記録は残ります。")
        self.hand_over_button.clicked.connect(lambda: self.hand_over())
        self.delete_person_button = QPushButton(wording.DELETE_ASK)
        self.delete_person_button.clicked.connect(lambda: self.delete_person())
        buttons = QHBoxLayout()
        for button in (self.add_person_button, self.edit_person_button, self.hand_over_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_person_button)
        hint = QLabel(
            f"人が替わったときは「{wording.HAND_OVER}…」を使います。前任の方は灰色で「{wording.FORMER}」として残ります。"
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(buttons)
        layout.addWidget(self.people_table, 1)
        layout.addWidget(hint)
        return page

    def _build_timeline_tab(self) -> QWidget:
        self.add_contact_button = QPushButton(wording.ADD_CONTACT + "…")
        self.add_contact_button.setObjectName("primaryButton")
        self.add_contact_button.clicked.connect(lambda: self.add_contact())
        self.timeline_count = QLabel()
        self.timeline_count.setObjectName("hint")
        head = QHBoxLayout()
        head.addWidget(self.add_contact_button)
        head.addWidget(self.timeline_count)
        head.addStretch(1)
        self.timeline_box = QVBoxLayout()
        self.timeline_box.setSpacing(8)
        self.timeline_box.addStretch(1)
        holder = QWidget()
        holder.setObjectName("recordBody")
        holder.setLayout(self.timeline_box)
        self.timeline_area = scrolling_column(holder, sideways=True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(head)
        layout.addWidget(self.timeline_area, 1)
        return page

    def _build_history_tab(self) -> QWidget:
        self.history_model = HistoryModel(self)
        self.history_table = list_table(self.history_model, resizable=True, word_wrap=True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        hint = QLabel("この団体と担当者について、いつ・どの項目が・どう変わったかの記録です（新しい順）。")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.history_table, 1)
        return page

    # --- loading ----------------------------------------------------------------------------
    def load(self, organization_id: int) -> bool:
        """Shows the organisation; False (after saying why) when it cannot be read."""
        session = self.session
        if session is None:
            return False
        try:
            self.org = organizations.get_organization(session, organization_id)
            self.people = people.people_of(session, organization_id)
            self.entries = timeline.for_organization(session, organization_id)
        except UserFacingError as exc:
            self.show_error(exc)
            return False
        self.mark_fresh()
        self._show()
        return True

    def reload(self, changes: Changes) -> None:
        """Reloads the shown record when what it shows changed; forgets it for another file."""
        if Topic.SETTINGS in changes.topics:
            self.rescale()
        if not changes.touches(TIMELINE):
            return
        if self.session is None or changes.file:
            self.org = None
            return
        if self.org is not None and self.org.id is not None:
            try:
                self.org = organizations.get_organization(self.session, self.org.id)
                self.people = people.people_of(self.session, self.org.id)
                self.entries = timeline.for_organization(self.session, self.org.id)
            except UserFacingError:
                self.org = None
                return
            self._show()

    def rescale(self) -> None:
        """The name follows 文字の大きさ (set explicitly, so it does not follow by itself)."""
        self.name_label.setFont(scaled(self.font(), 1.6, bold=True))

    def _show(self) -> None:
        org = self.org
        assert org is not None
        self.rescale()
        self.name_label.setText(org.name)
        self.stage_badge.setText(org.stage)
        self.stage_badge.setStyleSheet(badge_style(stage_colors(org.stage)))
        self.stage_badge.setToolTip(stage_description(org.stage))
        facts = [org.kana, org.category, org.kind, INTERNAL_LABELS[org.internal]]
        self.facts_label.setText("　・　".join(f for f in facts if f))
        self.deleted_label.setText(f"この団体は{wording.DELETED}です（{moment_text(org.deleted_at or '')}）。")
        self.deleted_label.setVisible(org.deleted_at is not None)
        values = org.display_values()
        for key, label in self.info_values.items():
            text = "、".join(org.tags) if key == "tags" else values.get(key, "")
            label.setText(text or EMPTY)
            label.setStyleSheet("" if text else f"color: {FORMER_TEXT};")
        self.stage_note.setText(stage_description(org.stage))

        self.people_model.set_people(self.people)
        current = sum(1 for p in self.people if p.is_current)
        self.tabs.setTabText(1, f"{wording.PERSON}（{current}）")
        fit_to_contents(self.people_table, stretch=(1, 2))

        while self.timeline_box.count() > 1:
            widget = self.timeline_box.takeAt(0).widget()
            if widget is not None:  # gone at once, not at the next turn of the event loop
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        on_delete = None if self._read_only() else self.delete_contact
        for number, entry in enumerate(self.entries):
            self.timeline_box.insertWidget(number, TimelineEntryWidget(entry, on_delete, self._open_entry))
        if not self.entries:
            empty = QLabel(
                f"まだ{wording.TIMELINE}はありません。電話や訪問をしたら「{wording.ADD_CONTACT}」で残します。"
            )
            empty.setObjectName("hint")
            empty.setWordWrap(True)
            self.timeline_box.insertWidget(0, empty)
        self.tabs.setTabText(2, f"{wording.TIMELINE}（{len(self.entries)}）")
        self.timeline_count.setText("新しい順に並んでいます。着任・離任は担当者の記録から自動で入ります。")

        if self.session is not None and org.id is not None:
            self.history_model.set_entries(history.history(self.session, org.id))
        fit_to_contents(self.history_table, stretch=(3,))
        self.history_table.resizeRowsToContents()  # 変更前 → 変更後 wraps instead of being cut
        self._update_buttons()

    def _read_only(self) -> bool:
        return self.session is None or self.session.read_only

    def _update_buttons(self) -> None:
        writable = not self._read_only() and self.org is not None and self.org.deleted_at is None
        person = self.selected_person()
        buttons = (self.edit_button, self.delete_button, self.add_person_button, self.add_contact_button)
        for button in (*buttons, self.plan_hearing_button):
            button.setEnabled(writable)
            button.setToolTip("" if writable else wording.READ_ONLY_CANNOT_EDIT)
        self.edit_person_button.setEnabled(writable and person is not None)
        self.delete_person_button.setEnabled(writable and person is not None)
        self.hand_over_button.setEnabled(writable and person is not None and person.is_current)

    def selected_person(self) -> Person | None:
        rows = self.people_table.selectionModel().selectedRows()
        return self.people_model.person(rows[0].row()) if rows else None

    def select_person(self, person_id: int) -> None:
        for row in range(self.people_model.rowCount()):
            if self.people_model.person(row).id == person_id:
                self.people_table.selectRow(row)
                return

    # --- dialogs (built here so tests can fill them in) -------------------------------------
    def organization_dialog(self) -> OrganizationDialog:
        assert self.session is not None and self.org is not None
        return OrganizationDialog(self.session, self.org, self)

    def person_dialog(self, person: Person | None = None) -> PersonDialog:
        assert self.org is not None and self.org.id is not None
        return PersonDialog(self.org.id, person, self.org.name, self)

    def hand_over_dialog(self, person: Person) -> HandOverDialog:
        return HandOverDialog(person, self)

    def visit_dialog(self) -> VisitDialog:
        assert self.session is not None and self.org is not None and self.org.id is not None
        return VisitDialog(self.session, organization_id=self.org.id, parent=self)

    def contact_dialog(self) -> ContactDialog:
        assert self.session is not None and self.org is not None and self.org.id is not None
        staff = load_settings(self.session).staff_name
        return ContactDialog(self.org.id, self.people, staff, self.org.name, self)

    # --- actions ----------------------------------------------------------------------------
    def _submit(self, dialog, call):
        """The dialog until the service takes it; then the record shows what was saved."""
        result = self.submit(dialog, call)
        if result is not None:
            self._after()
        return value_of(result) if result is not None else None

    def _after(self) -> None:
        if self.org is not None and self.org.id is not None:
            self.load(self.org.id)

    def _open_entry(self, entry: TimelineEntry) -> None:
        if entry.source_id is not None:
            self.open_requested.emit(entry.source, entry.source_id)

    def edit_organization(self) -> None:
        if self.session is None or self.org is None:
            return
        self._submit(self.organization_dialog(), organizations.save_organization)

    def delete_organization(self) -> None:
        if self.session is None or self.org is None or self.org.id is None:
            return
        org = self.org
        if not self.confirm(f"「{org.name}」を削除", f"「{org.name}」を{wording.DELETE_CONFIRM}", "削除済みに移す"):
            return
        if self.run_op(lambda s: organizations.delete_organization(s, org.id)) is None:
            return
        self._after()
        self.deleted.emit(org.id, org.name)

    def add_person(self) -> None:
        if self.session is None:
            return
        person_id = self._submit(self.person_dialog(), people.save_person)
        if person_id is not None:
            self.tabs.setCurrentIndex(1)
            self.select_person(person_id)

    def edit_person(self) -> None:
        person = self.selected_person()
        if self.session is None or person is None or self._read_only():
            return
        self._submit(self.person_dialog(person), people.save_person)
        if person.id is not None:
            self.select_person(person.id)

    def hand_over(self) -> None:
        person = self.selected_person()
        if self.session is None or person is None or person.id is None or not person.is_current:
            return
        person_id = person.id
        successor_id = self._submit(
            self.hand_over_dialog(person),
            lambda session, value: people.hand_over(session, person_id, value[0], value[1]),
        )
        if successor_id is not None:
            self.select_person(successor_id)

    def delete_person(self) -> None:
        person = self.selected_person()
        if self.session is None or person is None or person.id is None:
            return
        text = (
            f"{person.name} さんを担当者の一覧から消します。\n"
            f"人が替わっただけなら、消さずに「{wording.HAND_OVER}…」を使うと前任として記録が残ります。"
        )
        if not self.confirm("担当者の削除", text, wording.DELETE_CONFIRMED):
            return
        person_id = person.id
        if self.run_op(lambda s: people.delete_person(s, person_id)) is not None:
            self._after()

    def add_contact(self) -> None:
        if self.session is None:
            return
        self._submit(self.contact_dialog(), contacts.add_contact)
        self.tabs.setCurrentIndex(2)

    def plan_hearing(self) -> int | None:
        """ヒアリングを予定する for this organisation; the visit shows on its 経過記録 (and on the
        ヒアリング page, which hears of it on the bus)."""
        if self.session is None or self.org is None or self._read_only():
            return None
        dialog = self.visit_dialog()
        visit_id = self._submit(
            dialog, lambda session, visit: visits.plan_visit(session, visit, dialog.result_new_organization)
        )
        if visit_id is not None:
            self.tabs.setCurrentIndex(2)
        return visit_id

    def delete_contact(self, entry: TimelineEntry) -> None:
        if self.session is None or entry.source_id is None:
            return
        if not self.confirm(
            "経過記録の削除",
            f"{wareki.format_date(entry.on)} の「{entry.title}」を消します。",
            wording.DELETE_CONFIRMED,
        ):
            return
        contact_id = entry.source_id
        if self.run_op(lambda s: contacts.delete_contact(s, contact_id)) is not None:
            self._after()

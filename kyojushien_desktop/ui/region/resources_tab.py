"""地域資源: the register filtered by 種類, 対象の要配慮者 and typed words; added and changed in a
dialog, deleted with 元に戻す (and the 削除済み list), and the shown rows written to Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.content.region import region_guide
from kyojushien_desktop.domain.region import Resource
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.region import exports, resources
from kyojushien_desktop.ui.common import dialogs, jobs
from kyojushien_desktop.ui.common.deleted_dialog import DeletedDialog
from kyojushien_desktop.ui.common.live import LiveView
from kyojushien_desktop.ui.common.notice_bar import Undo, UndoNotice
from kyojushien_desktop.ui.common.widgets import (
    char_width,
    filter_combo,
    filter_row,
    open_on_enter,
    sortable_list_table,
)
from kyojushien_desktop.ui.region import wording
from kyojushien_desktop.ui.region.resource_dialog import ResourceDialog
from kyojushien_desktop.ui.region.resource_models import (
    ADDRESS,
    KIND,
    NAME,
    REGISTERED,
    TARGETS,
    UNITS,
    ResourceModel,
    ResourceProxy,
)


def narrow_filter(combo: QComboBox, chars: int) -> None:
    """A filter as wide as ``chars`` characters rather than its longest choice (「子ども（高校生相当
    まで）を養育している者」 would push the search box to a row of its own); the open list and the
    tooltip show each choice whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    combo.view().setMinimumWidth(widest + char_width(combo, 2))
    for index in range(combo.count()):
        combo.setItemData(index, combo.itemText(index), Qt.ItemDataRole.ToolTipRole)
    combo.currentTextChanged.connect(combo.setToolTip)


LONGEST_DATE = dt.date(2028, 12, 27)  # 令和10年12月27日(水): two-digit year, month and day


class ResourcesTab(LiveView, QWidget):
    topics = frozenset({Topic.REGION, Topic.ORGANIZATIONS})

    def __init__(self, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self._undo: Undo | None = None
        guide = region_guide()
        self.model = ResourceModel(self)
        self.proxy = ResourceProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = sortable_list_table(self.proxy, KIND, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (KIND, NAME, ADDRESS, UNITS, TARGETS, REGISTERED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.sectionResized.connect(lambda *_: QTimer.singleShot(0, self, self.table.resizeRowsToContents))
        self.table.doubleClicked.connect(lambda _i: self.edit_resource())
        open_on_enter(self.table, lambda: self.edit_resource())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.kind = filter_combo([(wording.ALL, ""), *((k.label, k.key) for k in guide.resource_kinds)], 8)
        self.target = filter_combo([(wording.ALL, ""), *((t, t) for t in guide.target_groups)], 8)
        for combo, chars in ((self.kind, 11), (self.target, 9)):
            narrow_filter(combo, chars)
        self.search = QLineEdit()
        self.search.setPlaceholderText(wording.SEARCH_PLACEHOLDER)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance(wording.SEARCH_PLACEHOLDER) + 40)
        self.search.setMaximumWidth(char_width(self, 18))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._filter())
        filters = filter_row([(wording.KIND, self.kind), (wording.TARGETS, self.target)], self._filter, self.search)

        self.add_button = QPushButton(wording.ADD_RESOURCE)
        self.add_button.clicked.connect(lambda: self.add_resource())
        self.edit_button = QPushButton(wording.EDIT)
        self.edit_button.clicked.connect(lambda: self.edit_resource())
        self.delete_button = QPushButton(wording.DELETE_ASK)
        self.delete_button.clicked.connect(lambda: self.delete_resource())
        self.deleted_button = QPushButton(wording.DELETED_RESOURCES)
        self.deleted_button.clicked.connect(lambda: self.show_deleted())
        self.export_button = QPushButton(wording.EXPORT_XLSX)
        self.export_button.clicked.connect(lambda: self.export())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.deleted_button)
        buttons.addWidget(self.export_button)
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.notice = UndoNotice()
        self.notice.undo_button.clicked.connect(lambda: self.undo())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def reload(self, changes: Changes) -> None:
        session = self.session
        if session is None:
            return
        chosen = self.selected()
        self.model.set_rows(resources.list_resources(session))
        if chosen is not None and chosen.id is not None:
            self.select_id(chosen.id)
        self._filter()
        self._fit_columns()
        self.mark_fresh()

    def _fit_columns(self) -> None:
        """種類, 名称 and 所在地 wrap in a fixed width and 登録・認定日 is as wide as the longest 和暦
        date (it never breaks inside a date), so 関係団体 takes the rest and its header shows whole."""
        self.table.setColumnWidth(KIND, char_width(self, 8.5))
        self.table.setColumnWidth(UNITS, char_width(self, 3.5))
        self.table.setColumnWidth(NAME, char_width(self, 7.5))
        self.table.setColumnWidth(ADDRESS, char_width(self, 7))
        self.table.setColumnWidth(TARGETS, char_width(self, 7))
        longest = resources.registered_label(LONGEST_DATE)
        self.table.setColumnWidth(REGISTERED, self.fontMetrics().horizontalAdvance(longest) + char_width(self, 0.5))
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_columns()

    def _filter(self) -> None:
        self.proxy.set_filter(self.kind.currentData() or "", self.target.currentData() or "", self.search.text())
        self.table.resizeRowsToContents()
        shown = self.shown()
        count = wording.count_text(self.model.rowCount(), len(shown), self.proxy.filtering)
        self.count.setText(f"{count}　" + wording.TOTAL_UNITS.format(units=resources.total_units(shown)))
        self._update_buttons()

    def shown(self) -> list[Resource]:
        return [
            self.model.resource(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(self.proxy.rowCount())
        ]

    def selected(self) -> Resource | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.resource(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def select_id(self, resource_id: int) -> bool:
        row = self.model.row_of_id(resource_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, NAME))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        return True

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self.writable)
        self.edit_button.setEnabled(self.writable and chosen)
        self.delete_button.setEnabled(self.writable and chosen)

    # --- actions ----------------------------------------------------------------------------
    def resource_dialog(self, item: Resource | None = None) -> ResourceDialog:
        assert self.session is not None
        return ResourceDialog(organizations.list_organizations(self.session), item, self)

    def add_resource(self) -> int | None:
        return self._save(None)

    def edit_resource(self) -> int | None:
        chosen = self.selected()
        return self._save(chosen) if chosen is not None else None

    def _save(self, item: Resource | None) -> int | None:
        if not self.writable:
            return None
        saved = self.submit(self.resource_dialog(item), resources.save_resource)  # type: ignore[arg-type]
        if saved is None:
            return None
        resource_id, changes = saved
        self.reload(changes)
        self.select_id(resource_id)
        return resource_id

    def delete_resource(self) -> bool:
        chosen = self.selected()
        if chosen is None or chosen.id is None:
            return False
        text = wording.DELETE_RESOURCE_ASK.format(name=chosen.name)
        if not self.confirm(wording.DELETE, text, wording.DELETE_CONFIRMED):
            return False
        resource_id = chosen.id
        changes = self.run_op(lambda s: resources.delete_resource(s, resource_id))
        if changes is None:
            return False
        self.reload(changes)
        self._show_notice(
            wording.RESOURCE_DELETED.format(name=chosen.name),
            (lambda s: resources.restore_resource(s, resource_id), resource_id),
        )
        return True

    def _show_notice(self, text: str, undo: Undo | None = None) -> None:
        self._undo = undo
        self.notice.label.setText(text)
        self.notice.undo_button.setVisible(undo is not None and self.writable)
        self.notice.show()

    def undo(self) -> bool:
        if self._undo is None:
            return False
        call, resource_id = self._undo
        changes = self.run_op(call, wording.COULD_NOT_UNDO)
        if changes is None:
            return False
        self._undo = None
        self.notice.hide()
        self.reload(changes)  # type: ignore[arg-type]
        if resource_id is not None:
            self.select_id(resource_id)
        return True

    def deleted_dialog(self) -> DeletedDialog:
        assert self.session is not None
        session = self.session
        dialog = DeletedDialog(
            wording.RESOURCES_TAB,
            wording.DELETED_LEAD,
            (wording.KIND, wording.NAME),  # every row is deleted: the dialog adds 削除した日時
            lambda: resources.deleted_resources(session),
            lambda r: (resources.kind_label(r.kind), r.name),  # type: ignore[attr-defined]
            read_only=not self.writable,
            stretch=(1,),
            parent=self,
        )
        dialog.restore_requested.connect(lambda resource_id: self.restore(resource_id, dialog))
        return dialog

    def show_deleted(self) -> None:
        if self.session is not None:
            self.run_dialog(self.deleted_dialog())

    def restore(self, resource_id: int, dialog: DeletedDialog | None = None) -> bool:
        changes = self.run_op(lambda s: resources.restore_resource(s, resource_id), wording.COULD_NOT_UNDO)
        if changes is None:
            return False
        self.reload(changes)
        self.select_id(resource_id)
        if dialog is not None:
            dialog.reload()
        return True

    def choose_path(self, stem: str, kind: str) -> Path | None:
        return dialogs.ask_save_path(self, self.prefs, wording.WRITE_TO, stem, kind)

    def export(self) -> Path | None:
        session = self.session
        path = self.choose_path(wording.RESOURCES_TAB, "xlsx") if session is not None else None
        if session is None or path is None:
            return None
        items = self.shown()
        written = jobs.run_export(
            self,
            session,
            lambda reader, _p, _r: exports.export_resources_xlsx(reader, path, items),
            title=wording.EXPORTING,
        )
        if written is not None:
            self.inform_written(wording.WRITTEN, wording.EXPORTED_TEXT, written)
        return written

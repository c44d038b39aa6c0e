"""名簿: the list of 構成員・関係団体, its search and filters, and each organisation's record.

The list and the record share the page: double-clicking a row opens the record in place and
「← 名簿に戻る」 returns to the list as it was (search, filters, selection), which is how a town
hall's older ledger software behaves and keeps the record large enough to read. While the record
is open, changes made in it reach the list when the list is shown again.

Writes go through ``ops`` (``run_op``/``submit``); imports and exports run as jobs behind a
progress dialog with キャンセル. Dialogs are built by ``*_dialog`` methods and run through
``run_dialog`` so tests can fill them in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.preferences import Preferences, save_preferences
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members import organizations, terms
from kyojushien_desktop.services.members.organizations import OrganizationFilter
from kyojushien_desktop.ui.common import dialogs
from kyojushien_desktop.ui.common.deleted_dialog import DeletedDialog
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.common.notice_bar import UndoNotice
from kyojushien_desktop.ui.common.ops import Operations
from kyojushien_desktop.ui.common.widgets import (
    char_width,
    filter_combo,
    filter_row,
    open_on_enter,
    sortable_list_table,
)
from kyojushien_desktop.ui.members import transfer, wording
from kyojushien_desktop.ui.members.columns_dialog import ColumnsDialog
from kyojushien_desktop.ui.members.model import (
    ID_ROLE,
    MembersFilterProxy,
    OrganizationTableModel,
    column,
    valid_columns,
)
from kyojushien_desktop.ui.members.organization_dialog import OrganizationDialog
from kyojushien_desktop.ui.members.organization_view import OrganizationView

PREFS_KEY = "members"
SEARCH_DELAY_MS = 150
LIST, RECORD = 0, 1
# What the list shows: the organisations, their people's names and the last 経過記録.
LIST_TOPICS = frozenset({Topic.ORGANIZATIONS, Topic.PEOPLE, Topic.CONTACTS})


class MembersPage(Page):
    """The 名簿 area: the list and, opened from it, one organisation's record."""

    title = wording.NAV_MEMBERS
    topics = LIST_TOPICS | {Topic.SETTINGS}

    def __init__(self, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs if prefs is not None else Preferences()
        self.total = 0
        self._list_pending: Changes | None = None
        self._deleted_dialog: DeletedDialog | None = None
        self._last_deleted: tuple[int, str] | None = None

        self.model = OrganizationTableModel(self)
        self.model.set_columns(valid_columns(self.prefs.column_choices.get(PREFS_KEY)))
        self.proxy = MembersFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_list())
        self.view = OrganizationView()
        self.view.back_requested.connect(self.show_list)
        self.view.deleted.connect(self._after_delete)
        self.view.open_requested.connect(self.open_requested.emit)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self._focus_search)

    def bind(self, ops: Operations) -> None:
        super().bind(ops)
        self.view.bind(ops)

    # --- building ---------------------------------------------------------------------------
    def _build_list(self) -> QWidget:
        self.heading = QLabel(wording.MEMBERS_TITLE)
        self.heading.setObjectName("pageTitle")
        self.new_button = QPushButton("新しい団体を登録")
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(lambda: self.new_organization())
        self.import_button = QPushButton("取り込み…")
        self.import_button.setToolTip("Excel（.xlsx）やCSVの名簿を読み込みます。取り込む前に内容を確認できます。")
        self.import_button.clicked.connect(lambda: self.import_members())
        self.export_button = QPushButton("書き出し ▾")
        self.export_button.setToolTip("いま一覧に表示している団体を、ファイルに書き出します。")
        export_menu = QMenu(self.export_button)
        self.export_xlsx_action = export_menu.addAction("Excelファイル（.xlsx）…")
        self.export_xlsx_action.triggered.connect(lambda _checked=False: self.export("xlsx"))
        self.export_pdf_action = export_menu.addAction("名簿PDF（印刷用）…")
        self.export_pdf_action.triggered.connect(lambda _checked=False: self.export("pdf"))
        self.export_button.setMenu(export_menu)
        head = flow_row(self.heading, right=(self.new_button, self.import_button, self.export_button))

        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(wording.SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addSpacing(12)
        search_row.addWidget(self.count_label)

        all_items: list[tuple[str, object]] = [(wording.ALL, None)]
        self.category_filter = filter_combo(all_items, 8)
        self.stage_filter = filter_combo(all_items, 8)
        self.internal_filter = filter_combo([*all_items, (wording.INSIDE, True), (wording.OUTSIDE, False)], 3)
        self.tag_filter = filter_combo(all_items, 6)
        self.clear_filters_button = QPushButton(wording.CLEAR_FILTERS)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        filters = filter_row(
            (
                (wording.CATEGORY, self.category_filter),
                (wording.STAGE_SHORT, self.stage_filter),
                (wording.INTERNAL, self.internal_filter),
                (wording.TAG, self.tag_filter),
            ),
            self._filters_changed,
            self.clear_filters_button,
        )

        self.table = sortable_list_table(self.proxy, self.model.column_of("name"), Qt.SortOrder.AscendingOrder)
        self.table.setObjectName("membersTable")
        self.table.doubleClicked.connect(self._open_index)
        open_on_enter(self.table, self.open_selected)

        self.empty_label = QLabel(
            "まだ団体・機関が登録されていません。「新しい団体を登録」から1件ずつ入れるか、"
            "手元のExcelの名簿があれば「取り込み…」で読み込みます。"
        )
        self.empty_label.setObjectName("banner")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.notice = UndoNotice()
        self.notice_label, self.undo_button = self.notice.label, self.notice.undo_button
        self.undo_button.clicked.connect(self._undo_delete)

        self.deleted_button = QPushButton(wording.DELETED + "…")
        self.deleted_button.setToolTip("削除した団体・機関を見て、元に戻せます。")
        self.deleted_button.clicked.connect(lambda: self.show_deleted())
        self.columns_button = QPushButton("表示する列…")
        self.columns_button.clicked.connect(lambda: self.choose_columns())
        hint = QLabel(wording.OPEN_HINT)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        foot = QHBoxLayout()
        foot.addWidget(hint, 1)
        foot.addWidget(self.columns_button)
        foot.addWidget(self.deleted_button)

        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(head)
        layout.addLayout(search_row)
        layout.addWidget(filters)
        layout.addWidget(self.notice)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        return panel

    # --- refresh ----------------------------------------------------------------------------
    def reload(self, changes: Changes) -> None:
        self.heading.setFont(scaled(self.font(), 1.4, bold=True))
        if Topic.SETTINGS in changes.topics:
            self._fit_columns()
        if not changes.touches(LIST_TOPICS):
            return
        if changes.file:  # another file: forget the record and the undo offer of the last one
            self._last_deleted = None
            self.notice.hide()
            self.stack.setCurrentIndex(LIST)
        elif self.stack.currentIndex() == RECORD:
            # the list is out of sight: bring it up to date when the user goes back to it
            self._list_pending = changes if self._list_pending is None else self._list_pending | changes
            return
        self.reload_list(changes)

    def reload_list(self, changes: Changes) -> None:
        self._list_pending = None
        session = self.session
        self._set_enabled()
        if session is None:
            self.model.set_rows([])
            self.total = 0
            self._update_count()
            return
        selected = self.selected_id()
        self.model.set_rows(organizations.list_organizations(session))
        self.total = self.model.rowCount()
        self._fill_filters(session)
        self.apply_search()
        if changes.file:
            self._fit_columns()
        if selected is not None:
            self.select_id(selected)

    def _set_enabled(self) -> None:
        open_ = self.session is not None
        writable = self.writable
        self.setEnabled(open_)
        for button in (self.new_button, self.import_button):
            button.setEnabled(writable)
            button.setToolTip("" if writable else wording.READ_ONLY_CANNOT_EDIT)

    def _fill_filters(self, session: Session) -> None:
        """The combos keep their choice across reloads; a tag that no longer exists falls back to すべて."""
        for combo, values in (
            (self.category_filter, terms.categories()),
            (self.stage_filter, terms.stages()),
            (self.tag_filter, tuple(organizations.all_tags(session))),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(wording.ALL, None)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
            combo.blockSignals(False)
        self.proxy.set_filter(self.current_filter())

    def _fit_columns(self) -> None:
        """Widths in characters of the current font (so 文字の大きさ widens them), fitted to the
        table: 名称 takes the spare room, or gives some up (down to 10 characters) when short; a
        phone number and the longest 関係 are always shown whole."""
        unit = char_width(self.table)
        metrics = self.table.fontMetrics()
        keys = self.model.column_keys()
        padding = 28  # the cell's padding (style.qss) and the style's own margins
        widths = [max(unit * column(key).chars, metrics.horizontalAdvance(column(key).fits)) + padding for key in keys]
        # room for the vertical scroll bar whether or not it shows yet, so no sideways scrolling
        available = (
            self.table.width() - 2 * self.table.frameWidth() - self.table.verticalScrollBar().sizeHint().width() - 2
        )
        name = keys.index("name") if "name" in keys else 0
        if available > 0 and len(keys) > 1:
            widths[name] = max(unit * 10 + padding, widths[name] + available - sum(widths))
            # still too wide: the free-text columns (not 名称, not those shown whole) give way,
            # down to six characters each; what they cut shows in full as a tooltip
            for number, key in enumerate(keys):
                excess = sum(widths) - available
                if excess <= 0:
                    break
                if number != name and not column(key).fits:
                    widths[number] = max(unit * 6 + padding, widths[number] - excess)
        for number, width in enumerate(widths):
            self.table.setColumnWidth(number, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_columns)  # after the table has its new size

    # --- search and filters -----------------------------------------------------------------
    def current_filter(self) -> OrganizationFilter:
        """What the list shows now, as the services take it (export writes the same rows)."""
        return OrganizationFilter(
            category=self.category_filter.currentData(),
            stage=self.stage_filter.currentData(),
            internal=self.internal_filter.currentData(),
            tag=self.tag_filter.currentData(),
            query=self.search.text().strip(),
        )

    def _filters_changed(self) -> None:
        self.proxy.set_filter(self.current_filter())
        self._update_count()

    def apply_search(self) -> None:
        """The typed text goes to the service's search (kana/width/case folded, 1 character too);
        the proxy then shows just those ids."""
        self.search_timer.stop()
        query = self.search.text()
        if self.session is None or not query.strip():
            self.proxy.set_match_ids(None)
        else:
            self.proxy.set_match_ids(organizations.search_ids(self.session, query))
        self._update_count()

    def clear_filters(self) -> None:
        for combo in (self.category_filter, self.stage_filter, self.internal_filter, self.tag_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self.proxy.set_filter(self.current_filter())
        self.apply_search()

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        filtering = self.proxy.is_filtering()
        self.count_label.setText(wording.count_text(self.total, shown, filtering))
        self.clear_filters_button.setEnabled(filtering)
        self.empty_label.setVisible(self.session is not None and self.total == 0)

    def _focus_search(self) -> None:
        self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    # --- selection and navigation -----------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select_id(self, organization_id: int) -> bool:
        source_row = self.model.row_of_id(organization_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _open_index(self, index) -> None:
        organization_id = index.data(ID_ROLE)
        if organization_id is not None:
            self.open_organization(organization_id)

    def open_selected(self) -> None:
        organization_id = self.selected_id()
        if organization_id is not None:
            self.open_organization(organization_id)

    def open_organization(self, organization_id: int) -> bool:
        if self.session is None or not self.view.load(organization_id):
            return False
        self.view.tabs.setCurrentIndex(0)
        self.stack.setCurrentIndex(RECORD)
        return True

    def show_list(self) -> None:
        opened = self.view.org.id if self.view.org is not None else None
        if self._list_pending is not None:
            self.reload_list(self._list_pending)
        self.stack.setCurrentIndex(LIST)
        if opened is not None:
            self.select_id(opened)
        self.table.setFocus()

    # --- dialogs (built here so tests can fill them in) -------------------------------------
    def organization_dialog(self) -> OrganizationDialog:
        assert self.session is not None
        category = self.category_filter.currentData() or ""
        org = organizations.new_organization(category) if category else None
        return OrganizationDialog(self.session, org, self)

    def columns_dialog(self) -> ColumnsDialog:
        return ColumnsDialog(self.model.column_keys(), self)

    def deleted_dialog(self) -> DeletedDialog:
        assert self.session is not None
        session = self.session
        dialog = DeletedDialog(
            wording.ORGANIZATION,
            "削除した団体・機関は、ここから元に戻せます。担当者・経過記録・変更履歴もそのまま戻ります。",
            (wording.NAME, wording.CATEGORY, wording.PERSON),
            lambda: organizations.deleted_organizations(session),
            lambda row: (row.name, row.category, row.people),
            read_only=session.read_only,
            parent=self,
        )
        dialog.restore_requested.connect(self.restore)
        self._deleted_dialog = dialog
        return dialog

    def choose_import_file(self) -> Path | None:
        return dialogs.ask_open_path(self, self.prefs, "取り込む名簿ファイルを選ぶ", wording.IMPORT_FILE_FILTER)

    def choose_export_path(self, kind: str) -> Path | None:
        return dialogs.ask_save_path(self, self.prefs, wording.WRITE_TO, wording.MEMBERS_TITLE, kind)

    # --- actions ----------------------------------------------------------------------------
    def new_organization(self) -> int | None:
        """登録: the dialog checks and warns about duplicates; the service saves; the new record
        opens so its 担当者 and 経過記録 can be added straight away."""
        if self.session is None:
            return None
        result = self.submit(self.organization_dialog(), organizations.save_organization)
        if result is None:
            return None
        organization_id, changes = result
        self.reload_list(changes)
        self.open_organization(organization_id)
        return organization_id

    def show_deleted(self) -> None:
        if self.session is None:
            return
        dialog = self.deleted_dialog()
        self.run_dialog(dialog)
        self._deleted_dialog = None

    def restore(self, organization_id: int) -> None:
        if self.session is None:
            return
        name = self.run_op(lambda s: organizations.get_organization(s, organization_id).name, wording.COULD_NOT_UNDO)
        changes = self.run_op(lambda s: organizations.restore_organization(s, organization_id), wording.COULD_NOT_UNDO)
        if name is None or changes is None:
            return
        self.reload_list(changes)
        if self._deleted_dialog is not None:
            self._deleted_dialog.reload()
        self._show_notice(f"「{name}」を名簿に戻しました。", undo=False)
        self.select_id(organization_id)

    def _after_delete(self, organization_id: int, name: str) -> None:
        self.show_list()
        self._last_deleted = (organization_id, name)
        self._show_notice(f"「{name}」を{wording.DELETED}に移しました。", undo=True)

    def _undo_delete(self) -> None:
        if self._last_deleted is not None:
            organization_id, _name = self._last_deleted
            self._last_deleted = None
            self.restore(organization_id)

    def _show_notice(self, text: str, *, undo: bool) -> None:
        self.notice_label.setText(text)
        self.undo_button.setVisible(undo and self.writable)
        self.notice.show()

    def choose_columns(self) -> None:
        dialog = self.columns_dialog()
        if not self.run_dialog(dialog):
            return
        self.set_columns(dialog.chosen())

    def set_columns(self, keys: tuple[str, ...]) -> None:
        """Shows the chosen columns and remembers them on this PC."""
        header = self.table.horizontalHeader()
        old_keys = self.model.column_keys()
        sort_column = header.sortIndicatorSection()
        sort_key = old_keys[sort_column] if 0 <= sort_column < len(old_keys) else "name"
        order = header.sortIndicatorOrder()
        selected = self.selected_id()
        self.model.set_columns(keys)
        if sort_key not in self.model.column_keys():
            sort_key, order = "name", Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(self.model.column_of(sort_key), order)
        self._fit_columns()
        if selected is not None:
            self.select_id(selected)
        self.prefs.column_choices[PREFS_KEY] = list(self.model.column_keys())
        try:
            save_preferences(self.prefs)
        except OSError:
            self._show_notice("表示する列を保存できませんでした（設定フォルダに書き込めません）。", undo=False)

    def import_members(self) -> None:
        transfer.import_members(self)

    def export(self, kind: str) -> Path | None:
        return transfer.export_members(self, kind)

"""The main window: navigation on the left, one page per area, the ファイル and ヘルプ menus.

It owns the open ``Session`` through ``ops`` (``ui/common/ops``), the one change bus every page
listens on. Pages are registered here by key and built on first visit; scripts outside the
project drive the window through ``open_file(path)`` and ``nav``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop import APP_NAME
from kyojushien_desktop.domain.errors import DamagedFileError, FileLockedError, UserFacingError
from kyojushien_desktop.paths import data_dir, default_db_path
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common import preferences, settings
from kyojushien_desktop.services.common.changes import FILE_OPENED, Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.ui.common import messages, wording
from kyojushien_desktop.ui.common.fonts import apply_font_size
from kyojushien_desktop.ui.common.live import Page, settle_unsaved
from kyojushien_desktop.ui.common.notice_bar import NoticeBar
from kyojushien_desktop.ui.common.ops import Operations
from kyojushien_desktop.ui.home.page import HomePage

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent  # their types are made on first use, not at start-up
    from PySide6.QtWidgets import QMenu

SAMPLE_FILE_NAME = "見本_みどり町.db"
DEFAULT_SIZE = QSize(1180, 740)


def _dialogs() -> ModuleType:
    """ヘルプ and the file choosers, imported on first use: the window paints sooner without them."""
    from kyojushien_desktop.ui.common import dialogs

    return dialogs


class PageSpec(NamedTuple):
    key: str
    title: str
    make: Callable[[], Page]


class MainWindow(QMainWindow):
    first_painted = Signal()  # the window is on screen: what start-up put off may run now

    def __init__(self, prefs: preferences.Preferences | None = None) -> None:
        super().__init__()
        self.prefs = prefs or preferences.load_preferences()
        self.ops = Operations(self)
        self.ops.changed.connect(self._on_changes)
        self._painted = False
        self.setWindowTitle(APP_NAME)
        self.resize(DEFAULT_SIZE)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageHost")
        # The window's frame is put together before ホーム is built into it: a widget tree moved
        # into a window under a style sheet is walked (fonts, palette, style) at every move.
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.notice_bar = NoticeBar()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.notice_bar)
        right.addWidget(self.stack, 1)
        layout.addWidget(self.nav)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

        # Pages other than ホーム are built (and their modules imported) on first visit, so the
        # window paints quickly.
        self._specs: list[PageSpec] = [
            PageSpec("home", wording.NAV_HOME, self._make_home_page),
            PageSpec("progress", wording.NAV_PROGRESS, self._area_page("progress", "ProgressPage", with_prefs=False)),
            PageSpec("members", wording.NAV_MEMBERS, self._area_page("members", "MembersPage")),
            PageSpec("region", wording.NAV_REGION, self._area_page("region", "RegionPage")),
            PageSpec("hearing", wording.NAV_HEARING, self._area_page("hearing", "HearingPage")),
            PageSpec("meetings", wording.NAV_MEETINGS, self._area_page("meetings", "MeetingsPage")),
            PageSpec("diagnosis", wording.NAV_DIAGNOSIS, self._area_page("diagnosis", "DiagnosisPage")),
            PageSpec("handover", wording.NAV_HANDOVER, self._make_handover_page),
            PageSpec("settings", wording.NAV_SETTINGS, self._make_settings_page),
        ]
        self._built: dict[str, Page] = {}
        for spec in self._specs:
            item = QListWidgetItem(spec.title)
            item.setSizeHint(QSize(0, 44))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._show_row)
        self.page("home")
        self.nav.setCurrentRow(0)
        self._fit_nav()

        self.file_label = QLabel()
        self.mode_label = QLabel()
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.mode_label)
        self._build_menus()
        self._update_title()

    @property
    def session(self) -> Session | None:
        return self.ops.session

    # --- pages -----------------------------------------------------------------------------
    def _area_page(self, area: str, name: str, *, with_prefs: bool = True) -> Callable[[], Page]:
        """An area's page, its module imported on first visit (``ui/<area>/page.py``)."""

        def make() -> Page:
            page_class = getattr(importlib.import_module(f"kyojushien_desktop.ui.{area}.page"), name)
            return page_class(self.prefs) if with_prefs else page_class()

        return make

    def _make_home_page(self) -> Page:
        page = HomePage(self.stack)  # born in the window: not walked again when it moves in
        page.new_requested.connect(self.new_file)
        page.open_file_requested.connect(self.choose_file)
        page.sample_requested.connect(self.open_sample)
        page.receive_requested.connect(lambda: self.receive_handover())
        return page

    def _make_handover_page(self) -> Page:
        from kyojushien_desktop.ui.handover.page import HandoverPage

        page = HandoverPage(self.prefs)
        page.pack_requested.connect(self.make_handover)
        page.home_requested.connect(lambda: self.show_page("home"))
        page.receive_requested.connect(self.receive_handover)
        return page

    def _make_settings_page(self) -> Page:
        from kyojushien_desktop.ui.settings.page import SettingsPage

        page = SettingsPage()
        page.set_font_size_name(self.prefs.font_size)
        page.font_size_chosen.connect(self._set_font_size)
        return page

    def page(self, key: str) -> Page:
        """The page registered as ``key``, built (and bound to the bus) on first use."""
        page = self._built.get(key)
        if page is None:
            row = next(number for number, spec in enumerate(self._specs) if spec.key == key)
            page = self._specs[row].make()
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[key] = page
            page.bind(self.ops)
            page.open_requested.connect(self.open_record)
        return page

    def show_page(self, key: str) -> Page:
        page = self.page(key)
        self.nav.setCurrentRow(self.stack.indexOf(page))
        return page

    def open_record(self, kind: str, record_id: int) -> bool:
        """Opens a record where it lives (a visit, an organisation, a meeting)."""
        key, opener_name = {
            "visit": ("hearing", "open_visit"),
            "organization": ("members", "open_organization"),
            "meeting": ("meetings", "open_meeting"),
        }.get(kind, ("", ""))
        if not key:
            return False
        page = self.show_page(key)
        return bool(getattr(page, opener_name)(record_id))

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.page(self._specs[row].key)
            self.stack.setCurrentIndex(row)

    @property
    def pages(self) -> list[Page]:
        return [self.page(spec.key) for spec in self._specs]

    def _fit_nav(self) -> None:
        """The navigation is as wide as its longest title at the current 文字の大きさ."""
        widest = max(self.nav.fontMetrics().horizontalAdvance(spec.title) for spec in self._specs)
        self.nav.setFixedWidth(max(150, widest + 64))

    # --- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("ファイル(&F)")
        self._add_action(file_menu, "新規作成(&N)…", self.new_file, QKeySequence.StandardKey.New)
        self._add_action(file_menu, "開く(&O)…", self.choose_file, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("最近使ったファイル(&R)")
        self._add_action(file_menu, f"{wording.OPEN_SAMPLE}(&S)", self.open_sample)
        self._add_action(file_menu, wording.RESTORE_FROM_BACKUP, self.restore_from_backup)
        file_menu.addSeparator()
        self._add_action(file_menu, "引き継ぎファイルを開く(&H)…", self.receive_handover)
        self._add_action(file_menu, wording.MAKE_HANDOVER, self.make_handover)
        file_menu.addSeparator()
        self._add_action(file_menu, "終了(&X)", self.close, QKeySequence.StandardKey.Quit)
        help_menu = self.menuBar().addMenu("ヘルプ(&H)")
        self._add_action(
            help_menu, "使い方(&U)", lambda: _dialogs().show_usage(self), QKeySequence.StandardKey.HelpContents
        )
        self._add_action(help_menu, f"{wording.READ_GUIDE}(&R)…", lambda: _dialogs().show_guide_reader(self))
        self._add_action(help_menu, "手引きについて(&G)", lambda: _dialogs().show_guide_info(self))
        help_menu.addSeparator()
        self._add_action(help_menu, "バージョン情報(&A)", lambda: _dialogs().show_about(self))
        self._rebuild_recent_menu()

    def _add_action(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: QKeySequence.StandardKey | None = None
    ) -> QAction:
        # The menu makes the action: QAction(text, parent) would make QIcon's type (about 1.5 ms),
        # and setShortcut's overloads PySide's Qt namespace (ui/common/enum_props); not these.
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcuts(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # its shortcut works whatever page, or none, is enabled
        return action

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        existing = [p for p in self.prefs.recent_files if Path(p).exists()]
        for path in existing:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(Path(p)))
        if not existing:
            self.recent_menu.addAction("（まだありません）").setEnabled(False)

    # --- opening files ---------------------------------------------------------------------
    def start(self, db_path: Path | None, handover: Path | None = None) -> None:
        """The given file, else the last one used, else the default; on first start a question,
        or a hand-over file double-clicked in Explorer is received. Called before the window is
        shown, so that ホーム is built once, with the file; a question shows the window first."""
        if handover is not None:
            QTimer.singleShot(0, lambda: self.receive_handover(handover))
        if db_path is not None:
            self.open_file(db_path)
            return
        candidates = [Path(p) for p in self.prefs.recent_files[:1]] + [default_db_path()]
        for candidate in candidates:
            if candidate.exists():
                self.open_file(candidate)
                return
        if handover is None:
            QTimer.singleShot(0, self.first_start)

    def first_start(self) -> None:
        """自治体名 and 担当課, or the sample town. Cancelled, ホーム offers the same choices."""
        from kyojushien_desktop.ui.home.town_dialog import TownDialog

        dialog = TownDialog(self, first_start=True)
        if dialog.exec() != TownDialog.DialogCode.Accepted:
            return
        if dialog.wants_sample:
            self.open_sample()
        elif dialog.wants_package:
            self.receive_handover()
        elif dialog.result_settings is not None:
            self._create_file(default_db_path(), dialog.result_settings)

    def new_file(self) -> None:
        from kyojushien_desktop.ui.home.town_dialog import TownDialog

        if not self.may_leave():
            return
        path = _dialogs().ask_new_db_path(self, self.prefs)
        if path is None:
            return
        dialog = TownDialog(self, first_start=False)
        if dialog.exec() == TownDialog.DialogCode.Accepted and dialog.result_settings is not None:
            self._create_file(path, dialog.result_settings)

    def _create_file(self, path: Path, values: settings.TownSettings) -> None:
        def create() -> Session:
            session = datafile.create_session(path)
            try:
                settings.save_settings(session, values)
            except BaseException:
                session.close()
                raise
            return session

        try:
            self._adopt(create())
        except UserFacingError as exc:
            messages.show_error(self, exc, "データファイルを作れませんでした")

    def open_sample(self) -> None:
        if not self.may_leave():
            return
        path = data_dir() / SAMPLE_FILE_NAME
        if path.exists():
            self.open_file(path)
            return
        from kyojushien_desktop.services import sample

        try:
            self._adopt(sample.create_sample(path))
        except UserFacingError as exc:
            messages.show_error(self, exc, "見本の町を作れませんでした")

    def choose_file(self) -> None:
        if not self.may_leave():
            return
        path = _dialogs().ask_db_to_open(self, self.prefs)
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path, *, read_only: bool = False) -> bool:
        """Closes the open file (asking first about unsaved input) and opens ``path``."""
        if not self.may_leave():
            return False
        self._close_session()
        try:
            session = datafile.open_session(path, read_only=read_only)
        except UserFacingError as exc:
            self.show()  # at start-up, the question comes over the window, not alone
            return self._not_opened(path, exc)
        self._adopt(session)
        return True

    def _not_opened(self, path: Path, exc: UserFacingError) -> bool:
        """A file that would not open: offered read-only or a backup, else the reason shown."""
        if isinstance(exc, FileLockedError):
            if messages.ask_read_only(self, exc):
                return self.open_file(path, read_only=True)
            self._adopt(None)
            return False
        if isinstance(exc, DamagedFileError):
            from kyojushien_desktop.ui.common.restore_dialog import offer_restore

            self._adopt(None)
            return offer_restore(self, exc) and self.restore_from_backup(path)
        messages.show_error(self, exc, wording.COULD_NOT_OPEN)
        self._adopt(None)
        return False

    # --- the hand-over ---------------------------------------------------------------------
    def make_handover(self) -> bool:
        """The package of the open file, from what is saved (unsaved input asked about first)."""
        from kyojushien_desktop.ui.handover.pack_dialog import make_package

        if self.session is not None and not self.may_leave():
            return False
        return make_package(self, self.session, self.prefs) is not None

    def receive_handover(self, path: Path | None = None) -> bool:
        from kyojushien_desktop.ui.handover.receive import receive_into

        return receive_into(self, path)

    def restore_from_backup(self, path: Path | None = None) -> bool:
        """Lists the backups of ``path`` (the open file, else the last one used); the chosen one
        replaces the file, which is kept beside it, and the file is opened again."""
        if path is None:
            path = self.session.path if self.session else Path((self.prefs.recent_files or [default_db_path()])[0])
        from kyojushien_desktop.services.common import backups
        from kyojushien_desktop.ui.common.restore_dialog import choose_backup  # its table widgets cost start-up time

        chosen = choose_backup(self, path)
        if chosen is None:
            return False
        self._close_session()
        try:
            restored = backups.restore_backup(path, chosen.path)
        except UserFacingError as exc:
            messages.show_error(self, exc, "復元できませんでした")
            restored = None
        opened = self.open_file(path)
        if restored is not None and opened:
            self.notice_bar.show_notices([restored.message, *self.session.notices])
        return restored is not None and opened

    def _adopt(self, session: Session | None) -> None:
        """Makes ``session`` (or none) the open file and tells every page."""
        if session is not None:
            self._close_session()
            preferences.remember_file(self.prefs, session.path)
            self._save_prefs()
            self._rebuild_recent_menu()
        for page in self._built.values():
            page.discard_unsaved()
        self.ops.session = session
        self.ops.publish(FILE_OPENED)
        self.notice_bar.show_notices(session.notices if session is not None else [])

    def close_file(self) -> None:
        """No file open any more (the pages cleared), as before one replaces the file itself."""
        self._close_session()
        self._adopt(None)

    def _close_session(self) -> None:
        if self.ops.session is not None:
            self.ops.session.close()
            self.ops.session = None

    def may_leave(self) -> bool:
        """True when no page holds unsaved input (a cell typed in too), or the user chose to save or discard it."""
        if self.session is not None:  # no cell is typed in without a file, and start-up stays quick
            from kyojushien_desktop.ui.common.cells import commit_open_edits

            commit_open_edits(self)
        for page in self._built.values():
            if not page.has_unsaved():
                continue
            self.show_page(next(key for key, built in self._built.items() if built is page))
            if not settle_unsaved(page, page.unsaved_label()):
                return False
        return True

    # --- preferences -----------------------------------------------------------------------
    def _set_font_size(self, name: str) -> None:
        """A new 文字の大きさ: the app font, the pages' own sizes, and a window that fits again."""
        self.prefs.font_size = name
        self._save_prefs()
        apply_font_size(QApplication.instance(), self.prefs.font_points)
        self._fit_nav()
        self.ops.publish(Changes.of(Topic.SETTINGS))
        if not self.isMaximized() and not self.isFullScreen():
            QTimer.singleShot(0, self._fit_to_screen)

    def _fit_to_screen(self) -> None:
        """The default size or the screen's, whichever is smaller: 標準 again shrinks what 特大 widened."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = DEFAULT_SIZE.width(), DEFAULT_SIZE.height()
        if screen is not None:
            width, height = min(width, screen.width()), min(height, screen.height() - 32)
        self.resize(width, height)

    def _save_prefs(self) -> None:
        try:
            preferences.save_preferences(self.prefs)
        except OSError:
            self.statusBar().showMessage("表示の設定を保存できませんでした（設定フォルダに書き込めません）。", 8000)

    # --- title -----------------------------------------------------------------------------
    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.touches({Topic.SETTINGS}):
            self._update_title()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(APP_NAME)
            self.file_label.clear()  # the start screen says it once, in its heading
            self.mode_label.clear()
            return
        town = settings.load_settings(self.session).municipality
        title = f"{town} — {APP_NAME}" if town else APP_NAME
        if self.session.read_only:
            title += f"（{wording.READ_ONLY_BADGE}）"
        self.setWindowTitle(title)
        self.file_label.setText(str(self.session.path))
        self.mode_label.setText(wording.READ_ONLY_BADGE if self.session.read_only else "")

    # --- lifecycle -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.may_leave():
            event.ignore()
            return
        self._close_session()
        super().closeEvent(event)

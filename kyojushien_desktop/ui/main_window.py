"""The main window: navigation on the left, one page per area, and the ファイル menu.

It owns the open ``Session``. Pages never save: they emit what the user asked for, the window
hands it to a service, then emits ``data_changed`` with the returned ``Changes``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop import APP_NAME, __version__
from kyojushien_desktop.domain.errors import DamagedFileError, FileLockedError, UserFacingError
from kyojushien_desktop.paths import data_dir, default_db_path
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common import preferences, settings
from kyojushien_desktop.services.common.changes import FILE_OPENED, Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.ui.common import messages, wording
from kyojushien_desktop.ui.common.fonts import apply_font_size
from kyojushien_desktop.ui.common.notice_bar import NoticeBar
from kyojushien_desktop.ui.home.page import HomePage
from kyojushien_desktop.ui.home.town_dialog import TownDialog

T = TypeVar("T")
SAMPLE_FILE_NAME = "見本_みどり町.db"


class MainWindow(QMainWindow):
    data_changed = Signal(object)

    def __init__(self, prefs: preferences.Preferences | None = None) -> None:
        super().__init__()
        self.prefs = prefs or preferences.load_preferences()
        self.session: Session | None = None
        self._painted = False
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 720)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageHost")
        # Pages other than ホーム are built (and their modules imported) on first visit, so the
        # window paints quickly; data_changed reaches only the pages that exist.
        self._page_makers: list[tuple[str, Callable[[], QWidget]]] = [
            (wording.NAV_HOME, HomePage),
            (wording.NAV_MEMBERS, self._make_members_page),
            (wording.NAV_HEARING, self._make_hearing_page),
            (wording.NAV_SETTINGS, self._make_settings_page),
        ]
        self._built: list[QWidget | None] = [None] * len(self._page_makers)
        for title, _make in self._page_makers:
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(0, 44))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._show_page)
        self._page(0)
        self.nav.setCurrentRow(0)

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

        self.file_label = QLabel()
        self.mode_label = QLabel()
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.mode_label)
        self._build_menus()
        self.data_changed.connect(self._refresh_pages)

    # --- pages -----------------------------------------------------------------------------
    def _make_members_page(self) -> QWidget:
        from kyojushien_desktop.ui.members.page import MembersPage

        page = MembersPage(self.prefs)
        page.changed.connect(self.data_changed.emit)
        return page

    def _make_hearing_page(self) -> QWidget:
        from kyojushien_desktop.ui.hearing.page import HearingPage

        page = HearingPage()
        page.changed.connect(self.data_changed.emit)
        return page

    def _make_settings_page(self) -> QWidget:
        from kyojushien_desktop.ui.settings.page import SettingsPage

        page = SettingsPage()
        page.set_font_size_name(self.prefs.font_size)
        page.save_requested.connect(self._save_settings)
        page.font_size_chosen.connect(self._set_font_size)
        return page

    def _page(self, row: int) -> QWidget:
        """The page at ``row``, built on first use and brought up to date with the open file."""
        page = self._built[row]
        if page is None:
            page = self._page_makers[row][1]()
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[row] = page
            page.refresh(self.session, FILE_OPENED)
        return page

    def _show_page(self, row: int) -> None:
        if row >= 0:
            self._page(row)
            self.stack.setCurrentIndex(row)

    @property
    def pages(self) -> list[QWidget]:
        return [self._page(row) for row in range(len(self._page_makers))]

    @property
    def home_page(self) -> QWidget:
        return self._page(0)

    @property
    def members_page(self) -> QWidget:
        return self._page(1)

    @property
    def hearing_page(self) -> QWidget:
        return self._page(2)

    @property
    def settings_page(self) -> QWidget:
        return self._page(3)

    # --- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("ファイル(&F)")
        self._add_action(file_menu, "新規作成(&N)…", self.new_file, QKeySequence.StandardKey.New)
        self._add_action(file_menu, "開く(&O)…", self.choose_file, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("最近使ったファイル(&R)")
        self._add_action(file_menu, "見本の町を開く(&S)", self.open_sample)
        self._add_action(file_menu, "バックアップから復元(&B)…", self.restore_from_backup)
        file_menu.addSeparator()
        self._add_action(file_menu, "終了(&X)", self.close, QKeySequence.StandardKey.Quit)
        help_menu = self.menuBar().addMenu("ヘルプ(&H)")
        self._add_action(help_menu, "バージョン情報(&A)", self._about)
        self._rebuild_recent_menu()

    def _add_action(self, menu, text: str, slot: Callable[[], object], shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        existing = [p for p in self.prefs.recent_files if Path(p).exists()]
        for path in existing:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(Path(p)))
        if not existing:
            empty = self.recent_menu.addAction("（まだありません）")
            empty.setEnabled(False)

    # --- opening files ---------------------------------------------------------------------
    def start(self, db_path: Path | None) -> None:
        """Opens the given file, else the last one used, else the default; asks on first start."""
        if db_path is not None:
            self.open_file(db_path)
            return
        candidates = [Path(p) for p in self.prefs.recent_files[:1]] + [default_db_path()]
        for candidate in candidates:
            if candidate.exists():
                self.open_file(candidate)
                return
        self._refresh_pages(FILE_OPENED)
        QTimer.singleShot(0, self.first_start)

    def first_start(self) -> None:
        dialog = TownDialog(self, first_start=True)
        if dialog.exec() != TownDialog.DialogCode.Accepted:
            return
        if dialog.wants_sample:
            self.open_sample()
        elif dialog.result_settings is not None:
            self._create_file(default_db_path(), dialog.result_settings)

    def new_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "新しいデータファイルの保存先", str(data_dir() / "居住支援デスク.db"), wording.DB_FILE_FILTER
        )
        if not name:
            return
        path = Path(name if name.endswith(".db") else name + ".db")
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

        self._adopt(self._run(create))

    def open_sample(self) -> None:
        path = data_dir() / SAMPLE_FILE_NAME
        if path.exists():
            self.open_file(path)
        else:
            from kyojushien_desktop.services import sample

            self._adopt(self._run(lambda: sample.create_sample(path)))

    def choose_file(self) -> None:
        start = str(self.session.path.parent if self.session else data_dir())
        name, _ = QFileDialog.getOpenFileName(self, "データファイルを開く", start, wording.DB_FILE_FILTER)
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path, *, read_only: bool = False) -> bool:
        self._close_session()
        try:
            session = datafile.open_session(path, read_only=read_only)
        except FileLockedError as exc:
            if messages.ask_read_only(self, exc):
                return self.open_file(path, read_only=True)
            self._refresh_pages(FILE_OPENED)
            return False
        except DamagedFileError as exc:
            from kyojushien_desktop.ui.common.restore_dialog import offer_restore

            self._refresh_pages(FILE_OPENED)
            return offer_restore(self, exc) and self.restore_from_backup(path)
        except UserFacingError as exc:
            messages.show_error(self, exc, "ファイルを開けません")
            self._refresh_pages(FILE_OPENED)
            return False
        self._adopt(session)
        return True

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
        restored = self._run(lambda: backups.restore_backup(path, chosen.path))
        opened = self.open_file(path)
        if restored is not None and opened:
            self.notice_bar.show_notices([restored.message, *self.session.notices])
        return restored is not None and opened

    def _adopt(self, session: Session | None) -> None:
        if session is None:
            return
        self._close_session()
        self.session = session
        preferences.remember_file(self.prefs, session.path)
        self._save_prefs()
        self._rebuild_recent_menu()
        self.data_changed.emit(FILE_OPENED)
        self.notice_bar.show_notices(session.notices)

    def _close_session(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None

    # --- services --------------------------------------------------------------------------
    def _run(self, action: Callable[[], T]) -> T | None:
        """Runs a service call; a user-facing error is shown and nothing changes."""
        try:
            return action()
        except UserFacingError as exc:
            messages.show_error(self, exc)
            return None

    def _save_settings(self, values: settings.TownSettings) -> None:
        if self.session is None:
            return
        session = self.session
        try:
            changes = settings.save_settings(session, values)
        except UserFacingError as exc:
            self.settings_page.show_error(exc)
            if not getattr(exc, "field", ""):
                messages.show_error(self, exc, "保存できませんでした")
            return
        self.data_changed.emit(changes)
        self.settings_page.show_saved()

    def _set_font_size(self, name: str) -> None:
        self.prefs.font_size = name
        self._save_prefs()
        apply_font_size(QApplication.instance(), self.prefs.font_points)
        self.data_changed.emit(Changes.of(Topic.SETTINGS))

    def _save_prefs(self) -> None:
        try:
            preferences.save_preferences(self.prefs)
        except OSError:
            self.statusBar().showMessage("表示の設定を保存できませんでした（設定フォルダに書き込めません）。", 8000)

    # --- refresh ---------------------------------------------------------------------------
    def _refresh_pages(self, changes: Changes) -> None:
        for page in self._built:
            if page is not None:
                page.refresh(self.session, changes)
        if changes.touches({Topic.SETTINGS}):
            self._update_title()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(APP_NAME)
            self.file_label.setText("データファイルが開かれていません（ファイル > 開く）")
            self.mode_label.clear()
            return
        town = settings.load_settings(self.session).municipality
        title = f"{town} — {APP_NAME}" if town else APP_NAME
        if self.session.read_only:
            title += f"（{wording.READ_ONLY_BADGE}）"
        self.setWindowTitle(title)
        self.file_label.setText(str(self.session.path))
        self.mode_label.setText(wording.READ_ONLY_BADGE if self.session.read_only else "")

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "バージョン情報",
            f"{APP_NAME} {__version__}\n\n居住支援協議会の設立に向けた事務局の仕事を支えるアプリです。"
            "\nインターネットに接続せずに動作し、データはこのPCのファイルだけに保存されます。"
            "\n\n表示と印刷の文字: IPAexゴシック（IPAフォントライセンスv1.0）",
        )

    # --- lifecycle -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if os.environ.get("KYOJUSHIEN_BENCH_EXIT_ON_PAINT"):
                print(f"painted-at {time.time():.6f}", flush=True)
                QTimer.singleShot(0, QCoreApplication.quit)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._close_session()
        super().closeEvent(event)

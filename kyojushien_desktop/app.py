"""Starts the GUI: Qt in Japanese, the bundled font, a crash log, the main window."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from kyojushien_desktop.paths import log_dir

log = logging.getLogger("kyojushien_desktop")


def _setup_logging() -> Path | None:
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "kyojushien.log"
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    return path


def _install_crash_dialog(log_path: Path | None) -> None:
    shown = False

    def hook(kind, value, tb) -> None:
        nonlocal shown
        log.error("予期しないエラー\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if shown:
            return
        shown = True
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None,
            "予期しないエラー",
            "申し訳ありません。予期しないエラーが起きました。保存済みのデータは無事です。\n"
            f"詳しい記録: {log_path or '（記録ファイルを作れませんでした）'}\n"
            "この記録ファイルを添えて、担当のサポート窓口にお知らせください。",
        )

    sys.excepthook = hook


def run_gui(db_path: Path | None = None) -> int:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    from kyojushien_desktop.services.common.preferences import load_preferences
    from kyojushien_desktop.ui.common.fonts import apply_font_size, apply_style
    from kyojushien_desktop.ui.main_window import MainWindow

    log_path = _setup_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("居住支援デスク")
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    translator = QTranslator(app)
    if translator.load("qtbase_ja", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    prefs = load_preferences()
    apply_font_size(app, prefs.font_points)
    apply_style(app)
    _install_crash_dialog(log_path)
    window = MainWindow(prefs)
    window.show()
    window.start(db_path)
    return app.exec()

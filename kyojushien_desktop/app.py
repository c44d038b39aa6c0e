"""Starts the GUI: Qt in Japanese, the bundled font, a crash log, the main window; and the log
file every command writes to (the English text of errors goes there, never to a person)."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
import traceback
from pathlib import Path

from kyojushien_desktop.paths import log_dir

log = logging.getLogger("kyojushien_desktop")


LOG_MAX_BYTES = 1_000_000
LOG_KEEP = 3
GC_RESUME_MS = 5000


def setup_logging() -> Path | None:
    """Logs to ``logs/kyojushien.log`` in the data folder; when that cannot be written, nowhere
    (never to the terminal, where English tracebacks would reach the user). Called again, it
    returns the same file and adds no second handler."""
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
        if isinstance(handler, logging.NullHandler):
            return None
    root.setLevel(logging.INFO)
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "kyojushien.log"
        _rotate(path)
        file_handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        root.addHandler(logging.NullHandler())
        return None
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(file_handler)
    return path


def _rotate(path: Path) -> None:
    """At start, a log over 1 MB becomes ``.1`` (and ``.1`` … ``.2`` move up; the oldest goes), as
    logging's rotating handler would, without importing its socket and pickle machinery."""
    if not path.exists() or path.stat().st_size < LOG_MAX_BYTES:
        return
    for number in range(LOG_KEEP - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{number + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def _x_server_answers(display: str) -> bool:
    """A local X display (``:0``, ``unix:0.0``) answers on its socket; a remote one is assumed to."""
    host, _, rest = display.rpartition(":")
    if host not in ("", "unix") or not rest.split(".")[0].isdigit():
        return True
    import socket

    name = f"/tmp/.X11-unix/X{rest.split('.')[0]}"
    for address in ("\0" + name, name):  # the abstract socket first, as Xlib does
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(address)
                return True
            except OSError:
                continue
    return False


def missing_display() -> str | None:
    """Why there is no screen to open the window on (Linux without X or Wayland), in Japanese;
    None when there is one. Checked before Qt starts, whose own message names xcb plugins."""
    if sys.platform in ("win32", "darwin"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs …: Qt draws somewhere of its own
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    display = os.environ.get("DISPLAY", "")
    if not display:
        return "画面の表示先（DISPLAY）が設定されていません"
    if not _x_server_answers(display):
        return f"画面の表示先（DISPLAY={display}）に接続できません"
    return None


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


def run_gui(db_path: Path | None = None, handover: Path | None = None) -> int:
    # No garbage collection until the window has painted (resumed then, or after a few seconds
    # when it is not shown): the imports and PySide's types would trigger about 50 collections,
    # 7-10 ms of start-up, for almost nothing to free.
    gc.disable()
    # The services the window opens with come before PySide: PySide reads the source of every
    # module imported after it (looking for a ``from __feature__`` line), about 5 ms of start-up.
    from kyojushien_desktop.services import datafile, overview  # noqa: F401
    from kyojushien_desktop.services.common.preferences import load_preferences

    log_path = setup_logging()
    from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
    from PySide6.QtWidgets import QApplication

    from kyojushien_desktop.ui.common.fonts import apply_font_size, apply_style
    from kyojushien_desktop.ui.main_window import MainWindow

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
    # the first collection walks everything start-up made (about 10 ms): after the whole first frame
    window.first_painted.connect(lambda: QTimer.singleShot(0, gc.enable))
    QTimer.singleShot(GC_RESUME_MS, gc.enable)
    if os.environ.get("KYOJUSHIEN_BENCH_EXIT_ON_PAINT"):  # bench/run.py and the frozen smoke test
        window.first_painted.connect(_report_paint_and_quit)
    window.start(db_path, handover)  # before show: ホーム is built once, with the file in it
    window.show()
    return app.exec()


def _report_paint_and_quit() -> None:
    print(f"painted-at {time.time():.6f}", flush=True)
    from PySide6.QtCore import QCoreApplication, QTimer

    QTimer.singleShot(0, QCoreApplication.quit)

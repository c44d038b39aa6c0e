"""One measurement of the 名簿 page shown for the first time: the main window opens the file given
on the command line, paints ホーム, then the 名簿 entry is chosen; the time runs until the list's
table has painted. Prints ``first-show-ms VALUE``; ``--profile OUT`` also writes a cProfile of the
switch (read it with ``python -m pstats OUT``).

python bench/members_first_show.py DB [--profile OUT]
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class PaintWatch(QObject):
    """Calls ``done`` once, right after the first paint of the watched widget has been handled."""

    def __init__(self, done) -> None:
        super().__init__()
        self.done = done
        self.armed = True

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, self.done)
        return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()

    from kyojushien_desktop.services.common.preferences import load_preferences
    from kyojushien_desktop.ui.common.fonts import apply_font_size, apply_style
    from kyojushien_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    prefs = load_preferences()
    apply_font_size(app, prefs.font_points)
    apply_style(app)
    window = MainWindow(prefs)
    window.show()
    window.start(args.db)
    profiler = cProfile.Profile() if args.profile else None
    started = 0.0

    def finished() -> None:
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(args.profile))
        print(f"first-show-ms {(time.perf_counter() - started) * 1000:.1f}", flush=True)
        window.close()  # releases the lock and marks the file closed, as the user's close does
        app.quit()

    watch = PaintWatch(finished)

    def switch() -> None:
        nonlocal started
        started = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        page = window.show_page("members")  # built and filled; it paints once back in the event loop
        page.table.viewport().installEventFilter(watch)

    QTimer.singleShot(300, switch)  # ホーム has painted and the event queue has settled
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())

"""Drives the real main window on the sample town for many rounds; run by test_soak.py in a
child process, so that a binding bug that kills the interpreter fails a test instead of pytest.

    python -m tests.soak.soak_main_window DB ROUNDS

Prints ``rounds N`` and ``none_refs BEFORE AFTER`` when it survives.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(db: Path, rounds: int) -> int:
    from PySide6.QtWidgets import QApplication

    from kyojushien_desktop.services.common.preferences import Preferences
    from kyojushien_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Preferences())
    window.resize(1280, 760)
    window.show()
    if not window.open_file(db):
        print("could not open the sample", file=sys.stderr)
        return 3
    pages = window.nav.count()
    for row in range(pages):  # build every page once before counting
        window.nav.setCurrentRow(row)
        app.processEvents()
    members = window.page("members")
    queries = ("みどり", "社協", "ふどうさん", "0123", "")
    gc.collect()
    before = sys.getrefcount(None)
    for number in range(rounds):
        if number % 5 == 0:  # a page switch costs ~10 ms: every fifth round keeps the soak short
            row = (number // 5) % pages
            window.nav.setCurrentRow(row)
            if window.stack.currentWidget() is members:
                members.search.setText(queries[(number // 5) % len(queries)])
                members.apply_search()
        window.repaint()
        app.processEvents()
    gc.collect()
    after = sys.getrefcount(None)
    print(f"rounds {rounds}")
    print(f"none_refs {before} {after}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), int(sys.argv[2])))

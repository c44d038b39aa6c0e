"""Screenshots of every screen on the sample town, for a person to look at (run under Xvfb).

    DISPLAY=:99 python scripts/screenshots.py OUT_DIR
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp())
    os.environ["KYOJUSHIEN_HOME"] = str(home)

    from PySide6.QtWidgets import QApplication

    from kyojushien_desktop.paths import resource_path
    from kyojushien_desktop.services.sample import create_sample
    from kyojushien_desktop.ui.fonts import apply_font_size
    from kyojushien_desktop.ui.main_window import MainWindow
    from kyojushien_desktop.ui.town_dialog import TownDialog

    app = QApplication(sys.argv)
    apply_font_size(app, 10.5)
    app.setStyleSheet(resource_path("ui", "style.qss").read_text(encoding="utf-8"))
    db = home / "見本_みどり町.db"
    create_sample(db).close()
    window = MainWindow()
    window.resize(1200, 760)
    window.show()
    window.open_file(db)

    def shoot(name: str, widget=None) -> None:
        for _ in range(5):
            app.processEvents()
        (widget or window).grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    for row, page in enumerate(window.pages):
        window.nav.setCurrentRow(row)
        shoot(f"page_{row}_{page.title}")
    dialog = TownDialog(window, first_start=True)
    dialog.show()
    shoot("dialog_first_start", dialog)
    dialog.close()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

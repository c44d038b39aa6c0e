"""The start path stays free of PySide's ``Qt`` namespace (ui/common/enum_props explains why):
the real launcher opens the sample town to its first paint in a process of its own, and that
process reports whether anything built ``Qt`` on the way, and that garbage collection (put off
during start-up, app.run_gui) runs again once the window has painted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from kyojushien_desktop.services.sample import create_sample

ROOT = Path(__file__).resolve().parents[2]

DRIVER = textwrap.dedent(
    """
    import gc, json, sys
    import PySide6.QtCore as core
    lazy = "Qt" not in vars(core)
    from kyojushien_desktop.cli import main
    from kyojushien_desktop.ui import main_window
    windows = []
    start = main_window.MainWindow.start
    def recording_start(self, *args, **kwargs):
        windows.append(self)
        return start(self, *args, **kwargs)
    main_window.MainWindow.start = recording_start
    code = main(["--db", sys.argv[1]])
    built = "Qt" in vars(core)  # read before anything below could build it
    home = windows[0].page("home")
    print(json.dumps({
        "code": code, "lazy": lazy, "qt_built": built, "gc": gc.isenabled(), "municipality": home.municipality.text(),
        "start_card": home.start_card is not None, "chips": [chip.text() for chip in home.phase_chips],
    }, ensure_ascii=False))
    """
)


def test_opening_a_file_paints_without_building_the_qt_namespace(tmp_path: Path) -> None:
    db = tmp_path / "sample.db"
    create_sample(db).close()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KYOJUSHIEN_HOME=str(tmp_path / "home"),
        KYOJUSHIEN_BENCH_EXIT_ON_PAINT="1",  # the window quits once it has painted
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(db)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert any(line.startswith("painted-at ") for line in lines), result.stdout
    report = json.loads(lines[-1])
    assert report["lazy"], "PySide made its types at import (PYSIDE6_OPTION_LAZY=0?): the check below means nothing"
    assert report["code"] == 0
    assert report["gc"], "garbage collection, put off during start-up, was not resumed after the first paint"
    assert report["municipality"] == "みどり町"
    assert report["start_card"] is False, "はじめるには was built although a file opened"
    assert all(chip.startswith("フェーズ") for chip in report["chips"]) and len(report["chips"]) == 4
    assert not report["qt_built"], (
        "something on the start path touched PySide's Qt namespace (about 15 ms of start-up); "
        "set enum properties by name (ui/common/enum_props.set_enum) or import it after the first paint"
    )

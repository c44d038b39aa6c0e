"""A long session: the real window survives thousands of page switches, searches and repaints."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from kyojushien_desktop.services.sample import create_sample

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 4000


def test_main_window_survives_a_long_session(tmp_path: Path) -> None:
    """4,000 repaints, with a switch of page (and a 名簿 search) every fifth, end normally, and on
    Python < 3.12 (where None is not immortal) ``sys.getrefcount(None)`` does not fall."""
    db = tmp_path / "sample.db"
    create_sample(db, today=dt.date(2026, 11, 22)).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KYOJUSHIEN_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-m", "tests.soak.soak_main_window", str(db), str(ROUNDS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"the window died (exit {result.returncode}): {result.stderr[-3000:]}"
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["rounds"] == str(ROUNDS)
    before, after = map(int, lines["none_refs"].split())
    if sys.version_info < (3, 12):
        assert after >= before - 50, f"None lost {before - after} references: a leaking Qt binding"

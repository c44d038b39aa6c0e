"""Shared fixtures: a private data folder per test and real data files in tmp_path."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kyojushien_desktop.store.database import create_database  # noqa: E402


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups, config and logs go to a folder of the test's own, never the real user's."""
    home = tmp_path / "home"
    monkeypatch.setenv("KYOJUSHIEN_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly created data file per session; tests copy it."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    create_database(path).close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "town.db"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture(autouse=True)
def no_dialog_left_open(request: pytest.FixtureRequest):
    """A modal dialog nobody answers would hang the run: after a few seconds it is closed and the
    test fails, naming what the dialog said."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    request.getfixturevalue("qapp")
    stuck: list[str] = []
    seen: dict[int, int] = {}

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, QDialog) or not widget.isVisible():
            return
        seen[id(widget)] = seen.get(id(widget), 0) + 1
        if seen[id(widget)] >= 20:  # 20 × 250 ms
            text = widget.text() if isinstance(widget, QMessageBox) else ""
            stuck.append(f"{type(widget).__name__}「{widget.windowTitle()}」{text}")
            widget.reject()

    timer = QTimer()
    timer.setInterval(250)
    timer.timeout.connect(check)
    timer.start()
    yield
    timer.stop()
    assert not stuck, f"a modal dialog was left open and had to be closed: {stuck}"

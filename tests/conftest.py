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

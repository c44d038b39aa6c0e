"""Shared UI steps: exports run off the UI thread and still read like a plain call."""

import threading
import time

import pytest
from PySide6.QtWidgets import QWidget

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.ui.common.widgets import run_in_background, write_file


def test_work_runs_in_another_thread_and_returns_its_value(qtbot):
    """A slow job runs on a worker thread behind the progress dialog, and its value comes back."""
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}

    def work():
        seen["thread"] = threading.get_ident()
        time.sleep(0.5)
        return 42

    assert run_in_background(parent, work, "書き出しています…") == 42
    assert seen["thread"] != threading.get_ident()


def test_work_errors_come_back_to_the_caller(qtbot):
    """An error raised by the job is raised again in the caller's thread."""
    parent = QWidget()
    qtbot.addWidget(parent)

    def work():
        raise UserFacingError("書き込めません")

    with pytest.raises(UserFacingError, match="書き込めません"):
        run_in_background(parent, work, "書き出しています…")


def test_write_file_gives_the_writer_its_own_read_only_session(qtbot, db_path, tmp_path):
    """The export reads through a read-only session of its own, never the window's connection."""
    parent = QWidget()
    qtbot.addWidget(parent)
    session = datafile.open_session(db_path)
    used = {}

    def write(reader):
        used["reader"] = reader
        used["read_only"] = reader.read_only
        out = tmp_path / "out.txt"
        out.write_text("ok", encoding="utf-8")
        return out

    assert write_file(parent, write, tmp_path / "out.txt", session=session, error_title="x") == tmp_path / "out.txt"
    assert used["reader"] is not session and used["read_only"]
    session.close()

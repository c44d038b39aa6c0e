"""The headless CLI, run as scripts outside the project run it: a real process, real files."""

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "kyojushien_desktop", *args],
        capture_output=True,
        text=True,
        env=env or os.environ.copy(),
    )


def test_version():
    """--version prints the app's name and version."""
    result = run("--version")
    assert result.returncode == 0 and "居住支援デスク" in result.stdout


def test_init_then_check(tmp_path):
    """init makes a file that check finds good (exit 0)."""
    path = tmp_path / "town.db"
    assert run("init", "--db", str(path), "--municipality", "みどり町").returncode == 0
    result = run("check", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "整合性: 問題なし" in result.stdout
    conn = sqlite3.connect(path)
    assert dict(conn.execute("SELECT key, value FROM settings").fetchall())["municipality"] == "みどり町"
    conn.close()


def test_sample_refuses_existing_file(tmp_path):
    """sample creates the sample town once; a second time it exits 1 without touching the file."""
    path = tmp_path / "sample.db"
    assert run("sample", "--db", str(path)).returncode == 0
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = run("sample", "--db", str(path))
    assert result.returncode == 1
    assert "すでにあります" in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_check_foreign_file_exit_1(tmp_path):
    """check on another program's database exits 1 with a Japanese message on stderr."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    result = run("check", "--db", str(path))
    assert result.returncode == 1
    assert "居住支援デスクのデータファイルではありません" in result.stderr


def test_usage_error_exit_2():
    """A mistyped command exits 2 with a Japanese usage message."""
    result = run("init")
    assert result.returncode == 2
    assert "次の指定が必要です" in result.stderr


def test_members_search_on_an_older_file_updates_it_first(tmp_path):
    """A file of an earlier format (schema v1 fixture) is backed up and updated, then searched."""
    import shutil
    from pathlib import Path

    path = tmp_path / "old.db"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.db", path)
    env = dict(os.environ, KYOJUSHIEN_HOME=str(tmp_path / "home"))
    result = run("members", "search", "みどり", "--db", str(path), env=env)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(path)
    from kyojushien_desktop.store.migrations import SCHEMA_VERSION

    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_no_display_is_told_in_japanese_with_the_headless_commands(tmp_path):
    """Started without a screen, kyojushien says so in Japanese and names the headless commands
    (exit 1) instead of Qt's xcb message; the same for a DISPLAY nobody answers."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for display in (None, ":97"):
        if display:
            env["DISPLAY"] = display
        result = run("--db", str(tmp_path / "town.db"), env=env)
        assert result.returncode == 1
        assert "画面（ディスプレイ）のない環境のため" in result.stderr
        assert "kyojushien check" in result.stderr and "kyojushien backup" in result.stderr
        assert "xcb" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "town.db").exists()


def test_a_display_that_answers_is_found(monkeypatch):
    """A local X display listening on its socket counts as a screen."""
    import socket

    from kyojushien_desktop.app import missing_display

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":96")
    assert missing_display() is not None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind("\0/tmp/.X11-unix/X96")
        server.listen(1)
        assert missing_display() is None


def test_opening_the_window_builds_no_parser_and_the_command_list_matches_it():
    """``kyojushien``, ``--db PATH`` and ``FILE.kyoju`` open the window without argparse (start-up
    time); anything else goes to the parser, whose commands are exactly ``COMMANDS``."""
    import argparse

    from kyojushien_desktop.cli import COMMANDS, build_parser, window_arguments

    assert window_arguments([]) == (None, None)
    assert window_arguments(["--db", "町.db"]) == (Path("町.db"), None)
    assert window_arguments(["受け取り.KYOJU"]) == (None, Path("受け取り.KYOJU"))
    for other in (["sample"], ["--help"], ["--version"], ["--db"], ["--db", "--help"], ["町.db"], ["a.kyoju", "b"]):
        assert window_arguments(other) is None, other
    parser = build_parser()
    choices = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert tuple(choices) == COMMANDS
    code = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import kyojushien_desktop.cli"],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2], check=True,
    )  # fmt: skip
    assert " argparse" not in code.stderr


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    """``kyojushien … | head -1``: the command stops quietly (exit 0, no traceback) once the pipe
    is closed."""
    db = tmp_path / "town.db"
    assert run("sample", "--db", str(db)).returncode == 0
    command = [sys.executable, "-m", "kyojushien_desktop", "region", "facts", "--db", str(db)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        process.stdout.close()  # before the first line: every write meets a closed pipe
        stderr = process.stderr.read().decode("utf-8")
        assert process.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr

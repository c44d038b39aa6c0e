"""Portable mode: ``portable.txt`` beside the program puts the data file, settings, logs and
backups in ``kyojushien-data`` beside it, and nothing in the user's platformdirs folders."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import platformdirs
import pytest

from kyojushien_desktop import paths
from tests import mounts

ROOT = Path(__file__).resolve().parents[1]

# The program as PyInstaller freezes it: ``sys.frozen`` set and ``sys.executable`` the program's
# own file; the first argument names where that file is.
FROZEN = (
    "import sys; sys.frozen = True; sys.executable = sys.argv.pop(1); "
    "from kyojushien_desktop.cli import main; sys.exit(main())"
)


def _user_env(user: Path, **extra: str) -> dict[str, str]:
    """No KYOJUSHIEN_HOME, and every platformdirs location inside ``user`` so a stray file shows."""
    env = {k: v for k, v in os.environ.items() if k != "KYOJUSHIEN_HOME"}
    env.update(
        HOME=str(user),
        XDG_DATA_HOME=str(user / "data"),
        XDG_CONFIG_HOME=str(user / "config"),
        XDG_CACHE_HOME=str(user / "cache"),
        XDG_STATE_HOME=str(user / "state"),
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


def _run(program: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", FROZEN, str(program), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=program.parent,
        timeout=120,
    )


def _portable_program(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "kyojushien"
    program.write_bytes(b"")  # stands for the frozen executable; only its folder matters
    (folder / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    return program


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_every_file_lands_beside_the_program(tmp_path):
    """A new file, the window opened on it (settings saved, the daily backup made, the log
    written): all under ``kyojushien-data`` beside the program, nothing in the user's folders."""
    program = _portable_program(tmp_path / "USB" / "居住支援デスク")
    user = tmp_path / "user"
    env = _user_env(user)
    made = _run(program, env, "init", "--municipality", "みどり町", "--department", "住宅課")
    assert made.returncode == 0, made.stderr
    gui_env = dict(env, QT_QPA_PLATFORM="offscreen", KYOJUSHIEN_BENCH_EXIT_ON_PAINT="1")
    shown = _run(program, gui_env)
    assert shown.returncode == 0, shown.stderr
    assert "painted-at" in shown.stdout

    home = program.parent / paths.PORTABLE_DATA_DIR
    assert (home / paths.DEFAULT_DB_NAME).is_file()
    assert "みどり町" not in (home / "config.json").read_text(encoding="utf-8")  # preferences, not data
    assert str(home / paths.DEFAULT_DB_NAME) in (home / "config.json").read_text(encoding="utf-8")
    assert (home / "logs" / "kyojushien.log").is_file()
    assert any(p.name.startswith("daily-") for p in (home / "backups").rglob("*.db"))
    assert _files_under(user) == []
    outside = [p for p in _files_under(tmp_path) if home not in p.parents and p.parent != program.parent]
    assert outside == []


def test_paths_with_the_marker_and_without(tmp_path, monkeypatch):
    """Every path the app writes to follows the marker; KYOJUSHIEN_HOME still wins; without the
    marker they are platformdirs' folders again."""
    program = _portable_program(tmp_path / "app")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    monkeypatch.delenv("KYOJUSHIEN_HOME")
    home = program.parent / "kyojushien-data"
    assert paths.program_dir() == program.parent
    assert paths.data_dir() == home
    assert paths.default_db_path() == home / "kyojushien.db"
    assert paths.config_path() == home / "config.json"
    assert paths.log_dir() == home / "logs"
    assert paths.backup_dir() == home / "backups"

    monkeypatch.setenv("KYOJUSHIEN_HOME", str(tmp_path / "chosen"))
    assert paths.data_dir() == paths.config_path().parent == tmp_path / "chosen"

    monkeypatch.delenv("KYOJUSHIEN_HOME")
    (program.parent / paths.PORTABLE_MARKER).unlink()
    assert paths.data_dir() == Path(platformdirs.user_data_dir("kyojushien", appauthor=False))
    assert paths.config_path().parent == Path(platformdirs.user_config_dir("kyojushien", appauthor=False))


def test_a_source_run_looks_beside_the_package(monkeypatch):
    """Run from the source tree (``python -m kyojushien_desktop``), "beside the program" is the
    folder holding the package: the checkout's root."""
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.program_dir() == ROOT


def test_on_a_usb_stick_the_removable_drive_warning_still_shows(tmp_path):
    """Portable on a removable drive (a tmpfs under /media/, which is how Linux mounts a USB
    stick): the data file is made there and the warning about removable drives is still given."""
    stick = Path("/media") / f"kyojushien-test-{uuid.uuid4().hex[:8]}"
    if not os.access("/media", os.W_OK):
        if os.environ.get("CI"):
            pytest.fail("/media is not writable (run as root or under `unshare -rm`)")
        pytest.skip("/media is not writable (run as root or under `unshare -rm`)")
    try:
        with mounts.tmpfs(stick, size_kb=8192):
            program = _portable_program(stick / "居住支援デスク")
            result = _run(program, _user_env(tmp_path / "user"), "init", "--municipality", "みどり町")
            assert result.returncode == 0, result.stderr
            assert "USBメモリなどの取り外しできるドライブ" in result.stderr
            assert (program.parent / "kyojushien-data" / "kyojushien.db").is_file()
            assert _files_under(tmp_path / "user") == []
    finally:
        stick.rmdir()

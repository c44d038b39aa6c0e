"""Real read-only and full places for the tests: a small tmpfs, remounted read-only or filled up.

File modes do not stop root (CI runs as root), so a read-only place is a read-only mount. Mounting
needs root: as another user run the tests under ``unshare -rm``; where mounting is refused the
tests skip, and under CI (the ``CI`` environment variable is set) they fail instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    result = subprocess.run(["mount", *args], capture_output=True, text=True)
    if result.returncode != 0:
        message = f"mount {' '.join(args)} refused: {result.stderr.strip()} (run as root or under `unshare -rm`)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@contextlib.contextmanager
def tmpfs(path: Path, size_kb: int = 1024) -> Iterator[Path]:
    """A fresh tmpfs of ``size_kb`` at ``path``, unmounted afterwards."""
    path.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path))
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def make_read_only(mount_point: Path) -> None:
    """Remounts a tmpfs made by ``tmpfs`` read-only (a CD, a write-protected USB stick)."""
    _mount("-o", "remount,ro", str(mount_point))


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """``folder`` bound read-only onto itself: a folder nobody may write in, for root too."""
    _mount("--bind", str(folder), str(folder))
    try:
        _mount("-o", "remount,bind,ro", str(folder))
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path) -> Path:
    """Fills the file system of ``folder`` until it refuses another byte: a real full disk."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 65536
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
        try:
            while True:
                handle.write(b"\0")
        except OSError:
            pass
    return filler


def files_in(folder: Path) -> set[str]:
    """The names in ``folder``, to assert that nothing (no lock, journal, temp file) was left."""
    return {p.name for p in folder.iterdir()}

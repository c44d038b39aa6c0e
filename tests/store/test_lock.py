"""The lock file beside the data file."""

import json
import socket
import subprocess
import sys

from kyojushien_desktop.store import lock


def test_acquire_and_release(db_path):
    """The first opener gets the lock; releasing removes the file."""
    mine, holder = lock.try_acquire(db_path)
    assert holder is None and mine is not None
    data = json.loads(lock.lock_path(db_path).read_text(encoding="utf-8"))
    assert set(data) == {"user", "host", "pid", "since"}
    lock.release(db_path, mine)
    assert not lock.lock_path(db_path).exists()


def test_stale_lock_of_dead_process_is_cleared(db_path):
    """A lock left on this PC by a process that no longer runs is removed."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    lock.lock_path(db_path).write_text(
        json.dumps({"user": "前任", "host": socket.gethostname(), "pid": pid, "since": "2026-03-31T17:00:00"}),
        encoding="utf-8",
    )
    mine, holder = lock.try_acquire(db_path)
    assert holder is None and mine is not None and mine.pid != pid


def test_lock_from_another_pc_is_respected(db_path):
    """A lock written by another PC is never judged stale from here."""
    lock.lock_path(db_path).write_text(
        json.dumps({"user": "suzuki", "host": "FUKUSHI-PC01", "pid": 1, "since": "2026-11-20T09:15:00"}),
        encoding="utf-8",
    )
    mine, holder = lock.try_acquire(db_path)
    assert mine is None
    assert holder.user == "suzuki" and holder.host == "FUKUSHI-PC01"

"""The lock file beside the data file."""

import json
import os
import socket
import subprocess
import sys
import time

import pytest

from kyojushien_desktop.domain.errors import DiskFullError, ReadOnlyError
from kyojushien_desktop.store import lock
from tests import mounts
from tests.japanese import assert_japanese


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


def age(path, seconds):
    """Backdates a file's modification time, as if it had been left there ``seconds`` ago."""
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


def test_empty_lock_is_held_for_a_minute_then_stale(db_path):
    """An empty lock (a writer caught mid-write, or a full disk) is respected while fresh, with a
    Japanese message that names no unknown person, and cleared once older than a minute."""
    path = lock.lock_path(db_path)
    path.write_bytes(b"")
    mine, holder = lock.try_acquire(db_path)
    assert mine is None and not holder.readable
    message = lock.locked_error(db_path, holder).message
    assert "読み取れません" in message and "不明" not in message
    age(path, 61)
    mine, holder = lock.try_acquire(db_path)
    assert holder is None and mine is not None
    assert json.loads(path.read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_garbage_lock_older_than_a_minute_is_stale(db_path):
    """A lock that is not ours in format (another program's, or garbled) is cleared after a minute."""
    path = lock.lock_path(db_path)
    for content in (
        b"\xff\xfe garbage",
        b'{"owner": "someone"}',
        b'{"user": "a", "host": "b", "pid": 1, "since": "x"}',
    ):
        path.write_bytes(content)
        age(path, 120)
        mine, holder = lock.try_acquire(db_path)
        assert holder is None and mine is not None, content
        lock.release(db_path, mine)


def test_lock_on_a_full_disk_leaves_no_file(tmp_path):
    """When the disk is full the lock is refused in Japanese and no 0-byte lock is left behind."""
    with mounts.tmpfs(tmp_path / "disk", size_kb=256) as disk:
        db = disk / "town.db"
        db.write_bytes(b"")
        mounts.fill(disk)
        with pytest.raises(DiskFullError) as caught:
            lock.try_acquire(db)
        assert "空き容量" in caught.value.message
        assert mounts.files_in(disk) == {"town.db", "filler.bin"}


def test_lock_on_a_read_only_mount_is_refused_in_japanese(tmp_path):
    """Where nothing can be written, taking the lock fails with a Japanese read-only error."""
    with mounts.tmpfs(tmp_path / "cd", size_kb=256) as cd:
        (cd / "town.db").write_bytes(b"")
        mounts.make_read_only(cd)
        with pytest.raises(ReadOnlyError) as caught:
            lock.try_acquire(cd / "town.db")
        assert_japanese(caught.value.message + caught.value.hint, cd)


def test_host_name_is_the_one_socket_gives():
    """The lock and the file's last-opened record name this PC as other programs know it."""
    assert lock.host_name() == socket.gethostname()

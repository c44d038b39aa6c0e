"""A lock file beside the data file says who has it open, so a colleague on another PC (or a
second window on this one) is told who and since when, and may still open it read-only."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: str  # ISO 8601, local time

    @property
    def since_time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.since)


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


def current_holder() -> LockInfo:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not worth failing over
        user = "不明"
    return LockInfo(
        user=user, host=socket.gethostname(), pid=os.getpid(), since=dt.datetime.now().isoformat(timespec="seconds")
    )


def read_lock(db_path: Path) -> LockInfo | None:
    try:
        data = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
        return LockInfo(user=str(data["user"]), host=str(data["host"]), pid=int(data["pid"]), since=str(data["since"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # An unreadable lock still means somebody may be writing: report it as held by an unknown user.
        return LockInfo(user="不明", host="不明", pid=-1, since=dt.datetime.now().isoformat(timespec="seconds"))


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(info: LockInfo) -> bool:
    """A lock left by a dead process on this PC; locks from other PCs are never judged stale."""
    return info.host == socket.gethostname() and not process_alive(info.pid)


def try_acquire(db_path: Path) -> tuple[LockInfo | None, LockInfo | None]:
    """(our lock, None) when acquired, or (None, the holder's lock) when someone else has it.
    A stale lock is removed first."""
    path = lock_path(db_path)
    me = current_holder()
    for _ in range(2):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_lock(db_path)
            if holder is None:
                continue
            if holder.host == me.host and holder.pid == me.pid:
                return holder, None
            if is_stale(holder):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            return None, holder
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(me), handle, ensure_ascii=False)
        return me, None
    return None, read_lock(db_path)


def release(db_path: Path, info: LockInfo) -> None:
    """Removes the lock only if it is still ours."""
    held = read_lock(db_path)
    if held is not None and held.host == info.host and held.pid == info.pid:
        with contextlib.suppress(FileNotFoundError):
            lock_path(db_path).unlink()

"""A lock file beside the data file says who has it open, so a colleague on another PC (or a
second window on this one) is told who and since when, and may still open it read-only.

The lock is written in one go and removed again if that fails (a full disk), so it is never left
empty by us; one that is empty, unreadable or not in our format is somebody's half-written or
foreign file, and once it is older than a minute it is judged stale.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import NamedTuple

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import FileLockedError
from kyojushien_desktop.store.sqlite_errors import translate

STALE_AFTER = dt.timedelta(minutes=1)


class LockInfo(NamedTuple):
    user: str
    host: str
    pid: int
    since: str  # ISO 8601, local time (for an unreadable lock: when the file was last written)
    readable: bool = True

    @property
    def since_time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.since)


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


def host_name() -> str:
    """This PC's name, as ``socket.gethostname`` gives it, without loading the socket module at
    start-up (on Windows the name is in the environment; elsewhere in ``uname``)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    name = os.environ.get("COMPUTERNAME")
    if name:
        return name
    import socket

    return socket.gethostname()


def current_holder() -> LockInfo:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not worth failing over
        user = "不明"
    return LockInfo(user=user, host=host_name(), pid=os.getpid(), since=dt.datetime.now().isoformat(timespec="seconds"))


def _unreadable(path: Path) -> LockInfo:
    try:
        written = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        written = dt.datetime.now()
    return LockInfo(user="", host="", pid=-1, since=written.isoformat(timespec="seconds"), readable=False)


def read_lock(db_path: Path) -> LockInfo | None:
    """Who holds the lock; ``readable=False`` when the file is empty, garbled or not ours."""
    path = lock_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        info = LockInfo(user=str(data["user"]), host=str(data["host"]), pid=int(data["pid"]), since=str(data["since"]))
        info.since_time  # noqa: B018 - a lock whose time does not parse is not in our format
        return info
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return _unreadable(path)


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


def is_stale(info: LockInfo, now: dt.datetime | None = None) -> bool:
    """Left by a dead process on this PC, or unreadable and older than a minute; a readable lock
    from another PC is never judged stale from here."""
    if not info.readable:
        return (now or dt.datetime.now()) - info.since_time > STALE_AFTER
    return info.host == host_name() and not process_alive(info.pid)


def _write_new(path: Path, info: LockInfo) -> None:
    """Creates the lock with its content, or leaves nothing (``FileExistsError`` if it exists)."""
    data = json.dumps({k: v for k, v in info._asdict().items() if k != "readable"}, ensure_ascii=False).encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    os.close(fd)


def try_acquire(db_path: Path) -> tuple[LockInfo | None, LockInfo | None]:
    """(our lock, None) when acquired, or (None, the holder's lock) when someone else has it.
    A stale lock is removed first. A lock that cannot be written raises the Japanese error of
    the cause (``DiskFullError``, ``ReadOnlyError`` …) and leaves no file behind."""
    path = lock_path(db_path)
    me = current_holder()
    for _ in range(2):
        try:
            _write_new(path, me)
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
        except OSError as exc:
            raise translate(exc, path) from exc
        return me, None
    return None, read_lock(db_path)


def release(db_path: Path, info: LockInfo) -> None:
    """Removes the lock only if it is still ours."""
    held = read_lock(db_path)
    if held is not None and held.readable and held.host == info.host and held.pid == info.pid:
        with contextlib.suppress(OSError):
            lock_path(db_path).unlink()


def locked_error(db_path: Path, holder: LockInfo) -> FileLockedError:
    """What to tell someone who wants to write a file that ``holder`` has open."""
    if not holder.readable:
        return FileLockedError(
            f"このデータファイルは、ほかの画面かPCで開かれている可能性があります"
            f"（使用中の印 {lock_path(db_path).name} が書きかけか、読み取れません）。",
            hint="1分ほど待ってから開き直してください（印が残っていれば、そのとき片付けます）。読み取り専用でなら、いますぐ開けます。",
            holder=holder,
        )
    try:
        since = wareki.format_datetime(holder.since_time)
    except ValueError:
        since = holder.since
    return FileLockedError(
        f"このデータファイルは使用中です。{holder.user} さん（PC名: {holder.host}）が {since} から開いています。",
        hint="読み取り専用で開くことができます。編集するには、その人に閉じてもらってから開き直してください。",
        holder=holder,
    )

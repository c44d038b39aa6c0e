"""Backups made with SQLite's backup API (a consistent copy even while the file is open), and
putting one back in place of the data file.

Layout, under the data folder: ``backups/<file stem>-<8 hex of its full path>/`` holding
``daily-YYYYMMDD-HHMMSS.db`` (the last 14 kept), ``monthly-YYYYMM.db`` (the last 12 kept) and
``before-update-v<N>-YYYYMMDD-HHMMSS.db`` (taken before a schema update, never pruned). Restoring
keeps the file it replaces beside it, as ``<stem>.before-restore-YYYYMMDD-HHMMSS.db`` (listed
with the backups, so a restore can be undone) or ``<stem>.damaged-…`` when it failed the check.
A copy is written under a temporary name and renamed into place; a failed copy leaves nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import glob
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.paths import backup_dir
from kyojushien_desktop.store.integrity import check_path
from kyojushien_desktop.store.sqlite_errors import reason

KEEP_DAILY = 14
KEEP_MONTHLY = 12
DAILY_INTERVAL = dt.timedelta(days=1)
BEFORE_RESTORE = "before-restore"
DAMAGED = "damaged"


class Backup(NamedTuple):
    path: Path
    taken_at: dt.datetime
    kind: str  # "daily", "monthly", "before-update" or "before-restore"


@functools.cache
def _sha256() -> Callable[[bytes], Any]:
    """SHA-256 from CPython's own module: ``hashlib`` would load OpenSSL, about 3 ms of every
    start-up, for this one digest of a path."""
    try:
        from _sha2 import sha256  # Python 3.12 and later
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.11
        except ImportError:
            from hashlib import sha256
    return sha256


def folder_for(db_path: Path) -> Path:
    digest = _sha256()(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:8]
    return backup_dir() / f"{Path(db_path).stem}-{digest}"


def _remove(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def copy_to(source: sqlite3.Connection, dest: Path) -> Path:
    """A complete copy of the open database ``source`` at ``dest``, page by page through
    ``dest.partial``; OS and SQLite errors are raised as is, and leave no partial file."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    temp = dest.with_name(dest.name + ".partial")
    try:
        _remove(temp)
        target = sqlite3.connect(str(temp))
        try:
            source.backup(target)
        finally:
            target.close()
        os.replace(temp, dest)
    except BaseException:
        _remove(temp, temp.with_name(temp.name + "-journal"))
        raise
    return dest


def pre_migration_backup(conn: sqlite3.Connection, db_path: Path, version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return copy_to(conn, folder_for(db_path) / f"before-update-v{version}-{stamp}.db")


def _parse_stamp(digits: str) -> dt.datetime:
    """YYYYMMDDHHMMSS, parsed by hand: ``strptime`` costs milliseconds at start-up."""
    if not digits.isdigit() or len(digits) != 14:
        raise ValueError(digits)
    numbers = [int(digits[i:j]) for i, j in ((0, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 14))]
    return dt.datetime(*numbers)


def _month_taken(path: Path, digits: str) -> dt.datetime:
    """When a monthly copy was taken: its file time, unless that is not in the month its name
    says (a copied folder), then the first of that month."""
    month = _parse_stamp(digits + "01000000")
    written = dt.datetime.fromtimestamp(path.stat().st_mtime)
    return written if (written.year, written.month) == (month.year, month.month) else month


def _entry(path: Path) -> Backup | None:
    parts = path.stem.split("-")
    try:
        if parts[0] == "daily":
            return Backup(path, _parse_stamp(parts[1] + parts[2]), "daily")
        if parts[0] == "monthly":
            return Backup(path, _month_taken(path, parts[1]), "monthly")
        if parts[0] == "before" and parts[1] == "update" and len(parts) >= 5:
            return Backup(path, _parse_stamp(parts[3] + parts[4]), "before-update")
    except (ValueError, IndexError, OSError):
        return None
    return None


def _kept_beside(db_path: Path) -> list[Backup]:
    """The files a restore kept beside the data file (``<stem>.before-restore-<stamp>.db``)."""
    prefix = f"{db_path.stem}.{BEFORE_RESTORE}-"
    found = []
    for path in db_path.parent.glob(glob.escape(prefix) + "*.db"):
        with contextlib.suppress(ValueError):
            found.append(Backup(path, _parse_stamp(path.stem[len(prefix) :].replace("-", "")[:14]), BEFORE_RESTORE))
    return found


def list_backups(db_path: Path) -> list[Backup]:
    """Every backup of this data file, newest first: the backup folder's and those kept beside it."""
    db_path = Path(db_path)
    folder = folder_for(db_path)
    found = [entry for p in folder.glob("*.db") if (entry := _entry(p))] if folder.is_dir() else []
    found += _kept_beside(db_path)
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def last_backup_time(db_path: Path) -> dt.datetime | None:
    daily = [b.taken_at for b in list_backups(db_path) if b.kind == "daily"]
    return daily[0] if daily else None


def _daily_due(db_path: Path, now: dt.datetime) -> bool:
    last = last_backup_time(db_path)
    return last is None or now - last >= DAILY_INTERVAL


def due(db_path: Path, now: dt.datetime | None = None) -> bool:
    """True when opening the file now would take a backup (so it must be checked first)."""
    now = now or dt.datetime.now()
    return _daily_due(db_path, now) or not (folder_for(db_path) / f"monthly-{now:%Y%m}.db").exists()


def rotate(conn: sqlite3.Connection, db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Takes a daily backup when the last is a day old or more, a monthly one for a new month,
    and prunes the rest; returns the new daily backup, if one was taken. Copies left by a
    process that died mid-copy are swept. Fails with a Japanese ``UserFacingError``."""
    now = now or dt.datetime.now()
    folder = folder_for(db_path)
    made = None
    try:
        if folder.is_dir():
            _remove(*folder.glob("*.partial"), *folder.glob("*.partial-journal"))
        if _daily_due(db_path, now):
            made = copy_to(conn, folder / f"daily-{now:%Y%m%d-%H%M%S}.db")
        monthly = folder / f"monthly-{now:%Y%m}.db"
        if not monthly.exists():
            copy_to(conn, monthly)
        _prune(folder, "daily-", KEEP_DAILY)
        _prune(folder, "monthly-", KEEP_MONTHLY)
    except (sqlite3.Error, OSError) as exc:
        raise UserFacingError(
            f"自動バックアップを作成できませんでした（{reason(exc)}。保存先: {folder}）。",
            hint="バックアップの保存先の空き容量と書き込みの権限を確かめてください。",
        ) from exc
    return made


def _prune(folder: Path, prefix: str, keep: int) -> None:
    files = sorted(folder.glob(f"{prefix}*.db"), reverse=True)
    _remove(*files[keep:])


def newest_good_backup(db_path: Path) -> Backup | None:
    """The newest backup that passes the same check as an opened file, to name when it is damaged."""
    for backup in list_backups(db_path):
        if not check_path(backup.path):
            return backup
    return None


def _free_name(folder: Path, stem: str) -> Path:
    candidate = folder / f"{stem}.db"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.db"
        number += 1
    return candidate


def put_in_place(
    db_path: Path, source: Path, keep_as: str, now: dt.datetime | None = None
) -> tuple[Path | None, list[str]]:
    """Puts a copy of the backup ``source`` where the data file is, if the copy passes the check.

    The current file (and a journal beside it, which belongs to it and must never meet the
    restored file) is renamed ``<stem>.<keep_as>-<stamp>.db``, never deleted. Returns the kept
    path (None when there was no file) and the copy's problems: when there are any, nothing was
    changed. A failure (a full disk) undoes whatever was done and raises a Japanese error."""
    db_path, now = Path(db_path), now or dt.datetime.now()
    try:
        return _put_in_place(db_path, Path(source), keep_as, now)
    except (sqlite3.Error, OSError) as exc:
        raise UserFacingError(
            f"バックアップを復元できませんでした（{reason(exc)}）: {db_path}",
            hint="データファイルは元のままです。原因を取り除いてから、もう一度お試しください。",
        ) from exc


def _put_in_place(db_path: Path, source: Path, keep_as: str, now: dt.datetime) -> tuple[Path | None, list[str]]:
    temp = db_path.with_name(db_path.name + ".restoring")
    conn = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        copy_to(conn, temp)
    finally:
        conn.close()
    problems = check_path(temp)
    if problems:
        _remove(temp)
        return None, problems
    journal = db_path.with_name(db_path.name + "-journal")
    kept = _free_name(db_path.parent, f"{db_path.stem}.{keep_as}-{now:%Y%m%d-%H%M%S}") if db_path.exists() else None
    moved: list[tuple[Path, Path]] = []
    try:
        if kept is not None:
            os.rename(db_path, kept)
            moved.append((db_path, kept))
            if journal.exists():
                os.rename(journal, kept.with_name(kept.name + "-journal"))
                moved.append((journal, kept.with_name(kept.name + "-journal")))
        os.replace(temp, db_path)
    except BaseException:
        for original, renamed in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(renamed, original)
        _remove(temp)
        raise
    return kept, []

"""Backups made with SQLite's backup API (a consistent copy even while the file is open).

Layout, under the data folder: ``backups/<file stem>-<8 hex of its full path>/`` holding
``daily-YYYYMMDD-HHMMSS.db`` (the last 14 kept), ``monthly-YYYYMM.db`` (the last 12 kept) and
``before-update-v<N>-YYYYMMDD-HHMMSS.db`` (taken before a schema update, never pruned).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

from kyojushien_desktop.paths import backup_dir

KEEP_DAILY = 14
KEEP_MONTHLY = 12
DAILY_INTERVAL = dt.timedelta(days=1)


def folder_for(db_path: Path) -> Path:
    digest = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:8]
    return backup_dir() / f"{Path(db_path).stem}-{digest}"


def copy_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """A complete copy of the open database at ``dest``, written under a temporary name first."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    temp = dest.with_name(dest.name + ".partial")
    temp.unlink(missing_ok=True)
    target = sqlite3.connect(str(temp))
    try:
        conn.backup(target)
    finally:
        target.close()
    os.replace(temp, dest)
    return dest


def pre_migration_backup(conn: sqlite3.Connection, db_path: Path, version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return copy_to(conn, folder_for(db_path) / f"before-update-v{version}-{stamp}.db")


def _parse_stamp(digits: str) -> dt.datetime:
    """YYYYMMDDHHMMSS or YYYYMM, parsed by hand: ``strptime`` costs milliseconds at start-up."""
    if not digits.isdigit() or len(digits) not in (6, 14):
        raise ValueError(digits)
    if len(digits) == 6:
        return dt.datetime(int(digits[:4]), int(digits[4:6]), 1)
    numbers = [int(digits[i:j]) for i, j in ((0, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 14))]
    return dt.datetime(*numbers)


def _stamp_of(path: Path) -> dt.datetime | None:
    parts = path.stem.split("-")
    try:
        if parts[0] == "daily":
            return _parse_stamp(parts[1] + parts[2])
        if parts[0] == "monthly":
            return _parse_stamp(parts[1])
        if parts[0] == "before" and len(parts) >= 5:
            return _parse_stamp(parts[3] + parts[4])
    except (ValueError, IndexError):
        return None
    return None


def list_backups(db_path: Path) -> list[tuple[dt.datetime, Path]]:
    """Every backup of this data file, newest first."""
    folder = folder_for(db_path)
    if not folder.is_dir():
        return []
    found = [(stamp, p) for p in folder.glob("*.db") if (stamp := _stamp_of(p)) is not None]
    return sorted(found, reverse=True)


def last_backup_time(db_path: Path) -> dt.datetime | None:
    daily = [stamp for stamp, p in list_backups(db_path) if p.name.startswith("daily-")]
    return daily[0] if daily else None


def rotate(conn: sqlite3.Connection, db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Takes a daily backup when the last is a day old or more, a monthly one for a new month,
    and prunes the rest; returns the new daily backup, if one was taken."""
    now = now or dt.datetime.now()
    folder = folder_for(db_path)
    last = last_backup_time(db_path)
    made = None
    if last is None or now - last >= DAILY_INTERVAL:
        made = copy_to(conn, folder / f"daily-{now:%Y%m%d-%H%M%S}.db")
    monthly = folder / f"monthly-{now:%Y%m}.db"
    if not monthly.exists():
        copy_to(conn, monthly)
    _prune(folder, "daily-", KEEP_DAILY)
    _prune(folder, "monthly-", KEEP_MONTHLY)
    return made


def _prune(folder: Path, prefix: str, keep: int) -> None:
    files = sorted(folder.glob(f"{prefix}*.db"), reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


def is_sound(path: Path) -> bool:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup that passes SQLite's integrity check, to name in a damaged-file message."""
    for _, path in list_backups(db_path):
        if is_sound(path):
            return path
    return None

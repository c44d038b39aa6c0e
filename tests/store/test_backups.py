"""Rotating backups taken with SQLite's backup API."""

import datetime as dt
import sqlite3

from kyojushien_desktop.store import backups
from kyojushien_desktop.store.integrity import check_path


def test_daily_only_when_a_day_has_passed(db_path):
    """A second open on the same day takes no new daily backup; the next day does."""
    conn = sqlite3.connect(db_path)
    day = dt.datetime(2026, 11, 1, 9, 0)
    assert backups.rotate(conn, db_path, day) is not None
    assert backups.rotate(conn, db_path, day + dt.timedelta(hours=5)) is None
    assert backups.rotate(conn, db_path, day + dt.timedelta(days=1)) is not None
    conn.close()


def test_retention_keeps_14_daily_and_12_monthly(db_path):
    """After 500 days of use only the newest 14 daily and 12 monthly copies remain, all sound."""
    conn = sqlite3.connect(db_path)
    start = dt.datetime(2025, 1, 1, 8, 30)
    for offset in range(0, 500, 3):
        backups.rotate(conn, db_path, start + dt.timedelta(days=offset))
    conn.close()
    folder = backups.folder_for(db_path)
    daily = sorted(folder.glob("daily-*.db"))
    monthly = sorted(folder.glob("monthly-*.db"))
    assert len(daily) == backups.KEEP_DAILY
    assert len(monthly) == backups.KEEP_MONTHLY
    assert monthly[-1].name == "monthly-202605.db"
    assert not any(check_path(p) for p in daily[-2:] + monthly[-2:])
    assert not list(folder.glob("*.partial"))


def test_newest_good_backup_skips_damaged(db_path):
    """A damaged newest backup is passed over for the newest sound one."""
    conn = sqlite3.connect(db_path)
    backups.rotate(conn, db_path, dt.datetime(2026, 11, 1, 9, 0))
    newest = backups.rotate(conn, db_path, dt.datetime(2026, 11, 3, 9, 0))
    conn.close()
    newest.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    good = backups.newest_good_backup(db_path)
    assert good is not None and good.path != newest and good.path.name.startswith(("daily-20261101", "monthly"))


def test_backup_folder_name_keeps_its_digest_of_the_path(tmp_path):
    """Backups made by earlier versions are found: the folder's digest is SHA-256 of the path."""
    import hashlib

    db = tmp_path / "町.db"
    expected = hashlib.sha256(str(db.resolve()).encode("utf-8")).hexdigest()[:8]
    assert backups.folder_for(db).name == f"町-{expected}"

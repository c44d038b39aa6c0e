"""The backups as the user sees them, and restoring one: each checked, newest first; the file
it replaces is kept beside it, never deleted; a backup that fails the check is never put back."""

import datetime as dt
import json
import sqlite3

import pytest

from kyojushien_desktop.domain.errors import DamagedFileError, FileLockedError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common import backups
from kyojushien_desktop.services.common.settings import TownSettings, load_settings, save_settings
from kyojushien_desktop.store import backups as store_backups
from kyojushien_desktop.store import lock
from kyojushien_desktop.store.integrity import check_path
from tests import damage


def with_history(db_path):
    """A file backed up on two days (after today, so both are due) as みどり町, then renamed さくら町."""
    session = datafile.open_session(db_path)
    save_settings(session, TownSettings(municipality="みどり町"))
    conn = session.database.conn
    store_backups.rotate(conn, db_path, dt.datetime(2030, 6, 10, 9, 0))
    store_backups.rotate(conn, db_path, dt.datetime(2030, 6, 11, 9, 0))
    save_settings(session, TownSettings(municipality="さくら町"))
    session.close()
    return [b for b in backups.list_backups(db_path) if b.kind == "daily" and b.taken_at.year == 2030]


def town(path):
    session = datafile.open_session(path, read_only=True)
    try:
        return load_settings(session).municipality
    finally:
        session.close()


def test_listed_newest_first_with_wareki_kind_and_result(db_path):
    """Every backup is listed newest first, dated in 和暦 with its weekday, its kind in Japanese
    and 正常 / 問題あり with the first problem."""
    dailies = with_history(db_path)
    assert [b.when for b in dailies] == ["令和12年6月11日(火) 9:00", "令和12年6月10日(月) 9:00"]
    damage.drop_table(dailies[1].path, "organizations")
    listed = backups.list_backups(db_path)
    assert [b.taken_at for b in listed] == sorted((b.taken_at for b in listed), reverse=True)
    assert {b.kind_label for b in listed} <= {"毎日", "毎月", "形式更新前", "復元前"}
    results = {b.path.name: b.result for b in listed}
    assert results[dailies[0].path.name] == "正常"
    assert results[dailies[1].path.name] == "問題あり（表「organizations」がありません）"


def test_restore_keeps_the_current_file_beside_and_lists_it(db_path):
    """Restoring puts the backup's contents in place; the replaced file is kept beside it as
    ``.before-restore-…`` and listed as 復元前, so the restore itself can be undone."""
    newest = with_history(db_path)[0]
    plan = backups.restore_plan(db_path, newest)
    assert "削除しません" in plan and "town.before-restore-" in plan
    restored = backups.restore_backup(db_path, newest.path)
    assert town(db_path) == "みどり町"
    assert restored.kept.name.startswith("town.before-restore-") and restored.kept.parent == db_path.parent
    assert town(restored.kept) == "さくら町"
    assert newest.path.exists()
    assert check_path(db_path) == []
    kinds = {b.path: b.kind_label for b in backups.list_backups(db_path)}
    assert kinds[restored.kept] == "復元前"
    assert "復元前のファイルは" in restored.message
    backups.restore_backup(db_path, restored.kept)
    assert town(db_path) == "さくら町"


def test_damaged_current_file_is_kept_as_damaged_with_its_journal(db_path):
    """A damaged current file is kept as ``.damaged-…``, its leftover journal moved with it so it
    never meets the restored file."""
    newest = with_history(db_path)[0]
    damage.drop_table(db_path, "people")
    journal = db_path.with_name(db_path.name + "-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 504)
    assert "点検で問題が見つかったため" in backups.restore_plan(db_path, newest)
    restored = backups.restore_backup(db_path, newest.path)
    assert restored.kept_was_damaged and restored.kept.name.startswith("town.damaged-")
    assert not journal.exists() and restored.kept.with_name(restored.kept.name + "-journal").exists()
    assert town(db_path) == "みどり町"
    assert "問題の見つかった元のファイル" in restored.message


def test_backup_that_fails_the_check_is_not_restored(db_path):
    """A damaged backup is refused in Japanese and the data file is left exactly as it was."""
    newest = with_history(db_path)[0]
    damage.add_organizations(newest.path, 10)
    damage.rows_missing_from_index(newest.path)
    before = damage.digest(db_path)
    with pytest.raises(DamagedFileError) as caught:
        backups.restore_backup(db_path, newest.path)
    assert "復元しませんでした" in caught.value.message and "元のまま" in caught.value.hint
    assert damage.digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith("town")) == ["town.db"]


def test_restore_refused_while_someone_has_the_file_open(db_path):
    """While another PC holds the lock, restoring is refused naming who, and nothing changes."""
    newest = with_history(db_path)[0]
    lock.lock_path(db_path).write_text(
        json.dumps({"user": "suzuki", "host": "FUKUSHI-PC01", "pid": 1, "since": "2026-06-12T09:15:00"}),
        encoding="utf-8",
    )
    before = damage.digest(db_path)
    with pytest.raises(FileLockedError) as caught:
        backups.restore_backup(db_path, newest.path)
    assert "suzuki さん（PC名: FUKUSHI-PC01）" in caught.value.message
    assert damage.digest(db_path) == before


def test_restore_when_the_data_file_is_gone(db_path):
    """With the data file deleted, its backup is simply put back."""
    newest = with_history(db_path)[0]
    db_path.unlink()
    restored = backups.restore_backup(db_path, newest.path)
    assert restored.kept is None and town(db_path) == "みどり町"
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()

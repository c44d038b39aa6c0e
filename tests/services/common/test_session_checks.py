"""Damage is found before anything is written: a damaged file is refused, never marked open,
never backed up, and the message names the newest backup that passes the same check."""

import datetime as dt
import shutil
import socket
from pathlib import Path

import pytest

from kyojushien_desktop.domain.errors import DamagedFileError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.store import app_state, backups, lock
from kyojushien_desktop.store.migrations import user_version
from tests import damage

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def backed_up(path: Path) -> set[str]:
    folder = backups.folder_for(path)
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def test_copy_taken_mid_import_is_refused_and_not_backed_up(db_path, tmp_path):
    """A copy whose index misses rows (quick_check: ok) is refused unwritten, naming a good backup."""
    session = datafile.open_session(db_path)
    save_settings(session, TownSettings(municipality="みどり町"))
    session.close()
    damage.add_organizations(db_path, 30)
    damage.mark_open(db_path)
    damage.rows_missing_from_index(db_path)
    before, taken = damage.digest(db_path), backed_up(db_path)
    with pytest.raises(DamagedFileError) as caught:
        datafile.open_session(db_path)
    assert "索引「organizations_name_key」に表の行" in caught.value.message
    assert "問題はありませんでした" not in str(caught.value)
    assert "最新の正常なバックアップ: 令和" in caught.value.hint
    assert str(backups.folder_for(db_path)) in caught.value.hint
    assert "ファイル > バックアップから復元…" in caught.value.hint
    assert damage.digest(db_path) == before
    assert backed_up(db_path) == taken
    assert lock.read_lock(db_path) is None


def test_damaged_pages_marked_closed_are_refused_before_the_first_backup(db_path, tmp_path):
    """A file arriving marked closed with a garbled page is checked (a backup is due) and refused."""
    received = tmp_path / "received.db"
    shutil.copyfile(db_path, received)
    damage.add_organizations(received, 300)
    damage.garble_last_page(received)
    before = damage.digest(received)
    with pytest.raises(DamagedFileError) as caught:
        datafile.open_session(received)
    assert "壊れています" in caught.value.message
    assert "点検に通るバックアップが見つかりません" in caught.value.hint
    assert damage.digest(received) == before
    assert backed_up(received) == set()


def test_file_missing_a_table_is_refused_on_every_open(db_path):
    """A file without its organizations table is refused with the table named, even when the
    full check is not due (checked today, backups taken, marked closed)."""
    datafile.open_session(db_path).close()
    damage.drop_table(db_path, "organizations")
    before = damage.digest(db_path)
    with pytest.raises(DamagedFileError) as caught:
        datafile.open_session(db_path)
    assert "表「organizations」がありません" in caught.value.message
    with pytest.raises(DamagedFileError):
        datafile.open_session(db_path, read_only=True)
    assert damage.digest(db_path) == before


def test_damaged_older_file_is_neither_backed_up_nor_migrated(tmp_path):
    """An older-format file with a table/index mismatch is refused before the pre-update backup."""
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "schema_v2.db", path)
    damage.add_organizations(path, 10)
    damage.rows_missing_from_index(path)
    before = damage.digest(path)
    with pytest.raises(DamagedFileError) as caught:
        datafile.open_session(path)
    assert "形式の更新もバックアップもせずに止めました" in caught.value.message
    assert damage.digest(path) == before
    assert backed_up(path) == set()


def test_full_check_is_recorded_and_due_again_after_a_day_or_on_another_pc(db_path):
    """The passed check is recorded with the open marker; it is due again a day later or elsewhere."""
    session = datafile.open_session(db_path)
    host, now = socket.gethostname(), dt.datetime.now()
    try:
        assert not app_state.check_due(session.database, host, now)
        assert app_state.check_due(session.database, host, now + dt.timedelta(days=1))
        assert app_state.check_due(session.database, "YAKUBA-PC02", now)
    finally:
        session.close()


def test_sound_copy_taken_while_open_is_checked_and_opens(db_path, tmp_path):
    """A sound copy marked open is opened after the full check, with a notice saying so."""
    damage.mark_open(db_path)
    session = datafile.open_session(db_path)
    try:
        assert any("問題はありませんでした" in n for n in session.notices)
        assert user_version(session.database.conn) >= 3
    finally:
        session.close()


def test_debris_of_a_killed_process_is_swept_on_the_next_open(db_path):
    """A half-written backup and a half-created or half-restored file left by a killed process
    are removed the next time the file is opened for writing; nothing else is touched."""
    datafile.open_session(db_path).close()
    folder = backups.folder_for(db_path)
    debris = [
        folder / "daily-20300101-090000.db.partial",
        *(db_path.with_name(db_path.name + s) for s in (".creating", ".restoring")),
    ]
    for path in debris:
        path.write_bytes(b"SQLite format 3\0")
    kept = set(folder.iterdir()) - set(debris)
    datafile.open_session(db_path).close()
    assert not any(path.exists() for path in debris)
    assert kept <= set(folder.iterdir())

"""Read-only and full places: the file opens read-only with a notice that says why, no lock is
attempted where nothing can be written, and a full disk leaves no debris and nothing written."""

import shutil
from pathlib import Path

import pytest

from kyojushien_desktop.domain.errors import DiskFullError, ReadOnlyError, UserFacingError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.settings import TownSettings, load_settings, save_settings
from kyojushien_desktop.store import backups, lock
from kyojushien_desktop.store.database import create_database
from tests import damage, mounts
from tests.japanese import assert_japanese

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def town_file(path):
    """A file with a town name, so reading it back shows nothing was lost."""
    create_database(path).close()
    session = datafile.open_session(path)
    save_settings(session, TownSettings(municipality="みどり町"))
    session.close()
    return path


def test_read_only_mount_opens_read_only_without_a_lock(tmp_path):
    """On a read-only medium (a CD, a locked USB stick) the file opens for viewing, says why, and
    no lock file is attempted; saving is refused in Japanese."""
    with mounts.tmpfs(tmp_path / "cd") as cd:
        path = town_file(cd / "town.db")
        mounts.make_read_only(cd)
        session = datafile.open_session(path)
        try:
            assert session.read_only and session.lock is None
            assert any("書き込みできない媒体" in n for n in session.notices)
            assert load_settings(session).municipality == "みどり町"
            with pytest.raises(ReadOnlyError) as caught:
                save_settings(session, TownSettings(municipality="さくら町"))
            assert "読み取り専用" in caught.value.message
        finally:
            session.close()
        assert mounts.files_in(cd) == {"town.db"}


def test_read_only_folder_opens_read_only_without_a_lock(tmp_path):
    """A folder nobody may write in (bound read-only, which stops root too) opens the file read-only."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = town_file(folder / "town.db")
    before = damage.digest(path)
    with mounts.read_only_folder(folder):
        session = datafile.open_session(path)
        try:
            assert session.read_only and session.lock is None
            assert any("閲覧のみできます" in n for n in session.notices)
        finally:
            session.close()
        assert mounts.files_in(folder) == {"town.db"}
    assert damage.digest(path) == before


def test_full_disk_at_open_leaves_no_empty_lock(tmp_path):
    """On a full disk the lock cannot be written: no 0-byte lock is left, and the file opens
    read-only with a Japanese notice saying what to do; its bytes do not change."""
    with mounts.tmpfs(tmp_path / "disk") as disk:
        path = town_file(disk / "town.db")
        before = damage.digest(path)
        mounts.fill(disk)
        session = datafile.open_session(path)
        try:
            assert session.read_only
            assert any("空き容量が足りない" in n and "削除して" in n for n in session.notices)
            assert_japanese("".join(session.notices), disk)
            assert load_settings(session).municipality == "みどり町"
        finally:
            session.close()
        assert mounts.files_in(disk) == {"town.db", "filler.bin"}
        assert damage.digest(path) == before


def test_full_disk_when_marking_open_falls_back_to_read_only(tmp_path):
    """When the lock is already ours but the open marker cannot be written, the file is reopened
    read-only: no journal is left and nothing is half-written."""
    with mounts.tmpfs(tmp_path / "disk") as disk:
        path = town_file(disk / "town.db")
        before = damage.digest(path)
        mine, _ = lock.try_acquire(path)
        mounts.fill(disk)
        session = datafile.open_session(path)
        try:
            assert session.read_only
            assert any("空き容量が足りない" in n for n in session.notices)
        finally:
            session.close()
        lock.release(path, mine)
        assert mounts.files_in(disk) == {"town.db", "filler.bin"}
        assert damage.digest(path) == before


def test_full_backup_disk_is_told_in_japanese_and_leaves_no_partial_copy(tmp_path, monkeypatch):
    """With the data folder on a full disk the file still opens for writing; the notice says in
    Japanese that the backup failed and why, and no half-written copy remains."""
    path = town_file(tmp_path / "town.db")
    with mounts.tmpfs(tmp_path / "home", size_kb=256) as home:
        monkeypatch.setenv("KYOJUSHIEN_HOME", str(home))
        backups.folder_for(path).mkdir(parents=True)
        mounts.fill(home)
        session = datafile.open_session(path)
        try:
            assert not session.read_only
            notice = next(n for n in session.notices if "自動バックアップ" in n)
            assert "ディスクの空き容量が足りません" in notice and "データファイルは無事です" in notice
            assert_japanese(notice, backups.folder_for(path))
        finally:
            session.close()
        assert list(backups.folder_for(path).iterdir()) == []


def test_create_on_a_full_disk_leaves_nothing(tmp_path):
    """Creating a file on a full disk fails in Japanese and leaves no ``.creating`` file."""
    with mounts.tmpfs(tmp_path / "disk", size_kb=256) as disk:
        mounts.fill(disk)
        with pytest.raises(DiskFullError) as caught:
            create_database(disk / "new.db")
        assert "空き容量" in caught.value.message
        assert mounts.files_in(disk) == {"filler.bin"}


def test_copy_to_a_read_only_medium_elsewhere_keeps_the_original(tmp_path):
    """A file copied from a read-only medium to a writable folder opens for writing again."""
    with mounts.tmpfs(tmp_path / "cd") as cd:
        path = town_file(cd / "town.db")
        mounts.make_read_only(cd)
        local = tmp_path / "town.db"
        shutil.copyfile(path, local)
    session = datafile.open_session(local)
    try:
        assert not session.read_only and session.lock is not None
    finally:
        session.close()


def test_format_update_on_a_full_backup_disk_changes_nothing(tmp_path, monkeypatch):
    """An older file whose pre-update backup cannot be written is refused in Japanese, left at
    its old version, and no half-written copy remains."""
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "schema_v2.db", path)
    before = damage.digest(path)
    with mounts.tmpfs(tmp_path / "home", size_kb=256) as home:
        monkeypatch.setenv("KYOJUSHIEN_HOME", str(home))
        backups.folder_for(path).mkdir(parents=True)
        mounts.fill(home)
        with pytest.raises(DiskFullError) as caught:
            datafile.open_session(path)
        assert_japanese(caught.value.message + caught.value.hint, path)
        assert list(backups.folder_for(path).iterdir()) == []
    assert damage.digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "old.db"]


def test_restore_on_a_full_disk_changes_nothing(tmp_path, private_home):
    """A restore that cannot write its lock, or whose copy does not fit (the lock already ours), is
    refused in Japanese; the file and its folder are as they were."""
    from kyojushien_desktop.services.common.backups import restore_backup

    with mounts.tmpfs(tmp_path / "disk") as disk:
        path = town_file(disk / "town.db")
        backup = next(backups.folder_for(path).glob("daily-*.db"))
        before = damage.digest(path)
        for lock_first in (False, True):
            if lock_first:
                (disk / "filler.bin").unlink()
                lock.try_acquire(path)
            mounts.fill(disk)
            with pytest.raises(UserFacingError) as caught:
                restore_backup(path, backup)
            assert "復元できませんでした（ディスクの空き容量が足りません）" in caught.value.message
            assert "元のまま" in caught.value.hint
            assert mounts.files_in(disk) == {"town.db", "filler.bin"}
            assert damage.digest(path) == before

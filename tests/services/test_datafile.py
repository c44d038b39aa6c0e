"""Opening a data file as the user experiences it: locks, the open marker, backups, damage."""

import shutil
import subprocess
import sys
import textwrap

import pytest

from kyojushien_desktop.domain.errors import DamagedFileError, FileLockedError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.settings import TownSettings, load_settings, save_settings
from kyojushien_desktop.store import backups, lock

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kyojushien_desktop.services.datafile import open_session
    session = open_session(Path(sys.argv[1]))
    print("open", flush=True)
    sys.stdin.readline()
    session.close()
    """
)


def test_second_instance_is_told_who_and_may_read(db_path):
    """While another process has the file, a second opener is told who since when and can read it."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(FileLockedError) as caught:
            datafile.open_session(db_path)
        assert "さん（PC名:" in caught.value.message and "から開いています" in caught.value.message
        reader = datafile.open_session(db_path, read_only=True)
        assert reader.read_only
        assert load_settings(reader).municipality == ""
        reader.close()
        assert lock.read_lock(db_path) is not None  # the reader left the holder's lock alone
    finally:
        holder.communicate("\n", timeout=20)
    assert lock.read_lock(db_path) is None
    session = datafile.open_session(db_path)
    session.close()


def test_close_marks_file_closed_and_copy_is_complete(db_path, tmp_path):
    """After close, a plain file copy holds every saved change and opens without a notice."""
    session = datafile.open_session(db_path)
    save_settings(session, TownSettings(municipality="みどり町", department="建設課"))
    assert not session.database.conn.in_transaction
    session.close()
    copy = tmp_path / "usb" / "handover.db"
    copy.parent.mkdir()
    shutil.copyfile(db_path, copy)
    received = datafile.open_session(copy)
    assert load_settings(received).municipality == "みどり町"
    assert not any("正しく終了" in n for n in received.notices)
    received.close()


def test_copy_taken_while_open_gets_notice_and_check(db_path, tmp_path):
    """A copy made while the app was running arrives marked open: notice, integrity checked."""
    session = datafile.open_session(db_path)
    save_settings(session, TownSettings(municipality="みどり町"))
    copy = tmp_path / "copied_while_open.db"
    shutil.copyfile(db_path, copy)
    session.close()
    received = datafile.open_session(copy)
    assert any("正しく終了しなかったか" in n and "問題はありませんでした" in n for n in received.notices)
    assert load_settings(received).municipality == "みどり町"
    received.close()


def test_open_takes_daily_backup(db_path):
    """Opening a file takes today's backup, which the home page can show."""
    session = datafile.open_session(db_path)
    session.close()
    assert datafile.last_backup(db_path) is not None
    assert backups.newest_good_backup(db_path) is not None


def test_damaged_file_names_newest_good_backup(db_path):
    """A file whose pages are garbage is refused, naming the newest sound backup."""
    session = datafile.open_session(db_path)
    save_settings(session, TownSettings(municipality="みどり町"))
    session.close()
    data = bytearray(db_path.read_bytes())
    for offset in range(100, len(data)):
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))
    with pytest.raises(DamagedFileError) as caught:
        datafile.open_session(db_path)
    assert "最新の正常なバックアップ" in caught.value.hint
    assert str(backups.folder_for(db_path)) in caught.value.hint
    assert lock.read_lock(db_path) is None

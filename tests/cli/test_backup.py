"""``kyojushien backup list | restore`` and ``check`` on damaged files, as real processes."""

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys

from kyojushien_desktop.store import backups
from tests import damage, mounts
from tests.japanese import assert_japanese


def run(*args, home):
    env = dict(os.environ, KYOJUSHIEN_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "kyojushien_desktop", *args], capture_output=True, text=True, env=env)


def town(path):
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT key, value FROM settings").fetchall()).get("municipality")
    finally:
        conn.close()


def test_list_then_restore(tmp_path, private_home):
    """backup list prints one tab-separated line a backup (和暦, kind, result, path); restore puts
    the chosen one back and keeps the replaced file beside it."""
    path = tmp_path / "town.db"
    assert run("init", "--db", str(path), "--municipality", "みどり町", home=private_home).returncode == 0
    conn = sqlite3.connect(path)
    backups.rotate(conn, path, dt.datetime(2030, 6, 11, 9, 0))  # a later day's backup, of みどり町
    conn.execute("UPDATE settings SET value = 'さくら町' WHERE key = 'municipality'")
    conn.commit()
    conn.close()
    listed = run("backup", "list", "--db", str(path), home=private_home)
    assert listed.returncode == 0, listed.stderr
    lines = [line.split("\t") for line in listed.stdout.splitlines()]
    assert lines[0][:3] == ["令和12年6月11日(火) 9:00", "毎日", "正常"]
    assert {fields[1] for fields in lines} == {"毎日", "毎月"}
    assert all(fields[0].startswith("令和") and fields[2] == "正常" for fields in lines)
    restored = run("backup", "restore", lines[0][3], "--db", str(path), home=private_home)
    assert restored.returncode == 0, restored.stderr
    assert "復元しました" in restored.stdout and "before-restore" in restored.stdout
    assert town(path) == "みどり町"
    kept = next(tmp_path.glob("town.before-restore-*.db"))
    assert town(kept) == "さくら町"
    again = run("backup", "list", "--db", str(path), home=private_home).stdout
    assert f"\t復元前\t正常\t{kept}" in again


def test_restore_of_a_damaged_backup_exits_1(tmp_path, private_home):
    """Restoring a backup that fails the check exits 1 in Japanese and changes nothing."""
    home, path = private_home, tmp_path / "town.db"
    run("init", "--db", str(path), "--municipality", "みどり町", home=home)
    backup = next(backups.folder_for(path).glob("daily-*.db"))
    damage.drop_table(backup, "organizations")
    before = damage.digest(path)
    result = run("backup", "restore", str(backup), "--db", str(path), home=home)
    assert result.returncode == 1
    assert "表「organizations」がありません" in result.stderr
    assert damage.digest(path) == before


def test_check_finds_index_mismatch_and_missing_table(db_path, tmp_path):
    """check exits 1 naming, in Japanese, the index that misses rows and the table that is gone."""
    mismatch = tmp_path / "mismatch.db"
    shutil.copyfile(db_path, mismatch)
    damage.add_organizations(mismatch, 5)
    damage.rows_missing_from_index(mismatch)
    result = run("check", "--db", str(mismatch), home=tmp_path / "home")
    assert result.returncode == 1
    assert "整合性: 問題あり" in result.stdout and "索引「organizations_name_key」に表の行" in result.stdout
    assert "missing" not in result.stdout
    damage.drop_table(db_path, "organizations")
    result = run("check", "--db", str(db_path), home=tmp_path / "home")
    assert result.returncode == 1
    assert "表「organizations」がありません" in result.stdout and "問題なし" not in result.stdout


def test_unwritable_backup_folder_is_told_in_japanese_without_traceback(tmp_path, monkeypatch):
    """With the data folder on a read-only mount, init still makes the file and says in Japanese
    that the backup failed: no traceback, no English."""
    path = tmp_path / "town.db"
    with mounts.tmpfs(tmp_path / "home", size_kb=256) as home:
        mounts.make_read_only(home)
        result = run("init", "--db", str(path), "--municipality", "みどり町", home=home)
        monkeypatch.setenv("KYOJUSHIEN_HOME", str(home))
        folder = backups.folder_for(path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "お知らせ: 自動バックアップを作成できませんでした（書き込みできない場所です" in result.stderr
    assert_japanese(result.stderr, folder, path)
    assert town(path) == "みどり町"


def test_opening_a_folder_is_told_in_japanese(tmp_path):
    """A folder given as the data file gets a Japanese message, not 「Is a directory」."""
    folder = tmp_path / "folder.db"
    folder.mkdir()
    result = run("members", "search", "み", "--db", str(folder), home=tmp_path / "home")
    assert result.returncode == 1
    assert "フォルダ" in result.stderr
    assert_japanese(result.stderr, folder)

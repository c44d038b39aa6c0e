"""The data file: how it is created, opened, migrated and refused."""

import hashlib
import sqlite3
from pathlib import Path

import pytest

from kyojushien_desktop.domain.errors import (
    DamagedFileError,
    NewerSchemaError,
    NotOurFileError,
    ReadOnlyError,
    UserFacingError,
)
from kyojushien_desktop.store.database import APPLICATION_ID, create_database, open_database
from kyojushien_desktop.store.integrity import check_path
from kyojushien_desktop.store.migrations import SCHEMA_VERSION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_ours_with_rollback_journal(tmp_path):
    """A new file carries our application id and schema version, uses DELETE journal, FKs on."""
    database = create_database(tmp_path / "new.db")
    conn = database.conn
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    database.close()
    assert not (tmp_path / "new.db.creating").exists()


def test_create_refuses_to_overwrite(db_path):
    """Creating over an existing file is refused and the file is untouched."""
    before = digest(db_path)
    with pytest.raises(UserFacingError, match="すでにあります"):
        create_database(db_path)
    assert digest(db_path) == before


def test_newer_schema_refused_without_writing(db_path):
    """A file from a newer app is refused naming both versions; its bytes do not change."""
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.close()
    before = digest(db_path)
    with pytest.raises(NewerSchemaError) as caught:
        open_database(db_path)
    assert f"第{SCHEMA_VERSION + 3}版" in caught.value.message
    assert f"第{SCHEMA_VERSION}版" in caught.value.message
    assert digest(db_path) == before


def test_foreign_sqlite_refused_without_writing(tmp_path):
    """Another program's SQLite file is refused and left byte for byte as it was."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('x')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotOurFileError, match="別のソフト"):
        open_database(path)
    assert digest(path) == before


def test_text_file_is_not_a_database(tmp_path):
    """A CSV renamed to .db is refused with a message that points to import."""
    path = tmp_path / "meibo.db"
    path.write_text("団体名,電話\nみどり不動産,0123\n", encoding="utf-8")
    with pytest.raises(NotOurFileError) as caught:
        open_database(path)
    assert "取り込み" in caught.value.hint


def test_zero_byte_file(tmp_path):
    """An empty file (a copy that never finished) is refused as damaged, not created anew."""
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(DamagedFileError, match="0バイト"):
        open_database(path)
    assert path.stat().st_size == 0


def test_truncated_file(db_path):
    """A file cut short is refused as damaged before SQLite reads garbage."""
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE filler (x TEXT)")
    conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 200)
    conn.commit()
    conn.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DamagedFileError, match="途中で切れて"):
        open_database(db_path)


def test_read_only_file_opens_for_viewing(db_path):
    """A file marked read-only opens read-only with a notice, and writing is refused clearly."""
    db_path.chmod(0o444)
    before = digest(db_path)
    database = open_database(db_path)
    assert database.read_only
    assert any("読み取り専用" in n for n in database.notices)
    assert database.read("SELECT count(*) AS n FROM settings")[0]["n"] == 0
    with pytest.raises(ReadOnlyError), database.atomic() as db:
        db["settings"].insert({"key": "municipality", "value": "x"})
    database.close()
    assert digest(db_path) == before


def test_disk_full_rolls_back_whole_transaction(db_path):
    """When the disk fills mid-transaction the user gets a Japanese message and nothing is half-saved."""
    database = open_database(db_path)
    with database.atomic() as db:
        db["settings"].insert({"key": "municipality", "value": "みどり町"})
    pages = database.conn.execute("PRAGMA page_count").fetchone()[0]
    database.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(UserFacingError) as caught, database.atomic() as db:
        db["settings"].insert({"key": "a", "value": "small"})
        db["settings"].insert({"key": "b", "value": "x" * 200_000})
    assert "空き容量" in caught.value.message
    keys = [row["key"] for row in database.read("SELECT key FROM settings")]
    assert keys == ["municipality"]
    assert not database.conn.in_transaction
    database.close()


def test_older_file_is_backed_up_then_migrated(tmp_path):
    """An older file is copied with the backup API before its schema is brought up to date."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE marker (x)")
    conn.commit()
    conn.close()
    database = open_database(path)
    assert database.migrated_from == 0
    assert database.pre_migration_backup is not None and database.pre_migration_backup.exists()
    assert check_path(database.pre_migration_backup) == []
    old = sqlite3.connect(database.pre_migration_backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 0
    old.close()
    assert database.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert any("更新しました" in n for n in database.notices)
    database.close()


def test_fixture_for_every_earlier_schema_version_opens(tmp_path):
    """Every shipped schema version has a fixture file, and each opens and migrates to the latest."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    for version in range(1, SCHEMA_VERSION):
        source = fixtures / f"schema_v{version}.db"
        assert source.exists(), f"missing fixture for schema version {version}"
        copy = tmp_path / source.name
        copy.write_bytes(source.read_bytes())
        database = open_database(copy)
        assert database.migrated_from == version
        assert database.problems() == []
        database.close()

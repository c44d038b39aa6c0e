"""The damage check every open, backup and ``kyojushien check`` relies on."""

import re
import shutil
import sqlite3
from pathlib import Path

from kyojushien_desktop.store import integrity
from kyojushien_desktop.store.migrations import SCHEMA_VERSION
from tests import damage

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_fresh_file_is_sound(db_path):
    """A file just created passes both checks: the expected schema is derived, not listed."""
    assert integrity.check_path(db_path) == []
    assert "organizations" in integrity.expected_schema(SCHEMA_VERSION).tables


def test_rows_missing_from_an_index_are_found(db_path):
    """A table/index mismatch that quick_check calls ok is named in Japanese, index and row."""
    damage.add_organizations(db_path, 20)
    damage.rows_missing_from_index(db_path)
    problems = integrity.check_path(db_path)
    assert problems and "索引「organizations_name_key」に表の行" in problems[0]
    assert not any(word in p for p in problems for word in ("missing", "wrong", "entries"))


def test_damaged_page_is_found(db_path):
    """A garbled page is reported as damage inside the file, in Japanese."""
    damage.add_organizations(db_path, 300)
    damage.garble_last_page(db_path)
    problems = integrity.check_path(db_path)
    assert re.fullmatch(r"ファイルの内部（第\d+ページ）が壊れています", problems[0]), problems


def test_missing_table_and_column_are_found(db_path):
    """A dropped table and a table rebuilt without a column are both named."""
    damage.drop_table(db_path, "organizations")
    conn = sqlite3.connect(db_path)
    conn.execute("ALTER TABLE people DROP COLUMN kana")
    conn.commit()
    conn.close()
    problems = integrity.check_path(db_path)
    assert "表「organizations」がありません" in problems
    assert "表「people」に列「kana」がありません" in problems
    assert "索引「organizations_name_key」（表「organizations」）がありません" in problems


def test_older_file_is_checked_against_its_own_version(tmp_path):
    """A file of an earlier version is sound against that version's schema, not the latest."""
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "schema_v2.db", path)
    assert integrity.check_path(path) == []


def test_files_that_are_not_data_files(tmp_path):
    """Empty, foreign and unreadable files get a Japanese reason, never an exception."""
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    text = tmp_path / "text.db"
    text.write_text("団体名,電話\n", encoding="utf-8")
    assert integrity.check_path(empty) == ["ファイルが空です（0バイト）"]
    assert integrity.check_path(foreign) == ["居住支援デスクのデータファイルではありません"]
    assert "壊れています" in integrity.check_path(text)[0]
    assert "見つかりません" in integrity.check_path(tmp_path / "none.db")[0]


def test_saved_schemas_are_the_migrations_run_in_memory():
    """resources/schema.json holds every version, exactly as the migrations define it; when a
    step is added or changed, run ``python scripts/derive_schema.py``."""
    saved = integrity._saved_schemas()
    assert sorted(saved, key=int) == [str(v) for v in range(1, SCHEMA_VERSION + 1)], "run scripts/derive_schema.py"
    for version in range(1, SCHEMA_VERSION + 1):
        assert integrity.expected_schema(version) == integrity.derive_schema(version), (
            f"schema version {version} differs from the migrations: run scripts/derive_schema.py"
        )

"""``kyojushien members import`` as a real process on real files."""

import os
import sqlite3
import subprocess
import sys

import pytest

from kyojushien_desktop.services import datafile


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "kyojushien_desktop", *args], capture_output=True, text=True, env=os.environ.copy()
    )


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "town.db"
    datafile.create_session(path).close()
    return path


def names(db) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM organizations ORDER BY id")]
    finally:
        conn.close()


def write_csv(path, rows):
    path.write_bytes("\r\n".join(",".join(cells) for cells in rows).encode("cp932"))
    return path


def test_import_lands_rows(db, tmp_path):
    """A clean Shift_JIS CSV lands every row, exit 0, with a summary on stdout."""
    path = write_csv(
        tmp_path / "名簿.csv", [["団体名", "電話番号"], ["あおば不動産", "011-111-1111"], ["さくら荘", ""]]
    )
    result = run("members", "import", str(path), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "新規 2件" in result.stdout
    assert names(db) == ["あおば不動産", "さくら荘"]


def test_bad_row_exits_1_and_writes_nothing(db, tmp_path):
    """One bad row: exit 1, its row number and column on stderr, and nothing written."""
    path = write_csv(
        tmp_path / "bad.csv", [["団体名", "電話番号"], ["あおば不動産", "011-111-1111"], ["さくら荘", "なし"]]
    )
    result = run("members", "import", str(path), "--db", str(db))
    assert result.returncode == 1
    assert "3行目「電話番号」: 電話番号に数字が入っていません。" in result.stderr
    assert names(db) == []
    skipped = run("members", "import", str(path), "--db", str(db), "--skip-bad")
    assert skipped.returncode == 0, skipped.stderr
    assert names(db) == ["あおば不動産"]


def test_unreadable_file_exits_1(db, tmp_path):
    """A file that is not a spreadsheet exits 1 with a Japanese message naming it."""
    path = tmp_path / "memo.xlsx"
    path.write_bytes(b"just some text, not a workbook")
    result = run("members", "import", str(path), "--db", str(db))
    assert result.returncode == 1
    assert "Excelファイルとして読み取れません" in result.stderr and "memo.xlsx" in result.stderr

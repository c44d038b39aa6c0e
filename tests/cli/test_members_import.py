"""``kyojushien members import`` as a real process on real files."""

import os
import sqlite3
import subprocess
import sys

import openpyxl
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


def test_several_sheets_need_sheet_and_totals_are_listed(db, tmp_path):
    """Two sheets holding a 名簿: exit 1 naming both and --sheet, nothing written; with --sheet the
    named sheet lands, its total row listed on stderr and left out."""
    book = openpyxl.Workbook()
    book.active.title = "名簿(旧)"
    book.active.append(["団体名", "電話番号"])
    book.active.append(["むかし荘", "011-000-0000"])
    sheet = book.create_sheet("名簿")
    for row in (["団体名", "電話番号"], ["あおば不動産", "011-111-1111"], ["計", None]):
        sheet.append(row)
    path = tmp_path / "名簿.xlsx"
    book.save(path)
    refused = run("members", "import", str(path), "--db", str(db))
    assert refused.returncode == 1
    assert "名簿の見出しがあるシートが複数ある" in refused.stderr and "「名簿(旧)」、「名簿」" in refused.stderr
    assert "名簿.xlsx" in refused.stderr and "--sheet" in refused.stderr
    assert names(db) == []
    chosen = run("members", "import", str(path), "--db", str(db), "--sheet", "名簿")
    assert chosen.returncode == 0, chosen.stderr
    assert "3行目: 「計」は合計や名簿の終わりを示す行とみなして、取り込みません。" in chosen.stderr
    assert "新規 1件" in chosen.stdout
    assert names(db) == ["あおば不動産"]


def test_unclosed_quote_exits_1_and_writes_nothing(db, tmp_path):
    """A CSV whose quote is never closed: exit 1, the row and the file on stderr, nothing written."""
    path = tmp_path / "q.csv"
    path.write_bytes('団体名,電話番号\n"あおば不動産,011-111-1111\nさくら荘,022-222-2222\n'.encode("cp932"))
    result = run("members", "import", str(path), "--db", str(db))
    assert result.returncode == 1
    assert 'CSVファイルの2行目で「"」' in result.stderr and "q.csv" in result.stderr
    assert names(db) == []

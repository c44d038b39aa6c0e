"""``kyojushien members export`` run as a real process on a real data file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from kyojushien_desktop.domain.members import Organization
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.datafile import create_session, open_session
from kyojushien_desktop.services.members import organizations

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kyojushien_desktop", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        cwd=ROOT,
        timeout=120,
    )


def make_town(path: Path) -> Path:
    session = create_session(path)
    save_settings(session, TownSettings(municipality="みどり町"))
    organizations.save_organization(session, Organization(name="株式会社みどり不動産", category="不動産事業者・団体"))
    organizations.save_organization(session, Organization(name="さくら福祉会", category="福祉事業者・団体"))
    session.close()
    return path


def test_export_xlsx(tmp_path: Path):
    """--xlsx writes a workbook whose 名簿 sheet lists every organisation; exit 0."""
    db, out = make_town(tmp_path / "t.db"), tmp_path / "名簿.xlsx"
    result = run("members", "export", "--xlsx", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "Excelに書き出しました" in result.stdout
    names = {row[0] for row in openpyxl.load_workbook(out)["名簿"].iter_rows(min_row=2, values_only=True)}
    assert names == {"株式会社みどり不動産", "さくら福祉会"}


def test_export_pdf(tmp_path: Path):
    """--pdf writes the 名簿 PDF with the organisations and the town's name; exit 0."""
    db, out = make_town(tmp_path / "t.db"), tmp_path / "名簿.pdf"
    result = run("members", "export", "--pdf", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "株式会社みどり不動産" in text and "さくら福祉会" in text and "みどり町" in text


def test_export_both_at_once(tmp_path: Path):
    """--xlsx and --pdf together write both files."""
    db = make_town(tmp_path / "t.db")
    result = run(
        "members", "export", "--xlsx", str(tmp_path / "a.xlsx"), "--pdf", str(tmp_path / "a.pdf"), "--db", str(db)
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "a.xlsx").stat().st_size > 0 and (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")


def test_export_without_target_exit_1(tmp_path: Path):
    """Neither --xlsx nor --pdf: exit 1 with a Japanese message saying how to name the output."""
    db = make_town(tmp_path / "t.db")
    result = run("members", "export", "--db", str(db))
    assert result.returncode == 1
    assert "--xlsx OUT または --pdf OUT で指定してください" in result.stderr


def test_export_into_missing_folder_exit_1(tmp_path: Path):
    """A folder that does not exist: exit 1 with the Japanese message, no traceback."""
    db = make_town(tmp_path / "t.db")
    result = run("members", "export", "--xlsx", str(tmp_path / "ない" / "x.xlsx"), "--db", str(db))
    assert result.returncode == 1
    assert "書き出し先のフォルダが見つかりません" in result.stderr and "Traceback" not in result.stderr


def test_export_pdf_with_characters_the_font_lacks(tmp_path: Path):
    """A name with 𠮷: the warning naming it and its record goes to stderr, the PDF is written
    with 〓 in its place, stdout says what it always says and the exit code is 0."""
    db, out = make_town(tmp_path / "t.db"), tmp_path / "名簿.pdf"
    session = open_session(db)
    organizations.save_organization(session, Organization(name="𠮷野家不動産", category="不動産事業者・団体"))
    session.close()
    result = run("members", "export", "--pdf", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"PDFに書き出しました: {out}\n"
    assert (
        "「𠮷野家不動産」の名称: 𠮷（U+20BB7）" in result.stderr and "「〓」に置き換えて書き出します" in result.stderr
    )
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "〓野家不動産" in text and "株式会社みどり不動産" in text

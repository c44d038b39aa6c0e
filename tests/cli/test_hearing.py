"""`kyojushien hearing …` run as a real process on real files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kyojushien_desktop.content import hearing as hearing_guide
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.datafile import create_session, open_session
from kyojushien_desktop.services.hearing import question_banks, visits
from kyojushien_desktop.services.members import organizations
from tests.visit_forms import new_visit


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kyojushien_desktop", "hearing", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )


def pdf_text(path: Path) -> str:
    return "".join(re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages)


@pytest.fixture
def town(tmp_path: Path) -> Path:
    """みどり町 with two real-estate visits planned, one of them recorded with answers."""
    path = tmp_path / "town.db"
    session = create_session(path)
    try:
        save_settings(session, TownSettings(municipality="みどり町"))
        bank = question_banks.find_bank(session, "real_estate")
        ids = []
        for name, day in (("みどり不動産", 5), ("さくら住宅管理", 12)):
            org_id, _ = organizations.save_organization(
                session, organizations.new_organization("不動産事業者・団体", name)
            )
            visit = dataclasses.replace(
                new_visit(session, org_id, dt.datetime(2026, 10, day, 14, 0), bank.id), purpose=f"{name}訪問"
            )
            ids.append(visits.plan_visit(session, visit)[0])
        first = visits.visit_questions(session, ids[0])
        visits.record_answers(session, ids[0], {first[0].id: "町内全域", first[6].id: "家賃滞納の不安"})
    finally:
        session.close()
    return path


def test_banks_one_a_line_name_tab_count(town: Path) -> None:
    """`hearing banks` prints each live bank as 「名前<TAB>質問数」, the guide's first."""
    result = run("banks", "--db", str(town))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [f"{bank.name}\t{len(bank.questions)}" for bank in hearing_guide.question_banks()]


def test_sheet_blank_and_for_visits(town: Path, tmp_path: Path) -> None:
    """`hearing sheet` writes a blank sheet for a bank (by name or key) and a batch for visits."""
    name = hearing_guide.question_bank("welfare").name
    blank = tmp_path / "blank.pdf"
    result = run("sheet", "--bank", name, "--pdf", str(blank), "--db", str(town))
    assert result.returncode == 0, result.stderr
    assert "ヒアリングシートを書き出しました" in result.stdout
    text = pdf_text(blank)
    assert all(f"{n}.{q.text}" in text for n, q in enumerate(hearing_guide.question_bank("welfare").questions, 1))
    assert "みどり町ヒアリングシート1/" in text

    batch = tmp_path / "batch.pdf"
    result = run("sheet", "--visit", "1", "--visit", "2", "--pdf", str(batch), "--db", str(town))
    assert result.returncode == 0, result.stderr
    text = pdf_text(batch)
    assert text.index("みどり不動産訪問") < text.index("さくら住宅管理訪問")
    assert "令和8年10月5日(月)14:00" in text

    result = run("sheet", "--bank", "real_estate", "--pdf", str(tmp_path / "key.pdf"), "--db", str(town))
    assert result.returncode == 0, result.stderr


def test_compare_xlsx_and_pdf(town: Path, tmp_path: Path) -> None:
    """`hearing compare` exports the recorded answers to .xlsx and to the まとめ PDF."""
    name = hearing_guide.question_bank("real_estate").name
    xlsx = tmp_path / "compare.xlsx"
    result = run("compare", "--bank", name, "--xlsx", str(xlsx), "--db", str(town))
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(xlsx).active
    assert [c.value for c in sheet[2]][:1] == ["みどり不動産"]
    assert "町内全域" in [c.value for c in sheet[2]] and sheet.max_row == 2  # the planned visit is not compared
    pdf = tmp_path / "matome.pdf"
    result = run("compare", "--bank", name, "--pdf", str(pdf), "--db", str(town), "--from", "2026-10-01")
    assert result.returncode == 0, result.stderr
    assert "みどり不動産（令和8年10月5日(月)）家賃滞納の不安" in pdf_text(pdf)


def test_unknown_bank_exit_1_lists_banks(town: Path, tmp_path: Path) -> None:
    """An unknown bank exits 1 with a Japanese message naming the banks there are; no file is written."""
    out = tmp_path / "x.pdf"
    result = run("sheet", "--bank", "不動産", "--pdf", str(out), "--db", str(town))
    assert result.returncode == 1
    assert "質問バンク「不動産」が見つかりません" in result.stderr
    assert all(bank.name in result.stderr for bank in hearing_guide.question_banks())
    assert not out.exists()


def test_usage_errors_exit_2(town: Path, tmp_path: Path) -> None:
    """compare needs exactly one of --xlsx / --pdf; a bad date is a usage error too."""
    assert run("compare", "--bank", "welfare", "--db", str(town)).returncode == 2
    both = run("compare", "--bank", "welfare", "--xlsx", "a.xlsx", "--pdf", "a.pdf", "--db", str(town))
    assert both.returncode == 2
    bad = run("compare", "--bank", "welfare", "--xlsx", str(tmp_path / "a.xlsx"), "--from", "R8.4.1", "--db", str(town))
    assert bad.returncode == 2 and "2026-04-01" in bad.stderr


def test_file_never_opened_since_hearing_tables_gets_banks(db_path: Path, tmp_path: Path) -> None:
    """A file made without the guide banks (never opened for writing) gets them on first use."""
    import sqlite3

    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM question_banks").fetchone()[0] == 0
    result = run("banks", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3
    session = open_session(db_path, read_only=True)
    try:
        assert len(question_banks.list_banks(session)) == 3
    finally:
        session.close()

"""`kyojushien diagnosis …` run as a real process on a real data file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.diagnosis import rounds
from tests.diagnosis_town import build_round, fill_workbook


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kyojushien_desktop", "diagnosis", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )


def test_rounds_lists_one_line_each_in_the_exact_format(db_path: Path) -> None:
    session = datafile.open_session(db_path)
    try:
        build_round(session, 4)
    finally:
        session.close()
    done = run("new", "--name", "令和8年度 第2回", "--date", "2026-11-02", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    listed = run("rounds", "--db", str(db_path))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [
        "2\t令和8年度 第2回\t2026-11-02\t0\t0",
        "1\t令和8年度 第1回\t2026-05-20\t4\t4",
    ]
    assert run("new", "--name", "x", "--date", "2026-13-01", "--db", str(db_path)).returncode == 2


def test_sheet_import_and_compare(db_path: Path, tmp_path: Path) -> None:
    assert run("new", "--name", "第1回", "--db", str(db_path)).returncode == 0
    named = run(
        "sheet", "--round", "1", "--respondent", "山田 花子", "--xlsx", str(tmp_path / "y.xlsx"), "--db", str(db_path)
    )
    assert named.returncode == 0, named.stderr
    assert openpyxl.load_workbook(tmp_path / "y.xlsx")["回答"]["B5"].value == "山田 花子"
    blank = run("sheet", "--round", "1", "--xlsx", str(tmp_path / "blank.xlsx"), "--db", str(db_path))
    assert blank.returncode == 0 and "白紙" in blank.stdout
    assert run("sheet", "--round", "1", "--pdf", str(tmp_path / "blank.pdf"), "--db", str(db_path)).returncode == 0
    good = fill_workbook(tmp_path / "y.xlsx", tmp_path / "good.xlsx", "山田 花子", {9: 4})
    bad = fill_workbook(tmp_path / "blank.xlsx", tmp_path / "bad.xlsx", "鈴木 次郎", {9: 6, 10: "とても"})
    failed = run("import", "--round", "1", str(good), str(bad), "--db", str(db_path))
    assert failed.returncode == 1
    lines = failed.stderr.splitlines()
    assert "bad.xlsx: 「回答」C9: 「6」は1〜5で入力してください" in lines
    assert any(line.startswith("bad.xlsx: 「回答」C10: 「とても」") for line in lines)
    session = datafile.open_session(db_path)
    try:
        assert [(p.name, p.scores) for p in rounds.respondents_of(session, 1)] == [("山田 花子", {})]
    finally:
        session.close()
    assert run("import", "--round", "1", str(good), "--db", str(db_path)).returncode == 0
    again = run("import", "--round", "1", str(good), "--db", str(db_path))
    assert again.returncode == 1 and "--replace" in again.stderr
    assert run("import", "--round", "1", "--replace", str(good), "--db", str(db_path)).returncode == 0
    for kind in ("xlsx", "pdf"):
        out = tmp_path / f"cmp.{kind}"
        done = run("compare", "--round", "1", f"--{kind}", str(out), "--anonymous", "--db", str(db_path))
        assert done.returncode == 0 and out.exists(), done.stderr
    assert run("compare", "--round", "9", "--xlsx", str(tmp_path / "n.xlsx"), "--db", str(db_path)).returncode == 1

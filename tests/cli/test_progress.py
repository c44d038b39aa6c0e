"""`kyojushien progress …` run as a real process on a real data file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from kyojushien_desktop.content.phases import milestones
from tests.reports.test_hearing_reports import embedded_fonts


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kyojushien_desktop", "progress", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )


def pdf_text(path: Path) -> str:
    return "".join(re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages)


def test_the_list_is_21_lines_in_the_exact_format(db_path: Path) -> None:
    assert (
        run("set", "2-1", "達成", "--note", "福祉課と共有", "--date", "2026-05-01", "--db", str(db_path)).returncode
        == 0
    )
    done = run("--db", str(db_path))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines == [f"{m.id}\t{'達成' if m.id == '2-1' else '未着手'}\t0\t{m.text}" for m in milestones()]


def test_an_unknown_id_is_named_in_japanese(db_path: Path) -> None:
    done = run("set", "9-9", "達成", "--db", str(db_path))
    assert done.returncode == 1 and "9-9" in done.stderr and "ありません" in done.stderr


def test_a_bad_status_or_date_is_a_usage_error(db_path: Path) -> None:
    bad_status = run("set", "1-1", "済", "--db", str(db_path))
    assert bad_status.returncode == 2 and "状態は" in bad_status.stderr
    bad_date = run("set", "1-1", "達成", "--date", "2026-13-01", "--db", str(db_path))
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    assert run("--db", str(db_path)).stdout.splitlines()[0].split("\t")[1] == "未着手"


def test_both_pdfs_are_written(db_path: Path, tmp_path: Path) -> None:
    run("set", "1-1", "取組み中", "--date", "2026-04-10", "--db", str(db_path))
    report, chart = tmp_path / "report.pdf", tmp_path / "chart.pdf"
    assert run("report", "--pdf", str(report), "--db", str(db_path)).returncode == 0
    assert run("timeline", "--pdf", str(chart), "--db", str(db_path)).returncode == 0
    assert "現在地レポート" in pdf_text(report) and "取組みの経過" in pdf_text(chart)
    assert "目安1-1を取組み中に" in pdf_text(chart)
    assert embedded_fonts(report) and embedded_fonts(chart)


def test_set_help_names_every_status() -> None:
    """The help of ``progress set`` lists the 状態 the domain accepts, word for word."""
    from kyojushien_desktop.domain.progress import STATUSES

    result = subprocess.run(
        [sys.executable, "-m", "kyojushien_desktop", "progress", "set", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and "・".join(STATUSES) in result.stdout

"""`kyojushien handover report` run as a real process: a PDF or a Word file, one of the two."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from docx import Document
from pypdf import PdfReader


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kyojushien_desktop", "handover", "report", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )


def test_pdf_and_docx_are_written(db_path: Path, tmp_path: Path) -> None:
    """Either paper on request; the PDF opens with the 引継書's first section."""
    pdf, docx = tmp_path / "引継書.pdf", tmp_path / "引継書.docx"
    done = run("--pdf", str(pdf), "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "引継書をPDFに書き出しました" in done.stdout
    assert "取組みの概要" in PdfReader(pdf).pages[0].extract_text()
    assert run("--docx", str(docx), "--db", str(db_path)).returncode == 0
    assert any(p.text.endswith("引継ぎ事項") for p in Document(str(docx)).paragraphs)


def test_one_of_the_two_is_required(db_path: Path, tmp_path: Path) -> None:
    """Neither or both is a usage error, nothing written."""
    assert run("--db", str(db_path)).returncode == 2
    both = run("--pdf", str(tmp_path / "a.pdf"), "--docx", str(tmp_path / "a.docx"), "--db", str(db_path))
    assert both.returncode == 2 and not list(tmp_path.glob("a.*"))

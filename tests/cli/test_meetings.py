"""`kyojushien meetings …` run as a real process on a sample file with meetings built through the
services."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from kyojushien_desktop.domain.meetings import Meeting
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.sample import create_sample
from tests import mounts
from tests.meeting_town import TITLE, add_third_session
from tests.reports.test_hearing_reports import all_font_names, embedded_fonts


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kyojushien_desktop", "meetings", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )


def pdf_text(path: Path) -> str:
    return "".join(re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages)


IDS: dict[str, str] = {}


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample town with its own meetings deleted, then the held third 勉強会 (IDS["held"]), a
    planned 意見交換会 (IDS["planned"]) and a deleted meeting (IDS["dropped"])."""
    path = tmp_path_factory.mktemp("meetings") / "town.db"
    session = create_sample(path)
    try:
        for summary in meetings.list_meetings(session):
            meetings.delete_meeting(session, summary.id)
        IDS["held"] = str(add_third_session(session))
        planned = Meeting(kind="意見交換会", title="第1回 意見交換会", starts_at=dt.datetime(2026, 3, 19, 14, 0))
        IDS["planned"] = str(meetings.save_meeting(session, planned)[0])
        dropped = Meeting(kind="その他", title="取りやめた会", starts_at=dt.datetime(2026, 1, 8, 10, 0))
        dropped_id = meetings.save_meeting(session, dropped)[0]
        meetings.delete_meeting(session, dropped_id)
        IDS["dropped"] = str(dropped_id)
    finally:
        session.close()
    return path


def test_list_one_meeting_a_line_newest_first(town: Path) -> None:
    """id, 日付, 種類, 題名 and 状態 separated by tabs, newest first; a deleted meeting is not listed."""
    result = run("list", "--db", str(town))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"{IDS['planned']}\t2026-03-19\t意見交換会\t第1回 意見交換会\t企画中\n"
        f"{IDS['held']}\t2026-02-12\tグループワーク\t{TITLE}\t報告済\n"
    )


def test_report_pdf_and_docx(town: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    result = run("report", "--meeting", IDS["held"], "--pdf", str(pdf), "--db", str(town))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"開催レポート（{TITLE}）をPDFに書き出しました: {pdf}\n"
    text = pdf_text(pdf)
    assert "開催概要" in text and "回答23名／参加者25名／回収率92%" in text
    assert embedded_fonts(pdf) == all_font_names(pdf)

    word = tmp_path / "report.docx"
    result = run("report", "--meeting", IDS["held"], "--docx", str(word), "--db", str(town))
    assert result.returncode == 0, result.stderr
    assert "Wordに書き出しました" in result.stdout
    headings = [p.text for p in docx.Document(str(word)).paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "開催概要" and len(headings) == 6


def test_survey_form_copies_and_roster(town: Path, tmp_path: Path) -> None:
    form = tmp_path / "form.pdf"
    result = run("survey-form", "--meeting", IDS["held"], "--pdf", str(form), "--copies", "4", "--db", str(town))
    assert result.returncode == 0, result.stderr
    assert "4部" in result.stdout and len(PdfReader(form).pages) == 4
    one = tmp_path / "one.pdf"
    assert run("survey-form", "--meeting", IDS["planned"], "--pdf", str(one), "--db", str(town)).returncode == 0
    assert len(PdfReader(one).pages) == 1 and "第1回意見交換会" in pdf_text(one)

    roster = tmp_path / "roster.pdf"
    result = run("roster", "--meeting", IDS["held"], "--pdf", str(roster), "--db", str(town))
    assert result.returncode == 0, result.stderr
    text = pdf_text(roster)
    assert text.startswith("受付名簿") and "グループ表" in text


@pytest.mark.parametrize(
    ("meeting", "message", "hint"),
    [
        ("99", "番号 99 の会議は見つかりません。", "会議の番号は kyojushien meetings list で確かめてください。"),
        (
            "dropped",
            "番号 {id} の会議（取りやめた会）は削除済みです。",
            "アプリの会議・勉強会の「削除済み」から元に戻すと、書き出せるようになります。",
        ),
    ],
)
def test_unknown_or_deleted_meeting_exit_1(town: Path, tmp_path: Path, meeting: str, message: str, hint: str) -> None:
    """An id that is not a live meeting exits 1 naming it, for every command; no file is written."""
    meeting = IDS.get(meeting, meeting)
    message = message.format(id=meeting)
    for command, out in (("report", "--pdf"), ("report", "--docx"), ("survey-form", "--pdf"), ("roster", "--pdf")):
        target = tmp_path / f"x{out.replace('--', '.')}"
        result = run(command, "--meeting", meeting, out, str(target), "--db", str(town))
        assert result.returncode == 1, (command, result.stderr)
        assert result.stderr == f"エラー: {message}\n{hint}\n"
        assert not target.exists()


def test_usage_errors_exit_2(town: Path, tmp_path: Path) -> None:
    """report needs exactly one of --pdf / --docx; copies must be a count."""
    assert run("report", "--meeting", IDS["held"], "--db", str(town)).returncode == 2
    both = run("report", "--meeting", IDS["held"], "--pdf", "a.pdf", "--docx", "a.docx", "--db", str(town))
    assert both.returncode == 2
    bad = run(
        "survey-form", "--meeting", IDS["held"], "--pdf", str(tmp_path / "f.pdf"), "--copies", "0", "--db", str(town)
    )
    assert bad.returncode == 2 and "部数は1～500の数で指定してください" in bad.stderr
    assert run("roster", "--pdf", str(tmp_path / "r.pdf"), "--db", str(town)).returncode == 2


def test_missing_folder_is_a_japanese_error_and_no_file(town: Path, tmp_path: Path) -> None:
    out = tmp_path / "なし" / "report.pdf"
    for kind in ("--pdf", "--docx"):
        result = run("report", "--meeting", IDS["held"], kind, str(out), "--db", str(town))
        assert result.returncode == 1
        assert f"エラー: 書き出し先のフォルダが見つかりません: {out.parent}" in result.stderr
    assert not out.parent.exists()


def test_read_only_folder_is_a_japanese_error_and_no_file(town: Path, tmp_path: Path) -> None:
    """A folder nobody may write in (a read-only mount, so root is refused too): the message says
    so, nothing is left there, not even the temporary file."""
    folder = tmp_path / "ro"
    folder.mkdir()
    with mounts.read_only_folder(folder):
        for command, kind, name in (
            ("report", "--pdf", "r.pdf"),
            ("report", "--docx", "r.docx"),
            ("roster", "--pdf", "n.pdf"),
        ):
            result = run(command, "--meeting", IDS["held"], kind, str(folder / name), "--db", str(town))
            assert result.returncode == 1, result.stderr
            assert f"エラー: ファイルに書き出せませんでした: {folder / name}" in result.stderr
            assert "書き込みできない場所です" in result.stderr
        assert list(folder.iterdir()) == []

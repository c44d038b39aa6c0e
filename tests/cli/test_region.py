"""`kyojushien region …` run as a real process: the exact lines of `facts` and `sn-check` (scripts
read them), their exit codes, and the three papers each saying where it went in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from kyojushien_desktop.services.region.sample_region import sample_region_data
from tests.region_town import region_sample_file, sample_db  # noqa: F401  (fixtures)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kyojushien_desktop", "region", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )


def test_facts_prints_a_line_a_figure(sample_db: Path) -> None:  # noqa: F811
    done = run("facts", "--db", str(sample_db))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == [
        "人口・世帯状況：人口\t2024\t18240\t住民基本台帳（令和6年4月1日現在）",
        "人口・世帯状況：人口\t2025\t17962\t住民基本台帳（令和7年4月1日現在）",
    ]
    assert (
        "公的賃貸住宅の状況：県営住宅（町内）の空き戸数\t2025\t23\t〇〇県住宅供給公社 東部管理事務所への聞き取り"
        in lines
    )
    assert (
        "居住支援に関連する事業：自立相談支援事業（生活困窮者自立支援法）の委託先\t2025\t"
        "社会福祉法人みどり町社会福祉協議会\t福祉課 社会福祉係への聞き取り"
    ) in lines
    assert all(len(line.split("\t")) == 4 for line in lines) and len(lines) == len(sample_region_data()["facts"]) == 60


def test_facts_of_an_empty_file_prints_nothing(db_path: Path) -> None:
    done = run("facts", "--db", str(db_path))
    assert (done.returncode, done.stdout) == (0, "")


def test_sn_check_for_a_dwelling(db_path: Path) -> None:
    done = run("sn-check", "--area", "24.9", "--shared-facilities", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "各戸25㎡以上（共用設備で18㎡以上）\t適合\t床面積 24.9㎡ ≧ 18㎡（共用の台所・収納設備・浴室等あり）",
        "耐震性\t未確認\t確認されていません",
        "設備\t適合\t共用部分の台所・収納設備・浴室等で同等以上",
        "家賃\t未確認\t確認されていません",
        "計画との整合\t未確認\t確認されていません",
    ]
    alone = run("sn-check", "--area", "24.9", "--db", str(db_path)).stdout.splitlines()[0]
    assert alone.startswith("各戸25㎡以上（共用設備で18㎡以上）\t未確認\t床面積 24.9㎡：")
    small = run("sn-check", "--area", "17.9", "--shared-facilities", "--db", str(db_path)).stdout.splitlines()[0]
    assert small.split("\t")[1] == "不適合"


def test_sn_check_for_a_share_house(db_path: Path) -> None:
    done = run("sn-check", "--residents", "3", "--room-area", "8.9", "--total-area", "55", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "耐震性\t未確認\t確認されていません",
        "住宅全体 15㎡×N＋10㎡以上\t適合\t住宅全体 55㎡ ≧ 15㎡×3＋10㎡ ＝ 55㎡",
        "専用居室は1人\t未確認\t確認されていません",
        "専用居室9㎡以上\t不適合\t専用居室 8.9㎡ ＜ 9㎡",
        "共用部分の設備\t未確認\t確認されていません",
        "便所・洗面・浴室 概ね5人に1箇所\t未確認\t3人なら各1箇所以上：便所・洗面設備・浴室・シャワー室の数が入力されていません",
        "家賃\t未確認\t確認されていません",
        "計画との整合\t未確認\t確認されていません",
    ]


def test_sn_check_usage_errors_exit_2_in_japanese(db_path: Path) -> None:
    missing = run("sn-check", "--residents", "3", "--db", str(db_path))
    assert missing.returncode == 2 and "--room-area と --total-area" in missing.stderr
    alone = run("sn-check", "--room-area", "9", "--db", str(db_path))
    assert alone.returncode == 2 and "共同居住型の居住人数" in alone.stderr
    word = run("sn-check", "--area", "広い", "--db", str(db_path))
    assert word.returncode == 2 and "面積は数で指定してください" in word.stderr
    zero = run("sn-check", "--area", "0", "--db", str(db_path))
    assert zero.returncode == 1 and "床面積は0より大きく" in zero.stderr


def test_the_papers_say_where_they_went(sample_db: Path, tmp_path: Path) -> None:  # noqa: F811
    sheet, referrals, book = tmp_path / "現状.pdf", tmp_path / "つなぎ先.pdf", tmp_path / "資源.xlsx"
    for args, line in (
        (("sheet", "--pdf", str(sheet)), f"わがまちの現状をPDFに書き出しました: {sheet}"),
        (("referrals", "--pdf", str(referrals)), f"つなぎ先一覧をPDFに書き出しました: {referrals}"),
        (("resources", "--xlsx", str(book)), f"地域資源一覧をExcelに書き出しました: {book}"),
    ):
        done = run(*args, "--db", str(sample_db))
        assert (done.returncode, done.stdout) == (0, line + "\n"), done.stderr
    assert len(PdfReader(sheet).pages) == 2 and len(PdfReader(referrals).pages) == 1
    assert openpyxl.load_workbook(book)["地域資源"].max_row == 9


def test_a_paper_without_its_target_is_a_usage_error(db_path: Path, tmp_path: Path) -> None:
    assert run("sheet", "--db", str(db_path)).returncode == 2
    gone = run("referrals", "--pdf", str(tmp_path / "gone" / "x.pdf"), "--db", str(db_path))
    assert gone.returncode == 1 and "書き出し先のフォルダが見つかりません" in gone.stderr

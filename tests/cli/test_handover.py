"""`kyojushien handover pack | verify | open` in-process between two homes (two PCs): the data
arrives table for table, with one 引継ぎ履歴 entry more, and refusals exit 1 in Japanese."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from kyojushien_desktop.cli import main
from kyojushien_desktop.reports import package as container
from kyojushien_desktop.store import lock
from tests.handover_town import PASSPHRASE, passphrase_file, tables, tree
from tests.japanese import assert_japanese


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], home: Path, *args: str):
    """One command as typed on the PC whose data folder is ``home``: (exit code, stdout, stderr)."""
    monkeypatch.setenv("KYOJUSHIEN_HOME", str(home))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def packed(tmp_path: Path, monkeypatch, capsys) -> tuple[Path, Path, Path]:
    """(the sample file on PC A, its encrypted package, the passphrase file)."""
    home_a = tmp_path / "A"
    town = home_a / "みどり町.db"
    assert run(monkeypatch, capsys, home_a, "sample", "--db", str(town))[0] == 0
    secret = passphrase_file(tmp_path)
    package = tmp_path / "USB" / "みどり町_引き継ぎ.kyoju"
    package.parent.mkdir()
    code, out, err = run(
        monkeypatch, capsys, home_a, "handover", "pack", "--db", str(town), "--out", str(package),
        "--passphrase-file", str(secret),
    )  # fmt: skip
    assert code == 0, err
    assert "読み直して確かめました" in out and "別の方法" in out
    return town, package, secret


def test_round_trip_between_two_homes(packed, tmp_path: Path, monkeypatch, capsys) -> None:
    """Packed on A, verified and opened on B: every table equal row by row, the 引継ぎ履歴 one
    entry longer (from 山田 花子, this PC, the package, with its 引継書), and check says OK."""
    town, package, secret = packed
    home_b = tmp_path / "B"
    code, out, err = run(
        monkeypatch, capsys, home_b, "handover", "verify", str(package), "--passphrase-file", str(secret)
    )
    assert code == 0, err
    assert "問題はありません" in out and "AES-256-GCM" in out and "山田 花子" in out
    received = home_b / "データ" / "みどり町.db"
    code, out, err = run(
        monkeypatch, capsys, home_b, "handover", "open", str(package), "--db", str(received),
        "--passphrase-file", str(secret),
    )  # fmt: skip
    assert code == 0, err
    assert str(received) in out
    before, after = tables(town), tables(received)
    assert set(before) == set(after)
    for name in before:
        if name != "handover_history":
            assert after[name] == before[name], name
    old, new = before["handover_history"], after["handover_history"]
    assert new[: len(old)] == old and len(new) == len(old) + 1
    columns = ["rowid", *_columns(received, "handover_history")]
    entry = dict(zip(columns, new[-1], strict=True))
    payload, _ = container.open_payload(package, PASSPHRASE)
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        pdf = archive.read("引継書.pdf")
    assert entry["sender"] == "山田 花子" and entry["sender_department"] == "建設課 住宅係"
    assert entry["received_on"] == lock.host_name() and entry["package_name"] == package.name
    assert bytes(entry["report_pdf"]) == pdf and pdf.startswith(b"%PDF")
    code, out, err = run(monkeypatch, capsys, home_b, "check", "--db", str(received))
    assert code == 0, err + out


def _columns(path: Path, table: str) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def test_open_refuses_an_existing_db_and_leaves_it(packed, tmp_path: Path, monkeypatch, capsys) -> None:
    """An existing --db is refused with exit 1; the file there stays byte for byte."""
    _, package, secret = packed
    there = tmp_path / "B" / "town.db"
    there.parent.mkdir(parents=True)
    there.write_bytes(b"the file that was here")
    before = tree(there.parent)
    code, _, err = run(
        monkeypatch, capsys, tmp_path / "B", "handover", "open", str(package), "--db", str(there),
        "--passphrase-file", str(secret),
    )  # fmt: skip
    assert code == 1 and "すでにあります" in err
    assert_japanese(err, there)
    assert tree(there.parent) == before


def test_a_wrong_passphrase_exits_1_and_writes_nothing(packed, tmp_path: Path, monkeypatch, capsys) -> None:
    """Another passphrase: exit 1, 合言葉が違います, and no file or folder at --db."""
    _, package, _ = packed
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ\n", encoding="utf-8")
    dest = tmp_path / "B" / "新しい" / "town.db"
    code, _, err = run(
        monkeypatch, capsys, tmp_path / "B", "handover", "open", str(package), "--db", str(dest),
        "--passphrase-file", str(wrong),
    )  # fmt: skip
    assert code == 1 and "合言葉が違います" in err
    assert not dest.parent.exists()


def test_verify_without_the_passphrase_asks_for_the_file(packed, tmp_path: Path, monkeypatch, capsys) -> None:
    """verify of an encrypted package without --passphrase-file names the option, exit 1."""
    _, package, _ = packed
    code, _, err = run(monkeypatch, capsys, tmp_path / "B", "handover", "verify", str(package))
    assert code == 1 and "--passphrase-file" in err and "暗号化されています" in err


def test_pack_into_a_missing_folder_is_refused_in_japanese(packed, tmp_path: Path, monkeypatch, capsys) -> None:
    """Packing into a missing folder is told in Japanese with exit 1, and nothing appears."""
    town, _, secret = packed
    out = tmp_path / "ない" / "x.kyoju"
    code, _, err = run(
        monkeypatch, capsys, tmp_path / "A", "handover", "pack", "--db", str(town), "--out", str(out),
        "--passphrase-file", str(secret),
    )  # fmt: skip
    assert code == 1 and err.startswith("エラー: ")
    assert_japanese(err, out, out.parent)
    assert not out.parent.exists()

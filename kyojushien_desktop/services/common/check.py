"""``kyojushien check``: is this file ours, which schema version, is it intact — the same checks
an opened file gets (``store.integrity``), read without writing a byte."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kyojushien_desktop.store.database import APPLICATION_ID, check_header, read_header
from kyojushien_desktop.store.integrity import check_path
from kyojushien_desktop.store.migrations import SCHEMA_VERSION


@dataclass(frozen=True)
class CheckReport:
    lines: tuple[str, ...]
    ok: bool


def check_file(path: Path) -> CheckReport:
    """Reads the file without writing to it (no lock, no marker, read-only connection)."""
    path = Path(path)
    facts = read_header(path)
    lines = [f"ファイル: {path}", f"サイズ: {facts.size:,} バイト"]
    ours = facts.application_id == APPLICATION_ID
    lines.append(
        f"アプリケーションID: {facts.application_id:#010x}（{'居住支援デスクのファイル' if ours else '別のソフトのファイル'}）"
    )
    older = facts.user_version < SCHEMA_VERSION
    note = "（古い形式: アプリで開くと、バックアップを取ったうえで新しい形式に更新します）" if older else ""
    lines.append(f"形式の版: 第{facts.user_version}版（このアプリ: 第{SCHEMA_VERSION}版）{note}")
    check_header(path, facts)
    problems = check_path(path)
    lines.append("整合性: 問題なし" if not problems else "整合性: 問題あり\n  " + "\n  ".join(problems))
    return CheckReport(tuple(lines), ok=not problems)

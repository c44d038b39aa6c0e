"""``kyojushien check``: is this file ours, which schema version, is it intact."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.store.database import APPLICATION_ID, check_header, open_database, read_header
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
    lines.append(f"形式の版: 第{facts.user_version}版（このアプリ: 第{SCHEMA_VERSION}版）")
    check_header(path, facts)
    if facts.user_version < SCHEMA_VERSION:
        lines.append("整合性: 古い形式のため未点検（アプリで開くと、バックアップを取ったうえで更新します）")
        return CheckReport(tuple(lines), ok=True)
    database = open_database(path, read_only=True)
    try:
        problems = [row[0] for row in database.read("PRAGMA integrity_check")]
    except UserFacingError as exc:
        problems = [exc.message]
    finally:
        database.close()
    ok = problems == ["ok"]
    lines.append("整合性: 問題なし" if ok else "整合性: 問題あり\n  " + "\n  ".join(problems[:20]))
    return CheckReport(tuple(lines), ok=ok)

"""The backups of a data file as the user sees them: each with its date, kind and the result of
the same check an opened file gets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.store import backups, integrity

KIND_LABELS = {"daily": "毎日", "monthly": "毎月", "before-update": "形式更新前"}
SOUND = "正常"


@dataclass(frozen=True)
class BackupInfo:
    """One backup: where, when, what kind, and its problems (none when it can be restored)."""

    path: Path
    taken_at: dt.datetime
    kind: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def when(self) -> str:
        return wareki.format_datetime(self.taken_at)

    @property
    def result(self) -> str:
        """正常, or 問題あり with the first problem."""
        return SOUND if self.ok else f"問題あり（{self.problems[0]}）"


def _info(backup: backups.Backup) -> BackupInfo:
    return BackupInfo(backup.path, backup.taken_at, backup.kind, tuple(integrity.check_path(backup.path)))


def list_backups(db_path: Path, progress: Progress = NO_PROGRESS) -> list[BackupInfo]:
    """Every backup of the data file, newest first, each checked (read only, nothing written)."""
    found = backups.list_backups(Path(db_path))
    progress.begin("バックアップを点検しています", len(found))
    result = []
    for backup in found:
        result.append(_info(backup))
        progress.step()
    return result


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes the check, to name when the data file is damaged."""
    found = backups.newest_good_backup(Path(db_path))
    return BackupInfo(found.path, found.taken_at, found.kind, ()) if found else None


def describe(backup: BackupInfo) -> str:
    """「令和8年6月11日(木) 9:00 の毎日のバックアップ」"""
    return f"{backup.when} の{backup.kind_label}のバックアップ"

"""The backups of a data file as the user sees them (ファイル > バックアップから復元…, ``kyojushien
backup``): each with its date, kind and the result of the same check an opened file gets; and
restoring one, which keeps the current file beside it instead of deleting it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import DamagedFileError, DiskFullError, ReadOnlyError, UserFacingError
from kyojushien_desktop.services.common.changes import FILE_OPENED, Changes
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.store import backups, integrity, location, lock
from kyojushien_desktop.store.sqlite_errors import REASONS

KIND_LABELS = {"daily": "毎日", "monthly": "毎月", "before-update": "形式更新前", "before-restore": "復元前"}
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


def kept_name(db_path: Path, damaged: bool) -> str:
    """How the current file will be named beside the restored one (the time is filled in then)."""
    return f"{Path(db_path).stem}.{backups.DAMAGED if damaged else backups.BEFORE_RESTORE}-（日時）.db"


def restore_plan(db_path: Path, backup: BackupInfo) -> str:
    """What restoring ``backup`` will do, to confirm before doing it."""
    db_path = Path(db_path)
    text = f"データファイルを、{describe(backup)}の状態に戻します。\n{db_path}\n\n"
    if not db_path.exists():
        return text + "いまはデータファイルがないため、バックアップの内容をそのまま置きます。"
    damaged = bool(integrity.check_path(db_path))
    state = "点検で問題が見つかったため" if damaged else "いまの状態は"
    return text + (
        f"いまのデータファイルは削除しません。{state}同じフォルダに「{kept_name(db_path, damaged)}」"
        "という名前で残します。バックアップより後の変更は、そのファイルに残っています。"
    )


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup put in place, where the replaced file was kept."""

    backup: Path
    kept: Path | None
    kept_was_damaged: bool
    changes: Changes = FILE_OPENED

    @property
    def message(self) -> str:
        text = "バックアップから復元しました。"
        if self.kept is not None:
            state = "問題の見つかった元のファイル" if self.kept_was_damaged else "復元前のファイル"
            text += f"{state}は {self.kept} に残してあります。"
        return text


def restore_backup(db_path: Path, backup: Path) -> Restored:
    """Puts a copy of ``backup`` in place of the data file, if the copy passes the check; the
    current file is kept beside it as ``<name>.damaged-<日時>.db`` when it fails the check, else
    ``<name>.before-restore-<日時>.db``. Refused while someone has the file open; the file must
    not be open in this process either (the caller closes its session first, then re-opens)."""
    db_path, backup = Path(db_path), Path(backup)
    if not backup.exists():
        raise UserFacingError(f"バックアップのファイルが見つかりません: {backup}")
    if db_path.exists() and location.read_only_reason(db_path):
        raise ReadOnlyError(
            f"データファイルのある場所（{db_path.parent}）には書き込みできないため、復元できません。",
            hint="データファイルは元のままです。書き込みできる場所で、もう一度お試しください。",
        )
    mine = None
    if db_path.exists():
        try:
            mine, holder = lock.try_acquire(db_path)
        except (DiskFullError, ReadOnlyError) as exc:
            cause = REASONS["full" if isinstance(exc, DiskFullError) else "read_only"]
            raise UserFacingError(
                f"バックアップを復元できませんでした（{cause}）: {db_path}",
                hint="データファイルは元のままです。原因を取り除いてから、もう一度お試しください。",
            ) from exc
        if holder is not None:
            raise lock.locked_error(db_path, holder)
    try:
        damaged = db_path.exists() and bool(integrity.check_path(db_path))
        kept, problems = backups.put_in_place(db_path, backup, backups.DAMAGED if damaged else backups.BEFORE_RESTORE)
    finally:
        if mine is not None:
            lock.release(db_path, mine)
    if problems:
        raise DamagedFileError(
            f"このバックアップは点検で問題が見つかったため、復元しませんでした（{problems[0]}）: {backup}",
            hint="データファイルは元のままです。ほかのバックアップを選んでください。",
        )
    return Restored(backup=backup, kept=kept, kept_was_damaged=damaged)

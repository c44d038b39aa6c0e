"""Opening and closing a data file as the user experiences it: the lock beside it, the
open/closed marker inside it, daily backups, and plain-Japanese notices about risks.

The areas' own opening steps (seeding the guide's content into the file) are run by
``services.datafile``, which sits above the areas; this module knows none of them."""

from __future__ import annotations

import logging
import socket
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kyojushien_desktop import __version__
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import DamagedFileError, FileLockedError, UserFacingError
from kyojushien_desktop.store import app_state, backups, location, lock
from kyojushien_desktop.store.database import Database, open_database

log = logging.getLogger(__name__)
GUIDE_SEEDED_KEY = "guide_content_seeded_by"


@dataclass
class Session:
    """An open data file and what the user should be told about it."""

    database: Database
    lock: lock.LockInfo | None
    notices: list[str] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.database.path

    @property
    def read_only(self) -> bool:
        return self.database.read_only

    def seeding_due(self) -> bool:
        """True when this app version has not yet added its guide content to the file."""
        return app_state.get_value(self.database, GUIDE_SEEDED_KEY) != __version__

    def close(self) -> None:
        """Marks the file closed and releases the lock; the file is then safe to copy."""
        try:
            if not self.database.read_only:
                app_state.mark_closed(self.database)
        except UserFacingError:
            log.exception("could not mark %s closed", self.path)
        finally:
            self.database.close()
            if self.lock is not None:
                lock.release(self.path, self.lock)
                self.lock = None


def describe_holder(holder: lock.LockInfo) -> str:
    try:
        since = wareki.format_datetime(holder.since_time)
    except ValueError:
        since = holder.since
    return f"{holder.user} さん（PC名: {holder.host}）が {since} から開いています"


def damaged_error(path: Path, detail: str = "") -> DamagedFileError:
    good = backups.newest_good_backup(path)
    hint = (
        f"最新の正常なバックアップ: {good}\nこのバックアップをコピーして開いてください（ファイル > 開く）。"
        if good
        else "正常なバックアップが見つかりません。ファイルを受け取った元（前任者のPCなど）からもう一度コピーしてください。"
    )
    message = f"データファイルが壊れているため開けません: {path}"
    if detail:
        message += f"（{detail}）"
    return DamagedFileError(message, hint=hint)


Seeder = Callable[["Session"], bool]


def open_session(path: Path, *, read_only: bool = False, seeders: Sequence[Seeder] = ()) -> Session:
    """Opens a data file for the GUI or a writing CLI command.

    Raises ``FileLockedError`` when someone else has it open (the caller may then retry with
    ``read_only=True``) and ``DamagedFileError`` naming the newest good backup when it is damaged.
    """
    path = Path(path)
    mine = None
    if not read_only and path.exists():
        mine, holder = lock.try_acquire(path)
        if holder is not None:
            raise FileLockedError(
                f"このデータファイルは使用中です。{describe_holder(holder)}。",
                hint="読み取り専用で開くことができます。編集するには、その人に閉じてもらってから開き直してください。",
                holder=holder,
            )
    try:
        session = _open_locked(path, read_only=read_only, mine=mine, seeders=seeders)
    except BaseException:
        if mine is not None:
            lock.release(path, mine)
        raise
    return session


def _open_locked(path: Path, *, read_only: bool, mine: lock.LockInfo | None, seeders: Sequence[Seeder]) -> Session:
    try:
        database = open_database(path, read_only=read_only)
    except DamagedFileError as exc:
        raise damaged_error(path, exc.message.split(":")[0]) from exc
    if database.read_only and mine is not None:
        lock.release(path, mine)
        mine = None
    session = Session(database=database, lock=mine, notices=list(database.notices))
    try:
        database.probe()
        left_open = None if database.read_only else app_state.was_left_open(database)
    except UserFacingError as exc:
        database.close()
        raise damaged_error(path) from exc
    if left_open is not None:
        problems = database.quick_check()
        if problems:
            database.close()
            raise damaged_error(path, "点検で問題が見つかりました")
        session.notices.append(
            "このファイルは、前回アプリが正しく終了しなかったか、開いたままコピーされたものです。"
            "念のため点検しましたが、問題はありませんでした。"
        )
    warning = location.drive_warning(path)
    if warning:
        session.notices.append(warning)
    if not database.read_only:
        try:
            backups.rotate(database.conn, path)
        except (sqlite3.Error, OSError) as exc:
            log.exception("backup failed")
            session.notices.append(f"自動バックアップを作成できませんでした（{exc}）。データファイルは無事です。")
        app_state.mark_open(database, socket.gethostname())
        if seeders and session.seeding_due():
            # Only when this app version has not seeded the file yet: keeps the guide content
            # (and its import cost) off the start-up path of every later open.
            done = [seed(session) for seed in seeders]
            if all(done):
                app_state.set_value(database, GUIDE_SEEDED_KEY, __version__)
    return session

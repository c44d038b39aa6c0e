"""Opening and closing a data file as the user experiences it: the lock beside it, the
open/closed marker inside it, daily backups, and plain-Japanese notices about risks.

Damage is looked for before anything is written. The schema is checked on every open; the full
check (``store.integrity``) runs when the file arrived marked open, when it last passed a day
ago or on another PC, and before every backup. A file that fails is refused, naming the newest
backup that passes. Only then come the backups and the open marker, the first writes. A place
that cannot be written (read-only medium or folder, full disk) opens the file read-only with a
notice saying why, and no lock file is attempted there.

The areas' own opening steps (seeding the guide's content into the file) are run by
``services.datafile``, which sits above the areas; this module knows none of them."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kyojushien_desktop import __version__
from kyojushien_desktop.domain.errors import DamagedFileError, DiskFullError, ReadOnlyError, UserFacingError
from kyojushien_desktop.store import app_state, backups, location, lock
from kyojushien_desktop.store.database import Database, open_database, sweep_debris

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


def damaged_error(path: Path, message: str) -> DamagedFileError:
    """``message`` with a hint naming the newest backup that passes the same check."""
    from kyojushien_desktop.services.common import backups as backup_list  # only when damaged

    good = backup_list.newest_good_backup(path)
    hint = "ファイルには何も書き込んでいません。\n"
    if good:
        hint += (
            f"最新の正常なバックアップ: {backup_list.describe(good)}\n{good.path}\n"
            "ファイル > バックアップから復元… で、このバックアップに戻せます（いまのファイルは消さずに残します）。"
        )
    else:
        hint += "点検に通るバックアップが見つかりません。ファイルを受け取った元（前任者のPCなど）からもう一度コピーしてください。"
    return DamagedFileError(message, hint=hint)


Seeder = Callable[["Session"], bool]


def open_session(path: Path, *, read_only: bool = False, seeders: Sequence[Seeder] = ()) -> Session:
    """Opens a data file for the GUI or a writing CLI command.

    Raises ``FileLockedError`` when someone else has it open (the caller may then retry with
    ``read_only=True``) and ``DamagedFileError`` naming the newest good backup when it is damaged.
    """
    path = Path(path)
    notices: list[str] = []
    why = None if read_only or not path.exists() else location.read_only_reason(path)
    if why:
        read_only = True
        notices.append(why)
    mine = None
    if not read_only and path.exists():
        try:
            mine, holder = lock.try_acquire(path)
        except (DiskFullError, ReadOnlyError) as exc:
            read_only = True
            notices.append(_cannot_write(path, exc))
        else:
            if holder is not None:
                raise lock.locked_error(path, holder)
    try:
        session = _open_locked(path, read_only=read_only, mine=mine, seeders=seeders, notices=notices)
    except BaseException:
        if mine is not None:
            lock.release(path, mine)
        raise
    return session


def _cannot_write(path: Path, exc: UserFacingError) -> str:
    log.warning("cannot write beside %s: %s", path, exc.message)
    return location.DISK_FULL if isinstance(exc, DiskFullError) else location.folder_not_writable(path.parent)


def _open_locked(
    path: Path, *, read_only: bool, mine: lock.LockInfo | None, seeders: Sequence[Seeder], notices: list[str]
) -> Session:
    try:
        database = open_database(path, read_only=read_only)
    except DamagedFileError as exc:
        raise damaged_error(path, exc.message) from exc
    if database.read_only and mine is not None:
        lock.release(path, mine)
        mine = None
    session = Session(database=database, lock=mine, notices=notices + database.notices)
    now = dt.datetime.now()
    try:
        checked = _look_for_damage(session, now)
    except BaseException:
        database.close()
        raise
    warning = location.drive_warning(path)
    if warning:
        session.notices.append(warning)
    if not database.read_only:
        _start_writing(session, now, checked)
        if seeders and not session.read_only and session.seeding_due():
            # Only when this app version has not seeded the file yet: keeps the guide content
            # (and its import cost) off the start-up path of every later open.
            done = [seed(session) for seed in seeders]
            if all(done):
                app_state.set_value(session.database, GUIDE_SEEDED_KEY, __version__)
    return session


def _look_for_damage(session: Session, now: dt.datetime) -> bool:
    """Raises ``DamagedFileError`` for a file that fails the checks due; True when the full check ran."""
    database, path = session.database, session.path
    problems = database.problems(full=False)
    if problems:
        raise damaged_error(path, f"データファイルの形式が不完全なため開けません（{problems[0]}）: {path}")
    try:
        database.probe()
        left_open = app_state.was_left_open(database)
        if database.read_only:
            # Marked open while a colleague holds it is normal; without a holder it crashed or was copied.
            holder = lock.read_lock(path)
            full = left_open is not None and (holder is None or lock.is_stale(holder))
        else:
            host = lock.host_name()
            full = left_open is not None or app_state.check_due(database, host, now) or backups.due(path, now)
    except UserFacingError as exc:
        raise damaged_error(path, f"データファイルが壊れているため開けません: {path}") from exc
    if full:
        problems = database.problems()
        if problems:
            raise damaged_error(path, f"データファイルが壊れているため開けません（{problems[0]}）: {path}")
        if left_open is not None:
            session.notices.append(
                "このファイルは、前回アプリが正しく終了しなかったか、開いたままコピーされたものです。"
                "念のため点検しましたが、問題はありませんでした。"
            )
    return full


def _start_writing(session: Session, now: dt.datetime, checked: bool) -> None:
    """The first writes, once the file passed: backups, then the open marker. A disk that fills
    up (or a folder that refuses the journal) on the way reopens the file read-only."""
    database, path = session.database, session.path
    sweep_debris(path)
    try:
        backups.rotate(database.conn, path, now)
    except UserFacingError as exc:
        log.warning("backup of %s failed: %s", path, exc.message)
        session.notices.append(exc.message + "データファイルは無事です。")
    try:
        app_state.mark_open(database, lock.host_name(), checked_at=now if checked else None)
    except (DiskFullError, ReadOnlyError) as exc:
        database.close()
        if session.lock is not None:
            lock.release(path, session.lock)
            session.lock = None
        session.database = open_database(path, read_only=True)
        session.notices.append(_cannot_write(path, exc))

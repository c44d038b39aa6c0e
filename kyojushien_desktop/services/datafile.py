"""The data file as the app opens it: ``common.session`` does the lock, marker and backups; this
module adds each area's opening step (seeding the guide's content) from one list, so a new area
seeds its guide data by adding its seeder here."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from kyojushien_desktop.domain.errors import ReadOnlyError, UserFacingError
from kyojushien_desktop.services.common import session as common
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import backups
from kyojushien_desktop.store.database import create_database


def _seed_question_banks(session: Session) -> bool:
    from kyojushien_desktop.services.hearing.question_banks import seed_on_open  # only when seeding is due

    return seed_on_open(session)


SEEDERS: tuple[common.Seeder, ...] = (_seed_question_banks,)


def open_session(path: Path, *, read_only: bool = False) -> Session:
    """Opens a data file for the GUI or a writing CLI command, seeding what a new app version
    brings. Raises ``FileLockedError`` when someone else has it open (the caller may then retry
    with ``read_only=True``) and ``DamagedFileError`` naming the newest good backup."""
    return common.open_session(path, read_only=read_only, seeders=SEEDERS)


def open_for_reading(path: Path) -> Session:
    """Read-only, for headless commands: works while a colleague has the file open. A file of an
    older format is first opened once for writing, which backs it up and updates it; one this app
    version has not seeded yet is seeded the same way when it can be written (else read as is)."""
    try:
        session = open_session(path, read_only=True)
    except ReadOnlyError:
        open_session(path).close()
        return open_session(path, read_only=True)
    if session.seeding_due():
        session.close()
        with contextlib.suppress(UserFacingError):  # in use or on read-only media: read without it
            open_session(path).close()
        session = open_session(path, read_only=True)
    return session


def create_session(path: Path) -> Session:
    """A new, empty data file, opened."""
    create_database(Path(path)).close()
    return open_session(path)


def last_backup(path: Path) -> dt.datetime | None:
    return backups.last_backup_time(path)


def backup_folder(path: Path) -> Path:
    return backups.folder_for(path)

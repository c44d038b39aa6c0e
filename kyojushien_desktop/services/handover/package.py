"""The hand-over package: made from a consistent snapshot of the open file (with or without the
people in it), verified by reading it back before the user is told it is done, and opened on the
successor's PC only after every check passed, into a place that never silently replaces a file.

Every refusal is a ``PackageError`` (or ``TargetExistsError``) in Japanese, raised before a byte
is written where the user will look.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import NamedTuple

from kyojushien_desktop import __version__
from kyojushien_desktop.content.handover_terms import handover_terms
from kyojushien_desktop.domain.errors import DamagedFileError, UserFacingError
from kyojushien_desktop.domain.handover import (
    DATA_MEMBER,
    MANIFEST_MEMBER,
    REPORT_MEMBER,
    HistoryEntry,
    Manifest,
    Member,
    PackageError,
    TargetExistsError,
    check_passphrase,
    manifest_from_json,
    package_name,
)
from kyojushien_desktop.reports import package as container
from kyojushien_desktop.services.common.exports import export_error
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.handover.report import build_report, report_pdf_bytes
from kyojushien_desktop.store import app_state, lock
from kyojushien_desktop.store import handover as store
from kyojushien_desktop.store.database import open_database
from kyojushien_desktop.store.integrity import check_path
from kyojushien_desktop.store.migrations import SCHEMA_VERSION
from kyojushien_desktop.store.personal_data import remove_personal_data
from kyojushien_desktop.store.sqlite_errors import translate

LIMITS = {MANIFEST_MEMBER: 1024**2, REPORT_MEMBER: 64 * 1024**2, DATA_MEMBER: 1024**3}
_OTHER_AREA = "other"
_RECEIVING = ".receiving"
_ASK_AGAIN = "渡した人に、もう一度作り直してもらってください。"


class Packed(NamedTuple):
    path: Path
    manifest: Manifest
    size: int
    encrypted: bool


class Verified(NamedTuple):
    manifest: Manifest
    encrypted: bool
    data: bytes  # the data file
    report: bytes  # the 引継書 PDF


class Opened(NamedTuple):
    path: Path
    manifest: Manifest
    kept: Path | None  # the file that was at ``path`` before, kept beside it


def suggested_name(session: Session, today: dt.date | None = None) -> str:
    """``<自治体名>_引き継ぎ_<YYYYMMDD>.kyoju``."""
    terms = handover_terms()
    values = load_settings(session)
    return package_name(terms.name_pattern, terms.extension, values.municipality, today or dt.date.today())


def _by_area(counts: dict[str, int]) -> dict[str, dict[str, int]]:
    grouped: dict[str, dict[str, int]] = {}
    placed = set()
    for area in handover_terms().areas:
        grouped[area.key] = {t: counts[t] for t in area.tables if t in counts}
        placed.update(area.tables)
    rest = {t: n for t, n in counts.items() if t not in placed}
    if rest:
        grouped[_OTHER_AREA] = rest
    return grouped


def _digest(data: bytes) -> Member:
    return Member(len(data), hashlib.sha256(data).hexdigest())


def _snapshot(
    session: Session, folder: Path, *, without_personal_data: bool, today: dt.date
) -> tuple[bytes, bytes, dict[str, int]]:
    """The data file's bytes, the 引継書 PDF and the row counts, all from one snapshot."""
    copy = store.snapshot(session.database, folder / "snapshot.db")
    database = open_database(copy)
    try:
        app_state.mark_closed(database)  # the copy was taken while the app had the file open
        if without_personal_data:
            remove_personal_data(database)
        report = build_report(Session(database, lock=None), today, data_path=session.path)
        pdf = report_pdf_bytes(report, folder)
        counts = store.row_counts(database)
    finally:
        database.close()
    return copy.read_bytes(), pdf, counts


def pack(
    session: Session,
    out: Path,
    passphrase: str | None,
    *,
    without_personal_data: bool = False,
    progress: Progress = NO_PROGRESS,
    now: dt.datetime | None = None,
) -> Packed:
    """Writes the package to ``out`` (encrypted unless ``passphrase`` is None), then reads it back
    and compares it with what was meant, before returning."""
    out = Path(out)
    if passphrase is not None:
        check_passphrase(passphrase)
    now = now or dt.datetime.now().replace(microsecond=0)
    progress.begin("データファイルを点検しています")
    problems = session.database.problems()
    if problems:
        raise DamagedFileError(
            f"データファイルに問題が見つかったため、引き継ぎファイルを作りませんでした（{problems[0]}）。",
            hint="ファイル > バックアップから復元… で問題のない状態に戻してから、もう一度作ってください。",
        )
    values = load_settings(session)
    progress.begin("写しを取っています")
    with tempfile.TemporaryDirectory(prefix="kyojushien-pack-") as folder:
        try:
            data, pdf, counts = _snapshot(
                session, Path(folder), without_personal_data=without_personal_data, today=now.date()
            )
        except OSError as exc:
            raise translate(exc, session.path) from exc
    progress.check()
    manifest = Manifest(
        app_version=__version__,
        schema_version=SCHEMA_VERSION,
        municipality=values.municipality,
        made_by="" if without_personal_data else values.staff_name,
        department=values.department,
        made_at=now,
        made_on=lock.host_name(),
        without_personal_data=without_personal_data,
        row_counts=_by_area(counts),
        members={DATA_MEMBER: _digest(data), REPORT_MEMBER: _digest(pdf)},
    )
    progress.begin("まとめて暗号化しています" if passphrase is not None else "まとめています")
    manifest_bytes = json.dumps(manifest.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
    payload = container.zip_members({MANIFEST_MEMBER: manifest_bytes, DATA_MEMBER: data, REPORT_MEMBER: pdf})
    sealed = container.seal(payload, passphrase)
    progress.check()
    progress.begin("書き込んでいます")
    try:
        container.write_package(out, sealed)
    except OSError as exc:
        raise export_error(exc, out, "ほかのプログラム") from exc
    progress.begin("書き込んだファイルを読み直して確かめています")
    try:
        verified = verify(out, passphrase)
        if verified.manifest != manifest or verified.data != data:
            raise PackageError(f"書き込んだ引き継ぎファイルを読み直すと、中身が違っていました: {out}")
    except UserFacingError as exc:
        with contextlib.suppress(OSError):
            out.unlink()
        raise UserFacingError(
            f"引き継ぎファイルを書き込みましたが、読み直して確かめられなかったため、消しました（{exc.message}）。",
            hint="別の場所（別のUSBメモリなど）を選んで、もう一度作ってください。",
        ) from exc
    return Packed(out, manifest, len(sealed), passphrase is not None)


def is_encrypted(path: Path) -> bool:
    """Whether opening ``path`` needs a passphrase; ``PackageError`` if it is no package."""
    return container.is_encrypted(Path(path))


def verify(path: Path, passphrase: str | None = None, progress: Progress = NO_PROGRESS) -> Verified:
    """Every check, in the order that tells the user most: a package at all, complete, the right
    passphrase, unchanged, members as the manifest says, made by this app version or an older
    one, and a sound data file inside."""
    path = Path(path)
    progress.begin("引き継ぎファイルを確かめています")
    payload, encrypted = container.open_payload(path, passphrase)
    members = container.unzip_members(payload, LIMITS, path.name)
    missing = [name for name in LIMITS if name not in members]
    if missing:
        raise PackageError(
            f"引き継ぎファイルに必要な中身（{'、'.join(missing)}）がありません: {path.name}", hint=_ASK_AGAIN
        )
    try:
        raw = json.loads(members[MANIFEST_MEMBER].decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise PackageError(f"引き継ぎファイルの目録が読み取れません: {path.name}", hint=_ASK_AGAIN) from exc
    manifest = manifest_from_json(raw)
    for name in (DATA_MEMBER, REPORT_MEMBER):
        if manifest.members.get(name) != _digest(members[name]):
            raise PackageError(
                f"引き継ぎファイルの中身（{name}）が目録と合いません（書き換えられたか、壊れています）: {path.name}",
                hint=_ASK_AGAIN,
            )
    if manifest.schema_version > SCHEMA_VERSION:
        raise PackageError(
            f"この引き継ぎファイルは新しい版の居住支援デスク（{manifest.app_version}）で作られています: {path.name}",
            hint=f"このPCのアプリ（{__version__}）を新しい版に更新してから、もう一度開いてください。",
        )
    progress.begin("中のデータファイルを点検しています")
    _check_data(members[DATA_MEMBER], path.name)
    return Verified(manifest, encrypted, members[DATA_MEMBER], members[REPORT_MEMBER])


def _check_data(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory(prefix="kyojushien-verify-") as folder:
        copy = Path(folder) / "received.db"
        copy.write_bytes(data)
        problems = check_path(copy)
    if problems:
        raise PackageError(
            f"引き継ぎファイルの中のデータファイルに問題があります（{problems[0]}）: {name}", hint=_ASK_AGAIN
        )


def open_package(
    path: Path,
    passphrase: str | None,
    dest: Path,
    *,
    replace: bool = False,
    progress: Progress = NO_PROGRESS,
    now: dt.datetime | None = None,
) -> Opened:
    """Verifies the package, then places its data file at ``dest`` with the hand-over recorded in
    the 引継ぎ履歴. An existing ``dest`` is refused unless ``replace``; then it is kept beside as
    ``<name>.before-handover-<stamp>.db``. Missing folders are created."""
    path, dest = Path(path), Path(dest)
    verified = verify(path, passphrase, progress)
    if dest.exists() and not replace:
        raise TargetExistsError(
            f"受け取ったデータファイルの置き場所に、同じ名前のファイルがすでにあります: {dest}",
            hint="別の場所か名前を選んでください。今あるファイルを置き換えるときは、そのファイルを別の名前で残します。",
        )
    holder = lock.read_lock(dest)
    if holder is not None and not lock.is_stale(holder):
        raise lock.locked_error(dest, holder)
    now = now or dt.datetime.now().replace(microsecond=0)
    progress.begin("データファイルを置いています")
    partial = dest.with_name(dest.name + _RECEIVING)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        _write(partial, verified.data)
        _record(partial, verified, path.name, now)
        kept = None
        if dest.exists():
            kept = dest.with_name(f"{dest.stem}.before-handover-{now:%Y%m%d-%H%M%S}{dest.suffix}")
            os.replace(dest, kept)
        os.replace(partial, dest)
    except OSError as exc:
        raise translate(exc, dest) from exc
    finally:
        for debris in (partial, partial.with_name(partial.name + "-journal")):
            with contextlib.suppress(OSError):
                debris.unlink()
    return Opened(dest, verified.manifest, kept)


def _write(target: Path, data: bytes) -> None:
    with open(target, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _record(partial: Path, verified: Verified, package: str, now: dt.datetime) -> None:
    """The 引継ぎ履歴 entry, in the received file itself (updated to this version's format first
    when it came from an older one)."""
    database = open_database(partial)
    try:
        manifest = verified.manifest
        entry = HistoryEntry(
            sender=manifest.made_by,
            sender_department=manifest.department,
            packed_at=manifest.made_at,
            received_at=now,
            received_on=lock.host_name(),
            package_name=package,
            app_version=manifest.app_version,
            without_personal_data=manifest.without_personal_data,
        )
        with database.atomic():
            store.add_history(database, entry, verified.report)
    finally:
        database.close()


def history(session: Session) -> list[HistoryEntry]:
    return store.history(session.database)


def received_report(session: Session, entry_id: int) -> bytes | None:
    """The 引継書 that came with a received package."""
    return store.report_pdf(session.database, entry_id)

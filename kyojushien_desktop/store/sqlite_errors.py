"""Turns sqlite3 and OS errors into Japanese messages that say the cause and the next step.

The English text of the original error (``[Errno 13] …``, ``database or disk is full``) is never
shown to a person: it goes to the log, and the message names the cause in Japanese.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from pathlib import Path

from kyojushien_desktop.domain.errors import DamagedFileError, DiskFullError, ReadOnlyError, UserFacingError

log = logging.getLogger(__name__)

_KEEP_INPUT = "入力中の内容は画面に残っています。"
RESTORE_HINT = "ファイル > バックアップから復元… で、点検に通るバックアップに戻せます。"

# SQLite's primary result codes (sqlite3 exceptions carry them as ``sqlite_errorcode``).
_SQLITE_KINDS = {
    5: "busy",
    6: "busy",
    8: "read_only",
    10: "io",
    11: "damaged",
    13: "full",
    14: "cant_open",
    26: "damaged",
}
_ERRNO_KINDS = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EROFS: "read_only",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.EISDIR: "is_folder",
    errno.ENOTDIR: "not_folder",
    errno.ENOENT: "not_found",
    errno.ENAMETOOLONG: "name_too_long",
    errno.EIO: "io",
    errno.EBUSY: "busy",
}
_TEXT_KINDS = (
    ("disk is full", "full"),
    ("readonly", "read_only"),
    ("read-only", "read_only"),
    ("locked", "busy"),
    ("busy", "busy"),
    ("malformed", "damaged"),
    ("not a database", "damaged"),
    ("could not decode", "damaged"),
    ("no such table", "incomplete"),
    ("no such column", "incomplete"),
    ("disk i/o", "io"),
    ("pattern too complex", "too_complex"),
    ("unable to open", "cant_open"),
)

REASONS = {
    "full": "ディスクの空き容量が足りません",
    "read_only": "書き込みできない場所です（CD・書き込み禁止のUSBメモリなど）",
    "permission": "書き込みの権限がありません",
    "busy": "ほかのプログラムが使用中です",
    "damaged": "ファイルの中身が壊れています",
    "incomplete": "ファイルに必要な表や列がありません",
    "io": "ディスクの読み書きに失敗しました（ドライブの故障や取り外しの可能性があります）",
    "is_folder": "ファイルではなくフォルダです",
    "not_folder": "途中にフォルダではないものがあります",
    "not_found": "ファイルまたはフォルダが見つかりません",
    "name_too_long": "ファイルの名前か場所が長すぎます",
    "too_complex": "検索する言葉が長すぎるか複雑すぎます",
    "cant_open": "ファイルを開けません",
}


def kind_of(exc: BaseException) -> str:
    """The cause of an OS or SQLite error as one word of ``REASONS`` ('other' when unknown)."""
    if isinstance(exc, OSError) and exc.errno in _ERRNO_KINDS:
        return _ERRNO_KINDS[exc.errno]
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _SQLITE_KINDS:
        return _SQLITE_KINDS[code & 0xFF]
    text = str(exc).lower()
    for words, kind in _TEXT_KINDS:
        if words in text:
            return kind
    if isinstance(exc, PermissionError):
        return "permission"
    if isinstance(exc, sqlite3.IntegrityError):
        return "constraint"
    return "other"


def reason(exc: BaseException) -> str:
    """A short Japanese cause (「ディスクの空き容量が足りません」); the English original is logged."""
    log.warning("%s: %s", type(exc).__name__, exc)
    return _reason(exc)


def _reason(exc: BaseException) -> str:
    kind = kind_of(exc)
    if kind in REASONS:
        return REASONS[kind]
    if isinstance(exc, OSError) and exc.errno:
        return f"ファイルの読み書きに失敗しました（エラー番号 {exc.errno}）"
    return "ファイルの読み書きに失敗しました"


def translate(exc: BaseException, path: Path | None = None) -> UserFacingError:
    """The user-facing form of ``exc``, Japanese only; the English original goes to the log."""
    if isinstance(exc, UserFacingError):
        return exc
    log.warning("%s (%s): %s", type(exc).__name__, path, exc)
    where = f"（ファイル: {path}）" if path else ""
    kind = kind_of(exc)
    if kind == "full":
        return DiskFullError(
            f"ディスクの空き容量が足りないため、保存できませんでした{where}。変更は保存されていません。",
            hint="不要なファイルを削除して空き容量を作ってから、もう一度保存してください。" + _KEEP_INPUT,
        )
    if kind in ("read_only", "permission"):
        return ReadOnlyError(
            f"このファイルは書き込みできない場所にあるため、保存できませんでした{where}。",
            hint="書き込みできるフォルダ（ドキュメントなど）にコピーしてから開き直してください。" + _KEEP_INPUT,
        )
    if kind == "busy":
        return UserFacingError(
            f"ほかのプログラムがこのファイルを使用中のため、保存できませんでした{where}。",
            hint="少し待ってから、もう一度保存してください。" + _KEEP_INPUT,
        )
    if kind in ("damaged", "io"):
        return DamagedFileError(f"データファイルが壊れているか、読み取れません{where}。", hint=RESTORE_HINT)
    if kind == "incomplete":
        return DamagedFileError(
            f"データファイルに必要な表や列がありません（形式が不完全です）{where}。", hint=RESTORE_HINT
        )
    if kind == "too_complex":
        return UserFacingError(
            "検索する言葉が長すぎるか複雑すぎるため、検索できませんでした。",
            hint="言葉を短くして、もう一度検索してください。",
        )
    if kind == "is_folder":
        return UserFacingError(
            f"指定された場所はファイルではなくフォルダです{where}。",
            hint="そのフォルダの中にあるデータファイル（.db）を選んでください。",
        )
    if kind == "constraint":
        return UserFacingError(
            f"データの整合性のため、この変更は保存できませんでした{where}。",
            hint="関連するデータが削除されていないか確かめてください。",
        )
    if kind in ("cant_open", "not_found", "not_folder"):
        return UserFacingError(
            f"データファイルを開けませんでした{where}: {REASONS[kind]}。",
            hint="フォルダが存在するか、書き込みの権限があるかを確かめてください。",
        )
    number = f"（エラー番号 {exc.errno}）" if isinstance(exc, OSError) and exc.errno else ""
    return UserFacingError(
        f"ファイルの読み書きに失敗しました{number}{where}。",
        hint="ファイルやフォルダの場所・権限を確かめて、もう一度お試しください。詳しい内容は記録ファイルに残しました。",
    )

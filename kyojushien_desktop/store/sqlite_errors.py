"""Turns sqlite3 and OS errors into Japanese messages that say the cause and the next step."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from kyojushien_desktop.domain.errors import DamagedFileError, ReadOnlyError, UserFacingError

_KEEP_INPUT = "入力中の内容は画面に残っています。"


def translate(exc: BaseException, path: Path | None = None) -> UserFacingError:
    """The user-facing form of ``exc``; anything unknown keeps its text for the log."""
    if isinstance(exc, UserFacingError):
        return exc
    where = f"（ファイル: {path}）" if path else ""
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or "disk is full" in text:
        return UserFacingError(
            f"ディスクの空き容量が足りないため、保存できませんでした{where}。変更は保存されていません。",
            hint="不要なファイルを削除して空き容量を作ってから、もう一度保存してください。" + _KEEP_INPUT,
        )
    if "readonly" in text or "read-only" in text or isinstance(exc, OSError) and exc.errno == errno.EROFS:
        return ReadOnlyError(
            f"このファイルは書き込みできない場所にあるため、保存できませんでした{where}。",
            hint="書き込みできるフォルダ（ドキュメントなど）にコピーしてから開き直してください。" + _KEEP_INPUT,
        )
    if "locked" in text or "busy" in text:
        return UserFacingError(
            f"ほかのプログラムがこのファイルを使用中のため、保存できませんでした{where}。",
            hint="少し待ってから、もう一度保存してください。" + _KEEP_INPUT,
        )
    if "malformed" in text or "not a database" in text or "disk i/o" in text:
        return DamagedFileError(
            f"データファイルが壊れているか、読み取れません{where}。",
            hint="アプリを閉じ、最新のバックアップから復元してください（ファイル > バックアップから復元）。",
        )
    if "unable to open" in text or isinstance(exc, PermissionError):
        return UserFacingError(
            f"データファイルを開けませんでした{where}。",
            hint="フォルダが存在するか、書き込みの権限があるかを確かめてください。",
        )
    if isinstance(exc, OSError):
        return UserFacingError(
            f"ファイルの読み書きに失敗しました{where}: {exc.strerror or exc}",
            hint="ファイルやフォルダの場所・権限を確かめて、もう一度お試しください。",
        )
    if isinstance(exc, sqlite3.IntegrityError):
        return UserFacingError(
            f"データの整合性のため、この変更は保存できませんでした{where}。",
            hint="関連するデータが削除されていないか確かめてください。",
        )
    return UserFacingError(f"データファイルの処理中に問題が起きました{where}: {exc}")

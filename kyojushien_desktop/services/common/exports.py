"""Writing an export where the user chose: a failed write (the folder gone or read-only, the file
open in Excel or a PDF viewer, a full disk) becomes a Japanese message saying what to do, and the
half-written file is never left behind (``reports.files.write_atomically``)."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.store import sqlite_errors

EXCEL = "Excel"
WORD = "Word"
PDF_VIEWER = "PDFの閲覧ソフト（Adobe Acrobat Reader など）"


def export_error(exc: OSError, path: Path, opened_in: str) -> UserFacingError:
    """The Japanese message for a failed write; on Windows a file open in Excel or a PDF viewer
    cannot be replaced and shows up here as PermissionError."""
    if isinstance(exc, PermissionError):
        return UserFacingError(
            f"ファイルに書き出せませんでした: {path}",
            hint=f"{opened_in}で開いている場合は閉じてから、もう一度書き出してください。"
            "閉じても同じ場合は、書き込みできるフォルダ（ドキュメントなど）か別のファイル名を選んでください。",
        )
    if isinstance(exc, FileNotFoundError):
        return UserFacingError(
            f"書き出し先のフォルダが見つかりません: {path.parent}",
            hint="フォルダの場所を確かめるか、別の場所を選んでから、もう一度書き出してください。",
        )
    if exc.errno == errno.ENOSPC:
        return UserFacingError(
            f"ディスクの空き容量が足りないため、書き出せませんでした: {path}",
            hint="不要なファイルを削除して空き容量を作るか、別のドライブを選んでから、もう一度書き出してください。",
        )
    return UserFacingError(
        f"ファイルに書き出せませんでした: {path}（{sqlite_errors.reason(exc)}）",
        hint="書き出し先の場所とファイル名を確かめて、もう一度書き出してください。",
    )


def writing(path: Path, opened_in: str, write: Callable[[], Path]) -> Path:
    """``write()``, its ``OSError`` turned into the message for ``path``."""
    try:
        return write()
    except OSError as exc:
        raise export_error(exc, path, opened_in) from exc

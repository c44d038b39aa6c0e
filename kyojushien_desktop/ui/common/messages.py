"""Dialogs that tell the user what happened and what to do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.ui.common import wording


def show_error(parent: QWidget | None, error: UserFacingError, title: str = "問題が起きました") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, error.message, QMessageBox.StandardButton.Ok, parent)
    if error.hint:
        box.setInformativeText(error.hint)
    box.exec()


def show_notices(parent: QWidget | None, notices: list[str]) -> None:
    if not notices:
        return
    box = QMessageBox(QMessageBox.Icon.Information, "お知らせ", notices[0], QMessageBox.StandardButton.Ok, parent)
    if len(notices) > 1:
        box.setInformativeText("\n\n".join(notices[1:]))
    box.exec()


def ask_read_only(parent: QWidget | None, error: UserFacingError) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "使用中のファイル", error.message, parent=parent)
    box.setInformativeText(error.hint)
    read_only = box.addButton("読み取り専用で開く", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("開かない", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is read_only


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
    """Asks before a step that changes data; キャンセル is the default, so Enter does no harm."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("キャンセル", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def inform(parent: QWidget | None, title: str, text: str, folder: Path | None = None) -> None:
    """Says what was done; with ``folder`` it offers フォルダを開く to find the file written."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    open_folder = box.addButton(wording.OPEN_FOLDER, QMessageBox.ButtonRole.ActionRole) if folder else None
    box.addButton("閉じる", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if folder is not None and box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

"""Dialogs that tell the user what happened and what to do."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from kyojushien_desktop.domain.errors import UserFacingError


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

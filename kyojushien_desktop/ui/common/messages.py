"""Dialogs that tell the user what happened and what to do, and ask before anything is lost."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.ui.common import wording

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# QMessageBox, QDesktopServices and QUrl are imported where they are used: PySide makes a Qt
# class's Python type (and its enums) on first import, about 2 ms of start-up for these three.

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def show_error(parent: QWidget | None, error: UserFacingError, title: str = wording.PROBLEM) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, error.message, QMessageBox.StandardButton.Ok, parent)
    _wide_enough(box)
    if error.hint:
        box.setInformativeText(error.hint)
    box.exec()


def ask_read_only(parent: QWidget | None, error: UserFacingError) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, "使用中のファイル", error.message, parent=parent)
    _wide_enough(box)
    box.setInformativeText(error.hint)
    read_only = box.addButton("読み取り専用で開く", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("開かない", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is read_only


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
    """Asks before a step that changes data; キャンセル is the default, so Enter does no harm."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    _wide_enough(box)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(wording.CANCEL, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def _wide_enough(box: QWidget) -> None:
    """Room for a message's sentence: Qt's box is so narrow that it breaks words (入力内｜容)."""
    box.setStyleSheet("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 28em; }")


def ask_unsaved(parent: QWidget | None, what: str = "") -> str:
    """保存 / 破棄 / キャンセル for input not yet saved; キャンセル (stay) is the default and Esc."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, wording.UNSAVED_TITLE, wording.UNSAVED, parent=parent)
    box.setInformativeText(f"「{what}」の入力内容を保存しますか？" if what else "入力内容を保存しますか？")
    _wide_enough(box)
    save = box.addButton(wording.SAVE, QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(wording.DISCARD, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(wording.CANCEL, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def inform(parent: QWidget | None, title: str, text: str, folder: Path | None = None) -> None:
    """Says what was done; with ``folder`` it offers フォルダを開く to find the file written."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    _wide_enough(box)
    open_folder = box.addButton(wording.OPEN_FOLDER, QMessageBox.ButtonRole.ActionRole) if folder else None
    box.addButton(wording.CLOSE, QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if folder is not None and box.clickedButton() is open_folder:
        open_path(folder)


def inform_written(parent: QWidget | None, title: str, text: str, path: Path) -> None:
    """A file was written: PDFを開く (or Excelで開く) opens it, フォルダを開く shows where it is."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, f"{text}\n{path}", parent=parent)
    _wide_enough(box)
    label = wording.OPEN_PDF if path.suffix.lower() == ".pdf" else wording.OPEN_FILE
    open_file = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
    open_folder = box.addButton(wording.OPEN_FOLDER, QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(wording.CLOSE, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(close)
    box.exec()
    if box.clickedButton() is open_file:
        open_path(path)
    elif box.clickedButton() is open_folder:
        open_path(path.parent)


def open_path(path: Path) -> None:
    """Opens a file or folder with the program Windows (or the desktop) associates with it."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

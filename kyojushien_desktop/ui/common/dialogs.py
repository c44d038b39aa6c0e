"""The window's own small dialogs: ヘルプ (使い方, 手引きを読む, 手引きについて, バージョン情報) and the file choosers.

File dialogs start in ドキュメント the first time, then in the folder the user last used (kept on
this PC in the preferences), never in the app's hidden data folder.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from kyojushien_desktop import APP_NAME, __version__
from kyojushien_desktop.services.common.preferences import Preferences, remember_folder
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.common.forms import size_for_text


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def start_folder(prefs: Preferences | None) -> Path:
    """The last folder used, if it still exists, else ドキュメント."""
    if prefs is not None and prefs.last_folder and Path(prefs.last_folder).is_dir():
        return Path(prefs.last_folder)
    return documents_folder()


def ask_open_path(parent: QWidget, prefs: Preferences | None, caption: str, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(start_folder(prefs)), file_filter)
    if not name:
        return None
    if prefs is not None:
        remember_folder(prefs, Path(name))
    return Path(name)


def ask_save_path(parent: QWidget, prefs: Preferences | None, caption: str, stem: str, kind: str) -> Path | None:
    """A save dialog offering ``stem_YYYYMMDD``; ``.xlsx``/``.pdf``/``.docx`` added if left off."""
    suffix, file_filter = {
        "xlsx": (".xlsx", wording.EXPORT_XLSX_FILTER),
        "docx": (".docx", wording.EXPORT_DOCX_FILTER),
    }.get(kind, (".pdf", wording.EXPORT_PDF_FILTER))
    default = start_folder(prefs) / f"{stem}_{dt.date.today():%Y%m%d}{suffix}"
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(default), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if prefs is not None:
        remember_folder(prefs, path)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_db_to_open(parent: QWidget, prefs: Preferences) -> Path | None:
    return ask_open_path(parent, prefs, "データファイルを開く", wording.DB_FILE_FILTER)


def ask_new_db_path(parent: QWidget, prefs: Preferences) -> Path | None:
    default = start_folder(prefs) / "居住支援デスク.db"
    name, _ = QFileDialog.getSaveFileName(parent, "新しいデータファイルの保存先", str(default), wording.DB_FILE_FILTER)
    if not name:
        return None
    remember_folder(prefs, Path(name))
    return Path(name if name.endswith(".db") else name + ".db")


class TextDialog(QDialog):
    """A page of help text that scrolls, with 閉じる."""

    def __init__(self, title: str, body_html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(body_html)
        close = QPushButton(wording.CLOSE)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        size_for_text(self, 46, 30)

    def text(self) -> str:
        return self.browser.toPlainText()


def _e(text: str) -> str:
    return html.escape(text)


def usage_html() -> str:
    from kyojushien_desktop.content.help import usage

    help_ = usage()
    parts = [f"<h2>{_e(help_.title)}</h2>", f"<p>{_e(help_.lead)}</p>"]
    for task in help_.tasks:
        parts.append(f"<h3>{_e(task.title)}</h3><ol>")
        parts.extend(f"<li>{_e(step)}</li>" for step in task.steps)
        parts.append("</ol>")
    parts.append("<h3>キー操作</h3><table cellspacing='4'>")
    parts.extend(f"<tr><td><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in help_.keys)
    parts.append("</table>")
    return "".join(parts)


def guide_info_html() -> str:
    from kyojushien_desktop.content.help import guide_info

    info = guide_info()
    parts = [
        f"<h2>{_e(info.title)}</h2>",
        f"<p>{_e(info.lead)}</p>",
        f"<p><b>{_e(info.name)}</b><br>{_e(info.issued)}　{_e(info.author)}</p>",
        "<h3>画面と手引きの章</h3><table cellspacing='6'>",
    ]
    parts.extend(f"<tr><td><b>{_e(screen)}</b></td><td>{_e(chapter)}</td></tr>" for screen, chapter in info.screens)
    parts.append("</table>")
    return "".join(parts)


def show_usage(parent: QWidget) -> None:
    TextDialog("使い方", usage_html(), parent).exec()


def show_guide_info(parent: QWidget) -> None:
    TextDialog("手引きについて", guide_info_html(), parent).exec()


def show_guide_reader(parent: QWidget) -> None:
    from kyojushien_desktop.ui.common.guide_reader import GuideReaderDialog

    GuideReaderDialog(parent).exec()


def about_text() -> str:
    return (
        f"{APP_NAME} {__version__}\n\n居住支援協議会の設立に向けた事務局の仕事を支えるアプリです。"
        "\nインターネットに接続せずに動作し、データはこのPCのファイルだけに保存されます。"
        "\n\n表示と印刷の文字: BIZ UDPゴシック（SIL Open Font License 1.1）"
    )


def show_about(parent: QWidget) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(parent, "バージョン情報", about_text())

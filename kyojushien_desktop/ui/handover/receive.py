"""引き継ぎファイルを開く, up to the moment the data file is in place: the file chosen, its passphrase
(a wrong one keeps the dialog open with the reason under the field), the package verified as a
job, what it holds and where it will be kept confirmed, and an existing file never replaced
without the user's answer. The window then opens the new file (``MainWindow.receive_handover``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.handover_terms import handover_terms
from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.handover import Manifest, PackageError
from kyojushien_desktop.domain.wareki import format_datetime
from kyojushien_desktop.paths import default_db_path
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.handover import package
from kyojushien_desktop.ui.common import dialogs, jobs, messages
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import dialog_buttons
from kyojushien_desktop.ui.handover import wording
from kyojushien_desktop.ui.handover.pack_dialog import wrapped

_HIDDEN_AREAS = {"settings"}  # rows of settings mean nothing to the person receiving


class Window(Protocol):
    """What the flow needs of the main window (it opens files; this module only asks and places)."""

    prefs: Preferences
    notice_bar: Any

    @property
    def session(self) -> Session | None: ...

    def may_leave(self) -> bool: ...

    def close_file(self) -> None: ...

    def open_file(self, path: Path) -> bool: ...

    def show_page(self, key: str) -> Any: ...


class Choice(NamedTuple):
    """A verified package and where its data file goes (``replace``: the user said so)."""

    package: Path
    passphrase: str | None
    manifest: Manifest
    dest: Path
    replace: bool


def counts(manifest: Manifest) -> list[tuple[str, int]]:
    """(名簿, 120), (ヒアリング, 14) …, in the areas' order, the empty ones left out, then 合計."""
    found = []
    for area in handover_terms().areas:
        rows = sum(manifest.row_counts.get(area.key, {}).values())
        if rows and area.key not in _HIDDEN_AREAS:
            found.append((area.label, rows))
    return [*found, (wording.TOTAL, manifest.total_rows)]


def counts_table(manifest: Manifest) -> QWidget:
    """One area a line, the numbers right-aligned: labels that never wrap, so the rows below
    move down at 特大 instead of being drawn over."""
    table = QWidget()
    grid = QGridLayout(table)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(4)
    for row, (label, rows) in enumerate(counts(manifest)):
        grid.addWidget(QLabel(label), row, 0)
        number = QLabel(wording.rows_text(rows))
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(number, row, 1)
    grid.setColumnStretch(2, 1)
    return table


class PassphraseDialog(QDialog):
    """The passphrase, checked against the package on 開く; ``verified`` once it opened."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.verified: package.Verified | None = None
        self.setWindowTitle(f"{wording.OPEN_PACKAGE}（{path.name}）")
        self.heading = QLabel(wording.OPEN_PACKAGE)
        self.heading.setFont(scaled(self.font(), 1.2, bold=True))
        self.phrase = QLineEdit()
        self.phrase.setAccessibleName(wording.PASSPHRASE)
        self.phrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_button = QPushButton(wording.SHOW)
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(
            lambda shown: self.phrase.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        )
        self.error = wrapped(name="fieldError")
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(QLabel(wording.PASSPHRASE))
        row.addWidget(self.phrase, 1)
        row.addWidget(self.show_button)
        buttons, self.check_button = dialog_buttons(self, wording.OPEN, self.check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(wrapped(wording.package_line(path.name)))
        layout.addWidget(wrapped(wording.PASSPHRASE_LEAD))
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 32)

    def check(self) -> bool:
        """Verifies with the passphrase typed; any refusal is said under the field, nothing written."""
        self.error.hide()
        phrase = self.phrase.text().strip()
        try:
            verified = verify(self, self.path, phrase, reraise=True)
        except PackageError as exc:
            self.error.setText("\n".join(filter(None, (exc.message, exc.hint, wording.ASK_SENDER))))
            self.error.show()
            self.phrase.selectAll()
            self.phrase.setFocus()
            return False
        if verified is None:  # cancelled
            return False
        self.verified = verified
        self.accept()
        return True


def verify(parent: QWidget, path: Path, passphrase: str | None, *, reraise: bool = False) -> package.Verified | None:
    def work(progress: Progress) -> package.Verified:
        return package.verify(path, passphrase, progress)

    return jobs.run_task(
        parent,
        work,
        title=wording.VERIFYING,
        error_title=wording.COULD_NOT_RECEIVE,
        reraise=PackageError if reraise else None,
    )


class ReceiveDialog(QDialog):
    """What the package holds and where its data file will be kept (場所を変える… to choose)."""

    def __init__(
        self, manifest: Manifest, dest: Path, open_path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(wording.CONFIRM_TITLE)
        self.dest = dest
        self.open_path = open_path
        who = manifest.made_by + (f"（{manifest.department}）" if manifest.department else "")
        form = QFormLayout()
        form.addRow(wording.FIELD_MUNICIPALITY, wrapped(manifest.municipality))
        form.addRow(wording.MADE_BY, wrapped(who or wording.UNKNOWN_SENDER))
        form.addRow(wording.MADE_AT, wrapped(format_datetime(manifest.made_at)))
        form.addRow(wording.MADE_ON, wrapped(manifest.made_on))
        form.addRow(wording.COUNTS, counts_table(manifest))
        removed = manifest.without_personal_data
        form.addRow(wording.PERSONAL_DATA, wrapped(wording.PERSONAL_REMOVED if removed else wording.PERSONAL_KEPT))
        # the path on a line of its own, unwrapped: a wrapped one beside the button was cut at 特大
        self.place = QLabel(str(dest))
        self.place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.place_button = QPushButton(wording.CHOOSE_PLACE)
        self.place_button.clicked.connect(lambda: self.change_place())
        place_row = QHBoxLayout()
        place_row.addWidget(self.place_button)
        place_row.addStretch(1)
        form.addRow(wording.DESTINATION, self.place)
        form.addRow("", place_row)
        self.open_note = wrapped(name="hint")
        buttons, self.ok_button = dialog_buttons(self, wording.RECEIVE_IT, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(wording.CONFIRM_LEAD))
        layout.addLayout(form)
        layout.addWidget(self.open_note)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 38)
        self._say_what_stays()

    def _say_what_stays(self) -> None:
        """What becomes of the file open now: left as it is, or (the same place) kept renamed."""
        if self.open_path is None:
            self.open_note.hide()
            return
        self.open_note.setText(wording.open_file_note(str(self.open_path), _same_file(self.open_path, self.dest)))
        self.open_note.show()

    def change_place(self) -> None:
        chosen = choose_destination(self, self.dest)
        if chosen is not None:
            self.dest = chosen
            self.place.setText(str(chosen))
            self._say_what_stays()


def choose_package_file(parent: QWidget, prefs: Preferences | None) -> Path | None:
    return dialogs.ask_open_path(parent, prefs, wording.OPEN_PACKAGE, wording.PACKAGE_FILTER)


def choose_destination(parent: QWidget, current: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, wording.DESTINATION, str(current), wording.DB_FILE_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".db" else path.with_name(path.name + ".db")


def ask_existing(parent: QWidget, dest: Path) -> str:
    """別の場所を選ぶ / 置き換える / キャンセル (the default) for a place that holds a file."""
    box = QMessageBox(QMessageBox.Icon.Question, wording.EXISTS_TITLE, str(dest), parent=parent)
    box.setInformativeText(wording.EXISTS_TEXT)
    other = box.addButton(wording.CHOOSE_OTHER, QMessageBox.ButtonRole.ActionRole)
    replace = box.addButton(wording.REPLACE_KEEP, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(wording.CANCEL, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "other" if clicked is other else "replace" if clicked is replace else "cancel"


def ask_package(
    parent: QWidget,
    prefs: Preferences | None,
    default_dest: Path,
    path: Path | None = None,
    open_path: Path | None = None,
) -> Choice | None:
    """Everything asked and checked before a byte is written; None when the user stopped or the
    package was refused (and the reason shown). ``path`` is a package opened from Explorer,
    ``open_path`` the data file open now (the confirmation says what becomes of it)."""
    path = path or choose_package_file(parent, prefs)
    if path is None:
        return None
    try:
        encrypted = package.is_encrypted(path)
    except UserFacingError as exc:
        messages.show_error(parent, exc, wording.COULD_NOT_RECEIVE)
        return None
    passphrase: str | None = None
    if encrypted:
        asking = PassphraseDialog(path, parent)
        if asking.exec() != QDialog.DialogCode.Accepted or asking.verified is None:
            return None
        verified, passphrase = asking.verified, asking.phrase.text().strip()
    else:
        verified = verify(parent, path, None)
        if verified is None:
            return None
    confirm = ReceiveDialog(verified.manifest, default_dest, open_path, parent)
    while True:
        if confirm.exec() != QDialog.DialogCode.Accepted:
            return None
        dest = confirm.dest
        if not dest.exists():
            return Choice(path, passphrase, verified.manifest, dest, False)
        answer = ask_existing(parent, dest)
        if answer == "replace":
            return Choice(path, passphrase, verified.manifest, dest, True)
        if answer == "cancel":
            return None
        confirm.change_place()


def place(parent: QWidget, choice: Choice) -> package.Opened | None:
    """The data file put in place (verified once more as it is read), as a job."""

    def work(progress: Progress) -> package.Opened:
        return package.open_package(
            choice.package, choice.passphrase, choice.dest, replace=choice.replace, progress=progress
        )

    return jobs.run_task(parent, work, title=wording.RECEIVING, error_title=wording.COULD_NOT_RECEIVE)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def receive_into(window: Window, path: Path | None = None) -> bool:
    """A received package (chosen, or ``path``): checked and confirmed first, then its data file
    placed and opened like any file, on 引き継ぎ's はじめての方へ. The window's file is closed only
    when it is the one being replaced, and opened again if placing failed."""
    open_path = window.session.path if window.session is not None else None
    choice = ask_package(window, window.prefs, default_db_path(), path, open_path)  # type: ignore[arg-type]
    if choice is None or not window.may_leave():
        return False
    replacing_open = window.session is not None and _same_file(window.session.path, choice.dest)
    if replacing_open:
        window.close_file()
    opened = place(window, choice)  # type: ignore[arg-type]
    if opened is None:
        if replacing_open:
            window.open_file(choice.dest)
        return False
    if not window.open_file(opened.path):
        return False
    window.show_page("handover").show_welcome()  # type: ignore[attr-defined]
    if opened.kept is not None:
        window.notice_bar.show_notices([*window.session.notices, wording.KEPT_AS + str(opened.kept)])
    return True

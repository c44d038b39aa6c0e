"""A phase beside the table: its aim, the guide's page, its target month (editable) and its
取組み例 — the same 取組み例 a 目安 not yet 達成 shows as the next suggested steps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.content.phases import Phase
from kyojushien_desktop.domain.progress import PhaseProgress
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.progress import wording
from kyojushien_desktop.ui.progress.models import phase_line


def wrapped(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("cardTitle")
    return label


class ExamplesBox(QWidget):
    """A phase's 取組み例 from the guide: title, points and the town's case."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = section(title)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self.body)
        self.titles: list[str] = []

    def show_phase(self, phase: Phase) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.titles = [example.title for example in phase.examples]
        for example in phase.examples:
            title = wrapped("■ " + example.title)
            title.setFont(scaled(self.font(), 1.0, bold=True))
            self.body.addWidget(title)
            self.body.addWidget(wrapped("\n".join(f"・{point}" for point in example.points)))
            if example.case:
                self.body.addWidget(wrapped(example.case, "hint"))


class PhasePanel(QWidget):
    """The chosen phase; its target month is saved with 目標を保存 (typed before, it is unsaved input)."""

    def __init__(self, host: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.phase: Phase | None = None
        self.saved_target = ""
        self.title = wrapped()
        self.aim = wrapped()
        self.target = QLineEdit()
        self.target.setPlaceholderText(wording.TARGET_HINT)
        self.target.setToolTip(wording.TARGET_TIP)
        self.target.returnPressed.connect(lambda: self.save_target())
        self.save_button = QPushButton(wording.SAVE_TARGET)
        self.save_button.clicked.connect(lambda: self.save_target())
        row = QHBoxLayout()
        row.addWidget(QLabel(wording.TARGET))
        row.addWidget(self.target, 1)
        row.addWidget(self.save_button)
        self.error = wrapped(name="fieldError")
        self.error.hide()
        self.examples = ExamplesBox(wording.EXAMPLES)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(section(wording.AIM))
        layout.addWidget(self.aim)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.examples)
        layout.addStretch(1)

    def show_phase(self, phase: Phase, counted: PhaseProgress) -> None:
        """The phase as saved; the same phase shown again keeps a 目標の月 typed and not saved."""
        keep = self.dirty and self.phase is not None and self.phase.number == phase.number
        self.phase = phase
        self.saved_target = counted.target_month or ""
        self.title.setFont(scaled(self.font(), 1.2, bold=True))
        self.title.setText(phase_line(phase, counted))
        self.aim.setText("\n".join(phase.aim))
        if not keep:
            self.target.setText(self.saved_target)
            self.error.hide()
        self.examples.show_phase(phase)
        writable = self.host.writable
        self.target.setReadOnly(not writable)
        self.save_button.setEnabled(writable)

    @property
    def dirty(self) -> bool:
        return self.phase is not None and self.host.writable and self.target.text().strip() != self.saved_target

    def discard(self) -> None:
        self.target.setText(self.saved_target)
        self.error.hide()

    def save_target(self) -> bool:
        if self.phase is None:
            return False
        number, text = self.phase.number, self.target.text()

        def invalid(error) -> None:
            self.error.setText(error.message)
            self.error.show()

        changes = self.host.run_op(lambda session: progress.set_phase_target(session, number, text), on_invalid=invalid)
        if changes is None:
            return False
        self.error.hide()
        self.saved_target = text.strip()  # saved: the reload shows the month as the file holds it
        self.host.reload(changes)
        return True

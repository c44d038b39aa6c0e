"""「引き継ぐ」: the four steps, the three 引継ぎ事項 boxes (unsaved input until 保存), the 引継書 as
PDF or Word, and the door to the package dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.handover import notes, report
from kyojushien_desktop.ui.common import dialogs, jobs
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.growing_text import GrowingTextEdit
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.common.widgets import save_bar
from kyojushien_desktop.ui.handover import wording


def _label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class NoteBox(QWidget):
    """One section of the 引継ぎ事項: its title, what to write, the box and ひな形を入れる."""

    def __init__(self, entry: notes.NoteEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = entry.section
        self.saved = entry.note.text
        self.title = _label(self.section.title)
        self.prompt = _label(self.section.prompt, "hint")
        self.box = GrowingTextEdit()
        self.box.setAccessibleName(self.section.title)
        self.box.setPlainText(self.saved)
        self.template_button = QPushButton(wording.INSERT_TEMPLATE)
        self.template_button.setToolTip(wording.INSERT_TEMPLATE_TIP)
        self.template_button.clicked.connect(lambda: self.insert_template())
        self.box.textChanged.connect(self.refresh_template)
        self.template_hint = _label(wording.INSERT_TEMPLATE_TIP, "hint")
        self.template_hint.setWordWrap(False)
        self.error = _label(name="fieldError")
        self.error.hide()
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.template_hint)
        head.addWidget(self.template_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.prompt)
        layout.addWidget(self.box)
        layout.addWidget(self.error)
        self.refresh_template()

    @property
    def text(self) -> str:
        return self.box.toPlainText()

    @property
    def dirty(self) -> bool:
        return self.text != self.saved

    def insert_template(self) -> bool:
        """The section's opening lines, only into an empty box: nothing typed is overwritten."""
        if self.text.strip():
            return False
        self.box.setPlainText(self.section.template)
        self.box.setFocus()
        return True

    def refresh_template(self) -> None:
        """Usable only on an empty box; the reason stays beside the button while it is not."""
        usable = not self.text.strip() and not self.box.isReadOnly()
        self.template_button.setEnabled(usable)
        self.template_hint.setVisible(not usable and not self.box.isReadOnly())


class OutgoingTab(QWidget):
    def __init__(self, host: Page, open_pack: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.boxes: list[NoteBox] = []
        self.guide_heading = _label(wording.GUIDE_HEADING)
        steps = _label("\n".join(wording.GUIDE_STEPS))
        self.notes_heading = _label(wording.NOTES_HEADING)
        self.notes_column = QVBoxLayout()
        self.notes_column.setSpacing(6)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 4, 12, 4)
        column.addWidget(self.guide_heading)
        column.addWidget(steps)
        column.addSpacing(6)
        column.addWidget(self.notes_heading)
        column.addLayout(self.notes_column)
        column.addStretch(1)
        scroll = scrolling_column(inner)
        self.scroll = scroll

        self.save_button = QPushButton(wording.SAVE)
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(lambda: self.save())
        self.discard_button = QPushButton(wording.DISCARD)
        self.discard_button.clicked.connect(lambda: self.discard())
        self.state = _label(name="hint")
        self.problem = _label(name="fieldError")
        self.problem.hide()
        bar = save_bar([self.state, self.problem], self.discard_button, self.save_button)

        self.pdf_button = QPushButton(wording.REPORT_PDF)
        self.docx_button = QPushButton(wording.REPORT_DOCX)
        self.pack_button = QPushButton(wording.MAKE_HANDOVER)
        self.pack_button.setObjectName("primaryButton")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.docx_button.clicked.connect(lambda: self.export("docx"))
        self.pack_button.clicked.connect(lambda: open_pack())
        actions = QHBoxLayout()
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.docx_button)
        actions.addStretch(1)
        actions.addWidget(self.pack_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(scroll, 1)
        layout.addWidget(bar)
        layout.addLayout(actions)

    # --- showing ----------------------------------------------------------------------------
    def reload(self, session: Session | None) -> None:
        """The notes as saved (what was typed and not saved is dropped: the page asked first)."""
        for heading in (self.guide_heading, self.notes_heading):
            heading.setFont(scaled(self.font(), 1.15, bold=True))
        for box in self.boxes:
            self.notes_column.removeWidget(box)
            box.deleteLater()
        self.boxes = []
        if session is None:
            self._show_state()
            return
        writable = self.host.writable
        for entry in notes.load_notes(session):
            box = NoteBox(entry)
            box.title.setFont(scaled(self.font(), 1.0, bold=True))
            box.box.setReadOnly(not writable)
            box.refresh_template()
            box.box.textChanged.connect(self._show_state)
            self.notes_column.addWidget(box)
            self.boxes.append(box)
        self.problem.hide()
        self._show_state()

    def _show_state(self) -> None:
        dirty = self.dirty
        self.state.setText(wording.UNSAVED if dirty else wording.NOTES_SAVED)
        self.save_button.setEnabled(dirty and self.host.writable)
        self.discard_button.setEnabled(dirty)

    # --- unsaved input ----------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return any(box.dirty for box in self.boxes)

    def save(self) -> bool:
        texts = {box.section.key: box.text for box in self.boxes if box.dirty}
        if not texts:
            return True
        for box in self.boxes:
            box.error.hide()
        self.problem.hide()

        def invalid(error: ValidationError) -> None:
            box = next((b for b in self.boxes if b.section.key == error.field), None)
            target = box.error if box is not None else self.problem
            target.setText(error.message)
            target.show()

        changes = self.host.run_op(lambda session: notes.save_notes(session, texts), on_invalid=invalid)
        if changes is None:
            return False
        for box in self.boxes:
            box.saved = box.text
        self._show_state()
        return True

    def discard(self) -> None:
        for box in self.boxes:
            box.box.setPlainText(box.saved)
            box.error.hide()
        self.problem.hide()
        self._show_state()

    # --- the 引継書 -------------------------------------------------------------------------
    def choose_report_path(self, kind: str) -> Path | None:
        return dialogs.ask_save_path(
            self, getattr(self.host, "prefs", None), wording.WRITE_TO, wording.REPORT_NAME, kind
        )

    def export(self, kind: str) -> Path | None:
        """The 引継書 from what is saved (unsaved notes asked about first), as a read job."""
        session = self.host.session
        if session is None or not self.host.confirm_leave():
            return None
        path = self.choose_report_path(kind)
        if path is None:
            return None
        export = report.export_report_docx if kind == "docx" else report.export_report_pdf

        def write(reader: Session, progress: Progress, _replace: bool) -> Path:
            return export(reader, path, progress)

        written = jobs.run_export(self, session, write, title=wording.REPORT_MAKING)
        if written is not None:
            self.host.inform_written(wording.REPORT_MADE, wording.REPORT_MADE, written)
        return written

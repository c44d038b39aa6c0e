"""A 目安's 根拠: the records and documents linked (a visit, meeting or organisation opens where it
lives; any can be taken off), the records the rules suggest with their reason (根拠にする), and
資料を追加… for a document kept elsewhere."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.progress import (
    CONTACT,
    DOCUMENT,
    MEETING,
    ORGANIZATION,
    VISIT,
    Evidence,
    Suggestion,
)
from kyojushien_desktop.services.progress import progress, suggestions
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.progress import wording
from kyojushien_desktop.ui.progress.document_dialog import DocumentDialog
from kyojushien_desktop.ui.progress.phase_panel import section, wrapped

KIND_NAMES = {
    VISIT: wording.KIND_VISIT,
    MEETING: wording.KIND_MEETING,
    CONTACT: wording.KIND_CONTACT,
    ORGANIZATION: wording.KIND_ORGANIZATION,
    DOCUMENT: wording.KIND_DOCUMENT,
}
OPENABLE = (VISIT, MEETING, ORGANIZATION)  # the kinds MainWindow.open_record knows
FIRST_SUGGESTIONS = 6  # the newest shown at first; すべて表示 shows the rest


def evidence_text(item: Evidence) -> str:
    text = f"［{KIND_NAMES.get(item.kind, item.kind)}］{item.title}"
    return text + (f"\n{wording.DOCUMENT_PLACE}: {item.place}" if item.kind == DOCUMENT and item.place else "")


def suggestion_text(item: Suggestion) -> str:
    when = f"（{wareki.format_date(item.on)}）" if item.on else ""
    return f"［{KIND_NAMES.get(item.kind, item.kind)}］{item.title}{when}\n{item.reason}"


def _line(text: str, *buttons: QPushButton) -> QWidget:
    line = QWidget()
    row = QHBoxLayout(line)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(wrapped(text), 1)
    for button in buttons:
        row.addWidget(button)
    return line


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


class EvidenceBox(QWidget):
    def __init__(self, host: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.milestone_id: str | None = None
        self.linked: list[Evidence] = []
        self.suggested: list[Suggestion] = []
        self.linked_box = QVBoxLayout()
        self.suggested_box = QVBoxLayout()
        self.show_all = False
        self.more_button = QPushButton()
        self.more_button.clicked.connect(lambda: self.show_more())
        self.add_button = QPushButton(wording.ADD_DOCUMENT)
        self.add_button.clicked.connect(lambda: self.add_document())
        head = QHBoxLayout()
        head.addWidget(section(wording.LINKED), 1)
        head.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addLayout(self.linked_box)
        layout.addWidget(section(wording.SUGGESTED))
        layout.addLayout(self.suggested_box)
        more_row = QHBoxLayout()
        more_row.addStretch(1)
        more_row.addWidget(self.more_button)
        layout.addLayout(more_row)

    def show_milestone(self, milestone_id: str) -> None:
        session = self.host.session
        if session is None:
            return
        if milestone_id != self.milestone_id:
            self.show_all = False
        self.milestone_id = milestone_id
        self.linked = progress.evidence_of(session, milestone_id)
        self.suggested = suggestions.suggestions(session, milestone_id)
        writable = self.host.writable
        self.add_button.setEnabled(writable)
        _clear(self.linked_box)
        for item in self.linked:
            buttons = []
            if item.kind in OPENABLE and item.ref_id is not None:
                opener = QPushButton(wording.OPEN)
                opener.clicked.connect(lambda _=False, it=item: self.open_item(it))
                buttons.append(opener)
            remove = QPushButton(wording.UNLINK)
            remove.setEnabled(writable)
            remove.clicked.connect(lambda _=False, it=item: self.unlink(it))
            buttons.append(remove)
            self.linked_box.addWidget(_line(evidence_text(item), *buttons))
        if not self.linked:
            self.linked_box.addWidget(wrapped(wording.NO_LINKED, "hint"))
        _clear(self.suggested_box)
        shown = self.suggested if self.show_all else self.suggested[:FIRST_SUGGESTIONS]
        for found in shown:
            use = QPushButton(wording.USE_AS_EVIDENCE)
            use.setEnabled(writable)
            use.clicked.connect(lambda _=False, it=found: self.use(it))
            self.suggested_box.addWidget(_line(suggestion_text(found), use))
        if not self.suggested:
            self.suggested_box.addWidget(wrapped(wording.NO_SUGGESTED, "hint"))
        self.more_button.setText(f"{wording.SHOW_ALL}（ほか{len(self.suggested) - len(shown)}件）")
        self.more_button.setVisible(len(shown) < len(self.suggested))

    def show_more(self) -> None:
        """すべて表示: every suggestion, not only the newest few."""
        self.show_all = True
        if self.milestone_id is not None:
            self.show_milestone(self.milestone_id)

    def open_item(self, item: Evidence) -> None:
        if item.ref_id is not None:
            self.host.open_requested.emit(item.kind, item.ref_id)

    def _write(self, call) -> bool:
        changes = self.host.run_op(call)
        if changes is None:
            return False
        self.host.reload(changes)
        return True

    def use(self, found: Suggestion) -> bool:
        """根拠にする: the suggested record linked, with the title it was suggested under."""
        item = Evidence(found.milestone_id, found.kind, found.ref_id, found.title)
        return self._write(lambda session: progress.link_evidence(session, item))

    def unlink(self, item: Evidence) -> bool:
        if item.id is None:
            return False
        evidence_id = item.id
        return self._write(lambda session: progress.unlink_evidence(session, evidence_id))

    def document_dialog(self) -> DocumentDialog:
        assert self.milestone_id is not None
        return DocumentDialog(self.milestone_id, self)

    def add_document(self) -> bool:
        if self.milestone_id is None or not self.host.writable:
            return False
        result = self.host.submit(self.document_dialog(), lambda session, item: progress.link_evidence(session, item))
        if result is None:
            return False
        self.host.reload(result)
        return True

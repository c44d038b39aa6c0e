"""開催レポート: which sections to print (``meeting_terms().report_sections``) and whether the
participants are named (by organisation only unless chosen: a report is handed out, and names are
personal data), then the PDF or the Word file as a read job; after it, 報告済 is offered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout, QWidget

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.meeting_report import ReportOptions
from kyojushien_desktop.domain.meetings import HELD, REPORTED
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import meetings, report
from kyojushien_desktop.ui.common import jobs
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import dialog_buttons, size_for_text
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.host import Host

KINDS = {"pdf": ("PDF", "pdf"), "docx": ("Word", "docx")}


class ReportOptionsDialog(QDialog):
    """``options`` holds the choice after 作る."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = KINDS[kind][0]
        title = f"{wording.REPORT}（{label}）を作る"
        self.setWindowTitle(title)
        self.options = ReportOptions()
        heading = QLabel(title)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        lead = QLabel(f"{wording.SECTIONS}を選びます。まだ記録していない項目は「（記録がありません）」と出ます。")
        lead.setObjectName("hint")
        lead.setWordWrap(True)
        self.sections: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(lead)
        for key, section in meeting_terms().report_sections:
            check = QCheckBox(section)
            check.setChecked(True)
            self.sections[key] = check
            layout.addWidget(check)
        self.with_names = QCheckBox(wording.WITH_NAMES)
        names_hint = QLabel("載せないときは、参加者を団体名だけで示します（配る資料に個人名を出さないため）。")
        names_hint.setObjectName("hint")
        names_hint.setWordWrap(True)
        layout.addSpacing(6)
        layout.addWidget(self.with_names)
        layout.addWidget(names_hint)
        buttons, self.ok_button = dialog_buttons(self, "作る…", self.try_accept)
        layout.addStretch(1)
        layout.addLayout(buttons)
        size_for_text(self, 34, 16)

    def try_accept(self) -> bool:
        chosen = frozenset(key for key, check in self.sections.items() if check.isChecked())
        if not chosen:
            return False
        self.options = ReportOptions(sections=chosen, with_names=self.with_names.isChecked())
        self.accept()
        return True


def make_report(host: Host, parent: QWidget, meeting_id: int, kind: str) -> Path | None:
    """The options, the file's name, the file; then, for a meeting 開催済, whether it is 報告済."""
    session = host.session
    if session is None:
        return None
    dialog = ReportOptionsDialog(kind, parent)
    if not host.run_dialog(dialog):
        return None
    options = dialog.options
    meeting = meetings.get_meeting(session, meeting_id)
    path = host.choose_pdf_path(f"{wording.REPORT}_{meeting.title}", KINDS[kind][1])
    if path is None:
        return None

    def write(reader: Session, progress: Progress, replace: bool) -> Path:
        if kind == "docx":
            return report.export_report_docx(reader, meeting_id, path, options, progress=progress)
        return report.export_report_pdf(
            reader, meeting_id, path, options, replace_unsupported=replace, progress=progress
        )

    written = jobs.run_export(parent, session, write, title=f"{wording.REPORT}を作っています")
    if written is None:
        return None
    host.inform_written(
        f"{wording.REPORT}を作りました", f"「{meeting.title}」の{wording.REPORT}を作りました。", written
    )
    if meeting.status == HELD and host.writable:
        ask = f"「{meeting.title}」を{REPORTED}にしますか？参加者に配り終えたら{REPORTED}にします。"
        if host.confirm(f"{REPORTED}にする", ask, f"{REPORTED}にする"):
            changes = host.run_op(lambda s: meetings.set_status(s, meeting_id, REPORTED))
            if changes is not None:
                host.after(changes)
    return written

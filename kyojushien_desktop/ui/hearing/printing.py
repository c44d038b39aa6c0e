"""ヒアリングシートを印刷: the sheets of the visits chosen in the list, or a blank sheet of a bank,
written as one PDF by a read job (characters the font cannot draw are asked about first)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.hearing import VisitSummary
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.hearing import question_banks, visits
from kyojushien_desktop.ui.common import jobs
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.visit_models import visit_moment


class PrintSheetsDialog(QDialog):
    """What to print: the sheets of the visits chosen in the list (one PDF), or a blank sheet of a
    bank for a visit not yet arranged. ``blank`` and ``bank_id`` hold the choice after OK."""

    def __init__(self, banks: list, chosen: list[VisitSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(wording.PRINT_SHEETS_TITLE)
        self.blank = not chosen
        self.bank_id: int | None = None
        self.visits_button = QRadioButton(
            f"一覧で選んだ訪問のシート（{len(chosen)}件を1つのPDFに）" if chosen else "一覧で選んだ訪問のシート"
        )
        self.visits_button.setEnabled(bool(chosen))
        self.blank_button = QRadioButton("白紙のシート（訪問先を決める前に、質問バンクから）")
        group = QButtonGroup(self)
        group.addButton(self.visits_button)
        group.addButton(self.blank_button)
        (self.blank_button if self.blank else self.visits_button).setChecked(True)
        listing = QLabel(
            "\n".join(f"・{visit_moment(v.scheduled_at)}　{v.organization_name}" for v in chosen[:8])
            + (f"\n　ほか{len(chosen) - 8}件" if len(chosen) > 8 else "")
            if chosen
            else "一覧で訪問を選んでから開くと、その訪問のシートをまとめて印刷できます（Ctrlキーで複数選べます）。"
        )
        listing.setObjectName("hint")
        listing.setWordWrap(True)
        self.bank = QComboBox()
        for bank in banks:
            self.bank.addItem(bank.name, bank.id)
        bank_hint = QLabel("質問を選んでいない訪問には、この質問バンクの質問を印刷します。")
        bank_hint.setObjectName("hint")
        bank_hint.setWordWrap(True)
        bank_row = QHBoxLayout()
        bank_row.addWidget(QLabel(wording.QUESTION_BANK))
        bank_row.addWidget(self.bank, 1)

        heading = QLabel(wording.PRINT_SHEETS_TITLE)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        lead = QLabel("PDFを作ります。できあがったら「PDFを開く」で開いて印刷します。")
        lead.setObjectName("hint")
        self.ok_button = QPushButton("PDFを作る…")
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(lambda: self.try_accept())
        cancel = QPushButton(wording.CANCEL)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(lead)
        layout.addSpacing(4)
        layout.addWidget(self.visits_button)
        layout.addWidget(listing)
        layout.addWidget(self.blank_button)
        layout.addLayout(bank_row)
        layout.addWidget(bank_hint)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

    def try_accept(self) -> bool:
        self.blank = self.blank_button.isChecked()
        self.bank_id = self.bank.currentData()
        if self.blank and self.bank_id is None:
            return False
        self.accept()
        return True


class HearingPage(Protocol):
    """What the ヒアリング page offers the printing (named here, so this module does not import
    the page that imports it)."""

    @property
    def session(self) -> Session | None: ...

    def run_dialog(self, dialog: QDialog) -> bool: ...

    def inform_written(self, title: str, text: str, path: Path) -> None: ...

    def print_dialog(self, chosen: list[VisitSummary]) -> PrintSheetsDialog: ...

    def choose_pdf_path(self, name: str) -> Path | None: ...


def print_sheets(page: HearingPage, chosen: list[VisitSummary]) -> Path | None:
    """The page's print dialog, the file's name, then the PDF; the written path, or None."""
    session = page.session
    if session is None:
        return None
    dialog = page.print_dialog(chosen)
    if not page.run_dialog(dialog):
        return None
    bank_id = dialog.bank_id
    if dialog.blank:
        if bank_id is None:
            return None
        name = f"ヒアリングシート_白紙_{question_banks.get_bank(session, bank_id).name}"
    else:
        name = "ヒアリングシート" if len(chosen) != 1 else f"ヒアリングシート_{chosen[0].organization_name}"
    path = page.choose_pdf_path(name)
    if path is None:
        return None

    def write(reader: Session, progress: Progress, replace: bool) -> Path:
        if dialog.blank:
            assert bank_id is not None
            sheets = [visits.blank_sheet(reader, bank_id)]
        else:
            sheets = [visits.sheet_for_visit(reader, v.id, fallback_bank_id=bank_id) for v in chosen]
        return visits.export_sheets_pdf(reader, sheets, path, replace_unsupported=replace, progress=progress)

    written = jobs.run_export(
        page, session, write, title="ヒアリングシートを作っています", error_title="印刷用のPDFを作れませんでした"
    )
    if written is None:
        return None
    what = "白紙のヒアリングシート" if dialog.blank else f"ヒアリングシート（{len(chosen)}件）"
    page.inform_written(wording.PDF_MADE, f"{what}のPDFを作りました。", written)
    return written

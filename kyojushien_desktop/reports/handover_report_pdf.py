"""The 引継書 as an A4 PDF (interim: the lead's placeholder until the reports helper's writer lands)."""

from __future__ import annotations

from pathlib import Path

from kyojushien_desktop.domain.handover_report import HandoverReport
from kyojushien_desktop.reports.files import write_atomically


def write_report_pdf(report: HandoverReport, path: Path) -> Path:
    from reportlab.pdfgen import canvas

    def write(temporary: Path) -> None:
        pdf = canvas.Canvas(str(temporary))
        pdf.drawString(72, 800, report.title)
        pdf.save()

    return write_atomically(path, write)

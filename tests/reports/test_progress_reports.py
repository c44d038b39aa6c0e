"""Both フェーズ進捗 papers read back: every 目安 with its 状態, notes and evidence; fonts embedded."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pypdf import PdfReader

from kyojushien_desktop.content.phases import milestones
from kyojushien_desktop.domain.progress import ACHIEVED, DOCUMENT, IN_PROGRESS, Evidence, MilestoneState
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.progress import progress, report
from tests.reports.test_hearing_reports import all_font_names


def text_of(path: Path) -> str:
    return "".join(re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages)


def test_report_and_chart(db_path: Path, tmp_path: Path) -> None:
    session = datafile.open_session(db_path)
    try:
        save_settings(session, TownSettings(municipality="みどり町"))
        progress.set_status(session, "1-2", IN_PROGRESS, on=dt.date(2026, 4, 3))
        progress.set_status(session, "1-2", ACHIEVED, on=dt.date(2026, 5, 20), note="課長と共有")
        progress.save_notes(session, MilestoneState("1-2", learned="先行事例は社協と共同の事務局"))
        progress.link_evidence(session, Evidence("1-2", DOCUMENT, title="視察報告書", place="共有フォルダ"))
        pdf = report.export_report_pdf(session, tmp_path / "report.pdf")
        chart = report.export_chart_pdf(session, tmp_path / "chart.pdf")
    finally:
        session.close()
    text = text_of(pdf)
    for m in milestones():
        assert re.sub(r"\s+", "", m.text) in text, m.id
    assert text.count("未着手") == 20 and "達成" in text
    assert "先行事例は社協と共同の事務局" in text and "資料:視察報告書（共有フォルダ）" in text
    assert "みどり町現在地レポート1/" in text
    chart_text = text_of(chart)
    assert chart_text.index("目安1-2を取組み中に") < chart_text.index("目安1-2を達成に")
    for path in (pdf, chart):
        assert all("BIZUDPGothic" in name for name in all_font_names(path))

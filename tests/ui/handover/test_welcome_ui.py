"""「はじめての方へ」 on the sample town (received from the previous 担当, without a 引継書): what to
check first, from ホーム's own overview, and why 引継書を開く cannot be pressed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from kyojushien_desktop.domain.wareki import format_date
from kyojushien_desktop.services.overview import load_overview
from kyojushien_desktop.services.sample import create_sample
from kyojushien_desktop.ui.handover.page import WELCOME, HandoverPage
from tests.ui.pages import bind


def test_first_checks_list_the_overdue_followup_and_say_why_no_report(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KYOJUSHIEN_HOME", str(tmp_path / "home"))
    session = create_sample(tmp_path / "sample.db")
    try:
        today = dt.date.today()
        summary = load_overview(session, today)
        overdue = [(due, action) for due, action, _ in summary.due_followups if due < today]
        assert overdue  # the sample keeps one 次の対応 past its 期限
        page = HandoverPage()
        bind(qtbot, page, session, size=(1024, 700))
        page.show_welcome()
        welcome = page.welcome
        assert page.tabs.currentIndex() == WELCOME
        assert welcome.checks_heading.text() == "まず確認すること" and welcome.checks.isVisible()
        text = welcome.checks.text()
        due, action = overdue[0]
        assert f"・{format_date(due)}（期限切れ） {action}" in text
        assert "期限の近い次の対応（14日以内と期限切れ）" in text
        assert "これからのヒアリング" in text and "次の会議" in text
        assert not welcome.report_button.isEnabled()
        assert welcome.no_report.isVisible() and welcome.no_report.text() == "この引継ぎには引継書が含まれていません"
        assert welcome.home_button.text() == "ホームの現在地を見る"
        assert welcome.model.headerData(1, Qt.Orientation.Horizontal) == "前任者"
    finally:
        session.close()

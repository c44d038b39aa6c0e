"""The timeline view in a small stand-in for the progress page: warnings on top, the 経過 filtered
by フェーズ, and the 現在地レポート written through the read job."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout

from kyojushien_desktop.domain.progress import ACHIEVED
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.common.ops import Operations
from kyojushien_desktop.ui.progress.timeline_view import TimelineView


class TimelineHost(Page):
    title = "フェーズ進捗"
    topics = frozenset({Topic.PROGRESS})

    def __init__(self) -> None:
        super().__init__()
        self.view = TimelineView(self)
        QVBoxLayout(self).addWidget(self.view)
        self.written: list[Path] = []

    def reload(self, changes: Changes) -> None:
        self.view.reload()

    def inform_written(self, title: str, text: str, path: Path) -> None:
        self.written.append(path)


def test_warnings_history_filter_and_report(qtbot, db_path: Path, tmp_path: Path) -> None:
    session = datafile.open_session(db_path)
    ops = Operations()
    ops.session = session
    host = TimelineHost()
    qtbot.addWidget(host)
    host.bind(ops)
    try:
        progress.set_target(session, "3-3", "2099-06")
        progress.set_status(session, "1-1", ACHIEVED, on=dt.date(2026, 4, 2))
        progress.set_status(session, "2-1", ACHIEVED, on=dt.date(2026, 4, 3))
        host.resize(1024, 700)
        host.view.reload()
        assert "目安3-3" in host.view.notices.text()
        titles = [host.view.history.topLevelItem(i).text(2) for i in range(host.view.history.topLevelItemCount())]
        assert titles == ["目安1-1を達成に", "目安2-1を達成に"]
        host.view.phase.setCurrentIndex(2)
        assert host.view.history.topLevelItemCount() == 1
        assert host.view.history.topLevelItem(0).text(2) == "目安2-1を達成に"
        assert host.view.plan_tree.topLevelItemCount() == 24
        out = tmp_path / "report.pdf"
        host.view.choose_pdf_path = lambda stem: out  # type: ignore[method-assign]
        host.view.report_button.click()
        qtbot.waitUntil(lambda: host.written == [out], timeout=10000)
        assert out.stat().st_size > 0
    finally:
        session.close()

"""The sample town's 引き継ぎ: notes in all three sections and the entry of the package received
on 令和8年4月1日."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.services.datafile import open_session
from kyojushien_desktop.services.handover.notes import load_notes
from kyojushien_desktop.services.handover.package import history, received_report


def test_every_section_of_the_notes_is_written(town: Path) -> None:
    """方針・意見, 懸案事項 and 注意すること all hold text, the 懸案 with a 相手 and a 期限."""
    session = open_session(town)
    try:
        entries = {entry.section.key: entry.note.text for entry in load_notes(session)}
    finally:
        session.close()
    assert set(entries) == {"policy", "concerns", "cautions"} and all(len(t) > 100 for t in entries.values())
    assert entries["concerns"].count("相手：") >= 3 and entries["concerns"].count("期限：") >= 3


def test_the_town_was_received_from_the_previous_staff(town: Path) -> None:
    """One 引継ぎ履歴 entry: from 佐藤 健一 (建設課 住宅係), received on 令和8年4月1日, no 引継書 kept."""
    session = open_session(town)
    try:
        (entry,) = history(session)
        report = received_report(session, entry.id)
    finally:
        session.close()
    assert (entry.sender, entry.sender_department) == ("佐藤 健一", "建設課 住宅係")
    assert entry.received_at.date() == dt.date(2026, 4, 1) and entry.packed_at < entry.received_at
    assert entry.package_name.endswith(".kyoju") and not entry.without_personal_data
    assert report is None and not entry.has_report

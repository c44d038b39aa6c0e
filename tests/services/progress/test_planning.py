"""The 年度 timeline's warnings and reminder, and 取組みの経過's order and phase filter, on a real
data file."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from kyojushien_desktop.domain.meetings import Meeting
from kyojushien_desktop.domain.progress import ACHIEVED, IN_PROGRESS, MEETING, Evidence
from kyojushien_desktop.domain.progress_plan import STATUS_ITEM
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.progress import planning, progress

TODAY = dt.date(2026, 6, 1)
ROTATION = dt.date(2027, 4, 1)


@pytest.fixture
def session(db_path: Path):
    opened = datafile.open_session(db_path)
    save_settings(opened, TownSettings(municipality="みどり町", next_rotation=ROTATION))
    yield opened
    opened.close()


def add_meeting(session, title: str, on: dt.date, phase: int | None = None, status: str = "企画中") -> int:
    meeting = dataclasses.replace(
        Meeting(kind="庁内勉強会", title=title, starts_at=dt.datetime.combine(on, dt.time(14))), phase=phase
    )
    meeting_id, _ = meetings.save_meeting(session, meeting)
    if status != "企画中":
        meetings.set_status(session, meeting_id, status)
    return meeting_id


def test_a_target_after_the_rotation_is_named(session) -> None:
    progress.set_target(session, "3-3", "2027-06")
    progress.set_target(session, "3-1", "2027-03")
    warnings = planning.plan(session, TODAY).warnings
    assert any("目安3-3" in w and "令和9年6月" in w and "人事異動予定日より後" in w for w in warnings)
    assert not any("目安3-1" in w for w in warnings)


def test_an_achieved_target_after_the_rotation_is_not_a_warning(session) -> None:
    progress.set_target(session, "3-3", "2027-06")
    progress.set_status(session, "3-3", ACHIEVED, on=TODAY)
    assert not any("目安3-3" in w for w in planning.plan(session, TODAY).warnings)


def test_an_unfinished_phase_with_nothing_planned_is_named(session) -> None:
    progress.set_phase_target(session, 1, "2026-12")
    progress.set_target(session, "2-1", "2026-09")
    add_meeting(session, "設立に向けた勉強会", dt.date(2026, 9, 1), phase=3)
    warnings = planning.plan(session, TODAY).warnings
    unplanned = [w for w in warnings if "予定の会議・ヒアリングもありません" in w]
    assert [w[:5] for w in unplanned] == ["フェーズ4"]


def test_the_reminder_starts_two_months_before_the_rotation(session) -> None:
    assert planning.plan(session, ROTATION - dt.timedelta(days=61)).reminder is None
    reminder = planning.plan(session, ROTATION - dt.timedelta(days=60)).reminder
    assert reminder is not None and reminder.days_left == 60
    assert "人事異動" in reminder.title and any("引き継げる" in line for line in reminder.body)


def test_the_timeline_holds_two_fiscal_years_with_the_rotation(session) -> None:
    add_meeting(session, "来年度の会議", dt.date(2027, 5, 10), phase=4)
    add_meeting(session, "再来年度の会議", dt.date(2028, 5, 10), phase=4)
    plan = planning.plan(session, TODAY)
    assert plan.months()[0] == (2026, 4) and plan.months()[-1] == (2028, 3)
    labels = [e.label for e in plan.entries]
    assert any("来年度の会議" in label for label in labels)
    assert not any("再来年度" in label for label in labels)
    assert [e.on for e in plan.in_month(2027, 4)] == [ROTATION]


def test_history_is_in_date_order_and_filtered_by_phase(session) -> None:
    held = add_meeting(session, "福祉の課題共有", dt.date(2026, 3, 5), phase=2, status="開催済")
    add_meeting(session, "まだ先の会議", dt.date(2026, 9, 5), phase=2)
    progress.set_status(session, "1-1", IN_PROGRESS, on=dt.date(2026, 2, 1))
    progress.set_status(session, "2-3", ACHIEVED, on=dt.date(2026, 3, 10))
    progress.link_evidence(session, Evidence("3-4", MEETING, held))
    everything = planning.activities(session)
    assert [a.on for a in everything] == sorted(a.on for a in everything)
    assert [a.title for a in everything] == [
        "目安1-1を取組み中に",
        "庁内勉強会「福祉の課題共有」",
        "目安2-3を達成に",
    ]
    assert everything[0].kind == STATUS_ITEM and everything[0].turning_point
    assert everything[1].phases == (2, 3)
    assert [a.title for a in planning.activities(session, 3)] == ["庁内勉強会「福祉の課題共有」"]
    assert [a.title for a in planning.activities(session, 1)] == ["目安1-1を取組み中に"]

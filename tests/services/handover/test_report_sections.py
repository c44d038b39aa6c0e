"""Each area's 引継書 section built from real records in a file of its own, and the empty file's
short 引継書."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from kyojushien_desktop.domain.diagnosis import Respondent
from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.handover_report import Bullets, Heading, Paragraph, Section, Table
from kyojushien_desktop.domain.hearing import Visit
from kyojushien_desktop.domain.members import Person
from kyojushien_desktop.domain.progress import ACHIEVED, IN_PROGRESS
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import TownSettings, load_settings, save_settings
from kyojushien_desktop.services.diagnosis import rounds
from kyojushien_desktop.services.diagnosis.handover_section import diagnosis_section
from kyojushien_desktop.services.handover.context import Context
from kyojushien_desktop.services.handover.report import build_report
from kyojushien_desktop.services.hearing import visits
from kyojushien_desktop.services.hearing.handover_section import ongoing_section
from kyojushien_desktop.services.members import organizations, people
from kyojushien_desktop.services.members.handover_section import partners_section
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.services.progress.handover_section import (
    history_section,
    overview_section,
    position_section,
    schedule_section,
)

TODAY = dt.date(2026, 12, 2)
ROTATION = dt.date(2027, 4, 1)


@pytest.fixture
def session(db_path: Path) -> Iterator[Session]:
    opened = datafile.open_session(db_path)
    save_settings(opened, TownSettings(municipality="みどり町", department="建設課", next_rotation=ROTATION))
    yield opened
    opened.close()


def context(session: Session) -> Context:
    return Context(TODAY, load_settings(session), ROTATION, session.path)


def texts(section: Section) -> str:
    """Every word a section holds, one string, to look things up in."""
    found: list[str] = []
    for block in section.blocks:
        if isinstance(block, Paragraph | Heading):
            found.append(block.text)
        elif isinstance(block, Bullets):
            found += block.items
        elif isinstance(block, Table):
            found += block.headers
            found += [cell for row in block.rows for cell in row]
    return "\n".join(found)


def add_org(session: Session, name: str, stage: str = "未接触", category: str = "不動産事業者・団体") -> int:
    org = dataclasses.replace(organizations.new_organization(category, name), stage=stage)
    return organizations.save_organization(session, org)[0]


def test_empty_file_has_the_three_sections(session: Session) -> None:
    """A new file: only 取組みの概要, データの場所と扱い方 and 引継ぎ事項."""
    report = build_report(session, TODAY)
    assert [s.key for s in report.sections] == ["overview", "data", "notes"]
    for builder in (position_section, history_section, partners_section, ongoing_section, diagnosis_section):
        assert builder(session, context(session)) is None, builder.__name__
    assert schedule_section(session, context(session)) is None


def test_overview_names_the_phase_and_quotes_the_point(session: Session) -> None:
    """The guide's source, the four phases, where the town is, the ポイント word for word."""
    for m in ("1-1", "1-2", "1-3", "1-4", "1-5", "1-6"):
        progress.set_status(session, m, ACHIEVED, on=dt.date(2026, 6, 1))
    text = texts(overview_section(session, context(session)))
    assert "居住支援協議会設立の手引き" in text and "p31～p39" in text
    assert "いまは「フェーズ2　庁内関係課との共通認識をつくる」に取り組んでいます" in text
    assert "人事異動によりこれまでの議論がリセットされる可能性があります。" in text
    assert "フェーズ4" in text


def test_position_and_history_by_phase(session: Session) -> None:
    """Each 目安 with its 状態 and 和暦 date; the 経過 grouped by phase with the status changes."""
    progress.set_status(session, "2-1", IN_PROGRESS, on=dt.date(2026, 7, 15))
    progress.set_status(session, "2-1", ACHIEVED, on=dt.date(2026, 8, 5))
    position = position_section(session, context(session))
    assert position is not None
    rows = {row[0]: row for block in position.blocks if isinstance(block, Table) for row in block.rows}
    assert len(rows) == 21
    assert rows["2-1"][2:] == (ACHIEVED, "令和8年8月5日(水)") and rows["1-1"][2:] == ("未着手", "")
    history = history_section(session, context(session))
    assert history is not None
    text = texts(history)
    assert "フェーズ2　庁内関係課との共通認識をつくる" in text and "フェーズ1　" not in text
    assert text.index("目安2-1を取組み中に") < text.index("目安2-1を達成に")
    assert "令和8年7月15日(水)" in text


def test_partners_list_current_and_former_contacts_and_cap(session: Session) -> None:
    """From 構成員候補 up only, 合意済 first, 現任 and 前任 with 役職 and phone; past the limit counted."""
    agreed = add_org(session, "みどり町社会福祉協議会", "構成員（参加合意済）", "福祉事業者・団体")
    add_org(session, "あおば不動産", "構成員候補")
    add_org(session, "ひかり管理", "ヒアリング済")
    first, _ = people.save_person(session, Person("岡本 直樹", agreed, title="係長", phone="0123-45-0001"))
    people.hand_over(session, first, Person("宮本 沙織", agreed, title="主査", phone="0123-45-0002"), TODAY)
    section = partners_section(session, context(session))
    assert section is not None
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert [row[0].split("\n")[0] for row in table.rows] == ["みどり町社会福祉協議会", "あおば不動産"]
    assert "宮本 沙織（主査）　電話 0123-45-0002" in table.rows[0][1]
    assert "岡本 直樹（係長）　電話 0123-45-0001" in table.rows[0][2]
    for n in range(31):
        add_org(session, f"候補{n:02d}", "構成員候補")
    capped = partners_section(session, context(session))
    assert capped is not None
    assert len(next(b for b in capped.blocks if isinstance(b, Table)).rows) == 30
    assert "ほか 3 団体" in texts(capped)


def test_ongoing_lists_planned_visits_and_open_followups_marking_overdue(session: Session) -> None:
    """A planned visit with its 和暦 date and time; open 次の対応 by 期限, an overdue one marked."""
    org = add_org(session, "あおば不動産")
    visit_id, _ = visits.plan_visit(session, Visit(org, dt.datetime(2026, 12, 8, 10, 0), purpose="空き家の状況"))
    visits.add_followup(session, FollowUp(visit_id=visit_id, action="資料を送る", due_on=dt.date(2026, 11, 20)))
    visits.add_followup(session, FollowUp(visit_id=visit_id, action="日程を決める", due_on=dt.date(2026, 12, 20)))
    section = ongoing_section(session, context(session))
    assert section is not None
    text = texts(section)
    assert "令和8年12月8日(火) 10:00" in text and "空き家の状況" in text
    assert "令和8年11月20日(金)（期限切れ）" in text
    assert "令和8年12月20日(日)" in text and "令和8年12月20日(日)（期限切れ）" not in text
    assert "あおば不動産へのヒアリング" in text


def test_diagnosis_shows_the_latest_round(session: Session) -> None:
    """The newest round with answers: its name, date, respondents, phase means, widest items."""
    older, _ = rounds.save_round(session, rounds.new_round("第1回", dt.date(2026, 5, 1)))
    rounds.save_respondent(session, Respondent(older, "上田 翼", scores={"1-1": 1}))
    latest, _ = rounds.save_round(session, rounds.new_round("第2回", dt.date(2026, 11, 2)))
    rounds.save_respondent(session, Respondent(latest, "上田 翼", scores={"1-1": 5, "2-1": 1}))
    rounds.save_respondent(session, Respondent(latest, "森 亜希子", scores={"1-1": 3, "2-1": 5}))
    section = diagnosis_section(session, context(session))
    assert section is not None
    text = texts(section)
    assert "「第2回」（令和8年11月2日(月)実施、回答者 2 人）" in text
    tables = [b for b in section.blocks if isinstance(b, Table)]
    assert tables[0].rows[0][2] == "4.0" and tables[0].rows[1][2] == "3.0" and tables[0].rows[2][2] == "—"
    assert [row[0] for row in tables[1].rows] == ["2-1", "1-1"]


def test_schedule_warns_of_a_target_after_the_rotation(session: Session) -> None:
    """Targets per phase and 目安 against the 異動予定日; one after it is named."""
    progress.set_phase_target(session, 2, "2027-01")
    progress.set_target(session, "4-5", "2027-09")
    section = schedule_section(session, context(session))
    assert section is not None
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert table.rows == (
        ("フェーズ2", "令和9年1月", "未達成", "前"),
        ("目安4-5　居住支援協議会の継続的な運営方法について検討できている", "令和9年9月", "未達成", "後"),
    )
    assert "目安4-5の目標（令和9年9月）が人事異動予定日より後です。" in texts(section)
    assert "令和9年4月1日(木)" in texts(section)


def test_report_orders_sections_as_the_terms_do(session: Session) -> None:
    """With every area filled, the sections follow the 引継書's order."""
    progress.set_status(session, "1-1", ACHIEVED, on=dt.date(2026, 6, 1))
    progress.set_target(session, "1-2", "2027-01")
    add_org(session, "あおば不動産", "構成員候補")
    round_id, _ = rounds.save_round(session, rounds.new_round("第1回", dt.date(2026, 5, 1)))
    rounds.save_respondent(session, Respondent(round_id, "上田 翼", scores={"1-1": 4}))
    org = add_org(session, "ひかり管理")
    visits.plan_visit(session, Visit(org, dt.datetime(2026, 12, 8, 10, 0)))
    keys = [s.key for s in build_report(session, TODAY).sections]
    assert keys == ["overview", "position", "history", "partners", "ongoing", "diagnosis", "schedule", "data", "notes"]


def test_nested_quotes_become_double_brackets() -> None:
    from kyojushien_desktop.domain.handover_report import quoted

    assert quoted("「居住支援協議会設立」はゴールではない") == "「『居住支援協議会設立』はゴールではない」"

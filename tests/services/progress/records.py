"""The records the progress rules read, made through the services as a user would: an
organisation in the 名簿, a hearing visit recorded, a meeting held."""

from __future__ import annotations

import dataclasses
import datetime as dt

from kyojushien_desktop.domain.meetings import HELD, Meeting
from kyojushien_desktop.services.hearing import question_banks, visits
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.members import organizations
from tests.visit_forms import new_visit

DAY = dt.datetime(2026, 10, 15, 14, 0)


def add_org(session, name: str, category: str = "不動産事業者・団体", **fields) -> int:
    org = dataclasses.replace(organizations.new_organization(category, name), **fields)
    organization_id, _ = organizations.save_organization(session, org)
    return organization_id


def hear(session, organization_id: int, when: dt.datetime = DAY, **notes) -> int:
    """A hearing planned and recorded (記録済, the organisation raised to ヒアリング済)."""
    bank = question_banks.find_bank(session, "real_estate")
    visit_id, _ = visits.plan_visit(session, new_visit(session, organization_id, when, bank.id))
    question = visits.visit_questions(session, visit_id)[0]
    visits.record_answers(session, visit_id, {question.id: "町内全域"}, **notes)
    return visit_id


def plan_visit(session, organization_id: int, when: dt.datetime = DAY) -> int:
    visit_id, _ = visits.plan_visit(session, new_visit(session, organization_id, when))
    return visit_id


def hold(session, kind: str, title: str = "", when: dt.datetime = DAY, status: str = HELD) -> int:
    """A meeting of ``kind`` planned and then moved to ``status`` (開催済 unless told)."""
    meeting = Meeting(kind=kind, title=title or f"{kind}の会", starts_at=when)
    meeting_id, _ = meetings.save_meeting(session, meeting)
    if status != "企画中":
        meetings.set_status(session, meeting_id, status)
    return meeting_id

"""The sample town's round of hearings (resources/sample/hearing.json), fed through the services
like a user would: a bank of the town's own, visits planned and done, answers, follow-ups."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.hearing import DONE, PLANNED, RECORDED, Question, QuestionBank, Visit
from kyojushien_desktop.domain.members import OrganizationSummary, name_key
from kyojushien_desktop.paths import resource_path
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.hearing import question_banks, visits
from kyojushien_desktop.services.members import organizations, people


def sample_hearing_data() -> dict[str, Any]:
    return json.loads(resource_path("sample", "hearing.json").read_text(encoding="utf-8"))


def _own_banks(session: Session, data: dict[str, Any]) -> None:
    existing = {bank.name for bank in question_banks.list_banks(session, include_retired=True)}
    for raw in data.get("banks", []):
        if raw["name"] in existing:
            continue
        bank_id, _ = question_banks.save_bank(
            session, QuestionBank(name=raw["name"], description=raw.get("description", ""))
        )
        for q in raw["questions"]:
            question_banks.add_question(
                session,
                Question(
                    bank_id=bank_id,
                    text=q["text"],
                    answer_type=q.get("answer_type", "free"),
                    choices=tuple(q.get("choices", ())),
                    lines=q.get("lines", 3),
                ),
            )


def _find_organization(
    raw: dict[str, Any], organizations: list[OrganizationSummary], used: set[int]
) -> OrganizationSummary | None:
    """By name (exactly, then ignoring 表記ゆれ), else an organisation of the same 種別 not yet
    visited in the sample, so the round still happens if the town's names change."""
    for org in organizations:
        if org.name == raw["organization"]:
            return org
    key = name_key(raw["organization"])
    for org in organizations:
        if name_key(org.name) == key:
            return org
    kind = raw.get("kind")
    same_kind = [org for org in organizations if kind and org.kind == kind]
    for org in same_kind:
        if org.id not in used:
            return org
    return same_kind[0] if same_kind else None


def add_sample_hearing(session: Session, today: dt.date | None = None) -> int:
    """Adds the sample visits for the organisations it finds (skipping the others); returns how
    many visits it added. One transaction: a savepoint inside the caller's when one is open."""
    today = today or dt.date.today()
    data = sample_hearing_data()
    with session.database.atomic():
        question_banks.ensure_guide_banks(session)
        _own_banks(session, data)
        banks = {bank.name: bank for bank in question_banks.list_banks(session)}
        banks.update({bank.guide_key: bank for bank in banks.copy().values() if bank.guide_key})
        listed = organizations.list_organizations(session)
        used: set[int] = set()
        added = 0
        for raw in data["visits"]:
            org = _find_organization(raw, listed, used)
            if org is None:
                continue
            used.add(org.id)
            added += 1
            _add_visit(session, raw, org, banks, today, data.get("visitors", ""))
    return added


def _add_visit(
    session: Session,
    raw: dict[str, Any],
    org: OrganizationSummary,
    banks: dict[str, QuestionBank],
    today: dt.date,
    visitors: str,
) -> None:
    hour, minute = (int(part) for part in raw.get("time", "10:00").split(":"))
    day = today + dt.timedelta(days=raw["days"])
    questions = [
        q
        for name in raw.get("banks", [])
        if name in banks
        for q in question_banks.list_questions(session, banks[name].id)
    ]
    current = [p for p in people.people_of(session, org.id) if p.is_current and p.id is not None]
    wanted = raw.get("people", [])
    met = [p.id for name in wanted for p in current if p.name == name] or [p.id for p in current[:1]]
    visit = Visit(
        organization_id=org.id,
        scheduled_at=dt.datetime.combine(day, dt.time(hour, minute)),
        place=raw.get("place", ""),
        visitors=raw.get("visitors", visitors),
        companions=raw.get("companions", ""),
        purpose=raw.get("purpose", ""),
        person_ids=tuple(met),
        question_ids=tuple(q.id for q in questions if q.id is not None),
        souvenirs=tuple(raw.get("souvenirs", ())),
    )
    visit_id, _ = visits.plan_visit(session, visit)
    answers = raw.get("answers", {})
    status = raw.get("status", RECORDED if answers else DONE)
    if status != PLANNED:
        by_text = {q.text: q.id for q in questions}
        visits.record_answers(
            session,
            visit_id,
            {by_text[text]: answer for text, answer in answers.items() if text in by_text},
            memo=raw.get("memo", ""),
            strengths=raw.get("strengths", ""),
            troubles=raw.get("troubles", ""),
            policy_conveyed=bool(raw.get("policy_conveyed", False)),
        )
    for item in raw.get("followups", []):
        visits.add_followup(
            session,
            FollowUp(
                visit_id=visit_id,
                action=item["action"],
                due_on=today + dt.timedelta(days=item["days"]) if "days" in item else None,
                done=bool(item.get("done", False)),
            ),
        )

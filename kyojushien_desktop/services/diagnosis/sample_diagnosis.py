"""The sample town's 目線合わせ診断シート (resources/sample/diagnosis.json): two rounds half a year
apart, answered by the same five 庁内 people from the 名簿 (住宅 and 福祉 sides), fed through the
rounds service as a staff member would (the second round starts from the first one's people and
leads to the sample's 意見交換会, step ③).
Dates count from the day the sample is made."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from kyojushien_desktop.content.diagnosis import diagnosis_sheet
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.diagnosis import Respondent
from kyojushien_desktop.domain.members import Person
from kyojushien_desktop.domain.progress import fiscal_year
from kyojushien_desktop.paths import resource_path
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.diagnosis import rounds
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.members import organizations, people

UNANSWERED = "-"


def sample_diagnosis_data() -> dict[str, Any]:
    return json.loads(resource_path("sample", "diagnosis.json").read_text(encoding="utf-8"))


def add_sample_diagnosis(session: Session, today: dt.date | None = None) -> list[int]:
    """Adds the sample's rounds, oldest first; returns their ids. Respondents are found by name
    among the 名簿's current 庁内 people (a name the sample lacks is a KeyError naming it)."""
    today = today or dt.date.today()
    data = sample_diagnosis_data()
    staff = _staff(session, data["bureaus"])
    titles = {m.title: m.id for m in meetings.list_meetings(session)}
    ids: list[int] = []
    per_year: dict[int, int] = {}
    with session.database.atomic():
        for raw in data["rounds"]:
            held_on = today + dt.timedelta(days=raw["days"])
            year = fiscal_year(held_on)
            per_year[year] = per_year.get(year, 0) + 1
            nendo = wareki.era_year_text(dt.date(year, 4, 1)) + "度"
            name = raw["name"].format(nendo=nendo, number=per_year[year])
            fresh = dataclasses.replace(rounds.new_round(name, held_on), purpose=raw["purpose"])
            round_id, _ = rounds.save_round(session, fresh)
            if ids:
                rounds.copy_respondents(session, ids[-1], round_id)
            present = {r.name: r for r in rounds.respondents_of(session, round_id)}
            for answer in raw["respondents"]:
                person = present.get(answer["name"]) or _respondent(round_id, *staff[answer["name"]])
                rounds.save_respondent(
                    session,
                    dataclasses.replace(
                        person, scores=_scores(answer["scores"]), free_answer=answer.get("free_answer", "")
                    ),
                )
            if "meeting" in raw:
                rounds.link_meeting(session, round_id, titles[raw["meeting"]])
            ids.append(round_id)
    return ids


def _staff(session: Session, bureaus: dict[str, str]) -> dict[str, tuple[Person, str]]:
    """The current people of the 庁内 organisations whose 区分 names a 部局, by name."""
    by_organization = people.people_by_organization(session)
    found: dict[str, tuple[Person, str]] = {}
    for org in organizations.list_organizations(session):
        if org.internal and org.category in bureaus:
            for person in by_organization.get(org.id, []):
                if person.is_current:
                    found[person.name] = (person, bureaus[org.category])
    return found


def _respondent(round_id: int, person: Person, bureau: str) -> Respondent:
    return Respondent(
        round_id=round_id,
        name=person.name,
        division=person.department,
        bureau=bureau,
        title=person.title,
        person_id=person.id,
    )


def _scores(phases: list[str]) -> dict[str, int]:
    """One string per phase, a digit per item in the sheet's order ('-' = 未回答), read as typed."""
    typed: dict[str, object] = {}
    for phase, digits in zip(diagnosis_sheet().phases, phases, strict=True):
        items = diagnosis_sheet().items_for(phase.number)
        if len(items) != len(digits):
            raise ValueError(f"フェーズ{phase.number}の評価の数が項目の数と合いません: {digits}")
        typed.update({item.id: "" if digit == UNANSWERED else digit for item, digit in zip(items, digits, strict=True)})
    return rounds.typed_scores(typed)

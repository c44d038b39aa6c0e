"""名簿's part of the 引継書 (主な関係先): the organisations nearest the council, with whom to call
there now (現任) and who was the contact before (前任), since a successor's first calls go to them.

Only the stages from 構成員候補 up are listed, nearest first, and at most ``partner_limit`` of them:
a 引継書 is read on the first day, and a town with thousands of organisations would otherwise print
a second 名簿 (the 10,000-organisation bench file has about 2,900 at these stages). The rest are
counted, with where to find them."""

from __future__ import annotations

import datetime as dt

from kyojushien_desktop.content.handover_terms import handover_terms
from kyojushien_desktop.domain.handover_report import Paragraph, Section, Table
from kyojushien_desktop.domain.members import Person
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.handover.context import Context
from kyojushien_desktop.services.members.organizations import list_organizations
from kyojushien_desktop.services.members.people import people_of


def _person_line(person: Person) -> str:
    role = "・".join(part for part in (person.department, person.title) if part)
    head = f"・{person.name}（{role}）" if role else f"・{person.name}"
    return f"{head}　電話 {person.phone}" if person.phone else head


def _contacts(people: list[Person], today: dt.date, former_limit: int) -> tuple[str, str]:
    current = [p for p in people if p.ended_on is None or p.ended_on > today]
    former = sorted((p for p in people if p not in current), key=lambda p: p.ended_on or today, reverse=True)
    return (
        "\n".join(_person_line(p) for p in current) or "—",
        "\n".join(_person_line(p) for p in former[:former_limit]) or "—",
    )


def partners_section(session: Session, context: Context) -> Section | None:
    """Absent when no organisation has reached 構成員候補."""
    terms = handover_terms()
    rank = {stage: index for index, stage in enumerate(terms.partner_stages)}
    chosen = sorted(
        (o for o in list_organizations(session) if o.stage in rank),
        key=lambda o: (rank[o.stage], o.sort_kana, o.id),
    )
    if not chosen:
        return None
    rows = []
    for org in chosen[: terms.partner_limit]:
        current, former = _contacts(people_of(session, org.id), context.today, terms.former_limit)
        rows.append((f"{org.name}\n{org.category}・{org.stage}", current, former))
    blocks: list = [
        Paragraph(terms.wording["partners_lead"].format(stages="・".join(terms.partner_stages))),
        Table(("団体（区分・関係）", "現任の担当者", "前任の担当者"), tuple(rows), (0.36, 0.34, 0.30)),
    ]
    if len(chosen) > terms.partner_limit:
        blocks.append(Paragraph(terms.wording["partners_more"].format(count=len(chosen) - terms.partner_limit)))
    return Section("partners", terms.sections["partners"], tuple(blocks))

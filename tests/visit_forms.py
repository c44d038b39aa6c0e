"""A visit form as tests build it: every live question of a bank chosen, the way the visit
dialog's 質問バンク choice fills it."""

from __future__ import annotations

import datetime as dt

from kyojushien_desktop.domain.hearing import Visit
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.hearing import question_banks


def new_visit(session: Session, organization_id: int, scheduled_at: dt.datetime, bank_id: int | None = None) -> Visit:
    question_ids: tuple[int, ...] = ()
    if bank_id is not None:
        question_ids = tuple(q.id for q in question_banks.list_questions(session, bank_id) if q.id is not None)
    return Visit(organization_id=organization_id, scheduled_at=scheduled_at, question_ids=question_ids)

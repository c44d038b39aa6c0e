"""次の対応 of every area: corrected, ticked 済 or removed the same way wherever they were decided
(each area adds its own, checking the visit or meeting they belong to)."""

from __future__ import annotations

import datetime as dt

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.followups import FollowUp, clean_followup
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import followups as store

CHANGES = Changes.of(Topic.FOLLOWUPS)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def edit_followup(session: Session, followup: FollowUp) -> Changes:
    """Corrects a saved 次の対応: its wording, its 期限 (deadlines slip) and 済."""
    if followup.id is None:
        raise ValueError("edit_followup needs a saved follow-up")
    cleaned = clean_followup(followup)
    if store.get(session.database, followup.id) is None:
        raise UserFacingError("次の対応が見つかりません。削除された可能性があります。")
    with session.database.atomic():
        store.update(
            session.database,
            followup.id,
            {"action": cleaned.action, "due_on": _iso(cleaned.due_on), "done": 1 if cleaned.done else 0},
        )
    return CHANGES


def delete_followup(session: Session, followup_id: int) -> Changes:
    """Removes a 次の対応 entered by mistake (one that was done is ticked 済 instead)."""
    if store.get(session.database, followup_id) is None:
        raise UserFacingError("次の対応が見つかりません。削除された可能性があります。")
    with session.database.atomic():
        store.delete(session.database, followup_id)
    return CHANGES


def complete_followup(session: Session, followup_id: int, done: bool = True) -> Changes:
    if store.get(session.database, followup_id) is None:
        raise UserFacingError("次の対応が見つかりません。削除された可能性があります。")
    with session.database.atomic():
        store.update(session.database, followup_id, {"done": 1 if done else 0})
    return CHANGES

"""開催前・開催後: the guide's steps (手引き p47) as a checklist per meeting, each with its guide text
and a 期限 counted from the meeting's day (the defaults are in resources/meeting_terms.json and
can be changed per step); done with a date; what is due shows on ホーム."""

from __future__ import annotations

import dataclasses
import datetime as dt

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.meetings import AFTER, BEFORE, ChecklistItem, due_date
from kyojushien_desktop.domain.members import Problems, normalize_text
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import meetings as store

CHANGES = Changes.of(Topic.CHECKLIST)
NOT_FOUND = "段取りの項目が見つかりません。削除された可能性があります。"


def guide_text(item: ChecklistItem) -> str:
    """The guide's words for the step the item follows ("" for the app's own steps)."""
    from kyojushien_desktop.content.meetings import meeting_planning  # ホーム imports this module to paint

    planning = meeting_planning()
    for step in (*planning.before, *planning.after):
        if step.title == item.guide_step:
            return "\n".join(step.body)
    default = next((c for c in meeting_terms().checklist if c.key == item.key), None)
    if default is not None and default.lecture_point is not None:  # 講演を企画する際のポイント's n-th point
        return planning.lecture_points[default.lecture_point]
    return ""


def seed(session: Session, meeting_id: int, meeting_day: dt.date) -> None:
    """The default steps for a new meeting. Caller holds the transaction."""
    for position, default in enumerate(meeting_terms().checklist):
        store.insert_task(
            session.database,
            ChecklistItem(
                meeting_id=meeting_id,
                key=default.key,
                timing=default.timing,
                title=default.title,
                guide_step=default.step,
                days=default.days,
                due_on=due_date(meeting_day, default.days),
                position=position,
            ),
        )


def reschedule(session: Session, meeting_id: int, meeting_day: dt.date) -> None:
    """The meeting moved: each step not yet done keeps its distance from the day. Caller holds
    the transaction."""
    for item in store.tasks(session.database, meeting_id):
        if not item.done and item.id is not None:
            store.update_task(session.database, item.id, {"due_on": due_date(meeting_day, item.days).isoformat()})


def items_of(session: Session, meeting_id: int) -> list[ChecklistItem]:
    return store.tasks(session.database, meeting_id)


def _get(session: Session, task_id: int) -> ChecklistItem:
    item = store.get_task(session.database, task_id)
    if item is None:
        raise UserFacingError(NOT_FOUND)
    return item


def complete(session: Session, task_id: int, on: dt.date | None) -> Changes:
    """済 on ``on`` (today when the user ticks it), or not done again with None."""
    _get(session, task_id)
    with session.database.atomic():
        store.update_task(session.database, task_id, {"done_on": on.isoformat() if on else None})
    return CHANGES


def save_item(session: Session, item: ChecklistItem, meeting_day: dt.date) -> tuple[int, Changes]:
    """Adds a step of one's own, or changes a step's wording and its days from the meeting (the
    期限 follows)."""
    title = " ".join(normalize_text(item.title).split())
    problems = Problems()
    if not title:
        problems.add("title", "段取りの内容を入力してください。")
    elif len(title) > 100:
        problems.add("title", "段取りの内容は100文字以内で入力してください。")
    if item.timing not in (BEFORE, AFTER):
        problems.add("timing", "開催前か開催後かを選んでください。")
    if not -365 <= item.days <= 365:
        problems.add("days", "期限は開催日の前後365日以内にしてください。")
    problems.raise_if_any()
    cleaned = dataclasses.replace(item, title=title, due_on=due_date(meeting_day, item.days))
    with session.database.atomic():
        if cleaned.id is None:
            position = len(store.tasks(session.database, cleaned.meeting_id))
            task_id = store.insert_task(session.database, dataclasses.replace(cleaned, position=position))
        else:
            task_id = cleaned.id
            _get(session, task_id)
            store.update_task(
                session.database,
                task_id,
                {
                    "title": cleaned.title,
                    "timing": cleaned.timing,
                    "days": cleaned.days,
                    "due_on": cleaned.due_on.isoformat(),
                },
            )
    return task_id, CHANGES


def delete_item(session: Session, task_id: int) -> Changes:
    _get(session, task_id)
    with session.database.atomic():
        store.delete_task(session.database, task_id)
    return CHANGES

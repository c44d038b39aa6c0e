"""目線合わせ診断シート: rounds (実施回), their respondents and their ratings, entered on screen, on
paper or from Excel, and compared. The 21 items, the scale and its labels are the guide's
(content.diagnosis, resources/guide/diagnosis.json)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

from kyojushien_desktop.content.diagnosis import diagnosis_sheet
from kyojushien_desktop.domain.diagnosis import (
    ItemComparison,
    Respondent,
    Round,
    RoundSummary,
    ScoreError,
    clean_respondent,
    clean_round,
    compare,
    read_score,
)
from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.meetings import Meeting
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.store import diagnosis as store

CHANGES = Changes.of(Topic.DIAGNOSIS)
UNANSWERED_DIGIT = "0"  # typed on paper or screen for 未回答


def scale_labels() -> dict[str, int]:
    """The sheet's labels → score (出来ている → 5 …)."""
    return {point.label: point.value for point in diagnosis_sheet().scale}


def list_rounds(session: Session) -> list[RoundSummary]:
    return store.summaries(session.database)


def get_round(session: Session, round_id: int) -> Round:
    found = store.get_round(session.database, round_id)
    if found is None or found.deleted_at:
        raise UserFacingError(
            f"番号 {round_id} の実施回は見つかりません。",
            hint="実施回の番号は kyojushien diagnosis rounds で確かめてください。",
        )
    return found


def save_round(session: Session, item: Round) -> tuple[int, Changes]:
    cleaned = clean_round(item)
    with session.database.atomic():
        if cleaned.id is None:
            round_id = store.insert_round(session.database, cleaned)
        else:
            round_id = cleaned.id
            get_round(session, round_id)
            store.update_round(
                session.database,
                round_id,
                {"name": cleaned.name, "held_on": cleaned.held_on.isoformat(), "purpose": cleaned.purpose},
            )
    return round_id, CHANGES


def new_round(name: str, on: dt.date | None = None) -> Round:
    return Round(name=name, held_on=on or dt.date.today())


def respondents_of(session: Session, round_id: int) -> list[Respondent]:
    return store.respondents(session.database, round_id)


def save_respondent(session: Session, person: Respondent) -> tuple[int, Changes]:
    """A respondent with the header fields, the free answer and the ratings (all replaced)."""
    get_round(session, person.round_id)
    cleaned = clean_respondent(person)
    known = {item.id for item in diagnosis_sheet().items}
    unknown = sorted(set(cleaned.scores) - known)
    if unknown:
        raise ValidationError(f"診断シートにない項目があります: {'、'.join(unknown)}")
    others = {r.name: r.id for r in respondents_of(session, person.round_id)}
    if others.get(cleaned.name, cleaned.id) != cleaned.id:
        raise ValidationError(f"この実施回には「{cleaned.name}」さんがすでにいます。", field="name")
    with session.database.atomic():
        respondent_id = store.save_respondent(session.database, cleaned)
    return respondent_id, CHANGES


def typed_scores(typed: dict[str, object]) -> dict[str, int]:
    """Ratings as typed (1–5, 全角, the labels; blank or 0 = 未回答, as 0 clears a cell on screen);
    every misfit named by item."""
    labels = scale_labels()
    scores: dict[str, int] = {}
    errors = []
    for item_id, value in typed.items():
        if unicodedata.normalize("NFKC", str(value)).strip() == UNANSWERED_DIGIT:
            continue
        try:
            score = read_score(value, labels)
        except ScoreError as exc:
            errors.append(f"{item_id}: {exc}")
            continue
        if score is not None:
            scores[item_id] = score
    if errors:
        raise ValidationError("。".join(errors) + "。")
    return scores


def remove_respondent(session: Session, respondent_id: int) -> Changes:
    with session.database.atomic():
        store.delete_respondent(session.database, respondent_id)
    return CHANGES


def link_meeting(session: Session, round_id: int, meeting_id: int) -> Changes:
    """Step ③: the 意見交換 that takes up this round's divergent items."""
    get_round(session, round_id)
    meetings.get_meeting(session, meeting_id)
    with session.database.atomic():
        store.update_round(session.database, round_id, {"meeting_id": meeting_id})
    return CHANGES


def comparison(session: Session, round_id: int, bureau: str | None = None) -> list[ItemComparison]:
    """Every item across the round's respondents (of one 部局 when given)."""
    people = respondents_of(session, round_id)
    if bureau is not None:
        people = [p for p in people if p.bureau == bureau]
    items = [(i.id, i.phase, i.text) for i in diagnosis_sheet().items]
    return compare(items, people)


def copy_respondents(session: Session, from_round: int, to_round: int) -> Changes:
    """The same people for the next round: their header fields, no ratings."""
    get_round(session, from_round)
    get_round(session, to_round)
    present = {r.name for r in respondents_of(session, to_round)}
    with session.database.atomic():
        for person in respondents_of(session, from_round):
            if person.name not in present:
                blank = dataclasses.replace(person, round_id=to_round, scores={}, free_answer="", id=None)
                store.save_respondent(session.database, blank)
    return CHANGES


def meeting_from_items(
    session: Session, round_id: int, item_ids: list[str], today: dt.date | None = None
) -> tuple[int, Changes]:
    """Step ③: an 意見交換会 four weeks ahead whose テーマ are the chosen items (their ids and
    到達の目安), linked back to the round, in one transaction."""
    found = get_round(session, round_id)
    texts = {item.id: item.text for item in diagnosis_sheet().items}
    chosen = [item_id for item_id in item_ids if item_id in texts]
    if not chosen:
        raise ValidationError("意見交換のテーマにする項目を選んでください。")
    theme = "認識のずれが大きかった項目について意見を交わす:\n" + "\n".join(
        f"{item_id} {texts[item_id]}" for item_id in chosen
    )
    day = (today or dt.date.today()) + dt.timedelta(days=28)
    meeting = Meeting(
        kind="意見交換会",
        title=f"{found.name} 目線合わせの意見交換",
        starts_at=dt.datetime.combine(day, dt.time(14, 0)),
        theme=theme,
    )
    with session.database.atomic():
        meeting_id, changes = meetings.save_meeting(session, meeting)
        changes = changes | link_meeting(session, round_id, meeting_id)
    return meeting_id, changes

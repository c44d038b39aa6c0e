"""フェーズ進捗: the state of each 到達の目安, changed by the staff member with the date and a note
answering the guide's two questions, its history kept; evidence linked (records of the file or a
document kept elsewhere); target months per 目安 and per phase; the phases counted for ホーム."""

from __future__ import annotations

import dataclasses
import datetime as dt

from kyojushien_desktop.content.phases import milestone, milestones, phases
from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.domain.progress import (
    ACHIEVED,
    DOCUMENT,
    EVIDENCE_KINDS,
    IN_PROGRESS,
    STATUSES,
    Evidence,
    MilestoneState,
    PhaseProgress,
    StatusChange,
    clean_document,
    clean_notes,
    parse_month,
)
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import progress as store

CHANGES = Changes.of(Topic.PROGRESS)
NOTE_LIMIT = 200  # the 備考 with a status change; the two notes hold the rest


def check_milestone(milestone_id: str) -> str:
    """The 目安's id when it is one of the 21; a Japanese error naming it otherwise."""
    try:
        return milestone(milestone_id).id
    except KeyError:
        raise UserFacingError(
            f"到達の目安「{milestone_id}」はありません。",
            hint="1-1 から 4-5 までの番号で指定してください（kyojushien progress で一覧を表示します）。",
        ) from None


def states(session: Session) -> list[MilestoneState]:
    """All 21 in order, a 目安 never touched as 未着手."""
    saved = store.states(session.database)
    return [saved.get(m.id, MilestoneState(m.id)) for m in milestones()]


def state_of(session: Session, milestone_id: str) -> MilestoneState:
    check_milestone(milestone_id)
    return store.states(session.database).get(milestone_id, MilestoneState(milestone_id))


def set_status(
    session: Session, milestone_id: str, status: str, *, on: dt.date | None = None, note: str = ""
) -> Changes:
    """Moves the 目安 to ``status`` as of ``on`` (today), the change and its note in the history."""
    current = state_of(session, milestone_id)
    if status not in STATUSES:
        raise ValidationError("状態は「" + "」「".join(STATUSES) + "」のどれかです。", field="status")
    note = " ".join(note.split())
    if len(note) > NOTE_LIMIT:
        raise ValidationError(
            f"備考は{NOTE_LIMIT}文字以内にしてください（いま{len(note)}文字）。詳しくはメモの欄へ。", field="note"
        )
    day = on or dt.date.today()
    with session.database.atomic():
        store.save_state(session.database, dataclasses.replace(current, status=status, changed_on=day))
        store.add_change(
            session.database,
            StatusChange(milestone_id, now_text(), day, current.status, status, note),
        )
    return CHANGES


def save_notes(session: Session, state: MilestoneState) -> Changes:
    """わかったこと and 関係者と共有できたこと (the 状態 is changed with ``set_status``)."""
    current = state_of(session, state.milestone_id)
    cleaned = clean_notes(dataclasses.replace(current, learned=state.learned, shared=state.shared))
    with session.database.atomic():
        store.save_state(session.database, cleaned)
    return CHANGES


def set_target(session: Session, milestone_id: str, month_text: str | None) -> Changes:
    """A 目安's target month (「2027-03」, 「2027年3月」…; blank clears it)."""
    current = state_of(session, milestone_id)
    month = _month(month_text)
    with session.database.atomic():
        store.save_state(session.database, dataclasses.replace(current, target_month=month))
    return CHANGES


def set_phase_target(session: Session, phase: int, month_text: str | None) -> Changes:
    if phase not in (1, 2, 3, 4):
        raise ValueError(phase)
    month = _month(month_text)
    with session.database.atomic():
        store.set_phase_target(session.database, phase, month)
    return CHANGES


def _month(text: str | None) -> str | None:
    try:
        return parse_month(text)
    except ValueError:
        raise ValidationError(
            f"目標の月「{text}」は 2027-03 や 2027年3月 の形で入力してください。", field="target_month"
        ) from None


def history(session: Session, milestone_id: str | None = None) -> list[StatusChange]:
    return store.history(session.database, milestone_id)


def evidence_of(session: Session, milestone_id: str | None = None) -> list[Evidence]:
    return store.evidence(session.database, milestone_id)


def link_evidence(session: Session, item: Evidence) -> Changes:
    """Links a record of the file (visit, meeting, contact, organisation) or a document kept
    elsewhere; the same record, or the same document in the same place, linked twice stays once
    (a document has no id, so the table's UNIQUE cannot see it)."""
    check_milestone(item.milestone_id)
    if item.kind == DOCUMENT and item.ref_id is not None:
        item = _suggested_document(session, item)
    if item.kind not in EVIDENCE_KINDS or (item.kind != DOCUMENT and item.ref_id is None):
        raise ValueError(item)
    cleaned = clean_document(item) if item.kind == DOCUMENT else item
    if cleaned.kind == DOCUMENT and any(
        (e.kind, e.title, e.place) == (DOCUMENT, cleaned.title, cleaned.place)
        for e in store.evidence(session.database, cleaned.milestone_id)
    ):
        return CHANGES
    with session.database.atomic():
        store.add_evidence(session.database, cleaned)
    return CHANGES


def _suggested_document(session: Session, item: Evidence) -> Evidence:
    """A document the rules proposed (a 診断シート round, by its id): linked under the name and
    place it was proposed with, without the id (a document has none)."""
    from kyojushien_desktop.services.progress.suggestions import suggestions  # the rules' reads only here

    for found in suggestions(session, item.milestone_id):
        if (found.kind, found.ref_id) == (DOCUMENT, item.ref_id):
            return Evidence(item.milestone_id, DOCUMENT, None, found.title, found.place)
    raise UserFacingError("この資料はもう根拠の候補にありません。", hint="画面を開き直してください。")


def unlink_evidence(session: Session, evidence_id: int) -> Changes:
    with session.database.atomic():
        store.remove_evidence(session.database, evidence_id)
    return CHANGES


def phase_progress(session: Session) -> list[PhaseProgress]:
    """Each phase: 達成 and 取組み中 of its 目安, and its target month."""
    by_id = {s.milestone_id: s for s in states(session)}
    targets = store.phase_targets(session.database)
    return [
        PhaseProgress(
            phase=p.number,
            title=p.title,
            achieved=sum(1 for m in p.milestones if by_id[m.id].status == ACHIEVED),
            in_progress=sum(1 for m in p.milestones if by_id[m.id].status == IN_PROGRESS),
            total=len(p.milestones),
            target_month=targets.get(p.number),
        )
        for p in phases()
    ]

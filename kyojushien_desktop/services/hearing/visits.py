"""ヒアリング記録: planning a visit, recording what was heard, and what to do next.

A visit that has taken place (実施済, or 記録済 once answers are in) moves the organisation's 関係 to
at least ヒアリング済 and shows on its timeline; what the organisation is good at or struggles
with is written back onto it through the directory's service, so its 変更履歴 records it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from kyojushien_desktop.content import hearing as hearing_guide
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.followups import FollowUp, clean_followup
from kyojushien_desktop.domain.hearing import (
    DONE,
    PLANNED,
    RECORDED,
    Question,
    SheetData,
    Visit,
    VisitFilter,
    VisitSummary,
    clean_answers,
    clean_visit,
)
from kyojushien_desktop.domain.members import Organization, TimelineEntry, now_text
from kyojushien_desktop.services.common import followups
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.hearing import question_banks
from kyojushien_desktop.services.members import organizations, people, terms
from kyojushien_desktop.store import followups as followup_store
from kyojushien_desktop.store import visits as store

TIMELINE_KIND = "ヒアリング"
CHANGES = Changes.of(Topic.VISITS)


def heard_stage() -> str:
    """The 関係 a visit brings an organisation to: ヒアリング済, the third of the directory's stages."""
    return terms.stages()[2]


# --- reading ---------------------------------------------------------------------------------


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def list_visits(session: Session, flt: VisitFilter | None = None) -> list[VisitSummary]:
    """Live visits, newest first, filtered by 状態, organisation, 区分 and period."""
    flt = flt or VisitFilter()
    return store.summaries(
        session.database,
        status=flt.status,
        organization_id=flt.organization_id,
        category=flt.category,
        date_from=_iso(flt.date_from),
        date_to=_iso(flt.date_to),
    )


def deleted_visits(session: Session) -> list[VisitSummary]:
    """Visits moved to 削除済み, newest first, for a list to restore them from."""
    return store.summaries(session.database, deleted=True)


def get_visit(session: Session, visit_id: int) -> Visit:
    visit = store.get(session.database, visit_id)
    if visit is None:
        raise UserFacingError(f"ヒアリング記録（番号 {visit_id}）が見つかりません。")
    return visit


def visit_questions(session: Session, visit_id: int) -> list[Question]:
    """The questions chosen for the visit, in the order they are asked."""
    return question_banks.questions_by_ids(session, store.question_ids(session.database, visit_id))


def answers_of(session: Session, visit_id: int) -> dict[int, str]:
    """Answers by question id, for the visit's chosen questions only."""
    chosen = set(store.question_ids(session.database, visit_id))
    return {k: v for k, v in store.answers(session.database, visit_id).items() if k in chosen}


def followups_of(session: Session, visit_id: int) -> list[FollowUp]:
    return followup_store.listed(session.database, visit_id=visit_id)


def open_followups(session: Session) -> list[FollowUp]:
    """次の対応 not yet done across every live visit, the nearest 期限 first."""
    return followup_store.listed(session.database, area="visits", open_only=True)


# --- planning --------------------------------------------------------------------------------


def souvenir_options() -> tuple[str, ...]:
    return hearing_guide.souvenirs()


def _check_references(session: Session, visit: Visit) -> None:
    organizations.get_organization(session, visit.organization_id)
    known = {q.id for q in question_banks.questions_by_ids(session, visit.question_ids)}
    if len(known) != len(visit.question_ids):
        raise ValidationError("選んだ質問の一部が見つかりません。質問を選び直してください。", field="question_ids")
    for person_id in visit.person_ids:
        person = people.get_person(session, person_id)
        if person.organization_id != visit.organization_id:
            raise ValidationError(f"{person.name} さんは訪問先の団体の担当者ではありません。", field="person_ids")


def _visit_row(visit: Visit) -> dict[str, object]:
    return {
        "organization_id": visit.organization_id,
        "scheduled_at": visit.scheduled_at.isoformat(timespec="minutes"),
        "place": visit.place,
        "visitors": visit.visitors,
        "companions": visit.companions,
        "purpose": visit.purpose,
        "souvenirs": "\n".join(visit.souvenirs),
        "souvenir_other": visit.souvenir_other,
        "policy_conveyed": 1 if visit.policy_conveyed else 0,
        "status": visit.status,
        "memo": visit.memo,
        "strengths_noted": visit.strengths_noted,
        "troubles_noted": visit.troubles_noted,
    }


def save_visit(session: Session, visit: Visit, new_organization: Organization | None = None) -> tuple[int, Changes]:
    """Plans a visit or saves its edited plan. With ``new_organization`` the organisation is added
    to the directory first (a visit to someone not yet listed), in the same transaction."""
    database = session.database
    changes = CHANGES
    with database.atomic():
        if new_organization is not None:
            organization_id, more = organizations.save_organization(session, new_organization)
            visit = dataclasses.replace(visit, organization_id=organization_id)
            changes = changes | more
        cleaned = clean_visit(visit, souvenir_options())
        _check_references(session, cleaned)
        if cleaned.id is None:
            visit_id = store.insert(database, _visit_row(cleaned))
        else:
            visit_id = cleaned.id
            get_visit(session, visit_id)
            store.update(database, visit_id, _visit_row(cleaned))
        store.set_people(database, visit_id, cleaned.person_ids)
        store.set_questions(database, visit_id, cleaned.question_ids)
        if cleaned.status != PLANNED and organizations.raise_stage(session, cleaned.organization_id, heard_stage()):
            changes = changes | Changes.of(Topic.ORGANIZATIONS)
    return visit_id, changes


def plan_visit(session: Session, visit: Visit, new_organization: Organization | None = None) -> tuple[int, Changes]:
    """A new visit in the 予定 state."""
    return save_visit(session, dataclasses.replace(visit, id=None, status=PLANNED), new_organization)


# --- after the visit -------------------------------------------------------------------------


def _append_note(existing: str, note: str, on: dt.date) -> str:
    """The note as a new line of the organisation's field, dated, unless it is there already."""
    if not note or note in existing:
        return existing
    line = f"{note}（{wareki.format_date(on)} ヒアリング）"
    return f"{existing.rstrip()}\n{line}" if existing.strip() else line


def record_answers(
    session: Session,
    visit_id: int,
    answers: dict[int, str],
    *,
    memo: str | None = None,
    strengths: str | None = None,
    troubles: str | None = None,
    policy_conveyed: bool | None = None,
    souvenirs: tuple[str, ...] | None = None,
    souvenir_other: str | None = None,
) -> Changes:
    """Saves what was heard. The visit becomes 記録済 when it has any answer (実施済 when done
    without answers); the organisation's 関係 moves to at least ヒアリング済, and 得意なこと /
    困りごと noted here are appended to the organisation's own fields."""
    visit = get_visit(session, visit_id)
    if visit.deleted_at is not None:
        raise UserFacingError("削除したヒアリング記録には回答を保存できません。先に元に戻してください。")
    by_id = {q.id: q for q in visit_questions(session, visit_id) if q.id is not None}
    cleaned_answers = clean_answers(by_id, answers)
    all_answers = {**answers_of(session, visit_id), **cleaned_answers}
    updated = dataclasses.replace(
        visit,
        memo=visit.memo if memo is None else memo,
        strengths_noted=visit.strengths_noted if strengths is None else strengths,
        troubles_noted=visit.troubles_noted if troubles is None else troubles,
        policy_conveyed=visit.policy_conveyed if policy_conveyed is None else policy_conveyed,
        souvenirs=visit.souvenirs if souvenirs is None else souvenirs,
        souvenir_other=visit.souvenir_other if souvenir_other is None else souvenir_other,
        status=RECORDED if any(all_answers.values()) else DONE,
    )
    cleaned = clean_visit(updated, souvenir_options())
    database = session.database
    with database.atomic():
        store.save_answers(database, visit_id, cleaned_answers)
        store.update(database, visit_id, _visit_row(cleaned))
        noted = _note_onto_organization(session, cleaned)
        moved = organizations.raise_stage(session, cleaned.organization_id, heard_stage())
    return CHANGES | (Changes.of(Topic.ORGANIZATIONS) if noted or moved else Changes())


def save_visit_record(
    session: Session,
    visit_id: int,
    answers: dict[int, str],
    followups: list[FollowUp],
    *,
    memo: str,
    strengths: str,
    troubles: str,
    policy_conveyed: bool,
) -> Changes:
    """The answer-entry screen's 保存: answers, notes and follow-ups (new ones added, 済 ticked or
    unticked) in one transaction, so a failure leaves the record exactly as it was."""
    saved_done = {f.id: f.done for f in followups_of(session, visit_id)}
    with session.database.atomic():
        changes = record_answers(
            session,
            visit_id,
            answers,
            memo=memo,
            strengths=strengths,
            troubles=troubles,
            policy_conveyed=policy_conveyed,
        )
        for followup in followups:
            if followup.id is None:
                changes = changes | add_followup(session, dataclasses.replace(followup, visit_id=visit_id))[1]
            elif saved_done.get(followup.id) != followup.done:
                changes = changes | followups.complete_followup(session, followup.id, followup.done)
    return changes


def _note_onto_organization(session: Session, visit: Visit) -> bool:
    org = organizations.get_organization(session, visit.organization_id)
    on = visit.scheduled_at.date()
    strengths = _append_note(org.strengths, visit.strengths_noted, on)
    troubles = _append_note(org.troubles, visit.troubles_noted, on)
    if (strengths, troubles) != (org.strengths, org.troubles):
        organizations.save_organization(session, dataclasses.replace(org, strengths=strengths, troubles=troubles))
        return True
    return False


def mark_done(session: Session, visit_id: int) -> Changes:
    """The visit took place; answers will be written later (実施済)."""
    visit = get_visit(session, visit_id)
    if visit.status != PLANNED:
        return Changes()
    with session.database.atomic():
        store.update(session.database, visit_id, {"status": DONE})
        moved = organizations.raise_stage(session, visit.organization_id, heard_stage())
    return CHANGES | (Changes.of(Topic.ORGANIZATIONS) if moved else Changes())


def delete_visit(session: Session, visit_id: int) -> Changes:
    """Moves the visit to 削除済み (its answers stay, to be restored with it)."""
    get_visit(session, visit_id)
    with session.database.atomic():
        store.set_deleted(session.database, visit_id, now_text())
    return Changes.of(Topic.VISITS, Topic.FOLLOWUPS)


def restore_visit(session: Session, visit_id: int) -> Changes:
    get_visit(session, visit_id)
    with session.database.atomic():
        store.set_deleted(session.database, visit_id, None)
    return Changes.of(Topic.VISITS, Topic.FOLLOWUPS)


# --- follow-ups ------------------------------------------------------------------------------


def add_followup(session: Session, followup: FollowUp) -> tuple[int, Changes]:
    cleaned = clean_followup(followup)
    get_visit(session, cleaned.visit_id)
    with session.database.atomic():
        followup_id = followup_store.insert(
            session.database,
            {
                "visit_id": cleaned.visit_id,
                "action": cleaned.action,
                "due_on": _iso(cleaned.due_on),
                "done": 1 if cleaned.done else 0,
            },
        )
    return followup_id, followups.CHANGES


# --- the organisation's timeline and the printed sheet --------------------------------------


def timeline_entries(session: Session, organization_id: int) -> list[TimelineEntry]:
    """The organisation's visits as timeline lines (kind ヒアリング, source "visit")."""
    entries = []
    for visit in store.for_organization(session.database, organization_id):
        purpose = visit.purpose
        if visit.status == PLANNED:
            title = f"ヒアリング（予定）: {purpose}" if purpose else "ヒアリング（予定）"
        else:
            title = purpose or "ヒアリング"
        lines = [
            f"{wareki.format_datetime(visit.scheduled_at)}　{visit.status}"
            + (f"　場所: {visit.place}" if visit.place else ""),
            visit.visitors
            and f"当方: {visit.visitors}" + (f"（同行: {visit.companions}）" if visit.companions else ""),
            visit.people_names and f"先方: {visit.people_names} さん",
            visit.question_count and f"質問 {visit.question_count} 問（回答 {visit.answered_count} 問）",
            visit.memo,
        ]
        entries.append(
            TimelineEntry(
                on=visit.scheduled_at.date(),
                kind=TIMELINE_KIND,
                title=title,
                detail="\n".join(line for line in lines if line),
                source="visit",
                source_id=visit.id,
            )
        )
    return entries


def _tips() -> tuple[tuple[str, str], ...]:
    return tuple((f"ヒアリングのコツ{t.number}　{t.title}", t.body) for t in hearing_guide.hearing_tips())


def blank_sheet(session: Session, bank_id: int) -> SheetData:
    """A sheet to print before knowing whom to visit: the bank's questions, header left blank."""
    bank = question_banks.get_bank(session, bank_id)
    return SheetData(
        bank_name=bank.name,
        questions=tuple(question_banks.list_questions(session, bank_id)),
        souvenir_options=souvenir_options(),
        tips=_tips(),
        targets=question_banks.targets_of(bank),
    )


def sheet_for_visit(session: Session, visit_id: int, fallback_bank_id: int | None = None) -> SheetData:
    """The sheet of a planned visit: its header filled in and its chosen questions in order. A
    visit without questions prints ``fallback_bank_id``'s questions."""
    visit = get_visit(session, visit_id)
    org = organizations.get_organization(session, visit.organization_id)
    questions = visit_questions(session, visit_id)
    bank_names: list[str] = []
    for question in questions:
        name = question_banks.get_bank(session, question.bank_id).name
        if name not in bank_names:
            bank_names.append(name)
    if not questions and fallback_bank_id is not None:
        questions = question_banks.list_questions(session, fallback_bank_id)
        bank_names = [question_banks.get_bank(session, fallback_bank_id).name]
    met = []
    for person_id in visit.person_ids:
        person = people.get_person(session, person_id)
        role = " ".join(p for p in (person.department, person.title) if p)
        met.append(f"{person.name} 様" + (f"（{role}）" if role else ""))
    return SheetData(
        bank_name="・".join(bank_names),
        questions=tuple(questions),
        souvenir_options=souvenir_options(),
        tips=_tips(),
        organization_name=org.name,
        scheduled_at=visit.scheduled_at,
        place=visit.place,
        visitors=visit.visitors,
        companions=visit.companions,
        people=tuple(met),
        purpose=visit.purpose,
        souvenirs=visit.souvenirs,
        souvenir_other=visit.souvenir_other,
        policy_conveyed=visit.policy_conveyed,
        visit_id=visit_id,
    )


def export_sheets_pdf(
    session: Session,
    sheets: list[SheetData],
    path: Path,
    *,
    replace_unsupported: bool = False,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """ヒアリングシート (one, or a batch for several visits) as one PDF with the 自治体名 in the
    footer. Raises ``UnsupportedCharactersError`` (the characters and where) before writing when
    the font cannot draw some text, unless ``replace_unsupported`` prints them as 〓."""
    from kyojushien_desktop.reports.hearing_sheet_pdf import write_hearing_sheets_pdf

    return write_hearing_sheets_pdf(
        sheets,
        Path(path),
        municipality=load_settings(session).municipality,
        replace_unsupported=replace_unsupported,
        progress=progress,
    )

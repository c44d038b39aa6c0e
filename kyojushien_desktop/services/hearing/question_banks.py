"""質問バンク: the guide's question lists seeded into every data file, and the user's own.

A guide question keeps its guide key and wording, so it is marked 手引きより wherever it is shown
and can be put back to the guide's words after an edit. Nothing is ever deleted: a bank or question
the user no longer wants is retired (and stays retired, even when the guide banks are re-seeded),
so that answers recorded against it keep their question.
"""

from __future__ import annotations

import dataclasses
import logging

from kyojushien_desktop.content import hearing as hearing_guide
from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.hearing import Question, QuestionBank, clean_bank, clean_question
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import question_banks as store

log = logging.getLogger(__name__)

CHANGES = Changes.of(Topic.BANKS)


# --- the guide's banks -----------------------------------------------------------------------


def guide_description(bank: hearing_guide.GuideQuestionBank) -> str:
    """Where a guide bank comes from, in the guide's own heading (or the derivation note)."""
    if bank.derived:
        return bank.derived_note
    return f"手引き5章「{bank.guide_heading}」"


def _missing_guide_banks(session: Session) -> tuple[list[hearing_guide.GuideQuestionBank], dict[str, int], set[str]]:
    """The guide banks with something not yet in the file, from one SELECT of the keys present."""
    present = store.guide_keys(session.database)
    bank_ids, question_keys = present.bank_ids, set(present.question_keys)
    missing = [
        bank
        for bank in hearing_guide.question_banks()
        if bank.key not in bank_ids or any(q.key not in question_keys for q in bank.questions)
    ]
    return missing, bank_ids, question_keys


def ensure_guide_banks(session: Session) -> Changes:
    """Adds the guide's banks, and guide questions, that the file does not have yet.

    Idempotent and cheap: one SELECT of the guide keys present when nothing is missing. A bank or
    question the user retired still carries its key, so it is never added back."""
    missing, bank_ids, question_keys = _missing_guide_banks(session)
    if not missing:
        return Changes()
    database = session.database
    with database.atomic():
        for bank in missing:
            bank_id = bank_ids.get(bank.key)
            if bank_id is None:
                name = bank.name
                if store.bank_id_named(database, name) is not None:
                    name = f"{bank.name}（手引き）"
                bank_id = store.insert_bank(
                    database,
                    {
                        "name": name,
                        "guide_key": bank.key,
                        "description": guide_description(bank),
                        "position": store.next_bank_position(database),
                    },
                )
            position = store.next_question_position(database, bank_id)
            rows = []
            for question in bank.questions:
                if question.key in question_keys:
                    continue
                rows.append(
                    {
                        "bank_id": bank_id,
                        "position": position,
                        "text": question.text,
                        "guide_key": question.key,
                        "guide_text": question.text,
                    }
                )
                position += 1
            store.insert_questions(database, rows)
    return CHANGES


def seed_on_open(session: Session) -> bool:
    """Called on a writable open by an app version that has not seeded this file yet: adds the
    guide banks. A failure must not stop the file from opening, so it is logged, False is
    returned and the banks are added at the next open."""
    try:
        ensure_guide_banks(session)
    except UserFacingError:  # the store turns every SQLite error into one
        log.exception("could not add the guide's question banks to %s", session.path)
        return False
    return True


def guide_bank_of(bank: QuestionBank) -> hearing_guide.GuideQuestionBank | None:
    if bank.guide_key is None:
        return None
    try:
        return hearing_guide.question_bank(bank.guide_key)
    except KeyError:
        return None


def targets_of(bank: QuestionBank) -> tuple[str, ...]:
    """The guide's hearing targets a bank is meant for (e.g. 不動産業界団体へのヒアリング)."""
    guide = guide_bank_of(bank)
    if guide is None:
        return ()
    titles = {t.key: t.title for t in hearing_guide.hearing_targets()}
    return tuple(titles[k] for k in guide.target_keys if k in titles)


# --- reading ---------------------------------------------------------------------------------


def list_banks(session: Session, include_retired: bool = False) -> list[QuestionBank]:
    """Banks in their order (the guide's first); retired ones last when asked for."""
    return store.banks(session.database, include_retired=include_retired)


def get_bank(session: Session, bank_id: int) -> QuestionBank:
    bank = store.get_bank(session.database, bank_id)
    if bank is None:
        raise UserFacingError(f"質問バンク（番号 {bank_id}）が見つかりません。")
    return bank


def find_bank(session: Session, name: str) -> QuestionBank:
    """A live bank by its exact name or its guide key; the error lists the banks there are."""
    wanted = name.strip()
    banks = list_banks(session)
    for bank in banks:
        if wanted in (bank.name, bank.guide_key):
            return bank
    names = "、".join(f"「{bank.name}」" for bank in banks) or "（ありません）"
    raise UserFacingError(f"質問バンク「{wanted}」が見つかりません。", hint=f"使える質問バンク: {names}")


def list_questions(session: Session, bank_id: int, include_retired: bool = False) -> list[Question]:
    return store.questions_of(session.database, bank_id, include_retired=include_retired)


def get_question(session: Session, question_id: int) -> Question:
    question = store.get_question(session.database, question_id)
    if question is None:
        raise UserFacingError(f"質問（番号 {question_id}）が見つかりません。")
    return question


def questions_by_ids(session: Session, question_ids: list[int] | tuple[int, ...]) -> list[Question]:
    """The questions in the order of ``question_ids``; unknown ids are left out."""
    by_id = {q.id: q for q in store.questions_by_ids(session.database, list(question_ids))}
    return [by_id[i] for i in question_ids if i in by_id]


# --- banks -----------------------------------------------------------------------------------


def save_bank(session: Session, bank: QuestionBank) -> tuple[int, Changes]:
    """Makes a bank of the user's own, or renames / re-describes one (a guide bank too)."""
    cleaned = clean_bank(bank)
    database = session.database
    if store.bank_id_named(database, cleaned.name, exclude_id=cleaned.id) is not None:
        raise ValidationError(
            f"「{cleaned.name}」という質問バンクはすでにあります。別の名前にしてください。", field="name"
        )
    with database.atomic():
        if cleaned.id is None:
            bank_id = store.insert_bank(
                database,
                {
                    "name": cleaned.name,
                    "description": cleaned.description,
                    "position": store.next_bank_position(database),
                },
            )
        else:
            get_bank(session, cleaned.id)
            bank_id = cleaned.id
            store.update_bank(database, bank_id, {"name": cleaned.name, "description": cleaned.description})
    return bank_id, CHANGES


def retire_bank(session: Session, bank_id: int) -> Changes:
    """Takes a bank out of the lists; its questions and recorded answers stay."""
    get_bank(session, bank_id)
    with session.database.atomic():
        store.update_bank(session.database, bank_id, {"retired_at": now_text()})
    return CHANGES


def restore_bank(session: Session, bank_id: int) -> Changes:
    get_bank(session, bank_id)
    with session.database.atomic():
        store.update_bank(session.database, bank_id, {"retired_at": None})
    return CHANGES


# --- questions -------------------------------------------------------------------------------


def _question_row(question: Question) -> dict[str, object]:
    return {
        "text": question.text,
        "answer_type": question.answer_type,
        "choices": "\n".join(question.choices),
        "lines": question.lines,
    }


def add_question(session: Session, question: Question) -> tuple[int, Changes]:
    """Adds a question of the user's own at the end of the bank."""
    cleaned = clean_question(dataclasses.replace(question, guide_key=None, guide_text=None))
    get_bank(session, cleaned.bank_id)
    database = session.database
    with database.atomic():
        row = {
            **_question_row(cleaned),
            "bank_id": cleaned.bank_id,
            "position": store.next_question_position(database, cleaned.bank_id),
        }
        (question_id,) = store.insert_questions(database, [row])
    return question_id, CHANGES


def edit_question(session: Session, question: Question) -> Changes:
    """Saves the wording, answer type, choices and lines; a guide question keeps its guide key."""
    if question.id is None:
        raise ValueError("edit_question needs a saved question")
    cleaned = clean_question(question)
    get_question(session, question.id)
    with session.database.atomic():
        store.update_question(session.database, question.id, _question_row(cleaned))
    return CHANGES


def restore_guide_wording(session: Session, question_id: int) -> Changes:
    """Puts a guide question back to the guide's words (its answer type and lines stay)."""
    question = get_question(session, question_id)
    if question.guide_text is None:
        raise UserFacingError("この質問は手引きの質問ではないため、元の文言に戻せません。")
    with session.database.atomic():
        store.update_question(session.database, question_id, {"text": question.guide_text})
    return CHANGES


def retire_question(session: Session, question_id: int) -> Changes:
    """Takes a question out of its bank; answers already recorded keep it."""
    question = get_question(session, question_id)
    with session.database.atomic():
        store.update_question(session.database, question_id, {"retired_at": now_text()})
        live = [q.id for q in list_questions(session, question.bank_id) if q.id != question_id]
        store.set_positions(session.database, live)
    return CHANGES


def reinstate_question(session: Session, question_id: int) -> Changes:
    """Brings a retired question back, at the end of its bank."""
    question = get_question(session, question_id)
    with session.database.atomic():
        store.update_question(
            session.database,
            question_id,
            {"retired_at": None, "position": store.next_question_position(session.database, question.bank_id)},
        )
    return CHANGES


def move_question(session: Session, question_id: int, step: int) -> Changes:
    """Moves a question up (step -1) or down (+1) in its bank; at either end nothing changes."""
    question = get_question(session, question_id)
    order = [q.id for q in list_questions(session, question.bank_id)]
    if question_id not in order:
        raise UserFacingError("使っていない質問は並べ替えられません。")
    index = order.index(question_id)
    target = max(0, min(len(order) - 1, index + step))
    if target == index:
        return Changes()
    order.insert(target, order.pop(index))
    with session.database.atomic():
        store.set_positions(session.database, order)
    return CHANGES

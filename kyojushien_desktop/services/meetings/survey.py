"""参加者アンケート: a question set per meeting (from the presets in resources/meeting_terms.json,
editable), the paper forms typed in one after another, and the results the 開催レポート shows."""

from __future__ import annotations

import dataclasses

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.meeting_results import AnswerError, SurveyResults, read_answer, tally
from kyojushien_desktop.domain.meetings import CHOICE, SCALE, SURVEY_KINDS, SurveyQuestion, SurveyResponse
from kyojushien_desktop.domain.members import Problems, normalize_text
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import meeting_people, surveys

CHANGES = Changes.of(Topic.SURVEY)


def presets(meeting_id: int = 0) -> list[SurveyQuestion]:
    return [
        SurveyQuestion(
            meeting_id=meeting_id, text=p.text, kind=p.kind, choices=p.choices, label=p.label, key=p.key, position=n
        )
        for n, p in enumerate(meeting_terms().survey_presets)
    ]


def seed(session: Session, meeting_id: int) -> None:
    """A new meeting's アンケート: every preset. Caller holds the transaction."""
    surveys.set_questions(session.database, meeting_id, presets(meeting_id))


def questions_of(session: Session, meeting_id: int) -> list[SurveyQuestion]:
    return surveys.questions(session.database, meeting_id)


def set_questions(session: Session, meeting_id: int, questions: list[SurveyQuestion]) -> Changes:
    """Saves the question set; a question taken out loses its answers (the screen asks first)."""
    cleaned = []
    problems = Problems()
    for number, q in enumerate(questions, start=1):
        text = " ".join(normalize_text(q.text).split())
        choices = tuple(dict.fromkeys(c for c in (" ".join(normalize_text(c).split()) for c in q.choices) if c))
        if not text:
            problems.add(f"question.{number}", f"{number}問目の質問文を入力してください。")
        if q.kind not in SURVEY_KINDS:
            problems.add(f"question.{number}", f"{number}問目の答え方を選んでください。")
        if q.kind == SCALE and len(choices) != 5:
            problems.add(f"question.{number}", f"{number}問目（5段階）には選択肢を5つ入力してください。")
        if q.kind == CHOICE and len(choices) < 2:
            problems.add(f"question.{number}", f"{number}問目（選択）には選択肢を2つ以上入力してください。")
        cleaned.append(dataclasses.replace(q, meeting_id=meeting_id, text=text, choices=choices, label=q.label.strip()))
    problems.raise_if_any()
    with session.database.atomic():
        surveys.set_questions(session.database, meeting_id, cleaned)
    return CHANGES


def responses_of(session: Session, meeting_id: int) -> list[SurveyResponse]:
    return surveys.responses(session.database, meeting_id)


def next_number(session: Session, meeting_id: int) -> int:
    return surveys.next_number(session.database, meeting_id)


def check_answers(questions: list[SurveyQuestion], typed: dict[int, object]) -> dict[int, str]:
    """The answers as stored (see ``read_answer``); every misfit named by question, as one error."""
    answers: dict[int, str] = {}
    problems = Problems()
    for number, question in enumerate(questions, start=1):
        if question.id is None:
            continue
        try:
            answers[question.id] = read_answer(question, typed.get(question.id, ""))
        except AnswerError as exc:
            problems.add(f"answer.{question.id}", f"{number}問目（{question.short}）: {exc}。")
    problems.raise_if_any()
    return answers


def save_response(session: Session, meeting_id: int, number: int, typed: dict[int, object]) -> Changes:
    """Saves form ``number`` (a new one, or corrects it). A form with nothing answered is refused."""
    if number < 1:
        raise ValidationError("回答票番号は1以上の数で入力してください。", field="number")
    questions = questions_of(session, meeting_id)
    answers = check_answers(questions, typed)
    if not any(answers.values()):
        raise ValidationError("回答がひとつも入力されていません。白紙の用紙は入力しないでください。")
    with session.database.atomic():
        surveys.save_response(session.database, SurveyResponse(meeting_id, number, answers))
    return CHANGES


def delete_response(session: Session, meeting_id: int, number: int) -> Changes:
    with session.database.atomic():
        surveys.delete_response(session.database, meeting_id, number)
    return CHANGES


def results(session: Session, meeting_id: int) -> SurveyResults:
    """n, 回収率 against those who attended, and the distribution of each question."""
    attending = sum(1 for p in meeting_people.of_meeting(session.database, meeting_id) if p.attending)
    return tally(questions_of(session, meeting_id), responses_of(session, meeting_id), attending)

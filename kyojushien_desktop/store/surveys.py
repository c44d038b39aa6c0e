"""SQL for a meeting's 参加者アンケート: its questions, the forms returned and their answers.
Callers hold the transaction for writes."""

from __future__ import annotations

from kyojushien_desktop.domain.meetings import SurveyQuestion, SurveyResponse
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import LINE_SEPARATOR, parts


def _question(r) -> SurveyQuestion:
    return SurveyQuestion(
        meeting_id=r[1],
        text=r[4],
        kind=r[5],
        choices=parts(r[6], LINE_SEPARATOR),
        label=r[7],
        key=r[3],
        position=r[2],
        id=r[0],
    )


def questions(database: Database, meeting_id: int) -> list[SurveyQuestion]:
    rows = database.read(
        "SELECT id, meeting_id, position, key, text, kind, choices, label FROM survey_questions "
        "WHERE meeting_id = ? ORDER BY position, id",
        (meeting_id,),
    )
    return [_question(r) for r in rows]


def set_questions(database: Database, meeting_id: int, items: list[SurveyQuestion]) -> None:
    """Saves the questions in order: kept ones updated (their answers stay), new ones added,
    the ones left out removed with their answers."""
    kept = [q.id for q in items if q.id is not None]
    marks = ", ".join("?" * len(kept))
    gone = database.read(
        "SELECT id FROM survey_questions WHERE meeting_id = ?" + (f" AND id NOT IN ({marks})" if kept else ""),
        (meeting_id, *kept),
    )
    for (question_id,) in gone:
        database.execute("DELETE FROM survey_answers WHERE question_id = ?", (question_id,))
        database.execute("DELETE FROM survey_questions WHERE id = ?", (question_id,))
    for position, q in enumerate(items):
        values = (position, q.key, q.text, q.kind, LINE_SEPARATOR.join(q.choices), q.label)
        if q.id is None:
            database.execute(
                "INSERT INTO survey_questions (meeting_id, position, key, text, kind, choices, label) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (meeting_id, *values),
            )
        else:
            database.execute(
                "UPDATE survey_questions SET position = ?, key = ?, text = ?, kind = ?, choices = ?, label = ? "
                "WHERE id = ? AND meeting_id = ?",
                (*values, q.id, meeting_id),
            )


def responses(database: Database, meeting_id: int) -> list[SurveyResponse]:
    """Every form of the meeting by its number, with its answers."""
    answers: dict[int, dict[int, str]] = {}
    for response_id, question_id, answer in database.read(
        "SELECT a.response_id, a.question_id, a.answer FROM survey_answers a "
        "JOIN survey_responses r ON r.id = a.response_id WHERE r.meeting_id = ?",
        (meeting_id,),
    ):
        answers.setdefault(response_id, {})[question_id] = answer
    rows = database.read("SELECT id, number FROM survey_responses WHERE meeting_id = ? ORDER BY number", (meeting_id,))
    return [SurveyResponse(meeting_id, r[1], answers.get(r[0], {}), r[0]) for r in rows]


def next_number(database: Database, meeting_id: int) -> int:
    return int(
        database.read("SELECT coalesce(max(number), 0) + 1 FROM survey_responses WHERE meeting_id = ?", (meeting_id,))[
            0
        ][0]
    )


def save_response(database: Database, response: SurveyResponse) -> int:
    """Adds the form, or replaces the answers of the form with the same number."""
    rows = database.read(
        "SELECT id FROM survey_responses WHERE meeting_id = ? AND number = ?", (response.meeting_id, response.number)
    )
    if rows:
        response_id = int(rows[0][0])
        database.execute("DELETE FROM survey_answers WHERE response_id = ?", (response_id,))
    else:
        cursor = database.execute(
            "INSERT INTO survey_responses (meeting_id, number, created_at) VALUES (?, ?, ?)",
            (response.meeting_id, response.number, now_text()),
        )
        response_id = int(cursor.lastrowid)
    database.conn.executemany(
        "INSERT INTO survey_answers (response_id, question_id, answer) VALUES (?, ?, ?)",
        [(response_id, q, a) for q, a in response.answers.items() if a],
    )
    return response_id


def delete_response(database: Database, meeting_id: int, number: int) -> None:
    rows = database.read("SELECT id FROM survey_responses WHERE meeting_id = ? AND number = ?", (meeting_id, number))
    for (response_id,) in rows:
        database.execute("DELETE FROM survey_answers WHERE response_id = ?", (response_id,))
        database.execute("DELETE FROM survey_responses WHERE id = ?", (response_id,))

"""SQL for 診断シート: rounds, respondents with their header fields and free answer, and one score
per respondent and item. Callers hold the transaction for writes."""

from __future__ import annotations

from kyojushien_desktop.domain.diagnosis import Respondent, Round, RoundSummary
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import day


def insert_round(database: Database, item: Round) -> int:
    stamp = now_text()
    cursor = database.execute(
        "INSERT INTO diagnosis_rounds (name, held_on, purpose, meeting_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (item.name, item.held_on.isoformat(), item.purpose, item.meeting_id, stamp, stamp),
    )
    return int(cursor.lastrowid)


def update_round(database: Database, round_id: int, changes: dict[str, object]) -> None:
    database.update("diagnosis_rounds", round_id, {**changes, "updated_at": now_text()})


def get_round(database: Database, round_id: int) -> Round | None:
    rows = database.read(
        "SELECT id, name, held_on, purpose, meeting_id, deleted_at FROM diagnosis_rounds WHERE id = ?", (round_id,)
    )
    if not rows:
        return None
    r = rows[0]
    return Round(name=r[1], held_on=day(r[2]), purpose=r[3], meeting_id=r[4], id=r[0], deleted_at=r[5])  # type: ignore[arg-type]


def summaries(database: Database) -> list[RoundSummary]:
    """Live rounds, the newest first, with their respondents and how many have rated anything."""
    rows = database.read(
        "SELECT r.id, r.name, r.held_on, "
        "(SELECT count(*) FROM diagnosis_respondents p WHERE p.round_id = r.id), "
        "(SELECT count(DISTINCT a.respondent_id) FROM diagnosis_answers a "
        "   JOIN diagnosis_respondents p ON p.id = a.respondent_id WHERE p.round_id = r.id) "
        "FROM diagnosis_rounds r WHERE r.deleted_at IS NULL ORDER BY r.held_on DESC, r.id DESC"
    )
    return [RoundSummary(r[0], r[1], day(r[2]), r[3], r[4]) for r in rows]  # type: ignore[arg-type]


def respondents(database: Database, round_id: int) -> list[Respondent]:
    """The round's respondents in order, each with its scores."""
    scores: dict[int, dict[str, int]] = {}
    for respondent_id, item_id, score in database.read(
        "SELECT a.respondent_id, a.item_id, a.score FROM diagnosis_answers a "
        "JOIN diagnosis_respondents p ON p.id = a.respondent_id WHERE p.round_id = ?",
        (round_id,),
    ):
        scores.setdefault(respondent_id, {})[item_id] = score
    rows = database.read(
        "SELECT id, round_id, name, division, bureau, title, person_id, free_answer, position "
        "FROM diagnosis_respondents WHERE round_id = ? ORDER BY position, id",
        (round_id,),
    )
    return [Respondent(r[1], r[2], r[3], r[4], r[5], r[6], r[7], scores.get(r[0], {}), r[8], r[0]) for r in rows]


def save_respondent(database: Database, person: Respondent) -> int:
    """Adds the respondent or updates its header fields, free answer and every score."""
    values = (person.name, person.division, person.bureau, person.title, person.person_id, person.free_answer)
    if person.id is None:
        position = database.read(
            "SELECT coalesce(max(position), -1) + 1 FROM diagnosis_respondents WHERE round_id = ?", (person.round_id,)
        )[0][0]
        cursor = database.execute(
            "INSERT INTO diagnosis_respondents (name, division, bureau, title, person_id, free_answer, round_id, "
            "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (*values, person.round_id, position),
        )
        respondent_id = int(cursor.lastrowid)
    else:
        respondent_id = person.id
        database.execute(
            "UPDATE diagnosis_respondents SET name = ?, division = ?, bureau = ?, title = ?, person_id = ?, "
            "free_answer = ? WHERE id = ?",
            (*values, respondent_id),
        )
    database.execute("DELETE FROM diagnosis_answers WHERE respondent_id = ?", (respondent_id,))
    database.conn.executemany(
        "INSERT INTO diagnosis_answers (respondent_id, item_id, score) VALUES (?, ?, ?)",
        [(respondent_id, item_id, score) for item_id, score in person.scores.items()],
    )
    return respondent_id


def delete_respondent(database: Database, respondent_id: int) -> None:
    database.execute("DELETE FROM diagnosis_answers WHERE respondent_id = ?", (respondent_id,))
    database.execute("DELETE FROM diagnosis_respondents WHERE id = ?", (respondent_id,))

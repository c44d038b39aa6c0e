"""SQL for ヒアリング記録: visits, the people met, the questions chosen, answers and follow-ups.
Callers hold the transaction for writes."""

from __future__ import annotations

from kyojushien_desktop.domain.hearing import Visit, VisitOnTimeline, VisitSummary
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import LINE_SEPARATOR, moment, parts

_SUMMARY_SQL = """
SELECT v.id, v.organization_id, o.name, o.category, v.scheduled_at, v.status, v.purpose, v.place,
       (SELECT count(*) FROM visit_questions vq WHERE vq.visit_id = v.id) AS question_count,
       (SELECT count(*) FROM answers a JOIN visit_questions vq
          ON vq.visit_id = a.visit_id AND vq.question_id = a.question_id
         WHERE a.visit_id = v.id AND a.answer <> '') AS answered_count,
       (SELECT count(*) FROM followups f WHERE f.visit_id = v.id AND f.done = 0) AS open_followups,
       o.sort_kana, v.deleted_at
FROM visits v JOIN organizations o ON o.id = v.organization_id
"""
_VISIT_COLUMNS = (
    "id, organization_id, scheduled_at, place, visitors, companions, purpose, souvenirs, souvenir_other, "
    "policy_conveyed, status, memo, strengths_noted, troubles_noted, deleted_at"
)


def _summary(row) -> VisitSummary:
    """Positional, in the order of ``_SUMMARY_SQL``'s columns."""
    return VisitSummary(*row[:4], moment(row[4]), *row[5:])


def insert(database: Database, row: dict[str, object]) -> int:
    stamp = now_text()
    table = database["visits"]
    table.insert({**row, "created_at": stamp, "updated_at": stamp})
    return int(table.last_pk)


def update(database: Database, visit_id: int, changes: dict[str, object]) -> None:
    database.update("visits", visit_id, {**changes, "updated_at": now_text()})


def get(database: Database, visit_id: int) -> Visit | None:
    """The visit (deleted or not) with the people met and its questions in the order asked."""
    rows = database.read(f"SELECT {_VISIT_COLUMNS} FROM visits WHERE id = ?", (visit_id,))
    if not rows:
        return None
    row = rows[0]
    return Visit(
        id=row["id"],
        organization_id=row["organization_id"],
        scheduled_at=moment(row["scheduled_at"]),
        place=row["place"],
        visitors=row["visitors"],
        companions=row["companions"],
        purpose=row["purpose"],
        person_ids=tuple(person_ids(database, visit_id)),
        question_ids=tuple(question_ids(database, visit_id)),
        souvenirs=parts(row["souvenirs"], LINE_SEPARATOR),
        souvenir_other=row["souvenir_other"],
        policy_conveyed=bool(row["policy_conveyed"]),
        status=row["status"],
        memo=row["memo"],
        strengths_noted=row["strengths_noted"],
        troubles_noted=row["troubles_noted"],
        deleted_at=row["deleted_at"],
    )


def set_people(database: Database, visit_id: int, person_ids: tuple[int, ...]) -> None:
    database.execute("DELETE FROM visit_people WHERE visit_id = ?", (visit_id,))
    database.conn.executemany(
        "INSERT INTO visit_people (visit_id, person_id) VALUES (?, ?)", [(visit_id, p) for p in person_ids]
    )


def person_ids(database: Database, visit_id: int) -> list[int]:
    return [r[0] for r in database.read("SELECT person_id FROM visit_people WHERE visit_id = ?", (visit_id,))]


def set_questions(database: Database, visit_id: int, question_ids: tuple[int, ...]) -> None:
    """The chosen questions in order. Answers to a question taken off are kept (not shown), so
    ticking it again brings them back."""
    database.execute("DELETE FROM visit_questions WHERE visit_id = ?", (visit_id,))
    database.conn.executemany(
        "INSERT INTO visit_questions (visit_id, question_id, position) VALUES (?, ?, ?)",
        [(visit_id, q, position) for position, q in enumerate(question_ids)],
    )


def question_ids(database: Database, visit_id: int) -> list[int]:
    return [
        r[0]
        for r in database.read(
            "SELECT question_id FROM visit_questions WHERE visit_id = ? ORDER BY position, question_id", (visit_id,)
        )
    ]


def summaries(
    database: Database,
    *,
    status: str | None = None,
    organization_id: int | None = None,
    category: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    deleted: bool = False,
) -> list[VisitSummary]:
    """Visits newest first; dates are ISO ``YYYY-MM-DD`` and both ends are included."""
    clauses = ["v.deleted_at IS NOT NULL" if deleted else "v.deleted_at IS NULL"]
    params: list[object] = []
    for clause, value in (
        ("v.status = ?", status),
        ("v.organization_id = ?", organization_id),
        ("o.category = ?", category),
        ("substr(v.scheduled_at, 1, 10) >= ?", date_from),
        ("substr(v.scheduled_at, 1, 10) <= ?", date_to),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    rows = database.read(
        _SUMMARY_SQL + "WHERE " + " AND ".join(clauses) + " ORDER BY v.scheduled_at DESC, v.id DESC", tuple(params)
    )
    return [_summary(row) for row in rows]


def set_deleted(database: Database, visit_id: int, deleted_at: str | None) -> None:
    database.execute(
        "UPDATE visits SET deleted_at = ?, updated_at = ? WHERE id = ?", (deleted_at, now_text(), visit_id)
    )


def for_organization(database: Database, organization_id: int) -> list[VisitOnTimeline]:
    """Live visits of one organisation with the names of the people met, for its timeline."""
    rows = database.read(
        "SELECT v.id, v.scheduled_at, v.status, v.purpose, v.place, v.visitors, v.companions, v.memo, "
        "(SELECT group_concat(p.name, '、') FROM visit_people vp JOIN people p ON p.id = vp.person_id "
        "WHERE vp.visit_id = v.id), "
        "(SELECT count(*) FROM visit_questions vq WHERE vq.visit_id = v.id), "
        "(SELECT count(*) FROM answers a JOIN visit_questions vq ON vq.visit_id = a.visit_id "
        "AND vq.question_id = a.question_id WHERE a.visit_id = v.id AND a.answer <> '') "
        "FROM visits v WHERE v.organization_id = ? AND v.deleted_at IS NULL ORDER BY v.scheduled_at DESC, v.id DESC",
        (organization_id,),
    )
    return [VisitOnTimeline(row[0], moment(row[1]), *row[2:8], row[8] or "", *row[9:]) for row in rows]


# --- answers ---------------------------------------------------------------------------------


def answers(database: Database, visit_id: int) -> dict[int, str]:
    return {
        r[0]: r[1] for r in database.read("SELECT question_id, answer FROM answers WHERE visit_id = ?", (visit_id,))
    }


def save_answers(database: Database, visit_id: int, values: dict[int, str]) -> None:
    """Writes each answer, an empty one too (so clearing an answer sticks)."""
    stamp = now_text()
    database.conn.executemany(
        "INSERT INTO answers (visit_id, question_id, answer, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (visit_id, question_id) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at",
        [(visit_id, question_id, text, stamp) for question_id, text in values.items()],
    )


def compare_rows(
    database: Database,
    bank_id: int,
    *,
    category: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> tuple[list[VisitSummary], dict[int, dict[int, str]]]:
    """Visits done (実施済・記録済) that asked a question of the bank, oldest first, and their
    answers to the bank's questions (visit id → question id → answer)."""
    clauses = [
        "v.deleted_at IS NULL",
        "v.status <> '予定'",
        "EXISTS (SELECT 1 FROM visit_questions vq JOIN questions q ON q.id = vq.question_id "
        "WHERE vq.visit_id = v.id AND q.bank_id = ?)",
    ]
    params: list[object] = [bank_id]
    for clause, value in (
        ("o.category = ?", category),
        ("substr(v.scheduled_at, 1, 10) >= ?", date_from),
        ("substr(v.scheduled_at, 1, 10) <= ?", date_to),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    rows = database.read(
        _SUMMARY_SQL + "WHERE " + " AND ".join(clauses) + " ORDER BY v.scheduled_at, v.id", tuple(params)
    )
    visits = [_summary(row) for row in rows]
    answers: dict[int, dict[int, str]] = {}
    if not visits:
        return visits, answers
    marks = ", ".join("?" * len(visits))
    for visit_id, question_id, answer in database.read(
        "SELECT a.visit_id, a.question_id, a.answer FROM answers a "
        "JOIN visit_questions vq ON vq.visit_id = a.visit_id AND vq.question_id = a.question_id "
        f"JOIN questions q ON q.id = a.question_id WHERE q.bank_id = ? AND a.visit_id IN ({marks})",
        (bank_id, *(visit.id for visit in visits)),
    ):
        answers.setdefault(visit_id, {})[question_id] = answer
    return visits, answers

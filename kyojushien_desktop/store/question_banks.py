"""SQL for 質問バンク (question_banks) and their questions. Callers hold the transaction for writes."""

from __future__ import annotations

from kyojushien_desktop.domain.hearing import GuideKeys, Question, QuestionBank
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import LINE_SEPARATOR, parts

_BANK_SQL = """
SELECT b.id, b.name, b.description, b.guide_key, b.position, b.retired_at,
       (SELECT count(*) FROM questions q WHERE q.bank_id = b.id AND q.retired_at IS NULL)
FROM question_banks b
"""
_QUESTION_COLUMNS = "id, bank_id, text, answer_type, choices, lines, guide_key, guide_text, position, retired_at"


def _bank(row) -> QuestionBank:
    return QuestionBank(
        id=row[0],
        name=row[1],
        description=row[2],
        guide_key=row[3],
        position=row[4],
        retired_at=row[5],
        question_count=row[6],
    )


def _question(row) -> Question:
    return Question(
        id=row["id"],
        bank_id=row["bank_id"],
        text=row["text"],
        answer_type=row["answer_type"],
        choices=parts(row["choices"], LINE_SEPARATOR),
        lines=row["lines"],
        guide_key=row["guide_key"],
        guide_text=row["guide_text"],
        position=row["position"],
        retired_at=row["retired_at"],
    )


def guide_keys(database: Database) -> GuideKeys:
    """Every guide key already in the file, of banks and of questions, in one query: the check
    made on every open, so that it stays one SELECT once the guide banks are there."""
    rows = database.read(
        "SELECT 'b', guide_key, id FROM question_banks WHERE guide_key IS NOT NULL "
        "UNION ALL SELECT 'q', guide_key, bank_id FROM questions WHERE guide_key IS NOT NULL"
    )
    return GuideKeys(
        bank_ids={key: ident for kind, key, ident in rows if kind == "b"},
        question_keys=frozenset(key for kind, key, _ in rows if kind == "q"),
    )


def insert_bank(database: Database, row: dict[str, object]) -> int:
    stamp = now_text()
    cursor = database.execute(
        "INSERT INTO question_banks (name, guide_key, description, position, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (row["name"], row.get("guide_key"), row.get("description", ""), row.get("position", 0), stamp, stamp),
    )
    return int(cursor.lastrowid)


def update_bank(database: Database, bank_id: int, changes: dict[str, object]) -> None:
    database.update("question_banks", bank_id, {**changes, "updated_at": now_text()})


def get_bank(database: Database, bank_id: int) -> QuestionBank | None:
    rows = database.read(_BANK_SQL + "WHERE b.id = ?", (bank_id,))
    return _bank(rows[0]) if rows else None


def banks(database: Database, *, include_retired: bool = False) -> list[QuestionBank]:
    """Banks in their order; retired ones (if asked for) last."""
    where = "" if include_retired else "WHERE b.retired_at IS NULL "
    return [
        _bank(row) for row in database.read(_BANK_SQL + where + "ORDER BY b.retired_at IS NOT NULL, b.position, b.id")
    ]


def bank_id_named(database: Database, name: str, *, exclude_id: int | None = None) -> int | None:
    rows = database.read(
        "SELECT id FROM question_banks WHERE name = ? AND id IS NOT ?", (name, exclude_id if exclude_id else -1)
    )
    return rows[0][0] if rows else None


def next_bank_position(database: Database) -> int:
    return database.read("SELECT coalesce(max(position), -1) + 1 FROM question_banks")[0][0]


def insert_questions(database: Database, rows: list[dict[str, object]]) -> list[int]:
    stamp = now_text()
    ids = []
    for row in rows:
        cursor = database.execute(
            "INSERT INTO questions (bank_id, position, text, guide_key, guide_text, answer_type, choices, lines, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row["bank_id"],
                row["position"],
                row["text"],
                row.get("guide_key"),
                row.get("guide_text"),
                row.get("answer_type", "free"),
                row.get("choices", ""),
                row.get("lines", 3),
                stamp,
                stamp,
            ),
        )
        ids.append(int(cursor.lastrowid))
    return ids


def update_question(database: Database, question_id: int, changes: dict[str, object]) -> None:
    database.update("questions", question_id, {**changes, "updated_at": now_text()})


def get_question(database: Database, question_id: int) -> Question | None:
    rows = database.read(f"SELECT {_QUESTION_COLUMNS} FROM questions WHERE id = ?", (question_id,))
    return _question(rows[0]) if rows else None


def questions_of(database: Database, bank_id: int, *, include_retired: bool = False) -> list[Question]:
    """The bank's questions in their order; retired ones (if asked for) after the live ones."""
    where = "" if include_retired else " AND retired_at IS NULL"
    rows = database.read(
        f"SELECT {_QUESTION_COLUMNS} FROM questions WHERE bank_id = ?{where} "
        "ORDER BY retired_at IS NOT NULL, position, id",
        (bank_id,),
    )
    return [_question(row) for row in rows]


def questions_by_ids(database: Database, question_ids: list[int]) -> list[Question]:
    """The questions with these ids, in no particular order; unknown ids are left out."""
    if not question_ids:
        return []
    marks = ", ".join("?" * len(question_ids))
    rows = database.read(f"SELECT {_QUESTION_COLUMNS} FROM questions WHERE id IN ({marks})", tuple(question_ids))
    return [_question(row) for row in rows]


def next_question_position(database: Database, bank_id: int) -> int:
    return database.read("SELECT coalesce(max(position), -1) + 1 FROM questions WHERE bank_id = ?", (bank_id,))[0][0]


def set_positions(database: Database, question_ids: list[int]) -> None:
    """Renumbers the given questions 0, 1, 2 … in the order given."""
    stamp = now_text()
    database.conn.executemany(
        "UPDATE questions SET position = ?, updated_at = ? WHERE id = ?",
        [(position, stamp, question_id) for position, question_id in enumerate(question_ids)],
    )

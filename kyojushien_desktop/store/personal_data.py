"""Taking the people out of a copy of the data file, for sharing with the prefecture or a
neighbouring town: names, phones and e-mails go wherever they sit (people, 変更履歴, 経過記録,
visit and meeting records, answers, settings), the organisations stay.

Run only on a snapshot, never on the user's file. Fields that hold nothing but a person (氏名,
our own staff, 講師, 進行役) are emptied or replaced by a neutral label; free text keeps its words
with every known name and every phone number and e-mail address replaced. The file is vacuumed
afterwards, so no deleted text survives in its free pages.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.organizations import refresh_search_text

NAME = "（氏名）"
PHONE = "（電話番号）"
EMAIL = "（メール）"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\d])\(?0\d{1,4}\)?[-‐－ー―\s]?\d{1,4}[-‐－ー―\s]?\d{3,4}(?![\d])|(?<![\d])\d{10,11}(?![\d])")
_STAFF_SPLIT = re.compile(r"[・、,，/／;；\n]+")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
# A part of a 同行者 or 進行役 field that names a post or a place (「〇〇県 住宅課 岡本 直樹」), not a person
_POST = re.compile(r"(課|係|局|県|センター|進行:?|司会:?)$")  # never 村 or 部: 木村, 阿部
# Kept as they are: an organisation is what the shared copy is for (its public 代表 phone, fax,
# e-mail and address among it, unless they are a person's own); keys, dates and states hold no one
_ORGANIZATION_CONTACT = ("phone", "fax", "email")
_KEEP = {
    "organizations": {
        "name",
        "kana",
        "name_key",
        "sort_kana",
        "search_text",
        "category",
        "kind",
        "website",
        "address",
        *_ORGANIZATION_CONTACT,
    },
    "app_state": None,
    "settings": None,
    "question_banks": None,
    "questions": None,
    "survey_questions": None,
    "meeting_tasks": None,
}
# Fields that hold nothing but people: emptied
_EMPTIED = {
    "people": ("kana", "phone", "email"),
    "contacts": ("our_staff",),
    "visits": ("visitors", "companions"),
    "meetings": ("facilitator",),
    "meeting_participants": ("proxy_name",),
    "meeting_program": ("speaker",),
    "handover_history": ("sender",),
}
_PERSON_ENTITY = "person"  # change_log rows about a person say nothing once the person is gone
_STAFF_SETTING = "staff_name"


def _variants(name: str, *, parts: bool = True) -> set[str]:
    """A name as it may be written: with or without the space, and its family and given parts
    (not for a reading: 「まい」 or 「ゆう」 alone would eat 「住まい」 and 「ゆうびん」)."""
    name = unicodedata.normalize("NFKC", _BRACKETS.sub(" ", name)).strip()
    words = [word for word in name.split() if not _POST.search(word)]
    if not words:
        return set()
    found = {"".join(words), " ".join(words), "\u3000".join(words)}
    if parts:
        found.update(words)
    return {v for v in found if len(v) >= 2}


def _staff_names(value: str) -> set[str]:
    names: set[str] = set()
    for piece in _STAFF_SPLIT.split(value or ""):
        names |= _variants(piece)
    return names


def _known_people(conn: sqlite3.Connection) -> tuple[set[str], set[str], set[str]]:
    names: set[str] = set()
    phones: set[str] = set()
    emails: set[str] = set()
    for name, kana, phone, email in conn.execute("SELECT name, kana, phone, email FROM people"):
        names |= _variants(name) | _variants(kana, parts=False)
        if phone:
            phone = unicodedata.normalize("NFKC", phone)
            phones.add(re.sub(r"\D", "", phone))
            # 「0123-45-1131（内線312）」: the number before the 内線 reaches the person too
            phones.add(re.sub(r"\D", "", _BRACKETS.sub("", phone).split("内線")[0]))
        if email:
            emails.add(email.strip())
    queries = (
        "SELECT value FROM settings WHERE key = 'staff_name'",
        "SELECT our_staff FROM contacts",
        "SELECT visitors || '、' || companions FROM visits",
        "SELECT guest_name || '、' || proxy_name FROM meeting_participants",
        "SELECT speaker FROM meeting_program",
        "SELECT facilitator FROM meetings",
        "SELECT name FROM diagnosis_respondents",
        "SELECT sender FROM handover_history",
    )
    for sql in queries:
        for (value,) in conn.execute(sql):
            names |= _staff_names(value or "")
    return names, {p for p in phones if len(p) >= 6}, emails


class _Scrubber:
    def __init__(self, names: set[str], phones: set[str], emails: set[str]) -> None:
        ordered = sorted(names, key=len, reverse=True)
        self._names = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self._phones = phones
        self._emails = emails

    def text(self, value: str) -> str:
        if not value:
            return value
        value = unicodedata.normalize("NFKC", value) if self._needs_nfkc(value) else value
        for email in self._emails:
            value = value.replace(email, EMAIL)
        value = _EMAIL.sub(EMAIL, value)
        value = _PHONE.sub(PHONE, value)
        if self._phones:
            value = re.sub(
                r"\d[\d\-\s]{5,}\d", lambda m: PHONE if re.sub(r"\D", "", m[0]) in self._phones else m[0], value
            )
        if self._names is not None:
            value = self._names.sub(NAME, value)
        return value

    def _needs_nfkc(self, value: str) -> bool:
        """Full-width digits and letters hide a phone or an address from the patterns."""
        return any("\uff01" <= ch <= "\uff5e" for ch in value)


def _text_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    quoted = table.replace('"', '""')
    columns = conn.execute(f'PRAGMA table_info("{quoted}")').fetchall()
    return [c[1] for c in columns if (c[2] or "").upper() in ("TEXT", "")]


def _scrub_free_text(conn: sqlite3.Connection, scrubber: _Scrubber) -> None:
    tables = [
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
    ]
    for table in tables:
        if table in _KEEP and _KEEP[table] is None:
            continue
        keep = _KEEP.get(table) or set()
        columns = [c for c in _text_columns(conn, table) if c not in keep]
        if not columns:
            continue
        select = ", ".join(f"[{c}]" for c in columns)
        rows = conn.execute(f"SELECT rowid, {select} FROM [{table}]").fetchall()
        for row in rows:
            cleaned = [scrubber.text(v) if isinstance(v, str) else v for v in row[1:]]
            if cleaned != list(row[1:]):
                sets = ", ".join(f"[{c}] = ?" for c in columns)
                conn.execute(f"UPDATE [{table}] SET {sets} WHERE rowid = ?", (*cleaned, row[0]))


def _replace_people(conn: sqlite3.Connection) -> None:
    for table, columns in _EMPTIED.items():
        conn.execute(f"UPDATE [{table}] SET " + ", ".join(f"[{c}] = ''" for c in columns))
    conn.execute("UPDATE people SET name = '担当者' || id")
    conn.execute("UPDATE meeting_participants SET guest_name = '参加者' || id WHERE guest_name <> ''")
    conn.execute("UPDATE handover_history SET report_pdf = NULL")
    conn.execute("UPDATE settings SET value = '' WHERE key = ?", (_STAFF_SETTING,))
    for (round_id,) in conn.execute("SELECT DISTINCT round_id FROM diagnosis_respondents").fetchall():
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM diagnosis_respondents WHERE round_id = ? ORDER BY position, id", (round_id,)
            )
        ]
        # through temporary names first: a round's names are unique, and 回答者B may be a real name now
        renamed = [(f"#{i}", rid) for i, rid in enumerate(ids)]
        conn.executemany("UPDATE diagnosis_respondents SET name = ? WHERE id = ?", renamed)
        labels = [(f"回答者{_letter(i)}", rid) for i, rid in enumerate(ids)]
        conn.executemany("UPDATE diagnosis_respondents SET name = ? WHERE id = ?", labels)
    conn.execute("DELETE FROM change_log WHERE entity = ?", (_PERSON_ENTITY,))


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _drop_personal_contacts(conn: sqlite3.Connection, phones: set[str], emails: set[str]) -> None:
    """An organisation's phone, fax or e-mail that is a person's own (a one-person office) goes too."""
    for row in conn.execute("SELECT id, phone, fax, email FROM organizations").fetchall():
        changes = {}
        for column, value in zip(_ORGANIZATION_CONTACT, row[1:], strict=True):
            digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", value or ""))
            if (column != "email" and digits and digits in phones) or (
                column == "email" and value and value.strip() in emails
            ):
                changes[column] = ""
        if changes:
            sets = ", ".join(f"[{c}] = ?" for c in changes)
            conn.execute(f"UPDATE organizations SET {sets} WHERE id = ?", (*changes.values(), row[0]))


def remove_personal_data(database: Database) -> None:
    """Takes the people out of the snapshot opened as ``database`` and vacuums it."""
    conn = database.conn
    with database.atomic():
        names, phones, emails = _known_people(conn)
        _replace_people(conn)
        _scrub_free_text(conn, _Scrubber(names, phones, emails))
        _drop_personal_contacts(conn, phones, emails)
        ids = [r[0] for r in conn.execute("SELECT id FROM organizations")]
        refresh_search_text(database, ids)
    conn.execute("VACUUM")

"""The sample town as a hand-over sees it: a closed sample file to copy, a passphrase file, every
table's rows read with plain sqlite3, and every piece of personal data the town holds anywhere
(names with their parts, phones in every spelling, e-mails), for the leak tests."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import unicodedata
from pathlib import Path

import pytest

PASSPHRASE = "K7QM-3XRP-9TWD-HB4N-2CFZ"
TODAY = dt.date(2026, 11, 22)
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_SPLIT = re.compile(r"[・、,，/／;；\n]+")
_PHONE = re.compile(r"0\d{1,4}-\d{1,4}-\d{3,4}")
# words in the people fields that name a place or a post, not a person
_NOT_A_NAME = re.compile(r"(課|係|局|県|センター|進行:?|司会:?)$")


def make_sample(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A closed sample-town file in ``folder`` (its backups in a home of its own)."""
    from kyojushien_desktop.services.sample import create_sample

    with monkeypatch.context() as patch:
        patch.setenv("KYOJUSHIEN_HOME", str(folder / "sample-home"))
        create_sample(folder / "sample.db", today=TODAY).close()
    return folder / "sample.db"


def passphrase_file(folder: Path) -> Path:
    path = folder / "合言葉.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def tables(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, in rowid order, read outside the app."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
        ]
        return {name: conn.execute(f"SELECT rowid, * FROM [{name}] ORDER BY rowid").fetchall() for name in names}
    finally:
        conn.close()


def text_cells(path: Path) -> list[tuple[str, str]]:
    """(table, text) for every text cell of every table."""
    return [(name, v) for name, rows in tables(path).items() for row in rows for v in row if isinstance(v, str)]


def _name_forms(value: str, *, parts: bool = True) -> set[str]:
    value = unicodedata.normalize("NFKC", _BRACKETS.sub(" ", value)).strip()
    found: set[str] = set()
    for piece in _SPLIT.split(value):
        words = [p for p in piece.split() if not _NOT_A_NAME.search(p)]
        if not words:
            continue
        person = words[-2:]  # 「福祉課 社会福祉係 高田 由美」 → 高田 由美
        found |= {" ".join(person), "".join(person), "\u3000".join(person)}
        if parts:  # a reading's parts (「まい」) are words too
            found |= {p for p in person if len(p) >= 2}
    return {f for f in found if len(f) >= 2}


def _phone_forms(value: str) -> set[str]:
    value = unicodedata.normalize("NFKC", value)
    found: set[str] = set()
    for number in _PHONE.findall(value):
        found |= {number, number.replace("-", ""), number.replace("-", " ")}
    return found


def personal_data(path: Path) -> dict[str, set[str]]:
    """Every name, phone and e-mail the file holds about a person, wherever it sits."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names: set[str] = set()
        phones: set[str] = set()
        emails: set[str] = set()
        for name, kana, phone, email in conn.execute("SELECT name, kana, phone, email FROM people"):
            names |= _name_forms(name) | _name_forms(kana, parts=False)
            phones |= _phone_forms(phone)
            if email:
                emails.add(email)
        people_fields = (
            "SELECT value FROM settings WHERE key = 'staff_name'",
            "SELECT our_staff FROM contacts",
            "SELECT visitors FROM visits",
            "SELECT companions FROM visits",
            "SELECT guest_name FROM meeting_participants",
            "SELECT proxy_name FROM meeting_participants",
            "SELECT speaker FROM meeting_program",
            "SELECT facilitator FROM meetings",
            "SELECT name FROM diagnosis_respondents",
            "SELECT sender FROM handover_history",
        )
        for sql in people_fields:
            for (value,) in conn.execute(sql):
                names |= _name_forms(value or "")
    finally:
        conn.close()
    return {"name": names, "phone": phones, "email": emails}


def organization_names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM organizations ORDER BY id")]
    finally:
        conn.close()


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: what 'nothing written' is compared against."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

"""構成員・関係団体名簿 as an Excel workbook: the hand-over copy of the directory.

Every field of every organisation (「名簿」), all their people with 前任, periods and 後任
(「担当者」), and every 経過記録 typed by hand (「経過記録」), for the organisations the list
shows. Text too long for one cell is continued on a 「長文の続き」 sheet, never cut.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.members import INTERNAL_LABELS, ORGANIZATION_FIELDS, PERSON_FIELDS, Person
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.member_list import TITLE, DirectoryRecord
from kyojushien_desktop.reports.xlsx.sheet import Column, PrintSetup
from kyojushien_desktop.reports.xlsx.workbook import Workbook, write_workbook

SHEET_ORGANIZATIONS = "名簿"
SHEET_PEOPLE = "担当者"
SHEET_CONTACTS = "経過記録"
PERSON_STATUS_HEADER = "現任・前任"
SUCCESSOR_HEADER = "後任"
CURRENT, FORMER = "現任", "前任"
ORGANIZATION_HEADER = "団体名"
PEOPLE_NOW_HEADER = "担当者"
LAST_CONTACT_HEADER = "最終連絡日"
F = ORGANIZATION_FIELDS

ORGANIZATION_COLUMNS = [
    Column(F["name"], 32, wrap=True),
    Column(F["kana"], 22, wrap=True),
    Column(F["category"], 20, wrap=True),
    Column(F["kind"], 14, wrap=True),
    Column(F["internal"], 9),
    Column(F["stage"], 16, wrap=True),
    Column(PEOPLE_NOW_HEADER, 18, wrap=True),
    Column(LAST_CONTACT_HEADER, 16, date=True),
    Column(F["phone"], 14),
    Column(F["fax"], 14),
    Column(F["email"], 28, wrap=True),
    Column(F["website"], 28, wrap=True),
    Column(F["address"], 28, wrap=True),
    Column(F["expected_roles"], 36, wrap=True),
    Column(F["strengths"], 28, wrap=True),
    Column(F["troubles"], 28, wrap=True),
    Column(F["tags"], 14, wrap=True),
    Column(F["notes"], 40, wrap=True),
]
PEOPLE_COLUMNS = [
    Column(ORGANIZATION_HEADER, 32, wrap=True),
    Column(PERSON_FIELDS["name"], 16),
    Column(PERSON_FIELDS["kana"], 18, wrap=True),
    Column(PERSON_FIELDS["department"], 18, wrap=True),
    Column(PERSON_FIELDS["title"], 12, wrap=True),
    Column(PERSON_FIELDS["phone"], 14),
    Column(PERSON_FIELDS["email"], 24, wrap=True),
    Column(PERSON_FIELDS["started_on"], 16, date=True),
    Column(PERSON_FIELDS["ended_on"], 16, date=True),
    Column(PERSON_STATUS_HEADER, 10),
    Column(SUCCESSOR_HEADER, 16),
    Column(PERSON_FIELDS["notes"], 36, wrap=True),
]
CONTACT_COLUMNS = [
    Column(ORGANIZATION_HEADER, 32, wrap=True),
    Column("日付", 16, date=True),
    Column("種別", 12),
    Column("内容", 60, wrap=True),
    Column("当方", 16, wrap=True),
    Column("先方", 16, wrap=True),
]


def _organization_values(entry: DirectoryRecord) -> list[object]:
    org = entry.organization
    return [
        org.name,
        org.kana,
        org.category,
        org.kind,
        INTERNAL_LABELS[org.internal],
        org.stage,
        entry.people_now,
        entry.last_contact,
        org.phone,
        org.fax,
        org.email,
        org.website,
        org.address,
        org.expected_roles,
        org.strengths,
        org.troubles,
        "、".join(org.tags),
        org.notes,
    ]


def _person_values(organization: str, person: Person, names: dict[int, str], created: dt.date) -> list[object]:
    former = person.ended_on is not None and person.ended_on <= created
    return [
        organization,
        person.name,
        person.kana,
        person.department,
        person.title,
        person.phone,
        person.email,
        person.started_on,
        person.ended_on,
        FORMER if former else CURRENT,
        names.get(person.successor_id, "") if person.successor_id else "",
        person.notes,
    ]


def write_member_list_xlsx(
    rows: list[DirectoryRecord],
    path: Path,
    *,
    municipality: str,
    created: dt.date,
    filter_note: str = "",
    progress: Progress = SILENT,
) -> Path:
    """Writes the directory rows (as filtered on screen) to ``path``: sheets 「名簿」, 「担当者」
    (前任 marked) and 「経過記録」. Each row is a step of ``progress``. Returns ``path``."""
    made_on = wareki.format_date(created)

    def setup(sheet: str) -> PrintSetup:
        return PrintSetup(header=f"{municipality}　{TITLE}（{sheet}）".lstrip("　"), footer=f"{made_on} 作成")

    def fill(workbook: Workbook) -> None:
        people = sum(len(entry.people) for entry in rows)
        progress.begin("Excelに書き出しています", len(rows) + people + sum(len(entry.contacts) for entry in rows))
        with workbook.sheet(SHEET_ORGANIZATIONS, ORGANIZATION_COLUMNS, setup(SHEET_ORGANIZATIONS)) as sheet:
            for entry in rows:
                sheet.append(_organization_values(entry), record=entry.organization.name)
                progress.step()
        with workbook.sheet(SHEET_PEOPLE, PEOPLE_COLUMNS, setup(SHEET_PEOPLE)) as sheet:
            for entry in rows:
                names = {p.id: p.name for p in entry.people if p.id is not None}
                for person in entry.people:
                    record = f"{entry.organization.name}　{person.name}"
                    sheet.append(_person_values(entry.organization.name, person, names, created), record=record)
                progress.step(len(entry.people))
        with workbook.sheet(SHEET_CONTACTS, CONTACT_COLUMNS, setup(SHEET_CONTACTS)) as sheet:
            for entry in rows:
                name = entry.organization.name
                for line in entry.contacts:
                    sheet.append([name, line.on, line.kind, line.note, line.our_staff, line.person], record=name)
                progress.step(len(entry.contacts))

    return write_workbook(path, fill, title=f"{municipality} {TITLE}".strip(), created=created, description=filter_note)

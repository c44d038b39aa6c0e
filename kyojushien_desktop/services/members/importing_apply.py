"""Writing a checked import preview: the good rows in one transaction, or nothing.

The plan (which rows become new organisations, which fill the blanks of an existing one, which
people are new) is gathered first so the writes are a few bulk statements; a cancel while
planning or writing leaves the file as it was.
"""

from __future__ import annotations

import dataclasses

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.domain.members import ORGANIZATION_FIELDS, Organization, Person, name_key
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members import organizations, people
from kyojushien_desktop.services.members.importing_model import (
    DUPLICATE_CHOICES,
    ImportPreview,
    ImportResult,
    ImportRow,
)
from kyojushien_desktop.store import change_log
from kyojushien_desktop.store import organizations as organization_store
from kyojushien_desktop.store import people as people_store

ACTION = "取り込み"

# Fields a merge may fill when the existing record has them blank; never the name, 区分 or 庁内/庁外.
_MERGE_FIELDS = ("kana", "kind", "address", "phone", "fax", "email", "website", "notes")


def _rows_text(rows: set[int]) -> str:
    ordered = sorted(rows)
    text = "、".join(f"{row}行目" for row in ordered[:10])
    return text + (f" ほか{len(ordered) - 10}行" if len(ordered) > 10 else "")


def _fill_blanks(base: Organization, extra: Organization) -> tuple[Organization, list[str]]:
    filled = [key for key in _MERGE_FIELDS if not getattr(base, key) and getattr(extra, key)]
    return dataclasses.replace(base, **{key: getattr(extra, key) for key in filled}), filled


def apply_import(
    session: Session,
    preview: ImportPreview,
    *,
    skip_bad: bool = False,
    duplicates: str = "skip",
    decisions: dict[int, str] | None = None,
    progress: Progress = NO_PROGRESS,
) -> ImportResult:
    """Writes the preview's good rows in one transaction, or nothing.

    A row that looks like an existing organisation or an earlier row of the file follows
    ``duplicates`` unless ``decisions`` (row number → choice) says otherwise: "skip" leaves it out,
    "merge" fills only the blank fields of that organisation and adds the person if new, "add"
    makes a separate organisation. A decision of "skip" also leaves out a row that is no duplicate.
    Bad rows raise ``ValidationError`` naming them unless ``skip_bad``. ``Cancelled`` from
    ``progress`` leaves the file untouched.
    """
    decisions = decisions or {}
    for choice in (duplicates, *decisions.values()):
        if choice not in DUPLICATE_CHOICES:
            raise ValueError(f"unknown duplicate choice {choice!r}")
    bad = preview.bad_rows
    if bad and not skip_bad:
        raise ValidationError(
            f"問題のある行が {len(bad)} 行あるため、何も取り込みませんでした（{_rows_text(bad)}）: {preview.path}",
            hint="ファイルを直してからもう一度取り込むか、問題のない行だけを取り込んでください。",
        )
    plan = _Plan(session)
    skipped = merged = 0
    progress.begin("取り込む内容をまとめています", len(preview.rows))
    for row in preview.rows:
        progress.step()
        if row.row in bad:
            continue
        choice = decisions.get(row.row) or (duplicates if row.is_duplicate else "add")
        if choice == "skip":
            skipped += 1
        elif choice == "merge" and plan.merge(row):
            merged += 1
        else:
            plan.add(row)
    changes = plan.write(preview.path.name, progress)
    return ImportResult(
        added=len(plan.new_orgs),
        merged=merged,
        skipped=skipped,
        bad_skipped=len({row.row for row in preview.rows if row.row in bad}),
        people_added=plan.people_added,
        changes=changes,
    )


class _Plan:
    """What the import will write, gathered first so the writes are a few bulk statements."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.new_orgs: list[Organization] = []
        self.new_rows: list[int] = []
        self.new_people: list[list[Person]] = []
        self.landed: dict[int, tuple[str, int]] = {}  # file row → ("new", index) or ("existing", id)
        self.before: dict[int, Organization] = {}
        self.after: dict[int, Organization] = {}
        self.existing_people: dict[int, list[Person]] = {}
        self.known_names: dict[tuple[str, int], set[str]] = {}
        self.log: list[tuple[str, int, str, str, str, str]] = []

    @property
    def people_added(self) -> int:
        return sum(map(len, self.new_people)) + sum(map(len, self.existing_people.values()))

    def add(self, row: ImportRow) -> None:
        self.landed[row.row] = ("new", len(self.new_orgs))
        self.known_names[("new", len(self.new_orgs))] = set()
        self.new_orgs.append(row.organization)
        self.new_rows.append(row.row)
        self.new_people.append([])
        self._add_person(("new", len(self.new_orgs) - 1), row.person)

    def merge(self, row: ImportRow) -> bool:
        """Into an existing organisation (the same name first), else into where the earlier
        row of the file went; False when there is nothing to merge into."""
        target = None
        if row.similar:
            key = name_key(row.organization.name)
            same_name = [s for s in row.similar if name_key(s.name) == key]
            target = ("existing", (same_name or list(row.similar))[0].id)
        elif row.duplicate_of_row is not None:
            target = self.landed.get(row.duplicate_of_row)
        if target is None:
            return False
        self.landed[row.row] = target
        kind, ident = target
        if kind == "new":
            self.new_orgs[ident] = _fill_blanks(self.new_orgs[ident], row.organization)[0]
        else:
            if ident not in self.after:
                self.before[ident] = self.after[ident] = organizations.get_organization(self.session, ident)
                self.existing_people[ident] = []
                self.known_names[target] = {search_key(p.name) for p in people.people_of(self.session, ident)}
            old = self.after[ident]
            self.after[ident], filled = _fill_blanks(old, row.organization)
            new_values = self.after[ident].display_values()
            for key in filled:
                self.log.append(
                    (organizations.ORGANIZATION, ident, ACTION, ORGANIZATION_FIELDS[key], "", new_values[key])
                )
        self._add_person(target, row.person)
        return True

    def _add_person(self, target: tuple[str, int], person: Person | None) -> None:
        if person is None or search_key(person.name) in self.known_names[target]:
            return
        self.known_names[target].add(search_key(person.name))
        kind, ident = target
        if kind == "new":
            self.new_people[ident].append(person)
        else:
            self.existing_people[ident].append(person)
            self.log.append((organizations.ORGANIZATION, ident, ACTION, "担当者", "", person.name))

    def write(self, source: str, progress: Progress) -> Changes:
        """Bulk inserts in one transaction; the search text is rebuilt for every touched record."""
        if not self.new_orgs and not self.log:
            return Changes()
        database = self.session.database
        progress.begin("名簿に書き込んでいます", 5)
        with database.atomic():
            ids = (
                organization_store.insert_many(database, [org.to_row() for org in self.new_orgs])
                if self.new_orgs
                else []
            )
            progress.step()
            changed = [ident for ident, org in self.after.items() if org != self.before[ident]]
            for ident in changed:
                organization_store.update(database, ident, self.after[ident].to_row())
            person_rows = [
                {**person.to_row(), "organization_id": ids[index]}
                for index, group in enumerate(self.new_people)
                for person in group
            ]
            person_rows += [
                {**person.to_row(), "organization_id": ident}
                for ident, group in self.existing_people.items()
                for person in group
            ]
            people_store.insert_many(database, person_rows)
            progress.step()
            touched = {ident for ident, group in self.existing_people.items() if group} | set(changed)
            organization_store.refresh_search_text(database, ids + sorted(touched))
            progress.step()
            created = [
                (organizations.ORGANIZATION, ident, ACTION, "", "", f"{org.name}（{source} {row}行目から）")
                for ident, org, row in zip(ids, self.new_orgs, self.new_rows, strict=True)
            ]
            change_log.record_many(database, created + self.log)
            progress.step()
        return Changes.of(Topic.ORGANIZATIONS, Topic.PEOPLE)

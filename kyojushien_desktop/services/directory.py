"""構成員・関係団体名簿: one function per user action on organisations, people and the timeline."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from dataclasses import dataclass

from kyojushien_desktop import content
from kyojushien_desktop.directory_terms import directory_terms
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.directory import (
    ORGANIZATION_FIELDS,
    PERSON_FIELDS,
    ChangeEntry,
    Contact,
    Organization,
    OrganizationSummary,
    Person,
    TimelineEntry,
    clean_organization,
    clean_person,
    name_key,
    normalize_text,
    now_text,
    split_tags,
)
from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.kana import digits_only, search_key
from kyojushien_desktop.services.changes import Changes
from kyojushien_desktop.services.datafile import Session
from kyojushien_desktop.services.rows import as_date, from_row
from kyojushien_desktop.store import change_log, contacts, organizations, people

ORGANIZATION = "organization"
PERSON = "person"


def categories() -> tuple[str, ...]:
    """The 区分 of the guide's 構成員の例, in the guide's order."""
    return tuple(category.name for category in content.member_categories())


def stages() -> tuple[str, ...]:
    return directory_terms().stage_names


def contact_kinds() -> tuple[str, ...]:
    return directory_terms().contact_kinds


def default_roles(category: str) -> str:
    """期待される役割 pre-filled from the guide's text for the 区分."""
    try:
        roles = content.member_category(category).roles
    except KeyError:
        return ""
    return "\n".join(f"・{role}" for role in roles)


def new_organization(category: str = "", name: str = "") -> Organization:
    category = category or categories()[0]
    return Organization(name=name, category=category, expected_roles=default_roles(category))


# --- reading ---------------------------------------------------------------------------------


def _summary(row: sqlite3.Row) -> OrganizationSummary:
    return from_row(
        OrganizationSummary,
        row,
        internal=bool,
        tags=lambda text: tuple(t for t in text.split("、") if t),
        people=lambda text: text or "",
        last_contact=as_date,
    )


@dataclass(frozen=True)
class DirectoryFilter:
    """What the list shows: None means any."""

    category: str | None = None
    stage: str | None = None
    internal: bool | None = None
    tag: str | None = None
    query: str = ""

    def accepts(self, row: OrganizationSummary) -> bool:
        return (
            (self.category is None or row.category == self.category)
            and (self.stage is None or row.stage == self.stage)
            and (self.internal is None or row.internal == self.internal)
            and (self.tag is None or self.tag in row.tags)
        )


def list_organizations(session: Session, flt: DirectoryFilter | None = None) -> list[OrganizationSummary]:
    """Live organisations in 五十音 order (by よみがな), filtered."""
    flt = flt or DirectoryFilter()
    ids = search_ids(session, flt.query) if flt.query.strip() else None
    rows = [_summary(r) for r in organizations.summaries(session.database, ids=ids)]
    return [row for row in rows if flt.accepts(row)]


def search_ids(session: Session, query: str) -> list[int]:
    """As-you-type search over names, よみがな, people and notes: ひらがな/カタカナ, full/half width
    and case are equal, and a phone number matches by its digits."""
    key = search_key(query)
    if not key:
        return []
    compact = query.replace("-", "").replace("‐", "").replace("ー", "").replace(" ", "")
    digits = digits_only(query) if compact and len(digits_only(compact)) >= max(2, len(compact) - 1) else ""
    return organizations.search_ids(session.database, key, digits)


def search_organizations(session: Session, query: str) -> list[OrganizationSummary]:
    ids = search_ids(session, query)
    if not ids:
        return []
    return [_summary(r) for r in organizations.summaries(session.database, ids=ids)]


def _organization(row: sqlite3.Row) -> Organization:
    return from_row(Organization, row, internal=bool, tags=split_tags)


def get_organization(session: Session, organization_id: int) -> Organization:
    row = organizations.get(session.database, organization_id)
    if row is None:
        raise UserFacingError(f"団体・機関（番号 {organization_id}）が見つかりません。削除された可能性があります。")
    return _organization(row)


def deleted_organizations(session: Session) -> list[OrganizationSummary]:
    return [_summary(r) for r in organizations.summaries(session.database, deleted=True)]


def all_tags(session: Session) -> list[str]:
    return organizations.all_tags(session.database)


def find_similar(session: Session, org: Organization) -> list[OrganizationSummary]:
    """Organisations that look like the same one (表記ゆれ of the name, or a shared phone/FAX)."""
    phones = [digits_only(org.phone), digits_only(org.fax)]
    ids = organizations.find_similar(session.database, name_key(org.name), [p for p in phones if p], org.id)
    if not ids:
        return []
    return [_summary(r) for r in organizations.summaries(session.database, ids=ids)]


# --- writing organisations -------------------------------------------------------------------


def _log_changes(
    session: Session,
    entity: str,
    entity_id: int,
    labels: dict[str, str],
    before: Organization | Person,
    after: Organization | Person,
) -> bool:
    """Writes one 変更履歴 line per field whose shown value changed (old → new); caller holds the
    transaction. Returns whether anything changed."""
    old, new = before.display_values(), after.display_values()
    changed = [key for key in labels if old[key] != new[key]]
    change_log.record_many(
        session.database, [(entity, entity_id, "変更", labels[key], old[key], new[key]) for key in changed]
    )
    return bool(changed)


def validate_organization(org: Organization) -> Organization:
    return clean_organization(org, categories(), stages())


def save_organization(session: Session, org: Organization) -> tuple[int, Changes]:
    """Inserts or updates one organisation and logs each changed field in its 変更履歴."""
    cleaned = validate_organization(org)
    database = session.database
    with database.atomic():
        if cleaned.id is None:
            organization_id = organizations.insert(database, cleaned.to_row())
            change_log.record(database, ORGANIZATION, organization_id, "作成", "", "", cleaned.name)
        else:
            before = get_organization(session, cleaned.id)
            organization_id = cleaned.id
            if _log_changes(session, ORGANIZATION, organization_id, ORGANIZATION_FIELDS, before, cleaned):
                organizations.update(database, organization_id, cleaned.to_row())
        organizations.refresh_search_text(database, [organization_id])
    return organization_id, Changes(members=True)


def delete_organization(session: Session, organization_id: int) -> Changes:
    """Moves the organisation to 削除済み; it can be restored with everything it had."""
    database = session.database
    org = get_organization(session, organization_id)
    with database.atomic():
        organizations.set_deleted(database, organization_id, now_text())
        change_log.record(database, ORGANIZATION, organization_id, "削除", "", org.name, "")
    return Changes(members=True)


def restore_organization(session: Session, organization_id: int) -> Changes:
    database = session.database
    org = get_organization(session, organization_id)
    with database.atomic():
        organizations.set_deleted(database, organization_id, None)
        change_log.record(database, ORGANIZATION, organization_id, "復元", "", "", org.name)
        organizations.refresh_search_text(database, [organization_id])
    return Changes(members=True)


def raise_stage(session: Session, organization_id: int, at_least: str) -> bool:
    """Moves the 関係 forward to ``at_least`` unless it is already there or beyond, or the
    organisation declined (辞退・休止). Caller holds the transaction. Returns True if it moved."""
    order = list(stages())
    current = get_organization(session, organization_id)
    if current.stage == order[-1] or order.index(current.stage) >= order.index(at_least):
        return False
    organizations.update(session.database, organization_id, {"stage": at_least})
    change_log.record(
        session.database, ORGANIZATION, organization_id, "変更", ORGANIZATION_FIELDS["stage"], current.stage, at_least
    )
    return True


# --- people ----------------------------------------------------------------------------------


def person_from_row(row: sqlite3.Row) -> Person:
    return from_row(Person, row, started_on=as_date, ended_on=as_date)


def people_of(session: Session, organization_id: int) -> list[Person]:
    """Current people first, then former ones (前任)."""
    return [person_from_row(row) for row in people.for_organization(session.database, organization_id)]


def get_person(session: Session, person_id: int) -> Person:
    row = people.get(session.database, person_id)
    if row is None:
        raise UserFacingError(f"担当者（番号 {person_id}）が見つかりません。")
    return person_from_row(row)


def save_person(session: Session, person: Person) -> tuple[int, Changes]:
    cleaned = clean_person(person)
    database = session.database
    get_organization(session, cleaned.organization_id)
    with database.atomic():
        if cleaned.id is None:
            person_id = people.insert(database, cleaned.to_row())
            change_log.record(database, PERSON, person_id, "作成", "", "", cleaned.name)
        else:
            before = get_person(session, cleaned.id)
            person_id = cleaned.id
            if _log_changes(session, PERSON, person_id, PERSON_FIELDS, before, cleaned):
                people.update(database, person_id, cleaned.to_row())
            if before.organization_id != cleaned.organization_id:
                organizations.refresh_search_text(database, [before.organization_id])
        organizations.refresh_search_text(database, [cleaned.organization_id])
    return person_id, Changes(members=True)


def hand_over(session: Session, person_id: int, successor: Person, on: dt.date) -> tuple[int, Changes]:
    """担当交代: ends the person's period on the day before ``on`` and starts the successor's on
    ``on``. The former person stays, shown as 前任, and the timeline records the change."""
    before = get_person(session, person_id)
    if before.ended_on is not None and before.ended_on < on - dt.timedelta(days=1):
        raise ValidationError(f"{before.name} さんはすでに離任しています。", field="ended_on")
    incoming = clean_person(
        dataclasses.replace(successor, id=None, organization_id=before.organization_id, started_on=on, ended_on=None)
    )
    database = session.database
    with database.atomic():
        successor_id = people.insert(database, incoming.to_row())
        last_day = (on - dt.timedelta(days=1)).isoformat()
        people.update(database, person_id, {"ended_on": last_day, "successor_id": successor_id})
        change_log.record(
            database,
            PERSON,
            person_id,
            "担当交代",
            PERSON_FIELDS["ended_on"],
            before.display_values()["ended_on"],
            last_day,
        )
        change_log.record(
            database, PERSON, successor_id, "作成", "", "", f"{incoming.name}（{before.name} さんの後任）"
        )
        organizations.refresh_search_text(database, [before.organization_id])
    return successor_id, Changes(members=True)


def delete_person(session: Session, person_id: int) -> Changes:
    person = get_person(session, person_id)
    with session.database.atomic():
        people.set_deleted(session.database, person_id, now_text())
        change_log.record(session.database, PERSON, person_id, "削除", "", person.name, "")
        organizations.refresh_search_text(session.database, [person.organization_id])
    return Changes(members=True)


# --- contacts and the timeline -------------------------------------------------------------


def add_contact(session: Session, contact: Contact) -> tuple[int, Changes]:
    """A dated 経過記録 typed by hand; the first contact moves 未接触 to 接触済."""
    kind = normalize_text(contact.kind)
    if kind not in contact_kinds():
        raise ValidationError("種類を選んでください（電話・メール・来庁・訪問・その他）。", field="kind")
    if contact.occurred_on > dt.date.today() + dt.timedelta(days=366):
        raise ValidationError("日付が先すぎます。実際に連絡した日を入力してください。", field="occurred_on")
    get_organization(session, contact.organization_id)
    row = {
        "organization_id": contact.organization_id,
        "occurred_on": contact.occurred_on.isoformat(),
        "kind": kind,
        "note": (contact.note or "").strip(),
        "our_staff": normalize_text(contact.our_staff),
        "person_id": contact.person_id,
    }
    with session.database.atomic():
        if contact.id is None:
            contact_id = contacts.insert(session.database, row)
        else:
            contact_id = contact.id
            contacts.update(session.database, contact_id, row)
        raise_stage(session, contact.organization_id, stages()[1])
    return contact_id, Changes(members=True)


def delete_contact(session: Session, contact_id: int) -> Changes:
    with session.database.atomic():
        contacts.set_deleted(session.database, contact_id, now_text())
    return Changes(members=True)


def timeline(session: Session, organization_id: int) -> list[TimelineEntry]:
    """Newest first: contacts typed by hand, the comings and goings of people, and visits."""
    entries: list[TimelineEntry] = []
    for row in contacts.for_organization(session.database, organization_id):
        who = [
            row["our_staff"] and f"当方: {row['our_staff']}",
            row["person_name"] and f"先方: {row['person_name']} さん",
        ]
        entries.append(
            TimelineEntry(
                on=dt.date.fromisoformat(row["occurred_on"]),
                kind=row["kind"],
                title=row["note"].splitlines()[0] if row["note"] else row["kind"],
                detail="\n".join([*filter(None, who), row["note"]]),
                source="contact",
                source_id=row["id"],
            )
        )
    for person in people_of(session, organization_id):
        if person.started_on:
            entries.append(
                TimelineEntry(person.started_on, "着任", f"{person.name} さん 着任", person.title, "person", person.id)
            )
        if person.ended_on:
            entries.append(
                TimelineEntry(person.ended_on, "離任", f"{person.name} さん 離任", person.title, "person", person.id)
            )
    from kyojushien_desktop.services.visits import timeline_entries  # visits imports this module

    entries.extend(timeline_entries(session, organization_id))
    entries.sort(key=lambda e: (e.on, e.source == "contact"), reverse=True)
    return entries


def history(session: Session, organization_id: int) -> list[ChangeEntry]:
    """The organisation's 変更履歴 and its people's, newest first."""
    rows = list(change_log.for_entity(session.database, ORGANIZATION, organization_id))
    for person in people_of(session, organization_id):
        for row in change_log.for_entity(session.database, PERSON, person.id):
            rows.append(row)
    rows.sort(key=lambda r: (r["changed_at"], r["id"]), reverse=True)
    entries = []
    for row in rows:
        field = row["field"]
        if row["entity"] == PERSON:
            name = get_person(session, row["entity_id"]).name
            field = f"担当者 {name}" + (f"・{field}" if field else "")
        entries.append(ChangeEntry(row["changed_at"], row["action"], field, row["old_value"], row["new_value"]))
    return entries


def describe_date(day: dt.date | None) -> str:
    return wareki.format_date(day) if day else ""

"""経過記録 typed by hand: a dated call, mail, visit or meeting with an organisation."""

from __future__ import annotations

import datetime as dt

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.members import Contact, normalize_text, now_text
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members.organizations import get_organization, raise_stage
from kyojushien_desktop.services.members.terms import contact_kinds, stages
from kyojushien_desktop.store import contacts


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
        moved = raise_stage(session, contact.organization_id, stages()[1])
    return contact_id, Changes.of(Topic.CONTACTS, *([Topic.ORGANIZATIONS] if moved else []))


def delete_contact(session: Session, contact_id: int) -> Changes:
    with session.database.atomic():
        contacts.set_deleted(session.database, contact_id, now_text())
    return Changes.of(Topic.CONTACTS)

"""地域資源: the register of セーフティネット住宅, 居住サポート住宅, 協力不動産店, シェルター and
offered 空き家, each linked to the 名簿's organisations, filtered by kind and target group."""

from __future__ import annotations

import datetime as dt

from kyojushien_desktop.content.region import region_guide
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.domain.region import Resource, check_resource
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import region as store


def kinds() -> tuple[str, ...]:
    return tuple(k.key for k in region_guide().resource_kinds)


def kind_label(key: str) -> str:
    return next((k.label for k in region_guide().resource_kinds if k.key == key), key)


def list_resources(
    session: Session, *, kind: str = "", target: str = "", organization_id: int | None = None
) -> list[Resource]:
    """Live resources, filtered by kind, by a 対象の要配慮者 and by a linked organisation."""
    found = store.resources(session.database)
    if kind:
        found = [r for r in found if r.kind == kind]
    if target:
        found = [r for r in found if target in r.targets]
    if organization_id is not None:
        found = [r for r in found if any(link.organization_id == organization_id for link in r.links)]
    return found


def deleted_resources(session: Session) -> list[Resource]:
    return store.resources(session.database, deleted=True)


def save_resource(session: Session, item: Resource) -> tuple[int, Changes]:
    cleaned = check_resource(item, kinds())
    with session.database.atomic():
        resource_id = store.save_resource(session.database, cleaned)
    return resource_id, Changes.of(Topic.REGION)


def delete_resource(session: Session, resource_id: int) -> Changes:
    with session.database.atomic():
        store.set_resource_deleted(session.database, resource_id, now_text())
    return Changes.of(Topic.REGION)


def restore_resource(session: Session, resource_id: int) -> Changes:
    with session.database.atomic():
        store.set_resource_deleted(session.database, resource_id, None)
    return Changes.of(Topic.REGION)


def total_units(items: list[Resource]) -> int:
    return sum(r.units or 0 for r in items)


def registered_label(day: dt.date | None) -> str:
    from kyojushien_desktop.domain.wareki import format_date

    return format_date(day) if day else ""

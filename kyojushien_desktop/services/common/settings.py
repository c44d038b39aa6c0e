"""The municipality's settings (自治体名, 担当課, 担当者名, 次の人事異動予定日)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import settings as settings_store


@dataclass(frozen=True)
class TownSettings:
    municipality: str = ""
    department: str = ""
    staff_name: str = ""
    next_rotation: dt.date | None = None
    is_sample: bool = False


def load_settings(session: Session) -> TownSettings:
    raw = settings_store.read_all(session.database)
    rotation = raw.get("next_rotation")
    return TownSettings(
        municipality=raw.get("municipality", ""),
        department=raw.get("department", ""),
        staff_name=raw.get("staff_name", ""),
        next_rotation=dt.date.fromisoformat(rotation) if rotation else None,
        is_sample=raw.get("is_sample") == "1",
    )


def rotation_date(values: TownSettings, today: dt.date | None = None) -> dt.date:
    """The 次の人事異動予定日 as set, or the next 1 April when it was never set."""
    return values.next_rotation or wareki.next_april_first(today or dt.date.today())


def validate(values: TownSettings) -> TownSettings:
    cleaned = TownSettings(
        municipality=values.municipality.strip(),
        department=values.department.strip(),
        staff_name=values.staff_name.strip(),
        next_rotation=values.next_rotation,
        is_sample=values.is_sample,
    )
    if not cleaned.municipality:
        raise ValidationError("自治体名を入力してください。", field="municipality")
    if len(cleaned.municipality) > 40:
        raise ValidationError("自治体名は40文字以内で入力してください。", field="municipality")
    if len(cleaned.department) > 60:
        raise ValidationError("担当課は60文字以内で入力してください。", field="department")
    if len(cleaned.staff_name) > 40:
        raise ValidationError("担当者名は40文字以内で入力してください。", field="staff_name")
    return cleaned


def save_settings(session: Session, values: TownSettings) -> Changes:
    cleaned = validate(values)
    with session.database.atomic():
        settings_store.write(
            session.database,
            {
                "municipality": cleaned.municipality,
                "department": cleaned.department,
                "staff_name": cleaned.staff_name,
                "next_rotation": cleaned.next_rotation.isoformat() if cleaned.next_rotation else "",
                "is_sample": "1" if cleaned.is_sample else "0",
            },
        )
    return Changes.of(Topic.SETTINGS)

"""What both 名簿 documents (the Excel hand-over copy and the printed list) are made from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kyojushien_desktop.domain.members import Organization, Person

TITLE = "構成員・関係団体名簿"


@dataclass(frozen=True)
class ContactLine:
    """One 経過記録 typed by hand, with the name of the person met (先方) resolved."""

    on: dt.date
    kind: str
    note: str = ""
    our_staff: str = ""
    person: str = ""


@dataclass(frozen=True)
class DirectoryRecord:
    """An organisation as the list shows it (its current people, its last contact) and, for the
    hand-over copy, all its people (前任 too) and its 経過記録, newest first."""

    organization: Organization
    people_now: str = ""
    last_contact: dt.date | None = None
    people: tuple[Person, ...] = ()
    contacts: tuple[ContactLine, ...] = ()

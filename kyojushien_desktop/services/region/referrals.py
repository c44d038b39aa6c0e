"""つなぎ先一覧: for each 主たる課題 of seed 003's table (and the town's own), the public desks of the
名簿 that take such people, in the order the town chose, for landlords and 居住支援法人."""

from __future__ import annotations

from typing import NamedTuple

from kyojushien_desktop.content.region import region_guide
from kyojushien_desktop.domain.region import OWN_ISSUE, Referral, check_referral
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import region as store


class IssueDesks(NamedTuple):
    key: str
    label: str
    desks: tuple[Referral, ...]


def referral_table(session: Session) -> list[IssueDesks]:
    """The guide's 主たる課題 in its order, each with its desks (maybe none), then the town's own."""
    saved = store.referrals(session.database)
    table = [IssueDesks(i.key, i.label, tuple(r for r in saved if r.issue_key == i.key)) for i in region_guide().issues]
    own: dict[str, list[Referral]] = {}
    for r in saved:
        if r.issue_key == OWN_ISSUE:
            own.setdefault(r.issue_label, []).append(r)
    table += [IssueDesks(OWN_ISSUE, label, tuple(desks)) for label, desks in own.items()]
    return table


def save_referral(session: Session, item: Referral) -> tuple[int, Changes]:
    cleaned = check_referral(item, tuple(i.key for i in region_guide().issues))
    with session.database.atomic():
        referral_id = store.save_referral(session.database, cleaned)
    return referral_id, Changes.of(Topic.REGION)


def delete_referral(session: Session, referral_id: int) -> Changes:
    with session.database.atomic():
        store.delete_referral(session.database, referral_id)
    return Changes.of(Topic.REGION)

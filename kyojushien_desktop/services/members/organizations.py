"""構成員・関係団体名簿: one function per user action on organisations (団体・機関), and the
per-field 変更履歴 every save writes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from kyojushien_desktop.content.abbreviations import abbreviations
from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.kana import digits_only, gojuon_key, search_key
from kyojushien_desktop.domain.members import (
    ORGANIZATION_FIELDS,
    Organization,
    OrganizationSummary,
    Person,
    clean_organization,
    name_key,
    now_text,
)
from kyojushien_desktop.domain.search import SearchQuery, Synonyms
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members.terms import categories, default_roles, stages
from kyojushien_desktop.store import change_log, organization_search, organizations

ORGANIZATION = "organization"
PERSON = "person"


def new_organization(category: str = "", name: str = "") -> Organization:
    """A blank record; without ``category`` the 区分 is left for the user to choose."""
    return Organization(name=name, category=category, expected_roles=default_roles(category) if category else "")


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganizationFilter:
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


def list_organizations(session: Session, flt: OrganizationFilter | None = None) -> list[OrganizationSummary]:
    """Live organisations in 五十音 order (by よみがな), filtered."""
    flt = flt or OrganizationFilter()
    ids = search_ids(session, flt.query) if flt.query.strip() else None
    return [row for row in organizations.summaries(session.database, ids=ids) if flt.accepts(row)]


@functools.cache
def _synonyms() -> tuple[Synonyms, ...]:
    return tuple(Synonyms.of(entry.short, entry.full) for entry in abbreviations())


def _parse(query: str) -> SearchQuery:
    """What a typed search means: its words, each with the trade's abbreviations expanded
    (resources/search/abbreviations.json), and its digits when it reads as a phone number."""
    return SearchQuery.parse(query, _synonyms())


def search_ids(session: Session, query: str) -> list[int]:
    """As-you-type search over names, よみがな, people and notes, in 五十音 order: ひらがな/カタカナ,
    full/half width and case are equal, every word typed must match, 社協 finds 社会福祉協議会 (and
    back), and a phone number matches by its digits."""
    return organization_search.search_ids(session.database, _parse(query))


def matcher(query: str) -> Callable[..., bool]:
    """The same rule as ``search_ids`` for texts in hand (a picker's names, a record just typed):
    parsed once, the function returned takes one item's texts and is True when every word of
    ``query`` is found in one of them (あさひ finds アサヒ, 社協 finds 社会福祉協議会)."""
    parsed = _parse(query)

    def matches(*texts: str) -> bool:
        folded = "\n".join(search_key(text) for text in texts)
        return parsed.matches(folded, " ".join(digits_only(text) for text in texts))

    return matches


def search_organizations(session: Session, query: str) -> list[OrganizationSummary]:
    ids = search_ids(session, query)
    if not ids:
        return []
    return organizations.summaries(session.database, ids=ids)


def get_organization(session: Session, organization_id: int) -> Organization:
    org = organizations.get(session.database, organization_id)
    if org is None:
        raise UserFacingError(f"団体・機関（番号 {organization_id}）が見つかりません。削除された可能性があります。")
    return org


def deleted_organizations(session: Session) -> list[OrganizationSummary]:
    return organizations.summaries(session.database, deleted=True)


def all_tags(session: Session) -> list[str]:
    """The タグ in use, in the order a Japanese index lists them: 英数字, then かな in 五十音 order
    (ひらがな and カタカナ together), then 漢字 by their JIS order, which follows the usual
    音読み in 五十音 order (tags have no よみがな of their own)."""
    return sorted(organizations.tags_in_use(session.database), key=gojuon_key)


def find_similar(session: Session, org: Organization) -> list[OrganizationSummary]:
    """Organisations that look like the same one (表記ゆれ of the name, or a shared phone/FAX)."""
    phones = [digits_only(org.phone), digits_only(org.fax)]
    ids = organizations.find_similar(session.database, name_key(org.name), [p for p in phones if p], org.id)
    if not ids:
        return []
    return organizations.summaries(session.database, ids=ids)


# --- writing organisations -------------------------------------------------------------------


def log_changes(
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
            if log_changes(session, ORGANIZATION, organization_id, ORGANIZATION_FIELDS, before, cleaned):
                organizations.update(database, organization_id, cleaned.to_row())
        organizations.refresh_search_text(database, [organization_id])
    return organization_id, Changes.of(Topic.ORGANIZATIONS)


def delete_organization(session: Session, organization_id: int) -> Changes:
    """Moves the organisation to 削除済み; it can be restored with everything it had."""
    database = session.database
    org = get_organization(session, organization_id)
    with database.atomic():
        organizations.set_deleted(database, organization_id, now_text())
        change_log.record(database, ORGANIZATION, organization_id, "削除", "", org.name, "")
    return Changes.of(Topic.ORGANIZATIONS)


def restore_organization(session: Session, organization_id: int) -> Changes:
    database = session.database
    org = get_organization(session, organization_id)
    with database.atomic():
        organizations.set_deleted(database, organization_id, None)
        change_log.record(database, ORGANIZATION, organization_id, "復元", "", "", org.name)
        organizations.refresh_search_text(database, [organization_id])
    return Changes.of(Topic.ORGANIZATIONS)


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

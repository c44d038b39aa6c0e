"""The 名簿's vocabulary for the services: the guide's 区分, the 関係 stages and the kinds of 経過記録."""

from __future__ import annotations

from kyojushien_desktop.content.member_terms import member_terms
from kyojushien_desktop.content.members import member_categories, member_category


def categories() -> tuple[str, ...]:
    """The 区分 of the guide's 構成員の例, in the guide's order."""
    return tuple(category.name for category in member_categories())


def stages() -> tuple[str, ...]:
    return member_terms().stage_names


def contact_kinds() -> tuple[str, ...]:
    return member_terms().contact_kinds


def default_roles(category: str) -> str:
    """期待される役割 pre-filled from the guide's text for the 区分."""
    try:
        roles = member_category(category).roles
    except KeyError:
        return ""
    return "\n".join(f"・{role}" for role in roles)


def bank_for_category() -> tuple[tuple[str, str], ...]:
    return member_terms().bank_for_category

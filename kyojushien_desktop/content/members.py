"""Chapter 2 of the guide: the 構成員 categories with their expected roles, and the council's activities (resources/guide/members.json)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from kyojushien_desktop.content.loader import read_guide, str_tuple, str_value


@dataclass(frozen=True, slots=True)
class MemberCategory:
    """A kind of council member and the roles the guide expects of it (p23).

    ``guide_name`` is the heading as printed in the guide when the app uses a shorter name.
    """

    key: str
    name: str
    roles: tuple[str, ...]
    guide_name: str


@dataclass(frozen=True, slots=True)
class Activity:
    """One of the council's three main activities (土台づくり / 仕組みづくり / 資源づくり, p19)."""

    key: str
    name: str
    subtitle: str
    motto: str
    page: int


@functools.cache
def member_categories() -> tuple[MemberCategory, ...]:
    """The nine member categories in the guide's order, used to classify the contact list."""

    def build(d: dict[str, Any]) -> tuple[MemberCategory, ...]:
        return tuple(
            MemberCategory(
                key=str_value(c["key"]),
                name=str_value(c["name"]),
                roles=str_tuple(c["roles"]),
                guide_name=str_value(c.get("guide_name", c["name"])),
            )
            for c in d["categories"]
        )

    return read_guide("members.json", build)


def member_category(name_or_key: str) -> MemberCategory:
    """A category by its key, name or the guide's heading, so stored data may use either."""
    for c in member_categories():
        if name_or_key in (c.key, c.name, c.guide_name):
            return c
    raise KeyError(f"構成員の区分 {name_or_key} はありません")


@functools.cache
def member_intro() -> tuple[str, ...]:
    """The three lead bullets of p23 (no fixed form, スモールスタート, …)."""
    return read_guide("members.json", lambda d: str_tuple(d["intro"]))


@functools.cache
def member_admin_note() -> str:
    """The note on what administrative staff bring: the whole-area view."""
    return read_guide("members.json", lambda d: str_value(d["admin_note"]))


@functools.cache
def member_activities() -> tuple[Activity, ...]:
    """The council's three main activities, to tag meetings and actions."""

    def build(d: dict[str, Any]) -> tuple[Activity, ...]:
        return tuple(
            Activity(
                key=str_value(a["key"]),
                name=str_value(a["name"]),
                subtitle=str_value(a["subtitle"]),
                motto=str_value(a["motto"]),
                page=int(a["page"]),
            )
            for a in d["activities"]
        )

    return read_guide("members.json", build)


@functools.cache
def members_source() -> str:
    """Where chapter 2 comes from (the guide, its date and pages), shown under the text that quotes it."""
    return read_guide("members.json", lambda d: str_value(d["source"]))

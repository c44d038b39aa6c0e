"""The rules that propose evidence for a 到達の目安 from the records (resources/progress_terms.json
names, per 目安, one of the small functions here and its parameters). They only propose: the
staff member links what really supports the 目安."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any, NamedTuple

from kyojushien_desktop.domain.progress import DOCUMENT, MEETING, ORGANIZATION, VISIT, Suggestion


class OrganizationFacts(NamedTuple):
    id: int
    name: str
    category: str
    internal: bool
    stage: str
    has_notes: bool  # 得意なこと or 困りごと filled


class VisitFacts(NamedTuple):
    id: int
    organization_name: str
    category: str
    internal: bool
    on: dt.date


class MeetingFacts(NamedTuple):
    id: int
    kind: str
    title: str
    on: dt.date


class RoundFacts(NamedTuple):
    """A 診断シート round: each item's mean over its respondents (unrated items absent), and its
    change since the round before for the same people (absent when either did not rate it)."""

    id: int
    name: str
    on: dt.date
    means: dict[str, float]
    changes: dict[str, float]


class Records(NamedTuple):
    """What the rules read: live organisations, visits that took place, meetings held, the
    診断シート's rounds."""

    organizations: tuple[OrganizationFacts, ...]
    visits: tuple[VisitFacts, ...]
    meetings: tuple[MeetingFacts, ...]
    rounds: tuple[RoundFacts, ...] = ()


Rule = Callable[[str, Records, dict[str, Any]], list[Suggestion]]


def meetings_of(milestone: str, records: Records, params: dict[str, Any]) -> list[Suggestion]:
    kinds = set(params["kinds"])
    return [
        Suggestion(milestone, MEETING, m.id, f"{m.kind}「{m.title}」", params["reason"], m.on)
        for m in records.meetings
        if m.kind in kinds
    ]


def recurring_meetings(milestone: str, records: Records, params: dict[str, Any]) -> list[Suggestion]:
    """Meetings of the kinds only once there are ``at_least`` of one kind: a place that recurs."""
    kinds = set(params["kinds"])
    counts = Counter(m.kind for m in records.meetings if m.kind in kinds)
    recurring = {kind for kind, n in counts.items() if n >= int(params["at_least"])}
    found = [m for m in records.meetings if m.kind in recurring]
    return [Suggestion(milestone, MEETING, m.id, f"{m.kind}「{m.title}」", params["reason"], m.on) for m in found]


def visits_to(milestone: str, records: Records, params: dict[str, Any]) -> list[Suggestion]:
    categories = set(params.get("categories") or [])
    return [
        Suggestion(milestone, VISIT, v.id, f"{v.organization_name}へのヒアリング", params["reason"], v.on)
        for v in records.visits
        if v.internal == params["internal"] and (not categories or v.category in categories)
    ]


def organizations(milestone: str, records: Records, params: dict[str, Any]) -> list[Suggestion]:
    categories = set(params.get("categories") or [])
    stages = set(params.get("stages") or [])
    internal = params.get("internal")
    return [
        Suggestion(milestone, ORGANIZATION, o.id, f"{o.name}（{o.category}・{o.stage}）", params["reason"])
        for o in records.organizations
        if (internal is None or o.internal == internal)
        and (not categories or o.category in categories)
        and (not stages or o.stage in stages)
        and (o.has_notes or not params.get("needs_notes"))
    ]


def diagnosis_rounds(milestone: str, records: Records, params: dict[str, Any]) -> list[Suggestion]:
    """Rounds whose respondents rate the 目安 ``at_least`` on average: a 資料 kept in this app (the
    milestone_evidence kinds have no round, so it is linked by name and place); the reason gives
    the mean and, when the same people answered before, the change since."""
    found = []
    for r in records.rounds:
        if r.means.get(milestone, 0) < float(params["at_least"]):
            continue
        change = f"、同じ人の前回から{r.changes[milestone]:+.1f}" if milestone in r.changes else ""
        reason = f"{params['reason']}（平均{r.means[milestone]:.1f}{change}）"
        found.append(Suggestion(milestone, DOCUMENT, r.id, r.name, reason, r.on, params["place"]))
    return found


RULES: dict[str, Rule] = {
    "meetings_of": meetings_of,
    "recurring_meetings": recurring_meetings,
    "visits_to": visits_to,
    "organizations": organizations,
    "diagnosis_rounds": diagnosis_rounds,
}

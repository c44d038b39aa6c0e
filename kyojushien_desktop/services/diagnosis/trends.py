"""Rounds over time (目線合わせ診断シート, issue 11 item 5): for the same people (by name) or one
部局 across rounds, the mean per phase per round and the change per item between two rounds; the
rounds' means are what フェーズ進捗 is offered as evidence."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from kyojushien_desktop.content.diagnosis import diagnosis_sheet
from kyojushien_desktop.domain.diagnosis import Respondent
from kyojushien_desktop.domain.progress_rules import RoundFacts
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.diagnosis import rounds


@dataclass(frozen=True)
class RoundTrend:
    """One round seen through the chosen respondents."""

    round_id: int
    name: str
    held_on: dt.date
    respondents: int
    phase_means: dict[int, float | None]  # phase number → mean of every score given in it
    item_means: dict[str, float]  # item id → mean (items nobody rated are absent)


@dataclass(frozen=True)
class ItemChange:
    """One item's mean in an earlier and a later round; ``change`` is None when either is unrated."""

    item_id: str
    phase: int
    text: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


def common_names(session: Session, round_ids: list[int]) -> list[str]:
    """The respondents (by name) found in every one of the rounds, in the first round's order:
    the same people, so that a change is not only a change of who answered."""
    if not round_ids:
        return []
    others = [{p.name for p in rounds.respondents_of(session, r)} for r in round_ids[1:]]
    return [p.name for p in rounds.respondents_of(session, round_ids[0]) if all(p.name in o for o in others)]


def round_trends(
    session: Session, round_ids: list[int] | None = None, names: list[str] | None = None, bureau: str | None = None
) -> list[RoundTrend]:
    """The rounds (all live ones when None), oldest first, each through the respondents named
    (all when None) of the 部局 given (any when None)."""
    summaries = list(reversed(rounds.list_rounds(session)))
    if round_ids is not None:
        wanted = set(round_ids)
        summaries = [s for s in summaries if s.id in wanted]
    chosen = set(names) if names is not None else None
    found = []
    for summary in summaries:
        people = [
            p
            for p in rounds.respondents_of(session, summary.id)
            if (chosen is None or p.name in chosen) and (bureau is None or p.bureau == bureau)
        ]
        found.append(_trend(summary.id, summary.name, summary.held_on, people))
    return found


def _trend(round_id: int, name: str, held_on: dt.date, people: list[Respondent]) -> RoundTrend:
    sheet = diagnosis_sheet()
    item_means = {}
    for item in sheet.items:
        given = [p.scores[item.id] for p in people if item.id in p.scores]
        if given:
            item_means[item.id] = statistics.fmean(given)
    phase_means: dict[int, float | None] = {}
    for phase in sheet.phases:
        given = [p.scores[i.id] for i in sheet.items_for(phase.number) for p in people if i.id in p.scores]
        phase_means[phase.number] = statistics.fmean(given) if given else None
    return RoundTrend(round_id, name, held_on, len(people), phase_means, item_means)


def item_changes(before: RoundTrend, after: RoundTrend) -> list[ItemChange]:
    """Every item of the sheet, its mean before and after (in the sheet's order)."""
    return [
        ItemChange(item.id, item.phase, item.text, before.item_means.get(item.id), after.item_means.get(item.id))
        for item in diagnosis_sheet().items
    ]


def evidence_facts(session: Session) -> tuple[RoundFacts, ...]:
    """Every live round with its items' means over all its respondents and their change since the
    round before among the same people, for フェーズ進捗's rule ``diagnosis_rounds``
    (resources/progress_terms.json)."""
    found = []
    every = round_trends(session)
    for index, after in enumerate(every):
        changes: dict[str, float] = {}
        if index:
            pair = [every[index - 1].round_id, after.round_id]
            then, now = round_trends(session, pair, names=common_names(session, pair))
            changes = {c.item_id: c.change for c in item_changes(then, now) if c.change is not None}
        found.append(RoundFacts(after.round_id, after.name, after.held_on, after.item_means, changes))
    return tuple(found)

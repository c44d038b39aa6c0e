"""Chapter 4 of the guide: the four phases, their 取組み例 and 到達の目安, the ポイント and the towns' process charts (resources/guide/phases.json)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from kyojushien_desktop.content.loader import read_guide, str_tuple, str_value


@dataclass(frozen=True, slots=True)
class Milestone:
    """One 到達の目安; the same 21 items are the rows of the diagnostic sheet."""

    id: str
    phase: int
    text: str


@dataclass(frozen=True, slots=True)
class PhaseExample:
    """A 取組み例 of a phase, with the municipality's photo caption as ``case``."""

    title: str
    points: tuple[str, ...]
    case: str


@dataclass(frozen=True, slots=True)
class Phase:
    number: int
    title: str
    scope: str
    page: int
    aim: tuple[str, ...]
    examples: tuple[PhaseExample, ...]
    milestone_lead: str
    milestones: tuple[Milestone, ...]


@dataclass(frozen=True, slots=True)
class GuidePoint:
    """One of the six ポイント for working towards setting up a council (p39)."""

    title: str
    body: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CaseEvent:
    date: str
    text: str


@dataclass(frozen=True, slots=True)
class ProcessCase:
    """A municipality's timeline to a council (八代市, 伊豆の国市), shown as a worked example."""

    city: str
    lead: str
    page: int
    summary: tuple[str, ...]
    events: tuple[CaseEvent, ...]


def _phase(raw: dict[str, Any]) -> Phase:
    number = int(raw["number"])
    return Phase(
        number=number,
        title=str_value(raw["title"]),
        scope=str_value(raw["scope"]),
        page=int(raw["page"]),
        aim=str_tuple(raw["aim"]),
        examples=tuple(
            PhaseExample(title=str_value(e["title"]), points=str_tuple(e["points"]), case=str_value(e["case"]))
            for e in raw["examples"]
        ),
        milestone_lead=str_value(raw["milestone_lead"]),
        milestones=tuple(
            Milestone(id=str_value(m["id"]), phase=number, text=str_value(m["text"])) for m in raw["milestones"]
        ),
    )


@functools.cache
def phases() -> tuple[Phase, ...]:
    """The four phases to a council, in order; the backbone of the progress screens."""
    return read_guide("phases.json", lambda d: tuple(_phase(p) for p in d["phases"]))


def phase(number: int) -> Phase:
    """One phase by its number (1–4); a wrong number is a programming error, so it raises."""
    for p in phases():
        if p.number == number:
            return p
    raise KeyError(f"フェーズ {number} はありません")


@functools.cache
def milestones() -> tuple[Milestone, ...]:
    """All 21 到達の目安 in order 1-1 … 4-5, for checklists that span the phases."""
    return tuple(m for p in phases() for m in p.milestones)


def milestone(milestone_id: str) -> Milestone:
    """One 到達の目安 by id (e.g. "2-5"); stored records refer to milestones by this id."""
    for m in milestones():
        if m.id == milestone_id:
            return m
    raise KeyError(f"到達の目安 {milestone_id} はありません")


@functools.cache
def phases_intro() -> tuple[str, ...]:
    """The guide's two-line explanation of the four phases (p31)."""
    return read_guide("phases.json", lambda d: str_tuple(d["intro"]))


@functools.cache
def phases_source() -> str:
    """Where chapter 4 comes from (the guide, its date and pages), for papers that quote it."""
    return read_guide("phases.json", lambda d: str_value(d["source"]))


@functools.cache
def milestone_check() -> str:
    """The sentence that asks what was learnt and shared before moving on to the next phase."""
    return read_guide("phases.json", lambda d: str_value(d["milestone_check"]))


@functools.cache
def guide_points() -> tuple[GuidePoint, ...]:
    """The six ポイント of p39 (e.g. 人事異動を踏まえたスケジュール調整)."""
    return read_guide(
        "phases.json",
        lambda d: tuple(GuidePoint(title=str_value(p["title"]), body=str_tuple(p["body"])) for p in d["points"]),
    )


@functools.cache
def guide_points_lead() -> str:
    """The one-line lead above the six ポイント."""
    return read_guide("phases.json", lambda d: str_value(d["points_lead"]))


@functools.cache
def process_cases() -> tuple[ProcessCase, ...]:
    """The 八代市 (住宅部局主導) and 伊豆の国市 (福祉部局主導) timelines of p36–p37."""

    def build(d: dict[str, Any]) -> tuple[ProcessCase, ...]:
        return tuple(
            ProcessCase(
                city=str_value(c["city"]),
                lead=str_value(c["lead"]),
                page=int(c["page"]),
                summary=str_tuple(c["summary"]),
                events=tuple(CaseEvent(date=str_value(e["date"]), text=str_value(e["text"])) for e in c["events"]),
            )
            for c in d["cases"]
        )

    return read_guide("phases.json", build)

"""Chapter 6 of the guide: planning a study session or exchange meeting (resources/guide/meetings.json)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from kyojushien_desktop.content.loader import read_guide, str_tuple, str_value


@dataclass(frozen=True, slots=True)
class PlanExample:
    """A situation and the kind of meeting the guide suggests for it."""

    situation: str
    plan: str


@dataclass(frozen=True, slots=True)
class MeetingStep:
    """One thing to do before or after a lecture or discussion."""

    title: str
    body: tuple[str, ...]
    examples: tuple[PlanExample, ...]


@dataclass(frozen=True, slots=True)
class LectureTheme:
    """A row of the p48 table: participants' situation → suggested lecture themes."""

    situations: tuple[str, ...]
    themes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MeetingGoal:
    """A row of the p49 table: stage, goal to reach, discussion theme and its points."""

    stage: str
    goal: str
    theme: str
    points: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SeatingStyle:
    name: str
    points: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Facilitator:
    """How the facilitator sets the tone, with the guide's two sample remarks."""

    title: str
    lead: str
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MeetingPlanning:
    """Chapter 6's advice for planning lectures and discussions, in the guide's order."""

    source: str
    intro: str
    scenes: tuple[str, ...]
    before: tuple[MeetingStep, ...]
    after: tuple[MeetingStep, ...]
    lecture_points: tuple[str, ...]
    lecture_themes: tuple[LectureTheme, ...]
    speaker_search: tuple[str, ...]
    goals_lead: tuple[str, ...]
    goals: tuple[MeetingGoal, ...]
    atmosphere: tuple[str, ...]
    seating: tuple[SeatingStyle, ...]
    record_tip_title: str
    record_tip: str
    facilitator: Facilitator


def _steps(raw: list[dict[str, Any]]) -> tuple[MeetingStep, ...]:
    return tuple(
        MeetingStep(
            title=str_value(s["title"]),
            body=str_tuple(s["body"]),
            examples=tuple(
                PlanExample(situation=str_value(e["situation"]), plan=str_value(e["plan"]))
                for e in s.get("examples", [])
            ),
        )
        for s in raw
    )


@functools.cache
def meeting_planning() -> MeetingPlanning:
    """Everything the meeting-planning screen shows, read once."""

    def build(d: dict[str, Any]) -> MeetingPlanning:
        f = d["facilitator"]
        return MeetingPlanning(
            source=str_value(d["source"]),
            intro=str_value(d["intro"]),
            scenes=str_tuple(d["scenes"]),
            before=_steps(d["before"]),
            after=_steps(d["after"]),
            lecture_points=str_tuple(d["lecture_points"]),
            lecture_themes=tuple(
                LectureTheme(situations=str_tuple(r["situations"]), themes=str_tuple(r["themes"]))
                for r in d["lecture_themes"]
            ),
            speaker_search=str_tuple(d["speaker_search"]),
            goals_lead=str_tuple(d["goals_lead"]),
            goals=tuple(
                MeetingGoal(
                    stage=str_value(g["stage"]),
                    goal=str_value(g["goal"]),
                    theme=str_value(g["theme"]),
                    points=str_tuple(g["points"]),
                )
                for g in d["goals"]
            ),
            atmosphere=str_tuple(d["atmosphere"]),
            seating=tuple(SeatingStyle(name=str_value(s["name"]), points=str_tuple(s["points"])) for s in d["seating"]),
            record_tip_title=str_value(d["record_tip_title"]),
            record_tip=str_value(d["record_tip"]),
            facilitator=Facilitator(
                title=str_value(f["title"]), lead=str_value(f["lead"]), examples=str_tuple(f["examples"])
            ),
        )

    return read_guide("meetings.json", build)

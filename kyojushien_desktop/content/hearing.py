"""Chapter 5 of the guide: hearing targets, the 質問例 banks, ヒアリングのコツ and 情報のお土産 (resources/guide/hearing.json)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from kyojushien_desktop.content.loader import read_guide, str_tuple, str_value


@dataclass(frozen=True, slots=True)
class HearingSection:
    key: str
    title: str
    lead: str


@dataclass(frozen=True, slots=True)
class HearingTarget:
    """Who to visit (e.g. 不動産業界団体へのヒアリング) with the guide's example organisations."""

    key: str
    section: str
    title: str
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GuideQuestion:
    """One question; ``key`` is stable so that recorded answers keep pointing at it."""

    key: str
    text: str


@dataclass(frozen=True, slots=True)
class GuideQuestionBank:
    """A 質問例 list. ``derived`` banks are built by the app from the guide's text, not printed in it;
    ``source_text`` is the guide's original line for the printed ones (empty for derived banks)."""

    key: str
    name: str
    guide_heading: str
    target_keys: tuple[str, ...]
    derived: bool
    questions: tuple[GuideQuestion, ...]
    source_text: str
    derived_note: str


@dataclass(frozen=True, slots=True)
class HearingTip:
    number: int
    title: str
    body: str


@functools.cache
def hearing_sections() -> tuple[HearingSection, ...]:
    """The two sides of a hearing: private rentals and the people needing housing support."""
    return read_guide(
        "hearing.json",
        lambda d: tuple(
            HearingSection(key=str_value(s["key"]), title=str_value(s["title"]), lead=str_value(s["lead"]))
            for s in d["sections"]
        ),
    )


@functools.cache
def hearing_targets() -> tuple[HearingTarget, ...]:
    """The four kinds of hearing target of p44, to plan visits."""
    return read_guide(
        "hearing.json",
        lambda d: tuple(
            HearingTarget(
                key=str_value(t["key"]),
                section=str_value(t["section"]),
                title=str_value(t["title"]),
                examples=str_tuple(t["examples"]),
            )
            for t in d["targets"]
        ),
    )


@functools.cache
def question_banks() -> tuple[GuideQuestionBank, ...]:
    """The question lists offered when preparing a hearing (two from the guide, one derived)."""

    def build(d: dict[str, Any]) -> tuple[GuideQuestionBank, ...]:
        return tuple(
            GuideQuestionBank(
                key=str_value(b["key"]),
                name=str_value(b["name"]),
                guide_heading=str_value(b["guide_heading"]),
                target_keys=str_tuple(b["target_keys"]),
                derived=bool(b.get("derived", False)),
                questions=tuple(
                    GuideQuestion(key=str_value(q["key"]), text=str_value(q["text"])) for q in b["questions"]
                ),
                source_text=str_value(b.get("source_text", "")),
                derived_note=str_value(b.get("derived_note", "")),
            )
            for b in d["question_banks"]
        )

    return read_guide("hearing.json", build)


def question_bank(key: str) -> GuideQuestionBank:
    """One question bank by key ("real_estate", "welfare", "public_housing")."""
    for b in question_banks():
        if b.key == key:
            return b
    raise KeyError(f"質問例 {key} はありません")


@functools.cache
def hearing_tips() -> tuple[HearingTip, ...]:
    """The two ヒアリングのコツ, shown beside the hearing form."""
    return read_guide(
        "hearing.json",
        lambda d: tuple(
            HearingTip(number=int(t["number"]), title=str_value(t["title"]), body=str_value(t["body"]))
            for t in d["tips"]
        ),
    )


@functools.cache
def souvenirs() -> tuple[str, ...]:
    """The guide's examples of 「情報のお土産」 to bring to a hearing."""
    return read_guide("hearing.json", lambda d: str_tuple(d["souvenirs"]))


@functools.cache
def hearing_source() -> str:
    """Where chapter 5's hearing text comes from (the guide, its date and pages), for screens that quote it."""
    return read_guide("hearing.json", lambda d: str_value(d["source"]))

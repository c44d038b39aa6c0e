"""The guide as a planning companion (手引き 6章 p48–p50): which of the guide's participant
situations the planner's own words come close to (so their 講演のテーマ例 can be offered), and
which seating the number of participants suggests, with the guide's points for it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.content.meetings import MeetingGoal, SeatingStyle, meeting_planning
from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.domain.meetings import suggested_seating

_SENTENCES = re.compile(r"[。\n！？!?]")
_NOT_WORDS = re.compile(r"[、，,.．・「」『』（）()\s]")
# A sentence matches a situation when it shares this share of the shorter one's character pairs,
# and at least a few of them: 「不動産関係者の困りごとを知らない」 finds the guide's 「福祉関係者が、
# 不動産関係者の困りごと等を知らない」, 「職員の異動が多い」 finds nothing.
MATCH_SHARE = 0.55
MATCH_PAIRS = 4


def _pairs(text: str) -> Counter[str]:
    key = _NOT_WORDS.sub("", search_key(text))
    return Counter(key[i : i + 2] for i in range(len(key) - 1))


def _close(situation: Counter[str], sentence: Counter[str]) -> bool:
    if not situation or not sentence:
        return False
    shared = sum((situation & sentence).values())
    return shared >= MATCH_PAIRS and shared / min(sum(situation.values()), sum(sentence.values())) >= MATCH_SHARE


def situations() -> tuple[str, ...]:
    """Every situation of the guide's 講演のテーマ例 table, in its order."""
    return tuple(s for row in meeting_planning().lecture_themes for s in row.situations)


def matching_situations(text: str) -> tuple[str, ...]:
    """The guide's situations that a sentence of ``text`` (参加者の状況 as typed) comes close to,
    in the guide's order; a situation copied in whole always matches."""
    sentences = [_pairs(s) for s in _SENTENCES.split(text) if s.strip()]
    typed = search_key(text)
    found = []
    for situation in situations():
        pairs = _pairs(situation)
        if search_key(situation) in typed or any(_close(pairs, sentence) for sentence in sentences):
            found.append(situation)
    return tuple(found)


def lecture_themes_for(chosen: tuple[str, ...]) -> tuple[str, ...]:
    """The 講演のテーマ例 of the rows the chosen situations belong to, each once."""
    themes: list[str] = []
    for row in meeting_planning().lecture_themes:
        if any(s in chosen for s in row.situations):
            themes.extend(t for t in row.themes if t not in themes)
    return tuple(themes)


def goal_of(stage: str) -> MeetingGoal | None:
    """The guide's 到達点の例 of that stage (p49), or None for one's own."""
    return next((g for g in meeting_planning().goals if g.stage == stage), None)


@dataclass(frozen=True)
class SeatingAdvice:
    """What the number of participants suggests: the style, its points, and the table size."""

    people: int
    style: SeatingStyle
    group_min: int
    group_max: int

    @property
    def in_groups(self) -> bool:
        return self.style.name == meeting_terms().seating.groups


def seating_for(people: int) -> SeatingAdvice:
    """車座形式 up to about 15 (p50), else groups of 4–6 of mixed 立場."""
    terms = meeting_terms().seating
    name = terms.circle if suggested_seating(people, terms.circle_up_to) == "circle" else terms.groups
    style = next(s for s in meeting_planning().seating if s.name == name)
    return SeatingAdvice(people, style, terms.group_min, terms.group_max)

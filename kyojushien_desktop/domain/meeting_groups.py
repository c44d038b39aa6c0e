"""Splitting the attendees of a group work into tables of 4–6 (手引き p50: 様々な立場の参加者による
4~6人のグループ): each 立場 (住宅 / 福祉 / 不動産 / 居住支援法人 …) dealt round the tables in
turn, so no table is all one side, and colleagues of one organisation kept at different tables
where the numbers allow."""

from __future__ import annotations

import math
from collections import defaultdict

from kyojushien_desktop.domain.meetings import Participant


def group_count(attendees: int, size: int, bounds: tuple[int, int] | None = None) -> int:
    """Tables of about ``size``. With ``bounds`` (the guide's 4–6), the count nearest ``size``
    whose tables all stay within them, when the numbers allow (9 at size 4: 5+4, not 3+3+3).
    Otherwise never more tables than would leave one with fewer than two."""
    if attendees <= 0:
        return 0
    if bounds is not None:
        low, high = bounds
        fitting = range(max(1, math.ceil(attendees / high)), attendees // low + 1)
        if fitting:
            return min(fitting, key=lambda count: (abs(attendees / count - size), count))
    return max(1, min(math.ceil(attendees / size), attendees // 2 or 1))


def make_groups(
    attendees: list[Participant], size: int, side_of: dict[str, str], bounds: tuple[int, int] | None = None
) -> dict[int, int]:
    """Participant id → table number (1…). ``side_of`` maps a 区分 to its 立場; a 区分 it does not
    know is its own 立場; ``bounds`` are the smallest and largest table (see ``group_count``). The
    result depends only on the input, so the same list gives the same tables."""
    people = [p for p in attendees if p.id is not None]
    count = group_count(len(people), size, bounds)
    if count == 0:
        return {}
    by_side: dict[str, list[Participant]] = defaultdict(list)
    for p in people:
        by_side[side_of.get(p.shown_category, p.shown_category)].append(p)
    # The largest 立場 first, each side's people ordered by organisation, so colleagues sit apart.
    sides = sorted(by_side.values(), key=lambda ps: (-len(ps), ps[0].shown_category))
    queue = [p for side in sides for p in sorted(side, key=lambda p: (p.affiliation, p.id or 0))]
    tables: list[list[Participant]] = [[] for _ in range(count)]
    limit = math.ceil(len(people) / count)
    for person in queue:
        open_tables = [t for t in range(count) if len(tables[t]) < limit]
        tables[min(open_tables, key=lambda t: _cost(tables[t], person, side_of))].append(person)
    return {p.id: number for number, table in enumerate(tables, start=1) for p in table if p.id is not None}


def _cost(table: list[Participant], person: Participant, side_of: dict[str, str]) -> tuple[int, int, int]:
    side = side_of.get(person.shown_category, person.shown_category)
    colleagues = sum(1 for p in table if p.affiliation and p.affiliation == person.affiliation)
    same_side = sum(1 for p in table if side_of.get(p.shown_category, p.shown_category) == side)
    return colleagues, same_side, len(table)


def mixed_report(groups: dict[int, list[Participant]], side_of: dict[str, str]) -> list[str]:
    """Tables that are all one 立場, or that seat colleagues together, in words for the screen."""
    notes = []
    for number, members in sorted(groups.items()):
        sides = {side_of.get(p.shown_category, p.shown_category) for p in members}
        if len(members) > 1 and len(sides) == 1:
            notes.append(f"グループ{number}は全員が「{next(iter(sides))}」の立場です。")
        seen: set[str] = set()
        for p in members:
            if p.affiliation and p.affiliation in seen:
                notes.append(f"グループ{number}に「{p.affiliation}」の方が複数います。")
                break
            seen.add(p.affiliation)
    return notes

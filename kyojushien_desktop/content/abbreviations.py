"""The trade's abbreviations (resources/search/abbreviations.json): 社協 for 社会福祉協議会, 包括 for
地域包括支援センター … so that the 名簿 search finds a record whichever form was typed."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from kyojushien_desktop.paths import resource_path


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """Short forms and the full names (and readings) they stand for, as people write them."""

    short: tuple[str, ...]
    full: tuple[str, ...]


@functools.cache
def abbreviations() -> tuple[Abbreviation, ...]:
    """Loaded once; every entry has at least one short and one full form."""
    raw = json.loads(resource_path("search", "abbreviations.json").read_text(encoding="utf-8"))
    entries = tuple(
        Abbreviation(tuple(map(str, item["short"])), tuple(map(str, item["full"]))) for item in raw["abbreviations"]
    )
    for entry in entries:
        if not entry.short or not entry.full:
            raise ValueError(f"abbreviations.json: an entry needs short and full forms: {entry}")
    return entries

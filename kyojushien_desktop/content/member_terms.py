"""The 名簿's own vocabulary (resources/member_terms.json): relationship stages, contact kinds,
種別 examples and the header names town-hall spreadsheets use. Kept apart from ``content`` so
that ホーム can order the stages without loading the whole guide at start-up."""

from __future__ import annotations

import functools
import json
from typing import NamedTuple

from kyojushien_desktop.paths import resource_path


class Stage(NamedTuple):
    name: str
    description: str


class MemberTerms(NamedTuple):
    stages: tuple[Stage, ...]
    contact_kinds: tuple[str, ...]
    kind_examples: tuple[str, ...]
    import_headers: dict[str, tuple[str, ...]]
    internal_categories: tuple[str, ...]  # 区分 that are the town hall's own departments (庁内)
    # (word, bank key): a visit to an organisation whose 区分 holds the word starts with that bank
    bank_for_category: tuple[tuple[str, str], ...]

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)


@functools.cache
def member_terms() -> MemberTerms:
    """Loaded once from ``resources/member_terms.json``."""
    raw = json.loads(resource_path("member_terms.json").read_text(encoding="utf-8"))
    return MemberTerms(
        stages=tuple(Stage(str(s["name"]), str(s["description"])) for s in raw["stages"]),
        contact_kinds=tuple(map(str, raw["contact_kinds"])),
        kind_examples=tuple(map(str, raw["kind_examples"])),
        import_headers={str(k): tuple(map(str, v)) for k, v in raw["import_headers"].items()},
        internal_categories=tuple(map(str, raw["internal_categories"])),
        bank_for_category=tuple((str(r["word"]), str(r["bank"])) for r in raw["bank_for_category"]),
    )

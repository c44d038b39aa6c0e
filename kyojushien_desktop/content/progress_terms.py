"""The progress area's own rules (resources/progress_terms.json): per 到達の目安, which rule over the
records proposes evidence and why; how long before the 人事異動 the hand-over reminder starts."""

from __future__ import annotations

import functools
import json
from typing import Any, NamedTuple

from kyojushien_desktop.paths import resource_path

EVERY = "*"  # a rule's milestone for one that applies to every 目安 (the 診断シート's rounds)


class RuleSpec(NamedTuple):
    milestone: str  # a 目安's id, or EVERY
    rule: str  # a name of domain.progress_rules.RULES
    params: dict[str, Any]  # the rule's parameters, "reason" among them


class ProgressTerms(NamedTuple):
    source: str
    rules: tuple[RuleSpec, ...]
    handover_days: int


@functools.cache
def progress_terms() -> ProgressTerms:
    """Loaded once from ``resources/progress_terms.json``."""
    raw = json.loads(resource_path("progress_terms.json").read_text(encoding="utf-8"))
    return ProgressTerms(
        source=str(raw["source"]),
        rules=tuple(
            RuleSpec(
                str(r["milestone"]), str(r["rule"]), {k: v for k, v in r.items() if k not in ("milestone", "rule")}
            )
            for r in raw["rules"]
        ),
        handover_days=int(raw["handover_days"]),
    )

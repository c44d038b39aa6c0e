"""Evidence the records suggest for each 到達の目安, by the rules of resources/progress_terms.json:
proposals with a reason, never a decision; records already linked are left out."""

from __future__ import annotations

from kyojushien_desktop.content.phases import milestones
from kyojushien_desktop.content.progress_terms import EVERY, progress_terms
from kyojushien_desktop.domain.progress import DOCUMENT, Suggestion
from kyojushien_desktop.domain.progress_rules import RULES
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.diagnosis import trends
from kyojushien_desktop.store import progress, progress_sources


def suggestions(session: Session, milestone_id: str | None = None) -> list[Suggestion]:
    """For one 目安 (or all), newest records first within each 目安."""
    records = progress_sources.records(session.database)._replace(rounds=trends.evidence_facts(session))
    evidence = progress.evidence(session.database)
    linked = {(e.milestone_id, e.kind, e.ref_id) for e in evidence if e.kind != DOCUMENT}
    documents = {(e.milestone_id, e.title, e.place) for e in evidence if e.kind == DOCUMENT}
    found: list[Suggestion] = []
    for target in [m.id for m in milestones()]:
        if milestone_id is not None and target != milestone_id:
            continue
        proposed = [
            suggestion
            for spec in progress_terms().rules
            if spec.milestone in (target, EVERY)
            for suggestion in RULES[spec.rule](target, records, spec.params)
        ]
        fresh = [
            s
            for s in proposed
            if (s.milestone_id, s.kind, s.ref_id) not in linked
            and (s.kind != DOCUMENT or (s.milestone_id, s.title, s.place) not in documents)
        ]
        found += sorted(fresh, key=lambda s: (s.on is None, s.on), reverse=True)
    return found

"""The セーフティネット住宅・居住サポート住宅 目安チェック: judged by domain/housing_check from the
criteria in resources/, and kept on a visit's record when it was made during a hearing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import NamedTuple

from kyojushien_desktop.content.region import CriteriaSet, criteria_sets
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.housing_check import MET, NOT_MET, UNKNOWN, HousingFacts, Judgement, check, validate
from kyojushien_desktop.domain.region import NOTE_LIMIT, HousingCheck
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import region as store


class CheckResult(NamedTuple):
    criteria: CriteriaSet
    judgements: tuple[Judgement, ...]


def run_check(facts: HousingFacts) -> list[CheckResult]:
    """Every set (セーフティネット住宅, then 居住サポート住宅) judged against ``facts``."""
    cleaned = validate(facts)
    return [CheckResult(s, tuple(check(s, cleaned))) for s in criteria_sets()]


def summary(results: list[CheckResult]) -> str:
    """「適合 4・不適合 1・未確認 3」 over every criterion of the first set (セーフティネット住宅)."""
    counts = Counter(j.result for j in results[0].judgements) if results else Counter()
    return "・".join(f"{name} {counts.get(name, 0)}" for name in (MET, NOT_MET, UNKNOWN))


def save_check(
    session: Session, facts: HousingFacts, *, visit_id: int | None, note: str = "", on: dt.date | None = None
) -> tuple[int, Changes]:
    if len(note) > NOTE_LIMIT:
        raise ValidationError(f"メモは{NOTE_LIMIT}文字以内で入力してください。", field="note")
    results = run_check(facts)
    item = HousingCheck(on or dt.date.today(), facts, visit_id, None, summary(results), note.strip())
    with session.database.atomic():
        check_id = store.add_check(session.database, item)
    return check_id, Changes.of(Topic.REGION, Topic.VISITS) if visit_id else Changes.of(Topic.REGION)


def checks_of_visit(session: Session, visit_id: int) -> list[HousingCheck]:
    return store.checks(session.database, visit_id=visit_id)


def delete_check(session: Session, check_id: int) -> Changes:
    with session.database.atomic():
        store.delete_check(session.database, check_id)
    return Changes.of(Topic.REGION, Topic.VISITS)

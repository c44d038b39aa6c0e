"""How a spreadsheet of 参加者アンケート answers is read (resources/survey_import.json): the headers
that mean the 回答票番号 column, the ways a column names its question by number (問1, 設問1, Q1),
and the words of a summary row (合計, 平均) that is no respondent. Data, so the lists can grow
without touching code."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from kyojushien_desktop.paths import resource_path


@dataclass(frozen=True, slots=True)
class SurveyImportRules:
    number_headers: tuple[str, ...]
    question_prefixes: tuple[str, ...]  # 問 in 「問1」: the question by its place on the form
    summary_words: tuple[str, ...]  # a row whose first cell says only this is a total, not a form


@functools.cache
def survey_import_rules() -> SurveyImportRules:
    """Loaded once from ``resources/survey_import.json``."""
    raw = json.loads(resource_path("survey_import.json").read_text(encoding="utf-8"))
    return SurveyImportRules(
        number_headers=tuple(map(str, raw["number_headers"])),
        question_prefixes=tuple(map(str, raw["question_prefixes"])),
        summary_words=tuple(map(str, raw["summary_words"])),
    )

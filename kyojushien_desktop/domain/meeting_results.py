"""What a held meeting adds up to: who came (by 区分, 庁内/庁外, 会場/オンライン) and what the
参加者アンケート says (n, 回収率 against attendance, the distribution of each question, the free
answers). The 開催レポート and the screens show these same figures."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from kyojushien_desktop.domain.meetings import CHOICE, FREE, SCALE, Participant, SurveyQuestion, SurveyResponse


@dataclass(frozen=True)
class AttendanceCounts:
    invited: int
    attending: int
    absent: int
    venue: int
    online: int
    internal: int
    external: int
    by_category: tuple[tuple[str, int], ...]  # 区分 → attendees, in the order given

    @property
    def organizations(self) -> int:
        return self.internal + self.external


def count_attendance(participants: list[Participant], category_order: tuple[str, ...] = ()) -> AttendanceCounts:
    attending = [p for p in participants if p.attending]
    by_category = Counter(p.shown_category for p in attending)
    order = [c for c in category_order if c in by_category] + sorted(c for c in by_category if c not in category_order)
    return AttendanceCounts(
        invited=sum(1 for p in participants if p.attendance != "未案内"),
        attending=len(attending),
        absent=sum(1 for p in participants if p.attendance == "欠席"),
        venue=sum(1 for p in attending if p.attend_mode == "会場"),
        online=sum(1 for p in attending if p.attend_mode == "オンライン"),
        internal=sum(1 for p in attending if p.internal),
        external=sum(1 for p in attending if not p.internal),
        by_category=tuple((c, by_category[c]) for c in order),
    )


@dataclass(frozen=True)
class QuestionResult:
    question: SurveyQuestion
    answered: int
    counts: tuple[tuple[str, int], ...]  # choice → count, in the question's order (scale / choice)
    texts: tuple[str, ...]  # the free answers, in the order of the forms

    def share(self, choice: str) -> float:
        """The choice's share of those who answered this question (0 when nobody did)."""
        count = dict(self.counts).get(choice, 0)
        return count / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class SurveyResults:
    respondents: int
    attending: int
    questions: tuple[QuestionResult, ...]

    @property
    def response_rate(self) -> float | None:
        """回収率: forms returned per attendee; None before anyone attended."""
        return self.respondents / self.attending if self.attending else None

    @property
    def rate_text(self) -> str:
        rate = self.response_rate
        return "—" if rate is None else f"{rate * 100:.0f}%"


def tally(questions: list[SurveyQuestion], responses: list[SurveyResponse], attending: int) -> SurveyResults:
    results = []
    for question in questions:
        answers = [r.answers.get(question.id or 0, "") for r in responses]
        given = [a for a in answers if a]
        if question.kind in (SCALE, CHOICE):
            counter = Counter(given)
            counts = tuple((c, counter[c]) for c in question.choices)
            results.append(QuestionResult(question, sum(n for _, n in counts), counts, ()))
        else:
            results.append(QuestionResult(question, len(given), (), tuple(given)))
    return SurveyResults(respondents=len(responses), attending=attending, questions=tuple(results))


class AnswerError(ValueError):
    """An answer that does not fit its question; the message says what is allowed."""


def read_answer(question: SurveyQuestion, text: object) -> str:
    """An answer as typed on the entry screen or found in a spreadsheet cell, as stored: a scale
    or choice by its number (1 = the first choice; 全角 digits too) or its label; blank = 未回答."""
    value = unicodedata.normalize("NFKC", str(text if text is not None else "")).strip()
    if isinstance(text, float) and text.is_integer():
        value = str(int(text))
    if not value:
        return ""
    if question.kind == FREE:
        return str(text).strip()
    choices = question.choices
    if value.isdigit():
        number = int(value)
        if 1 <= number <= len(choices):
            return choices[number - 1]
        raise AnswerError(f"「{value}」は1〜{len(choices)}で入力してください")
    folded = {unicodedata.normalize("NFKC", c): c for c in choices}
    if value in folded:
        return folded[value]
    raise AnswerError(f"「{value}」は選択肢（" + "・".join(choices) + "）にありません")

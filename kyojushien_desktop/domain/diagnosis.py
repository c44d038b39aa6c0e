"""目線合わせのための取組み診断シート (手引き p38): rounds in which staff and managers each rate the 21
到達の目安 from their own point of view (5 = 出来ている … 1 = 出来ていない, or 未回答), and the
comparison that turns their differences into the next meeting's agenda.

The point of the sheet is the comparison: per item every score, the mean, the range and the
spread; the items where views diverge most (認識のずれ) and those rated lowest (喫緊の課題).
"""

from __future__ import annotations

import datetime as dt
import statistics
import unicodedata
from dataclasses import dataclass, field, replace

from kyojushien_desktop.domain.members import Problems, normalize_text

SCORES: tuple[int, ...] = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Round:
    """A 実施回, e.g. 令和8年度 第1回."""

    name: str
    held_on: dt.date
    purpose: str = ""
    meeting_id: int | None = None  # the 意見交換 that followed it (step ③)
    id: int | None = None
    deleted_at: str | None = None


@dataclass(frozen=True)
class RoundSummary:
    id: int
    name: str
    held_on: dt.date
    respondents: int
    answered: int  # respondents with at least one item rated


@dataclass(frozen=True)
class Respondent:
    """One person filling in the sheet, with its header fields (部門名, 部局, 氏名, 役職)."""

    round_id: int
    name: str
    division: str = ""  # 部門名
    bureau: str = ""  # 部局 (住宅, 福祉 …): the comparison groups by it
    title: str = ""  # 役職
    person_id: int | None = None
    free_answer: str = ""
    scores: dict[str, int] = field(default_factory=dict)  # item id → 1–5 (未回答 absent)
    position: int = 0
    id: int | None = None


@dataclass(frozen=True)
class ItemComparison:
    """One item across the respondents of a round."""

    item_id: str
    phase: int
    text: str
    scores: tuple[int | None, ...]  # in the respondents' order; None = 未回答
    mean: float | None
    low: int | None
    high: int | None
    spread: float | None  # population standard deviation; None with fewer than two scores
    unanswered: int

    @property
    def range_text(self) -> str:
        return "—" if self.low is None else f"{self.low}–{self.high}"


def clean_round(item: Round) -> Round:
    cleaned = replace(item, name=" ".join(normalize_text(item.name).split()), purpose=normalize_text(item.purpose))
    problems = Problems()
    if not cleaned.name:
        problems.add("name", "実施回の名前を入力してください（例: 令和8年度 第1回）。")
    elif len(cleaned.name) > 60:
        problems.add("name", "実施回の名前は60文字以内で入力してください。")
    if not isinstance(cleaned.held_on, dt.date):
        problems.add("held_on", "実施日を入力してください。")
    problems.raise_if_any()
    return cleaned


def clean_respondent(person: Respondent) -> Respondent:
    def line(value: str) -> str:
        return " ".join(normalize_text(value).split())

    cleaned = replace(
        person,
        name=line(person.name),
        division=line(person.division),
        bureau=line(person.bureau),
        title=line(person.title),
        free_answer=normalize_text(person.free_answer),
    )
    problems = Problems()
    if not cleaned.name:
        problems.add("name", "氏名を入力してください。")
    for item_id, score in cleaned.scores.items():
        if score not in SCORES:
            problems.add(f"score.{item_id}", f"{item_id}の評価「{score}」は1〜5で入力してください。")
    problems.raise_if_any()
    return cleaned


class ScoreError(ValueError):
    """A rating that is not 1–5 or a label of the scale; the message says what is allowed."""


def read_score(value: object, labels: dict[str, int]) -> int | None:
    """A rating as typed or found in a cell: 1–5 (全角 too, an Excel 3.0 is 3), or one of the
    scale's labels (出来ている …); blank = 未回答 (None)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    if text.isdigit():
        if int(text) in SCORES:
            return int(text)
        raise ScoreError(f"「{text}」は1〜5で入力してください")
    folded = {unicodedata.normalize("NFKC", label): score for label, score in labels.items()}
    if text in folded:
        return folded[text]
    raise ScoreError(f"「{text}」は1〜5の数字か、選択肢の言葉（" + "・".join(labels) + "）で入力してください")


def compare(items: list[tuple[str, int, str]], respondents: list[Respondent]) -> list[ItemComparison]:
    """Each (id, phase, text) item across ``respondents`` (in their order)."""
    rows = []
    for item_id, phase, text in items:
        scores = tuple(r.scores.get(item_id) for r in respondents)
        given = [s for s in scores if s is not None]
        rows.append(
            ItemComparison(
                item_id=item_id,
                phase=phase,
                text=text,
                scores=scores,
                mean=statistics.fmean(given) if given else None,
                low=min(given) if given else None,
                high=max(given) if given else None,
                spread=statistics.pstdev(given) if len(given) >= 2 else None,
                unanswered=len(scores) - len(given),
            )
        )
    return rows


def widest_spread(rows: list[ItemComparison], count: int = 5) -> list[ItemComparison]:
    """認識のずれが大きい項目: the widest spread first (then the widest range)."""
    rated = [r for r in rows if r.spread is not None]
    return sorted(rated, key=lambda r: (-(r.spread or 0), -((r.high or 0) - (r.low or 0)), r.item_id))[:count]


def lowest_means(rows: list[ItemComparison], count: int = 5) -> list[ItemComparison]:
    """喫緊の課題: the lowest mean first."""
    rated = [r for r in rows if r.mean is not None]
    return sorted(rated, key=lambda r: (r.mean, r.item_id))[:count]


def anonymous_names(count: int) -> list[str]:
    """A, B, C … (then AA, AB …) for a version to hand out."""
    names = []
    for index in range(count):
        name, number = "", index
        while True:
            name = chr(ord("A") + number % 26) + name
            number = number // 26 - 1
            if number < 0:
                break
        names.append(name)
    return names

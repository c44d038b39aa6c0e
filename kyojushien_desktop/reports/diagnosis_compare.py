"""What both comparison exports (Excel and PDF) show of a round: the respondents as named on the
copy (real names, or A, B, C … for one to hand out), every item across them, the phase means,
the two rankings and the free answers."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from kyojushien_desktop.domain.diagnosis import ItemComparison

TITLE = "目線合わせ診断シートの比較"
CHART_TITLE = "フェーズごとの平均と範囲（棒: 平均、線: いちばん低い評価〜高い評価）"
WIDEST_TITLE = "認識のずれが大きい項目"
LOWEST_TITLE = "喫緊の課題（平均の低い項目）"
FREE_TITLE = "自由回答"
STAT_HEADERS = ("平均", "範囲", "ばらつき", "未回答")


@dataclass(frozen=True)
class Comparison:
    municipality: str
    round_name: str
    held_on: str  # 和暦
    names: list[str]
    bureaus: list[str]
    phases: list[tuple[int, str]]
    rows: list[ItemComparison]
    widest: list[ItemComparison]
    lowest: list[ItemComparison]
    free_answers: list[tuple[str, str]]  # (name as shown, answer)

    def phase_mean(self, phase: int) -> float | None:
        """The mean of the phase's item means (items nobody rated left out)."""
        means = [r.mean for r in self.rows if r.phase == phase and r.mean is not None]
        return statistics.fmean(means) if means else None

    def rows_of(self, phase: int) -> list[ItemComparison]:
        return [r for r in self.rows if r.phase == phase]


def number(value: float | None, digits: int = 2) -> float | None:
    """A statistic rounded for the page and the cell (None stays None: 未回答)."""
    return None if value is None else round(value, digits)

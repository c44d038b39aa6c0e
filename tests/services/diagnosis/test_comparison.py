"""The comparison (目線合わせ): per item every score in the respondents' order, the mean, the range,
the population spread and the 未回答 count, for the round or one 部局; the widest spreads and the
lowest means ranked with their ties; A, B, C … names for a version to hand out."""

import statistics

import pytest

from kyojushien_desktop.domain.diagnosis import (
    ItemComparison,
    Respondent,
    anonymous_names,
    compare,
    lowest_means,
    widest_spread,
)
from kyojushien_desktop.services.diagnosis import rounds
from tests.services.diagnosis.conftest import add_round, answer


@pytest.fixture
def round_id(session):
    found = add_round(session)
    answer(session, found, "森 亜希子", "住宅", {"1-1": 5, "2-1": 1, "3-3": 4, "4-1": 2})
    answer(session, found, "藤田 浩之", "住宅", {"1-1": 4, "2-1": 2, "3-3": 4})
    answer(session, found, "石井 健一", "福祉", {"1-1": 4, "2-1": 5, "3-3": 1, "4-1": 2})
    answer(session, found, "高田 由美", "福祉", {"1-1": 3, "2-1": 4})
    return found


def by_id(rows: list[ItemComparison]) -> dict[str, ItemComparison]:
    return {row.item_id: row for row in rows}


def test_each_item_gives_scores_mean_range_spread_and_unanswered(session, round_id):
    rows = rounds.comparison(session, round_id)
    assert [r.item_id for r in rows][:3] == ["1-1", "1-2", "1-3"] and len(rows) == 21
    first = by_id(rows)["1-1"]
    assert first.scores == (5, 4, 4, 3)
    assert first.mean == 4.0 and (first.low, first.high, first.range_text) == (3, 5, "3–5")
    assert first.spread == pytest.approx(statistics.pstdev([5, 4, 4, 3])) == pytest.approx(0.7071, abs=1e-4)
    assert first.unanswered == 0 and first.phase == 1 and first.text.startswith("住宅確保要配慮者")
    third = by_id(rows)["3-3"]
    assert third.scores == (4, 4, 1, None) and third.unanswered == 1 and third.mean == 3.0
    nobody = by_id(rows)["1-2"]
    assert (nobody.mean, nobody.low, nobody.spread, nobody.unanswered, nobody.range_text) == (None, None, None, 4, "—")


def test_a_single_score_has_a_mean_but_no_spread(session, round_id):
    answer(session, round_id, "上田 翼", "住宅", {"4-5": 3})
    row = by_id(rounds.comparison(session, round_id))["4-5"]
    assert (row.mean, row.low, row.high, row.spread, row.unanswered) == (3.0, 3, 3, None, 4)


def test_by_bureau_the_housing_and_welfare_sides_differ(session, round_id):
    housing = by_id(rounds.comparison(session, round_id, bureau="住宅"))
    welfare = by_id(rounds.comparison(session, round_id, bureau="福祉"))
    assert housing["2-1"].scores == (1, 2) and housing["2-1"].mean == 1.5
    assert welfare["2-1"].scores == (5, 4) and welfare["2-1"].mean == 4.5
    assert housing["3-3"].mean == 4.0 and welfare["3-3"].mean == 1.0 and welfare["3-3"].unanswered == 1
    assert rounds.comparison(session, round_id, bureau="企画")[0].scores == ()


def comparison_of(table: dict[str, tuple[int | None, ...]]) -> list[ItemComparison]:
    width = max(len(v) for v in table.values())
    people = [
        Respondent(1, f"人{i}", scores={k: v[i] for k, v in table.items() if i < len(v) and v[i] is not None})
        for i in range(width)
    ]
    return compare([(k, int(k[0]), k) for k in table], people)


def test_widest_spread_orders_by_spread_then_range_then_number():
    rows = comparison_of(
        {
            "1-1": (1, 5, 1, 5),  # spread 2, range 4
            "1-2": (3, 3, 3, 3),  # no spread
            "2-1": (2, 4, 2, 4),  # spread 1, range 2
            "2-2": (1, 3, 3, 5),  # spread √2, range 4
            "3-1": (4, 2, 4, 2),  # a tie with 2-1: same spread, same range → by number
            "3-2": (5, None, None, None),  # one score: no spread, left out
        }
    )
    assert [r.item_id for r in widest_spread(rows)] == ["1-1", "2-2", "2-1", "3-1", "1-2"]
    assert [r.item_id for r in widest_spread(rows, count=2)] == ["1-1", "2-2"]


def test_widest_spread_breaks_an_equal_spread_by_the_wider_range():
    rows = comparison_of({"1-1": (1, 1, 4, 4), "1-2": (1, 2, 2, 5)})  # both 1.5; ranges 3 and 4
    assert rows[0].spread == rows[1].spread == 1.5
    assert [r.item_id for r in widest_spread(rows)] == ["1-2", "1-1"]


def test_lowest_means_orders_by_mean_then_number_and_skips_unrated():
    rows = comparison_of({"1-1": (4, 4), "2-1": (1, 2), "1-5": (2, 1), "3-3": (None, None), "4-1": (3, 2)})
    assert [r.item_id for r in lowest_means(rows)] == ["1-5", "2-1", "4-1", "1-1"]
    assert [r.item_id for r in lowest_means(rows, count=1)] == ["1-5"]


def test_anonymous_names_run_a_to_z_then_aa():
    names = anonymous_names(30)
    assert names[:3] == ["A", "B", "C"] and names[25] == "Z" and names[26:] == ["AA", "AB", "AC", "AD"]
    assert anonymous_names(0) == [] and anonymous_names(703)[-2:] == ["ZZ", "AAA"]

"""The area's wording against the source documents: seed 004 (セーフティネット住宅の登録基準,
住宅確保要配慮者), seed 003 (居住サポート住宅, the つなぎ先 table) and chapter 5 of the guide
(seed 000, p42). Compared NFKC with whitespace removed; a missing seed fails under CI."""

from __future__ import annotations

import pytest

from kyojushien_desktop.content.region import criteria_sets, region_guide, row_label
from tests.region_town import normalised
from tests.seeds import GUIDE, SAFETY_NET, SUPPORT_HOUSING, seed_text

TYPO, RIGHT = "近郊を失しない", "均衡を失しない"


@pytest.fixture(scope="module")
def safety_net() -> str:
    return normalised(seed_text(SAFETY_NET))


@pytest.fixture(scope="module")
def support() -> str:
    return normalised(seed_text(SUPPORT_HOUSING))


@pytest.fixture(scope="module")
def chapter5() -> str:
    text = seed_text(GUIDE)
    start = text.index("# 5 地域の実態把握")
    return normalised(text[start : text.index("## 地域の将来像を考える", start)])


def sets() -> dict:
    return {s.key: s for s in criteria_sets()}


def test_every_safety_net_criterion_is_the_seeds_wording(safety_net: str) -> None:
    sn = sets()["sn"]
    for criterion in sn.criteria:
        assert normalised(criterion.text) in safety_net, criterion.id
    assert normalised(sn.note) in safety_net


def test_the_safety_net_numbers_are_those_the_wording_states(safety_net: str) -> None:
    by_id = {c.id: c for c in sets()["sn"].criteria}
    area = by_id["sn.area"]
    assert (area.params["full"], area.params["shared"]) == (25, 18)
    assert normalised("各戸25㎡以上") in normalised(area.text) and normalised("18㎡以上") in normalised(area.text)
    total = by_id["share.total"]
    assert (total.params["per_person"], total.params["base"], total.params["min_residents"]) == (15, 10, 2)
    assert normalised("15㎡ × N + 10㎡以上(N: 居住人数、N ≥ 2)") in safety_net
    assert by_id["share.room"].params["minimum"] == 9 and normalised("専用居室の面積 9㎡以上") in safety_net
    assert by_id["share.ratio"].params["per"] == 5 and normalised("概ね5人につき1箇所") in safety_net


def test_support_housing_criteria_are_seed_003s_wording_with_its_typo_corrected(support: str) -> None:
    """Seed 003 writes 「近郊を失しない」; seed 004 (and the law) say 「均衡を失しない」: the app
    uses 均衡, and with that one word put back it is seed 003's sentence."""
    assert normalised(TYPO) in support and normalised(RIGHT) not in support
    for criterion in sets()["support"].criteria:
        assert TYPO not in criterion.text, criterion.id
        assert normalised(criterion.text.replace(RIGHT, TYPO)) in support, criterion.id
    rent = next(c for c in sets()["support"].criteria if c.id == "support.rent")
    assert RIGHT in rent.text
    area = next(c for c in sets()["support"].criteria if c.id == "support.area")
    assert (area.params["new"], area.params["existing"]) == (25, 18)
    assert normalised("新築:25平方メートル以上、既存:18平方メートル以上") in support


def test_the_safety_net_rent_wording_is_seed_004s(safety_net: str) -> None:
    rent = next(c for c in sets()["sn"].criteria if c.id == "sn.rent")
    assert rent.text == "家賃が近傍同種の住宅と均衡を失しないこと" and normalised(rent.text) in safety_net


def test_referral_wording_and_issues_are_seed_003s(support: str) -> None:
    guide = region_guide()
    for text in (guide.referral_lead, guide.referral_title, guide.support_summary):
        assert normalised(text) in support
    labels = [i.label for i in guide.issues]
    assert len(labels) == 4
    for label in labels:
        assert normalised(label) in support, label


def test_target_groups_are_seed_004s(safety_net: str) -> None:
    groups = region_guide().target_groups
    for group in groups[:-1]:
        assert normalised(group) in safety_net, group
    assert groups[-1].startswith("その他") and normalised("供給促進計画") in safety_net


def test_every_chapter5_label_appears_on_the_guides_p42(chapter5: str) -> None:
    """Rows, columns, titles, headings and prompts, with {kind} as the guide's □□市. The two
    居住支援法人 rows are the guide's one row under its 「○○県」「□□市」 columns."""
    guide = region_guide()
    by_columns = {"support_corporations_pref", "support_corporations_local"}
    for table in guide.tables:
        for text in (table.title, table.heading, table.prompt):
            assert normalised(text) in chapter5, text
        for row in table.rows:
            label = row_label(row, "□□市")
            if row.key in by_columns:
                assert normalised(label.split("（")[0]) in chapter5 and normalised("○○県 □□市") in chapter5
            else:
                assert normalised(label) in chapter5, label
        for column in table.columns:
            if len(table.columns) > 1:
                assert normalised(column.label) in chapter5, column.label
    for line in guide.intro:
        assert normalised(line) in chapter5


def test_town_labels_say_machi_or_shi() -> None:
    table = region_guide().table("public_housing")
    assert [row_label(r, "みどり町") for r in table.rows] == ["町営住宅", "県営住宅（町内）", "UR（町内）"]
    assert [row_label(r, "姫路市") for r in table.rows] == ["市営住宅", "県営住宅（市内）", "UR（市内）"]

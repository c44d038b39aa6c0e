"""The 目安チェック at its edges: 17.9 / 18 / 24.9 / 25 ㎡ with and without shared facilities, share
houses for 2, 3 and 6 residents just under and at 15N+10 ㎡, an 8.9 and a 9 ㎡ room, one resident
refused as 共同居住型, the facilities ratio for 6 residents; and a check saved on a visit."""

from __future__ import annotations

import datetime as dt

import pytest

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.housing_check import MET, NOT_MET, UNKNOWN, HousingFacts
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.region import checks
from kyojushien_desktop.store import region as store


def results(facts: HousingFacts, set_index: int = 0) -> dict[str, tuple[str, str]]:
    judged = checks.run_check(facts)[set_index].judgements
    return {j.criterion.id: (j.result, j.reason) for j in judged}


@pytest.mark.parametrize(
    ("area", "shared", "expected"),
    [
        (17.9, True, NOT_MET),
        (17.9, False, NOT_MET),
        (17.9, None, NOT_MET),
        (18, True, MET),
        (18, False, NOT_MET),
        (18, None, UNKNOWN),
        (24.9, True, MET),
        (24.9, False, NOT_MET),
        (24.9, None, UNKNOWN),
        (25, True, MET),
        (25, False, MET),
        (25, None, MET),
    ],
)
def test_floor_area_edges(area: float, shared: bool | None, expected: str) -> None:
    result, reason = results(HousingFacts(area=area, shared_facilities=shared))["sn.area"]
    assert result == expected
    assert f"{area:g}㎡" in reason


def test_floor_area_reasons_say_the_numbers() -> None:
    assert results(HousingFacts(area=17.9, shared_facilities=True))["sn.area"][1].startswith("床面積 17.9㎡ ＜ 18㎡")
    assert results(HousingFacts(area=25))["sn.area"][1] == "床面積 25㎡ ≧ 25㎡"


def test_facts_not_given_are_never_guessed() -> None:
    judged = results(HousingFacts(area=30))
    assert judged["sn.seismic"] == (UNKNOWN, "確認されていません")
    assert judged["sn.rent"][0] == UNKNOWN and judged["sn.plan"][0] == UNKNOWN
    assert results(HousingFacts())["sn.area"] == (UNKNOWN, "床面積が入力されていません")


@pytest.mark.parametrize(("residents", "need"), [(2, 40), (3, 55), (6, 100)])
def test_share_house_total_area_just_under_and_at_15n_plus_10(residents: int, need: float) -> None:
    under = results(HousingFacts(residents=residents, room_area=9, total_area=need - 0.1))["share.total"]
    at = results(HousingFacts(residents=residents, room_area=9, total_area=need))["share.total"]
    assert under[0] == NOT_MET and f"＝ {need:g}㎡" in under[1]
    assert at == (MET, f"住宅全体 {need:g}㎡ ≧ 15㎡×{residents}＋10㎡ ＝ {need:g}㎡")


def test_a_share_house_is_judged_by_its_own_criteria_only() -> None:
    ids = set(results(HousingFacts(residents=3, room_area=9, total_area=55)))
    assert {"share.total", "share.room", "share.ratio", "share.common", "share.one_per_room"} <= ids
    assert "sn.area" not in ids and "sn.facilities" not in ids
    assert "share.total" not in set(results(HousingFacts(area=30)))


@pytest.mark.parametrize(("room", "expected"), [(8.9, NOT_MET), (9, MET)])
def test_private_room_of_8_9_and_9(room: float, expected: str) -> None:
    result, reason = results(HousingFacts(residents=2, room_area=room, total_area=40))["share.room"]
    assert result == expected and reason.startswith(f"専用居室 {room:g}㎡")


def test_one_resident_is_not_a_shared_house() -> None:
    result, reason = results(HousingFacts(residents=1, room_area=12, total_area=100))["share.total"]
    assert result == NOT_MET and "N ≧ 2" in reason and "2人以上" in reason


def test_facilities_ratio_for_six_residents() -> None:
    """Six people need two of each (概ね5人につき1箇所, rounded up)."""
    base = {"residents": 6, "room_area": 9, "total_area": 100}
    enough = results(HousingFacts(**base, toilets=2, washrooms=2, baths=2))["share.ratio"]
    assert enough == (MET, "6人なら各2箇所以上：便所 2箇所、洗面設備 2箇所、浴室・シャワー室 2箇所")
    short = results(HousingFacts(**base, toilets=2, washrooms=2, baths=1))["share.ratio"]
    assert short == (NOT_MET, "6人なら各2箇所以上：浴室・シャワー室 1箇所")
    missing = results(HousingFacts(**base, toilets=2))["share.ratio"]
    assert missing[0] == UNKNOWN and "洗面設備・浴室・シャワー室の数" in missing[1]
    five = results(HousingFacts(residents=5, room_area=9, total_area=85, toilets=1, washrooms=1, baths=1))
    assert five["share.ratio"][0] == MET


def test_support_housing_area_new_and_existing() -> None:
    assert results(HousingFacts(area=18), 1)["support.area"][0] == UNKNOWN
    assert results(HousingFacts(area=18, new_build=False), 1)["support.area"][0] == MET
    assert results(HousingFacts(area=24.9, new_build=True), 1)["support.area"][0] == NOT_MET
    assert results(HousingFacts(area=17.9), 1)["support.area"][0] == NOT_MET


def test_impossible_numbers_are_refused_in_japanese() -> None:
    with pytest.raises(ValidationError, match="床面積は0より大きく"):
        checks.run_check(HousingFacts(area=0))
    with pytest.raises(ValidationError, match="居住人数は1〜100人"):
        checks.run_check(HousingFacts(residents=0, room_area=9, total_area=40))


def test_summary_counts_the_safety_net_set() -> None:
    summary = checks.summary(checks.run_check(HousingFacts(area=21.6, shared_facilities=False, seismic=True)))
    assert summary == "適合 1・不適合 1・未確認 3"  # 設備 stays 未確認: private ones not said


def test_a_check_is_saved_with_its_summary_and_a_long_note_is_refused(db_path) -> None:
    session = datafile.open_session(db_path)
    try:
        facts = HousingFacts(area=19.5, shared_facilities=True, seismic=True)
        check_id, _ = checks.save_check(session, facts, visit_id=None, note="窓口で", on=dt.date(2026, 6, 1))
        saved = next(c for c in store.checks(session.database) if c.id == check_id)
        assert (saved.summary, saved.facts, saved.checked_on) == (
            "適合 3・不適合 0・未確認 2",
            facts,
            dt.date(2026, 6, 1),
        )
        with pytest.raises(ValidationError, match="メモは"):
            checks.save_check(session, facts, visit_id=None, note="あ" * 2001)
        assert len(store.checks(session.database)) == 1
    finally:
        session.close()

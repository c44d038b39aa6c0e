"""The sample town holds the region area: two 年度 of figures with sources and 委託先 from its
名簿, the resources linked to its organisations, the つなぎ先一覧 and a check on a visit."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kyojushien_desktop.content.region import region_guide
from kyojushien_desktop.domain.hearing import PLANNED
from kyojushien_desktop.domain.region import OWN_ISSUE
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.hearing import visits
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.region import checks, facts, referrals, resources
from tests.region_town import region_sample_file  # noqa: F401  (fixture)


@pytest.fixture(scope="module")
def town(region_sample_file: Path):  # noqa: F811
    session = datafile.open_session(region_sample_file, read_only=True)
    yield session
    session.close()


def org_ids(session) -> dict[str, int]:
    return {o.name: o.id for o in organizations.list_organizations(session)}


def test_two_years_of_figures_each_with_its_source(town) -> None:
    sheet = facts.load_facts(town)
    assert sheet.years == (2024, 2025)
    assert all(f.source for f in sheet.cells.values())
    guide = region_guide()
    for table in guide.tables:
        for year in sheet.years:
            assert any(k[0] == table.key and k[3] == year for k in sheet.cells), (table.key, year)
    population = sheet.fact(("population", "population", "value"), 2025)
    assert population is not None and 17_000 <= population.number <= 19_000
    assert sheet.change(("population", "population", "value"), 2025) == -278
    sources = {f.source for f in sheet.cells.values()}
    assert {"令和2年国勢調査", "住民基本台帳（令和7年4月1日現在）"} <= sources
    assert any(s.startswith("県の資料") for s in sources)


def test_the_contractors_are_the_samples_organisations(town) -> None:
    sheet = facts.load_facts(town)
    ids = org_ids(town)
    key = ("programmes", "self_reliance", "contractor")
    for year in sheet.years:
        assert sheet.fact(("programmes", "self_reliance", "form"), year).text == "委託"
        assert sheet.fact(key, year).organization_id == ids["社会福祉法人みどり町社会福祉協議会"]
    assert sheet.fact(("programmes", "community_living", "form"), 2024).text == "実施していない"
    later = sheet.fact(("programmes", "community_living", "contractor"), 2025)
    assert sheet.organizations[later.organization_id] == "NPO法人みどり住まいネット"


def test_resources_of_every_kind_linked_to_the_directory(town) -> None:
    items = resources.list_resources(town)
    assert Counter(r.kind for r in items) == {
        "sn_registered": 2,
        "sn_dedicated": 1,
        "support_housing": 1,
        "partner_agent": 2,
        "shelter": 1,
        "vacant_home": 1,
    }
    assert all(r.links for r in items)
    categories = {o.id: o.category for o in organizations.list_organizations(town)}
    (support,) = [r for r in items if r.kind == "support_housing"]
    helpers = [link for link in support.links if link.role == "援助実施者"]
    assert [categories[link.organization_id] for link in helpers] == ["居住支援法人"]
    assert support.registered_on is not None
    targets = set(region_guide().target_groups)
    assert all(set(r.targets) <= targets for r in items)


def test_the_safety_net_count_matches_the_register(town) -> None:
    """令和7年度's 9 registered dwellings, 1 of them 専用住宅, are the register's units."""
    sheet = facts.load_facts(town)
    registered = sheet.fact(("resources", "sn_registered", "value"), 2025).number
    dedicated = sheet.fact(("resources", "sn_dedicated", "value"), 2025).number
    safety_net = [r for r in resources.list_resources(town) if r.kind.startswith("sn_")]
    assert registered == resources.total_units(safety_net) == 9
    assert dedicated == resources.total_units([r for r in safety_net if r.kind == "sn_dedicated"]) == 1


def test_the_referral_table_has_the_four_issues_and_one_of_the_towns(town) -> None:
    table = referrals.referral_table(town)
    assert [i.key for i in table] == [i.key for i in region_guide().issues] + [OWN_ISSUE]
    assert all(issue.desks for issue in table)
    named = {r.organization_name for issue in table for r in issue.desks if r.organization_id}
    assert {
        "福祉課 社会福祉係",
        "長寿介護課",
        "福祉課 障害福祉係",
        "子育て支援課",
        "〇〇県地域生活定着支援センター",
    } <= named
    typed = [r for issue in table for r in issue.desks if r.organization_id is None]
    assert [r.desk.startswith("〇〇県") and r.phone for r in typed] == ["0123-48-4152"]


def test_a_check_is_saved_on_the_visit_to_a_realtor(town) -> None:
    realtor = org_ids(town)["株式会社みどり不動産"]
    (visit,) = [v for v in visits.list_visits(town) if v.organization_id == realtor and v.status != PLANNED]
    assert visit.category == "不動産事業者・団体"
    (saved,) = checks.checks_of_visit(town, visit.id)
    assert saved.checked_on == visit.scheduled_at.date()
    assert saved.summary == "適合 3・不適合 1・未確認 1" and saved.facts.area == 21.6
    assert "メゾンみどり" in saved.note

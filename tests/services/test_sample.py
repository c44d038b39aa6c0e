"""The sample town みどり町: a rich, realistic directory fed through the services."""

import dataclasses
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter

import pytest

from kyojushien_desktop.content.abbreviations import abbreviations
from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.domain.search import SearchQuery
from kyojushien_desktop.services import datafile, timeline
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.meetings import meetings, participants
from kyojushien_desktop.services.members import organizations, people, terms
from kyojushien_desktop.services.sample import create_sample, sample_data
from kyojushien_desktop.store import organization_search


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """One sample file for the module (building it is the expensive part); tests only read it."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KYOJUSHIEN_HOME", str(home))
        session = create_sample(home / "sample.db", today=dt.date(2026, 11, 22))
    yield session
    session.close()


@pytest.fixture(scope="module")
def data():
    return sample_data()


def everyone(session, rows):
    return [person for row in rows for person in people.people_of(session, row.id)]


def test_settings_kept(sample):
    """The town's settings are as before: みどり町, 建設課 住宅係, marked as the sample."""
    values = load_settings(sample)
    assert (values.municipality, values.department, values.staff_name) == ("みどり町", "建設課 住宅係", "山田 花子")
    assert values.is_sample and values.next_rotation == dt.date(2027, 4, 1)


def test_organisations_cover_every_category_and_stage(sample):
    """At least 35 organisations, every 区分 and every 関係 present, both 庁内 and 庁外."""
    rows = organizations.list_organizations(sample)
    assert len(rows) >= 35
    assert set(terms.categories()) <= {row.category for row in rows}
    assert set(terms.stages()) <= {row.stage for row in rows}
    assert {True, False} <= {row.internal for row in rows}


def test_stages_as_in_the_json(sample, data):
    """Each organisation ends at the JSON's stage, although contacts raise 未接触 on their own;
    only a 庁外 one that came to the sample's exchange and was not yet that far is raised to
    意見交換会に参加 (the meetings' rule). Every 関係 still holds a few organisations."""
    stages = terms.stages()
    exchange = meeting_terms().exchange_stage
    came = {
        p.organization_id
        for m in meetings.list_meetings(sample)
        if meeting_terms().is_exchange(m.kind) and m.status in ("開催済", "報告済")
        for p in participants.participants_of(sample, m.id)
        if p.attending and not p.internal
    }
    raised = set()
    for row in organizations.list_organizations(sample):
        wanted = next(entry["stage"] for entry in data["organizations"] if entry["name"] == row.name)
        if row.id in came and wanted != "辞退・休止" and stages.index(wanted) < stages.index(exchange):
            wanted = exchange
            raised.add(row.name)
        assert row.stage == wanted, row.name
    assert 1 <= len(raised) <= 3, raised
    assert all(2 <= n <= 10 for n in Counter(row.stage for row in organizations.list_organizations(sample)).values())


def test_people_and_hand_overs(sample):
    """At least 60 people; at least 5 担当交代 whose 前任 left the day before the successor came."""
    people = everyone(sample, organizations.list_organizations(sample))
    assert len(people) >= 60
    by_id = {person.id: person for person in people}
    handed = [person for person in people if person.successor_id is not None]
    assert len(handed) >= 5
    for person in handed:
        successor = by_id[person.successor_id]
        assert successor.organization_id == person.organization_id
        assert person.ended_on == successor.started_on - dt.timedelta(days=1)


def test_timelines_follow_the_stage(sample):
    """未接触 has no contacts; most contacted organisations have a timeline of 2 or more;
    構成員（参加合意済） has many; every contact falls between 2025-04 and 2026-11."""
    rows = organizations.list_organizations(sample)
    contacts = {row.id: [e for e in timeline.for_organization(sample, row.id) if e.source == "contact"] for row in rows}
    for row in rows:
        if row.stage == "未接触":
            assert contacts[row.id] == [], row.name
        else:
            assert contacts[row.id], row.name
        if row.stage == "構成員（参加合意済）":
            assert len(contacts[row.id]) >= 4, row.name
    contacted = [row for row in rows if row.stage != "未接触"]
    with_timeline = [row for row in contacted if len(contacts[row.id]) >= 2]
    assert len(with_timeline) >= 0.8 * len(contacted)
    days = [entry.on for entries in contacts.values() for entry in entries]
    assert len(days) >= 100
    assert min(days) >= dt.date(2025, 4, 1) and max(days) <= dt.date(2026, 11, 30)
    assert set(Counter(entry.kind for entries in contacts.values() for entry in entries)) == set(terms.contact_kinds())


def test_contacts_name_the_person_in_charge_at_the_time(data):
    """A contact's 先方 is someone who was in charge on that day (before or after the 担当交代)."""
    for entry in data["organizations"]:
        periods = {}
        for person in entry["people"]:
            handed = person.get("hand_over")
            last = (dt.date.fromisoformat(handed["on"]) - dt.timedelta(days=1)).isoformat() if handed else None
            periods[person["name"]] = (person.get("started_on"), last)
            if handed:
                periods[handed["to"]["name"]] = (handed["on"], None)
        for contact in entry["contacts"]:
            start, end = periods[contact["person"]]
            assert (not start or start <= contact["on"]) and (not end or contact["on"] <= end), (entry["name"], contact)


def test_fictional_contact_details(data):
    """Phone numbers are 0123-/0111- style and e-mail addresses use example.jp / example.lg.jp."""
    phone = re.compile(r"^01(23|11)-\d{2}-\d{4}")
    email = re.compile(r"@([a-z0-9-]+\.)*example\.(lg\.)?jp$")
    for entry in data["organizations"]:
        people = entry["people"] + [p["hand_over"]["to"] for p in entry["people"] if "hand_over" in p]
        for value in [entry.get("phone"), entry.get("fax")] + [p.get("phone") for p in people]:
            assert not value or phone.match(value), value
        for value in [entry.get("email")] + [p.get("email") for p in people]:
            assert not value or email.search(value), value
        assert not entry.get("website") or ".example." in entry["website"]


def test_search_by_kana_fragment(sample):
    """A fragment of the よみがな, in カタカナ or ひらがな, finds the organisation; so does a person."""

    def names(query):
        return [row.name for row in organizations.search_organizations(sample, query)]

    assert "相談支援事業所そよかぜ" in names("ソヨカゼ")
    assert names("ひかりしょうじ") == ["有限会社ひかり商事"]
    assert "NPO法人みどり住まいネット" in names("すまいねっと")
    assert names("ふじい あや") == ["社会福祉法人みどり町社会福祉協議会"]


# For each abbreviation of resources/search/abbreviations.json (by its first short form): a query
# and a sample organisation that only the abbreviation list finds for it.
ABBREVIATION_HITS = {
    "社協": ("社協", "社会福祉法人みどり町社会福祉協議会"),
    "社福": ("社福", "社会福祉法人みどり福祉会"),
    "包括": ("地域包括支援センター", "訪問看護ステーションあおば"),  # its notes say 包括の木下さん
    "基幹": ("基幹相談支援センター", "相談支援事業所そよかぜ"),  # the note added below
    "宅建": ("宅建", "公益社団法人〇〇県宅地建物取引業協会 東部支部"),
    "全日": ("ぜんにち", "公益社団法人全日本不動産協会 〇〇県本部 東部支部"),
    "民協": ("民協", "あけぼの荘"),  # its notes say 民生委員協議会の関口会長
    "定着センター": ("定着センター", "〇〇県地域生活定着支援センター"),
    "訪看": ("訪看", "訪問看護ステーションあおば"),
    "NPO法人": ("特定非営利活動法人", "NPO法人みどり住まいネット"),
    "CSW": ("コミュニティソーシャルワーカー", "社会福祉法人みどり町社会福祉協議会"),
    "MSW": ("医療ソーシャルワーカー", "〇〇県立みどり中央病院 地域医療連携室"),
}


def by_name(session, name: str) -> int:
    return next(row.id for row in organizations.list_organizations(session) if row.name == name)


@pytest.fixture(scope="module")
def sample_with_note(sample, tmp_path_factory):
    """A copy of the sample town where そよかぜ's 備考 also mentions 基幹 (the town has no 基幹相談支援センター)."""
    home = tmp_path_factory.mktemp("copy")
    shutil.copyfile(sample.path, home / "sample.db")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KYOJUSHIEN_HOME", str(home))
        session = datafile.open_session(home / "sample.db")
        org = organizations.get_organization(session, by_name(session, "相談支援事業所そよかぜ"))
        organizations.save_organization(session, dataclasses.replace(org, notes=org.notes + "困難事例は基幹にも共有。"))
    yield session
    session.close()


def test_every_abbreviation_is_tried_on_the_sample_town():
    """Each entry of the abbreviation list has its case below."""
    assert {entry.short[0] for entry in abbreviations()} == set(ABBREVIATION_HITS)


@pytest.mark.parametrize("short", sorted(ABBREVIATION_HITS))
def test_abbreviation_finds_the_full_name(sample_with_note, short):
    """The query finds the organisation through the abbreviation list, which the words alone do not."""
    query, expected = ABBREVIATION_HITS[short]
    target = by_name(sample_with_note, expected)
    assert target in organizations.search_ids(sample_with_note, query)
    assert target not in organization_search.search_ids(sample_with_note.database, SearchQuery.parse(query))
    notes = organizations.get_organization(sample_with_note, target).notes
    assert organizations.matcher(query)(expected, notes)  # the picker's rule is the same


def test_tags_in_gojuon_order(sample):
    """タグ list: the kana ones in 五十音 order (カタカナ with ひらがな), then the kanji ones by reading order."""
    tags = organizations.all_tags(sample)
    kana = [t for t in tags if "\u3041" <= search_key(t)[0] <= "\u30ff"]
    assert tags[: len(kana)] == kana == ["オブザーバー", "コアメンバー", "シェルター", "ひとり親"]
    kanji = tags[len(kana) :]
    assert kanji.index("家賃滞納") < kanji.index("協力店") < kanji.index("見守り") < kanji.index("防災")
    assert kanji[0] == "家賃滞納" and kanji[-1] == "防災"


def test_tags_for_filtering(sample):
    """The tags a newcomer filters by are there."""
    assert {"協力店", "見守り", "シェルター"} <= set(organizations.all_tags(sample))
    partners = organizations.list_organizations(sample, organizations.OrganizationFilter(tag="協力店"))
    assert "株式会社みどり不動産" in [row.name for row in partners]


def test_sample_command_is_quick(tmp_path):
    """`kyojushien sample` builds the whole town in a new file in well under 5 seconds."""
    path = tmp_path / "sample.db"
    env = dict(os.environ, KYOJUSHIEN_HOME=str(tmp_path / "home"))
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "kyojushien_desktop", "sample", "--db", str(path)],
        capture_output=True,
        text=True,
        env=env,
    )
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    assert elapsed < 5, f"{elapsed:.1f} s"
    assert path.exists()

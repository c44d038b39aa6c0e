"""構成員・関係団体名簿 services on a real data file."""

import dataclasses
import datetime as dt

import pytest

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.members import Contact, Organization, Person
from kyojushien_desktop.services import datafile, timeline
from kyojushien_desktop.services.common.changes import Topic
from kyojushien_desktop.services.members import contacts, history, organizations, people


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    yield opened
    opened.close()


def add(session, name, category="不動産事業者・団体", **fields):
    org = dataclasses.replace(organizations.new_organization(category, name), **fields)
    organization_id, changes = organizations.save_organization(session, org)
    assert Topic.ORGANIZATIONS in changes.topics
    return organization_id


def test_new_organization_prefills_roles_from_guide():
    """期待される役割 starts as the guide's text for the 区分."""
    org = organizations.new_organization("弁護士・司法書士等")
    assert "成年後見制度を用いた金銭管理等について助言ができます" in org.expected_roles


def test_validation_names_every_field(session):
    """名称 missing, kanji in よみがな and a bad e-mail are all reported, each by its field."""
    bad = Organization(name=" ", category="その他", kana="漢字", email="jutaku@")
    with pytest.raises(ValidationError) as caught:
        organizations.save_organization(session, bad)
    assert set(caught.value.problems) == {"name", "kana", "email"}
    assert organizations.list_organizations(session) == []


def test_gojuon_order_and_filters(session):
    """The list is in 五十音 order by よみがな and filters by 区分, 関係, 庁内/庁外 and タグ."""
    add(session, "わかば荘", kana="ワカバソウ", tags=("協力店",))
    add(session, "あおば不動産", kana="あおばふどうさん", stage="接触済")
    add(session, "福祉課", category="福祉部局", kana="ふくしか", internal=True)
    names = [row.name for row in organizations.list_organizations(session)]
    assert names == ["あおば不動産", "福祉課", "わかば荘"]
    only = organizations.list_organizations
    assert [r.name for r in only(session, organizations.OrganizationFilter(internal=True))] == ["福祉課"]
    assert [r.name for r in only(session, organizations.OrganizationFilter(stage="接触済"))] == ["あおば不動産"]
    assert [r.name for r in only(session, organizations.OrganizationFilter(tag="協力店"))] == ["わかば荘"]
    assert [r.name for r in only(session, organizations.OrganizationFilter(category="福祉部局"))] == ["福祉課"]


def test_search_folds_kana_width_case_and_finds_people_and_phones(session):
    """ﾐﾄﾞﾘ, みどり and ミドリ find the same record; 1-2 characters work; people and digits too."""
    first = add(session, "株式会社ミドリ不動産", kana="ミドリフドウサン", phone="0123-45-6789", notes="ABCアパート管理")
    people.save_person(session, Person(name="鈴木 花子", kana="すずき はなこ", organization_id=first))
    add(session, "さくら荘", kana="さくらそう")
    for query in ("ﾐﾄﾞﾘ", "みどり", "ミドリ", "み", "すず", "鈴木", "abc", "ＡＢＣ", "４５６７", "0123-45"):
        assert organizations.search_ids(session, query) == [first], query
    assert organizations.search_ids(session, "そう") != [first]


def test_duplicate_warning_for_notation_variants(session):
    """株式会社/㈱, spaces and width count as the same name; a shared phone number too."""
    existing = add(session, "株式会社 みどり不動産", phone="0123-45-6789")
    for variant in ("㈱みどり不動産", "(株)ﾐﾄﾞﾘ不動産", "みどり 不動産"):
        similar = organizations.find_similar(session, Organization(name=variant, category="その他"))
        assert [s.id for s in similar] == [existing], variant
    by_phone = organizations.find_similar(
        session, Organization(name="別名", category="その他", phone="０１２３４５６７８９")
    )
    assert [s.id for s in by_phone] == [existing]


def test_change_history_records_field_old_and_new(session):
    """Editing logs which field changed from what to what."""
    organization_id = add(session, "さくら荘", phone="0123-11-1111")
    org = organizations.get_organization(session, organization_id)
    organizations.save_organization(session, dataclasses.replace(org, phone="0123-22-2222", stage="ヒアリング済"))
    changes = {(c.field, c.old_value, c.new_value) for c in history.history(session, organization_id)}
    assert ("電話", "0123-11-1111", "0123-22-2222") in changes
    assert ("協議会との関係", "未接触", "ヒアリング済") in changes


def test_delete_and_restore(session):
    """Deleting moves a record to 削除済み; restoring brings it back with its people."""
    organization_id = add(session, "さくら荘")
    people.save_person(session, Person(name="田中 一郎", organization_id=organization_id))
    organizations.delete_organization(session, organization_id)
    assert organizations.list_organizations(session) == []
    assert [r.id for r in organizations.deleted_organizations(session)] == [organization_id]
    assert organizations.search_ids(session, "さくら") == []
    organizations.restore_organization(session, organization_id)
    assert [r.people for r in organizations.list_organizations(session)] == ["田中 一郎"]


def test_hand_over_keeps_predecessor_and_timeline(session):
    """担当交代 ends one period the day before and starts the successor's; the 前任 stays."""
    organization_id = add(session, "みどり町社会福祉協議会", category="福祉事業者・団体")
    old_id, _ = people.save_person(
        session, Person(name="田中 一郎", organization_id=organization_id, started_on=dt.date(2022, 4, 1))
    )
    new_id, _ = people.hand_over(session, old_id, Person(name="鈴木 次郎", organization_id=0), dt.date(2026, 4, 1))
    listed = people.people_of(session, organization_id)
    assert [p.name for p in listed] == ["鈴木 次郎", "田中 一郎"]
    predecessor = listed[1]
    assert predecessor.ended_on == dt.date(2026, 3, 31) and predecessor.successor_id == new_id
    assert not predecessor.is_current
    kinds = [(e.on, e.kind) for e in timeline.for_organization(session, organization_id)]
    assert (dt.date(2026, 4, 1), "着任") in kinds and (dt.date(2026, 3, 31), "離任") in kinds
    assert organizations.list_organizations(session)[0].people == "鈴木 次郎"


def test_contact_on_timeline_and_raises_stage(session):
    """A contact typed by hand appears on the timeline and moves 未接触 to 接触済, never backwards."""
    organization_id = add(session, "さくら荘")
    contacts.add_contact(session, Contact(organization_id, dt.date(2026, 5, 10), "電話", "訪問日程を調整", "山田"))
    entry = timeline.for_organization(session, organization_id)[0]
    assert (entry.on, entry.kind, entry.title) == (dt.date(2026, 5, 10), "電話", "訪問日程を調整")
    assert "当方: 山田" in entry.detail
    assert organizations.get_organization(session, organization_id).stage == "接触済"
    org = organizations.get_organization(session, organization_id)
    organizations.save_organization(session, dataclasses.replace(org, stage="構成員候補"))
    contacts.add_contact(session, Contact(organization_id, dt.date(2026, 6, 1), "メール", "資料送付"))
    assert organizations.get_organization(session, organization_id).stage == "構成員候補"
    assert organizations.list_organizations(session)[0].last_contact == dt.date(2026, 6, 1)


def test_contact_kind_must_be_known(session):
    """An unknown 種類 is refused naming the field."""
    organization_id = add(session, "さくら荘")
    with pytest.raises(ValidationError) as caught:
        contacts.add_contact(session, Contact(organization_id, dt.date(2026, 5, 10), "FAX"))
    assert caught.value.field == "kind"


def test_read_only_session_refuses_writes(db_path):
    """In a read-only session saving is refused with a Japanese message and nothing changes."""
    session = datafile.open_session(db_path, read_only=True)
    with pytest.raises(Exception, match="読み取り専用"):
        organizations.save_organization(session, organizations.new_organization("その他", "さくら荘"))
    session.close()


def test_search_sees_every_change_and_nothing_rolled_back(session, db_path):
    """Search answers from memory, yet a save, a delete, a colleague's commit and a rolled-back
    write are each reflected by the next search."""
    first = add(session, "あさひ荘", kana="あさひそう")
    assert organizations.search_ids(session, "あさひ") == [first]
    org = organizations.get_organization(session, first)
    organizations.save_organization(session, dataclasses.replace(org, name="ひかり荘", kana="ひかりそう"))
    assert organizations.search_ids(session, "あさひ") == [] and organizations.search_ids(session, "ひかり") == [first]
    organizations.delete_organization(session, first)
    assert organizations.search_ids(session, "ひかり") == []
    reader = datafile.open_session(db_path, read_only=True)
    try:
        assert organizations.search_ids(reader, "さくら") == []
        second = add(session, "さくら荘")  # committed by the other (writing) session
        assert organizations.search_ids(reader, "さくら") == [second]
    finally:
        reader.close()
    with pytest.raises(ValidationError), session.database.atomic():
        add(session, "つばき荘")
        assert organizations.search_ids(session, "つばき") != []
        raise ValidationError("取り消し")
    assert organizations.search_ids(session, "つばき") == []


def test_every_word_must_match_and_abbreviations_expand(session):
    """みどり 社協 finds みどり町社会福祉協議会; each word may match a different field."""
    shakyo = add(session, "みどり町社会福祉協議会", category="福祉事業者・団体", notes="CSWが常駐")
    add(session, "さくら町社会福祉協議会", category="福祉事業者・団体")
    assert organizations.search_ids(session, "みどり 社協") == [shakyo]
    assert organizations.search_ids(session, "社協　ＣＳＷ") == [shakyo]
    assert len(organizations.search_ids(session, "しゃきょう")) == 2


def test_matcher_is_the_same_rule_for_a_picker():
    """The picker's matching folds kana, width and case and knows the abbreviations (あさひ finds アサヒ)."""
    assert organizations.matcher("あさひ")("株式会社アサヒ不動産")
    assert organizations.matcher("ｱｻﾋ　不動産")("株式会社アサヒ不動産")
    assert organizations.matcher("社協")("みどり町社会福祉協議会")
    assert organizations.matcher("4567")("みどり荘", "0123-45-6789")
    assert not organizations.matcher("あさひ")("株式会社ミドリ不動産")
    assert not organizations.matcher(" ")("株式会社アサヒ不動産")

"""Who takes part: invitations from the 名簿, 出欠 and its counts, the 関係 an exchange raises,
and the groups of a group work (tables of 4–6 mixing 立場, colleagues apart)."""

from collections import Counter

import pytest

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.meeting_groups import group_count, make_groups
from kyojushien_desktop.domain.meetings import ABSENT, ATTENDED, HELD, INVITED, NOT_INVITED, ONLINE, PROXY, Participant
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.changes import Topic
from kyojushien_desktop.services.meetings import meetings, participants
from kyojushien_desktop.services.members import history, organizations
from tests.services.meetings.builders import add_org, add_person, mark, participant, plan, snapshot


def test_invite_skips_whoever_is_already_on_the_list(session):
    """Invited while 企画中 they start 未案内, after the 案内 went out 案内済; an organisation or
    person already invited is not added twice."""
    shakyo = add_org(session, "みどり町社会福祉協議会", category="福祉事業者・団体")
    fujii = add_person(session, shakyo, "藤井 彩")
    sugawara = add_person(session, shakyo, "菅原 典子")
    meeting_id = plan(session)
    changes = participants.invite(session, meeting_id, [(shakyo, fujii), (shakyo, None)])
    assert changes.topics == {Topic.MEETINGS}
    participants.invite(session, meeting_id, [(shakyo, fujii), (shakyo, None), (shakyo, fujii)])
    assert [(p.person_id, p.attendance) for p in participants.participants_of(session, meeting_id)] == [
        (fujii, NOT_INVITED),
        (None, NOT_INVITED),
    ]
    meetings.set_status(session, meeting_id, INVITED)
    participants.invite(session, meeting_id, [(shakyo, sugawara), (shakyo, fujii)])
    listed = participants.participants_of(session, meeting_id)
    assert [(p.person_name, p.attendance) for p in listed] == [
        ("藤井 彩", NOT_INVITED),
        ("", NOT_INVITED),
        ("菅原 典子", INVITED),
    ]
    assert listed[2].organization_name == "みどり町社会福祉協議会" and listed[2].category == "福祉事業者・団体"


def test_invite_refuses_a_person_of_another_organisation_and_adds_none(session, db_path):
    """A person paired with an organisation they do not belong to is refused in Japanese, and
    nobody of that invitation is added."""
    fudosan = add_org(session, "みどり不動産")
    sakura = add_org(session, "さくら住宅管理")
    tanaka = add_person(session, fudosan, "田中 茂")
    meeting_id = plan(session)
    before = snapshot(db_path)
    with pytest.raises(UserFacingError, match="選んだ担当者はその団体の方ではありません"):
        participants.invite(session, meeting_id, [(fudosan, tanaka), (sakura, tanaka)])
    assert participants.participants_of(session, meeting_id) == []
    assert snapshot(db_path) == before


def test_guest_needs_a_name_or_affiliation(session):
    """A guest added on the spot needs a name or an affiliation; their 区分 is what was typed."""
    meeting_id = plan(session)
    with pytest.raises(UserFacingError) as caught:
        participants.save_participant(session, Participant(meeting_id, guest_name=" "))
    assert caught.value.field == "guest_name"
    guest_id, _ = participants.save_participant(
        session,
        Participant(meeting_id, guest_name=" 大学 教授 ", guest_affiliation="みどり大学", guest_category="その他"),
    )
    (guest,) = participants.participants_of(session, meeting_id)
    assert guest.id == guest_id and guest.guest and guest.name == "大学 教授" and guest.shown_category == "その他"


def test_attendance_counted_by_category_inside_outside_and_venue_online(session):
    """出席 and 代理出席 count as attending; 区分 in the 名簿's order; 庁内/庁外 and 会場/オンライン
    among those attending; 未案内 is not counted as invited."""
    fukushi = add_org(session, "福祉課 社会福祉係", category="福祉部局", internal=True)
    jutaku = add_org(session, "建設課 都市計画係", category="住宅部局", internal=True)
    fudosan = add_org(session, "みどり不動産")
    sakura = add_org(session, "さくら住宅管理")
    net = add_org(session, "みどり住まいネット", category="居住支援法人")
    kouhou = add_org(session, "保護司会", category="更生保護関係者")
    meeting_id = plan(session, kind="グループワーク")
    meetings.set_status(session, meeting_id, INVITED)
    participants.invite(session, meeting_id, [(o, None) for o in (fukushi, jutaku, fudosan, sakura, net, kouhou)])
    mark(session, meeting_id, fukushi, attendance=ATTENDED)
    mark(session, meeting_id, jutaku, attendance=ATTENDED, attend_mode=ONLINE)
    mark(session, meeting_id, fudosan, attendance=PROXY, proxy_name="中村 さやか")
    mark(session, meeting_id, sakura, attendance=ABSENT)
    mark(session, meeting_id, net, attendance=ATTENDED, attend_mode=ONLINE)
    # 保護司会 stays 案内済 (no answer); a guest comes on the day.
    participants.save_participant(
        session, Participant(meeting_id, guest_name="見学者", guest_category="その他", attendance=ATTENDED)
    )
    participants.save_participant(session, Participant(meeting_id, guest_name="未案内の方", attendance=NOT_INVITED))
    counts = participants.counts(session, meeting_id)
    assert (counts.invited, counts.attending, counts.absent) == (7, 5, 1)
    assert (counts.venue, counts.online) == (3, 2)
    assert (counts.internal, counts.external, counts.organizations) == (2, 3, 5)
    assert counts.by_category == (
        ("住宅部局", 1),
        ("福祉部局", 1),
        ("不動産事業者・団体", 1),
        ("居住支援法人", 1),
        ("その他", 1),
    )
    assert participant(session, meeting_id, fudosan).name == "中村 さやか（代理）"
    assert kouhou not in {p.organization_id for p in participants.participants_of(session, meeting_id) if p.attending}


def _town_for_an_exchange(session):
    """庁外 at three stages, one that declined, and a 庁内 課 — all attending."""
    return {
        "contacted": add_org(session, "ひかり商事", stage="接触済"),
        "heard": add_org(session, "あんしんリンク", category="居住支援法人", stage="ヒアリング済"),
        "candidate": add_org(session, "さくら住宅管理", stage="構成員候補"),
        "declined": add_org(session, "駅前ホーム", stage="辞退・休止"),
        "internal": add_org(session, "福祉課 保護係", category="福祉部局", internal=True, stage="接触済"),
        "absent": add_org(session, "コーポ小松", stage="接触済"),
    }


def _hold(session, kind, orgs):
    meeting_id = plan(session, kind=kind, title=f"{kind}の会")
    meetings.set_status(session, meeting_id, INVITED)
    participants.invite(session, meeting_id, [(o, None) for o in orgs.values()])
    for name, organization_id in orgs.items():
        mark(session, meeting_id, organization_id, attendance=ABSENT if name == "absent" else ATTENDED)
    return meeting_id, meetings.set_status(session, meeting_id, HELD)


def stage(session, organization_id):
    return organizations.get_organization(session, organization_id).stage


def test_an_exchange_held_raises_outside_attendees_with_the_history_written(session):
    """Held, an exchange (グループワーク) raises each attending 庁外 organisation below it to
    意見交換会に参加, with a 変更履歴 line; 庁内, absent, further on and 辞退・休止 stay."""
    orgs = _town_for_an_exchange(session)
    _, changes = _hold(session, "グループワーク", orgs)
    assert Topic.ORGANIZATIONS in changes.topics
    assert stage(session, orgs["contacted"]) == stage(session, orgs["heard"]) == "意見交換会に参加"
    assert stage(session, orgs["candidate"]) == "構成員候補"  # never lowered
    assert stage(session, orgs["declined"]) == "辞退・休止"
    assert stage(session, orgs["internal"]) == "接触済"
    assert stage(session, orgs["absent"]) == "接触済"
    (line,) = [e for e in history.history(session, orgs["heard"]) if e.field == "協議会との関係"]
    assert (line.action, line.old_value, line.new_value) == ("変更", "ヒアリング済", "意見交換会に参加")
    assert not [e for e in history.history(session, orgs["candidate"]) if e.field == "協議会との関係"]


def test_a_study_session_raises_nobody(session):
    """A 庁内勉強会 or a 勉強会・講演会 is not an exchange: nobody's 関係 moves."""
    orgs = _town_for_an_exchange(session)
    for kind in ("庁内勉強会", "勉強会・講演会"):
        _, changes = _hold(session, kind, orgs)
        assert Topic.ORGANIZATIONS not in changes.topics
    assert stage(session, orgs["contacted"]) == "接触済" and stage(session, orgs["heard"]) == "ヒアリング済"


def test_attendance_recorded_after_the_exchange_raises_too(session):
    """An attendee ticked 出席 after the meeting was marked 開催済 is raised then."""
    late = add_org(session, "コーポ小松", stage="ヒアリング済")
    meeting_id = plan(session, kind="意見交換会")
    participants.invite(session, meeting_id, [(late, None)])
    meetings.set_status(session, meeting_id, HELD)
    assert stage(session, late) == "ヒアリング済"
    changes = participants.set_attendance(session, [participant(session, meeting_id, late).id], ATTENDED)
    assert Topic.ORGANIZATIONS in changes.topics and stage(session, late) == "意見交換会に参加"


def test_set_attendance_for_several_is_all_or_nothing(session, db_path):
    """The roster ticked for several at once: when one of them is gone, none is changed."""
    a = add_org(session, "みどり不動産", stage="ヒアリング済")
    b = add_org(session, "さくら住宅管理", stage="ヒアリング済")
    meeting_id = plan(session, kind="意見交換会")
    participants.invite(session, meeting_id, [(a, None), (b, None)])
    meetings.set_status(session, meeting_id, HELD)
    first, second = (p.id for p in participants.participants_of(session, meeting_id))
    participants.remove(session, second)
    before = snapshot(db_path)
    with pytest.raises(UserFacingError, match="参加者が見つかりません"):
        participants.set_attendance(session, [first, second], ATTENDED)
    assert snapshot(db_path) == before
    assert participant(session, meeting_id, a).attendance == NOT_INVITED and stage(session, a) == "ヒアリング済"


# --- groups ----------------------------------------------------------------------------------

SIDES = meeting_terms().group_sides


def _group_work(session, spec: dict[str, tuple[str, int]]) -> int:
    """Organisations name → (区分, how many of its people attend), all 出席."""
    meeting_id = plan(session, kind="グループワーク")
    meetings.set_status(session, meeting_id, INVITED)
    for name, (category, count) in spec.items():
        organization_id = add_org(session, name, category=category)
        people = [add_person(session, organization_id, f"{name}の{n + 1}") for n in range(count)]
        participants.invite(session, meeting_id, [(organization_id, p) for p in people])
    ids = [p.id for p in participants.participants_of(session, meeting_id)]
    participants.set_attendance(session, ids, ATTENDED)
    return meeting_id


TOWN = {
    "福祉課": ("福祉部局", 2),
    "長寿介護課": ("福祉部局", 1),
    "社会福祉協議会": ("福祉事業者・団体", 2),
    "地域包括支援センター": ("福祉事業者・団体", 2),
    "相談支援事業所": ("福祉事業者・団体", 1),
    "宅建協会": ("不動産事業者・団体", 1),
    "みどり不動産": ("不動産事業者・団体", 2),
    "さくら住宅管理": ("不動産事業者・団体", 2),
    "みどり住まいネット": ("居住支援法人", 2),
    "あんしんリンク": ("居住支援法人", 1),
    "企画課": ("住宅部局", 1),
    "都市計画係": ("住宅部局", 2),
    "司法書士事務所": ("弁護士・司法書士等", 1),
}


def test_groups_mix_sides_keep_colleagues_apart_and_stay_four_to_six(session):
    """20 attendees at size 5: four tables of 5, each with at least three 立場 and none of one
    organisation twice; nobody left out; no warning."""
    meeting_id = _group_work(session, TOWN)
    assert participants.make_meeting_groups(session, meeting_id, 5).topics == {Topic.MEETINGS}
    groups = participants.groups_of(session, meeting_id)
    assert sorted(len(g) for g in groups.values()) == [5, 5, 5, 5]
    assert sum(len(g) for g in groups.values()) == len(participants.participants_of(session, meeting_id))
    for members in groups.values():
        assert len({SIDES.get(p.category, p.category) for p in members}) >= 3
        assert len({p.organization_id for p in members}) == len(members)
    assert participants.group_warnings(session, meeting_id) == []
    assert meetings.get_meeting(session, meeting_id).group_size == 5


def test_groups_are_deterministic(session, tmp_path, template_db):
    """The same attendees give the same tables: again in the same file, and in another file."""
    meeting_id = _group_work(session, TOWN)
    participants.make_meeting_groups(session, meeting_id, 5)

    def tables(s, m):
        return {n: [p.person_name for p in ps] for n, ps in participants.groups_of(s, m).items()}

    first = tables(session, meeting_id)
    participants.make_meeting_groups(session, meeting_id, 5)
    assert tables(session, meeting_id) == first
    other_path = tmp_path / "other.db"
    other_path.write_bytes(template_db.read_bytes())
    other = datafile.open_session(other_path)
    try:
        other_meeting = _group_work(other, TOWN)
        participants.make_meeting_groups(other, other_meeting, 5)
        assert tables(other, other_meeting) == first
    finally:
        other.close()


def test_only_attendees_are_seated_and_invitees_before_the_day(session):
    """After the day only those who came get a table; before it, everyone not 欠席."""
    meeting_id = _group_work(session, {"福祉課": ("福祉部局", 4), "みどり不動産": ("不動産事業者・団体", 5)})
    everyone = participants.participants_of(session, meeting_id)
    participants.set_attendance(session, [everyone[0].id], ABSENT)
    participants.make_meeting_groups(session, meeting_id, 4)
    seated = {p.id for ps in participants.groups_of(session, meeting_id).values() for p in ps}
    assert seated == {p.id for p in everyone[1:]}
    planned = _group_work(session, {"社協": ("福祉事業者・団体", 4), "包括": ("福祉事業者・団体", 4)})
    listed = participants.participants_of(session, planned)
    participants.set_attendance(session, [p.id for p in listed], INVITED)
    participants.set_attendance(session, [listed[0].id], ABSENT)
    participants.make_meeting_groups(session, planned, 4)
    assert sorted(len(g) for g in participants.groups_of(session, planned).values()) == [3, 4]  # 7 cannot make 4–6


@pytest.mark.parametrize("size", [4, 5, 6])
def test_every_table_holds_four_to_six_when_the_numbers_allow(size):
    """At each size the guide allows, every head count from 8 to 40 gives tables of 4–6 people
    (9 at size 4 is 5+4, not 3+3+3; 11 at size 5 is 6+5, not 4+4+3)."""
    seating = meeting_terms().seating
    bounds = (seating.group_min, seating.group_max)
    assert bounds == (4, 6)
    for attendees in range(8, 41):
        people = [Participant(1, organization_id=n, id=n, category="福祉部局") for n in range(1, attendees + 1)]
        sizes = Counter(make_groups(people, size, SIDES, bounds).values()).values()
        assert min(sizes) >= 4 and max(sizes) <= 6, (size, attendees, sorted(sizes))
        assert group_count(attendees, size, bounds) == len(sizes)
    assert group_count(9, 4, bounds) == 2 and group_count(11, 5, bounds) == 2
    assert group_count(7, 5, bounds) == 2 and group_count(0, 5, bounds) == 0  # 7 cannot be 4–6: as close as it goes


def test_group_warnings_name_the_table(session):
    """Colleagues put at one table by hand, and a table of one 立場, are pointed out; one taken
    off every table is seated nowhere."""
    meeting_id = _group_work(session, TOWN)
    participants.make_meeting_groups(session, meeting_id, 5)
    first, second = (
        p for p in participants.participants_of(session, meeting_id) if p.organization_name == "みどり不動産"
    )
    assert first.group_no != second.group_no
    participants.move_to_group(session, meeting_id, second.id, first.group_no)
    warnings = participants.group_warnings(session, meeting_id)
    assert f"グループ{first.group_no}に「みどり不動産」の方が複数います。" in warnings

    welfare = [p for p in participants.participants_of(session, meeting_id) if SIDES.get(p.category) == "福祉"][:4]
    for p in welfare:
        participants.move_to_group(session, meeting_id, p.id, 9)
    assert "グループ9は全員が「福祉」の立場です。" in participants.group_warnings(session, meeting_id)
    participants.move_to_group(session, meeting_id, welfare[0].id, None)
    assert welfare[0].id not in {p.id for ps in participants.groups_of(session, meeting_id).values() for p in ps}


def test_group_notes_kept_per_group(session):
    """Each group's 主な意見 is saved by its number and can be corrected."""
    meeting_id = plan(session, kind="グループワーク")
    participants.save_group_note(session, meeting_id, 1, " 連絡先の一覧がほしい \n")
    participants.save_group_note(session, meeting_id, 2, "保証会社の審査")
    participants.save_group_note(session, meeting_id, 1, "緊急連絡先")
    assert participants.group_notes(session, meeting_id) == {1: "緊急連絡先", 2: "保証会社の審査"}
    with pytest.raises(UserFacingError):
        participants.save_group_note(session, meeting_id + 100, 1, "x")

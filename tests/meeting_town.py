"""A held group work like the sample town's third 勉強会, built through the services on a sample
file: 28 invited from the 名簿 (4 欠席, one 代理出席, three online) and a guest, so 25 attend; five
groups with their 主な意見, 23 アンケート forms and a filled record. The report tests and the bench use it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from kyojushien_desktop.domain.meetings import (
    ABSENT,
    ATTENDED,
    HYBRID,
    ONLINE,
    PROXY,
    Meeting,
    Participant,
    ProgramItem,
)
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import meetings, participants, survey
from kyojushien_desktop.services.members import organizations, people

TITLE = "第3回 居住支援勉強会 相互理解グループワーク"
# (organisation, how many of its current people are invited)
INVITED = (
    ("企画課 企画政策係", 1),
    ("建設課 都市計画係", 1),
    ("福祉課 社会福祉係", 2),
    ("福祉課 保護係", 1),
    ("福祉課 障害福祉係", 1),
    ("長寿介護課", 1),
    ("〇〇県住宅供給公社 東部管理事務所", 1),
    ("公益社団法人〇〇県宅地建物取引業協会 東部支部", 1),
    ("公益社団法人全日本不動産協会 〇〇県本部 東部支部", 1),
    ("株式会社みどり不動産", 2),
    ("有限会社さくら住宅管理", 1),
    ("有限会社ひかり商事", 1),
    ("株式会社駅前ホーム", 1),
    ("NPO法人みどり住まいネット", 2),
    ("一般社団法人〇〇県すまいサポートセンター", 1),
    ("株式会社あんしんリンク 東部営業所", 1),
    ("社会福祉法人みどり町社会福祉協議会", 2),
    ("みどり町地域包括支援センター", 1),
    ("相談支援事業所そよかぜ", 1),
    ("みどり町民生委員児童委員協議会", 1),
    ("なかがわ司法書士事務所", 1),
    ("〇〇県立みどり中央病院 地域医療連携室", 1),
    ("みどり地区保護司会", 1),
    ("〇〇県 県土整備部 住宅課", 1),
)
ABSENT_ORGS = ("有限会社ひかり商事", "株式会社駅前ホーム", "長寿介護課", "みどり地区保護司会")
ONLINE_ORGS = (
    "一般社団法人〇〇県すまいサポートセンター",
    "〇〇県立みどり中央病院 地域医療連携室",
    "なかがわ司法書士事務所",
)
PROXY_ORG, PROXY_NAME = "公益社団法人全日本不動産協会 〇〇県本部 東部支部", "西村 亮"

PROGRAM = (
    ("13:30", "開会・趣旨説明（到達点: 相互理解）", "建設課 住宅係 山田 花子"),
    ("13:40", "話題提供「相談窓口から見える住まいの困りごと」", "社会福祉法人みどり町社会福祉協議会 森田 健二"),
    ("14:05", "話題提供「賃貸住宅の現場から — 大家さんの心配ごと」", "株式会社みどり不動産 田中 茂"),
    ("14:30", "グループワーク「それぞれの立場でできること・困っていること」", "進行: 山田 花子"),
    ("15:35", "全体共有・まとめ", ""),
    ("15:55", "アンケート記入・閉会", ""),
)
LECTURE = """社会福祉協議会の森田氏から、令和7年度に受けた住まいの相談42件の内訳が紹介された。
・高齢の単身者の住み替え相談が最も多く、保証人や緊急連絡先がいないことが壁になっている
・相談を受けてから入居まで平均2か月かかり、その間の仮住まいに困る例がある
みどり不動産の田中氏からは、大家さんが心配するのは家賃の滞納より「入居後に何かあったときに連絡がつくか」だという話があった。
・見守りや連絡先の仕組みがあれば貸せる物件は町内にもある"""
OPINIONS = """・住宅側と福祉側で同じ「相談」という言葉でも、想定している時期や内容が違うことが分かった
・入居前だけでなく、入居後の見守りを誰が担うかを決めておくことが、大家さんの安心につながる
・相談の受付票を共通にできないか、次回以降に検討したい"""
GROUP_NOTES = {
    1: "・不動産会社に相談が来たときの福祉側の窓口が分からない\n・窓口一覧を一枚にまとめてほしい",
    2: "・保証会社の審査に通らない人の事例を共有した\n・居住支援法人の支援内容を知らなかったという声が多い",
    3: "・入居後の見守りは、民生委員と地域包括の役割分担を整理すると進めやすい",
    4: "・空き家の活用は、所有者の不安（相続・修繕）を聞く場が必要",
    5: "・退院時に住まいがない人の相談が増えている\n・病院と不動産会社が直接話す機会がほしい",
}
NEXT_PLANS = """・令和8年3月に第1回 意見交換会（不動産事業者と福祉関係者）を開く
・グループワークで出た「窓口一覧」の案を事務局が作り、次回までに配る
・コアメンバー会議で協議会の設立時期を話し合う"""

SCALES = {"satisfaction": (9, 10, 3, 1, 0), "understanding": (7, 11, 4, 1, 0)}
CONNECTION = (17, 6)
AFFILIATION = (4, 5, 5, 3, 5, 1)
IMPRESSIONS = (
    "大家さんが何を心配しているのか、初めて具体的に聞けた",
    "福祉の窓口がこんなにあるとは知らなかった",
    "同じテーブルの不動産会社の方と名刺交換できた",
    "入居後の見守りの話が参考になった",
    "グループの人数がちょうどよく、話しやすかった",
    "保証人がいない人の事例が身近に感じられた",
    "行政の担当者と直接話せたのがよかった",
    "居住支援法人の役割がよく分かった",
)
THEMES = ("家賃債務保証の仕組み", "空き家の活用", "退院時の住まいの確保", "生活保護と住宅扶助", "見守りサービスの実例")
COMMENTS = ("次回も参加したい", "時間がもう少しあるとよかった", "資料を事前にもらえると助かる")
RESPONSES = 23


def _answers(questions: dict[str, int], n: int) -> dict[int, object]:
    """Form ``n`` (0-based): the counts above dealt out in order, free answers on some forms."""

    def nth(counts: tuple[int, ...]) -> int:
        total = 0
        for index, count in enumerate(counts, 1):
            total += count
            if n < total:
                return index
        return 0

    answers: dict[int, object] = {questions[key]: nth(counts) or "" for key, counts in SCALES.items()}
    answers[questions["connection"]] = nth(CONNECTION) or ""
    answers[questions["affiliation"]] = nth(AFFILIATION) or ""
    for key, texts, every in (("impression", IMPRESSIONS, 2), ("next_theme", THEMES, 4), ("comment", COMMENTS, 7)):
        if n % every == 0 and n // every < len(texts):
            answers[questions[key]] = texts[n // every]
    return answers


def add_third_session(session: Session, on: dt.date = dt.date(2026, 2, 12)) -> int:
    """The held, reported group work; returns its id."""
    meeting = Meeting(
        kind="グループワーク",
        title=TITLE,
        starts_at=dt.datetime.combine(on, dt.time(13, 30)),
        ends_at=dt.time(16, 0),
        venue_mode=HYBRID,
        venue="みどり町役場 2階 大会議室",
        organizer="みどり町 建設課 住宅係",
        co_organizers="みどり町 福祉課、社会福祉法人みどり町社会福祉協議会",
        phase=1,
        goal_stage="相互理解",
        theme="住まいに困っている人の姿を、住宅と福祉それぞれの立場から出し合う",
        facilitator="山田 花子（建設課 住宅係）",
        seating="少人数のグループ形式",
        status="案内済",
    )
    program = [ProgramItem(item=item, at=at, speaker=speaker) for at, item, speaker in PROGRAM]
    meeting_id, _ = meetings.save_meeting(session, meeting, program)

    by_name = {o.name: o.id for o in organizations.list_organizations(session)}
    choices = []
    for name, count in INVITED:
        current = [p for p in people.people_of(session, by_name[name]) if p.is_current][:count]
        choices += [(by_name[name], p.id) for p in current]
    participants.invite(session, meeting_id, choices)
    for p in participants.participants_of(session, meeting_id):
        attendance, mode, proxy = ATTENDED, "会場", ""
        if p.organization_name in ABSENT_ORGS:
            attendance = ABSENT
        elif p.organization_name == PROXY_ORG:
            attendance, proxy = PROXY, PROXY_NAME
        if p.organization_name in ONLINE_ORGS:
            mode = ONLINE
        participants.save_participant(
            session, dataclasses.replace(p, attendance=attendance, attend_mode=mode, proxy_name=proxy)
        )
    guest = Participant(
        meeting_id,
        guest_name="石川 さとみ",
        guest_affiliation="〇〇大学 人間福祉学部",
        guest_category="その他",
        attendance=ATTENDED,
    )
    participants.save_participant(session, guest)
    participants.make_meeting_groups(session, meeting_id, 5)
    for number, note in GROUP_NOTES.items():
        participants.save_group_note(session, meeting_id, number, note)

    questions = {q.key: q.id for q in survey.questions_of(session, meeting_id) if q.id is not None}
    for n in range(RESPONSES):
        survey.save_response(session, meeting_id, n + 1, _answers(questions, n))

    held = dataclasses.replace(
        meetings.get_meeting(session, meeting_id),
        lecture_summary=LECTURE,
        opinions=OPINIONS,
        minutes="議事メモは別紙",
        review_impressions="大家さんの心配ごとの話に、福祉側の参加者が大きくうなずいていた",
        next_plans=NEXT_PLANS,
    )
    meetings.save_record(session, held)
    meetings.set_status(session, meeting_id, "報告済")
    return meeting_id

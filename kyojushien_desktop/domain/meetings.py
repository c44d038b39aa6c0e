"""会議・勉強会: a meeting planned the guide's way (6章), its programme, participants, checklist,
groups and what was said, and the rules for what may be saved.

The guide says a lecture or exchange meeting is a tool, not the goal: what is done before and
after decides whether it works. So a meeting carries its 到達点 and テーマ, a checklist of the
guide's steps with due dates counted from its day, and, once held, the record the 開催レポート is
made from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from kyojushien_desktop.domain.members import Problems, normalize_text

PLANNING, INVITED, HELD, REPORTED = "企画中", "案内済", "開催済", "報告済"
MEETING_STATUSES: tuple[str, ...] = (PLANNING, INVITED, HELD, REPORTED)
NOT_INVITED, INVITATION_SENT, ATTENDED, ABSENT, PROXY = "未案内", "案内済", "出席", "欠席", "代理出席"
ATTENDANCE: tuple[str, ...] = (NOT_INVITED, INVITATION_SENT, ATTENDED, ABSENT, PROXY)
ATTENDING: frozenset[str] = frozenset({ATTENDED, PROXY})
VENUE, ONLINE, HYBRID = "会場", "オンライン", "併用"
VENUE_MODES: tuple[str, ...] = (VENUE, ONLINE, HYBRID)
ATTEND_MODES: tuple[str, ...] = (VENUE, ONLINE)
BEFORE, AFTER = "before", "after"
SCALE, CHOICE, FREE = "scale", "choice", "free"
SURVEY_KINDS: tuple[str, ...] = (SCALE, CHOICE, FREE)
PHASES: tuple[int, ...] = (1, 2, 3, 4)


@dataclass(frozen=True)
class Meeting:
    """One meeting. ``goal_stage`` is one of the guide's 到達点の例 or empty (then ``goal`` is the
    town's own); ``participants_situation`` is what the planner knows of the participants, which
    the guide's table turns into 講演のテーマ例."""

    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.time | None = None
    venue_mode: str = VENUE
    venue: str = ""
    organizer: str = ""
    co_organizers: str = ""
    phase: int | None = None
    goal_stage: str = ""
    goal: str = ""
    theme: str = ""
    participants_situation: str = ""
    facilitator: str = ""
    seating: str = ""
    group_size: int = 5
    status: str = PLANNING
    lecture_summary: str = ""
    minutes: str = ""
    opinions: str = ""
    review_impressions: str = ""
    review_notes: str = ""
    next_plans: str = ""
    id: int | None = None
    deleted_at: str | None = None

    @property
    def held(self) -> bool:
        return self.status in (HELD, REPORTED)


@dataclass(frozen=True)
class MeetingSummary:
    """A line of the meetings list."""

    id: int
    kind: str
    title: str
    starts_at: dt.datetime
    status: str
    invited: int
    attending: int
    open_tasks: int
    deleted_at: str | None = None


@dataclass(frozen=True)
class ProgramItem:
    """A line of the プログラム: 時刻, 項目 and the 講師・話題提供者 (a person of the 名簿, or typed)."""

    item: str
    at: str = ""  # "13:30", or empty
    speaker: str = ""
    speaker_person_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class Participant:
    """An invited organisation or person of the 名簿, or a guest typed on the spot. The names and
    区分 after ``active`` are read with it, for showing; they are never saved from here."""

    meeting_id: int
    organization_id: int | None = None
    person_id: int | None = None
    guest_name: str = ""
    guest_affiliation: str = ""
    guest_category: str = ""
    attendance: str = NOT_INVITED
    attend_mode: str = VENUE
    proxy_name: str = ""
    group_no: int | None = None
    active: bool = False  # 積極的な反応を示した参加者 (ふりかえり会)
    id: int | None = None
    organization_name: str = ""
    person_name: str = ""
    category: str = ""
    internal: bool = False

    @property
    def guest(self) -> bool:
        return self.organization_id is None

    @property
    def attending(self) -> bool:
        return self.attendance in ATTENDING

    @property
    def affiliation(self) -> str:
        """The organisation as the roster prints it."""
        return self.organization_name or self.guest_affiliation

    @property
    def name(self) -> str:
        """Who came: the person, the guest, or the proxy in their place."""
        if self.attendance == PROXY and self.proxy_name:
            return f"{self.proxy_name}（代理）"
        return self.person_name or self.guest_name

    @property
    def shown_category(self) -> str:
        return self.category or self.guest_category or "その他"


@dataclass(frozen=True)
class ChecklistItem:
    """A step before or after the meeting. ``guide_step`` names the guide's step whose text is
    shown beside it; ``days`` is the offset from the meeting's day its 期限 was counted with."""

    meeting_id: int
    key: str
    timing: str
    title: str
    guide_step: str = ""
    days: int = 0
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    position: int = 0
    id: int | None = None

    @property
    def done(self) -> bool:
        return self.done_on is not None


@dataclass(frozen=True)
class GroupNote:
    group_no: int
    opinions: str = ""


@dataclass(frozen=True)
class SurveyQuestion:
    """A question of the 参加者アンケート. A scale's ``choices`` are its five labels, best first."""

    meeting_id: int
    text: str
    kind: str = FREE
    choices: tuple[str, ...] = ()
    label: str = ""
    key: str = ""
    position: int = 0
    id: int | None = None

    @property
    def short(self) -> str:
        return self.label or self.text


@dataclass(frozen=True)
class SurveyResponse:
    """One respondent's form: question id → the answer (a choice's label or the free text)."""

    meeting_id: int
    number: int
    answers: dict[int, str] = field(default_factory=dict)
    id: int | None = None


def _one_line(value: str | None) -> str:
    return " ".join(normalize_text(value).split())


def _lines(value: str | None) -> str:
    return "\n".join(line.rstrip() for line in normalize_text(value).splitlines()).strip()


def clean_meeting(meeting: Meeting, kinds: tuple[str, ...]) -> Meeting:
    """Trims what was typed and checks it; raises ``ValidationError`` with every problem."""
    cleaned = replace(
        meeting,
        title=_one_line(meeting.title),
        venue=_one_line(meeting.venue),
        organizer=_one_line(meeting.organizer),
        co_organizers=_one_line(meeting.co_organizers),
        goal_stage=_one_line(meeting.goal_stage),
        goal=_lines(meeting.goal),
        theme=_lines(meeting.theme),
        participants_situation=_lines(meeting.participants_situation),
        facilitator=_one_line(meeting.facilitator),
        seating=_one_line(meeting.seating),
        lecture_summary=_lines(meeting.lecture_summary),
        minutes=_lines(meeting.minutes),
        opinions=_lines(meeting.opinions),
        review_impressions=_lines(meeting.review_impressions),
        review_notes=_lines(meeting.review_notes),
        next_plans=_lines(meeting.next_plans),
    )
    problems = Problems()
    if cleaned.kind not in kinds:
        problems.add("kind", "種類を一覧から選んでください。")
    if not cleaned.title:
        problems.add("title", "題名を入力してください（例: 第1回 居住支援勉強会）。")
    elif len(cleaned.title) > 100:
        problems.add("title", "題名は100文字以内で入力してください。")
    if not isinstance(cleaned.starts_at, dt.datetime):
        problems.add("starts_at", "日時を入力してください。")
    elif cleaned.ends_at is not None and cleaned.ends_at <= cleaned.starts_at.time():
        problems.add("ends_at", "終わりの時刻は始まりより後にしてください。")
    if cleaned.venue_mode not in VENUE_MODES:
        problems.add("venue_mode", "場所の形を選んでください（" + "・".join(VENUE_MODES) + "）。")
    if cleaned.phase is not None and cleaned.phase not in PHASES:
        problems.add("phase", "フェーズは1〜4から選んでください。")
    if cleaned.status not in MEETING_STATUSES:
        problems.add("status", "状態を選んでください（" + "・".join(MEETING_STATUSES) + "）。")
    if not 2 <= cleaned.group_size <= 10:
        problems.add("group_size", "グループの人数は2〜10人にしてください。")
    for key, label, limit in (
        ("venue", "場所", 100),
        ("organizer", "主催", 100),
        ("co_organizers", "共催", 200),
        ("facilitator", "進行役", 100),
    ):
        if len(getattr(cleaned, key)) > limit:
            problems.add(key, f"{label}は{limit}文字以内で入力してください。")
    problems.raise_if_any()
    return cleaned


def clean_program(items: list[ProgramItem]) -> list[ProgramItem]:
    """Blank lines dropped; a 時刻 must read as 時:分 (全角 accepted)."""
    cleaned: list[ProgramItem] = []
    problems = Problems()
    for number, item in enumerate(items, start=1):
        text, speaker, at = _one_line(item.item), _one_line(item.speaker), _one_line(item.at)
        if not (text or speaker or at):
            continue
        if at:
            parsed = parse_clock(at)
            if parsed is None:
                problems.add(
                    f"program.{number}", f"プログラム{number}行目の時刻「{at}」は 13:30 の形で入力してください。"
                )
            else:
                at = parsed
        if not text:
            problems.add(f"program.{number}", f"プログラム{number}行目の項目を入力してください。")
        cleaned.append(replace(item, item=text, speaker=speaker, at=at))
    problems.raise_if_any()
    return cleaned


def parse_clock(text: str) -> str | None:
    """「13:30」「１３：３０」「13時30分」「9時」 → "13:30"; None when it is not a time of day."""
    import unicodedata

    value = unicodedata.normalize("NFKC", text).strip().replace("時", ":").replace("分", "")
    hours, _, minutes = value.partition(":")
    if not hours.isdigit() or (minutes and not minutes.isdigit()):
        return None
    hour, minute = int(hours), int(minutes or 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return f"{hour:02d}:{minute:02d}"


def clean_participant(participant: Participant) -> Participant:
    cleaned = replace(
        participant,
        guest_name=_one_line(participant.guest_name),
        guest_affiliation=_one_line(participant.guest_affiliation),
        guest_category=_one_line(participant.guest_category),
        proxy_name=_one_line(participant.proxy_name),
    )
    problems = Problems()
    if cleaned.organization_id is None and not (cleaned.guest_name or cleaned.guest_affiliation):
        problems.add("guest_name", "名簿から選ぶか、当日の参加者の氏名か所属を入力してください。")
    if cleaned.attendance not in ATTENDANCE:
        problems.add("attendance", "出欠を選んでください（" + "・".join(ATTENDANCE) + "）。")
    if cleaned.attend_mode not in ATTEND_MODES:
        problems.add("attend_mode", "参加方法を選んでください（会場・オンライン）。")
    problems.raise_if_any()
    return cleaned


def due_date(meeting_day: dt.date, days: int) -> dt.date:
    return meeting_day + dt.timedelta(days=days)


def suggested_seating(attendees: int, circle_up_to: int) -> str:
    """The guide's rule of thumb (p50): everyone in one circle up to about 15, else small groups."""
    return "circle" if attendees <= circle_up_to else "groups"

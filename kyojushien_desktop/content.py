"""The national guide's content (居住支援協議会設立の手引き, 令和7年3月) as read-only data.

The wording lives in ``resources/guide/*.json`` rather than in code so that it can be checked
against the guide word for word and corrected without touching the screens. Each file is read
once and turned into frozen dataclasses holding tuples, so screens can share the objects freely.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from kyojushien_desktop.paths import resource_path

__all__ = [
    "Activity",
    "CaseEvent",
    "ContentError",
    "DiagnosisItem",
    "DiagnosisPhase",
    "DiagnosisSheet",
    "Facilitator",
    "GuidePoint",
    "GuideQuestion",
    "GuideQuestionBank",
    "HearingSection",
    "HearingTarget",
    "HearingTip",
    "LectureTheme",
    "MeetingGoal",
    "MeetingPlanning",
    "MeetingStep",
    "MemberCategory",
    "Milestone",
    "Phase",
    "PhaseExample",
    "PlanExample",
    "ProcessCase",
    "ScalePoint",
    "SeatingStyle",
    "Secretariat",
    "SecretariatForm",
    "diagnosis_sheet",
    "guide_points",
    "guide_points_lead",
    "hearing_sections",
    "hearing_targets",
    "hearing_tips",
    "meeting_planning",
    "member_activities",
    "member_admin_note",
    "member_categories",
    "member_category",
    "member_intro",
    "milestone",
    "milestone_check",
    "milestones",
    "phase",
    "phases",
    "phases_intro",
    "process_cases",
    "question_bank",
    "question_banks",
    "secretariat",
    "source_of",
    "souvenirs",
]

_T = TypeVar("_T")

GUIDE_FILES = (
    "phases.json",
    "members.json",
    "hearing.json",
    "meetings.json",
    "secretariat.json",
    "diagnosis.json",
)


class ContentError(RuntimeError):
    """A guide data file is missing or malformed; the message names the file so it can be fixed."""


# ---------------------------------------------------------------------------------------------
# loading


@functools.cache
def _load(name: str) -> dict[str, Any]:
    """Read one guide file; cached because the content never changes while the app runs."""
    try:
        path = resource_path("guide", name)
    except FileNotFoundError as exc:
        raise ContentError(f"手引きデータ {name} が見つかりません: {exc}") from exc
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(f"手引きデータ {path} を読み込めません: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(f"手引きデータ {path} のJSONが不正です: {exc}") from exc
    if not isinstance(data, dict):
        raise ContentError(f"手引きデータ {path} の最上位がオブジェクトではありません")
    return data


def _build(name: str, builder: Callable[[dict[str, Any]], _T]) -> _T:
    """Turn a file into dataclasses, reporting a missing key or wrong type with the file's name."""
    data = _load(name)
    try:
        return builder(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ContentError(f"手引きデータ {name} の形式が不正です: {exc!r}") from exc


def _strs(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise TypeError(f"文字列の配列が必要です: {values!r}")
    return tuple(values)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"文字列が必要です: {value!r}")
    return value


def source_of(name: str) -> str:
    """Where a file's wording comes from (guide, chapter, pages), for footers and reports."""
    if name not in GUIDE_FILES:
        raise ContentError(f"未知の手引きデータ: {name}")
    return _build(name, lambda d: _str(d["source"]))


# ---------------------------------------------------------------------------------------------
# chapter 4: phases, milestones, points, process cases


@dataclass(frozen=True, slots=True)
class Milestone:
    """One 到達の目安; the same 21 items are the rows of the diagnostic sheet."""

    id: str
    phase: int
    text: str


@dataclass(frozen=True, slots=True)
class PhaseExample:
    """A 取組み例 of a phase, with the municipality's photo caption as ``case``."""

    title: str
    points: tuple[str, ...]
    case: str


@dataclass(frozen=True, slots=True)
class Phase:
    number: int
    title: str
    scope: str
    page: int
    aim: tuple[str, ...]
    examples: tuple[PhaseExample, ...]
    milestone_lead: str
    milestones: tuple[Milestone, ...]


@dataclass(frozen=True, slots=True)
class GuidePoint:
    """One of the six ポイント for working towards setting up a council (p39)."""

    title: str
    body: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CaseEvent:
    date: str
    text: str


@dataclass(frozen=True, slots=True)
class ProcessCase:
    """A municipality's timeline to a council (八代市, 伊豆の国市), shown as a worked example."""

    city: str
    lead: str
    page: int
    summary: tuple[str, ...]
    events: tuple[CaseEvent, ...]


def _phase(raw: dict[str, Any]) -> Phase:
    number = int(raw["number"])
    return Phase(
        number=number,
        title=_str(raw["title"]),
        scope=_str(raw["scope"]),
        page=int(raw["page"]),
        aim=_strs(raw["aim"]),
        examples=tuple(
            PhaseExample(title=_str(e["title"]), points=_strs(e["points"]), case=_str(e["case"]))
            for e in raw["examples"]
        ),
        milestone_lead=_str(raw["milestone_lead"]),
        milestones=tuple(Milestone(id=_str(m["id"]), phase=number, text=_str(m["text"])) for m in raw["milestones"]),
    )


@functools.cache
def phases() -> tuple[Phase, ...]:
    """The four phases to a council, in order; the backbone of the progress screens."""
    return _build("phases.json", lambda d: tuple(_phase(p) for p in d["phases"]))


def phase(number: int) -> Phase:
    """One phase by its number (1–4); a wrong number is a programming error, so it raises."""
    for p in phases():
        if p.number == number:
            return p
    raise KeyError(f"フェーズ {number} はありません")


@functools.cache
def milestones() -> tuple[Milestone, ...]:
    """All 21 到達の目安 in order 1-1 … 4-5, for checklists that span the phases."""
    return tuple(m for p in phases() for m in p.milestones)


def milestone(milestone_id: str) -> Milestone:
    """One 到達の目安 by id (e.g. "2-5"); stored records refer to milestones by this id."""
    for m in milestones():
        if m.id == milestone_id:
            return m
    raise KeyError(f"到達の目安 {milestone_id} はありません")


@functools.cache
def phases_intro() -> tuple[str, ...]:
    """The guide's two-line explanation of the four phases (p31)."""
    return _build("phases.json", lambda d: _strs(d["intro"]))


@functools.cache
def milestone_check() -> str:
    """The sentence that asks what was learnt and shared before moving on to the next phase."""
    return _build("phases.json", lambda d: _str(d["milestone_check"]))


@functools.cache
def guide_points() -> tuple[GuidePoint, ...]:
    """The six ポイント of p39 (e.g. 人事異動を踏まえたスケジュール調整)."""
    return _build(
        "phases.json",
        lambda d: tuple(GuidePoint(title=_str(p["title"]), body=_strs(p["body"])) for p in d["points"]),
    )


@functools.cache
def guide_points_lead() -> str:
    """The one-line lead above the six ポイント."""
    return _build("phases.json", lambda d: _str(d["points_lead"]))


@functools.cache
def process_cases() -> tuple[ProcessCase, ...]:
    """The 八代市 (住宅部局主導) and 伊豆の国市 (福祉部局主導) timelines of p36–p37."""

    def build(d: dict[str, Any]) -> tuple[ProcessCase, ...]:
        return tuple(
            ProcessCase(
                city=_str(c["city"]),
                lead=_str(c["lead"]),
                page=int(c["page"]),
                summary=_strs(c["summary"]),
                events=tuple(CaseEvent(date=_str(e["date"]), text=_str(e["text"])) for e in c["events"]),
            )
            for c in d["cases"]
        )

    return _build("phases.json", build)


# ---------------------------------------------------------------------------------------------
# chapter 2: members and activities


@dataclass(frozen=True, slots=True)
class MemberCategory:
    """A kind of council member and the roles the guide expects of it (p23).

    ``guide_name`` is the heading as printed in the guide when the app uses a shorter name.
    """

    key: str
    name: str
    roles: tuple[str, ...]
    guide_name: str


@dataclass(frozen=True, slots=True)
class Activity:
    """One of the council's three main activities (土台づくり / 仕組みづくり / 資源づくり, p19)."""

    key: str
    name: str
    subtitle: str
    motto: str
    page: int


@functools.cache
def member_categories() -> tuple[MemberCategory, ...]:
    """The nine member categories in the guide's order, used to classify the contact list."""

    def build(d: dict[str, Any]) -> tuple[MemberCategory, ...]:
        return tuple(
            MemberCategory(
                key=_str(c["key"]),
                name=_str(c["name"]),
                roles=_strs(c["roles"]),
                guide_name=_str(c.get("guide_name", c["name"])),
            )
            for c in d["categories"]
        )

    return _build("members.json", build)


def member_category(name_or_key: str) -> MemberCategory:
    """A category by its key, name or the guide's heading, so stored data may use either."""
    for c in member_categories():
        if name_or_key in (c.key, c.name, c.guide_name):
            return c
    raise KeyError(f"構成員の区分 {name_or_key} はありません")


@functools.cache
def member_intro() -> tuple[str, ...]:
    """The three lead bullets of p23 (no fixed form, スモールスタート, …)."""
    return _build("members.json", lambda d: _strs(d["intro"]))


@functools.cache
def member_admin_note() -> str:
    """The note on what administrative staff bring: the whole-area view."""
    return _build("members.json", lambda d: _str(d["admin_note"]))


@functools.cache
def member_activities() -> tuple[Activity, ...]:
    """The council's three main activities, to tag meetings and actions."""

    def build(d: dict[str, Any]) -> tuple[Activity, ...]:
        return tuple(
            Activity(
                key=_str(a["key"]),
                name=_str(a["name"]),
                subtitle=_str(a["subtitle"]),
                motto=_str(a["motto"]),
                page=int(a["page"]),
            )
            for a in d["activities"]
        )

    return _build("members.json", build)


# ---------------------------------------------------------------------------------------------
# chapter 5: hearings


@dataclass(frozen=True, slots=True)
class HearingSection:
    key: str
    title: str
    lead: str


@dataclass(frozen=True, slots=True)
class HearingTarget:
    """Who to visit (e.g. 不動産業界団体へのヒアリング) with the guide's example organisations."""

    key: str
    section: str
    title: str
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GuideQuestion:
    """One question; ``key`` is stable so that recorded answers keep pointing at it."""

    key: str
    text: str


@dataclass(frozen=True, slots=True)
class GuideQuestionBank:
    """A 質問例 list. ``derived`` banks are built by the app from the guide's text, not printed in it;
    ``source_text`` is the guide's original line for the printed ones (empty for derived banks)."""

    key: str
    name: str
    guide_heading: str
    target_keys: tuple[str, ...]
    derived: bool
    questions: tuple[GuideQuestion, ...]
    source_text: str
    derived_note: str


@dataclass(frozen=True, slots=True)
class HearingTip:
    number: int
    title: str
    body: str


@functools.cache
def hearing_sections() -> tuple[HearingSection, ...]:
    """The two sides of a hearing: private rentals and the people needing housing support."""
    return _build(
        "hearing.json",
        lambda d: tuple(
            HearingSection(key=_str(s["key"]), title=_str(s["title"]), lead=_str(s["lead"])) for s in d["sections"]
        ),
    )


@functools.cache
def hearing_targets() -> tuple[HearingTarget, ...]:
    """The four kinds of hearing target of p44, to plan visits."""
    return _build(
        "hearing.json",
        lambda d: tuple(
            HearingTarget(
                key=_str(t["key"]),
                section=_str(t["section"]),
                title=_str(t["title"]),
                examples=_strs(t["examples"]),
            )
            for t in d["targets"]
        ),
    )


@functools.cache
def question_banks() -> tuple[GuideQuestionBank, ...]:
    """The question lists offered when preparing a hearing (two from the guide, one derived)."""

    def build(d: dict[str, Any]) -> tuple[GuideQuestionBank, ...]:
        return tuple(
            GuideQuestionBank(
                key=_str(b["key"]),
                name=_str(b["name"]),
                guide_heading=_str(b["guide_heading"]),
                target_keys=_strs(b["target_keys"]),
                derived=bool(b.get("derived", False)),
                questions=tuple(GuideQuestion(key=_str(q["key"]), text=_str(q["text"])) for q in b["questions"]),
                source_text=_str(b.get("source_text", "")),
                derived_note=_str(b.get("derived_note", "")),
            )
            for b in d["question_banks"]
        )

    return _build("hearing.json", build)


def question_bank(key: str) -> GuideQuestionBank:
    """One question bank by key ("real_estate", "welfare", "public_housing")."""
    for b in question_banks():
        if b.key == key:
            return b
    raise KeyError(f"質問例 {key} はありません")


@functools.cache
def hearing_tips() -> tuple[HearingTip, ...]:
    """The two ヒアリングのコツ, shown beside the hearing form."""
    return _build(
        "hearing.json",
        lambda d: tuple(
            HearingTip(number=int(t["number"]), title=_str(t["title"]), body=_str(t["body"])) for t in d["tips"]
        ),
    )


@functools.cache
def souvenirs() -> tuple[str, ...]:
    """The guide's examples of 「情報のお土産」 to bring to a hearing."""
    return _build("hearing.json", lambda d: _strs(d["souvenirs"]))


# ---------------------------------------------------------------------------------------------
# chapter 6: meeting planning


@dataclass(frozen=True, slots=True)
class PlanExample:
    """A situation and the kind of meeting the guide suggests for it."""

    situation: str
    plan: str


@dataclass(frozen=True, slots=True)
class MeetingStep:
    """One thing to do before or after a lecture or discussion."""

    title: str
    body: tuple[str, ...]
    examples: tuple[PlanExample, ...]


@dataclass(frozen=True, slots=True)
class LectureTheme:
    """A row of the p48 table: participants' situation → suggested lecture themes."""

    situations: tuple[str, ...]
    themes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MeetingGoal:
    """A row of the p49 table: stage, goal to reach, discussion theme and its points."""

    stage: str
    goal: str
    theme: str
    points: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SeatingStyle:
    name: str
    points: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Facilitator:
    """How the facilitator sets the tone, with the guide's two sample remarks."""

    title: str
    lead: str
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MeetingPlanning:
    """Chapter 6's advice for planning lectures and discussions, in the guide's order."""

    source: str
    intro: str
    scenes: tuple[str, ...]
    before: tuple[MeetingStep, ...]
    after: tuple[MeetingStep, ...]
    lecture_points: tuple[str, ...]
    lecture_themes: tuple[LectureTheme, ...]
    speaker_search: tuple[str, ...]
    goals_lead: tuple[str, ...]
    goals: tuple[MeetingGoal, ...]
    atmosphere: tuple[str, ...]
    seating: tuple[SeatingStyle, ...]
    record_tip_title: str
    record_tip: str
    facilitator: Facilitator


def _steps(raw: list[dict[str, Any]]) -> tuple[MeetingStep, ...]:
    return tuple(
        MeetingStep(
            title=_str(s["title"]),
            body=_strs(s["body"]),
            examples=tuple(
                PlanExample(situation=_str(e["situation"]), plan=_str(e["plan"])) for e in s.get("examples", [])
            ),
        )
        for s in raw
    )


@functools.cache
def meeting_planning() -> MeetingPlanning:
    """Everything the meeting-planning screen shows, read once."""

    def build(d: dict[str, Any]) -> MeetingPlanning:
        f = d["facilitator"]
        return MeetingPlanning(
            source=_str(d["source"]),
            intro=_str(d["intro"]),
            scenes=_strs(d["scenes"]),
            before=_steps(d["before"]),
            after=_steps(d["after"]),
            lecture_points=_strs(d["lecture_points"]),
            lecture_themes=tuple(
                LectureTheme(situations=_strs(r["situations"]), themes=_strs(r["themes"])) for r in d["lecture_themes"]
            ),
            speaker_search=_strs(d["speaker_search"]),
            goals_lead=_strs(d["goals_lead"]),
            goals=tuple(
                MeetingGoal(
                    stage=_str(g["stage"]),
                    goal=_str(g["goal"]),
                    theme=_str(g["theme"]),
                    points=_strs(g["points"]),
                )
                for g in d["goals"]
            ),
            atmosphere=_strs(d["atmosphere"]),
            seating=tuple(SeatingStyle(name=_str(s["name"]), points=_strs(s["points"])) for s in d["seating"]),
            record_tip_title=_str(d["record_tip_title"]),
            record_tip=_str(d["record_tip"]),
            facilitator=Facilitator(title=_str(f["title"]), lead=_str(f["lead"]), examples=_strs(f["examples"])),
        )

    return _build("meetings.json", build)


# ---------------------------------------------------------------------------------------------
# chapter 7: secretariat


@dataclass(frozen=True, slots=True)
class SecretariatForm:
    """Who runs the secretariat (行政 / 民間団体) with its strengths and points to watch."""

    name: str
    strengths: tuple[str, ...]
    cautions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Secretariat:
    source: str
    lead: tuple[str, ...]
    tasks_heading: str
    tasks: tuple[str, ...]
    forms: tuple[SecretariatForm, ...]
    joint_note: str


@functools.cache
def secretariat() -> Secretariat:
    """The secretariat's tasks and the two ways to staff it (p52), to help decide who runs it."""

    def build(d: dict[str, Any]) -> Secretariat:
        return Secretariat(
            source=_str(d["source"]),
            lead=_strs(d["lead"]),
            tasks_heading=_str(d["tasks_heading"]),
            tasks=_strs(d["tasks"]),
            forms=tuple(
                SecretariatForm(name=_str(f["name"]), strengths=_strs(f["strengths"]), cautions=_strs(f["cautions"]))
                for f in d["forms"]
            ),
            joint_note=_str(d["joint_note"]),
        )

    return _build("secretariat.json", build)


# ---------------------------------------------------------------------------------------------
# p38: the diagnostic sheet


@dataclass(frozen=True, slots=True)
class ScalePoint:
    value: int
    label: str


@dataclass(frozen=True, slots=True)
class DiagnosisPhase:
    number: int
    title: str
    main_page: str


@dataclass(frozen=True, slots=True)
class DiagnosisItem:
    """A row of the self-assessment; ``text`` is the phase's 到達の目安 with the same id."""

    id: str
    phase: int
    text: str
    pages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DiagnosisSheet:
    """The 目線合わせのための取組み診断シート ①自己評価表 and how to use it."""

    source: str
    title: str
    subtitle: str
    lead: tuple[str, ...]
    header_fields: tuple[str, ...]
    instruction: str
    scale: tuple[ScalePoint, ...]
    scale_note: str
    phases: tuple[DiagnosisPhase, ...]
    items: tuple[DiagnosisItem, ...]
    pages_note: str
    free_answer_label: str
    steps: tuple[str, ...]
    steps_note: str

    def items_for(self, phase_number: int) -> tuple[DiagnosisItem, ...]:
        """The rows of one phase, for drawing the sheet phase by phase."""
        return tuple(i for i in self.items if i.phase == phase_number)


@functools.cache
def diagnosis_sheet() -> DiagnosisSheet:
    """The diagnostic sheet, read once; its rows are the same 21 items as the milestones."""

    def build(d: dict[str, Any]) -> DiagnosisSheet:
        return DiagnosisSheet(
            source=_str(d["source"]),
            title=_str(d["title"]),
            subtitle=_str(d["subtitle"]),
            lead=_strs(d["lead"]),
            header_fields=_strs(d["header_fields"]),
            instruction=_str(d["instruction"]),
            scale=tuple(ScalePoint(value=int(s["value"]), label=_str(s["label"])) for s in d["scale"]),
            scale_note=_str(d["scale_note"]),
            phases=tuple(
                DiagnosisPhase(number=int(p["number"]), title=_str(p["title"]), main_page=_str(p["main_page"]))
                for p in d["phases"]
            ),
            items=tuple(
                DiagnosisItem(id=_str(i["id"]), phase=int(i["phase"]), text=_str(i["text"]), pages=_strs(i["pages"]))
                for i in d["items"]
            ),
            pages_note=_str(d["pages_note"]),
            free_answer_label=_str(d["free_answer_label"]),
            steps=_strs(d["steps"]),
            steps_note=_str(d["steps_note"]),
        )

    return _build("diagnosis.json", build)

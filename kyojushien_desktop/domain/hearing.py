"""ヒアリング: question banks, visits, answers and follow-ups, and the rules for what may be saved.

The guide (5章「現場に足を運んで把握する」) gives the questions; the secretariat adds its own,
visits organisations with a chosen set of them and writes the answers down afterwards. Answers are
kept as text, as said, but a 数値 answer must read as a number and a はい/いいえ or 選択肢 answer
must be one of its options, so that the side-by-side comparison stays comparable.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import NamedTuple

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.members import Problems, normalize_text

ANSWER_TYPES: dict[str, str] = {"free": "自由記述", "number": "数値", "yesno": "はい/いいえ", "choice": "選択肢"}
YES, NO = "はい", "いいえ"
PLANNED, DONE, RECORDED = "予定", "実施済", "記録済"
VISIT_STATUSES: tuple[str, ...] = (PLANNED, DONE, RECORDED)
# Shown, never stored: a visit still 予定 on a day already past is waiting for its record.
AWAITING_RECORD = "記録待ち"


def shown_status(status: str, scheduled_on: dt.date, today: dt.date) -> str:
    """The 状態 as the lists show it: 記録待ち for a planned visit whose day has passed."""
    return AWAITING_RECORD if status == PLANNED and scheduled_on < today else status


GUIDE_MARK = "手引きより"
MAX_LINES = 20
DEFAULT_LINES = 3

_HALF_KANA = re.compile(r"[\uff61-\uff9f]+")
_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$")


@dataclass(frozen=True)
class QuestionBank:
    """A named list of questions; ``guide_key`` is set for the banks seeded from the guide."""

    name: str
    description: str = ""
    guide_key: str | None = None
    position: int = 0
    id: int | None = None
    retired_at: str | None = None
    question_count: int = 0

    @property
    def from_guide(self) -> bool:
        return self.guide_key is not None

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


@dataclass(frozen=True)
class Question:
    """One question of a bank. ``guide_text`` keeps the guide's wording so an edited question can
    be put back; ``lines`` is the answer space on the printed sheet."""

    bank_id: int
    text: str
    answer_type: str = "free"
    choices: tuple[str, ...] = ()
    lines: int = DEFAULT_LINES
    guide_key: str | None = None
    guide_text: str | None = None
    position: int = 0
    id: int | None = None
    retired_at: str | None = None

    @property
    def from_guide(self) -> bool:
        return self.guide_key is not None

    @property
    def reworded(self) -> bool:
        """True when a guide question no longer has the guide's wording."""
        return self.guide_text is not None and self.text != self.guide_text

    @property
    def retired(self) -> bool:
        return self.retired_at is not None

    @property
    def answer_type_label(self) -> str:
        return ANSWER_TYPES.get(self.answer_type, self.answer_type)


@dataclass(frozen=True)
class Visit:
    """A hearing visit, planned or done. ``question_ids`` are in the order they are asked;
    ``souvenirs`` are the 情報のお土産 taken (the guide's examples, by their wording)."""

    organization_id: int
    scheduled_at: dt.datetime
    place: str = ""
    visitors: str = ""
    companions: str = ""
    purpose: str = ""
    person_ids: tuple[int, ...] = ()
    question_ids: tuple[int, ...] = ()
    souvenirs: tuple[str, ...] = ()
    souvenir_other: str = ""
    policy_conveyed: bool = False
    status: str = PLANNED
    memo: str = ""
    strengths_noted: str = ""
    troubles_noted: str = ""
    id: int | None = None
    deleted_at: str | None = None


@dataclass(frozen=True)
class VisitSummary:
    """A row of the visit list and of the comparison table."""

    id: int
    organization_id: int
    organization_name: str
    category: str
    scheduled_at: dt.datetime
    status: str
    purpose: str
    place: str
    question_count: int = 0
    answered_count: int = 0
    open_followups: int = 0
    organization_sort: str = ""  # the organisation's よみがな key, for 五十音 order
    deleted_at: str | None = None  # set only in the 削除済み list


@dataclass(frozen=True)
class VisitOnTimeline:
    """A visit as its organisation's timeline shows it: the plan, the names of the people met and
    how many of the chosen questions have an answer."""

    id: int
    scheduled_at: dt.datetime
    status: str
    purpose: str = ""
    place: str = ""
    visitors: str = ""
    companions: str = ""
    memo: str = ""
    people_names: str = ""
    question_count: int = 0
    answered_count: int = 0


@dataclass(frozen=True)
class GuideKeys:
    """The guide keys already in a file: the guide banks' ids by key, and the guide questions' keys."""

    bank_ids: dict[str, int]
    question_keys: frozenset[str]


@dataclass(frozen=True)
class VisitFilter:
    """Which visits a list shows; None means any."""

    status: str | None = None
    organization_id: int | None = None
    category: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


class CompareRow(NamedTuple):
    """One visit of the comparison: who and when, and its answers by question id."""

    visit: VisitSummary
    answers: dict[int, str]


@dataclass(frozen=True)
class CompareTable:
    """Answers side by side: rows are visits, columns are the bank's questions."""

    bank: QuestionBank
    questions: tuple[Question, ...]
    rows: tuple[CompareRow, ...]
    filter_note: str = ""


@dataclass(frozen=True)
class SheetData:
    """Everything one printed ヒアリングシート shows. A blank sheet (no visit yet) has an empty
    ``organization_name`` and no ``scheduled_at``: its header is left as lines to write on."""

    bank_name: str
    questions: tuple[Question, ...]
    souvenir_options: tuple[str, ...]
    tips: tuple[tuple[str, str], ...]
    organization_name: str = ""
    scheduled_at: dt.datetime | None = None
    place: str = ""
    visitors: str = ""
    companions: str = ""
    people: tuple[str, ...] = ()
    purpose: str = ""
    targets: tuple[str, ...] = ()
    souvenirs: tuple[str, ...] = ()
    souvenir_other: str = ""
    policy_conveyed: bool = False
    visit_id: int | None = None

    @property
    def blank(self) -> bool:
        return self.visit_id is None


# --- validation ------------------------------------------------------------------------------


def widen_kana(value: str | None) -> str:
    """Half-width katakana widened (ｶﾞ → ガ); everything else as typed, so that 「？」 and 「（）」
    in a question or a place stay full-width as Japanese documents write them."""
    return _HALF_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), value or "")


def _one_line(value: str | None) -> str:
    return re.sub(r"\s+", " ", widen_kana(value)).strip()


def _lines(value: str | None) -> str:
    """Trimmed free text; line breaks kept, half-width kana widened."""
    return widen_kana(value).strip()


def clean_choices(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for value in values:
        text = _one_line(value)
        if text and text not in seen:
            seen.append(text)
    return tuple(seen)


def clean_bank(bank: QuestionBank) -> QuestionBank:
    cleaned = replace(bank, name=_one_line(bank.name), description=(bank.description or "").strip())
    problems = Problems()
    if not cleaned.name:
        problems.add("name", "質問バンクの名前を入力してください。")
    elif len(cleaned.name) > 60:
        problems.add("name", "質問バンクの名前は60文字以内で入力してください。")
    problems.raise_if_any()
    return cleaned


def clean_question(question: Question) -> Question:
    """Trims the text and choices and checks the answer type, choices and lines."""
    cleaned = replace(question, text=_one_line(question.text), choices=clean_choices(question.choices))
    problems = Problems()
    if not cleaned.text:
        problems.add("text", "質問文を入力してください。")
    elif len(cleaned.text) > 200:
        problems.add("text", "質問文は200文字以内で入力してください。")
    if cleaned.answer_type not in ANSWER_TYPES:
        problems.add("answer_type", "回答の形式を選んでください（" + "・".join(ANSWER_TYPES.values()) + "）。")
    if cleaned.answer_type == "choice":
        if len(cleaned.choices) < 2:
            problems.add("choices", "選択肢を2つ以上入力してください。")
        elif len(cleaned.choices) > 12:
            problems.add("choices", "選択肢は12個までです。")
    else:
        cleaned = replace(cleaned, choices=())
    if not isinstance(cleaned.lines, int) or not 1 <= cleaned.lines <= MAX_LINES:
        problems.add("lines", f"記入欄の行数は1から{MAX_LINES}の間で指定してください。")
    problems.raise_if_any()
    return cleaned


def parse_number(text: str) -> str | None:
    """The number in ``text`` as plain digits ('１，２００' → '1200'), or None if it is not one."""
    value = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    value = value.replace("ー", "-").replace("−", "-")
    if _GROUPED.match(value):
        value = value.replace(",", "")
    return value if _NUMBER.match(value) else None


def clean_answer(question: Question, text: str | None) -> str:
    """The answer as stored, or ``ValidationError`` naming the question; empty means 未回答.
    A 数値 answer is stored as plain digits, a はい/いいえ or 選択肢 answer as the option itself
    (width and spacing as typed do not matter)."""
    if question.answer_type == "free":
        return _lines(text)
    value = normalize_text(text)
    if not value:
        return ""
    key = f"answer:{question.id}"
    if question.answer_type == "number":
        number = parse_number(value)
        if number is None:
            raise ValidationError(f"「{question.text}」の回答は数値で入力してください（例: 120）。", field=key)
        return number
    options = (YES, NO) if question.answer_type == "yesno" else question.choices
    for option in options:
        if normalize_text(option) == value:
            return option
    if question.answer_type == "yesno":
        raise ValidationError(f"「{question.text}」の回答は「{YES}」か「{NO}」を選んでください。", field=key)
    raise ValidationError(f"「{question.text}」の回答は選択肢（{'・'.join(options)}）から選んでください。", field=key)


def clean_answers(questions: dict[int, Question], answers: dict[int, str]) -> dict[int, str]:
    """Every answer checked at once so a form can mark all the wrong ones; unknown ids refused."""
    problems = Problems()
    cleaned: dict[int, str] = {}
    for question_id, text in answers.items():
        question = questions.get(question_id)
        if question is None:
            problems.add(f"answer:{question_id}", "このヒアリングで選んでいない質問への回答です。")
            continue
        try:
            cleaned[question_id] = clean_answer(question, text)
        except ValidationError as exc:  # gathered, so that every wrong answer is reported at once
            problems.add(exc.field, exc.message)
    problems.raise_if_any()
    return cleaned


def clean_visit(visit: Visit, souvenir_options: tuple[str, ...] = ()) -> Visit:
    """Trims what was typed and checks the visit; raises ``ValidationError`` with every problem."""
    souvenirs = clean_choices(list(visit.souvenirs))
    cleaned = replace(
        visit,
        place=_one_line(visit.place),
        visitors=_one_line(visit.visitors),
        companions=_one_line(visit.companions),
        purpose=_one_line(visit.purpose),
        person_ids=tuple(dict.fromkeys(visit.person_ids)),
        question_ids=tuple(dict.fromkeys(visit.question_ids)),
        souvenirs=souvenirs,
        souvenir_other=_one_line(visit.souvenir_other),
        memo=_lines(visit.memo),
        strengths_noted=_lines(visit.strengths_noted),
        troubles_noted=_lines(visit.troubles_noted),
    )
    problems = Problems()
    if not cleaned.organization_id:
        problems.add("organization_id", "訪問先の団体を選んでください。")
    if not isinstance(cleaned.scheduled_at, dt.datetime):
        problems.add("scheduled_at", "日時を入力してください。")
    if cleaned.status not in VISIT_STATUSES:
        problems.add("status", "状態を選んでください（" + "・".join(VISIT_STATUSES) + "）。")
    for key, label, limit in (
        ("place", "場所", 100),
        ("visitors", "訪問者", 100),
        ("companions", "同行者", 100),
        ("purpose", "目的", 200),
        ("souvenir_other", "お土産（その他）", 100),
    ):
        if len(getattr(cleaned, key)) > limit:
            problems.add(key, f"{label}は{limit}文字以内で入力してください。")
    if souvenir_options:
        unknown = [s for s in souvenirs if s not in souvenir_options]
        if unknown:
            problems.add("souvenirs", "お土産は一覧から選び、ほかのものは「その他」に入力してください。")
    problems.raise_if_any()
    return cleaned

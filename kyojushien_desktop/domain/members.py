"""The member directory's records (団体・機関, 担当者, 経過記録) and the rules for what may be saved."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.kana import digits_only, search_key

INTERNAL_LABELS = {True: "庁内", False: "庁外"}

ORGANIZATION_FIELDS: dict[str, str] = {
    "name": "名称",
    "kana": "よみがな",
    "category": "区分",
    "kind": "種別",
    "internal": "庁内/庁外",
    "address": "住所",
    "phone": "電話",
    "fax": "FAX",
    "email": "メール",
    "website": "Webサイト",
    "stage": "協議会との関係",
    "expected_roles": "期待される役割",
    "strengths": "得意なこと",
    "troubles": "困りごと",
    "tags": "タグ",
    "notes": "備考",
}
PERSON_FIELDS: dict[str, str] = {
    "name": "氏名",
    "kana": "よみがな",
    "organization_id": "所属団体",
    "department": "部署",
    "title": "役職",
    "phone": "電話",
    "email": "メール",
    "started_on": "着任日",
    "ended_on": "離任日",
    "notes": "備考",
}

_KANA_ONLY = re.compile(r"^[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb\u309b\u309c\u3000 ・ー－\-（）()]*$")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_LEGAL_FORMS = (
    "株式会社",
    "(株)",
    "有限会社",
    "(有)",
    "合同会社",
    "(同)",
    "社会福祉法人",
    "(福)",
    "特定非営利活動法人",
    "NPO法人",
    "(特非)",
    "一般社団法人",
    "(一社)",
    "公益社団法人",
    "(公社)",
    "一般財団法人",
    "(一財)",
    "公益財団法人",
    "(公財)",
    "医療法人",
    "(医)",
    "社会医療法人",
)
_TAG_SPLIT = re.compile(r"[、,，;；\s]+")


def now_text() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


_HALF_WIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")


def widen_kana(value: str) -> str:
    """Half-width katakana (ﾐﾄﾞﾘ) becomes standard katakana (ミドリ); nothing else is touched, so
    full-width brackets and digits stay as the user typed them."""
    return _HALF_WIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), value)


def normalize_text(value: str | None) -> str:
    """As typed, trimmed, with half-width katakana widened; search and duplicate checks fold the
    rest (width, case, kana) on their own keys."""
    return widen_kana(value or "").strip().strip("\u3000").strip()


def ascii_text(value: str | None) -> str:
    """E-mail addresses and URLs are ASCII: a full-width ＠ or letter typed by the IME is folded."""
    return unicodedata.normalize("NFKC", value or "").strip()


def normalize_kana(value: str | None) -> str:
    """よみがな as typed but with half-width kana widened and spaces squeezed."""
    return re.sub(r"\s+", " ", widen_kana(value or "")).strip()


def name_key(name: str) -> str:
    """For the 表記ゆれ duplicate warning: 株式会社/㈱/(株), spaces, width and kana all fold away."""
    text = unicodedata.normalize("NFKC", name or "")
    for form in _LEGAL_FORMS:
        text = text.replace(form, "")
    return search_key(text).replace("(", "").replace(")", "")


def split_tags(value: str | None) -> tuple[str, ...]:
    seen: list[str] = []
    for tag in _TAG_SPLIT.split(normalize_text(value)):
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen)


def join_tags(tags: tuple[str, ...] | list[str]) -> str:
    return "、".join(tags)


@dataclass(frozen=True)
class Organization:
    name: str
    category: str
    kana: str = ""
    kind: str = ""
    internal: bool = False
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    stage: str = "未接触"
    expected_roles: str = ""
    strengths: str = ""
    troubles: str = ""
    tags: tuple[str, ...] = ()
    notes: str = ""
    id: int | None = None
    deleted_at: str | None = None
    created_at: str = ""
    updated_at: str = ""

    def to_row(self) -> dict[str, object]:
        """The stored form, including the derived search columns."""
        return {
            "name": self.name,
            "kana": self.kana,
            "category": self.category,
            "kind": self.kind,
            "internal": 1 if self.internal else 0,
            "address": self.address,
            "phone": self.phone,
            "fax": self.fax,
            "email": self.email,
            "website": self.website,
            "stage": self.stage,
            "expected_roles": self.expected_roles,
            "strengths": self.strengths,
            "troubles": self.troubles,
            "tags": join_tags(self.tags),
            "notes": self.notes,
            "name_key": name_key(self.name),
            "phone_digits": " ".join(d for d in (digits_only(self.phone), digits_only(self.fax)) if d),
            "sort_kana": search_key(self.kana or self.name),
        }

    def display_values(self) -> dict[str, str]:
        """Field values as the change log and screens show them."""
        row = self.to_row()
        values = {key: str(row[key]) for key in ORGANIZATION_FIELDS}
        values["internal"] = INTERNAL_LABELS[self.internal]
        return values


@dataclass(frozen=True)
class Person:
    name: str
    organization_id: int
    kana: str = ""
    department: str = ""
    title: str = ""
    phone: str = ""
    email: str = ""
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    notes: str = ""
    successor_id: int | None = None
    id: int | None = None

    @property
    def is_current(self) -> bool:
        return self.ended_on is None or self.ended_on > dt.date.today()

    def to_row(self) -> dict[str, object]:
        return {
            "organization_id": self.organization_id,
            "name": self.name,
            "kana": self.kana,
            "department": self.department,
            "title": self.title,
            "phone": self.phone,
            "email": self.email,
            "started_on": self.started_on.isoformat() if self.started_on else None,
            "ended_on": self.ended_on.isoformat() if self.ended_on else None,
            "notes": self.notes,
            "successor_id": self.successor_id,
        }

    def display_values(self) -> dict[str, str]:
        row = self.to_row()
        return {key: "" if row[key] is None else str(row[key]) for key in PERSON_FIELDS}


@dataclass(frozen=True)
class Contact:
    organization_id: int
    occurred_on: dt.date
    kind: str
    note: str = ""
    our_staff: str = ""
    person_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class ContactLine:
    """A stored 経過記録 with the name of the person it was with, as the timeline shows it."""

    contact: Contact
    person_name: str = ""


@dataclass(frozen=True)
class TimelineEntry:
    """One dated line on an organisation's timeline: a contact typed by hand, a change of person,
    and (from later areas) visits and meetings."""

    on: dt.date
    kind: str
    title: str
    detail: str = ""
    source: str = "contact"
    source_id: int | None = None


@dataclass(frozen=True)
class ChangeEntry:
    changed_at: str
    action: str
    field: str
    old_value: str
    new_value: str


@dataclass(frozen=True)
class ChangeRecord:
    """One stored line of the change log: which record (``entity`` and its id) and what changed."""

    id: int
    entity: str
    entity_id: int
    entry: ChangeEntry


@dataclass(slots=True)
class OrganizationSummary:
    """A row of the directory list. Not frozen: the list makes 10,000 at a time, and a frozen
    dataclass costs ten times as much to construct (a third of the 名簿's first show)."""

    id: int
    name: str
    kana: str
    category: str
    kind: str
    internal: bool
    stage: str
    phone: str
    email: str
    address: str
    tags: tuple[str, ...]
    people: str
    last_contact: dt.date | None
    sort_kana: str
    deleted_at: str | None = None
    notes: str = ""


@dataclass
class Problems:
    """Field → message, so a dialog can show each beside its field."""

    by_field: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, message: str) -> None:
        self.by_field.setdefault(key, message)

    def raise_if_any(self) -> None:
        if self.by_field:
            key, message = next(iter(self.by_field.items()))
            error = ValidationError(message, field=key)
            error.problems = dict(self.by_field)  # type: ignore[attr-defined]
            raise error


def check_kana(value: str, problems: Problems, key: str = "kana") -> None:
    if value and not _KANA_ONLY.match(value):
        problems.add(key, "よみがなは、ひらがなかカタカナで入力してください。")


def check_email(value: str, problems: Problems, key: str = "email") -> None:
    if value and not _EMAIL.match(value):
        problems.add(key, "メールアドレスの形が正しくありません（例: jutaku@town.example.lg.jp）。")


def clean_organization(org: Organization, categories: tuple[str, ...], stages: tuple[str, ...]) -> Organization:
    """Trims and widens what was typed, then checks it; raises ``ValidationError`` with every problem."""
    from dataclasses import replace

    cleaned = replace(
        org,
        name=re.sub(r"\s+", " ", normalize_text(org.name)),
        kana=normalize_kana(org.kana),
        kind=normalize_text(org.kind),
        address=normalize_text(org.address),
        phone=(org.phone or "").strip(),
        fax=(org.fax or "").strip(),
        email=ascii_text(org.email),
        website=ascii_text(org.website),
        expected_roles=(org.expected_roles or "").strip(),
        strengths=(org.strengths or "").strip(),
        troubles=(org.troubles or "").strip(),
        tags=split_tags(join_tags(org.tags)),
        notes=(org.notes or "").strip(),
    )
    problems = Problems()
    if not cleaned.name:
        problems.add("name", "名称を入力してください。")
    elif len(cleaned.name) > 100:
        problems.add("name", "名称は100文字以内で入力してください。")
    check_kana(cleaned.kana, problems)
    if cleaned.category not in categories:
        problems.add("category", "区分を選んでください。")
    if cleaned.stage not in stages:
        problems.add("stage", "協議会との関係を選んでください。")
    check_email(cleaned.email, problems)
    for key in ("phone", "fax"):
        value = getattr(cleaned, key)
        if value and not digits_only(value):
            problems.add(key, f"{ORGANIZATION_FIELDS[key]}番号に数字が入っていません。")
    problems.raise_if_any()
    return cleaned


def clean_person(person: Person) -> Person:
    from dataclasses import replace

    cleaned = replace(
        person,
        name=re.sub(r"\s+", " ", normalize_text(person.name)),
        kana=normalize_kana(person.kana),
        department=normalize_text(person.department),
        title=normalize_text(person.title),
        phone=(person.phone or "").strip(),
        email=ascii_text(person.email),
        notes=(person.notes or "").strip(),
    )
    problems = Problems()
    if not cleaned.name:
        problems.add("name", "氏名を入力してください。")
    check_kana(cleaned.kana, problems)
    check_email(cleaned.email, problems)
    if cleaned.started_on and cleaned.ended_on and cleaned.ended_on < cleaned.started_on:
        problems.add("ended_on", "離任日が着任日より前になっています。")
    problems.raise_if_any()
    return cleaned

"""わがまちの現状と地域資源: a figure of chapter 5's tables for one 年度 with its source, a housing
resource with the organisations involved, a つなぎ先 for a 主たる課題, and a saved housing check.
Validation says what is wrong and where, in Japanese."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.housing_check import HousingFacts
from kyojushien_desktop.domain.wareki import fiscal_year_text

MIN_YEAR, MAX_YEAR = 1990, 2100
MAX_NUMBER = 100_000_000
TEXT_LIMIT = 200
NOTE_LIMIT = 2000
TARGET_SEPARATOR = "、"
OWN_ISSUE = "own"  # a 主たる課題 the town added (its label is kept with the row)


@dataclass(frozen=True)
class Fact:
    """One cell of a chapter-5 table for one 年度: a number, a choice (形態) or an organisation
    (委託先), with where it came from (「令和2年国勢調査」)."""

    table: str
    row: str
    column: str
    year: int
    number: float | None = None
    text: str = ""
    organization_id: int | None = None
    source: str = ""
    updated_at: str = ""

    @property
    def empty(self) -> bool:
        return self.number is None and not self.text and self.organization_id is None


def check_fact(fact: Fact, label: str) -> Fact:
    """``label`` names the cell in a message (「人口（令和7年度）」)."""
    if not MIN_YEAR <= fact.year <= MAX_YEAR:
        raise ValidationError(
            f"年度は{fiscal_year_text(MIN_YEAR)}から{fiscal_year_text(MAX_YEAR)}までで入力してください。", field="year"
        )
    where = f"{label}（{fiscal_year_text(fact.year)}）"
    if fact.number is not None and not 0 <= fact.number <= MAX_NUMBER:
        raise ValidationError(f"{where}は0以上{MAX_NUMBER:,}以下の数で入力してください。", field=fact.column)
    source = fact.source.strip()
    if len(source) > TEXT_LIMIT:
        raise ValidationError(f"{where}の出典は{TEXT_LIMIT}文字以内で入力してください。", field="source")
    return Fact(
        fact.table, fact.row, fact.column, fact.year, fact.number, fact.text.strip(), fact.organization_id, source
    )


@dataclass(frozen=True)
class ResourceLink:
    organization_id: int
    role: str
    organization_name: str = ""


@dataclass(frozen=True)
class Resource:
    """A セーフティネット住宅, 居住サポート住宅, 協力不動産店, シェルター or offered 空き家."""

    kind: str
    name: str
    address: str = ""
    units: int | None = None  # 戸数
    targets: tuple[str, ...] = ()  # 対象の要配慮者
    registered_on: dt.date | None = None  # 登録日・認定日
    notes: str = ""
    links: tuple[ResourceLink, ...] = field(default_factory=tuple)
    id: int | None = None
    deleted_at: str | None = None


def check_resource(item: Resource, kinds: tuple[str, ...]) -> Resource:
    name = item.name.strip()
    if item.kind not in kinds:
        raise ValidationError("種類を選んでください。", field="kind")
    if not name:
        raise ValidationError("名前を入力してください（例: みどり荘 101号室）。", field="name")
    if len(name) > TEXT_LIMIT or len(item.address) > TEXT_LIMIT:
        raise ValidationError(f"名前と所在地は{TEXT_LIMIT}文字以内で入力してください。", field="name")
    if item.units is not None and not 0 <= item.units <= 100_000:
        raise ValidationError("戸数は0以上の整数で入力してください。", field="units")
    if len(item.notes) > NOTE_LIMIT:
        raise ValidationError(
            f"備考は{NOTE_LIMIT}文字以内で入力してください（今は{len(item.notes)}文字です）。", field="notes"
        )
    return Resource(
        item.kind,
        name,
        item.address.strip(),
        item.units,
        tuple(t for t in item.targets if t),
        item.registered_on,
        item.notes.strip(),
        item.links,
        item.id,
        item.deleted_at,
    )


@dataclass(frozen=True)
class Referral:
    """A public desk that takes people with a 主たる課題 (seed 003's つなぎ先一覧)."""

    issue_key: str
    organization_id: int | None = None
    desk: str = ""  # 窓口・担当 (「生活援護室 調整担当」)
    phone: str = ""
    issue_label: str = ""  # only for the town's own 主たる課題 (OWN_ISSUE)
    position: int = 0
    id: int | None = None
    organization_name: str = ""


def check_referral(item: Referral, issues: tuple[str, ...]) -> Referral:
    if item.issue_key != OWN_ISSUE and item.issue_key not in issues:
        raise ValidationError("主たる課題を選んでください。", field="issue_key")
    label = item.issue_label.strip()
    if item.issue_key == OWN_ISSUE and not label:
        raise ValidationError(
            "町独自の主たる課題を入力してください（例: DV被害のため支援を必要とする場合）。", field="issue_label"
        )
    desk = item.desk.strip()
    if item.organization_id is None and not desk:
        raise ValidationError("つなぎ先の機関を名簿から選ぶか、窓口の名前を入力してください。", field="organization_id")
    for value, name in ((label, "issue_label"), (desk, "desk"), (item.phone, "phone")):
        if len(value) > TEXT_LIMIT:
            raise ValidationError(f"{TEXT_LIMIT}文字以内で入力してください。", field=name)
    return Referral(item.issue_key, item.organization_id, desk, item.phone.strip(), label, item.position, item.id)


@dataclass(frozen=True)
class HousingCheck:
    """A 目安チェック kept on a visit's record (or a resource's), facts as entered."""

    checked_on: dt.date
    facts: HousingFacts
    visit_id: int | None = None
    resource_id: int | None = None
    summary: str = ""  # 「適合 4・不適合 1・未確認 3」
    note: str = ""
    id: int | None = None

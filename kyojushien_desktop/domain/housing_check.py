"""The セーフティネット住宅・居住サポート住宅 目安チェック: each criterion of
resources/guide/housing_criteria.json judged against what was entered, as 適合, 不適合 or 未確認
(a fact not given, such as 耐震性, is never guessed), with the reason in numbers.

A check is a 目安: the authority's own 賃貸住宅供給促進計画 may strengthen or relax the criteria
(the note of each set says so), and the registration itself is judged by the authority."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from kyojushien_desktop.domain.errors import ValidationError

MET = "適合"
NOT_MET = "不適合"
UNKNOWN = "未確認"
MAX_AREA = 10_000.0
MAX_RESIDENTS = 100


class Criterion(Protocol):
    """A criterion as content/region reads it from resources/ (the domain names only what it uses)."""

    @property
    def scope(self) -> str: ...  # "dwelling", "shared" or "all"

    @property
    def rule(self) -> str: ...  # a name of RULES

    @property
    def params(self) -> dict[str, Any]: ...


class CriteriaSet(Protocol):
    @property
    def criteria(self) -> tuple[Criterion, ...]: ...


@dataclass(frozen=True)
class HousingFacts:
    """What is known of one dwelling or share house; None where it was not checked."""

    area: float | None = None  # 各戸の床面積（㎡）
    shared_facilities: bool | None = None  # 共用の台所・収納設備・浴室等で各戸と同等以上
    private_facilities: bool | None = None  # 台所・便所・収納設備・浴室等を各戸に設置
    new_build: bool | None = None  # 新築（居住サポート住宅の規模）
    residents: int | None = None  # 共同居住型の居住人数 N
    room_area: float | None = None  # 専用居室の面積（㎡）, the smallest room
    total_area: float | None = None  # 住宅全体の面積（㎡）
    toilets: int | None = None
    washrooms: int | None = None
    baths: int | None = None
    seismic: bool | None = None  # 耐震性
    one_per_room: bool | None = None
    common_rooms: bool | None = None  # 居間・食堂・台所・便所・洗面・浴室・洗濯場が共用部分にある
    rent: bool | None = None
    plan: bool | None = None

    @property
    def shared_house(self) -> bool:
        return self.residents is not None


class Judgement(NamedTuple):
    criterion: Criterion
    result: str  # MET, NOT_MET or UNKNOWN
    reason: str


def _area(value: float) -> str:
    return f"{value:g}㎡"


def _floor_area(c: Criterion, f: HousingFacts) -> tuple[str, str]:
    full, shared = float(c.params["full"]), float(c.params["shared"])
    if f.area is None:
        return UNKNOWN, "床面積が入力されていません"
    if f.area >= full:
        return MET, f"床面積 {_area(f.area)} ≧ {_area(full)}"
    if f.area < shared:
        return NOT_MET, f"床面積 {_area(f.area)} ＜ {_area(shared)}（共用設備がある場合も{_area(shared)}以上が必要）"
    if f.shared_facilities is None:
        return (
            UNKNOWN,
            f"床面積 {_area(f.area)}：共用の台所・収納設備・浴室等で補えるなら{_area(shared)}以上で適合（共用設備が未確認）",
        )
    if f.shared_facilities:
        return MET, f"床面積 {_area(f.area)} ≧ {_area(shared)}（共用の台所・収納設備・浴室等あり）"
    return NOT_MET, f"床面積 {_area(f.area)} ＜ {_area(full)}（共用設備で補っていない）"


def _facilities(c: Criterion, f: HousingFacts) -> tuple[str, str]:
    if f.private_facilities:
        return MET, "台所・便所・収納設備・浴室等を各戸に設置"
    if f.shared_facilities:
        return MET, "共用部分の台所・収納設備・浴室等で同等以上"
    if f.private_facilities is False and f.shared_facilities is False:
        return NOT_MET, "各戸にも共用部分にも設備がそろっていない"
    return UNKNOWN, "設備が確認されていません"


def _support_area(c: Criterion, f: HousingFacts) -> tuple[str, str]:
    if f.area is None:
        return UNKNOWN, "床面積が入力されていません"
    if f.new_build is None:
        if f.area >= float(c.params["new"]):
            return MET, f"床面積 {_area(f.area)} ≧ {_area(float(c.params['new']))}（新築・既存とも）"
        if f.area < float(c.params["existing"]):
            return NOT_MET, f"床面積 {_area(f.area)} ＜ {_area(float(c.params['existing']))}（既存の場合も）"
        return UNKNOWN, f"床面積 {_area(f.area)}：既存なら適合、新築なら不適合（新築か既存かが未確認）"
    need = float(c.params["new"] if f.new_build else c.params["existing"])
    kind = "新築" if f.new_build else "既存"
    if f.area >= need:
        return MET, f"{kind}：床面積 {_area(f.area)} ≧ {_area(need)}"
    return NOT_MET, f"{kind}：床面積 {_area(f.area)} ＜ {_area(need)}"


def _share_total(c: Criterion, f: HousingFacts) -> tuple[str, str]:
    n = f.residents
    per, base, least = float(c.params["per_person"]), float(c.params["base"]), int(c.params["min_residents"])
    if n is None:
        return UNKNOWN, "居住人数が入力されていません"
    if n < least:
        return NOT_MET, f"居住人数 {n}人：共同居住型は{least}人以上（N ≧ {least}）"
    need = per * n + base
    if f.total_area is None:
        return UNKNOWN, f"住宅全体の面積が入力されていません（{n}人なら{_area(need)}以上）"
    if f.total_area >= need:
        return MET, f"住宅全体 {_area(f.total_area)} ≧ {_area(per)}×{n}＋{_area(base)} ＝ {_area(need)}"
    return NOT_MET, f"住宅全体 {_area(f.total_area)} ＜ {_area(per)}×{n}＋{_area(base)} ＝ {_area(need)}"


def _room_area(c: Criterion, f: HousingFacts) -> tuple[str, str]:
    least = float(c.params["minimum"])
    if f.room_area is None:
        return UNKNOWN, "専用居室の面積が入力されていません"
    if f.room_area >= least:
        return MET, f"専用居室 {_area(f.room_area)} ≧ {_area(least)}"
    return NOT_MET, f"専用居室 {_area(f.room_area)} ＜ {_area(least)}"


def _share_ratio(c: Criterion, f: HousingFacts) -> tuple[str, str]:
    per = int(c.params["per"])
    if f.residents is None:
        return UNKNOWN, "居住人数が入力されていません"
    need = max(1, math.ceil(f.residents / per))
    counts = {"便所": f.toilets, "洗面設備": f.washrooms, "浴室・シャワー室": f.baths}
    missing = [name for name, count in counts.items() if count is None]
    short = [f"{name} {count}箇所" for name, count in counts.items() if count is not None and count < need]
    head = f"{f.residents}人なら各{need}箇所以上"
    if short:
        return NOT_MET, f"{head}：" + "、".join(short)
    if missing:
        return UNKNOWN, f"{head}：{'・'.join(missing)}の数が入力されていません"
    return MET, f"{head}：" + "、".join(f"{name} {count}箇所" for name, count in counts.items())


def _fact(c: Criterion, f: HousingFacts) -> tuple[str, str]:
    value = getattr(f, str(c.params["fact"]))
    if value is None:
        return UNKNOWN, "確認されていません"
    return (MET, "確認済み") if value else (NOT_MET, "満たしていない")


RULES: dict[str, Callable[[Criterion, HousingFacts], tuple[str, str]]] = {
    "floor_area": _floor_area,
    "facilities": _facilities,
    "support_area": _support_area,
    "share_total": _share_total,
    "room_area": _room_area,
    "share_ratio": _share_ratio,
    "fact": _fact,
}


def check(criteria: CriteriaSet, facts: HousingFacts) -> list[Judgement]:
    """The set's criteria that apply (a dwelling's, or a share house's when ``residents`` is
    given), each judged."""
    scope = "shared" if facts.shared_house else "dwelling"
    return [Judgement(c, *RULES[c.rule](c, facts)) for c in criteria.criteria if c.scope in ("all", scope)]


def validate(facts: HousingFacts) -> HousingFacts:
    """Numbers a person could have meant: areas above 0 and at most 10,000㎡, whole residents."""
    for name, label in (("area", "床面積"), ("room_area", "専用居室の面積"), ("total_area", "住宅全体の面積")):
        value = getattr(facts, name)
        if value is not None and not (0 < value <= MAX_AREA):
            raise ValidationError(
                f"{label}は0より大きく{MAX_AREA:,.0f}㎡以下の数で入力してください（{value:g}）。", field=name
            )
    if facts.residents is not None and not (1 <= facts.residents <= MAX_RESIDENTS):
        raise ValidationError(
            f"居住人数は1〜{MAX_RESIDENTS}人で入力してください（{facts.residents}）。", field="residents"
        )
    for name, label in (("toilets", "便所"), ("washrooms", "洗面設備"), ("baths", "浴室・シャワー室")):
        value = getattr(facts, name)
        if value is not None and not (0 <= value <= MAX_RESIDENTS):
            raise ValidationError(f"{label}の数は0〜{MAX_RESIDENTS}で入力してください（{value}）。", field=name)
    return facts

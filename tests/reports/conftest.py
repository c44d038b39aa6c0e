"""The directory the 名簿 export tests read back, and a progress that cancels."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from kyojushien_desktop.domain.members import Contact, Person
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.datafile import Session, create_session
from kyojushien_desktop.services.members import contacts, organizations, people

TODAY = dt.date.today()


def add_organization(session: Session, name: str, category: str = "不動産事業者・団体", **fields: object) -> int:
    org = dataclasses.replace(organizations.new_organization(category, name), **fields)
    organization_id, _ = organizations.save_organization(session, org)
    return organization_id


@pytest.fixture
def directory(tmp_path: Path) -> Iterator[Session]:
    """みどり町 with a realtor holding every field (a person handed over, two contacts), a welfare
    office and a row of formula-like text."""
    session = create_session(tmp_path / "t.db")
    save_settings(session, TownSettings(municipality="みどり町"))
    realtor = add_organization(
        session,
        "株式会社みどり不動産",
        kana="みどりふどうさん",
        kind="不動産業（賃貸中心）",
        phone="0123-45-6789",
        fax="0123-45-6780",
        email="info@midori.example.jp",
        website="https://midori.example.jp/",
        address="みどり町本町1-2-3",
        stage="ヒアリング済",
        expected_roles="・賃貸物件の情報を提供できます",
        strengths="高齢者の入居実績が多い",
        troubles="保証人のいない人の審査",
        tags=("協力店", "見守り"),
        notes="社長は協議会に前向き",
    )
    person_id, _ = people.save_person(
        session,
        Person(
            name="佐藤 一郎",
            kana="さとう いちろう",
            organization_id=realtor,
            department="賃貸管理部",
            title="部長",
            phone="090-1111-2222",
            email="sato@midori.example.jp",
            started_on=dt.date(2020, 4, 1),
            notes="釣りが趣味",
        ),
    )
    successor, _ = people.hand_over(
        session, person_id, Person(name="鈴木 花子", organization_id=0), TODAY - dt.timedelta(days=30)
    )
    contacts.add_contact(
        session,
        Contact(organization_id=realtor, occurred_on=dt.date(2025, 6, 12), kind="電話", note="初めて電話した"),
    )
    contacts.add_contact(
        session,
        Contact(
            organization_id=realtor,
            occurred_on=dt.date(2025, 9, 1),
            kind="訪問",
            note="ヒアリング\n次は意見交換会に誘う",
            our_staff="山田 花子",
            person_id=successor,
        ),
    )
    add_organization(
        session, "地域包括支援センターさくら", category="福祉事業者・団体", kana="ちいきほうかつしえんせんたーさくら"
    )
    tricky = add_organization(
        session,
        '=HYPERLINK("http://example.invalid","開く")',
        kana="いこーるしょうかい",
        phone="+81-3-1234-5678",
        address="-1丁目",
        strengths="=SUM(A1:A9)",
        tags=("@見守り",),
        notes="=1+1",
    )
    people.save_person(session, Person(name="=cmd|' /C calc'!A0", organization_id=tricky))
    contacts.add_contact(
        session, Contact(organization_id=tricky, occurred_on=dt.date(2025, 7, 1), kind="電話", note="-2件")
    )
    yield session
    session.close()


class CancelAfter(Progress):
    """A progress whose user presses キャンセル once ``steps`` steps are done."""

    def __init__(self, steps: int) -> None:
        super().__init__()
        self.limit = steps
        self.stages: list[str] = []

    def begin(self, stage: str, total: int = 0) -> None:
        self.stages.append(stage)
        super().begin(stage, total)

    def step(self, count: int = 1) -> None:
        if self.done + count >= self.limit:
            self.cancel()
        super().step(count)

"""A town with a small 名簿 of every 立場 (庁内 and 庁外, with people) for the meeting screens."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kyojushien_desktop.domain.members import Person
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.members import organizations, people

# name, よみがな, 区分, 庁内, person (or "")
DIRECTORY = (
    ("株式会社みどり不動産", "みどりふどうさん", "不動産事業者・団体", False, "大野 和夫"),
    ("あおば不動産", "あおばふどうさん", "不動産事業者・団体", False, ""),
    ("みどり町社会福祉協議会", "みどりちょうしゃかいふくしきょうぎかい", "福祉事業者・団体", False, "林 由美"),
    ("NPO法人すまいサポート", "すまいさぽーと", "居住支援法人", False, "川村 翔"),
    ("建設課 住宅係", "けんせつか じゅうたくがかり", "住宅部局", True, "山田 花子"),
    ("福祉課 高齢者係", "ふくしか こうれいしゃがかり", "福祉部局", True, "佐藤 健"),
    ("みどり司法書士事務所", "みどりしほうしょし", "弁護士・司法書士等", False, ""),
)


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    save_settings(opened, TownSettings(municipality="みどり町", department="建設課 住宅係", staff_name="山田 花子"))
    yield opened
    opened.close()


@pytest.fixture
def directory(session) -> dict[str, int]:
    """Organisation name → id."""
    ids = {}
    for name, kana, category, internal, person in DIRECTORY:
        org = dataclasses.replace(organizations.new_organization(category, name), kana=kana, internal=internal)
        organization_id, _ = organizations.save_organization(session, org)
        ids[name] = organization_id
        if person:
            people.save_person(
                session, Person(name=person, organization_id=organization_id, started_on=dt.date(2022, 4, 1))
            )
    return ids

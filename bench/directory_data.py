"""A large, plausible directory for benchmarks: organisations, people and import spreadsheets."""

from __future__ import annotations

import random
from pathlib import Path

from kyojushien_desktop.domain.members import Organization, Person

AREAS = [
    ("みどり", "みどり"),
    ("さくら", "さくら"),
    ("東", "ひがし"),
    ("西", "にし"),
    ("南", "みなみ"),
    ("北", "きた"),
    ("中央", "ちゅうおう"),
    ("駅前", "えきまえ"),
    ("山手", "やまて"),
    ("川辺", "かわべ"),
    ("本町", "ほんまち"),
    ("若葉", "わかば"),
]
KINDS = [
    ("不動産事業者・団体", "不動産", "ふどうさん", "株式会社"),
    ("不動産事業者・団体", "住宅管理", "じゅうたくかんり", "有限会社"),
    ("居住支援法人", "居住支援センター", "きょじゅうしえんせんたー", "NPO法人"),
    ("福祉事業者・団体", "地域包括支援センター", "ちいきほうかつしえんせんたー", ""),
    ("福祉事業者・団体", "相談支援事業所", "そうだんしえんじぎょうしょ", "社会福祉法人"),
    ("医療関係機関", "病院", "びょういん", "医療法人"),
    ("弁護士・司法書士等", "司法書士事務所", "しほうしょしじむしょ", ""),
    ("住宅部局", "住宅課", "じゅうたくか", ""),
    ("福祉部局", "福祉課", "ふくしか", ""),
    ("更生保護関係者", "保護司会", "ほごしかい", ""),
    ("その他", "自治会", "じちかい", ""),
]
SURNAMES = [
    ("佐藤", "さとう"),
    ("鈴木", "すずき"),
    ("高橋", "たかはし"),
    ("田中", "たなか"),
    ("伊藤", "いとう"),
    ("渡辺", "わたなべ"),
    ("山本", "やまもと"),
    ("中村", "なかむら"),
    ("小林", "こばやし"),
    ("加藤", "かとう"),
]
GIVEN = [
    ("一郎", "いちろう"),
    ("花子", "はなこ"),
    ("健太", "けんた"),
    ("美咲", "みさき"),
    ("大輔", "だいすけ"),
    ("由美", "ゆみ"),
    ("翔", "しょう"),
    ("恵子", "けいこ"),
]
STAGES = ["未接触", "接触済", "ヒアリング済", "意見交換会に参加", "構成員候補", "構成員（参加合意済）", "辞退・休止"]


def organizations(n: int, seed: int = 7) -> list[Organization]:
    rng = random.Random(seed)
    result = []
    for i in range(n):
        area, area_kana = rng.choice(AREAS)
        category, word, word_kana, form = rng.choice(KINDS)
        result.append(
            Organization(
                name=f"{form}{area}{word}{i:05d}",
                kana=f"{area_kana}{word_kana}",
                category=category,
                internal=category in ("住宅部局", "福祉部局"),
                phone=f"0{rng.randint(100, 999)}-{rng.randint(10, 99)}-{i:04d}",
                address=f"みどり町{area}{rng.randint(1, 9)}丁目{rng.randint(1, 30)}-{rng.randint(1, 20)}",
                stage=rng.choice(STAGES),
                tags=tuple(rng.sample(["協力店", "見守り", "シェルター", "外国人対応", "夜間対応"], rng.randint(0, 2))),
                notes=rng.choice(["", "高齢者の入居相談に前向き", "保証会社の利用が条件", "月1回の定例会あり"]),
            )
        )
    return result


def people(organization_ids: list[int], n: int, seed: int = 11) -> list[Person]:
    rng = random.Random(seed)
    result = []
    for i in range(n):
        surname, surname_kana = rng.choice(SURNAMES)
        given, given_kana = rng.choice(GIVEN)
        result.append(
            Person(
                name=f"{surname} {given}",
                kana=f"{surname_kana} {given_kana}",
                organization_id=organization_ids[i % len(organization_ids)],
                department=rng.choice(["", "賃貸管理部", "相談係", "総務課"]),
                title=rng.choice(["", "主任", "係長", "所長", "代表"]),
                phone=f"090-{rng.randint(1000, 9999)}-{i % 10000:04d}",
            )
        )
    return result


def fill(session, n_orgs: int, n_people: int) -> None:
    """Writes the directory straight through the store in one transaction (benchmark set-up only)."""
    from kyojushien_desktop.store import organizations as org_store
    from kyojushien_desktop.store import people as people_store

    with session.database.atomic():
        ids = org_store.insert_many(session.database, [o.to_row() for o in organizations(n_orgs)])
        people_store.insert_many(session.database, [p.to_row() for p in people(ids, n_people)])
        org_store.refresh_search_text(session.database, ids)


HEADER = ["団体名", "フリガナ", "区分", "住所", "電話番号", "FAX", "E-mail", "担当者名", "部署", "役職", "備考"]


def write_import_xlsx(path: Path, n: int) -> Path:
    """A town-hall style spreadsheet: a title row above the header, then ``n`` organisations."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("関係団体一覧")
    sheet.append(["令和8年度 関係団体一覧（住宅係）"])
    sheet.append(HEADER)
    rng = random.Random(3)
    for org in organizations(n, seed=21):
        surname, _ = rng.choice(SURNAMES)
        given, _ = rng.choice(GIVEN)
        sheet.append(
            [org.name, org.kana, org.category, org.address, org.phone, "", "", f"{surname} {given}", "", "", org.notes]
        )
    workbook.save(path)
    return path

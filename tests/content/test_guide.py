"""The guide data files and their loader: counts, shapes and word-for-word fidelity to the guide."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kyojushien_desktop.content import diagnosis as diagnosis_guide
from kyojushien_desktop.content import hearing as hearing_guide
from kyojushien_desktop.content import loader as guide_loader
from kyojushien_desktop.content import meetings as meetings_guide
from kyojushien_desktop.content import members as members_guide
from kyojushien_desktop.content import phases as phases_guide
from kyojushien_desktop.content import secretariat as secretariat_guide
from kyojushien_desktop.paths import resource_path
from tests.seeds import seed_text

GUIDE_FILES = (
    "phases.json",
    "members.json",
    "hearing.json",
    "meetings.json",
    "secretariat.json",
    "diagnosis.json",
)

# Documented corrections of the PDF-to-text extraction (seeds README and the project brief), applied to
# the seed before comparing. Keys are the seed's wrong forms (after whitespace is removed), values the
# guide's real wording as the app shows it.
SEED_CORRECTIONS = {
    "府内合意": "庁内合意",
    "探つて": "探って",
    "作つて": "作って",
    "行つた": "行った",
    "わかつて": "わかって",
    "共有できたこと何か": "共有できたことは何か",
    "不動事業者等": "不動産事業者等",
    "福祉事業者もえた": "福祉事業者も交えた",
    "一一定割合": "一定割合",
    "作りていきましょう": "作っていきましょう",
    "つくりていきましょう": "つくっていきましょう",
    "作っていくましょう": "作っていきましょう",
    "スマールスタート": "スモールスタート",
    "対応策の検討連携方法の模索": "対応策の検討・連携方法の模索",
}

# Keys whose values are ids, page references or the app's own notes rather than guide wording.
NON_GUIDE_KEYS = {
    "source",
    "key",
    "id",
    "section",
    "target_keys",
    "derived_note",
    "scale_note",
    "pages_note",
    "pages",
    "main_page",
}


def _squash(text: str) -> str:
    """Compare without whitespace (the extraction breaks lines inside the guide's figures) and
    with one tilde: the extraction turned the guide's 「～」 into ASCII 「~」, which the app's font
    draws as a raised 「˜」, so the app writes 「～」 (p8～p16, 4～6人)."""
    return re.sub(r"\s+", "", text).replace("～", "~")


@pytest.fixture(scope="module")
def raw_seed() -> str:
    return _squash(seed_text()).replace("**", "")


@pytest.fixture(scope="module")
def seed(raw_seed: str) -> str:
    text = raw_seed
    for wrong, right in SEED_CORRECTIONS.items():
        text = text.replace(wrong, right)
    return text


def _data(name: str) -> dict[str, Any]:
    return json.loads(resource_path("guide", name).read_text(encoding="utf-8"))


def _strings(node: Any, skip: frozenset[str] | set[str] = frozenset()) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, skip)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in skip:
                yield from _strings(value, skip)


def _missing(texts: list[str], seed: str) -> list[str]:
    return [t for t in texts if _squash(t) not in seed]


# --- counts and shapes -----------------------------------------------------------------------


def test_four_phases_in_order_with_toc_pages() -> None:
    """There are four phases, numbered 1–4, on the table-of-contents pages 32–35."""
    ps = phases_guide.phases()
    assert [p.number for p in ps] == [1, 2, 3, 4]
    assert [p.page for p in ps] == [32, 33, 34, 35]
    assert [p.scope for p in ps] == ["担当課", "庁内関係課", "民間団体", "体制づくり"]
    assert phases_guide.phase(3).title == "民間団体との協力関係を構築する"
    with pytest.raises(KeyError):
        phases_guide.phase(5)


def test_milestone_counts_and_ids() -> None:
    """Milestones number 6/5/5/5 with ids 1-1 … 4-5 in order."""
    assert [len(p.milestones) for p in phases_guide.phases()] == [6, 5, 5, 5]
    expected = [f"{n}-{i}" for n, count in ((1, 6), (2, 5), (3, 5), (4, 5)) for i in range(1, count + 1)]
    assert [m.id for m in phases_guide.milestones()] == expected
    assert all(m.phase == int(m.id[0]) for m in phases_guide.milestones())
    assert phases_guide.milestone("2-5").phase == 2


def test_milestone_2_5_reads_chonai() -> None:
    """Milestone 2-5 carries the 府内→庁内 correction exactly."""
    assert phases_guide.milestone("2-5").text == "居住支援協議会を設立することについて庁内合意がとれている"


def test_phase_4_lead_has_dropped_character_restored() -> None:
    """Phase 4's 到達の目安 lead has the dropped 「は」 restored."""
    assert phases_guide.phase(4).milestone_lead == (
        "取組みの結果、「わかったことは何か」「関係者と共有できたことは何か」を確認しながら、協議会設立を進めましょう。"
    )
    assert all(p.milestone_lead == phases_guide.milestone_check() for p in phases_guide.phases()[:3])


def test_each_phase_has_examples_with_cases() -> None:
    """Every phase has two 取組み例, each with points and a municipal case caption."""
    for p in phases_guide.phases():
        assert len(p.examples) == 2
        assert all(e.points and e.case.endswith(("）", ")")) for e in p.examples)
    assert phases_guide.phase(1).examples[0].case == "都市計画課で課題整理。今後の取組みスケジュール等を検討。(笠間市)"


def test_guide_points_and_cases() -> None:
    """The six ポイント and the two process timelines are present."""
    points = phases_guide.guide_points()
    assert len(points) == 6
    assert points[-1].title == "人事異動を踏まえたスケジュール調整"
    cases = phases_guide.process_cases()
    assert [(c.city, c.lead) for c in cases] == [
        ("熊本県八代市", "住宅部局主導"),
        ("静岡県伊豆の国市", "福祉部局主導"),
    ]
    assert all(c.events for c in cases)


def test_diagnosis_sheet_items_equal_milestones() -> None:
    """The diagnostic sheet has 21 items whose ids and texts are exactly the milestones."""
    sheet = diagnosis_guide.diagnosis_sheet()
    assert len(sheet.items) == 21
    assert [(i.id, i.phase, i.text) for i in sheet.items] == [
        (m.id, m.phase, m.text) for m in phases_guide.milestones()
    ]
    assert [len(sheet.items_for(n)) for n in (1, 2, 3, 4)] == [6, 5, 5, 5]


def test_diagnosis_sheet_header_scale_and_pages() -> None:
    """The sheet has 5 header fields, a 5-point scale, TOC main pages and the reconstructed item pages."""
    sheet = diagnosis_guide.diagnosis_sheet()
    assert sheet.header_fields == ("市町村名", "部門名", "部局", "氏名", "役職")
    assert [s.value for s in sheet.scale] == [5, 4, 3, 2, 1]
    assert sheet.scale[0].label == "出来ている" and sheet.scale[-1].label == "出来ていない"
    assert [p.main_page for p in sheet.phases] == ["4章 p32", "4章 p33", "4章 p34", "4章 p35"]
    assert [p.title for p in sheet.phases] == [p.title for p in phases_guide.phases()]
    pages = {i.id: i.pages for i in sheet.items}
    assert pages["1-3"] == ("1章 p15", "3章 p26～p29")
    assert pages["3-2"] == ("1章 p8～p16", "3章 p26～p29")
    assert pages["4-3"] == ("7章 p52～p55",)
    assert pages["1-5"] == pages["4-5"] == ()
    assert len(sheet.steps) == 3 and len(sheet.lead) == 4


def test_question_bank_counts() -> None:
    """Real estate has the guide's 8 questions, welfare at least 6, public housing is derived with 5–7."""
    real_estate = hearing_guide.question_bank("real_estate")
    welfare = hearing_guide.question_bank("welfare")
    public = hearing_guide.question_bank("public_housing")
    assert len(real_estate.questions) >= 8
    assert [q.text for q in real_estate.questions] == [
        "営業エリア",
        "賃貸物件の管理戸数",
        "入居率",
        "高齢者や障害者の来店はあるか？",
        "その時の対応内容は？",
        "対応で困ったことは？",
        "何がネックか？",
        "困った時にどんな情報がほしい？",
    ]
    assert len(welfare.questions) >= 6
    assert [q.text for q in welfare.questions[:3]] == [
        "住宅確保要配慮者の相談件数",
        "相談経路",
        "つなぎ先の有無",
    ]
    assert not real_estate.derived and not welfare.derived
    assert public.derived and 5 <= len(public.questions) <= 7 and public.derived_note
    keys = [q.key for b in hearing_guide.question_banks() for q in b.questions]
    assert len(keys) == len(set(keys))


def test_hearing_targets_reference_known_sections_and_banks() -> None:
    """Four hearing targets, each in a known section and reached by some question bank."""
    targets = hearing_guide.hearing_targets()
    assert [t.title for t in targets] == [
        "不動産業界団体へのヒアリング",
        "不動産事業者等へのヒアリング",
        "福祉・支援の現場へのヒアリング",
        "公営住宅関係者へのヒアリング",
    ]
    sections = {s.key for s in hearing_guide.hearing_sections()}
    assert sections == {"rental", "needs"}
    assert all(t.section in sections for t in targets)
    bank_targets = {k for b in hearing_guide.question_banks() for k in b.target_keys}
    assert bank_targets == {t.key for t in targets}
    assert hearing_guide.souvenirs() == ("福祉部局のサービス一覧", "ガイドブック", "先進的な不動産事業者の事例")


def test_member_categories_in_guide_order() -> None:
    """The nine member categories come in the required order, その他 without roles."""
    cats = members_guide.member_categories()
    assert [c.name for c in cats] == [
        "住宅部局",
        "福祉部局",
        "不動産事業者・団体",
        "居住支援法人",
        "福祉事業者・団体",
        "弁護士・司法書士等",
        "医療関係機関",
        "更生保護関係者",
        "その他",
    ]
    assert cats[-1].roles == ()
    assert cats[2].roles == cats[3].roles and len(cats[2].roles) == 2
    assert members_guide.member_category("福祉事業者・団体等") is members_guide.member_category("福祉事業者・団体")
    assert members_guide.member_category(cats[0].key) is cats[0]
    assert all(re.fullmatch(r"[a-z_]+", c.key) for c in cats)
    assert [a.name for a in members_guide.member_activities()] == ["土台づくり", "仕組みづくり", "資源づくり"]


def test_two_hearing_tips() -> None:
    """There are two ヒアリングのコツ numbered 1 and 2."""
    assert [(t.number, t.title) for t in hearing_guide.hearing_tips()] == [
        (1, "「情報のお土産」を用意する"),
        (2, "担当課の考え方を伝えてみる"),
    ]


def test_meeting_planning_counts() -> None:
    """Meeting planning has 4 goal rows, 5 lecture theme rows, 2 seating styles and 3 scenes."""
    mp = meetings_guide.meeting_planning()
    assert len(mp.goals) == 4
    assert [g.stage for g in mp.goals][-1] == "対応策の検討・連携方法の模索"
    assert len(mp.lecture_themes) == 5
    assert [s.name for s in mp.seating] == ["車座形式", "少人数のグループ形式"]
    assert len(mp.scenes) == 3
    assert [s.title for s in mp.before][1] == "現状を踏まえて、到達点とテーマを設定する"
    assert len(mp.before[1].examples) == 2
    assert [s.title for s in mp.after] == [
        "ふりかえり会の実施",
        "参加者アンケートを実施する",
        "開催レポートの配布",
    ]
    assert len(mp.facilitator.examples) == 2


def test_secretariat_tasks_and_forms() -> None:
    """The secretariat has four tasks (no trailing 等) and two forms with strengths and cautions."""
    sec = secretariat_guide.secretariat()
    assert len(sec.tasks) == 4
    assert not any(t.endswith("等") for t in sec.tasks)
    assert [f.name for f in sec.forms] == ["行政の場合", "民間団体の場合"]
    assert all(len(f.strengths) == 2 and len(f.cautions) == 2 for f in sec.forms)


def test_dataclasses_hold_tuples_not_lists() -> None:
    """Loaded objects are immutable: no list anywhere inside them."""

    def walk(obj: Any) -> None:
        assert not isinstance(obj, list | dict), obj
        if dataclasses.is_dataclass(obj):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(obj, dataclasses.fields(obj)[0].name, None)
            for f in dataclasses.fields(obj):
                walk(getattr(obj, f.name))
        elif isinstance(obj, tuple):
            for item in obj:
                walk(item)

    for value in (
        phases_guide.phases(),
        phases_guide.guide_points(),
        phases_guide.process_cases(),
        members_guide.member_categories(),
        members_guide.member_activities(),
        hearing_guide.hearing_targets(),
        hearing_guide.question_banks(),
        hearing_guide.hearing_tips(),
        meetings_guide.meeting_planning(),
        secretariat_guide.secretariat(),
        diagnosis_guide.diagnosis_sheet(),
    ):
        walk(value)


def test_every_file_names_its_source() -> None:
    """Every guide file has a top-level source naming the guide."""
    for name in GUIDE_FILES:
        assert "居住支援協議会設立の手引き" in guide_loader.read_guide(name, lambda data: data["source"])


# --- text hygiene ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", GUIDE_FILES)
def test_no_extraction_artifacts_in_text(name: str) -> None:
    """No text value contains 府内, markdown **, a leading ・ bullet or a known extraction error."""
    for text in _strings(_data(name)):
        assert "府内" not in text, text
        assert "**" not in text, text
        assert not text.startswith("・"), text
        assert text == text.strip(), text
        for wrong in SEED_CORRECTIONS:
            if wrong != "対応策の検討連携方法の模索":
                assert wrong not in text, text


# --- fidelity to the guide's wording ---------------------------------------------------------


def test_milestones_occur_in_guide(raw_seed: str, seed: str) -> None:
    """Every milestone is the guide's wording; all but 2-5 need no correction at all."""
    texts = [m.text for m in phases_guide.milestones()]
    assert _missing(texts, seed) == []
    assert _missing([m.text for m in phases_guide.milestones() if m.id != "2-5"], raw_seed) == []


def test_phase_texts_occur_in_guide(seed: str) -> None:
    """All guide wording in phases.json (aims, examples, leads, points, case timelines) is the guide's."""
    assert _missing(list(_strings(_data("phases.json"), NON_GUIDE_KEYS)), seed) == []


def test_real_estate_questions_occur_in_guide(seed: str) -> None:
    """Each real-estate question is a part of the guide's line, and that line is in the guide."""
    bank = hearing_guide.question_bank("real_estate")
    assert _squash(bank.source_text) in seed
    parts = bank.source_text.removesuffix(" 等").split("／")
    assert [q.text for q in bank.questions] == parts


def test_welfare_questions_occur_in_guide(seed: str) -> None:
    """Each welfare question is a part of the guide's line (split on ／ and, for the first, on ・)."""
    bank = hearing_guide.question_bank("welfare")
    assert _squash(bank.source_text) in seed
    chunks = bank.source_text.removesuffix(" 等").split("／")
    first = chunks[0].split("・")
    parts = [first[0], *first[1:], *chunks[1:]]
    assert [q.text for q in bank.questions] == parts


def test_hearing_texts_occur_in_guide(seed: str) -> None:
    """Section leads, targets, guide banks, tips and souvenirs in hearing.json are the guide's wording."""
    data = _data("hearing.json")
    data["question_banks"] = [b for b in data["question_banks"] if not b.get("derived")]
    assert _missing(list(_strings(data, NON_GUIDE_KEYS)), seed) == []
    assert _missing([t.body for t in hearing_guide.hearing_tips()], seed) == []


# The one paraphrase in the derived bank: the guide's 「対応で困ったことは？」 and
# 「対応できなくて困っていることは？」 asked of the public-housing counter, as the brief suggests.
DERIVED_PARAPHRASES = {"対応で困っていること"}


def test_public_housing_questions_stay_within_guide_terms(seed: str) -> None:
    """The derived public-housing questions are built only from terms found in the guide."""
    for q in hearing_guide.question_bank("public_housing").questions:
        for term in re.split(r"[・（）]", q.text):
            if term and term not in DERIVED_PARAPHRASES:
                assert _squash(term) in seed, (q.text, term)


def test_member_texts_occur_in_guide(seed: str) -> None:
    """Every member category's roles, the intro, note and activities are the guide's wording."""
    data = _data("members.json")
    data["categories"] = [c for c in data["categories"] if c["name"] != "その他"]
    assert _missing(list(_strings(data, NON_GUIDE_KEYS)), seed) == []
    for cat in members_guide.member_categories():
        assert _missing(list(cat.roles), seed) == [], cat.name


def test_meeting_texts_occur_in_guide(seed: str) -> None:
    """All of meetings.json, including the four goals, is the guide's wording."""
    assert _missing(list(_strings(_data("meetings.json"), NON_GUIDE_KEYS)), seed) == []
    assert _missing([g.goal for g in meetings_guide.meeting_planning().goals], seed) == []


def test_secretariat_texts_occur_in_guide(seed: str) -> None:
    """The secretariat's lead, tasks, forms and joint note are the guide's wording."""
    assert _missing(list(_strings(_data("secretariat.json"), NON_GUIDE_KEYS)), seed) == []
    assert _missing(list(secretariat_guide.secretariat().tasks), seed) == []


def test_diagnosis_texts_occur_in_guide(seed: str) -> None:
    """The sheet's lead, steps and title come from p38 (the garbled table itself is not compared)."""
    sheet = diagnosis_guide.diagnosis_sheet()
    texts = [sheet.title, sheet.subtitle, *sheet.lead, *sheet.steps, sheet.steps_note]
    assert _missing(texts, seed) == []


# --- loader errors -----------------------------------------------------------------------------


@pytest.fixture
def fake_guide_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    guide = tmp_path / "guide"
    guide.mkdir()
    monkeypatch.setattr(guide_loader, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    _clear_caches()
    yield guide
    monkeypatch.undo()
    _clear_caches()


def _clear_caches() -> None:
    for module in (
        guide_loader,
        phases_guide,
        members_guide,
        hearing_guide,
        meetings_guide,
        secretariat_guide,
        diagnosis_guide,
    ):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def test_missing_file_error_names_the_file(fake_guide_dir: Path) -> None:
    """A missing guide file raises ContentError naming the file."""
    with pytest.raises(guide_loader.ContentError, match="phases.json"):
        phases_guide.phases()


def test_bad_json_error_names_the_file(fake_guide_dir: Path) -> None:
    """Malformed JSON raises ContentError naming the file."""
    (fake_guide_dir / "hearing.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(guide_loader.ContentError, match="hearing.json"):
        hearing_guide.question_banks()


def test_wrong_shape_error_names_the_file(fake_guide_dir: Path) -> None:
    """A file missing a required key raises ContentError naming the file."""
    (fake_guide_dir / "secretariat.json").write_text('{"source": "x"}', encoding="utf-8")
    with pytest.raises(guide_loader.ContentError, match="secretariat.json"):
        secretariat_guide.secretariat()

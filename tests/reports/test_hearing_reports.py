"""ヒアリングシート and 回答の比較 exports, read back from real files (pypdf, openpyxl)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kyojushien_desktop.content import hearing as hearing_guide
from kyojushien_desktop.domain.errors import UnsupportedCharactersError
from kyojushien_desktop.domain.hearing import Question, QuestionBank
from kyojushien_desktop.domain.members import Person
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.datafile import Session, create_session
from kyojushien_desktop.services.hearing import comparison, question_banks, visits
from kyojushien_desktop.services.members import organizations, people
from tests.visit_forms import new_visit

TODAY = dt.date(2026, 11, 22)


def pdf_text(path: Path) -> list[str]:
    """Each page's text with white space removed (extraction breaks lines inside paragraphs)."""
    return [squash(page.extract_text()) for page in PdfReader(path).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def embedded_fonts(path: Path) -> set[str]:
    """Base names of the fonts whose program is embedded (/FontFile2: TrueType)."""
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for candidate in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
                descriptor = candidate.get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    names.add(str(candidate["/BaseFont"]))
    return names


def all_font_names(path: Path) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(path).pages
        for font in page["/Resources"]["/Font"].values()
    }


def add_org(session: Session, name: str, category: str = "不動産事業者・団体") -> int:
    organization_id, _ = organizations.save_organization(session, organizations.new_organization(category, name))
    return organization_id


@pytest.fixture
def town(tmp_path: Path) -> Session:
    """みどり町 with the guide banks and a bank of its own holding each answer type."""
    session = create_session(tmp_path / "town.db")
    save_settings(session, TownSettings(municipality="みどり町", department="建設課 住宅係"))
    bank_id, _ = question_banks.save_bank(session, QuestionBank(name="大家さん向け"))
    for question in (
        Question(bank_id=bank_id, text="高齢者の入居を断ったことがあるか", answer_type="yesno", lines=2),
        Question(bank_id=bank_id, text="空き室の数", answer_type="number", lines=1),
        Question(
            bank_id=bank_id, text="保証会社の利用", answer_type="choice", choices=("必ず利用", "場合による"), lines=2
        ),
    ):
        question_banks.add_question(session, question)
    yield session
    session.close()


def typed_visit(session: Session, name: str, when: dt.datetime) -> int:
    """A visit with 7 guide questions and the three typed ones: 10 questions, every answer type."""
    org_id = add_org(session, name)
    person_id, _ = people.save_person(
        session, Person(name="田中 茂", organization_id=org_id, department="賃貸管理部", title="部長")
    )
    guide = question_banks.list_questions(session, question_banks.find_bank(session, "real_estate").id)[:7]
    own = question_banks.list_questions(session, question_banks.find_bank(session, "大家さん向け").id)
    visit = new_visit(session, org_id, when)
    visit = dataclasses.replace(
        visit,
        question_ids=tuple(q.id for q in [*guide, *own]),
        place="本店 2階応接室",
        visitors="山田 花子（建設課 住宅係）",
        companions="県 住宅課 岡本 直樹",
        purpose="入居の実情を伺う",
        person_ids=(person_id,),
        souvenirs=("ガイドブック",),
    )
    visit_id, _ = visits.plan_visit(session, visit)
    return visit_id


# --- the hearing sheet -----------------------------------------------------------------------


def test_sheet_text_font_questions_and_footer(town: Session, tmp_path: Path) -> None:
    """A visit's sheet: Japanese text extractable, BIZ UDPゴシック embedded (and nothing else),
    questions numbered in order, header in 和暦, tips from the guide, every お土産 an empty box to
    tick (the planned one marked 「（持参予定）」, never a filled ■), footer 「みどり町 … x / y」."""
    visit_id = typed_visit(town, "株式会社みどり不動産", dt.datetime(2026, 12, 3, 10, 0))
    sheet = visits.sheet_for_visit(town, visit_id)
    assert len(sheet.questions) == 10
    path = visits.export_sheets_pdf(town, [sheet], tmp_path / "sheet.pdf")
    fonts = embedded_fonts(path)
    assert {name.split("+")[1] for name in fonts} == {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold"}
    assert all_font_names(path) == fonts  # no unembedded Helvetica anywhere
    pages = pdf_text(path)
    text = "".join(pages)
    for expected in (
        "ヒアリングシート",
        "株式会社みどり不動産",
        "令和8年12月3日(木)10:00",
        "本店2階応接室",
        "山田花子（建設課住宅係）",
        "同行:県住宅課岡本直樹",
        "田中茂様（賃貸管理部部長）",
        "入居の実情を伺う",
        "担当課の考え方を伝えた",
        "その他（",
        "自由記述",
        "□はい",
        "□いいえ",
        "□必ず利用",
        "単位",
    ):
        assert expected in text, expected
    for tip in hearing_guide.hearing_tips():
        assert squash(tip.title) in text and squash(tip.body) in text
    for souvenir in hearing_guide.souvenirs():
        planned = "（持参予定）" if souvenir == "ガイドブック" else ""
        assert f"□{souvenir}{planned}" in text
    assert "■" not in text and text.count("（持参予定）") == 1
    positions = [text.index(f"{n}.{squash(q.text)}") for n, q in enumerate(sheet.questions, 1)]
    assert positions == sorted(positions)
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        assert f"みどり町ヒアリングシート{number}/{len(pages)}" in page
    assert "株式会社みどり不動産（続き）" in pages[1]


def test_batch_of_three_restarts_page_numbers(town: Session, tmp_path: Path) -> None:
    """Three planned visits in one PDF, each sheet starting on its own page with its own 1 / y."""
    ids = [
        typed_visit(town, name, dt.datetime(2026, 12, day, 10, 0))
        for name, day in (("A不動産", 1), ("B住宅管理", 2), ("C大家", 3))
    ]
    sheets = [visits.sheet_for_visit(town, visit_id) for visit_id in ids]
    path = visits.export_sheets_pdf(town, sheets, tmp_path / "batch.pdf")
    pages = pdf_text(path)
    firsts = [i for i, page in enumerate(pages) if "ヒアリングシート質問バンク" in page]
    assert len(firsts) == 3
    for first, name in zip(firsts, ("A不動産", "B住宅管理", "C大家"), strict=True):
        assert name in pages[first] and re.search(r"みどり町ヒアリングシート1/(\d)", pages[first])
    totals = [int(re.search(r"ヒアリングシート\d/(\d)", page).group(1)) for page in pages]
    assert sum(totals[i] for i in firsts) == len(pages)


def test_blank_sheet_for_a_bank(town: Session, tmp_path: Path) -> None:
    """A blank sheet for the public-housing bank: its questions, the target from the guide and
    room to write the header by hand (era name, 年 月 日)."""
    bank = question_banks.find_bank(town, "public_housing")
    sheet = visits.blank_sheet(town, bank.id)
    assert sheet.blank and sheet.targets == ("公営住宅関係者へのヒアリング",)
    path = visits.export_sheets_pdf(town, [sheet], tmp_path / "blank.pdf")
    text = "".join(pdf_text(path))
    assert "ヒアリング先:公営住宅関係者へのヒアリング" in text
    assert re.search(r"令和年月日（）時分～", text)
    assert "当方" in text and "同行" in text
    for number, question in enumerate(question_banks.list_questions(town, bank.id), 1):
        assert f"{number}.{squash(question.text)}" in text


# --- the comparison --------------------------------------------------------------------------


@pytest.fixture
def answered(town: Session) -> Session:
    """Two visits done with answers (one formula-like), one planned."""
    bank = question_banks.find_bank(town, "real_estate")
    own = question_banks.find_bank(town, "大家さん向け")
    questions = question_banks.list_questions(town, bank.id)
    own_questions = question_banks.list_questions(town, own.id)
    ids = []
    for name, category, day in (("みどり不動産", "不動産事業者・団体", 5), ("みどり社協", "福祉事業者・団体", 9)):
        org_id = add_org(town, name, category)
        visit = new_visit(town, org_id, dt.datetime(2026, 10, day, 14, 0), bank.id)
        visit = dataclasses.replace(visit, question_ids=visit.question_ids + tuple(q.id for q in own_questions))
        ids.append(visits.plan_visit(town, visit)[0])
    visits.record_answers(
        town,
        ids[0],
        {
            questions[0].id: "町内全域と隣の市の北部",
            questions[6].id: "家賃滞納と孤独死の不安",
            own_questions[0].id: "はい",
            own_questions[1].id: "４５",
            own_questions[2].id: "必ず利用",
        },
    )
    visits.record_answers(
        town,
        ids[1],
        {questions[0].id: "=町全域", questions[6].id: "保証人がいないこと", own_questions[0].id: "いいえ"},
    )
    visits.plan_visit(town, new_visit(town, add_org(town, "予定の団体"), dt.datetime(2026, 12, 1, 10, 0), bank.id))
    return town


def test_compare_xlsx_read_back(answered: Session, tmp_path: Path) -> None:
    """The Excel table: 団体名・区分・日付 then one column per question, answers in place, text
    wrapped, header frozen, numbers as numbers, a formula-like answer kept as text."""
    bank = question_banks.find_bank(answered, "real_estate")
    table = comparison.compare_table(answered, bank.id)
    path = comparison.export_compare_xlsx(answered, table, tmp_path / "compare.xlsx", today=TODAY)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["回答の比較"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["団体名", "区分", "日付"]
    assert header[3:] == [f"{n}. {q.text}" for n, q in enumerate(table.questions, 1)]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(rows) == {"みどり不動産", "みどり社協"}
    realtor = rows["みどり不動産"]
    assert realtor[1].value == "不動産事業者・団体"
    assert realtor[2].value.date() == dt.date(2026, 10, 5) and "ggge" in realtor[2].number_format
    assert realtor[3].value == "町内全域と隣の市の北部" and realtor[3].alignment.wrap_text
    assert realtor[9].value == "家賃滞納と孤独死の不安"
    formula = rows["みどり社協"][3]
    assert formula.value == "=町全域" and formula.data_type == "s" and formula.quotePrefix
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["D"].width >= 30 and sheet.column_dimensions["A"].width >= 25
    assert [c.value for c in workbook["質問一覧"]["B"][1:4]] == [q.text for q in table.questions[:3]]

    typed = comparison.compare_table(answered, question_banks.find_bank(answered, "大家さん向け").id)
    path = comparison.export_compare_xlsx(answered, typed, tmp_path / "typed.xlsx", today=TODAY)
    values = {row[0].value: [c.value for c in row] for row in openpyxl.load_workbook(path).active.iter_rows(min_row=2)}
    assert values["みどり不動産"][3:] == ["はい", 45, "必ず利用"]
    assert values["みどり社協"][3:] == ["いいえ", None, None]


def test_compare_pdf_answers_under_their_questions(answered: Session, tmp_path: Path) -> None:
    """The まとめ: each question once, each answer under it with 「団体名（日付）」, 未回答 counted,
    closed questions tallied, the font embedded and 自治体名 in the footer."""
    bank = question_banks.find_bank(answered, "real_estate")
    table = comparison.compare_table(answered, bank.id)
    path = comparison.export_compare_pdf(answered, table, tmp_path / "matome.pdf", today=TODAY)
    assert embedded_fonts(path) == all_font_names(path)
    text = "".join(pdf_text(path))
    headings = [text.index(f"{n}.{q.text}") for n, q in enumerate(table.questions, 1)]
    assert headings == sorted(headings)

    def section(number: int) -> str:
        end = headings[number] if number < len(headings) else len(text)
        return text[headings[number - 1] : end]

    assert "みどり不動産（令和8年10月5日(月)）町内全域と隣の市の北部" in section(1)
    assert "みどり社協（令和8年10月9日(金)）=町全域" in section(1)
    assert "みどり不動産（令和8年10月5日(月)）家賃滞納と孤独死の不安" in section(7)
    assert "みどり社協（令和8年10月9日(金)）保証人がいないこと" in section(7)
    assert "未回答2件" in section(2) and "未回答" not in section(1)
    assert "予定の団体" not in text
    assert "みどり町ヒアリング回答のまとめ不動産団体・事業者1/" in text

    typed = comparison.compare_table(answered, question_banks.find_bank(answered, "大家さん向け").id)
    path = comparison.export_compare_pdf(answered, typed, tmp_path / "typed.pdf", today=TODAY)
    assert "はい1件・いいえ1件" in "".join(pdf_text(path))


def test_empty_comparison_still_writes(town: Session, tmp_path: Path) -> None:
    """With no visit done yet both exports still open, saying there is nothing to compare."""
    table = comparison.compare_table(town, question_banks.find_bank(town, "welfare").id)
    assert table.rows == ()
    pdf = comparison.export_compare_pdf(town, table, tmp_path / "empty.pdf", today=TODAY)
    assert "条件に合うヒアリング記録がありません" in "".join(pdf_text(pdf))
    xlsx = comparison.export_compare_xlsx(town, table, tmp_path / "empty.xlsx", today=TODAY)
    assert openpyxl.load_workbook(xlsx).active.max_row == 1


def test_sheet_and_summary_name_characters_the_font_lacks(town: Session, tmp_path: Path) -> None:
    """A place with 𠮷 stops the sheet before writing, naming the visit's organisation and the
    field; an answer with an emoji does the same for the まとめ; written anyway, both print 〓."""
    visit_id = typed_visit(town, "みどり不動産", dt.datetime(2026, 12, 3, 10, 0))
    visit = visits.get_visit(town, visit_id)
    visits.save_visit(town, dataclasses.replace(visit, place="𠮷田ビル2階"))
    sheet = visits.sheet_for_visit(town, visit_id)
    with pytest.raises(UnsupportedCharactersError) as caught:
        visits.export_sheets_pdf(town, [sheet], tmp_path / "sheet.pdf")
    assert caught.value.places == [("「みどり不動産」の場所", "𠮷")] and not (tmp_path / "sheet.pdf").exists()
    path = visits.export_sheets_pdf(town, [sheet], tmp_path / "sheet.pdf", replace_unsupported=True)
    assert "〓田ビル2階" in "".join(pdf_text(path))

    bank = question_banks.find_bank(town, "real_estate")
    question = question_banks.list_questions(town, bank.id)[0]
    visits.record_answers(town, visit_id, {question.id: "町内全域😀"})
    table = comparison.compare_table(town, bank.id)
    with pytest.raises(UnsupportedCharactersError) as caught:
        comparison.export_compare_pdf(town, table, tmp_path / "matome.pdf", today=TODAY)
    assert caught.value.places == [("「みどり不動産」の質問1の回答", "😀")]
    path = comparison.export_compare_pdf(town, table, tmp_path / "matome.pdf", today=TODAY, replace_unsupported=True)
    assert "町内全域〓" in "".join(pdf_text(path))

"""The papers of a meeting, read back from real files: the 開催レポート (pypdf and python-docx), the
アンケート用紙 and the 受付名簿 with the グループ表, for a group work built through the services on
the sample town."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.errors import UnsupportedCharactersError
from kyojushien_desktop.domain.meeting_report import ReportOptions
from kyojushien_desktop.domain.meetings import ABSENT, Meeting
from kyojushien_desktop.domain.wareki import format_date
from kyojushien_desktop.services.common.jobs import Cancelled
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.meetings import meetings, participants, report, survey
from kyojushien_desktop.services.sample import create_sample
from tests.meeting_town import GROUP_NOTES, IMPRESSIONS, RESPONSES, add_third_session
from tests.reports.conftest import CancelAfter
from tests.reports.test_hearing_reports import all_font_names, embedded_fonts

TITLES = dict(meeting_terms().report_sections)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages(path: Path) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture
def town(tmp_path: Path) -> Iterator[tuple[Session, int]]:
    """The sample town with its third 勉強会 held, grouped, surveyed and recorded."""
    session = create_sample(tmp_path / "town.db")
    try:
        yield session, add_third_session(session)
    finally:
        session.close()


def recorded_by_category(session: Session, meeting_id: int) -> Counter[str]:
    """Attendance by 区分 straight from what was recorded per participant."""
    return Counter(
        p.category or p.guest_category
        for p in participants.participants_of(session, meeting_id)
        if p.attendance in ("出席", "代理出席")
    )


def test_report_pdf_sections_attendance_survey_and_font(town, tmp_path: Path) -> None:
    """Every section's title, attendance by 区分 as recorded (total 25, 3 online), n = 23 and
    回収率 92 %, the scale bars' shares and legend, the free answers quoted; 1–2 pages, only
    BIZ UDPゴシック and it embedded; organisations listed but no participant's name."""
    session, meeting_id = town
    path = report.export_report_pdf(session, meeting_id, tmp_path / "report.pdf")
    text = pages(path)
    assert len(text) == 2  # this full record takes both pages the report may have
    whole = "".join(text)
    assert all(title in whole for title in TITLES.values())
    assert [t for t in TITLES.values()] == sorted(TITLES.values(), key=whole.index)  # in order
    recorded = recorded_by_category(session, meeting_id)
    assert sum(recorded.values()) == 25
    for category, count in recorded.items():
        assert f"{category}{count}名" in whole, category
    assert "合計25名" in whole and "25名（会場22名・オンライン3名）" in whole and "欠席4名" in whole
    assert f"回答{RESPONSES}名／参加者25名／回収率92%" in whole
    assert f"作成：{format_date(dt.date.today())}".replace(" ", "") in whole  # as of when, and by whom
    assert ("担当：" in whole) == bool(load_settings(session).staff_name)
    assert "とても満足9名（39%）" in whole and "39%43%13%" in whole  # legend, then shares in the bar
    assert "いる17名74%" in whole
    assert all(f"「{answer}」" in whole for answer in IMPRESSIONS)
    assert all(squash(note.splitlines()[0].lstrip("・")) in whole for note in GROUP_NOTES.values())
    assert "令和8年2月12日(木)13:30～16:00" in whole
    assert "みどり町役場2階大会議室（会場・オンライン併用）" in whole
    assert "株式会社みどり不動産" in whole and "石川さとみ" not in whole and "村上亮" not in whole
    assert text[0].startswith("開催レポートみどり町建設課住宅係第3回居住支援勉強会相互理解グループワーク作成：")
    assert f"みどり町開催レポート{len(text)}/{len(text)}第3回居住支援勉強会相互理解グループワーク（続き）" in text[-1]
    fonts = embedded_fonts(path)
    assert fonts == all_font_names(path) and all("BIZUDPGothic" in name for name in fonts)
    assert PdfReader(path).metadata.title == "開催レポート（第3回 居住支援勉強会 相互理解グループワーク）"


def test_report_pdf_names_when_chosen_and_sections_left_out(town, tmp_path: Path) -> None:
    """With names chosen each person stands after their organisation; a deselected section is
    not printed at all."""
    session, meeting_id = town
    options = ReportOptions(sections=frozenset({"overview", "next"}), with_names=True)
    whole = "".join(pages(report.export_report_pdf(session, meeting_id, tmp_path / "r.pdf", options)))
    assert "〇〇大学人間福祉学部（石川さとみ）" in whole
    assert "公益社団法人全日本不動産協会〇〇県本部東部支部（西村亮（代理））" in whole
    assert TITLES["overview"] in whole and TITLES["next"] in whole
    assert not any(TITLES[key] in whole for key in ("program", "lecture", "opinions", "survey"))


def test_report_of_a_meeting_with_nothing_recorded_says_so(town, tmp_path: Path) -> None:
    """A planned meeting's report keeps every section, each empty one saying 「（記録がありません）」."""
    session, _ = town
    planned = Meeting(kind="意見交換会", title="第1回 意見交換会", starts_at=dt.datetime(2026, 3, 19, 14, 0))
    meeting_id, _ = meetings.save_meeting(session, planned)
    whole = "".join(pages(report.export_report_pdf(session, meeting_id, tmp_path / "empty.pdf")))
    assert all(title in whole for title in TITLES.values())
    assert whole.count("（記録がありません）") == 5  # all but 開催概要, which has the 題名 and 日時
    assert "0名" in whole


def test_report_pdf_refuses_characters_the_font_lacks_unless_replaced(town, tmp_path: Path) -> None:
    """𠮷 in the 主な意見 is named with its meeting and field before anything is written."""
    session, meeting_id = town
    held = meetings.get_meeting(session, meeting_id)
    meetings.save_record(session, dataclasses.replace(held, opinions="𠮷田さんの意見"))
    out = tmp_path / "x.pdf"
    with pytest.raises(UnsupportedCharactersError) as caught:
        report.export_report_pdf(session, meeting_id, out)
    assert "「第3回 居住支援勉強会 相互理解グループワーク」の主な意見" in caught.value.message
    assert not out.exists()
    report.export_report_pdf(session, meeting_id, out, replace_unsupported=True)
    assert "〓田さんの意見" in "".join(pages(out))


def test_report_docx_headings_tables_page_and_font(town, tmp_path: Path) -> None:
    """The Word file: the title, every section a Heading 1 in order, the attendance by 区分 a real
    table equal to what was recorded, the survey as tables, A4, BIZ UDPゴシック for East Asian text
    with 游ゴシック as its alternative, the footer naming the town; no temporary file left."""
    session, meeting_id = town
    path = report.export_report_docx(session, meeting_id, tmp_path / "report.docx")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".docx") == ["report.docx"]
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == list(TITLES.values())
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [
        "第3回 居住支援勉強会 相互理解グループワーク"
    ]
    level2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert level2[:2] == ["所属区分別の参加者数", "参加団体"] and "問1 満足度" in level2

    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    attendance = next(t for t in tables if t[0] == ["所属区分", "人数"])
    recorded = recorded_by_category(session, meeting_id)
    assert {row[0]: row[1] for row in attendance[1:-1]} == {c: f"{n}名" for c, n in recorded.items()}
    assert attendance[-1] == ["合計", "25名"]
    overview = dict(tuple(row) for row in tables[0])
    assert overview["日時"] == "令和8年2月12日(木) 13:30～16:00"
    assert overview["参加者数"].startswith("25名（会場 22名・オンライン 3名）")
    satisfaction = next(t for t in tables if t[0] == ["選択肢", "人数", "割合"])
    assert satisfaction[1] == ["とても満足", "9名", "39%"]
    texts = [p.text for p in document.paragraphs]
    assert f"回答 {RESPONSES}名／参加者 25名／回収率 92%" in texts
    assert f"「{IMPRESSIONS[0]}」" in texts

    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    fonts = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert fonts.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "BIZ UDPゴシック"
    heading_fonts = document.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading_fonts.get(qn("w:eastAsia")) == "BIZ UDPゴシック" and heading_fonts.get(qn("w:eastAsiaTheme")) is None
    font_table = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    assert 'w:name="BIZ UDPゴシック"><w:altName w:val="游ゴシック"/>' in font_table.blob.decode()
    assert section.footer.paragraphs[0].text.startswith("みどり町　開催レポート　")
    assert document.core_properties.author == "みどり町"


def test_survey_form_one_page_a_copy(town, tmp_path: Path) -> None:
    """Three copies are three pages, each with the meeting's 題名 and 日時, the 回答票番号 box, every
    question numbered with its choices, and the font embedded."""
    session, meeting_id = town
    path = report.export_survey_form_pdf(session, meeting_id, tmp_path / "form.pdf", copies=3)
    text = pages(path)
    assert len(text) == 3
    questions = survey.questions_of(session, meeting_id)
    for page in text:
        assert page.startswith("参加者アンケート第3回居住支援勉強会相互理解グループワーク")
        assert "令和8年2月12日(木)13:30～16:00" in page and "回答票番号（事務局記入）" in page
        for number, question in enumerate(questions, 1):
            assert f"問{number}{squash(question.text)}" in page
            assert all(f"□{squash(choice)}" in page for choice in question.choices)
        assert page.endswith("みどり町参加者アンケート")
    assert embedded_fonts(path) == all_font_names(path)


def test_roster_lists_the_expected_with_blank_rows_then_the_groups(town, tmp_path: Path) -> None:
    """The 受付名簿 holds everyone but those who sent word they cannot come, numbered, with an
    empty 受付 box each and at least five blank rows after; the グループ表 page lists each group's
    members with 所属 and 区分."""
    session, meeting_id = town
    everyone = participants.participants_of(session, meeting_id)
    expected = [p for p in everyone if p.attendance != ABSENT]
    path = report.export_roster_pdf(session, meeting_id, tmp_path / "roster.pdf")
    text = pages(path)
    roster, group_page = "".join(text[:-1]), text[-1]
    assert roster.startswith("受付名簿第3回居住支援勉強会相互理解グループワーク")
    assert "番号所属（団体名）氏名区分参加方法受付" in roster
    for number, person in enumerate(expected, 1):
        assert f"{number}{squash(person.affiliation)}{squash(person.name)}" in roster, person.name
    assert all(squash(p.person_name) not in roster for p in everyone if p.attendance == ABSENT)
    assert "欠席の連絡があった4名は載せていません" in roster
    last = max(int(n) for n in re.findall(r"(\d+)□", roster))
    assert last >= len(expected) + 5
    assert roster.count("□") >= last  # a box on every row, blank ones too
    assert text[0].endswith("みどり町受付名簿1/2")

    groups = participants.groups_of(session, meeting_id)
    assert group_page.startswith("グループ表") and group_page.endswith("みどり町グループ表")
    for number, members in groups.items():
        assert f"グループ{number}（{len(members)}名）所属氏名区分" in group_page
        for person in members:
            assert f"{squash(person.affiliation)}{squash(person.name)}{person.shown_category}" in group_page


def test_roster_without_groups_has_no_group_page(town, tmp_path: Path) -> None:
    session, _ = town
    meeting_id, _ = meetings.save_meeting(
        session, Meeting(kind="勉強会・講演会", title="第4回 勉強会", starts_at=dt.datetime(2026, 4, 16, 14, 0))
    )
    text = pages(report.export_roster_pdf(session, meeting_id, tmp_path / "roster.pdf"))
    assert len(text) == 1 and "グループ表" not in text[0] and "掲載0名" in text[0]


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_cancelled_report_leaves_no_file_and_keeps_the_last(town, tmp_path: Path, kind: str) -> None:
    """キャンセル after the first step: Cancelled, the last good report still there, no temporary file."""
    session, meeting_id = town
    target = tmp_path / f"開催レポート.{kind}"
    target.write_bytes(b"the last good report")
    export = report.export_report_pdf if kind == "pdf" else report.export_report_docx
    with pytest.raises(Cancelled):
        export(session, meeting_id, target, progress=CancelAfter(1))
    assert target.read_bytes() == b"the last good report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("開催レポート")] == [target.name]

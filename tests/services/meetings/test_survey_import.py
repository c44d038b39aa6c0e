"""参加者アンケートの取り込み as strict as the 名簿's: every answer read as on the entry screen, every
problem named by sheet, row, cell and header, and nothing written unless the file is clean (or the
bad rows are skipped on purpose)."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.jobs import Cancelled, Progress
from kyojushien_desktop.services.meetings import survey
from kyojushien_desktop.services.meetings import survey_import as si
from tests.meeting_surveys import held_meeting

HEADER = ["回答票番号", "問1", "理解度", "新しくつながりができた相手はいますか", "印象に残ったこと", "所属区分"]


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    yield opened
    opened.close()


@pytest.fixture
def meeting_id(session) -> int:
    return held_meeting(session, attending=12)


def by_label(session, meeting_id) -> list[dict[str, str]]:
    """Every saved form as 短い名前 → answer, in number order."""
    shorts = {q.id: q.short for q in survey.questions_of(session, meeting_id)}
    return [{shorts[k]: v for k, v in r.answers.items()} for r in survey.responses_of(session, meeting_id)]


def workbook(path, rows: list[list], title: str = "回答", formats: dict[str, str] | None = None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    book.save(path)
    return path


def test_xlsx_is_read_as_typed_and_written_in_one_go(session, meeting_id, tmp_path):
    """A title row above the header, headers by 問N, label and 質問文, cells holding digits (a
    number cell formatted 0.0 shows 3.0 and is 3), 全角 digits and labels: the preview adds three
    forms numbered as in the file; the database then holds them answer for answer."""
    path = workbook(
        tmp_path / "アンケート集計.xlsx",
        [
            ["第3回 居住支援勉強会 アンケート集計"],
            HEADER,
            [1, 3.0, "２", "いる", "大家さんの本音が聞けた", "不動産事業者・団体"],
            [2, "とても満足", 1, 2, None, 4],
            [3, None, None, None, "グループワークが楽しかった", None],
        ],
        formats={"B3": "0.0"},
    )
    preview = si.preview_survey_import(session, meeting_id, path)
    assert (preview.sheet, preview.header_row, preview.numbered) == ("回答", 2, True)
    assert not preview.problems and not preview.file_problems
    assert [r.number for r in preview.good_rows] == [1, 2, 3]
    assert any("今後取り上げてほしいテーマ" in w for w in preview.warnings)  # a question the file lacks
    assert survey.responses_of(session, meeting_id) == []  # a preview writes nothing

    result = si.apply_survey_import(session, preview)
    assert result.added == 3 and "3件取り込みました" in result.describe()
    assert [r.number for r in survey.responses_of(session, meeting_id)] == [1, 2, 3]
    assert by_label(session, meeting_id) == [
        {
            "満足度": "ふつう",
            "理解度": "深まった",
            "新しいつながり": "いる",
            "印象に残ったこと": "大家さんの本音が聞けた",
            "所属区分": "不動産事業者・団体",
        },
        {"満足度": "とても満足", "理解度": "とても深まった", "新しいつながり": "いない", "所属区分": "居住支援法人"},
        {"印象に残ったこと": "グループワークが楽しかった"},
    ]
    assert survey.results(session, meeting_id).rate_text == "25%"  # 3 of 12 attending


@pytest.mark.parametrize("encoding", ["cp932", "utf-8-sig"])
def test_csv_from_japanese_excel_in_either_encoding(session, meeting_id, tmp_path, encoding):
    """A CSV saved by Japanese Excel (Shift_JIS) or as 「CSV UTF-8」 (with BOM) reads the same;
    without a 回答票番号 column the forms are numbered after those already entered."""
    survey.save_response(session, meeting_id, 1, {survey.questions_of(session, meeting_id)[0].id: "1"})
    path = tmp_path / "回答.csv"
    path.write_text(
        "満足度,理解度,印象に残ったこと\n2,3,空き家の話が具体的だった\n５,,\n", encoding=encoding, newline=""
    )
    preview = si.preview_survey_import(session, meeting_id, path)
    assert not preview.numbered and [r.number for r in preview.good_rows] == [2, 3]
    si.apply_survey_import(session, preview)
    assert by_label(session, meeting_id)[1:] == [
        {"満足度": "満足", "理解度": "どちらともいえない", "印象に残ったこと": "空き家の話が具体的だった"},
        {"満足度": "不満"},
    ]


def test_a_bad_cell_is_named_exactly_and_nothing_is_written(session, meeting_id, tmp_path):
    """「6」 on a 5-point scale in row 7 is named by sheet, row, column and header; nothing is
    written until the user chooses to skip the bad rows, and then only the good ones."""
    rows = [["番号", "氏名", "満足度", "理解度"]] + [[n, f"参加者{n}", 1 + n % 5, 2] for n in range(1, 9)]
    rows[6][2] = 6  # row 7 of the sheet
    path = workbook(tmp_path / "回答.xlsx", rows)
    preview = si.preview_survey_import(session, meeting_id, path)
    assert [p.describe() for p in preview.problems] == [
        "「回答」シート 7行目 C列（満足度）: 「6」は1〜5で入力してください"
    ]
    assert any("B列（氏名）" in w for w in preview.warnings)  # a column no question owns is pointed out
    with pytest.raises(ValidationError) as caught:
        si.apply_survey_import(session, preview)
    assert "7行目" in caught.value.message and "何も取り込みませんでした" in caught.value.message
    assert survey.responses_of(session, meeting_id) == []
    result = si.apply_survey_import(session, preview, skip_bad=True)
    assert (result.added, result.bad_skipped) == (7, 1)
    assert [r.number for r in survey.responses_of(session, meeting_id)] == [1, 2, 3, 4, 5, 7, 8]


def test_numbers_that_clash_and_rows_that_are_no_form(session, meeting_id, tmp_path):
    """A number already entered, a number repeated, and a number that is no number are problems
    on that cell; a 合計 row, the header printed again and a template row holding only its number
    are left out; a label not among the choices names the choices."""
    survey.save_response(session, meeting_id, 4, {survey.questions_of(session, meeting_id)[0].id: "1"})
    path = tmp_path / "回答.csv"
    path.write_text(
        "No.,満足度,所属区分\n1,1,その他\n1,2,\n4,3,\nい,3,\n回答票番号,満足度,所属区分\n5,4,町内会\n6,,\n合計,3.4,\n",
        encoding="utf-8",
    )
    preview = si.preview_survey_import(session, meeting_id, path)
    assert [p.describe() for p in preview.problems] == [
        "回答.csv 3行目 A列（No.）: 回答票番号「1」は2行目と同じです。番号を直してください。",
        "回答.csv 4行目 A列（No.）: 回答票番号「4」の回答票はすでに入力されています。取り込むと置き換わるため、番号を直すか、入力済みの回答票を削除してから取り込んでください。",
        "回答.csv 5行目 A列（No.）: 回答票番号「い」は1以上の整数で入力してください。",
        "回答.csv 7行目 C列（所属区分）: 「町内会」は選択肢（行政（住宅）・行政（福祉）・不動産事業者・団体・居住支援法人・福祉事業者・団体・その他）にありません",
    ]
    assert [row for row, _ in preview.skipped] == [6, 9]
    assert preview.blank_rows == 1
    assert [r.row for r in preview.good_rows] == [2]


def test_two_columns_for_one_question_block_the_file(session, meeting_id, tmp_path):
    """Which of two 満足度 columns is meant cannot be guessed: the whole file is refused."""
    path = tmp_path / "回答.csv"
    path.write_text("満足度,問1,理解度\n1,2,3\n", encoding="utf-8")
    preview = si.preview_survey_import(session, meeting_id, path)
    assert preview.file_problems and "A列（満足度）とB列（問1）" in preview.file_problems[0]
    with pytest.raises(ValidationError):
        si.apply_survey_import(session, preview, skip_bad=True)
    assert survey.responses_of(session, meeting_id) == []


def test_no_header_names_what_is_expected(session, meeting_id, tmp_path):
    """A file whose first rows name no question says where it looked and what it wants."""
    path = workbook(tmp_path / "メモ.xlsx", [["日付", "天気"], ["1月", "晴れ"]])
    with pytest.raises(UserFacingError) as caught:
        si.preview_survey_import(session, meeting_id, path)
    assert "見出しの行が見つかりません（「回答」シートの1行目から30行目まで）" in caught.value.message
    assert "「満足度」" in caught.value.hint and "問1" in caught.value.hint


def test_cancel_while_writing_writes_nothing(session, meeting_id, tmp_path):
    """Preview and apply report their stages; a cancel halfway through the writing rolls every
    form back."""
    path = tmp_path / "回答.csv"
    path.write_text("満足度\n" + "".join(f"{1 + n % 5}\n" for n in range(40)), encoding="utf-8")
    stages: list[tuple[str, int]] = []
    preview = si.preview_survey_import(
        session, meeting_id, path, progress=Progress(lambda s, d, t: stages.append((s, t)), interval=0)
    )
    assert ("回答の行を確かめています", 40) in stages

    def cancel_halfway(stage, done, total):
        if stage == "回答票を書き込んでいます" and done >= 20:
            cancelling.cancel()

    cancelling = Progress(cancel_halfway, interval=0)
    with pytest.raises(Cancelled):
        si.apply_survey_import(session, preview, progress=cancelling)
    assert survey.responses_of(session, meeting_id) == []
    assert si.apply_survey_import(session, preview).added == 40


def test_zip_bomb_and_locked_file_are_refused_in_japanese(session, meeting_id, tmp_path, monkeypatch):
    """A small .xlsx that would unpack to hundreds of MB is refused before it is unpacked, and a
    file another program holds open is named with what to do; nothing is written either way."""
    good = workbook(tmp_path / "good.xlsx", [["満足度", "理解度"], [1, 2]])
    bomb = tmp_path / "bomb.xlsx"
    row = b'<row r="3"><c r="A3" t="inlineStr"><is><t>1</t></is></c></row>' * 16384
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item))
        with target.open("xl/worksheets/sheet1.xml", "w") as sheet:
            for _ in range(200 * 1024 * 1024 // len(row)):
                sheet.write(row)
    with pytest.raises(UserFacingError) as caught:
        si.preview_survey_import(session, meeting_id, bomb)
    assert "展開すると" in caught.value.message and "bomb.xlsx" in caught.value.message

    from kyojushien_desktop.reports.xlsx import reader

    def locked(*_args, **_kwargs):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(reader, "open", locked, raising=False)
    with pytest.raises(UserFacingError) as caught:
        si.preview_survey_import(session, meeting_id, good)
    assert "ほかのソフトが使用中" in caught.value.message and "good.xlsx" in caught.value.message
    assert survey.responses_of(session, meeting_id) == []


def test_the_sheet_holding_the_answers_is_read(session, meeting_id, tmp_path):
    """A workbook that opens on a cover sheet is read from the sheet whose header names the
    questions; a sheet chosen that has none says so."""
    path = tmp_path / "集計.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "表紙"
    book.active.append(["第3回 勉強会 アンケート"])
    answers = book.create_sheet("回答")
    answers.append(["満足度", "理解度"])
    answers.append([1, 2])
    book.active = 0
    book.save(path)
    preview = si.preview_survey_import(session, meeting_id, path)
    assert (preview.sheet, preview.sheets, len(preview.good_rows)) == ("回答", ("表紙", "回答"), 1)
    with pytest.raises(UserFacingError) as caught:
        si.preview_survey_import(session, meeting_id, path, sheet="表紙")
    assert "「表紙」シート" in caught.value.message


def test_headers_name_questions_many_ways():
    """「問1」, 「問１（満足度）」, 「Q2」, 「満足度（5段階）」 and the 質問文 with its question mark all
    find their question; a header naming none is None."""
    questions = survey.presets(0)
    assert si.match_header("問1", questions) == 0
    assert si.match_header("問１（満足度）", questions) == 0
    assert si.match_header("Q2", questions) == 1
    assert si.match_header("満足度（5段階）", questions) == 0
    assert si.match_header("新しくつながりができた相手はいますか？", questions) == 2
    assert si.match_header("問3 理解度", questions) == 1  # the name wins over a wrong number
    assert si.match_header("タイムスタンプ", questions) is None

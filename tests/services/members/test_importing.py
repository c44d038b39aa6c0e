"""名簿の取り込み from messy town-hall spreadsheets, on real files and a real data file."""

import dataclasses
import datetime as dt
import zipfile

import openpyxl
import pytest

from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.members import Person
from kyojushien_desktop.reports.xlsx import reader
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.changes import Topic
from kyojushien_desktop.services.members import history, organizations, people, terms
from kyojushien_desktop.services.members import importing as mi
from kyojushien_desktop.store import organizations as organization_store

HEADER = [
    "No.",
    " 団体名 ",
    "ﾌﾘｶﾞﾅ",
    "区分",
    "庁内/庁外",
    "所在地",
    "ＴＥＬ",
    "FAX番号",
    "E-mail",
    "担当者名",
    "部署",
    "役職",
    "備考",
]


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    yield opened
    opened.close()


def count(session) -> int:
    return organization_store.count(session.database)


def by_name(session) -> dict:
    return {
        row.name: organizations.get_organization(session, row.id) for row in organizations.list_organizations(session)
    }


def write_messy_xlsx(path):
    """A town hall's list: merged title, blank and number-only rows, ﾊﾝｶｸ, ０１２３ and stray spaces."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "関係団体"
    sheet.append(["令和8年度　居住支援 関係団体名簿（住宅係）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append([])
    sheet.append(HEADER)
    sheet.append(
        [
            1,
            "　みどり不動産 ",
            "ﾐﾄﾞﾘﾌﾄﾞｳｻﾝ",
            "宅建協会",
            "",
            "みどり町１丁目２－３",
            "０１２３－４５－６７８９",
            "",
            " info@midori.example.jp",
            "佐藤　一郎",
            "賃貸管理部",
            "主任",
            "鍵は（本店）で受け取り\n１０時から",
        ]
    )
    sheet.append([2])  # a pre-numbered template row with nothing else in it
    sheet.append([])
    sheet.append([3, "みどり町社会福祉協議会", "みどりちょう しゃかいふくしきょうぎかい", "社協", "", "", 1234567])
    sheet.cell(row=7, column=10, value="鈴木 花子")
    sheet.cell(row=7, column=11, value="地域福祉係")
    sheet.append(["  ", "　", None, " "])
    sheet.append([4, "みどり町役場 住宅課", "みどりちょうやくば", "住宅課", "庁内", "", "0123-45-1111"])
    sheet.append([5, "さくら荘", "", "", "", "", "", "", "", "", "", "", "大家さん"])
    workbook.save(path)
    return path


def write_csv(path, rows, encoding="utf-8"):
    path.write_bytes("\r\n".join(",".join(cells) for cells in rows).encode(encoding) + b"\r\n")
    return path


def test_messy_xlsx_lands_every_good_row(session, tmp_path):
    """Title row, blank rows, ﾊﾝｶｸ, ０１２３ and stray spaces: all four organisations land cleaned."""
    path = write_messy_xlsx(tmp_path / "名簿.xlsx")
    preview = mi.preview_import(session, path)
    assert (preview.sheet, preview.header_row, preview.blank_rows) == ("関係団体", 3, 3)
    assert preview.problems == []
    assert [row.row for row in preview.rows] == [4, 7, 9, 10]
    assert preview.mapping["kana"] == "ﾌﾘｶﾞﾅ" and preview.mapping["phone"] == "ＴＥＬ"
    result = mi.apply_import(session, preview)
    assert (result.added, result.people_added, result.merged, result.skipped) == (4, 2, 0, 0)
    assert Topic.ORGANIZATIONS in result.changes.topics
    assert "新規 4件" in result.describe()
    orgs = by_name(session)
    midori = orgs["みどり不動産"]
    assert midori.kana == "ミドリフドウサン"
    assert (midori.category, midori.kind) == ("不動産事業者・団体", "宅建協会")
    assert midori.phone == "0123-45-6789" and midori.address == "みどり町1丁目2-3"
    assert midori.email == "info@midori.example.jp"
    assert midori.notes == "鍵は（本店）で受け取り\n10時から"
    assert midori.expected_roles == terms.default_roles("不動産事業者・団体")
    [person] = people.people_of(session, midori.id)
    assert (person.name, person.department, person.title) == ("佐藤 一郎", "賃貸管理部", "主任")
    shakyo = orgs["みどり町社会福祉協議会"]
    assert (shakyo.category, shakyo.phone) == ("福祉事業者・団体", "1234567")
    assert orgs["みどり町役場 住宅課"].internal and orgs["みどり町役場 住宅課"].category == "住宅部局"
    assert not midori.internal
    assert orgs["さくら荘"].category == "その他"
    assert [r.name for r in organizations.search_organizations(session, "ﾐﾄﾞﾘﾌ")] == ["みどり不動産"]
    assert [r.name for r in organizations.search_organizations(session, "佐藤")] == ["みどり不動産"]
    assert any(
        entry.action == "取り込み" and "名簿.xlsx 4行目" in entry.new_value
        for entry in history.history(session, midori.id)
    )


def test_read_table_shows_values_as_excel_does(tmp_path):
    """Whole numbers lose no digits and gain no '.0'; dates read as 2025/4/1; rows keep Excel's numbers."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["B3"] = 1234567
    sheet["C3"] = 1234567.0
    sheet["D3"] = 1.5
    sheet["E3"] = dt.datetime(2025, 4, 1)
    workbook.save(tmp_path / "v.xlsx")
    name, rows = reader.read_table(tmp_path / "v.xlsx")
    assert name == "Sheet"
    assert rows == [[], [], ["", "1234567", "1234567", "1.5", "2025/4/1"]]


def test_shift_jis_csv_as_japanese_excel_writes_it(session, tmp_path):
    """A cp932 CSV (with 髙 and ①, CRLF) lands; 種別 is read as 区分 and matched leniently."""
    path = write_csv(
        tmp_path / "sjis.csv",
        [
            ["名称", "よみがな", "種別", "住所", "電話", "メール", "担当者", "備考"],
            [
                "髙橋司法書士事務所",
                "たかはし しほうしょし",
                "司法書士",
                "さくら町①番地",
                "011-222-3333",
                "",
                "髙橋 一",
                "",
            ],
            ["わかば地域包括支援センター", "", "地域包括", "", "", "", "", "第２木曜休み"],
        ],
        encoding="cp932",
    )
    preview = mi.preview_import(session, path)
    assert preview.problems == [] and preview.sheet == "sjis"
    mi.apply_import(session, preview)
    orgs = by_name(session)
    assert orgs["髙橋司法書士事務所"].category == "弁護士・司法書士等"
    assert orgs["髙橋司法書士事務所"].address == "さくら町1番地"
    assert orgs["わかば地域包括支援センター"].category == "福祉事業者・団体"
    assert orgs["わかば地域包括支援センター"].notes == "第2木曜休み"
    assert people.people_of(session, orgs["髙橋司法書士事務所"].id)[0].name == "髙橋 一"


def test_utf8_bom_csv(session, tmp_path):
    """A UTF-8 CSV with BOM (Excel's 「CSV UTF-8」): the first header is not spoiled by the BOM."""
    path = write_csv(
        tmp_path / "bom.csv",
        [["事業所名", "フリガナ", "分類", "TEL"], ["NPO法人つなぐ", "ツナグ", "居住支援法人", "0123-00-1111"]],
        encoding="utf-8-sig",
    )
    preview = mi.preview_import(session, path)
    assert preview.mapping["name"] == "事業所名"
    mi.apply_import(session, preview)
    assert by_name(session)["NPO法人つなぐ"].category == "居住支援法人"


def test_lenient_categories(session, tmp_path):
    """区分 words town halls use map to the guide's nine; empty or unknown becomes その他 without a problem."""
    words = {
        "不動産": "不動産事業者・団体",
        "宅建協会支部": "不動産事業者・団体",
        "社会福祉協議会": "福祉事業者・団体",
        "居住支援法人": "居住支援法人",
        "住宅課": "住宅部局",
        "福祉課": "福祉部局",
        "病院": "医療関係機関",
        "保護司会": "更生保護関係者",
        "福祉事業者・団体等": "福祉事業者・団体",
        "": "その他",
        "町内会": "その他",
    }
    rows = [["団体名", "区分"]] + [[f"団体{i}", word] for i, word in enumerate(words)]
    preview = mi.preview_import(session, write_csv(tmp_path / "c.csv", rows))
    assert preview.problems == []
    assert [row.organization.category for row in preview.rows] == list(words.values())
    assert preview.rows[-1].organization.kind == "町内会"


def bad_file(tmp_path):
    return write_csv(
        tmp_path / "bad.csv",
        [
            ["団体名", "ふりがな", "電話番号", "メール"],
            ["あおば不動産", "あおばふどうさん", "011-111-1111", ""],
            ["さくら荘", "", "なし", ""],
            ["わかば荘", "若葉", "", "wakaba@"],
            ["", "なまえなし", "", ""],
            ["ひかり荘", "", "", ""],
        ],
    )


def test_one_bad_row_writes_nothing_and_names_the_row(session, tmp_path):
    """Every problem is located by row and header; applying raises and the directory is unchanged."""
    organizations.save_organization(session, organizations.new_organization("その他", "既存の団体"))
    preview = mi.preview_import(session, bad_file(tmp_path))
    described = [problem.describe() for problem in preview.problems]
    assert "3行目「電話番号」: 電話番号に数字が入っていません。" in described
    assert any(text.startswith("4行目「ふりがな」: よみがな") for text in described)
    assert any(text.startswith("4行目「メール」: メールアドレス") for text in described)
    assert "5行目「団体名」: 名称を入力してください。" in described
    assert preview.bad_rows == {3, 4, 5}
    assert [row.row for row in preview.good_rows] == [2, 6]
    with pytest.raises(ValidationError) as caught:
        mi.apply_import(session, preview)
    assert "3行目、4行目、5行目" in caught.value.message and "bad.csv" in caught.value.message
    assert count(session) == 1


def test_skip_bad_lands_only_good_rows(session, tmp_path):
    """With skip_bad the good rows land and the bad ones are counted, not written."""
    result = mi.apply_import(session, mi.preview_import(session, bad_file(tmp_path)), skip_bad=True)
    assert (result.added, result.bad_skipped) == (2, 3)
    assert sorted(by_name(session)) == ["あおば不動産", "ひかり荘"]
    assert "問題のため飛ばした行 3件" in result.describe()


def existing_and_file(session, tmp_path, person="佐藤 一郎"):
    org = dataclasses.replace(
        organizations.new_organization("不動産事業者・団体", "株式会社みどり不動産"), email="keep@midori.example.jp"
    )
    existing_id, _ = organizations.save_organization(session, org)
    people.save_person(session, Person(name="佐藤 一郎", organization_id=existing_id))
    path = write_csv(
        tmp_path / "dup.csv",
        [
            ["団体名", "電話", "メール", "担当者", "住所"],
            ["みどり不動産", "0123-45-6789", "other@midori.example.jp", person, ""],
            ["さくら荘", "", "", "", ""],
        ],
    )
    return existing_id, mi.preview_import(session, path)


def test_duplicates_are_shown_and_skipped_by_default(session, tmp_path):
    """A 表記ゆれ of an existing name is listed as a duplicate and skipped unless told otherwise."""
    existing_id, preview = existing_and_file(session, tmp_path)
    assert [row.row for row in preview.duplicate_rows] == [2]
    assert [s.id for s in preview.duplicate_rows[0].similar] == [existing_id]
    result = mi.apply_import(session, preview)
    assert (result.added, result.skipped) == (1, 1)
    assert count(session) == 2
    assert organizations.get_organization(session, existing_id).phone == ""


def test_merge_fills_only_blanks_and_adds_new_people(session, tmp_path):
    """merge fills the blank 電話, keeps the existing メール, adds a new person once, and logs it."""
    existing_id, preview = existing_and_file(session, tmp_path, person="田中 花子")
    result = mi.apply_import(session, preview, duplicates="merge")
    assert (result.added, result.merged, result.people_added) == (1, 1, 1)
    org = organizations.get_organization(session, existing_id)
    assert org.phone == "0123-45-6789" and org.email == "keep@midori.example.jp"
    assert sorted(p.name for p in people.people_of(session, existing_id)) == ["佐藤 一郎", "田中 花子"]
    logged = [(e.action, e.field, e.new_value) for e in history.history(session, existing_id)]
    assert ("取り込み", "電話", "0123-45-6789") in logged and ("取り込み", "担当者", "田中 花子") in logged
    assert [r.name for r in organizations.search_organizations(session, "田中")] == ["株式会社みどり不動産"]


def test_merge_does_not_repeat_a_known_person(session, tmp_path):
    """The same person already on the record is not added a second time."""
    existing_id, preview = existing_and_file(session, tmp_path)
    assert mi.apply_import(session, preview, duplicates="merge").people_added == 0
    assert [p.name for p in people.people_of(session, existing_id)] == ["佐藤 一郎"]


def test_add_and_per_row_decisions(session, tmp_path):
    """add makes a separate organisation; a per-row decision overrides the default choice."""
    _, preview = existing_and_file(session, tmp_path)
    assert mi.apply_import(session, preview, duplicates="merge", decisions={2: "skip"}).skipped == 1
    assert mi.apply_import(session, preview, decisions={2: "add"}).added == 2
    assert [row.name for row in organizations.list_organizations(session)].count("さくら荘") == 2
    with pytest.raises(ValueError):
        mi.apply_import(session, preview, duplicates="overwrite")


def test_duplicates_within_the_file(session, tmp_path):
    """Two rows of one organisation (one per person) merge into one record holding both people."""
    path = write_csv(
        tmp_path / "twice.csv",
        [["団体名", "担当者", "FAX"], ["NPO法人さくら", "佐藤 一郎", ""], ["さくら", "鈴木 花子", "0123-99-8888"]],
    )
    preview = mi.preview_import(session, path)
    assert preview.rows[1].duplicate_of_row == 2 and preview.rows[1].similar == ()
    result = mi.apply_import(session, preview, duplicates="merge")
    assert (result.added, result.merged, result.people_added) == (1, 1, 2)
    [org] = organizations.list_organizations(session)
    assert organizations.get_organization(session, org.id).fax == "0123-99-8888"
    assert len(people.people_of(session, org.id)) == 2


def test_similar_matches_find_similar(session, tmp_path):
    """The in-memory matching gives the same organisations as organizations.find_similar."""
    for name, phone, fax in [
        ("株式会社あおば", "011-222-3333", ""),
        ("さくら", "", "0120-111-222"),
        ("ひかり", "", ""),
    ]:
        org = dataclasses.replace(organizations.new_organization("その他", name), phone=phone, fax=fax)
        organizations.save_organization(session, org)
    path = write_csv(
        tmp_path / "s.csv",
        [
            ["団体名", "電話", "FAX"],
            ["(株)あおば", "", ""],
            ["別の名前", "0120111222", ""],
            ["無関係", "", "011-222-3333"],
        ],
    )
    preview = mi.preview_import(session, path)
    for row in preview.rows:
        assert row.similar == tuple(organizations.find_similar(session, row.organization))
    assert [len(row.similar) for row in preview.rows] == [1, 1, 1]


def test_guess_mapping_and_header_row():
    """Headers are matched after NFKC, case and spaces, then by containment; title rows are skipped."""
    mapping = mi.guess_mapping(["No.", "団体名称", "ﾌﾘｶﾞﾅ", "電話番号（代表）", "ＦＡＸ", "E-Mail ", "担当者名", "メモ"])
    assert mapping == {
        **dict.fromkeys(mi.FIELDS),
        "name": "団体名称",
        "kana": "ﾌﾘｶﾞﾅ",
        "phone": "電話番号（代表）",
        "fax": "ＦＡＸ",
        "email": "E-Mail",
        "person_name": "担当者名",
        "notes": "メモ",
    }
    assert mi.find_header_row([["令和8年度 関係団体一覧"], [], ["団体名", "電話"], ["あおば", "1"]]) == 2
    with pytest.raises(LookupError):
        mi.find_header_row([["団体名"], ["あおば"]])


def test_user_corrects_the_mapping(session, tmp_path):
    """An unrecognised name column is a problem on the header row until the user maps it."""
    path = write_csv(tmp_path / "m.csv", [["組織", "電話", "住所"], ["あおば荘", "011-111-1111", "東1-1"]])
    preview = mi.preview_import(session, path)
    assert [p.describe() for p in preview.problems] == [
        "1行目: 「名称」に当たる列がありません。見出しの対応づけで、団体名の列を選んでください。"
    ]
    fixed = mi.preview_import(session, path, {**preview.mapping, "name": "組織", "address": None})
    assert fixed.problems == []
    assert (fixed.rows[0].organization.name, fixed.rows[0].organization.address) == ("あおば荘", "")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("random.xlsx", b"\x01\x02not a workbook" * 50, "Excelファイルとして読み取れません"),
        ("old.xls", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 500, "古い形式のExcelファイル（.xls）"),
        ("protected.xlsx", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 500, "パスワード"),
        ("empty.csv", b"", "ファイルが空です"),
        ("euc.csv", "団体名,電話\n".encode("euc_jp") + b"\xfd\xfe\n", "文字コード"),
        ("binary.csv", b"\x00\x01\x02", "文字ではないデータ"),
        ("notes.pdf", b"%PDF-1.4", "取り込めない種類"),
        ("title.csv", "関係団体一覧\nあおば荘\n".encode(), "見出しの行が見つかりません"),
        ("eucjp.csv", "団体名,電話\n".encode("euc_jp"), "見出しの行が見つかりません"),
    ],
)
def test_unreadable_files_get_a_clear_message(session, tmp_path, name, content, expected):
    """Files that are not a readable list are refused with a Japanese message naming the file."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserFacingError) as caught:
        mi.preview_import(session, path)
    assert expected in caught.value.message and name in caught.value.message
    assert caught.value.hint


def test_xls_hint_says_save_as_xlsx(tmp_path):
    """An old .xls is answered with how to save it as .xlsx."""
    (tmp_path / "old.xls").write_bytes(b"anything")
    with pytest.raises(UserFacingError) as caught:
        reader.read_table(tmp_path / "old.xls")
    assert "Excel ブック (*.xlsx)" in caught.value.hint


def test_garbled_csv_hint_mentions_encoding(session, tmp_path):
    """An EUC-JP CSV reads as 文字化け with no header; the hint says how to save it as UTF-8."""
    path = tmp_path / "euc.csv"
    path.write_bytes("団体名,電話\n".encode("euc_jp"))
    with pytest.raises(UserFacingError) as caught:
        mi.preview_import(session, path)
    assert "文字化け" in caught.value.hint and "団体名" in caught.value.hint


def test_word_file_renamed_and_damaged_xlsx(session, tmp_path):
    """A .docx renamed .xlsx and a cut-off .xlsx are each refused with a message, not a crash."""
    word = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(UserFacingError, match="Excel以外のソフト"):
        mi.preview_import(session, word)
    good = write_messy_xlsx(tmp_path / "good.xlsx")
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(UserFacingError, match="Excelファイルとして読み取れません"):
        mi.preview_import(session, cut)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[:40] if item.filename == "xl/worksheets/sheet1.xml" else data)
    with pytest.raises(UserFacingError, match="壊れている"):
        mi.preview_import(session, broken)


def test_too_large_files(session, tmp_path, monkeypatch):
    """Over the size or the row limit, the user is told which limit and what to do."""
    path = write_csv(tmp_path / "big.csv", [["団体名", "電話"]] + [[f"団体{i}", ""] for i in range(5)])
    monkeypatch.setattr(reader, "MAX_BYTES", 10)
    with pytest.raises(UserFacingError, match="ファイルが大きすぎます"):
        mi.preview_import(session, path)
    monkeypatch.setattr(reader, "MAX_BYTES", 20 * 1024 * 1024)
    monkeypatch.setattr(reader, "MAX_ROWS", 4)
    with pytest.raises(UserFacingError, match="行が多すぎます") as caught:
        mi.preview_import(session, path)
    assert "big.csv" in caught.value.message
    monkeypatch.setattr(reader, "MAX_ROWS", 5)
    assert len(mi.preview_import(session, path).rows) == 5


def test_header_only_file_imports_nothing(session, tmp_path):
    """A file with a header and no rows previews clean and writes nothing."""
    preview = mi.preview_import(session, write_csv(tmp_path / "h.csv", [["団体名", "電話"]]))
    assert (preview.rows, preview.problems) == ([], [])
    result = mi.apply_import(session, preview)
    assert (result.added, bool(result.changes)) == (0, False)

"""The reader every import uses, on real files: what Excel shows, which sheets there are, what a
formula left without its result looks like, strict CSV and the limits checked before parsing."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.reports.xlsx import reader
from kyojushien_desktop.reports.xlsx.number_format import format_number
from kyojushien_desktop.services.common.jobs import Cancelled, Progress

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def handmade_xlsx(path, sheet_data, *, shared=(), formats=None, styles=(), prefix="", extra_parts=None):
    """A workbook written part by part, as Excel (or another program) would: ``sheet_data`` is
    the XML inside <sheetData>, ``shared`` the <si> items, ``styles`` the numFmtId of each cellXfs."""
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns{":" + prefix if prefix else ""}="{MAIN}"'
    formats = formats or {}
    numfmts = "".join(f'<{p}numFmt numFmtId="{i}" formatCode="{code}"/>' for i, code in formats.items())
    xfs = "".join(f'<{p}xf numFmtId="{i}"/>' for i in (0, *styles))
    parts = {
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<{p}workbook {ns} xmlns:r="{REL}"><{p}sheets>'
        f'<{p}sheet name="名簿" sheetId="1" r:id="rId1"/></{p}sheets></{p}workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f"<{p}worksheet {ns}><{p}sheetData>{sheet_data}</{p}sheetData></{p}worksheet>",
        "xl/sharedStrings.xml": f"<{p}sst {ns}>{''.join(shared)}</{p}sst>",
        "xl/styles.xml": f"<{p}styleSheet {ns}><{p}numFmts>{numfmts}</{p}numFmts><{p}cellXfs>{xfs}</{p}cellXfs></{p}styleSheet>",
        **(extra_parts or {}),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode() if isinstance(text, str) else text)
    return path


def read(path, sheet=None):
    with reader.open_workbook(path) as book:
        return book.read(sheet)


def test_number_formats_show_what_excel_shows(tmp_path):
    """Numbers read as Excel shows them under their format: zero-padded phones, postal codes,
    thousands, percent; dates become dates whatever their (和暦) format."""
    book = openpyxl.Workbook()
    sheet = book.active
    cells = [
        (312345678, "0000000000"),
        (1234567, "000-0000"),
        (1234, "[<=999]000;[<=99999]000-00;000-0000"),
        (1234567, "#,##0"),
        (0.125, "0.0%"),
        (dt.datetime(2025, 4, 1), '[$-411]ggge"年"m"月"d"日"'),
        (dt.datetime(2025, 4, 1, 9, 30), "yyyy/m/d h:mm"),
        ("0123", "@"),
        (1.5, "General"),
    ]
    for column, (value, code) in enumerate(cells, start=1):
        sheet.cell(row=1, column=column, value=value).number_format = code
    book.save(tmp_path / "f.xlsx")
    table = read(tmp_path / "f.xlsx")
    assert table.texts[0] == (
        "0312345678",
        "123-4567",
        "012-34",
        "1,234,567",
        "12.5%",
        "2025/4/1",
        "2025/4/1 9:30",
        "0123",
        "1.5",
    )
    assert table.values[0][0] == 312345678 and table.values[0][5] == dt.date(2025, 4, 1)
    assert table.cell(1, 1).number_format == "0000000000"
    assert table.cell(1, 6).value == dt.date(2025, 4, 1)


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (9012345678, "000-0000-0000", "090-1234-5678"),
        (-1234.5, "#,##0.00;[Red]-#,##0.00", "-1,234.50"),
        (-5, "0;(0)", "(5)"),
        (0, '0;-0;"なし"', "なし"),
        (123456, "0.00E+00", "1.23E+05"),
        (12, '"No."000', "No.012"),
        (1234, "[$¥-411]#,##0", "¥1,234"),
        (1e30, "#,##0.00", "1e+30"),
    ],
)
def test_format_number(value, code, shown):
    """Sections, literals, currency and scientific formats render as Excel renders them."""
    assert format_number(value, code) == shown


def test_sheets_are_listed_with_the_active_one(tmp_path):
    """Every sheet is listed in tab order, hidden and chart sheets marked; ``active`` is the tab
    Excel shows first; a sheet is read by its name, and an unknown name lists the sheets."""
    book = openpyxl.Workbook()
    book.active.title = "説明"
    book.create_sheet("名簿").append(["団体名", "電話"])
    book.create_sheet("作業用").sheet_state = "hidden"
    book.create_chartsheet("グラフ")
    book.active = 1
    book.save(tmp_path / "s.xlsx")
    with reader.open_workbook(tmp_path / "s.xlsx") as opened:
        assert [(s.name, s.kind, s.hidden) for s in opened.sheets] == [
            ("説明", "worksheet", False),
            ("名簿", "worksheet", False),
            ("作業用", "worksheet", True),
            ("グラフ", "chartsheet", False),
        ]
        assert opened.active == "名簿"
        assert opened.read("名簿").texts == [("団体名", "電話")]
        with pytest.raises(UserFacingError) as caught:
            opened.read("名簿2")
        assert "シート「名簿2」がありません" in caught.value.message and "「説明」、「名簿」" in caught.value.message
        with pytest.raises(UserFacingError, match="表ではないシート"):
            opened.read("グラフ")


def test_formula_without_result_is_marked(tmp_path):
    """A formula saved by a program that never calculated it has no value and is listed as
    unresolved; a calculated one keeps its result; an error value is marked as such."""
    path = handmade_xlsx(
        tmp_path / "f.xlsx",
        '<row r="1"><c r="A1"><f>B1&amp;C1</f></c>'
        '<c r="B1" t="str"><f>B2</f><v>みどり荘</v></c>'
        '<c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        '<c r="D1" t="str"><f>IF(A2="","",A2)</f><v></v></c></row>',
    )
    table = read(path)
    assert table.unresolved == [(1, 1), (1, 3)]
    assert table.cell(1, 1) == reader.Cell(None, "", "General", "=B1&C1", "")
    assert table.cell(1, 2).value == "みどり荘" and not table.cell(1, 2).unresolved
    assert table.cell(1, 3).error == "#DIV/0!" and table.cell(1, 3).unresolved
    assert not table.cell(1, 4).unresolved  # a formula whose result is the empty text


def test_shared_strings_escapes_phonetics_and_invisible_characters(tmp_path):
    """Shared and inline strings read as shown: ふりがな (rPh) left out, _x000D_ decoded, control
    characters and bidi overrides removed (and listed), line breaks kept as \\n."""
    path = handmade_xlsx(
        tmp_path / "t.xlsx",
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c>'
        '<c r="C2" t="inlineStr"><is><r><t>鍵は</t></r><r><t xml:space="preserve">本店_x000D_\n10時</t></r></is></c></row>',
        shared=[
            '<si><t>山田荘</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>',
            "<si><t>会議\u202e室_x0007_</t></si>",
        ],
    )
    table = read(path)
    assert table.texts == [(), ("山田荘", "会議室", "鍵は本店\n10時")]
    assert table.cleaned == [(2, 2)]


def test_prefixed_namespace_and_missing_references(tmp_path):
    """SpreadsheetML written with an x: prefix and without cell references (as some programs
    write it) reads the same."""
    path = handmade_xlsx(
        tmp_path / "p.xlsx",
        '<x:row><x:c t="inlineStr"><x:is><x:t>団体名</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>電話</x:t></x:is></x:c></x:row>'
        '<x:row><x:c t="inlineStr"><x:is><x:t>あおば荘</x:t></x:is></x:c><x:c s="1"><x:v>312345678</x:v></x:c></x:row>',
        formats={164: "0000000000"},
        styles=(164,),
        prefix="x",
    )
    assert read(path).texts == [("団体名", "電話"), ("あおば荘", "0312345678")]


def test_builtin_date_style_and_a_serial_beyond_9999(tmp_path):
    """A built-in date style (14) reads as a date; a number too large to be a date stays a number."""
    path = handmade_xlsx(
        tmp_path / "d.xlsx",
        '<row r="1"><c r="A1" s="1"><v>45748</v></c><c r="B1" s="1"><v>99999999</v></c></row>',
        styles=(14,),
    )
    table = read(path)
    assert table.texts == [("2025/4/1", "99999999")]
    assert table.values == [(dt.date(2025, 4, 1), 99999999)]


def test_dtd_is_refused(tmp_path):
    """A part carrying a DTD (the way to an entity-expansion bomb) is refused as damaged."""
    laughs = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'
    path = handmade_xlsx(tmp_path / "d.xlsx", "", extra_parts={"xl/worksheets/sheet1.xml": laughs + sheet})
    with pytest.raises(UserFacingError, match="壊れている"):
        read(path)


def test_value_far_to_the_right_is_refused(tmp_path, monkeypatch):
    """A value past the last column read is refused naming the cell, not padded into memory."""
    monkeypatch.setattr(reader, "MAX_COLUMNS", 3)
    path = handmade_xlsx(tmp_path / "w.xlsx", '<row r="5"><c r="D5"><v>1</v></c></row>')
    with pytest.raises(UserFacingError) as caught:
        read(path)
    assert "セルD5" in caught.value.message and "シート「名簿」" in caught.value.message


def test_header_scan_and_cancel(tmp_path):
    """``max_rows`` stops after the first rows; a cancel while reading is passed on, not taken
    for a damaged file."""
    book = openpyxl.Workbook()
    for number in range(200):
        book.active.append([f"団体{number}", number])
    book.save(tmp_path / "many.xlsx")
    with reader.open_workbook(tmp_path / "many.xlsx") as opened:
        assert len(opened.read(max_rows=30).texts) == 30
        progress = Progress()
        progress.cancel()
        with pytest.raises(Cancelled):
            opened.read(progress=progress)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('団体名,電話\n"あおば不動産,011-111-1111\nさくら荘,022-222-2222\n', "2行目"),
        ('団体名,電話\nひかり荘,011\n"あおば不動産,011\n"さくら荘",022\n', "3行目"),
        ('団体名,備考\n"わかば荘","鍵は\n本店"\n"あおば"不動産,011\n', "3行目（テキストとしては4行目）"),
    ],
)
def test_csv_unclosed_quote_names_the_row(tmp_path, content, expected):
    """A quote left open is an error naming the row it opened on (Excel's row, and the text
    line when a quoted line break came before), never two rows run together."""
    path = tmp_path / "q.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserFacingError) as caught:
        read(path)
    assert f'CSVファイルの{expected}で「"」' in caught.value.message and "q.csv" in caught.value.message
    assert caught.value.hint


def test_csv_encodings_and_quoted_line_breaks(tmp_path):
    """UTF-16 with tabs (Excel's Unicode text), cp932 and UTF-8 read the same; a quoted line break
    stays in its cell."""
    rows = [["団体名", "備考"], ["髙橋荘", "鍵は\n本店"]]
    text = "\r\n".join(f'{a}\t"{b}"' for a, b in rows)
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "sjis.csv").write_bytes(text.replace("\t", ",").encode("cp932"))
    for name in ("u16.txt", "sjis.csv"):
        assert read(tmp_path / name).texts == [("団体名", "備考"), ("髙橋荘", "鍵は\n本店")]


def test_ratio_bomb_is_refused(tmp_path):
    """A part that unpacks far beyond its compressed size (over 100:1) is refused from the zip's
    table of contents, naming the sheet."""
    path = handmade_xlsx(tmp_path / "r.xlsx", "")
    body = f'<worksheet xmlns="{MAIN}"><sheetData>' + '<row r="1"/>' * 2_000_000 + "</sheetData></worksheet>"
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(tmp_path / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for item in source.infolist():
            data = body.encode() if item.filename == "xl/worksheets/sheet1.xml" else source.read(item)
            target.writestr(item.filename, data)
    with pytest.raises(UserFacingError) as caught:
        reader.open_workbook(tmp_path / "bomb.xlsx")
    assert "異常に圧縮されたデータ" in caught.value.message and "シート「名簿」" in caught.value.message


def test_too_many_rows_in_a_sheet(tmp_path, monkeypatch):
    """Past the row limit the reader stops with a message naming the sheet and the limit."""
    book = openpyxl.Workbook()
    book.active.title = "名簿"
    for number in range(50):
        book.active.append([f"団体{number}"])
    book.save(tmp_path / "rows.xlsx")
    monkeypatch.setattr(reader, "MAX_ROWS", 10)
    monkeypatch.setattr(reader, "HEADER_SEARCH_ROWS", 5)
    with pytest.raises(UserFacingError) as caught:
        read(tmp_path / "rows.xlsx")
    assert caught.value.message.startswith("シート「名簿」の行が多すぎます（取り込めるのは10行まで）")

"""The building blocks every report uses: the character check, the font's text layer, xlsx cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from kyojushien_desktop.domain.errors import UnsupportedCharactersError
from kyojushien_desktop.reports.pdf.characters import MAX_LISTED, CharacterCheck
from kyojushien_desktop.reports.xlsx.cells import CELL_LIMIT, split_for_cells, utf16_length
from kyojushien_desktop.reports.xlsx.sheet import column_letter, wrapped_lines


def test_check_names_each_place_once_and_counts_the_rest():
    """Missing characters are listed per place in the order met, each once; past MAX_LISTED places
    the message counts the rest; line breaks and markup survive, control characters do not."""
    check = CharacterCheck()
    assert check.markup("<b>一行目</b>\r\n二行目\x07\t終", "「A」の備考") == "&lt;b&gt;一行目&lt;/b&gt;<br/>二行目 終"
    assert check.plain("😀と😀と𠮷", "「A」の備考") == "〓と〓と〓"
    check.plain("😀", "「A」の備考")
    for n in range(MAX_LISTED + 2):
        check.plain("🏠", f"「団体{n}」の名称")
    assert check.places[0] == ("「A」の備考", "😀𠮷")
    assert len(check.places) == MAX_LISTED + 3
    with pytest.raises(UnsupportedCharactersError) as caught:
        check.raise_if_unsupported()
    assert "ほか 3 か所" in caught.value.message and "「団体0」の名称: 🏠（U+1F3E0）" in caught.value.message
    CharacterCheck(replace=True).raise_if_unsupported()


def test_text_layer_keeps_characters_beyond_the_bmp(tmp_path: Path):
    """A character beyond the BMP that the face has (𩸽) is drawn and read back from the text layer."""
    from reportlab.pdfgen.canvas import Canvas

    from kyojushien_desktop.reports.pdf.fonts import register_fonts

    fonts = register_fonts()
    canvas = Canvas(str(tmp_path / "x.pdf"))
    canvas.setFont(fonts.regular, 12)
    canvas.drawString(72, 720, "𩸽の塩焼き")
    canvas.setFont(fonts.bold, 12)
    canvas.drawString(72, 700, "見出し𩸽")
    canvas.save()
    assert PdfReader(tmp_path / "x.pdf").pages[0].extract_text().split() == ["𩸽の塩焼き", "見出し𩸽"]


def test_cell_pieces_count_as_excel_does():
    """Text is split for cells by UTF-16 units, never inside a character beyond the BMP."""
    assert split_for_cells("あ" * CELL_LIMIT) == ["あ" * CELL_LIMIT]
    text = "a" + "𩸽" * CELL_LIMIT
    parts = split_for_cells(text, first_room=100)
    assert "".join(parts) == text and utf16_length(parts[0]) <= 100
    assert all(utf16_length(part) <= CELL_LIMIT for part in parts)


def test_column_letters_and_wrapped_lines():
    """Column letters run A…Z, AA…; a wrapping column counts lines per paragraph."""
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    assert wrapped_lines("一行", 20) == 1
    assert wrapped_lines("あ" * 40, 20) >= 3
    assert wrapped_lines("一\n二\n\n四", 20) == 4


def test_less_and_greater_or_equal_print_as_the_japanese_forms() -> None:
    """The bundled face draws ≥ as ≤ (their glyphs are swapped), so both print as ≦ and ≧."""
    from kyojushien_desktop.reports.pdf.characters import CharacterCheck

    assert CharacterCheck().plain("N ≥ 2、M ≤ 5") == "N ≧ 2、M ≦ 5"

"""The import dialog driven like a user: the sheet chooser, the 区分 chosen for an unknown 分類, and
rows left out or blocked, each shown in Japanese; the 名簿 is written only on 取り込む."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.members import importing, organizations, terms
from kyojushien_desktop.ui.members.import_dialog import ImportDialog
from kyojushien_desktop.ui.members.import_preview import BAD, SKIPPED, WARNING, ImportPreviewModel, preview_lines
from tests.ui.pages import shown_names


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    yield opened
    opened.close()


def book(path, sheets: dict[str, list[list]], active: int = 0):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.active = active
    workbook.save(path)
    return path


def dialog_for(qtbot, session, path) -> ImportDialog:
    dialog = ImportDialog(session, importing.preview_import(session, path))
    qtbot.addWidget(dialog)
    return dialog


def test_sheet_chooser_proposes_the_sheet_with_the_header(qtbot, session, tmp_path):
    """The chooser lists each sheet with where its header is, proposes the one with the header
    over the 説明 sheet Excel opens on, says so above the steps, and reads another sheet when
    the user picks it."""
    path = book(
        tmp_path / "book.xlsx",
        {
            "説明": [["この名簿の使い方"]],
            "名簿": [["団体名", "電話"], ["あおば不動産", "011-111-1111"]],
            "名簿(旧)": [["令和6年度"], ["団体名", "TEL"], ["むかし荘", "022"]],
        },
    )
    dialog = dialog_for(qtbot, session, path)
    combo = dialog.sheet_combo
    assert not dialog.sheet_row.isHidden()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "説明（名簿の見出しなし）",
        "名簿（見出し 1行目）",
        "名簿(旧)（見出し 2行目）",
    ]
    assert combo.currentData() == "名簿"
    notice = dialog.notice_label.text()
    assert "シート「説明」ではなく" in notice and "「名簿(旧)」" in notice and not dialog.notice_label.isHidden()
    combo.setCurrentIndex(combo.findData("名簿(旧)"))
    combo.activated.emit(combo.currentIndex())
    assert (dialog.preview.sheet, dialog.preview.header_row) == ("名簿(旧)", 2)
    assert dialog.mapping_combos["phone"].currentText() == "TEL"
    assert "シート「名簿(旧)」、見出しは 2 行目" in dialog.file_label.text() and dialog.notice_label.isHidden()
    combo.setCurrentIndex(combo.findData("説明"))
    combo.activated.emit(combo.currentIndex())
    assert "シート「説明」の1行目から30行目まで" in dialog.error_label.text() and not dialog.error_label.isHidden()
    assert dialog.preview.sheet == "名簿(旧)" and combo.currentData() == "名簿(旧)"
    assert organizations.list_organizations(session) == []


def test_unknown_category_total_and_formula_rows(qtbot, qtmodeltester, session, tmp_path):
    """An unknown 分類 gets a 区分 combo on its row; a total row is listed as left out and a
    formula without its result as a problem; 取り込む writes the good rows with the 区分 chosen."""
    path = book(
        tmp_path / "list.xlsx",
        {
            "名簿": [
                ["団体名", "分類", "市外局番", "電話"],
                ["あおば会", "福祉", "011", "011-111-1111"],
                ["さくら荘", "不動産", "022", '=C3&"-222-2222"'],
                ["ひかり会", "町内会", "", ""],
                ["計", "", "", ""],
            ]
        },
    )
    dialog = dialog_for(qtbot, session, path)
    dialog.next_step()
    assert dialog.stack.currentIndex() == dialog.CONFIRM
    qtmodeltester.check(dialog.model)
    model = dialog.model
    states = {line.row: (line.state, model.state_text(line)) for line in model.lines}
    assert states[2] == (WARNING, "注意（分類「福祉」は区分にないため「その他」になります。区分の欄で選べます）")
    assert (
        states[3][0] == BAD
        and "セルD3の数式" in states[3][1]
        and "計算結果がファイルに保存されていません" in states[3][1]
    )
    assert states[5] == (SKIPPED, "取り込まない行（「計」は合計や名簿の終わりを示す行とみなして、取り込みません。）")
    summary = dialog.summary.text()
    assert "取り込まない行（合計・見出しの繰り返し）: 1" in summary and "区分が分からない: 2" in summary
    assert not dialog.import_button.isEnabled()  # the formula row blocks until skipped
    editor = dialog.table.indexWidget(model.index(0, ImportPreviewModel.CATEGORY_COLUMN))
    assert isinstance(editor, QComboBox) and editor.count() == len(terms.categories())
    editor.setCurrentIndex(editor.findData("福祉事業者・団体"))
    assert model.index(0, ImportPreviewModel.CATEGORY_COLUMN).data() == "福祉事業者・団体"
    assert "区分「福祉事業者・団体」として取り込みます" in model.index(0, ImportPreviewModel.STATE_COLUMN).data()
    dialog.all_categories.setCurrentIndex(dialog.all_categories.findData("その他"))
    dialog.all_categories.activated.emit(dialog.all_categories.currentIndex())
    assert model.categories == {2: "その他", 4: "その他"}
    editor.setCurrentIndex(editor.findData("福祉事業者・団体"))
    assert organizations.list_organizations(session) == []
    dialog.skip_bad.setChecked(True)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is not None and dialog.choice.skip_bad
    result = importing.apply_import(session, dialog.choice.preview, skip_bad=True)
    assert (result.added, result.bad_skipped) == (2, 1)
    stored = {row.name: row.category for row in organizations.list_organizations(session)}
    assert stored == {"あおば会": "福祉事業者・団体", "ひかり会": "その他"}


def test_preview_lines_keep_skipped_rows_in_order(session, tmp_path):
    """Rows left out take their place among the others, in file order, with what they said."""
    path = tmp_path / "t.csv"
    path.write_text("団体名,電話\nあおば荘,011\n団体名,電話\nさくら荘,022\n以上\n", encoding="utf-8")
    lines = preview_lines(importing.preview_import(session, path))
    assert [(line.row, line.name, line.state) for line in lines] == [
        (2, "あおば荘", "ok"),
        (3, "団体名", SKIPPED),
        (4, "さくら荘", "ok"),
        (5, "以上", SKIPPED),
    ]


def test_import_runs_with_a_progress_dialog_and_cancel_writes_nothing(qtbot, db_path, tmp_path):
    """The 名簿 page's 取り込み writes behind a progress dialog; キャンセル there, while the rows are
    being written, leaves the 名簿 exactly as it was."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    from kyojushien_desktop.services import datafile as datafile_service
    from kyojushien_desktop.services.common.preferences import Preferences
    from kyojushien_desktop.services.members import organizations as organization_service
    from kyojushien_desktop.ui.members.import_dialog import ImportDialog
    from kyojushien_desktop.ui.members.page import MembersPage
    from tests.ui.pages import bind

    path = tmp_path / "大きな名簿.csv"
    lines = ["団体名,区分,電話"] + [
        f"団体{number:05d},その他,0123-{number // 10000:02d}-{number % 10000:04d}" for number in range(3000)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    session = datafile_service.open_session(db_path)
    page = MembersPage(Preferences())
    bind(qtbot, page, session)
    page.choose_import_file = lambda: path
    seen: dict[str, object] = {}

    def accept(dialog: ImportDialog) -> bool:
        dialog.next_button.click()
        dialog.import_button.click()
        return dialog.result() == ImportDialog.DialogCode.Accepted

    def press_cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and "取り込んで" in widget.windowTitle():
                seen["label"] = widget.labelText()
                widget.findChild(QPushButton).click()  # the user presses キャンセル

    timer = QTimer()
    timer.timeout.connect(press_cancel)
    timer.start(10)
    page.run_dialog = accept
    page.inform = lambda *args: seen.setdefault("informed", args)
    try:
        page.import_members()
    finally:
        timer.stop()
    assert "label" in seen  # the progress dialog was there, saying what it was doing
    assert "informed" not in seen  # no 「取り込みました」
    assert organization_service.list_organizations(session) == []
    assert shown_names(page) == []
    session.close()


def test_choices_made_are_asked_about_before_the_dialog_is_left(qtbot, session, tmp_path, monkeypatch):
    """Esc with nothing chosen closes at once; after a heading is mapped otherwise, Esc asks first,
    キャンセル stays with the choice kept, 取り込みをやめる leaves, and nothing is written."""
    from kyojushien_desktop.ui.common import messages

    path = book(
        tmp_path / "book.xlsx", {"名簿": [["団体名", "電話", "メモ"], ["あおば不動産", "011-111-1111", "駅前"]]}
    )
    asked: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(messages, "confirm", lambda _parent, title, _text, ok: asked.append(ok) or next(answers))
    untouched = dialog_for(qtbot, session, path)
    untouched.show()
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert untouched.result() == ImportDialog.DialogCode.Rejected and not untouched.isVisible() and asked == []

    dialog = dialog_for(qtbot, session, path)
    dialog.show()
    phone = dialog.mapping_combos["phone"]
    phone.setCurrentIndex(phone.findText("メモ"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["取り込みをやめる"] and dialog.isVisible() and phone.currentText() == "メモ"
    dialog.close()
    assert asked == ["取り込みをやめる"] * 2 and not dialog.isVisible()
    assert dialog.choice is None and organizations.list_organizations(session) == []

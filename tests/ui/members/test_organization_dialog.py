"""The 団体・機関 dialog typed into like a user: messages beside fields, saving through the page,
the duplicate warning; and the import wizard when its service exists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kyojushien_desktop.domain.members import Organization
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.members import organizations, terms
from kyojushien_desktop.ui.members.organization_dialog import OrganizationDialog
from kyojushien_desktop.ui.members.page import RECORD, MembersPage
from tests.ui.pages import bind, shown_names
from tests.ui.typing import type_japanese

Accepted = OrganizationDialog.DialogCode.Accepted


@pytest.fixture
def session(db_path):
    session = datafile.open_session(db_path)
    yield session
    session.close()


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def make_page(qtbot, session) -> MembersPage:
    page = MembersPage(Preferences())
    bind(qtbot, page, session)
    return page


def test_messages_beside_fields_then_saved_and_shown(qtbot, session):
    """An empty 名称, kanji in よみがな and a broken e-mail address are each marked beside their
    field with the input kept; once corrected, the record is saved, listed and opened."""
    page = make_page(qtbot, session)
    seen: dict[str, str] = {}

    def fill(dialog: OrganizationDialog) -> bool:
        click(qtbot, dialog.save_button)
        assert dialog.result() != Accepted
        seen["name"] = dialog.errors.text("name")
        type_japanese(dialog.name, "あおぞら福祉会")
        type_japanese(dialog.kana, "青空ふくしかい")
        qtbot.keyClicks(dialog.email, "aozora@")
        click(qtbot, dialog.save_button)
        assert dialog.result() != Accepted
        seen["kana"] = dialog.errors.text("kana")
        seen["email"] = dialog.errors.text("email")
        assert dialog.errors.text("name") == ""
        assert dialog.name.text() == "あおぞら福祉会" and dialog.email.text() == "aozora@"  # input kept
        assert not organizations.list_organizations(session)  # nothing written yet
        dialog.kana.clear()
        type_japanese(dialog.kana, "あおぞらふくしかい")
        qtbot.keyClicks(dialog.email, "aozora.example.jp")
        type_japanese(dialog.phone, "０１２３－３３－４４５５")
        seen["category"] = dialog.errors.text("category")  # a new record's 区分 is chosen, not assumed
        dialog.category.setCurrentText("福祉事業者・団体")
        click(qtbot, dialog.save_button)
        return dialog.result() == Accepted

    page.run_dialog = fill
    organization_id = page.new_organization()
    assert seen.pop("category") == "区分を選んでください。"

    assert seen == {
        "name": "名称を入力してください。",
        "kana": "よみがなは、ひらがなかカタカナで入力してください。",
        "email": "メールアドレスの形が正しくありません（例: jutaku@town.example.lg.jp）。",
    }
    saved = organizations.get_organization(session, organization_id)
    assert (saved.name, saved.kana, saved.email) == ("あおぞら福祉会", "あおぞらふくしかい", "aozora@aozora.example.jp")
    assert saved.phone == "０１２３－３３－４４５５"  # kept as typed
    assert saved.expected_roles == terms.default_roles(saved.category)
    assert shown_names(page) == ["あおぞら福祉会"]
    assert page.stack.currentIndex() == RECORD
    assert page.view.name_label.text() == "あおぞら福祉会"
    assert page.view.info_values["email"].text() == "aozora@aozora.example.jp"
    page.view.back_button.click()
    assert page.selected_id() == organization_id
    type_japanese(page.search, "33445")
    page.apply_search()
    assert shown_names(page) == ["あおぞら福祉会"]  # phone searched by its digits


def test_category_refills_expected_roles_until_edited(qtbot, session):
    """On a new record, 期待される役割 follows the 区分 until the user writes their own."""
    dialog = OrganizationDialog(session)
    qtbot.addWidget(dialog)
    categories = terms.categories()
    dialog.category.setCurrentText(categories[1])
    assert dialog.expected_roles.toPlainText() == terms.default_roles(categories[1])
    type_japanese(dialog.expected_roles, "夜間の見守り")
    dialog.category.setCurrentText(categories[2])
    assert "夜間の見守り" in dialog.expected_roles.toPlainText()
    assert dialog.stage_hint.text() == "まだ連絡をとっていない"


def test_new_record_asks_for_its_category_and_internal_follows_it(qtbot, session):
    """A new record starts with no 区分 (so none is assumed); choosing 住宅部局 or 福祉部局 sets 庁内,
    another 区分 庁外, until the user picks 庁内/庁外 themselves."""
    dialog = OrganizationDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.category.currentIndex() == -1 and dialog.category.placeholderText()
    dialog.category.setCurrentText("福祉部局")
    assert dialog.internal_button.isChecked()
    dialog.category.setCurrentText("不動産事業者・団体")
    assert dialog.external_button.isChecked()
    click(qtbot, dialog.internal_button)
    dialog.category.setCurrentText("医療関係機関")
    assert dialog.internal_button.isChecked()  # the user's own choice stays
    dialog.discard()


def test_duplicate_warning_for_legal_form_variant(qtbot, session):
    """「(株) みどり不動産」 when 「株式会社みどり不動産」 exists: a warning names it and nothing is
    saved until the user chooses 「このまま保存」."""
    organizations.save_organization(
        session, Organization(name="株式会社みどり不動産", category="不動産事業者・団体", phone="0123-22-2222")
    )
    dialog = OrganizationDialog(session)
    qtbot.addWidget(dialog)
    type_japanese(dialog.name, "(株) みどり不動産")
    dialog.category.setCurrentText("不動産事業者・団体")
    click(qtbot, dialog.save_button)
    assert dialog.result() != Accepted
    assert not dialog.similar_panel.isHidden()
    assert "同じ団体かもしれません" in dialog.similar_label.text()
    assert "株式会社みどり不動産" in dialog.similar_label.text()
    assert not dialog.save_button.isEnabled()
    click(qtbot, dialog.go_back_button)
    assert dialog.similar_panel.isHidden() and dialog.name.text() == "(株) みどり不動産"
    click(qtbot, dialog.save_button)
    assert not dialog.similar_panel.isHidden()
    click(qtbot, dialog.save_anyway_button)
    assert dialog.result() == Accepted
    assert dialog.result_organization.name == "(株) みどり不動産"
    assert len(organizations.list_organizations(session)) == 1  # the caller saves, not the dialog


def test_same_phone_also_warns(qtbot, session):
    """A different name with the same phone number (typed differently) is also flagged."""
    organizations.save_organization(
        session, Organization(name="わかば会", category="居住支援法人", phone="0123-11-1111")
    )
    dialog = OrganizationDialog(session)
    qtbot.addWidget(dialog)
    type_japanese(dialog.name, "NPO法人わかばの会")
    dialog.category.setCurrentText("居住支援法人")
    type_japanese(dialog.phone, "(0123)11-1111")
    click(qtbot, dialog.save_button)
    assert "わかば会" in dialog.similar_label.text()
    type_japanese(dialog.phone, "2")  # the phone changed: the warning is withdrawn
    assert dialog.similar_panel.isHidden()


def _messy_xlsx(path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名簿"
    sheet.append(["みどり町 関係団体一覧（令和7年4月）"])
    sheet.append(["団体名", "ふりがな", "区分", "TEL", "担当者", "メモ"])
    sheet.append(["株式会社みどり不動産", "みどりふどうさん", "不動産事業者・団体", "0123-22-2222", "佐藤", ""])
    sheet.append(["ひまわり荘", "ひまわりそう", "福祉事業者・団体", "0123-55-6666", "田中", "夜間対応あり"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["", "", "居住支援法人", "", "", "名称が空"])
    book.save(path)


def test_import_wizard_maps_previews_and_writes_only_on_import(qtbot, session, tmp_path):
    """The wizard shows the header mapping, then each row's state; the file reaches the 名簿 only
    when 「取り込む」 is pressed."""
    from kyojushien_desktop.ui.members.import_dialog import DUPLICATE, ImportDialog

    organizations.save_organization(
        session, Organization(name="株式会社みどり不動産", category="不動産事業者・団体", phone="0123-22-2222")
    )
    path = tmp_path / "名簿.xlsx"
    _messy_xlsx(path)
    page = make_page(qtbot, session)
    page.choose_import_file = lambda: path
    seen: dict[str, object] = {}

    def drive(dialog: ImportDialog) -> bool:
        assert dialog.mapping_combos["name"].currentText() == "団体名"
        assert dialog.mapping_combos["phone"].currentText() == "TEL"
        dialog.mapping_combos["phone"].setCurrentIndex(0)  # 「（使わない）」, then 読み直す
        click(qtbot, dialog.reload_button)
        assert dialog.preview.mapping["phone"] is None
        assert "使っていない列: TEL" in dialog.mapping_status.text()
        dialog.mapping_combos["phone"].setCurrentIndex(dialog.mapping_combos["phone"].findData("TEL"))
        dialog.next_button.click()  # the changed mapping is read again before the preview
        assert dialog.preview.mapping["phone"] == "TEL"
        assert dialog.stack.currentIndex() == dialog.CONFIRM
        seen["summary"] = dialog.summary.text()
        states = {line.name: line.state for line in dialog.model.lines}
        seen["states"] = states
        assert len(organizations.list_organizations(session)) == 1  # nothing written yet
        if not dialog.import_button.isEnabled():
            dialog.skip_bad.setChecked(True)
        for row, _choice in list(dialog.model.decisions.items()):
            dialog.model.decisions[row] = "skip"
        dialog.import_button.click()
        return dialog.result() == ImportDialog.DialogCode.Accepted

    page.run_dialog = drive
    messages: list[str] = []
    page.inform = lambda title, text, folder=None: messages.append(text)
    page.import_members()
    assert "取り込める行:" in seen["summary"] and "空行:" in seen["summary"]
    assert seen["states"]["株式会社みどり不動産"] == DUPLICATE
    assert "ひまわり荘" in shown_names(page)
    assert shown_names(page).count("株式会社みどり不動産") == 1
    assert messages and messages[0]

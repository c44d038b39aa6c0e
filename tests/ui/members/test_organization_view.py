"""The record view driven like a user: 担当交代, 経過記録, 変更履歴, and delete/restore via the page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from kyojushien_desktop.domain.members import Organization, Person
from kyojushien_desktop.services import datafile, timeline
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.members import organizations, people
from kyojushien_desktop.ui.members import wording
from kyojushien_desktop.ui.members.contact_dialog import ContactDialog
from kyojushien_desktop.ui.members.model import FORMER_TEXT
from kyojushien_desktop.ui.members.organization_dialog import OrganizationDialog
from kyojushien_desktop.ui.members.organization_view import OrganizationView
from kyojushien_desktop.ui.members.page import LIST, RECORD, MembersPage
from kyojushien_desktop.ui.members.person_dialog import HandOverDialog, PersonDialog, default_hand_over_date
from tests.ui.pages import bind, shown_names, timeline_entries
from tests.ui.typing import pick_date, type_japanese

Accepted = HandOverDialog.DialogCode.Accepted


@pytest.fixture
def session(db_path):
    session = datafile.open_session(db_path)
    save_settings(session, TownSettings(municipality="みどり町", department="福祉課", staff_name="山田"))
    yield session
    session.close()


@pytest.fixture
def org_id(session) -> int:
    organization_id, _ = organizations.save_organization(
        session,
        Organization(name="ひまわり荘", kana="ひまわりそう", category="福祉事業者・団体", phone="0123-55-6666"),
    )
    people.save_person(
        session,
        Person(name="佐藤 一郎", organization_id=organization_id, title="施設長", started_on=dt.date(2020, 4, 1)),
    )
    return organization_id


def make_view(qtbot, session, organization_id) -> OrganizationView:
    view = OrganizationView()
    bind(qtbot, view, session)
    assert view.load(organization_id)
    return view


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_hand_over_keeps_former_person_greyed_with_period(qtbot, session, org_id):
    """担当交代 ends 佐藤's period the day before 交代日, adds the successor, shows 佐藤 as 前任 in
    grey with 着任日〜離任日 in 和暦, and puts 着任/離任 on the timeline."""
    view = make_view(qtbot, session, org_id)
    sato = people.people_of(session, org_id)[0]
    view.select_person(sato.id)
    assert view.hand_over_button.isEnabled()

    def drive(dialog: HandOverDialog) -> bool:
        assert dialog.fields.title.text() == "施設長"  # the post keeps its title
        pick_date(dialog.on, dt.date(2020, 3, 1))
        type_japanese(dialog.fields.name, "鈴木 花子")
        click(qtbot, dialog.ok_button)
        assert dialog.result() != Accepted
        assert "着任日" in dialog.errors.text("on")  # before 佐藤 started: refused beside 交代日
        pick_date(dialog.on, dt.date(2025, 4, 1))
        assert "令和7年3月31日(月)" in dialog.explanation.text()
        click(qtbot, dialog.ok_button)
        return dialog.result() == Accepted

    view.run_dialog = drive
    view.hand_over()

    by_name = {p.name: p for p in people.people_of(session, org_id)}
    assert by_name["佐藤 一郎"].ended_on == dt.date(2025, 3, 31)
    assert by_name["鈴木 花子"].started_on == dt.date(2025, 4, 1)
    model = view.people_model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert rows[0][0] == "鈴木 花子" and rows[0][4] == wording.CURRENT
    assert rows[1][0] == "佐藤 一郎" and rows[1][4] == wording.FORMER
    assert rows[1][3] == "令和2年4月1日(水)〜令和7年3月31日(月)"
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == FORMER_TEXT
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert view.tabs.tabText(1) == "担当者（1）"
    view.select_person(by_name["佐藤 一郎"].id)
    assert not view.hand_over_button.isEnabled()  # a former person cannot hand over again
    titles = [(w.entry.kind, w.title.text()) for w in timeline_entries(view)]
    assert titles[:2] == [("着任", "鈴木 花子 さん 着任"), ("離任", "佐藤 一郎 さん 離任")]
    assert ("着任", "佐藤 一郎 さん 着任") in titles
    assert (
        timeline_entries(view)[0]
        .findChild(type(view.name_label), "timelineDate")
        .text()
        .startswith("令和7年4月1日(火)")
    )


def test_add_contact_appears_on_timeline_and_in_file(qtbot, session, org_id):
    """経過記録を追加: typed in the dialog, saved, newest on the timeline; the first contact moves
    the 関係 badge from 未接触 to 接触済."""
    view = make_view(qtbot, session, org_id)
    assert view.stage_badge.text() == "未接触"

    def drive(dialog: ContactDialog) -> bool:
        assert dialog.our_staff.text() == "山田"  # 設定's 担当者名
        assert dialog.occurred_on.date() == dt.date.today()
        pick_date(dialog.occurred_on, dt.date(2025, 6, 12))
        dialog.kind.setCurrentText("訪問")
        dialog.person.setCurrentIndex(1)
        type_japanese(dialog.note, "協議会の説明に伺った\n次回は意見交換会の案内を持参")
        click(qtbot, dialog.ok_button)
        return dialog.result() == Accepted

    view.run_dialog = drive
    click(qtbot, view.add_contact_button)

    entry = next(e for e in timeline.for_organization(session, org_id) if e.source == "contact")
    assert (entry.on, entry.kind, entry.title) == (dt.date(2025, 6, 12), "訪問", "協議会の説明に伺った")
    assert "当方: 山田" in entry.detail and "先方: 佐藤 一郎 さん" in entry.detail
    widget = next(w for w in timeline_entries(view) if w.entry.source == "contact")
    assert widget.title.text() == "協議会の説明に伺った"
    assert widget.detail.text() == "次回は意見交換会の案内を持参"
    assert "当方: 山田" in widget.meta.text()
    assert view.tabs.currentIndex() == 2 and view.tabs.tabText(2) == "経過記録（2）"  # with 佐藤 さん 着任
    assert view.stage_badge.text() == "接触済"
    assert organizations.get_organization(session, org_id).stage == "接触済"


def test_history_lists_field_change_old_to_new(qtbot, session, org_id):
    """Editing the 電話 through the dialog shows in 変更履歴 as 電話: old → new with a 和暦 time."""
    view = make_view(qtbot, session, org_id)

    def drive(dialog: OrganizationDialog) -> bool:
        assert dialog.name.text() == "ひまわり荘"
        dialog.phone.clear()
        type_japanese(dialog.phone, "0123-55-7777")
        click(qtbot, dialog.save_button)
        return dialog.result() == Accepted

    view.run_dialog = drive
    click(qtbot, view.edit_button)

    assert organizations.get_organization(session, org_id).phone == "0123-55-7777"
    assert view.info_values["phone"].text() == "0123-55-7777"
    model = view.history_model
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    change = next(row for row in rows if row[2] == "電話")
    assert change[1] == "変更" and change[3] == "0123-55-6666 → 0123-55-7777"
    assert change[0].startswith("令和")
    assert any(row[1] == "作成" for row in rows)


def test_person_dialog_marks_kana_and_keeps_input(qtbot, session, org_id):
    """Adding a 担当者 with kanji in よみがな is refused beside the field; corrected, it is saved."""
    view = make_view(qtbot, session, org_id)

    def drive(dialog: PersonDialog) -> bool:
        type_japanese(dialog.fields.name, "高橋 次郎")
        type_japanese(dialog.fields.kana, "高橋")
        click(qtbot, dialog.ok_button)
        assert "ひらがなかカタカナ" in dialog.errors.text("kana")
        assert dialog.fields.name.text() == "高橋 次郎"
        dialog.fields.kana.clear()
        type_japanese(dialog.fields.kana, "たかはし じろう")
        click(qtbot, dialog.ok_button)
        return dialog.result() == Accepted

    view.run_dialog = drive
    click(qtbot, view.add_person_button)
    assert "高橋 次郎" in [p.name for p in people.people_of(session, org_id)]
    assert view.selected_person().name == "高橋 次郎"


def test_delete_moves_to_deleted_and_restore_brings_back(qtbot, session, org_id):
    """削除 (after the confirmation) removes the record from the list into 削除済み; 元に戻す
    returns it with its people."""
    page = MembersPage(Preferences())
    bind(qtbot, page, session)
    assert shown_names(page) == ["ひまわり荘"]
    page.open_organization(org_id)
    assert page.stack.currentIndex() == RECORD
    asked: list[str] = []
    page.view.confirm = lambda title, text, ok: asked.append(text) or True
    click(qtbot, page.view.delete_button)

    assert wording.DELETE_CONFIRM in asked[0]
    assert page.stack.currentIndex() == LIST
    assert shown_names(page) == []
    assert [o.name for o in organizations.deleted_organizations(session)] == ["ひまわり荘"]
    assert not page.notice.isHidden() and "削除済みに移しました" in page.notice_label.text()

    dialog = page.deleted_dialog()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "ひまわり荘"
    assert dialog.model.index(0, 3).data().startswith("令和")
    assert dialog.select_id(org_id)
    click(qtbot, dialog.restore_button)
    assert dialog.model.rowCount() == 0
    assert shown_names(page) == ["ひまわり荘"]
    assert people.people_of(session, org_id)[0].name == "佐藤 一郎"
    assert "名簿に戻しました" in page.notice_label.text()


def test_read_only_file_disables_editing(qtbot, session, org_id):
    """A file opened read-only shows the record but offers no editing."""
    view = make_view(qtbot, session, org_id)
    session.database.read_only = True
    try:
        assert view.load(org_id)
        assert not view.edit_button.isEnabled() and not view.add_contact_button.isEnabled()
    finally:
        session.database.read_only = False


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2025, 3, 10), dt.date(2025, 4, 1)),
        (dt.date(2025, 4, 14), dt.date(2025, 4, 1)),
        (dt.date(2025, 9, 5), dt.date(2025, 9, 5)),
        (dt.date(2026, 2, 1), dt.date(2026, 4, 1)),
    ],
)
def test_hand_over_date_defaults_to_april_first_when_near(today, expected):
    """交代日 suggests 4月1日 around the usual 人事異動, and today otherwise."""
    assert default_hand_over_date(today) == expected

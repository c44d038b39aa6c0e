"""The 名簿 list's model and proxy: Qt's model rules, 五十音 order, filters and the search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kyojushien_desktop.domain.members import Organization
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.preferences import Preferences, load_preferences
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.members.organizations import OrganizationFilter
from kyojushien_desktop.ui.members.model import (
    DEFAULT_COLUMNS,
    SORT_ROLE,
    MembersFilterProxy,
    OrganizationTableModel,
    valid_columns,
)
from kyojushien_desktop.ui.members.page import MembersPage
from tests.ui.pages import bind, open_window, shown_names
from tests.ui.typing import type_japanese

ORGANIZATIONS = (
    # name, kana, category, stage, internal, tags, phone
    ("わかば会", "わかばかい", "居住支援法人", "接触済", False, ("見守り",), "0123-11-1111"),
    ("株式会社みどり不動産", "みどりふどうさん", "不動産事業者・団体", "構成員候補", False, ("物件",), "0123-22-2222"),
    ("あおぞら福祉会", "あおぞらふくしかい", "福祉事業者・団体", "未接触", False, ("見守り", "夜間"), ""),
    ("カナリア薬局", "", "医療関係機関", "未接触", False, (), ""),
    ("福祉課 生活支援係", "ふくしか", "福祉部局", "ヒアリング済", True, (), "0123-45-6789"),
)


@pytest.fixture
def session(db_path):
    session = datafile.open_session(db_path)
    for name, kana, category, stage, internal, tags, phone in ORGANIZATIONS:
        organizations.save_organization(
            session,
            Organization(
                name=name, kana=kana, category=category, stage=stage, internal=internal, tags=tags, phone=phone
            ),
        )
    yield session
    session.close()


def make_models(session):
    model = OrganizationTableModel()
    model.set_rows(organizations.list_organizations(session))
    proxy = MembersFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(model.column_of("name"), Qt.SortOrder.AscendingOrder)
    return model, proxy


def names(proxy: MembersFilterProxy, model: OrganizationTableModel) -> list[str]:
    column = model.column_of("name")
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_model_and_proxy_follow_qt_rules(qtmodeltester, session):
    """qtmodeltester finds nothing wrong with the table model or the sorting/filtering proxy."""
    model, proxy = make_models(session)
    qtmodeltester.check(model)
    proxy.set_filter(OrganizationFilter(tag="見守り"))
    qtmodeltester.check(proxy)
    model.set_columns(["name", "kana", "last_contact", "notes"])
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_sorted_in_gojuon_order_by_yomigana(session):
    """名称 sorts by よみがな (the name's own reading when none is given), not by character code."""
    model, proxy = make_models(session)
    assert names(proxy, model) == [
        "あおぞら福祉会",
        "カナリア薬局",
        "福祉課 生活支援係",
        "株式会社みどり不動産",
        "わかば会",
    ]
    index = proxy.index(0, model.column_of("name"))
    assert isinstance(index.data(SORT_ROLE), str) and index.data(SORT_ROLE).startswith("あおぞらふくしかい")
    proxy.sort(model.column_of("name"), Qt.SortOrder.DescendingOrder)
    assert names(proxy, model)[0] == "わかば会"


def test_stage_column_sorts_in_the_relationship_order(session):
    """関係 sorts along the guide's stages (未接触 → … → 構成員候補), not alphabetically."""
    model, proxy = make_models(session)
    proxy.sort(model.column_of("stage"), Qt.SortOrder.AscendingOrder)
    stage = model.column_of("stage")
    shown = [proxy.index(row, stage).data() for row in range(proxy.rowCount())]
    assert shown == ["未接触", "未接触", "接触済", "ヒアリング済", "構成員候補"]


def test_sorting_keeps_selection_survives_reloads_and_passes_qt_rules(qtbot, qtmodeltester, session):
    """A header click re-orders the rows in the model (the proxy follows), the selected row stays
    selected, a reload keeps the chosen order, and the models still follow Qt's rules."""
    page = MembersPage(Preferences())
    ops = bind(qtbot, page, session)
    chosen = page.model.summary(1).id
    assert page.select_id(chosen)
    page.table.sortByColumn(page.model.column_of("stage"), Qt.SortOrder.DescendingOrder)
    stage = page.model.column_of("stage")
    shown = [page.proxy.index(row, stage).data() for row in range(page.proxy.rowCount())]
    assert shown == ["構成員候補", "ヒアリング済", "接触済", "未接触", "未接触"]
    assert page.selected_id() == chosen
    qtmodeltester.check(page.proxy)
    ops.publish(Changes.of(Topic.ORGANIZATIONS))
    assert [page.proxy.index(row, stage).data() for row in range(page.proxy.rowCount())] == shown
    assert page.selected_id() == chosen


def test_filters_by_category_stage_internal_and_tag(session):
    """Each of 区分, 関係, 庁内/庁外 and タグ narrows the rows; together they combine."""
    model, proxy = make_models(session)
    proxy.set_filter(OrganizationFilter(category="居住支援法人"))
    assert names(proxy, model) == ["わかば会"]
    proxy.set_filter(OrganizationFilter(stage="未接触"))
    assert names(proxy, model) == ["あおぞら福祉会", "カナリア薬局"]
    proxy.set_filter(OrganizationFilter(internal=True))
    assert names(proxy, model) == ["福祉課 生活支援係"]
    proxy.set_filter(OrganizationFilter(tag="見守り"))
    assert names(proxy, model) == ["あおぞら福祉会", "わかば会"]
    proxy.set_filter(OrganizationFilter(tag="見守り", stage="接触済"))
    assert names(proxy, model) == ["わかば会"]
    proxy.set_filter(OrganizationFilter())
    assert proxy.rowCount() == len(ORGANIZATIONS)
    assert not proxy.is_filtering()


@pytest.mark.parametrize("query", ["ﾐﾄﾞﾘ", "みどり", "ミドリ", "ＭＩＤＯＲＩ不動産"[-3:]])
def test_search_folds_kana_width_and_case(session, query):
    """ﾐﾄﾞﾘ, みどり and ミドリ (and full-width text) find the same organisation through the service."""
    model, proxy = make_models(session)
    proxy.set_match_ids(organizations.search_ids(session, query))
    assert names(proxy, model) == ["株式会社みどり不動産"]


def test_one_character_and_phone_digits_search(session):
    """A single character finds rows (no 3-character minimum) and phone numbers match by digits."""
    model, proxy = make_models(session)
    proxy.set_match_ids(organizations.search_ids(session, "薬"))
    assert names(proxy, model) == ["カナリア薬局"]
    proxy.set_match_ids(organizations.search_ids(session, "ﾜｶ"))
    assert names(proxy, model) == ["わかば会"]
    proxy.set_match_ids(organizations.search_ids(session, "0123456789"))
    assert names(proxy, model) == ["福祉課 生活支援係"]
    proxy.set_match_ids(None)
    assert proxy.rowCount() == len(ORGANIZATIONS)


def test_page_search_box_filters_after_typing(qtbot, session):
    """Typing in the page's search box filters the table once the short pause has passed, and
    the count label says how many of how many are shown."""
    page = MembersPage(Preferences())
    bind(qtbot, page, session)
    assert page.count_label.text() == "全5件"
    type_japanese(page.search, "ミドリ")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=2000)
    assert shown_names(page) == ["株式会社みどり不動産"]
    assert page.count_label.text() == "5件中 1件"
    assert page.current_filter().query == "ミドリ"
    page.clear_filters()
    assert page.proxy.rowCount() == 5
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("夜間"))
    assert shown_names(page) == ["あおぞら福祉会"]
    assert page.category_filter.itemText(0) == "すべて"


def test_column_choice_is_remembered_on_this_pc(qtbot, session):
    """Choosing columns in the small dialog changes the table and is saved in this PC's preferences."""
    prefs = Preferences()
    page = MembersPage(prefs)
    bind(qtbot, page, session)
    assert page.model.column_keys() == DEFAULT_COLUMNS

    def choose(dialog) -> bool:
        dialog.checks["kana"].setChecked(True)
        dialog.checks["tags"].setChecked(False)
        dialog.checks["name"].setChecked(False)  # 名称 cannot be hidden
        return True

    page.run_dialog = choose
    page.choose_columns()
    keys = page.model.column_keys()
    assert "kana" in keys and "tags" not in keys and keys[0] == "name"
    assert load_preferences().column_choices["members"] == list(keys)
    again = MembersPage(load_preferences())
    qtbot.addWidget(again)
    assert again.model.column_keys() == keys
    assert valid_columns(["nonsense"]) == ("name",)


def test_export_writes_the_rows_as_filtered(qtbot, session, tmp_path):
    """書き出し → Excel writes what the list shows (same filter), and says where it went."""
    import openpyxl

    page = MembersPage(Preferences())
    bind(qtbot, page, session)
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("見守り"))
    target = tmp_path / "名簿.xlsx"
    page.choose_export_path = lambda kind: target
    told: list[tuple[str, str, object]] = []
    page.inform_written = lambda title, text, path: told.append((title, f"{text}\n{path}", path.parent))
    page.export_xlsx_action.trigger()
    assert target.exists()
    cells = {str(c.value) for row in openpyxl.load_workbook(target).active.iter_rows() for c in row if c.value}
    assert {"あおぞら福祉会", "わかば会"} <= cells
    assert "株式会社みどり不動産" not in cells
    assert told and str(target) in told[0][1] and told[0][2] == tmp_path


def test_window_shows_members_after_home_and_passes_changes_on(qtbot, db_path):
    """The nav reads ホーム, 名簿, 設定; a record registered on the page reaches the list through
    the window's data_changed."""

    window = open_window(qtbot, db_path)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "ホーム",
        "フェーズ進捗",
        "名簿",
        "地域の現状と資源",
        "ヒアリング",
        "会議・勉強会",
        "診断シート",
        "引き継ぎ",
        "設定",
    ]
    page = window.show_page("members")
    assert page.title == "名簿" and page.heading.text() == "構成員・関係団体名簿"
    seen: list[Changes] = []
    window.ops.changed.connect(lambda changes, _initiator: seen.append(changes))

    def fill(dialog) -> bool:
        type_japanese(dialog.name, "ひだまり法律事務所")
        dialog.category.setCurrentText("弁護士・司法書士等")
        return dialog.try_accept()

    page.run_dialog = fill
    page.new_organization()
    assert seen and Topic.ORGANIZATIONS in seen[0].topics
    page.show_list()
    assert shown_names(page) == ["ひだまり法律事務所"]
    assert page.count_label.text() == "全1件"

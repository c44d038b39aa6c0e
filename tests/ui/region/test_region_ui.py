"""地域の現状と資源 on real widgets over a real file: a 年度's figures typed by keyboard and saved in
one go (the change shown beside the newest), a 委託先 linked from the 名簿, a resource with its
organisation filtered, a つなぎ先 added, the 目安チェック's edge cases live, and a check kept on a
visit and seen on the visit's screen. Every model keeps Qt's contract."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from kyojushien_desktop.domain.hearing import Visit
from kyojushien_desktop.domain.housing_check import HousingFacts
from kyojushien_desktop.domain.region import Fact, HousingCheck, Referral, Resource
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.changes import Changes
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.hearing import visits
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.region import checks, facts, referrals, resources
from kyojushien_desktop.ui.common import messages
from kyojushien_desktop.ui.main_window import MainWindow
from kyojushien_desktop.ui.region.facts_model import FactsModel
from kyojushien_desktop.ui.region.page import RegionPage
from kyojushien_desktop.ui.region.referral_parts import ReferralModel
from kyojushien_desktop.ui.region.resource_models import ResourceModel, ResourceProxy
from kyojushien_desktop.ui.region.visit_checks import VisitCheckModel
from kyojushien_desktop.ui.region.year_dialog import YearDialog, cell_key
from tests.ui.pages import bind, shown_rows
from tests.ui.typing import type_japanese

SHAKYO = "社会福祉法人みどり町社会福祉協議会"
NPO = "NPO法人みどり住まいネット"
WELFARE = "福祉課 社会福祉係"


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    for category, name in (("福祉事業者・団体", SHAKYO), ("居住支援法人", NPO), ("福祉部局", WELFARE)):
        organizations.save_organization(opened, organizations.new_organization(category, name))
    yield opened
    opened.close()


def org_id(session, name: str) -> int:
    return next(o.id for o in organizations.list_organizations(session) if o.name == name)


@pytest.fixture
def page(qtbot, session):
    made = RegionPage()
    bind(qtbot, made, session)
    return made


def fill_year(qtbot, dialog: YearDialog, year: int | None, figures: dict[str, str], source: str = "") -> None:
    """Types as a person would: the 年度, each figure by keyboard, the table's 出典."""
    if year is not None:
        dialog.year.lineEdit().selectAll()
        qtbot.keyClicks(dialog.year, str(year))
    for key, text in figures.items():
        if text.isascii():
            qtbot.keyClicks(dialog.cells[key], text)
        else:
            type_japanese(dialog.cells[key], text)
    if source:
        type_japanese(dialog.sources["population"], source)


def test_a_year_typed_by_keyboard_is_saved_and_its_change_shown(qtbot, page, session):
    tab = page.facts
    assert tab.empty.isVisible()
    population = cell_key("population", "population", "value")

    def first(dialog) -> bool:
        fill_year(qtbot, dialog, 2020, {population: "10,000", cell_key("population", "elderly", "value"): "3500"})
        type_japanese(dialog.sources["population"], "令和2年国勢調査")
        return dialog.try_accept()

    tab.run_dialog = first
    assert tab.add_year()
    saved = facts.load_facts(session)
    assert saved.years == (2020,)
    fact = saved.fact(("population", "population", "value"), 2020)
    assert fact.number == 10000 and fact.source == "令和2年国勢調査"

    def bad(dialog) -> bool:
        fill_year(qtbot, dialog, 2021, {population: "たくさん"})
        assert not dialog.try_accept()
        assert "人口・世帯状況：人口" in dialog.errors.text(population)
        return False

    tab.run_dialog = bad
    assert not tab.add_year()
    assert facts.load_facts(session).years == (2020,)

    def second(dialog) -> bool:
        assert dialog.sources["population"].text() == ""  # a new 年度 starts blank
        fill_year(qtbot, dialog, 2021, {population: "10120", cell_key("population", "elderly", "value"): "3497"})
        return dialog.try_accept()

    tab.run_dialog = second
    assert tab.add_year()
    model = tab.models[0]
    assert model.headers() == ["項目", "令和2年度", "令和3年度", "増減"]
    rows = shown_rows(model)
    assert rows[0] == ["人口", "10,000人", "10,120人", "+120"]
    assert rows[1] == ["高齢者数", "3,500人", "3,497人", "▲3"]  # as the paper prints it
    assert tab.year_combo.currentText() == "令和3年度"
    # the 2021 figures have no 出典, so the table's line says they differ rather than name one
    assert tab.sources[0].text() == "出典は数字ごとに異なります（数字にマウスを重ねると表示）"


def test_the_year_is_shown_and_typed_in_wareki(qtbot, page, session):
    tab = page.facts

    def new(dialog) -> bool:
        assert dialog.year.text() == "令和7年度"  # no 西暦 on the form
        dialog.year.stepUp()
        assert dialog.year.text() == "令和8年度" and dialog.year.value() == 2026
        dialog.year.lineEdit().selectAll()
        type_japanese(dialog.year.lineEdit(), "令和6年度")
        assert dialog.year.value() == 2024
        fill_year(qtbot, dialog, None, {cell_key("population", "population", "value"): "9000"}, "国勢調査")
        return dialog.try_accept()

    tab.run_dialog = new
    assert tab.year_dialog().year.value() == dt.date.today().year - 1
    facts.save_year(session, 2024, [Fact("population", "elderly", "value", 2024, 3000, source="住民課")])
    tab.reload(Changes())
    dialog = tab.year_dialog(2024)
    assert dialog.year.text() == "令和6年度" and dialog.year.isReadOnly() and dialog.year.isEnabled()


def test_a_tables_source_is_shown_once_or_by_year(qtbot, page, session):
    tab = page.facts
    key = ("population", "population", "value")
    facts.save_year(
        session,
        2023,
        [Fact(*key, 2023, 100, source="国勢調査"), Fact("population", "elderly", "value", 2023, 50, source="国勢調査")],
    )
    tab.reload(Changes())
    assert tab.sources[0].text() == "出典：国勢調査"
    assert not tab.sources[1].isVisibleTo(tab)  # a table without figures has no 出典 line
    facts.save_year(session, 2024, [Fact(*key, 2024, 110, source="住民基本台帳")])
    tab.reload(Changes())
    assert tab.sources[0].text() == "出典：令和5年度 国勢調査／令和6年度 住民基本台帳"
    model = tab.models[0]
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == "出典：住民基本台帳"

    # the form has one 出典 per table; a 年度 whose figures came with their own keeps them
    facts.save_year(session, 2024, [Fact("population", "elderly", "value", 2024, 55, source="住民課")])
    tab.reload(Changes())
    dialog = tab.year_dialog(2024)
    assert (
        dialog.sources["population"].text() == ""
        and "数字ごとに異なります" in dialog.sources["population"].placeholderText()
    )
    value = dialog.clean(dialog.current_value())
    kept = {(f.row, f.source) for f in value[1] if f.table == "population" and f.source}
    assert kept == {("population", "住民基本台帳"), ("elderly", "住民課")}


def test_a_contractor_is_linked_from_the_directory(qtbot, page, session):
    tab = page.facts
    contractor = cell_key("programmes", "self_reliance", "contractor")
    form = cell_key("programmes", "self_reliance", "form")

    def fill(dialog) -> bool:
        fill_year(qtbot, dialog, 2025, {})
        dialog.cells[form].setCurrentText("委託")
        combo = dialog.cells[contractor]
        combo.setEditText("みどり町社会福祉")
        assert not dialog.try_accept()  # a part of a name is not an organisation of the 名簿
        assert dialog.errors.text(contractor)
        combo.setCurrentIndex(combo.findText(SHAKYO))
        return dialog.try_accept()

    tab.run_dialog = fill
    assert tab.add_year()
    fact = facts.load_facts(session).fact(("programmes", "self_reliance", "contractor"), 2025)
    assert fact.organization_id == org_id(session, SHAKYO)
    assert facts.load_facts(session).fact(("programmes", "self_reliance", "form"), 2025).text == "委託"
    rows = shown_rows(tab.models[3])
    assert ["自立相談支援事業　委託先", SHAKYO] in rows  # the law once, in the tooltip
    line = next(n for n, row in enumerate(rows) if row[0] == "自立相談支援事業　委託先")
    tip = tab.models[3].data(tab.models[3].index(line, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip == "自立相談支援事業（生活困窮者自立支援法）　委託先"

    def edit(dialog) -> bool:
        assert dialog.cells[contractor].currentText() == SHAKYO  # the saved 委託先 comes back
        return False

    tab.run_dialog = edit
    assert not tab.edit_year()


def test_a_resource_with_a_linked_organisation_is_added_and_filtered(qtbot, page, session):
    tab = page.resources
    page.tabs.setCurrentWidget(tab)

    def fill(dialog) -> bool:
        dialog.kind.setCurrentIndex(dialog.kind.findData("support_housing"))
        assert dialog.support_hint.isVisibleTo(dialog)
        type_japanese(dialog.name, "みどり荘 101号室")
        qtbot.keyClicks(dialog.units, "2")
        dialog.targets["高齢者"].setChecked(True)
        row = dialog.add_link()
        row.organization.setCurrentIndex(row.organization.findText(SHAKYO))
        row.role.setCurrentText("援助実施者")
        assert not dialog.try_accept()  # the 援助実施者 must be a 居住支援法人
        assert dialog.errors.text("links")
        row.organization.setCurrentIndex(row.organization.findText(NPO))
        return dialog.try_accept()

    tab.run_dialog = fill
    resource_id = tab.add_resource()
    assert resource_id is not None
    saved = resources.list_resources(session)
    assert [(r.name, r.units, r.targets) for r in saved] == [("みどり荘 101号室", 2, ("高齢者",))]
    assert [(link.organization_id, link.role) for link in saved[0].links] == [(org_id(session, NPO), "援助実施者")]
    resources.save_resource(session, Resource("partner_agent", "駅前ホーム", targets=("外国人等",)))
    tab.reload(Changes())
    assert tab.proxy.rowCount() == 2
    tab.kind.setCurrentIndex(tab.kind.findData("support_housing"))
    assert [row[1] for row in shown_rows(tab.proxy)] == ["みどり荘 101号室"]
    assert shown_rows(tab.proxy)[0][5] == f"{NPO}（援助実施者）"
    assert tab.model.headers()[5] == "関係団体（役割）"
    tab.kind.setCurrentIndex(0)
    tab.target.setCurrentIndex(tab.target.findData("外国人等"))
    assert [row[1] for row in shown_rows(tab.proxy)] == ["駅前ホーム"]
    tab.target.setCurrentIndex(0)
    type_japanese(tab.search, "住まいネット")  # the linked organisation's name finds it
    assert [row[1] for row in shown_rows(tab.proxy)] == ["みどり荘 101号室"]
    assert tab.count.text().startswith("2件中 1件")

    tab.table.selectRow(0)
    tab.confirm = lambda *_args: True
    assert tab.delete_resource()
    assert resources.list_resources(session, kind="support_housing") == []
    assert tab.notice.isVisible()
    assert tab.undo()
    assert [r.id for r in resources.list_resources(session, kind="support_housing")] == [resource_id]


def test_a_referral_desk_and_the_towns_own_issue_are_added(qtbot, page, session):
    tab = page.referrals
    page.tabs.setCurrentWidget(tab)
    assert shown_rows(tab.model)[0] == ["生活に困窮する場合", "（未登録）", None, None]

    def fill(dialog) -> bool:
        names = [dialog.organization.itemText(i) for i in range(dialog.organization.count())]
        assert names[1] == WELFARE  # public desks first
        dialog.organization.setCurrentIndex(1)
        type_japanese(dialog.desk, "生活援護室 調整担当")
        qtbot.keyClicks(dialog.phone, "0123-45-6789")
        return dialog.try_accept()

    tab.table.selectRow(0)
    tab.run_dialog = fill
    assert tab.add_referral() is not None
    table = referrals.referral_table(session)
    assert [(d.organization_name, d.desk, d.phone) for d in table[0].desks] == [
        (WELFARE, "生活援護室 調整担当", "0123-45-6789")
    ]
    assert shown_rows(tab.model)[0] == ["生活に困窮する場合", WELFARE, "生活援護室 調整担当", "0123-45-6789"]

    welfare = organizations.get_organization(session, org_id(session, WELFARE))
    organizations.save_organization(session, dataclasses.replace(welfare, phone="0123-45-0000"))

    def no_phone(dialog) -> bool:
        assert dialog.phone.placeholderText() == "空欄なら名簿の電話番号を使います"
        dialog.phone.clear()
        return dialog.try_accept()

    tab.table.selectRow(0)
    tab.run_dialog = no_phone
    assert tab.edit_referral() is not None
    model = tab.model
    assert shown_rows(model)[0][3] == "0123-45-0000"  # the 名簿's phone, as the paper prints it
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole) == "名簿の電話番号"
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ForegroundRole) is not None

    def own(dialog) -> bool:
        type_japanese(dialog.issue_label, "DV被害のため支援を必要とする場合")
        type_japanese(dialog.desk, "子育て支援課")
        return dialog.try_accept()

    tab.run_dialog = own
    assert tab.own_button.isEnabled()
    assert tab.add_referral(own=True) is not None
    assert referral_labels(session)[-1] == "DV被害のため支援を必要とする場合"


def referral_labels(session) -> list[str]:
    return [i.label for i in referrals.referral_table(session)]


def results(tab) -> list[str]:
    """Each criterion as shown: mark, result in words, label."""
    return [label.text() for label in tab.criteria_labels]


def test_the_check_is_live_for_a_dwelling_and_a_share_house(qtbot, page):
    tab = page.check
    page.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.area, "24.9")
    assert results(tab)[0] == "－ 未確認　各戸25㎡以上（共用設備で18㎡以上）"
    tab.shared_facilities.setCurrentIndex(tab.shared_facilities.findText("はい"))
    assert results(tab)[0] == "○ 適合　各戸25㎡以上（共用設備で18㎡以上）"
    tab.shared_facilities.setCurrentIndex(tab.shared_facilities.findText("いいえ"))
    assert results(tab)[0] == "× 不適合　各戸25㎡以上（共用設備で18㎡以上）"
    assert "賃貸住宅供給促進計画で定めることで" in tab.result_box.findChildren(type(tab.problem))[1].text()

    tab.share_button.click()
    assert tab.residents.isVisibleTo(tab) and not tab.area.isVisibleTo(tab)
    tab.residents.setValue(6)
    qtbot.keyClicks(tab.room_area, "8.9")
    qtbot.keyClicks(tab.total_area, "100")
    texts = results(tab)
    assert "× 不適合　専用居室9㎡以上" in texts
    assert "○ 適合　住宅全体 15㎡×N＋10㎡以上" in texts
    assert "－ 未確認　便所・洗面・浴室 概ね5人に1箇所" in texts
    tab.room_area.clear()
    qtbot.keyClicks(tab.room_area, "9x")
    assert tab.problem.isVisible() and "専用居室の面積" in tab.problem.text()


@pytest.fixture
def window(qtbot, db_path, session):
    organization = org_id(session, NPO)
    visits.plan_visit(session, Visit(org_id(session, SHAKYO), dt.datetime(2026, 4, 6, 14, 0), purpose="顔合わせ"))
    visit_id, _ = visits.plan_visit(session, Visit(organization, dt.datetime(2026, 5, 18, 10, 0), purpose="物件の相談"))
    session.close()
    made = MainWindow(Preferences())
    qtbot.addWidget(made)
    made.resize(1100, 740)
    made.show()
    assert made.open_file(db_path)
    made.visit_id = visit_id
    return made


def test_a_check_kept_on_a_visit_is_seen_on_the_visit_screen(qtbot, window):
    assert [spec.key for spec in window._specs][2:4] == ["members", "region"]
    page = window.show_page("region")
    assert page.title == "地域の現状と資源"
    tab = page.check
    page.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.area, "24.9")
    tab.shared_facilities.setCurrentIndex(tab.shared_facilities.findText("はい"))

    def pick(dialog) -> bool:
        assert dialog.visit.currentData() is None  # no visit guessed: the user says which
        type_japanese(dialog.note, "大家さんから相談")
        assert not dialog.try_accept()
        assert dialog.errors.text("visit") == "訪問を選んでください。"
        labels = [dialog.visit.itemText(i) for i in range(1, dialog.visit.count())]
        assert labels == [f"令和8年5月18日(月)　{NPO}", f"令和8年4月6日(月)　{SHAKYO}"]  # newest first
        dialog.visit.setCurrentIndex(dialog.visit.findData(window.visit_id))
        return dialog.try_accept()

    tab.run_dialog = pick
    tab.inform = lambda *_args, **_kw: None
    check_id = tab.save_to_visit()
    assert check_id is not None
    kept = checks.checks_of_visit(window.session, window.visit_id)
    assert [(c.facts.area, c.note) for c in kept] == [(24.9, "大家さんから相談")]
    hearing = window.show_page("hearing")
    assert hearing.open_visit(window.visit_id)
    box = hearing.entry.housing_checks
    assert box.table.isVisibleTo(hearing)
    row = shown_rows(box.model)[0]
    assert row[1] == "住戸 24.9㎡" and row[2] == kept[0].summary and row[3] == "大家さんから相談"
    box.confirm = lambda *_args: True
    assert box.delete_selected()
    assert checks.checks_of_visit(window.session, window.visit_id) == []
    assert box.empty.isVisibleTo(hearing)


def test_every_model_keeps_qts_contract(qtbot, qtmodeltester, page, session):
    facts.save_year(
        session,
        2024,
        [
            Fact("population", "population", "value", 2024, 9000, source="住民基本台帳"),
            Fact("programmes", "self_reliance", "form", 2024, text="委託"),
            Fact("programmes", "self_reliance", "contractor", 2024, organization_id=org_id(session, SHAKYO)),
        ],
    )
    facts.save_year(session, 2025, [Fact("population", "population", "value", 2025, 9100)])
    resources.save_resource(session, Resource("shelter", "一時宿泊所", units=3, targets=("低額所得者",)))
    referrals.save_referral(session, Referral("elderly", desk="地域包括支援センター"))
    page.facts.reload(Changes())
    page.resources.reload(Changes())
    page.referrals.reload(Changes())
    for model in page.facts.models:
        assert isinstance(model, FactsModel)
        qtmodeltester.check(model)
    assert isinstance(page.resources.model, ResourceModel) and isinstance(page.resources.proxy, ResourceProxy)
    assert isinstance(page.referrals.model, ReferralModel)
    qtmodeltester.check(page.resources.model)
    qtmodeltester.check(page.resources.proxy)
    qtmodeltester.check(page.referrals.model)
    model = VisitCheckModel()
    model.set_rows([HousingCheck(dt.date(2026, 5, 18), HousingFacts(area=20), summary="適合 1")])
    qtmodeltester.check(model)


def test_a_pdf_with_a_character_the_font_lacks_is_written_after_asking(qtbot, page, session, tmp_path, monkeypatch):
    """An 出典 holding 😀: the user is told, chooses 〓, and the PDF is written (the retry prints 〓
    instead of failing again)."""
    from pypdf import PdfReader

    facts.save_year(session, 2025, [Fact("population", "population", "value", 2025, 18000, source="住民基本台帳😀")])
    tab = page.facts
    target = tmp_path / "わがまちの現状.pdf"
    asked: list[str] = []
    monkeypatch.setattr(tab, "choose_path", lambda stem, kind: target)
    monkeypatch.setattr(tab, "inform_written", lambda *args: None)
    monkeypatch.setattr(messages, "confirm", lambda _parent, title, _text, _ok: asked.append(title) or True)
    assert tab.save_pdf() == target
    assert asked == ["印刷できない文字があります"]
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "住民基本台帳〓" in text.replace(" ", "")


def test_typed_facts_are_asked_about_before_the_file_is_left(qtbot, window, tmp_path, monkeypatch):
    """Facts typed in the 目安チェック are kept on a visit (保存) or dropped (破棄) only when the
    user says so; キャンセル stays with the form as typed."""
    other = tmp_path / "other.db"
    datafile.create_session(other).close()
    page = window.show_page("region")
    tab = page.check
    page.tabs.setCurrentWidget(tab)
    assert not page.has_unsaved()
    tab.share_button.click()  # only looking at the other form is not typing
    assert not page.has_unsaved()
    tab.dwelling_button.click()
    qtbot.keyClicks(tab.area, "24.9")
    assert page.has_unsaved()
    asked: list[str] = []
    answers = iter([messages.CANCEL, messages.SAVE, messages.DISCARD])
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent, what: asked.append(what) or next(answers))
    assert not window.open_file(other)
    assert window.session.path.name == "town.db" and tab.area.text() == "24.9"

    def pick(dialog) -> bool:
        dialog.visit.setCurrentIndex(dialog.visit.findData(window.visit_id))
        return dialog.try_accept()

    tab.run_dialog = pick
    tab.inform = lambda *_args, **_kw: None
    assert window.may_leave()  # 保存: kept on the visit, nothing left to ask about
    assert [c.facts.area for c in checks.checks_of_visit(window.session, window.visit_id)] == [24.9]
    assert not page.has_unsaved()
    tab.shared_facilities.setCurrentIndex(tab.shared_facilities.findText("はい"))
    assert window.open_file(other)  # 破棄
    assert asked == ["住宅の目安チェック"] * 3
    assert window.session.path == other and tab.area.text() == "" and tab.shared_facilities.currentIndex() == 0
    assert not page.has_unsaved()

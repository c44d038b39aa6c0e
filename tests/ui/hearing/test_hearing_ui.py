"""The ヒアリング screens driven like a user: plan a visit, enter its answers, find them in the
回答の比較 and its Excel file, edit the 質問バンク, print sheets, follow up."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.hearing import AWAITING_RECORD, DONE, PLANNED, RECORDED, Question, QuestionBank, Visit
from kyojushien_desktop.domain.members import Person
from kyojushien_desktop.services import datafile, timeline
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.hearing import comparison, question_banks, visits
from kyojushien_desktop.services.members import organizations, people, terms
from kyojushien_desktop.ui.common.followup_models import OVERDUE_TEXT, FollowUpTableModel
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.bank_dialogs import BankDialog, QuestionDialog
from kyojushien_desktop.ui.hearing.bank_editor import BankEditor
from kyojushien_desktop.ui.hearing.bank_models import (
    BankListModel,
    ChosenQuestionsModel,
    QuestionPickModel,
    QuestionTableModel,
)
from kyojushien_desktop.ui.hearing.compare_model import CompareTableModel
from kyojushien_desktop.ui.hearing.page import COMPARE_TAB, ENTRY, TABS, HearingPage
from kyojushien_desktop.ui.hearing.printing import PrintSheetsDialog
from kyojushien_desktop.ui.hearing.visit_dialog import NEW_ORGANIZATION, VisitDialog
from kyojushien_desktop.ui.hearing.visit_models import (
    ID_ROLE,
    VisitFilterProxy,
    VisitTableModel,
    period_range,
)
from kyojushien_desktop.ui.members.organization_view import OrganizationView
from tests.ui.boxes import BoxAnswerer
from tests.ui.pages import bind, open_window, question_texts, shown_rows, timeline_entries
from tests.ui.typing import pick_date, type_japanese

Accepted = VisitDialog.DialogCode.Accepted
# Typing into the searchable 団体 combo opens its completer popup, which the offscreen platform
# cannot raise or give the keyboard to.
completer_popup = pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing)")


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)  # a writable open seeds the guide's banks
    save_settings(opened, TownSettings(municipality="みどり町", department="建設課 住宅係", staff_name="山田 花子"))
    yield opened
    opened.close()


@pytest.fixture
def org_id(session) -> int:
    org = dataclasses.replace(
        organizations.new_organization("不動産事業者・団体", "株式会社みどり不動産"), kana="みどりふどうさん"
    )
    organization_id, _ = organizations.save_organization(session, org)
    people.save_person(
        session,
        Person(name="大野 和夫", organization_id=organization_id, title="支部長", started_on=dt.date(2020, 4, 1)),
    )
    return organization_id


@pytest.fixture
def own_bank(session) -> tuple[int, list[int]]:
    """A bank of the town's own with one question of each answer type."""
    bank_id, _ = question_banks.save_bank(session, QuestionBank(name="入居受け入れの実情"))
    ids = []
    for question in (
        Question(bank_id=bank_id, text="入居を断ることが多いのはどんな場合か", answer_type="free", lines=4),
        Question(bank_id=bank_id, text="管理物件の空き室数", answer_type="number", lines=1),
        Question(bank_id=bank_id, text="高齢者の入居を断ったことがあるか", answer_type="yesno", lines=2),
        Question(
            bank_id=bank_id,
            text="家賃債務保証会社の利用",
            answer_type="choice",
            choices=("必ず利用", "場合による", "利用していない"),
            lines=2,
        ),
    ):
        question_id, _ = question_banks.add_question(session, question)
        ids.append(question_id)
    return bank_id, ids


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def make_page(qtbot, session) -> HearingPage:
    page = HearingPage()
    bind(qtbot, page, session)
    return page


def plan(session, organization_id, question_ids, when=dt.datetime(2025, 6, 12, 10, 0), **fields) -> int:
    visit = Visit(organization_id=organization_id, scheduled_at=when, question_ids=tuple(question_ids), **fields)
    visit_id, _ = visits.plan_visit(session, visit)
    return visit_id


def test_models_pass_the_model_tester(qtmodeltester, session, org_id, own_bank):
    """Every table model of the ヒアリング screens keeps Qt's model contract, with real rows."""
    bank_id, question_ids = own_bank
    visit_id = plan(session, org_id, question_ids)
    visits.record_answers(session, visit_id, {question_ids[0]: "保証人がいないとき", question_ids[1]: "12"})
    visits.add_followup(session, FollowUp(visit_id=visit_id, action="案内を送る", due_on=dt.date(2025, 6, 30)))
    rows = visits.list_visits(session)
    followups = visits.open_followups(session)

    model = VisitTableModel()
    model.set_rows(rows, followups)
    qtmodeltester.check(model)
    proxy = VisitFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(RECORDED, *period_range("all"))
    qtmodeltester.check(proxy)
    for checkable in (False, True):
        followup_model = FollowUpTableModel(checkable=checkable)
        followup_model.set_rows(followups, {visit_id: "株式会社みどり不動産"})
        qtmodeltester.check(followup_model)
    banks = BankListModel()
    banks.set_banks(question_banks.list_banks(session, include_retired=True))
    qtmodeltester.check(banks)
    questions = QuestionTableModel()
    questions.set_questions(question_banks.list_questions(session, bank_id, include_retired=True))
    qtmodeltester.check(questions)
    pick = QuestionPickModel()
    pick.set_questions(question_banks.list_questions(session, bank_id), question_ids[:2])
    qtmodeltester.check(pick)
    chosen = ChosenQuestionsModel()
    chosen.set_questions(question_banks.questions_by_ids(session, question_ids), {bank_id: "入居受け入れの実情"})
    qtmodeltester.check(chosen)
    compare = CompareTableModel()
    compare.set_table(comparison.compare_table(session, bank_id))
    qtmodeltester.check(compare)
    assert compare.index(0, 3).data() == "12"
    compare.set_table(None)
    qtmodeltester.check(compare)


@completer_popup
def test_plan_visit_through_dialog_lists_it_and_puts_it_on_timeline(qtbot, session, org_id, own_bank):
    """訪問を予定する: the organisation picked by typing part of its name, 和暦 date and time,
    訪問者 (from 設定), 同行, 先方 ticked, questions from two banks in order, お土産, 担当課の考え方;
    the visit is in the list as 予定 and on the organisation's 経過記録."""
    bank_id, own_ids = own_bank
    page = make_page(qtbot, session)
    assert not page.visit_list.empty_label.isHidden()  # no visits yet: says how to start
    seen: dict[str, object] = {}

    def drive(dialog: VisitDialog) -> bool:
        assert dialog.visitors.text() == "山田 花子（建設課 住宅係）"  # from 設定
        click(qtbot, dialog.ok_button)  # no organisation yet: refused beside the field
        assert dialog.result() != Accepted
        seen["org_error"] = dialog.errors.text("organization_id")
        type_japanese(dialog.organization.lineEdit(), "株式会社みどり不動産")
        assert dialog.organization_id() == org_id
        assert list(dialog.people_checks) and "大野 和夫（支部長）" in [c.text() for c in dialog.people_checks.values()]
        # the guide bank for 不動産 is suggested, with its questions ticked
        guide = question_banks.find_bank(session, "real_estate")
        assert dialog.bank.currentData() == guide.id
        assert len(dialog.chosen) == guide.question_count
        dialog.choose_all(False)  # this time: only two of them, then the town's own bank
        first_two = dialog.pick_model.questions()[:2]
        for row in range(2):
            dialog.pick_model.setData(
                dialog.pick_model.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
            )
        dialog.bank.setCurrentIndex(dialog.bank.findData(bank_id))
        dialog.choose_all(True)
        assert [q.id for q in dialog.chosen] == [first_two[0].id, first_two[1].id, *own_ids]
        dialog.chosen_table.selectRow(2)
        click(qtbot, dialog.up_button)  # the town's first question asked second
        dialog.date.setDate(dt.date(2025, 6, 12))
        dialog.time.setTime(dt.time(14, 30))
        assert dialog.when_label.text() == "令和7年6月12日(木) 14:30"
        type_japanese(dialog.place, "支部事務所（駅前ビル3階）")
        type_japanese(dialog.companions, "〇〇県 住宅課 岡本")
        type_japanese(dialog.purpose, "要配慮者の入居で困っていることを伺う")
        next(iter(dialog.people_checks.values())).setChecked(True)
        dialog.souvenir_checks["ガイドブック"].setChecked(True)
        type_japanese(dialog.souvenir_other, "町の住宅施策のちらし")
        dialog.policy.setChecked(True)
        click(qtbot, dialog.ok_button)
        return dialog.result() == Accepted

    page.run_dialog = drive
    visit_id = page.plan_visit()
    assert "訪問先の団体を選んでください" in seen["org_error"]
    assert visit_id is not None

    visit = visits.get_visit(session, visit_id)
    assert visit.status == PLANNED
    assert visit.scheduled_at == dt.datetime(2025, 6, 12, 14, 30)
    assert visit.companions == "〇〇県 住宅課 岡本" and visit.policy_conveyed
    assert visit.souvenirs == ("ガイドブック",) and visit.souvenir_other == "町の住宅施策のちらし"
    assert len(visit.person_ids) == 1
    assert visit.question_ids[1] == own_ids[0] and len(visit.question_ids) == 6
    rows = shown_rows(page.visit_list.proxy)
    assert rows == [
        [
            "令和7年6月12日(木) 14:30",
            "株式会社みどり不動産",
            "不動産事業者・団体",
            "要配慮者の入居で困っていることを伺う",
            AWAITING_RECORD,  # stored 予定, on a day already past: shown as waiting for its record
            "",
        ]
    ]
    assert page.visit_list.selected_ids() == [visit_id]

    entries = [e for e in timeline.for_organization(session, org_id) if e.source == "visit"]
    assert entries and entries[0].title == "ヒアリング（予定）: 要配慮者の入居で困っていることを伺う"
    view = OrganizationView()
    bind(qtbot, view, session)
    assert view.load(org_id)
    assert "ヒアリング（予定）: 要配慮者の入居で困っていることを伺う" in [
        w.title.text() for w in timeline_entries(view)
    ]


def test_organisation_registered_on_the_spot_and_planned_from_its_record(qtbot, session, org_id):
    """「新しい団体をその場で登録…」 adds the organisation with the visit; the record view's
    「ヒアリングを予定する…」 plans one for its own organisation, shown on its 経過記録."""
    page = make_page(qtbot, session)

    def drive(dialog: VisitDialog) -> bool:
        def fill(org_dialog) -> bool:
            type_japanese(org_dialog.name, "NPO法人すまいネット")
            org_dialog.category.setCurrentText("居住支援法人")
            return org_dialog.try_accept()

        dialog.run_dialog = fill
        assert dialog.register_organization()
        assert dialog.organization_id() == NEW_ORGANIZATION
        assert "NPO法人すまいネット" in dialog.organization_note.text()
        assert dialog.chosen  # the 福祉・支援 bank suggested for a 居住支援法人
        type_japanese(dialog.purpose, "活動の様子を伺う")
        click(qtbot, dialog.ok_button)
        return dialog.result() == Accepted

    page.run_dialog = drive
    visit_id = page.plan_visit()
    assert visit_id is not None
    new_org = next(o for o in organizations.list_organizations(session) if o.name == "NPO法人すまいネット")
    assert visits.get_visit(session, visit_id).organization_id == new_org.id

    view = OrganizationView()
    bind(qtbot, view, session)
    assert view.load(org_id)
    assert view.plan_hearing_button.isEnabled()

    def from_record(dialog: VisitDialog) -> bool:
        assert dialog.organization_id() == org_id  # already chosen
        type_japanese(dialog.purpose, "協議会の説明")
        click(qtbot, dialog.ok_button)
        return dialog.result() == Accepted

    view.run_dialog = from_record
    planned = view.plan_hearing()
    assert planned is not None and view.tabs.currentIndex() == 2
    assert "ヒアリング（予定）: 協議会の説明" in [w.title.text() for w in timeline_entries(view)]


def test_answers_entered_for_every_type_reach_the_comparison_and_its_excel(qtbot, session, org_id, own_bank, tmp_path):
    """Must show: answers typed on the answer-entry screen (自由記述, 数値, はい/いいえ, 選択肢). A bad
    数値 is marked beside its question and nothing is saved; corrected, the visit is 記録済, the
    organisation ヒアリング済 with 得意なこと/困りごと noted, the follow-up kept — and the answers
    are in the 回答の比較 table and in the exported .xlsx."""
    import openpyxl

    bank_id, (free_id, number_id, yesno_id, choice_id) = own_bank
    visit_id = plan(session, org_id, [free_id, number_id, yesno_id, choice_id], place="支部事務所")
    page = make_page(qtbot, session)
    page.visit_list.select_id(visit_id)
    click(qtbot, page.answer_button)
    assert page.stack.currentIndex() == ENTRY
    entry = page.entry
    assert entry.name_label.text() == "株式会社みどり不動産"
    assert entry.status.text() == AWAITING_RECORD  # 予定 on 2025-06-12, a day already past
    assert entry.facts["when"].text() == "令和7年6月12日(木) 10:00"
    free, number, yesno, choice = entry.rows
    assert [r.number.text() for r in entry.rows] == ["1.", "2.", "3.", "4."]
    assert free.text_box is not None and number.line is not None
    assert yesno.group is not None and [b.text() for b in yesno.group.buttons()] == ["はい", "いいえ"]
    assert choice.group is not None and len(choice.group.buttons()) == 3

    type_japanese(free.text_box, "保証人も緊急連絡先もいないとき")
    type_japanese(number.line, "たくさん")
    click(qtbot, yesno.group.buttons()[0])
    click(qtbot, choice.group.buttons()[1])
    type_japanese(entry.memo, "支部長は協議会に前向き")
    type_japanese(entry.strengths, "高齢者向け物件の紹介に慣れている")
    type_japanese(entry.troubles, "入居後の見守り先が見つからない")
    type_japanese(entry.action, "意見交換会の案内を送る")
    entry.due_check.setChecked(True)
    pick_date(entry.due, dt.date(2025, 7, 1))
    click(qtbot, entry.add_button)
    assert entry.followup_model.rowCount() == 1
    assert entry.dirty and wording.UNSAVED in entry.state_label.text()

    click(qtbot, entry.save_button)
    assert not number.error.isHidden()
    assert "数値で入力してください" in number.error.text()
    assert all(row.error.isHidden() for row in (free, yesno, choice))
    assert "1件の回答を確認してください" in entry.problem_label.text()
    assert visits.answers_of(session, visit_id) == {}  # nothing saved
    assert visits.get_visit(session, visit_id).status == PLANNED
    assert visits.followups_of(session, visit_id) == []
    assert number.line.text() == "たくさん" and free.text_box.toPlainText() == "保証人も緊急連絡先もいないとき"

    number.line.clear()
    qtbot.keyClicks(number.line, "12")
    click(qtbot, entry.save_button)
    assert number.error.isHidden()
    assert visits.answers_of(session, visit_id) == {
        free_id: "保証人も緊急連絡先もいないとき",
        number_id: "12",
        yesno_id: "はい",
        choice_id: "場合による",
    }
    assert visits.get_visit(session, visit_id).status == RECORDED
    assert entry.status.text() == RECORDED and entry.state_label.text() == "保存しました。"
    org = organizations.get_organization(session, org_id)
    assert terms.stages().index(org.stage) >= terms.stages().index("ヒアリング済")
    assert "高齢者向け物件の紹介に慣れている" in org.strengths
    assert "入居後の見守り先が見つからない" in org.troubles
    (followup,) = visits.followups_of(session, visit_id)
    assert followup.action == "意見交換会の案内を送る" and followup.due_on == dt.date(2025, 7, 1)

    # back to the list: 記録済, and the follow-up in the panel
    click(qtbot, entry.back_button)
    assert page.stack.currentIndex() == TABS
    assert shown_rows(page.visit_list.proxy)[0][4] == RECORDED
    assert "意見交換会の案内を送る" in shown_rows(page.visit_list.proxy)[0][5]
    assert page.followups.model.rowCount() == 1

    # 回答の比較: the same answers in the table
    page.tabs.setCurrentIndex(COMPARE_TAB)
    compare = page.compare
    compare.bank.setCurrentIndex(compare.bank.findData(bank_id))
    model = compare.model
    assert model.rowCount() == 1
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells == [
        "株式会社みどり不動産",
        "令和7年6月12日(木)",
        "保証人も緊急連絡先もいないとき",
        "12",
        "はい",
        "場合による",
    ]
    assert model.headerData(3, Qt.Orientation.Horizontal).startswith("2. 管理物件の空き室数")

    # … and in the exported Excel file, read back
    told: list[str] = []
    compare.choose_export_path = lambda kind: tmp_path / "回答の比較.xlsx"
    compare.inform_written = lambda title, text, path: told.append(f"{text}\n{path}")
    written = compare.export("xlsx")
    assert written == tmp_path / "回答の比較.xlsx" and told and str(written) in told[0]
    sheet = openpyxl.load_workbook(written)["回答の比較"]
    header = [cell.value for cell in sheet[1]]
    values = [cell.value for cell in sheet[2]]
    assert header[0] == "団体名" and "2. 管理物件の空き室数" in header
    assert values[0] == "株式会社みどり不動産"
    assert "保証人も緊急連絡先もいないとき" in values and "はい" in values and "場合による" in values
    assert values[header.index("2. 管理物件の空き室数")] == 12

    compare.choose_export_path = lambda kind: tmp_path / "まとめ.pdf"
    pdf = compare.export("pdf")
    assert pdf is not None
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", "")
    assert "保証人も緊急連絡先もいないとき" in text and "株式会社みどり不動産" in text


def test_compare_filters_by_category_and_period(qtbot, session, org_id, own_bank):
    """区分 and 期間 narrow the 回答の比較; a visit still 予定 is not compared."""
    bank_id, ids = own_bank
    welfare, _ = organizations.save_organization(
        session, organizations.new_organization("福祉事業者・団体", "ひまわり荘")
    )
    first = plan(session, org_id, ids, when=dt.datetime(2025, 5, 1, 10, 0))
    second = plan(session, welfare, ids, when=dt.datetime(2025, 8, 1, 10, 0))
    plan(session, welfare, ids, when=dt.datetime(2025, 9, 1, 10, 0))  # still 予定
    visits.record_answers(session, first, {ids[2]: "はい"})
    visits.record_answers(session, second, {ids[2]: "いいえ"})
    page = make_page(qtbot, session)
    page.show()
    page.tabs.setCurrentIndex(COMPARE_TAB)
    compare = page.compare
    compare.bank.setCurrentIndex(compare.bank.findData(bank_id))
    names = lambda: [compare.model.index(r, 0).data() for r in range(compare.model.rowCount())]  # noqa: E731
    assert names() == ["株式会社みどり不動産", "ひまわり荘"]
    compare.category.setCurrentIndex(compare.category.findData("福祉事業者・団体"))
    assert names() == ["ひまわり荘"]
    compare.category.setCurrentIndex(0)
    pick_date(compare.date_from, dt.date(2025, 4, 1))
    pick_date(compare.date_to, dt.date(2025, 6, 30))
    compare.use_period.setChecked(True)
    assert names() == ["株式会社みどり不動産"]
    pick_date(compare.date_from, dt.date(2025, 7, 1))  # after the end: said beside the filters
    assert not compare.error.isHidden() and "期間" in compare.error.text()


def test_bank_editor_add_edit_move_retire_and_restore_guide_wording(qtbot, session):
    """質問バンク: a guide question reworded is marked and put back to the guide's words; a new
    question is added with its type and lines, moved up, retired and brought back; a new bank."""
    editor = BankEditor()
    bind(qtbot, editor, session)
    guide = question_banks.find_bank(session, "real_estate")
    assert editor.bank_model.bank(0).guide_key is not None  # the guide's banks first
    assert editor.select_bank(guide.id)
    first = editor.question_model.question(0)
    assert editor.question_model.index(0, 4).data() == wording.GUIDE_MARK
    editor.select_question(first.id)
    assert not editor.restore_wording_button.isEnabled()

    def reword(dialog: QuestionDialog) -> bool:
        assert first.guide_text in dialog.guide_note.text()
        dialog.text.clear()
        type_japanese(dialog.text, "営業している地域はどこですか")
        click(qtbot, dialog.ok_button)
        return dialog.result() == QuestionDialog.DialogCode.Accepted

    editor.run_dialog = reword
    editor.edit_question()
    assert question_banks.get_question(session, first.id).text == "営業している地域はどこですか"
    assert editor.question_model.index(0, 4).data() == f"{wording.GUIDE_MARK}（文言を変更）"
    assert editor.selected_question_id() == first.id and editor.restore_wording_button.isEnabled()
    editor.confirm = lambda *args: True
    click(qtbot, editor.restore_wording_button)
    assert question_banks.get_question(session, first.id).text == first.guide_text
    assert not editor.restore_wording_button.isEnabled()

    def add(dialog: QuestionDialog) -> bool:
        click(qtbot, dialog.ok_button)  # empty: refused beside 質問
        assert "質問文を入力してください" in dialog.errors.text("text")
        type_japanese(dialog.text, "見守りサービスがあれば受け入れやすいか")
        dialog.type_buttons["choice"].setChecked(True)
        assert not dialog.choices_field.isHidden()
        type_japanese(dialog.choices, "はい")
        click(qtbot, dialog.ok_button)  # one choice only
        assert "2つ以上" in dialog.errors.text("choices")
        type_japanese(dialog.choices, "\nどちらとも言えない\nいいえ")
        dialog.lines.setValue(2)
        click(qtbot, dialog.ok_button)
        return dialog.result() == QuestionDialog.DialogCode.Accepted

    editor.run_dialog = add
    new_id = editor.add_question()
    assert new_id
    texts = question_texts(editor)
    assert texts[-1] == "見守りサービスがあれば受け入れやすいか"
    added = question_banks.get_question(session, new_id)
    assert (added.answer_type, added.choices, added.lines) == ("choice", ("はい", "どちらとも言えない", "いいえ"), 2)
    assert editor.question_model.index(len(texts) - 1, 2).data() == "選択肢（3）"

    click(qtbot, editor.up_button)
    assert question_texts(editor)[-2] == "見守りサービスがあれば受け入れやすいか"
    assert editor.selected_question_id() == new_id

    click(qtbot, editor.retire_button)
    assert "見守りサービスがあれば受け入れやすいか" not in question_texts(editor)
    assert question_banks.get_question(session, new_id).retired
    editor.show_retired.setChecked(True)
    assert question_texts(editor)[-1] == "見守りサービスがあれば受け入れやすいか"
    editor.select_question(new_id)
    assert editor.retire_button.text() == wording.RESTORE
    click(qtbot, editor.retire_button)
    assert not question_banks.get_question(session, new_id).retired

    def new_bank(dialog: BankDialog) -> bool:
        type_japanese(dialog.name, "町独自の聞き取り")
        click(qtbot, dialog.ok_button)
        return dialog.result() == BankDialog.DialogCode.Accepted

    editor.run_dialog = new_bank
    bank_id = editor.new_bank()
    assert bank_id and editor.selected_bank_id() == bank_id
    assert editor.bank_name.text() == "町独自の聞き取り" and editor.add_button.isEnabled()
    click(qtbot, editor.retire_bank_button)  # confirmed (patched above)
    assert question_banks.get_bank(session, bank_id).retired
    row = editor.bank_model.row_of_id(bank_id)
    assert row == editor.bank_model.rowCount() - 1  # retired banks last, greyed
    assert editor.bank_model.index(row, 0).data().endswith(f"（{wording.RETIRED}）")
    assert editor.bank_model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert editor.retire_bank_button.text() == wording.RESTORE and not editor.add_button.isEnabled()
    click(qtbot, editor.retire_bank_button)
    assert not question_banks.get_bank(session, bank_id).retired


def test_print_selected_visits_as_one_pdf_and_a_blank_sheet(qtbot, session, org_id, own_bank, tmp_path):
    """ヒアリングシートを印刷…: two visits chosen in the list make one PDF; a blank sheet of a bank."""
    bank_id, ids = own_bank
    first = plan(session, org_id, ids, when=dt.datetime(2025, 6, 12, 10, 0))
    second = plan(session, org_id, [], when=dt.datetime(2025, 6, 19, 10, 0))  # no questions: the bank's
    page = make_page(qtbot, session)
    page.visit_list.select_id(first)
    page.visit_list.select_id(second, add=True)
    assert sorted(page.visit_list.selected_ids()) == sorted([first, second])
    asked: list[str] = []

    def choose(dialog: PrintSheetsDialog) -> bool:
        assert dialog.visits_button.isChecked() and "2件" in dialog.visits_button.text()
        dialog.bank.setCurrentIndex(dialog.bank.findData(bank_id))
        return dialog.try_accept()

    page.run_dialog = choose
    page.choose_pdf_path = lambda name: asked.append(name) or tmp_path / "シート.pdf"
    page.inform_written = lambda *args, **kwargs: None
    written = page.print_sheets()
    assert written is not None and written.read_bytes().startswith(b"%PDF")
    assert asked == ["ヒアリングシート"]

    def blank(dialog: PrintSheetsDialog) -> bool:
        dialog.blank_button.setChecked(True)
        dialog.bank.setCurrentIndex(dialog.bank.findData(bank_id))
        return dialog.try_accept()

    page.run_dialog = blank
    page.choose_pdf_path = lambda name: asked.append(name) or tmp_path / "白紙.pdf"
    assert page.print_sheets() == tmp_path / "白紙.pdf"
    assert asked[-1] == "ヒアリングシート_白紙_入居受け入れの実情"
    assert Path(tmp_path / "白紙.pdf").stat().st_size > 0


def test_open_followups_overdue_in_red_and_done_from_the_panel(qtbot, session, org_id):
    """The visits tab lists open 次の対応, the nearest 期限 first, an overdue one in red and said
    in words; 「済にする」 takes it off."""
    visit_id = plan(session, org_id, [])
    past = dt.date.today() - dt.timedelta(days=3)
    later = dt.date.today() + dt.timedelta(days=10)
    visits.add_followup(session, FollowUp(visit_id=visit_id, action="資料を送る", due_on=later))
    late_id, _ = visits.add_followup(session, FollowUp(visit_id=visit_id, action="お礼状を出す", due_on=past))
    page = make_page(qtbot, session)
    proxy = page.followups.proxy
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == ["お礼状を出す", "資料を送る"]
    assert wording.OVERDUE in proxy.index(0, 0).data()
    assert proxy.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == OVERDUE_TEXT
    assert proxy.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert proxy.index(0, 2).data() == "株式会社みどり不動産"
    assert page.visit_list.model.index(0, 5).data(Qt.ItemDataRole.ForegroundRole).color().name() == OVERDUE_TEXT
    page.followups.table.selectRow(0)
    click(qtbot, page.followups.done_button)
    assert [f.id for f in visits.open_followups(session)] != [late_id]
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == ["資料を送る"]


def test_filters_leaving_with_unsaved_answers_and_delete_with_undo(qtbot, session, org_id, own_bank):
    """状態 filter; leaving the answer screen with unsaved input asks first; 削除 can be undone."""
    _bank_id, ids = own_bank
    visit_id = plan(session, org_id, ids)
    page = make_page(qtbot, session)
    page.visit_list.status_filter.setCurrentIndex(page.visit_list.status_filter.findData(RECORDED))
    assert shown_rows(page.visit_list.proxy) == [] and page.visit_list.count_label.text() == "1件中 0件"
    page.visit_list.clear_filters()
    assert page.visit_list.count_label.text() == "全1件"

    assert page.open_visit(visit_id)
    type_japanese(page.entry.rows[0].text_box, "書きかけ")
    answerer = BoxAnswerer(wording.CANCEL)
    click(qtbot, page.entry.back_button)
    answerer.stop()
    assert page.stack.currentIndex() == ENTRY  # stayed: the typing is kept
    assert page.entry.rows[0].value() == "書きかけ"
    answerer = BoxAnswerer(wording.DISCARD)
    click(qtbot, page.entry.back_button)
    answerer.stop()
    assert page.stack.currentIndex() == TABS and visits.answers_of(session, visit_id) == {}

    page.visit_list.select_id(visit_id)
    page.confirm = lambda *args: True
    click(qtbot, page.delete_button)
    assert shown_rows(page.visit_list.proxy) == [] and not page.notice.isHidden()
    click(qtbot, page.undo_button)
    assert page.visit_list.model.rowCount() == 1 and page.visit_list.selected_ids() == [visit_id]


def test_window_has_hearing_after_members_and_refreshes_it(qtbot, db_path):
    """The nav shows ヒアリング after 名簿; an organisation's change reaches the visit list."""

    window = open_window(qtbot, db_path)
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert names.index("ヒアリング") == names.index("名簿") + 2  # 地域の現状と資源 between them
    page = window.show_page("hearing")
    session = window.session
    organization_id, _ = organizations.save_organization(
        session, organizations.new_organization("その他", "みどり町商工会")
    )
    visit_id = plan(session, organization_id, [])
    window.ops.publish(Changes.of(Topic.VISITS))
    assert page.visit_list.model.rowCount() == 1
    org = organizations.get_organization(session, organization_id)
    _id, changes = organizations.save_organization(session, dataclasses.replace(org, name="みどり町商工会議所"))
    window.ops.publish(changes)
    assert shown_rows(page.visit_list.proxy)[0][1] == "みどり町商工会議所"
    assert page.open_visit(visit_id)
    assert not page.entry.no_questions.isHidden()  # no questions chosen: said, memo still possible


def test_visits_sort_by_organisation_in_gojuon_order(session, own_bank):
    """Sorting the visit list by 団体 follows よみがな (五十音), not the kanji's code order."""
    from PySide6.QtCore import QSortFilterProxyModel

    from kyojushien_desktop.services.hearing import visits as visit_service
    from kyojushien_desktop.ui.common.table_model import SORT_ROLE
    from kyojushien_desktop.ui.hearing.visit_models import VisitTableModel

    names = [("渡辺不動産", "わたなべふどうさん"), ("青葉住宅", "あおばじゅうたく"), ("北山管理", "きたやまかんり")]
    for name, kana in names:
        org = dataclasses.replace(organizations.new_organization("不動産事業者・団体", name), kana=kana)
        organization_id, _ = organizations.save_organization(session, org)
        plan(session, organization_id, own_bank[1])
    model = VisitTableModel()
    model.set_rows(visit_service.list_visits(session))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(row, 1).data() for row in range(proxy.rowCount())]
    assert shown == ["青葉住宅", "北山管理", "渡辺不動産"]


@completer_popup
def test_visit_dialog_picker_finds_organisations_as_the_directory_search_does(qtbot, session):
    """Typing あさひ in the visit dialog's 訪問先 lists アサヒ不動産, and 社協 lists the 社会福祉協議会:
    the picker folds kana and knows the trade's abbreviations, as the 名簿 search does."""
    for name, category in (("アサヒ不動産", "不動産事業者・団体"), ("みどり町社会福祉協議会", "福祉事業者・団体")):
        organizations.save_organization(session, organizations.new_organization(category, name))
    dialog = VisitDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    proxy = dialog.completer.proxy

    def listed(text: str) -> list[str]:
        dialog.organization.lineEdit().clear()
        dialog.organization.lineEdit().setText(text)
        dialog.organization.lineEdit().textEdited.emit(text)
        return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]

    assert listed("あさひ") == ["アサヒ不動産"]
    assert listed("社協") == ["みどり町社会福祉協議会"]
    dialog.discard()


def test_planned_visit_whose_day_passed_shows_as_awaiting_record(qtbot, session, org_id):
    """A visit still 予定 on a day already past shows as 記録待ち in the list (and its filter) and on
    ホーム; one in the future stays 予定."""
    past = plan(session, org_id, [], when=dt.datetime.combine(dt.date.today() - dt.timedelta(days=3), dt.time(10)))
    ahead = plan(session, org_id, [], when=dt.datetime.combine(dt.date.today() + dt.timedelta(days=3), dt.time(10)))
    page = make_page(qtbot, session)
    status = {row[0]: row[4] for row in shown_rows(page.visit_list.proxy)}
    assert sorted(status.values()) == sorted([AWAITING_RECORD, PLANNED])
    page.visit_list.status_filter.setCurrentIndex(page.visit_list.status_filter.findData(AWAITING_RECORD))
    assert [page.visit_list.proxy.index(r, 0).data(ID_ROLE) for r in range(page.visit_list.proxy.rowCount())] == [past]
    assert visits.get_visit(session, past).status == PLANNED  # shown, never stored
    assert ahead != past

    from kyojushien_desktop.services.overview import load_overview

    overview = load_overview(session)
    assert [name for _when, name in overview.awaiting_record] == ["株式会社みどり不動産"]


def test_mark_done_then_the_deleted_list_brings_a_visit_back(qtbot, session, org_id, own_bank):
    """「実施済にする」 on a planned visit (offered only for 予定); 削除 moves it to 削除済み, where
    「元に戻す」 brings it back with its answers."""
    _bank_id, ids = own_bank
    visit_id = plan(session, org_id, ids, when=dt.datetime.now() + dt.timedelta(days=2))
    page = make_page(qtbot, session)
    assert page.visit_list.select_id(visit_id)
    assert page.done_button.isEnabled()
    click(qtbot, page.done_button)
    assert visits.get_visit(session, visit_id).status == DONE
    assert shown_rows(page.visit_list.proxy)[0][4] == DONE
    assert not page.done_button.isEnabled()  # already done: nothing more to mark
    assert "回答はあとから入力できます" in page.notice_label.text() and page.undo_button.isHidden()

    visits.record_answers(session, visit_id, {ids[0]: "保証人のいない方が多い"})
    page.confirm = lambda *args: True
    click(qtbot, page.delete_button)
    assert shown_rows(page.visit_list.proxy) == []
    dialog = page.deleted_dialog()
    assert dialog.model.index(0, 0).data() == "株式会社みどり不動産"
    assert dialog.model.index(0, 1).data().startswith("令和")
    assert dialog.model.index(0, 3).data().startswith("令和")  # 削除した日時
    assert dialog.select_id(visit_id)
    click(qtbot, dialog.restore_button)
    assert dialog.model.rowCount() == 0 and not dialog.empty_label.isHidden()
    assert page.visit_list.selected_ids() == [visit_id]
    assert visits.answers_of(session, visit_id) == {ids[0]: "保証人のいない方が多い"}


def test_a_saved_follow_up_is_corrected_from_the_panel(qtbot, session, org_id):
    """「編集…」 on the 次の対応 panel: new wording and a 期限 that slipped are saved; an empty
    wording is refused beside its field and what was typed stays."""
    visit_id = plan(session, org_id, [])
    visits.add_followup(session, FollowUp(visit_id=visit_id, action="資料を送る", due_on=dt.date(2025, 6, 30)))
    page = make_page(qtbot, session)
    page.followups.table.selectRow(0)
    assert page.followups.edit_button.isEnabled()
    shown: list[str] = []

    def correct(dialog) -> bool:
        if not shown:
            assert dialog.action.text() == "資料を送る" and dialog.due.check.isChecked()
            dialog.action.clear()
        else:
            shown.append(dialog.errors.text("action"))
            assert dialog.action.text() == ""  # nothing typed was lost
            type_japanese(dialog.action, "資料と申込書を送る")
            pick_date(dialog.due.field, dt.date(2025, 7, 15))
        shown.append("opened")
        return dialog.try_accept()

    page.run_dialog = correct
    assert page.edit_followup()
    assert "入力してください" in shown[1]
    [saved] = visits.open_followups(session)
    assert (saved.action, saved.due_on) == ("資料と申込書を送る", dt.date(2025, 7, 15))
    assert page.followups.proxy.index(0, 1).data() == "資料と申込書を送る"

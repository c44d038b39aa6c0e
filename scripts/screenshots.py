"""Screenshots of every screen on the sample town, for a person to look at (run under Xvfb).

    DISPLAY=:99 python scripts/screenshots.py OUT_DIR

Besides each page it captures the 名簿: the list (also searched, and at 特大), one organisation's
record on each tab, the dialogs, and the import wizard on a deliberately messy spreadsheet; and the
ヒアリング: the visits, the plan dialog, the answer-entry screen (also at 特大), the 質問バンク and
the 回答の比較.
Nothing is shot from a modal loop: dialogs are built by the page's own methods and shown.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _ensure_directory(session) -> None:
    """A few organisations when the sample town has none yet, so the 名簿 shots are not empty."""
    import datetime as dt

    from kyojushien_desktop.domain.members import Contact, Person
    from kyojushien_desktop.services.members import contacts, organizations, people

    if organizations.list_organizations(session):
        return
    rows = (
        ("株式会社みどり不動産", "みどりふどうさん", "不動産事業者・団体", "0123-45-3321", ("物件",)),
        ("社会福祉法人みどり町社会福祉協議会", "みどりちょうしゃかいふくしきょうぎかい", "福祉事業者・団体", "", ()),
        ("NPO法人みどり住まいネット", "みどりすまいねっと", "居住支援法人", "0123-45-8810", ("見守り",)),
    )
    for name, kana, category, phone, tags in rows:
        org = dataclasses.replace(organizations.new_organization(category, name), kana=kana, phone=phone, tags=tags)
        organization_id, _ = organizations.save_organization(session, org)
        person_id, _ = people.save_person(
            session, Person(name="佐藤 一郎", organization_id=organization_id, started_on=dt.date(2022, 4, 1))
        )
        people.hand_over(session, person_id, Person(name="鈴木 花子", organization_id=0), dt.date(2025, 4, 1))
        contacts.add_contact(
            session, Contact(organization_id, dt.date(2025, 6, 12), "訪問", "協議会の説明に伺った", "山田 花子")
        )


def _ensure_hearing(session) -> None:
    """The sample town's round of hearings when the sample does not bring it yet."""
    from kyojushien_desktop.services.hearing import visits
    from kyojushien_desktop.services.hearing.sample_visits import add_sample_hearing

    if not visits.list_visits(session):
        add_sample_hearing(session)


def _hearing_shots(window, shoot) -> None:
    """ヒアリング: the visit list, the plan dialog, the answer-entry screen (also with a wrong
    数値 marked), the 質問バンク with its dialog, the 回答の比較 and the print dialog."""
    from kyojushien_desktop.domain.hearing import RECORDED
    from kyojushien_desktop.services.hearing import question_banks, visits
    from kyojushien_desktop.ui.hearing.page import BANKS_TAB, COMPARE_TAB, VISITS_TAB

    page = window.page("hearing")
    session = window.session
    window.nav.setCurrentRow(window.pages.index(page))
    page.tabs.setCurrentIndex(VISITS_TAB)
    rows = visits.list_visits(session)
    if rows:
        page.select_id(rows[0].id)
    shoot("hearing_1_visits")

    plan = page.visit_dialog()
    estate = next((o for o in plan.organizations if "不動産" in o.category), None)
    if estate is not None:
        plan.organization.setCurrentIndex(plan.organization.findData(estate.id))
    plan.show()
    shoot("hearing_2_dialog_plan", plan)
    plan.close()
    if rows:
        edit = page.visit_dialog(rows[0].id)
        edit.show()
        shoot("hearing_2_dialog_edit", edit)
        edit.close()

    recorded = [r for r in rows if r.status == RECORDED]
    richest = max(recorded or rows, key=lambda r: (r.answered_count, r.question_count), default=None)
    if richest is not None:
        page.open_visit(richest.id)
        shoot("hearing_3_answers_top")
        bar = page.entry.scroll.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        shoot("hearing_3_answers_middle")
        bar.setValue(bar.maximum())
        shoot("hearing_3_answers_bottom")
        number_row = next((r for r in page.entry.rows if r.line is not None), None)
        if number_row is not None:
            number_row.line.setText("30くらい")
            page.entry.save()
            shoot("hearing_3_answers_error")
        page.show_list(ask=False)

    page.tabs.setCurrentIndex(BANKS_TAB)
    editor = page.bank_editor
    guide = question_banks.find_bank(session, "real_estate")
    editor.select_bank(guide.id)
    editor.question_table.selectRow(0)
    shoot("hearing_4_banks")
    own = next((b for b in question_banks.list_banks(session) if not b.from_guide), None)
    if own is not None and own.id is not None:
        editor.select_bank(own.id)
        choice = next((n for n, q in enumerate(editor.question_model.questions()) if q.answer_type == "choice"), 0)
        editor.question_table.selectRow(choice)
        shoot("hearing_4_banks_own")
        dialog = editor.question_dialog(editor.selected_question())
        dialog.show()
        shoot("hearing_4_dialog_question", dialog)
        dialog.close()
    editor.select_bank(guide.id)
    editor.question_table.selectRow(0)
    dialog = editor.question_dialog(editor.selected_question())
    dialog.show()
    shoot("hearing_4_dialog_guide_question", dialog)
    dialog.close()

    page.tabs.setCurrentIndex(COMPARE_TAB)
    page.compare.set_bank(guide.id)
    shoot("hearing_5_compare")
    if own is not None and own.id is not None:
        page.compare.set_bank(own.id)
        shoot("hearing_5_compare_own")

    page.tabs.setCurrentIndex(VISITS_TAB)
    planned = [r for r in rows if r.status == "予定"][:3]
    for number, row in enumerate(planned):
        page.select_id(row.id, add=number > 0)
    printing = page.print_dialog(page.selected_visits())
    printing.show()
    shoot("hearing_6_dialog_print", printing)
    printing.close()


def _messy_xlsx(path: Path) -> Path:
    """What a town hall's own list tends to look like: a title row, a blank line, header names
    of its own, full-width digits, 表記ゆれ of names already in the 名簿, and a few mistakes."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "関係団体"
    sheet.append(["みどり町 居住支援 関係団体一覧（R7.4 福祉課作成）"])
    sheet.append([])
    sheet.append(["No.", "団体名", "フリガナ", "種別", "TEL", "担当者名", "役職", "E-mail", "メモ"])
    data = [
        (
            1,
            "㈱みどり不動産",
            "ミドリフドウサン",
            "不動産事業者・団体",
            "０１２３－４５－３３２１",
            "田中",
            "",
            "",
            "既存と同じ？",
        ),
        (2, "有限会社 若葉ハウジング", "ワカバハウジング", "不動産", "0123-45-7788", "小川 直樹", "代表", "", ""),
        (3, "グループホームこもれび", "こもれび", "福祉事業者・団体", "0123-46-1200", "林", "管理者", "komorebi@", ""),
        (4, "", "", "居住支援法人", "0123-46-9999", "", "", "", "名称が空欄"),
        (5, "みどり町社会福祉協議会", "ミドリチョウシャキョウ", "社協", "0123-46-3000", "", "", "", "法人格なしの表記"),
        (6, "すずらん訪問介護", "鈴蘭ほうもん", "福祉事業者・団体", "0123-46-4455", "", "", "", ""),
        (7, "みどり町商工会", "ミドリチョウショウコウカイ", "その他", "0123-45-2000", "坂本", "事務局長", "", ""),
    ]
    for row in data:
        sheet.append(list(row))
    sheet.append([])
    sheet.append(
        [8, "ひだまり法律事務所", "ひだまりほうりつじむしょ", "弁護士・司法書士等", "0123-48-1111", "", "", "", ""]
    )
    book.save(path)
    return path


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp())
    os.environ["KYOJUSHIEN_HOME"] = str(home)

    from PySide6.QtWidgets import QApplication, QWidget

    from kyojushien_desktop.services import timeline
    from kyojushien_desktop.services.common.changes import Changes, Topic
    from kyojushien_desktop.services.hearing import visits
    from kyojushien_desktop.services.members import organizations
    from kyojushien_desktop.services.sample import create_sample
    from kyojushien_desktop.ui.common.fonts import apply_font_size, apply_style
    from kyojushien_desktop.ui.home.town_dialog import TownDialog
    from kyojushien_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    apply_font_size(app, 10.5)
    apply_style(app)
    db = home / "見本_みどり町.db"
    session = create_sample(db)
    _ensure_directory(session)
    _ensure_hearing(session)
    session.close()
    window = MainWindow()
    window.resize(1200, 760)
    window.show()
    window.open_file(db)

    def shoot(name: str, widget: QWidget | None = None) -> None:
        for _ in range(5):
            app.processEvents()
        (widget or window).grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    for row, page in enumerate(window.pages):
        window.nav.setCurrentRow(row)
        shoot(f"page_{row}_{page.title}")
    dialog = TownDialog(window, first_start=True)
    dialog.show()
    shoot("dialog_first_start", dialog)
    dialog.close()

    # --- 名簿 ------------------------------------------------------------------------------
    members = window.page("members")
    window.nav.setCurrentRow(window.pages.index(members))
    members.search.setText("ﾌｸｼ")
    members.apply_search()
    shoot("members_1_search")
    members.clear_filters()
    members.category_filter.setCurrentIndex(members.category_filter.findData("不動産事業者・団体"))
    shoot("members_2_filtered")
    members.clear_filters()

    session = window.session
    rows = organizations.list_organizations(session)
    richest = max(rows, key=lambda r: (len(timeline.for_organization(session, r.id)), r.sort_kana))
    members.select_id(richest.id)
    members.open_selected()
    view = members.view
    for number, name in enumerate(("info", "people", "timeline", "history")):
        view.tabs.setCurrentIndex(number)
        shoot(f"members_3_record_{number}_{name}")
    view.tabs.setCurrentIndex(1)
    current = next((p for p in view.people if p.is_current), None)
    if current is not None:
        view.select_person(current.id)
        hand_over = view.hand_over_dialog(current)
        hand_over.show()
        shoot("members_4_dialog_hand_over", hand_over)
        hand_over.close()
    contact = view.contact_dialog()
    contact.show()
    shoot("members_4_dialog_contact", contact)
    contact.close()
    edit = view.organization_dialog()
    edit.show()
    shoot("members_4_dialog_edit", edit)
    edit.close()
    members.show_list()

    new = members.organization_dialog()
    new.show()
    shoot("members_5_dialog_new", new)
    new.kana.setText("緑不動産")
    new.email.setText("midori@")
    new.try_accept()
    shoot("members_5_dialog_errors", new)
    new.kana.clear()
    new.email.clear()
    new.name.setText("(株) みどり不動産")
    new.try_accept()
    shoot("members_5_dialog_duplicate", new)
    new.close()

    columns = members.columns_dialog()
    columns.show()
    shoot("members_6_dialog_columns", columns)
    columns.close()

    victim = next(r for r in rows if r.id != richest.id)
    organizations.delete_organization(session, victim.id)
    window.ops.publish(Changes.of(Topic.ORGANIZATIONS))
    members._after_delete(victim.id, victim.name)
    shoot("members_7_after_delete")
    deleted = members.deleted_dialog()
    deleted.show()
    shoot("members_7_dialog_deleted", deleted)
    deleted.close()

    # --- 取り込み: the real handler, with the file chosen and the modal loop replaced ----------
    messy = _messy_xlsx(home / "関係団体一覧_R7.xlsx")
    members.choose_import_file = lambda: messy

    def capture(wizard) -> bool:
        wizard.show()
        shoot("members_8_import_mapping", wizard)
        wizard.next_step()
        shoot("members_8_import_preview", wizard)
        wizard.skip_bad.setChecked(True)
        shoot("members_8_import_preview_skip_bad", wizard)
        wizard.close()
        return False

    members.run_dialog = capture
    members.import_members()

    # --- ヒアリング ---------------------------------------------------------------------------
    _hearing_shots(window, shoot)

    # --- larger text: the list and a record at 特大 -----------------------------------------
    window.nav.setCurrentRow(window.pages.index(members))
    window._set_font_size("特大")  # as 設定 does it
    shoot("members_9_list_large_text")
    members.open_organization(richest.id)
    view.tabs.setCurrentIndex(2)
    shoot("members_9_record_large_text")
    members.show_list()
    hearing = window.page("hearing")
    window.nav.setCurrentRow(window.pages.index(hearing))
    shoot("hearing_9_visits_large_text")
    answered = max(visits.list_visits(session), key=lambda r: r.answered_count, default=None)
    if answered is not None:
        hearing.open_visit(answered.id)
        shoot("hearing_9_answers_large_text")
        bar = hearing.entry.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        shoot("hearing_9_answers_large_text_bottom")
        hearing.show_list(ask=False)
    large_plan = hearing.visit_dialog(answered.id if answered is not None else None)
    large_plan.show()
    shoot("hearing_9_dialog_plan_large_text", large_plan)
    large_plan.close()
    window._set_font_size("標準")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Screenshots of every screen on the sample town, for a person to look at, at the two sizes a
town hall meets: 1024×700 at 文字の大きさ 標準 and 1366×768 at 特大.

    python scripts/screenshots.py OUT_DIR

Each size runs in its own process on Qt's offscreen platform with a screen of that size, and
writes ``OUT_DIR/<size>/*.png`` and ``report.txt``: every button, label or combo whose text does
not fit, every list that scrolls sideways, and every dialog larger than the screen. Nothing is
shot from a modal loop: dialogs are built by the pages' own methods and shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SIZES = {"1024x700_標準": (1024, 700, "標準"), "1366x768_特大": (1366, 768, "特大")}


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    if len(sys.argv) > 2:
        return shoot_all(out / sys.argv[2], *SIZES[sys.argv[2]])
    failed = 0
    for name, (width, height, _font) in SIZES.items():
        config = Path(tempfile.mkdtemp()) / "screen.json"
        screen = {"name": name, "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
        config.write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}))
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
        failed |= subprocess.call([sys.executable, __file__, str(out), name], env=env)
        print((out / name / "report.txt").read_text("utf-8"))
    return failed


def shoot_all(out: Path, width: int, height: int, font: str) -> int:
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QComboBox, QLabel, QWidget

    from kyojushien_desktop.ui.common.fonts import apply_font_size, apply_style

    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp())
    os.environ["KYOJUSHIEN_HOME"] = str(home)
    app = QApplication(sys.argv)
    apply_font_size(app, 10.5)
    apply_style(app)
    report = (out / "report.txt").open("w", encoding="utf-8")

    def note(text: str) -> None:
        report.write(text + "\n")
        report.flush()

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    def problems(widget: QWidget) -> list[str]:
        """What a person would see cut off: text wider than its widget, a sideways scrollbar."""
        found = []
        for child in widget.findChildren(QWidget):
            if not child.isVisibleTo(widget):
                continue
            if isinstance(child, QAbstractButton | QLabel) and child.text() and not child.text().startswith("<"):
                wraps = isinstance(child, QLabel) and child.wordWrap()
                if not wraps and child.width() + 2 < child.sizeHint().width():
                    found.append(f"「{child.text()[:30]}」 {child.width()}px, needs {child.sizeHint().width()}px")
            elif isinstance(child, QComboBox) and child.count():
                text = child.currentText()
                if child.fontMetrics().horizontalAdvance(text) + 28 > child.width():
                    found.append(f"combo 「{text}」 cut at {child.width()}px")
            if isinstance(child, QAbstractScrollArea) and child.horizontalScrollBar().maximum() > 0:
                found.append(f"scrolls sideways: {type(child).__name__} {child.objectName()}")
        return found

    def shoot(name: str, widget: QWidget | None = None) -> None:
        settle()
        shown = widget or window
        shown.grab().save(str(out / f"{name}.png"))
        big = " — LARGER THAN THE SCREEN" if shown.width() > width or shown.height() > height else ""
        note(f"{name}: {shown.width()}×{shown.height()}{big}")
        for problem in problems(shown):
            note(f"    {problem}")

    def dialog(name: str, shown: QWidget) -> None:
        shown.show()
        shoot(name, shown)
        shown.close()

    from kyojushien_desktop.services.sample import create_sample
    from kyojushien_desktop.ui.home.town_dialog import TownDialog
    from kyojushien_desktop.ui.main_window import MainWindow

    db = home / "見本_みどり町.db"
    session = create_sample(db)
    _sample_meetings(session)
    session.close()

    window = MainWindow()
    if font != "標準":
        window._set_font_size(font)  # as 設定 does it
    window.resize(width, height)
    window.show()
    shoot("00_start_no_file")
    dialog("00_dialog_first_start", TownDialog(window, first_start=True))
    window.open_file(db)
    window.resize(width, height)
    for number, page in enumerate(window.pages):
        window.nav.setCurrentRow(number)
        shoot(f"01_page_{number}_{page.title}")
    _members(window, shoot, dialog, home)
    from screenshots_region import shoot_region  # beside this script

    shoot_region(window, shoot, dialog)
    _hearing(window, shoot, dialog)
    _meetings(window, shoot, dialog)
    _progress(window, shoot, dialog)
    _diagnosis(window, shoot, dialog)
    _shell(window, shoot, dialog)
    _handover(window, shoot, dialog, home)
    note(f"window {window.width()}×{window.height()} on a {width}×{height} screen at {font}")
    report.close()
    window.close()
    return 0


def _members(window, shoot, dialog, home: Path) -> None:
    """名簿: searched and filtered, one organisation's record on each tab, its dialogs, a delete
    with 削除済み, and the import wizard on a deliberately messy spreadsheet."""
    from kyojushien_desktop.services import timeline
    from kyojushien_desktop.services.members import organizations

    members = window.show_page("members")
    members.search.setText("ﾌｸｼ")
    members.apply_search()
    shoot("02_members_searched")
    members.clear_filters()
    members.category_filter.setCurrentIndex(members.category_filter.findData("不動産事業者・団体"))
    shoot("02_members_filtered")
    members.clear_filters()

    session = window.session
    rows = organizations.list_organizations(session)
    richest = max(rows, key=lambda r: (len(timeline.for_organization(session, r.id)), r.sort_kana))
    members.open_organization(richest.id)
    view = members.view
    for number, name in enumerate(("info", "people", "timeline", "history")):
        view.tabs.setCurrentIndex(number)
        shoot(f"03_record_{number}_{name}")
    view.tabs.setCurrentIndex(1)
    current = next((p for p in view.people if p.is_current), None)
    if current is not None:
        dialog("04_dialog_person", view.person_dialog(current))
        dialog("04_dialog_hand_over", view.hand_over_dialog(current))
    dialog("04_dialog_contact", view.contact_dialog())
    dialog("04_dialog_organization_edit", view.organization_dialog())
    members.show_list()

    new = members.organization_dialog()
    new.show()
    shoot("05_dialog_organization_new", new)
    new.kana.setText("緑不動産")
    new.email.setText("midori@")
    new.try_accept()
    shoot("05_dialog_organization_errors", new)
    new.kana.clear()
    new.email.clear()
    new.name.setText("(株) みどり不動産")
    new.category.setCurrentIndex(new.category.findText("不動産事業者・団体"))
    new.try_accept()
    shoot("05_dialog_organization_duplicate", new)
    new.discard()
    dialog("06_dialog_columns", members.columns_dialog())

    victim = next(r for r in rows if r.id != richest.id)
    members.confirm = lambda *args: True
    members.select_id(victim.id)
    members.open_organization(victim.id)
    view.confirm = lambda *args: True
    view.delete_organization()
    shoot("07_members_after_delete")
    dialog("07_dialog_deleted_organizations", members.deleted_dialog())

    messy = _messy_xlsx(home / "関係団体一覧_R7.xlsx")
    members.choose_import_file = lambda: messy

    def capture(wizard) -> bool:
        wizard.show()
        shoot("08_import_mapping", wizard)
        wizard.next_step()
        shoot("08_import_preview", wizard)
        wizard.skip_bad.setChecked(True)
        shoot("08_import_preview_skip_bad", wizard)
        wizard.done(0)  # not reject(): that asks about the choices made
        return False

    members.run_dialog = capture
    members.import_members()


def _hearing(window, shoot, dialog) -> None:
    """ヒアリング: the visits with their 次の対応, the plan dialog, the answer-entry screen (also
    with a wrong 数値 marked), the 質問バンク, the 回答の比較, printing and 削除済み."""
    from kyojushien_desktop.domain.hearing import PLANNED, RECORDED
    from kyojushien_desktop.services.hearing import question_banks, visits
    from kyojushien_desktop.ui.hearing.page import BANKS_TAB, COMPARE_TAB, VISITS_TAB

    page = window.show_page("hearing")
    session = window.session
    rows = visits.list_visits(session)
    page.tabs.setCurrentIndex(VISITS_TAB)
    if rows:
        page.visit_list.select_id(rows[0].id)
    shoot("10_hearing_visits")
    page.followups.table.selectRow(0)
    followup = page.followups.selected()
    if followup is not None:
        dialog("10_dialog_followup_edit", page.followup_dialog(followup))

    plan = page.visit_dialog()
    estate = next((o for o in plan.organizations if "不動産" in o.category), None)
    if estate is not None:
        plan.organization.setCurrentIndex(plan.organization.findData(estate.id))
    dialog("11_dialog_visit_plan", plan)
    recorded = [r for r in rows if r.status == RECORDED]
    richest = max(recorded or rows, key=lambda r: (r.answered_count, r.question_count), default=None)
    if richest is None:
        return
    dialog("11_dialog_visit_edit", page.visit_dialog(richest.id))

    page.open_visit(richest.id)
    shoot("12_answers_top")
    bar = page.entry.scroll.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    shoot("12_answers_middle")
    bar.setValue(bar.maximum())
    shoot("12_answers_bottom")
    number_row = next((r for r in page.entry.rows if r.line is not None), None)
    if number_row is not None:
        number_row.line.setText("30くらい")
        page.entry.save()
        shoot("12_answers_error")
    page.show_list(ask=False)

    page.tabs.setCurrentIndex(BANKS_TAB)
    editor = page.bank_editor
    guide = question_banks.find_bank(session, "real_estate")
    editor.select_bank(guide.id)
    editor.question_table.selectRow(0)
    shoot("13_banks")
    dialog("13_dialog_guide_question", editor.question_dialog(editor.selected_question()))

    page.tabs.setCurrentIndex(COMPARE_TAB)
    page.compare.bank.setCurrentIndex(page.compare.bank.findData(guide.id))
    shoot("14_compare")

    page.tabs.setCurrentIndex(VISITS_TAB)
    planned = [r for r in rows if r.status == PLANNED][:3]
    for number, row in enumerate(planned):
        page.visit_list.select_id(row.id, add=number > 0)
    dialog("15_dialog_print", page.print_dialog(page.visit_list.selected_visits()))
    page.visit_list.select_id(rows[-1].id)
    page.confirm = lambda *args: True
    page.delete_visit()
    shoot("16_hearing_after_delete")
    dialog("16_dialog_deleted_visits", page.deleted_dialog())


def _sample_meetings(session) -> None:
    """Until the sample town has meetings of its own: a held グループワーク with its participants,
    groups, survey forms and record, and an 意見交換会 next month with part of its checklist done."""
    import dataclasses
    import datetime as dt

    from kyojushien_desktop.domain.followups import FollowUp
    from kyojushien_desktop.domain.meetings import Meeting, ProgramItem
    from kyojushien_desktop.services.meetings import checklist, meetings, participants, survey
    from kyojushien_desktop.services.members import organizations

    if meetings.list_meetings(session):
        return
    today = dt.date.today()
    held = Meeting(
        kind="グループワーク",
        title="第3回 相互理解グループワーク",
        starts_at=dt.datetime.combine(today - dt.timedelta(days=20), dt.time(14, 0)),
        ends_at=dt.time(16, 30),
        venue="みどり町役場 3階 大会議室",
        organizer="建設課 住宅係",
        co_organizers="福祉課、みどり町社会福祉協議会",
        phase=3,
        goal_stage="相互理解",
        goal="不動産関係者や福祉関係団体との顔が見える関係ができ、得意なことや困りごとを知っている",
        theme="住宅と福祉、お互いについて知ろう",
        participants_situation="福祉関係者が、不動産関係者の困りごと等を知らない\n不動産関係者が、福祉と連携するメリットや連携方法を知らない",
        facilitator="山田（建設課）",
        seating="少人数のグループ形式（4〜6人×4グループ）",
        lecture_summary="不動産団体から、高齢の単身者の入居で大家さんが心配することを伺った。",
        minutes="・見守りの仕組みがあれば貸せる物件は多い\n・保証会社の審査に通らない方の相談先が分からない",
        opinions="福祉の支援がつくなら受け入れたいという声が多かった。",
        review_impressions="不動産の方から「相談先の一覧がほしい」という具体的な声。",
        next_plans="次回は入居前・入居中・退居時の課題を洗い出す。",
    )
    meeting_id, _ = meetings.save_meeting(
        session,
        held,
        [
            ProgramItem("開会・趣旨説明", "14:00", "建設課 住宅係"),
            ProgramItem("話題提供「賃貸の現場から」", "14:10", "宅建協会 支部"),
            ProgramItem("グループワーク", "14:40", "進行: 山田"),
            ProgramItem("全体共有・閉会", "16:00"),
        ],
    )
    rows = organizations.list_organizations(session)
    picked = [r for r in rows if not r.internal][:14] + [r for r in rows if r.internal][:6]
    participants.invite(session, meeting_id, [(r.id, None) for r in picked])
    everyone = participants.participants_of(session, meeting_id)
    participants.set_attendance(session, [p.id for p in everyone[:17]], "出席")
    participants.set_attendance(session, [p.id for p in everyone[17:19]], "欠席")
    everyone = participants.participants_of(session, meeting_id)
    proxy = dataclasses.replace(everyone[19], attendance="代理出席", proxy_name="代理 花子")
    participants.save_participant(session, proxy)
    for online in everyone[2:4]:
        participants.save_participant(session, dataclasses.replace(online, attend_mode="オンライン"))
    participants.make_meeting_groups(session, meeting_id, 5)
    participants.save_group_notes(
        session, meeting_id, {1: "見守りと家賃保証の組み合わせが鍵", 2: "相談窓口の一覧がほしい"}
    )
    questions = survey.questions_of(session, meeting_id)
    for number in range(1, 13):
        survey.save_response(
            session,
            meeting_id,
            number,
            {questions[0].id: str(1 + number % 3), questions[1].id: str(1 + number % 2), questions[2].id: "1"},
        )
    for step in checklist.items_of(session, meeting_id):
        if step.timing == "before":
            checklist.complete(session, step.id, step.due_on)
    meetings.set_status(session, meeting_id, "開催済")
    meetings.add_followup(
        session,
        FollowUp(
            visit_id=None, action="開催レポートを各課に配る", due_on=today + dt.timedelta(days=3), meeting_id=meeting_id
        ),
    )
    planned = Meeting(
        kind="意見交換会",
        title="入居前・入居中・退居時の課題を考える意見交換会",
        starts_at=dt.datetime.combine(today + dt.timedelta(days=30), dt.time(13, 30)),
        venue="みどり町 保健福祉センター",
        goal_stage="課題の洗い出し",
        status="案内済",
    )
    planned_id, _ = meetings.save_meeting(session, planned)
    participants.invite(session, planned_id, [(r.id, None) for r in picked[:12]])
    for item in checklist.items_of(session, planned_id)[:2]:
        checklist.complete(session, item.id, today - dt.timedelta(days=3))
    dropped = Meeting(kind="課内ミーティング", title="課内ミーティング（日程変更のため中止）", starts_at=held.starts_at)
    meetings.delete_meeting(session, meetings.save_meeting(session, dropped)[0])


def _meetings(window, shoot, dialog) -> None:
    """会議・勉強会: the list, each tab of a held meeting's record (the planner with its guide, the
    checklist, participants, groups, record, survey), and the dialogs."""
    from kyojushien_desktop.services.meetings import meetings
    from kyojushien_desktop.ui.meetings import page as meetings_page

    page = window.show_page("meetings")
    rows = meetings.list_meetings(window.session)
    if not rows:
        return
    page.meeting_list.select_id(rows[-1].id)
    shoot("30_meetings_list")
    dialog("30_dialog_new_meeting", page.new_meeting_dialog())
    richest = max(rows, key=lambda r: (r.attending, r.invited))
    page.open_meeting(richest.id)
    planner = page.planner
    shoot("31_meeting_planner_top")
    lecture = planner.guide.themes_caption
    planner.guide.ensureWidgetVisible(lecture, 0, 200)
    shoot("31_meeting_planner_guide")
    planner.form_scroll.verticalScrollBar().setValue(planner.form_scroll.verticalScrollBar().maximum())
    planner.guide.verticalScrollBar().setValue(planner.guide.verticalScrollBar().maximum() // 2)
    shoot("31_meeting_planner_bottom")
    page.tabs.setCurrentIndex(meetings_page.CHECKLIST_TAB)
    page.checklist.table.selectRow(2)
    shoot("32_meeting_checklist")
    item = page.checklist.selected()
    if item is not None:
        dialog("32_dialog_step", page.checklist.step_dialog(item))
    page.tabs.setCurrentIndex(meetings_page.PARTICIPANTS_TAB)
    page.participants.table.selectRow(0)
    shoot("33_meeting_participants")
    dialog("33_dialog_invite", page.participants.invite_dialog())
    dialog("33_dialog_guest", page.participants.guest_dialog())
    page.tabs.setCurrentIndex(meetings_page.GROUPS_TAB)
    page.groups.table.selectRow(0)
    shoot("34_meeting_groups")
    page.tabs.setCurrentIndex(meetings_page.RECORD_TAB)
    shoot("35_meeting_record_top")
    bar = page.record.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    shoot("35_meeting_record_bottom")
    page.tabs.setCurrentIndex(meetings_page.SURVEY_TAB)
    shoot("36_meeting_survey")
    from kyojushien_desktop.ui.meetings.report_options import ReportOptionsDialog

    dialog("37_dialog_report_options", ReportOptionsDialog("pdf", page))
    page.show_list(ask=False)
    dialog("38_dialog_deleted_meetings", page.deleted_dialog())


def _progress(window, shoot, dialog) -> None:
    """フェーズ進捗: a 目安 with suggestions and linked evidence (a record and a document), a phase's
    row, the 資料を追加 dialog, the second tab; then ホーム with its 現在地."""
    from kyojushien_desktop.domain.progress import DOCUMENT, Evidence
    from kyojushien_desktop.services.progress import progress, suggestions

    session = window.session
    if not progress.history(session):  # until the sample town has progress of its own
        for milestone_id in ("1-1", "1-2", "1-3", "1-4"):
            progress.set_status(session, milestone_id, "達成", note="担当課で共有した")
        progress.set_status(session, "1-5", "取組み中")
    found = suggestions.suggestions(session)
    richest = max({s.milestone_id for s in found}, key=lambda m: sum(s.milestone_id == m for s in found))
    first = next(s for s in found if s.milestone_id == richest)
    progress.link_evidence(session, Evidence(richest, first.kind, first.ref_id, first.title))
    progress.link_evidence(session, Evidence(richest, DOCUMENT, title="庁内勉強会の資料", place="共有フォルダ\\住宅係"))
    progress.set_status(session, richest, "取組み中", note="ヒアリングで手応えがあった")
    page = window.show_page("progress")
    page.reload(progress.CHANGES)
    page.table.selectRow(page.model.row_of(richest))
    shoot("40_progress_milestone_top")
    bar = page.side.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    shoot("40_progress_milestone_middle")
    bar.setValue(bar.maximum())
    shoot("40_progress_milestone_bottom")
    dialog("41_dialog_document", page.milestone_panel.evidence.document_dialog())
    page.table.selectRow(page.model.row_of(phase=2))
    shoot("42_progress_phase")
    page.tabs.setCurrentIndex(1)
    shoot("43_progress_timeline")
    page.tabs.setCurrentIndex(0)
    window.show_page("home")
    shoot("44_home_position")


def _diagnosis(window, shoot, dialog) -> None:
    """診断シート: a round of five (住宅 and 福祉 sides), one respondent's sheet being typed in,
    the comparison with names and with A, B, C …, and the two dialogs."""
    import dataclasses
    import datetime as dt

    from kyojushien_desktop.content.diagnosis import diagnosis_sheet
    from kyojushien_desktop.domain.diagnosis import Respondent, Round
    from kyojushien_desktop.services.diagnosis import rounds
    from kyojushien_desktop.ui.diagnosis import page as diagnosis_page

    session = window.session
    if not rounds.list_rounds(session):  # until the sample town has rounds of its own
        round_id, _ = rounds.save_round(
            session, Round(name="令和8年度 第1回", held_on=dt.date(2026, 6, 12), purpose="住宅と福祉の目線合わせ")
        )
        people = (
            ("山田 花子", "建設課 住宅係", "住宅", "係長", 1),
            ("中村 誠", "建設課 住宅係", "住宅", "主事", 0),
            ("佐藤 健", "福祉課 高齢者係", "福祉", "係長", -1),
            ("高橋 美咲", "福祉課 障害福祉係", "福祉", "主事", -1),
            ("伊藤 大輔", "福祉課 生活支援係", "福祉", "主査", 0),
        )
        for number, (name, division, bureau, title, lean) in enumerate(people):
            scores = {}
            for item in diagnosis_sheet().items:
                base = 3 + (lean if item.phase == 3 else 0) - (lean if item.id == "2-1" else 0)
                scores[item.id] = max(1, min(5, base + (number + int(item.id[-1])) % 3 - 1))
            person = Respondent(round_id=round_id, name=name, division=division, bureau=bureau, title=title)
            free = "福祉の窓口で住まいの相談を受けても、つなぎ先が分からない。" if bureau == "福祉" else ""
            rounds.save_respondent(session, dataclasses.replace(person, scores=scores, free_answer=free))
    page = window.show_page("diagnosis")
    page.reload(rounds.CHANGES)
    shoot("50_diagnosis_rounds")
    page.open_person(0)
    page.entry.table.setCurrentIndex(page.entry.model.index(5, 2))
    shoot("51_diagnosis_entry")
    page.show_list(ask=False)
    page.tabs.setCurrentIndex(diagnosis_page.COMPARE_TAB)
    page.compare.widest.topLevelItem(0).setSelected(True)
    shoot("52_diagnosis_compare")
    page.compare.hide_names.setChecked(True)
    page.compare.bureau.setCurrentIndex(1)
    shoot("53_diagnosis_compare_anonymous_bureau")
    page.compare.hide_names.setChecked(False)
    page.compare.bureau.setCurrentIndex(0)
    page.tabs.setCurrentIndex(diagnosis_page.ROUNDS_TAB)
    dialog("54_dialog_new_round", page.new_round_dialog())
    dialog("55_dialog_respondent", page.respondent_dialog(page.round_id()))


def _shell(window, shoot, dialog) -> None:
    """ヘルプ and ファイル > バックアップから復元."""
    from kyojushien_desktop.ui.common import dialogs
    from kyojushien_desktop.ui.common.restore_dialog import RestoreDialog

    dialog("20_dialog_help_usage", dialogs.TextDialog("使い方", dialogs.usage_html(), window))
    dialog("20_dialog_help_guide", dialogs.TextDialog("手引きについて", dialogs.guide_info_html(), window))
    from kyojushien_desktop.ui.common.guide_reader import GuideReaderDialog

    reader = GuideReaderDialog(window)
    reader.show()
    for row in range(reader.sections.count()):  # each section of the guide, from its top
        reader.sections.setCurrentRow(row)
        shoot(f"20_dialog_read_guide_{row + 1}", reader)
    reader.close()
    dialog("21_dialog_restore", RestoreDialog(window.session.path, window))


def _handover(window, shoot, dialog, home: Path) -> None:
    """引き継ぎ: 引き継ぐ with the 引継ぎ事項, はじめての方へ before anything arrived, the pack dialog
    (encrypted, and with encryption off), the passphrase and confirmation of a received file, and
    はじめての方へ after it was opened (last: the window then holds the received file)."""
    import datetime as dt

    from kyojushien_desktop.services.handover import notes, package
    from kyojushien_desktop.ui.handover import page as handover_page
    from kyojushien_desktop.ui.handover.pack_dialog import PackDialog
    from kyojushien_desktop.ui.handover.receive import PassphraseDialog, ReceiveDialog

    session = window.session
    if not any(entry.note.text for entry in notes.load_notes(session)):  # until the sample town has them
        notes.save_notes(
            session,
            {
                "policy": "・取組みの方針：福祉課と住宅係が同じ目線で進める\n・続けてほしいこと：不動産店への訪問",
                "concerns": "・調整中のこと（相手・期限）：社協と相談窓口の分担（令和9年5月まで）",
                "cautions": "・書類とデータの扱い：名簿は庁外に出さない",
            },
        )
    page = window.show_page("handover")
    page.reload(notes.save_notes(session, {}))
    page.tabs.setCurrentIndex(handover_page.OUTGOING)
    shoot("60_handover_outgoing_top")
    bar = page.outgoing.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    shoot("60_handover_outgoing_bottom")
    page.tabs.setCurrentIndex(handover_page.WELCOME)
    shoot("61_handover_welcome_empty")
    pack = PackDialog(session, window.prefs, window)
    dialog("62_dialog_pack", pack)
    pack.confirm_no_encryption = lambda: True
    pack.encrypt.setChecked(False)
    dialog("62_dialog_pack_no_encryption", pack)
    phrase = "K7QM-3XRP-ABCD-EFGH-JKLM"
    made = package.pack(session, home / "引き継ぎ.kyoju", phrase, now=dt.datetime(2027, 3, 27, 15, 30))
    asking = PassphraseDialog(made.path, window)
    asking.phrase.setText("K7QM-3XRP")
    asking.check()
    dialog("63_dialog_passphrase_wrong", asking)
    dest = home / "受け取り" / "kyojushien.db"
    dialog("64_dialog_receive", ReceiveDialog(made.manifest, dest, session.path, window))
    opened = package.open_package(made.path, phrase, dest)
    window.open_file(opened.path)
    window.show_page("handover").show_welcome()
    shoot("65_handover_welcome")


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
    rows = [
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
        (8, "計", "", "", "", "", "", "", ""),
    ]
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


if __name__ == "__main__":
    raise SystemExit(main())

"""The main window with real widgets (offscreen), a real data file, typing and clicking."""

import datetime as dt
import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.settings import TownSettings, load_settings, save_settings
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.store import lock
from kyojushien_desktop.ui.common import messages, wording
from kyojushien_desktop.ui.home.town_dialog import TownDialog
from tests.ui.boxes import BoxAnswerer
from tests.ui.handover.driver import Driver
from tests.ui.pages import open_window, timeline_entries
from tests.ui.typing import type_japanese
from tests.visit_forms import new_visit


def test_settings_typed_and_saved_reach_file_and_home(qtbot, db_path):
    """Typing the town's facts on 設定 and pressing 保存 stores them and the home page shows them."""
    window = open_window(qtbot, db_path)
    page = window.show_page("settings")
    window.nav.setCurrentRow(window.pages.index(page))
    page.municipality.clear()
    type_japanese(page.municipality, "みどり町")
    type_japanese(page.department, "建設課 住宅係")
    type_japanese(page.staff_name, "山田 花子")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.saved_label.text() == "保存しました"
    values = load_settings(window.session)
    assert (values.municipality, values.department, values.staff_name) == ("みどり町", "建設課 住宅係", "山田 花子")
    window.show_page("home")
    assert window.page("home").municipality.text() == "みどり町"
    assert "山田 花子" in window.page("home").department.text()
    assert window.windowTitle().startswith("みどり町")
    window.close()
    assert lock.read_lock(db_path) is None


def test_blank_municipality_is_marked_beside_the_field(qtbot, db_path):
    """Saving without 自治体名 shows the message beside that field and writes nothing."""
    window = open_window(qtbot, db_path)
    page = window.show_page("settings")
    page.municipality.clear()
    type_japanese(page.department, "福祉課")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not page.errors["municipality"].isHidden()
    assert "自治体名を入力してください" in page.errors["municipality"].text()
    assert load_settings(window.session).department == ""
    assert page.department.text() == "福祉課"  # the input is kept
    answerer = BoxAnswerer(wording.CANCEL)
    window.close()  # quitting with the unsaved 担当課 asks first; キャンセル stays
    answerer.stop()
    assert window.isVisible() and page.department.text() == "福祉課"
    assert answerer.seen and "保存していない入力" in answerer.seen[0]
    answerer = BoxAnswerer(wording.DISCARD)
    window.close()
    answerer.stop()
    assert not window.isVisible() and load_settings(datafile.open_for_reading(db_path)).department == ""


def test_home_shows_wareki_rotation_and_file(qtbot, db_path):
    """ホーム shows the next 人事異動 in 和暦 with days left, and the data file's path."""
    window = open_window(qtbot, db_path)
    home = window.page("home")
    assert "次の人事異動予定日: 令和" in home.rotation.text()
    assert "あと" in home.rotation.text()
    assert home.path.text() == str(db_path)
    assert home.backup.text().startswith("令和")
    assert "今日は 令和" in home.today.text()


def test_font_size_choice_applies_and_is_remembered(qtbot, db_path):
    """Choosing 大 enlarges the application font and is saved for this PC."""
    from PySide6.QtWidgets import QApplication

    from kyojushien_desktop.services.common.preferences import load_preferences

    window = open_window(qtbot, db_path)
    window._set_font_size("大")
    assert QApplication.instance().font().pointSizeF() == 12.0
    assert load_preferences().font_size == "大"
    window._set_font_size("標準")


def test_town_dialog_validates_and_returns_settings(qtbot):
    """The first-start dialog refuses a blank 自治体名, then returns what was typed."""
    dialog = TownDialog(first_start=True)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != TownDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    type_japanese(dialog.municipality, "みどり町")
    type_japanese(dialog.department, "福祉課")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == TownDialog.DialogCode.Accepted
    assert dialog.result_settings.municipality == "みどり町"


def test_town_typed_for_a_new_file_is_asked_about_on_esc(qtbot, db_path, tmp_path, monkeypatch):
    """ファイル > 新規作成: Esc after typing the 自治体名 asks first; キャンセル stays with the typing,
    保存 makes the file with it."""
    from PySide6.QtTest import QTest

    from kyojushien_desktop.ui.common import dialogs

    window = open_window(qtbot, db_path)
    target = tmp_path / "新しい町.db"
    monkeypatch.setattr(dialogs, "ask_new_db_path", lambda parent, prefs: target)
    answers = iter([messages.CANCEL, messages.SAVE])
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent, what: asked.append(what) or next(answers))
    seen: list[str] = []

    def type_then_escape(dialog: TownDialog) -> None:
        type_japanese(dialog.municipality, "あおば村")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)  # キャンセル: still open, as typed
        seen.append(dialog.municipality.text() if dialog.isVisible() else "")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)  # 保存

    driver = Driver((TownDialog, type_then_escape))
    try:
        window.new_file()
    finally:
        driver.stop()
    assert driver.done and seen == ["あおば村"] and asked == ["自治体名・担当課"] * 2
    assert window.session.path == target and load_settings(window.session).municipality == "あおば村"


def test_read_only_session_disables_saving(qtbot, db_path):
    """A read-only file shows its state and the 保存 button is off."""
    db_path.chmod(0o444)
    window = open_window(qtbot, db_path)
    assert window.session.read_only
    assert not window.show_page("settings").save_button.isEnabled()
    assert "読み取り専用" in window.windowTitle()
    assert not window.notice_bar.isHidden()
    assert "閲覧のみできます" in window.notice_bar.label.text()


def test_main_window_does_not_import_export_libraries(tmp_path, db_path):
    """openpyxl and reportlab stay unloaded until an export or print is asked for; on the second
    open of a file neither sqlite-utils nor the guide content is needed to paint (start-up budget)."""
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from kyojushien_desktop.ui.main_window import MainWindow
        from kyojushien_desktop.services.common.preferences import Preferences
        from pathlib import Path
        window = MainWindow(Preferences())
        window.show()
        window.open_file(Path({str(db_path)!r}))
        app.processEvents()
        heavy = [m for m in ("openpyxl", "reportlab", "sqlite_utils", "kyojushien_desktop.content.loader") if m in sys.modules]
        window.close()
        print("HEAVY:" + ",".join(heavy))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert "HEAVY:" in first.stdout, first.stderr
    assert "openpyxl" not in first.stdout and "reportlab" not in first.stdout, first.stdout
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert second.stdout.strip().endswith("HEAVY:"), second.stdout


def test_today_label_matches_wareki_today(qtbot, db_path):
    """The date on ホーム is today's, in 和暦 with the weekday."""
    from kyojushien_desktop.domain import wareki

    window = open_window(qtbot, db_path)
    assert window.page("home").today.text() == "今日は " + wareki.format_date(dt.date.today())


def test_home_overview_counts_directory_hearings_and_followups(qtbot, db_path):
    """ホーム sums the directory by 関係, lists the next planned hearing and counts overdue 次の対応."""
    import dataclasses

    from kyojushien_desktop.domain.followups import FollowUp
    from kyojushien_desktop.services.hearing import visits

    window = open_window(qtbot, db_path)
    session = window.session
    org = dataclasses.replace(organizations.new_organization("不動産事業者・団体", "みどり不動産"), stage="接触済")
    organization_id, changes = organizations.save_organization(session, org)
    window.ops.publish(changes)
    home = window.page("home")
    assert home.directory_status.text() == "名簿: 1団体（接触済 1）"
    assert home.upcoming.text() == "これからのヒアリング: 予定はありません"
    ahead = dt.datetime.combine(dt.date.today() + dt.timedelta(days=7), dt.time(10, 0))
    visit_id, changes = visits.plan_visit(session, new_visit(session, organization_id, ahead))
    _id, more = visits.add_followup(
        session, FollowUp(visit_id=visit_id, action="資料を送る", due_on=dt.date.today() - dt.timedelta(days=2))
    )
    window.ops.publish(changes | more)
    assert "みどり不動産" in home.upcoming.text() and "令和" in home.upcoming.text()
    assert home.followups.text() == "まだ済んでいない次の対応: 1件"
    assert not home.overdue.isHidden()
    assert home.overdue.text().startswith("期限切れ 1件") and "資料を送る" in home.overdue.text()


def test_a_visit_on_the_timeline_opens_on_the_hearing_page(qtbot, db_path):
    """開く on a visit's line of an organisation's 経過記録 shows that visit's answer screen."""
    from kyojushien_desktop.domain.hearing import Visit
    from kyojushien_desktop.services.hearing import visits

    window = open_window(qtbot, db_path)
    session = window.session
    organization_id, _ = organizations.save_organization(
        session, organizations.new_organization("その他", "みどり町商工会")
    )
    visit_id, _ = visits.plan_visit(
        session, Visit(organization_id=organization_id, scheduled_at=dt.datetime(2026, 5, 1, 10))
    )
    members = window.show_page("members")
    assert members.open_organization(organization_id)
    line = next(w for w in timeline_entries(members.view) if w.entry.source == "visit")
    qtbot.mouseClick(line.open_button, Qt.MouseButton.LeftButton)
    hearing = window.page("hearing")
    assert window.stack.currentWidget() is hearing
    assert hearing.entry.visit is not None and hearing.entry.visit.id == visit_id
    assert hearing.entry.name_label.text() == "みどり町商工会"


def test_settings_seen_then_another_file_opened_holds_no_unsaved_input(qtbot, db_path, tmp_path):
    """設定 shown on one file, then another file opened (the page hidden): nothing was typed, so
    nothing counts as unsaved (the hidden page's old fields used to, and quitting asked)."""
    other = tmp_path / "other.db"
    datafile.create_session(other).close()
    window = open_window(qtbot, db_path)
    session = window.session
    window.ops.run(lambda s: save_settings(s, TownSettings(municipality="みどり町")), initiator=window)
    page = window.show_page("settings")
    assert page.municipality.text() == "みどり町" and session is window.session
    window.show_page("home")
    assert window.open_file(other)
    assert not page.has_unsaved()
    window.close()

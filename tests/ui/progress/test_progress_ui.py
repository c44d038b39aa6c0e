"""フェーズ進捗 on real widgets over a real file: a 状態 recorded with a note and 根拠 linked (a
record the rules suggest, a document) reach ホーム's 現在地; typed notes are never dropped
without a question; the page reloads once, only when shown; its table keeps Qt's contract."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from kyojushien_desktop.domain.progress import ACHIEVED, DOCUMENT, IN_PROGRESS
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.ui.common import messages
from kyojushien_desktop.ui.main_window import MainWindow
from kyojushien_desktop.ui.progress.page import ProgressPage
from tests.ui.boxes import BoxAnswerer
from tests.ui.pages import bind
from tests.ui.typing import type_japanese

DAY = dt.date(2026, 5, 18)


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    organizations.save_organization(
        opened, organizations.new_organization("不動産事業者・団体", "株式会社みどり不動産")
    )
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot, db_path, session):
    session.close()
    made = MainWindow(Preferences())
    qtbot.addWidget(made)
    made.resize(1100, 740)
    made.show()
    assert made.open_file(db_path)
    return made


def choose(page: ProgressPage, milestone_id: str) -> None:
    page.table.selectRow(page.model.row_of(milestone_id))
    assert page.milestone_panel.milestone_id == milestone_id


def test_status_note_and_evidence_reach_home(qtbot, window):
    home = window.page("home")
    assert home.phase_chips[0].text() == "フェーズ1　達成 0/6"
    assert "フェーズ1「" in home.focus.text()
    page = window.show_page("progress")
    assert isinstance(page, ProgressPage)
    assert [page.model.index(r, 0).data() for r in page.model.phase_rows()][0].startswith("フェーズ1　")
    for milestone_id in ("1-1", "1-2", "1-3", "1-4", "1-5"):
        choose(page, milestone_id)
        page.milestone_panel.status.setCurrentText(ACHIEVED)
        assert page.milestone_panel.record_status()
    choose(page, "1-6")
    panel = page.milestone_panel
    panel.status.setCurrentText(ACHIEVED)
    panel.on.edit.setDate(QDate(2026, 5, 18))
    type_japanese(panel.note, "課内ミーティングで合意")
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    row = page.model.row_of("1-6")
    assert page.model.index(row, 2).data() == "達成\n令和8年5月18日(月)"
    assert "令和8年5月18日(月)　未着手 → 達成　課内ミーティングで合意" in panel.history.text()
    assert progress.state_of(window.session, "1-6").changed_on == DAY

    # 3-1: the rules suggest the 庁外 organisation; 根拠にする links it, 資料を追加 adds a document.
    choose(page, "3-1")
    box = page.milestone_panel.evidence
    assert [s.title for s in box.suggested] == ["株式会社みどり不動産（不動産事業者・団体・未接触）"]
    assert box.use(box.suggested[0])
    assert box.suggested == [] and [e.kind for e in box.linked] == ["organization"]

    def fill(dialog) -> bool:
        dialog.name.setText("民間団体の一覧（令和8年度）")
        dialog.place.setText("共有フォルダ\\住宅係")
        return dialog.try_accept()

    page.run_dialog = fill
    assert box.add_document()
    assert [e.kind for e in progress.evidence_of(window.session, "3-1")] == ["organization", DOCUMENT]
    assert page.model.index(page.model.row_of("3-1"), 3).data() == "2"
    opened = []
    page.open_requested.connect(lambda kind, ref: opened.append((kind, ref)))
    box.open_item(box.linked[0])
    assert opened == [("organization", box.linked[0].ref_id)]
    assert window.stack.currentWidget() is window.page("members")
    assert box.unlink(box.linked[1])
    assert len(progress.evidence_of(window.session, "3-1")) == 1

    window.show_page("home")
    assert home.phase_chips[0].text() == "フェーズ1　達成 6/6"
    assert home.phase_chips[0].property("done") is True
    assert "フェーズ2「" in home.focus.text()
    assert home.next_steps.text().startswith("次の一歩（手引きの取組み例）:\n・")


def test_unsaved_notes_ask_on_esc_on_another_row_and_on_quitting(qtbot, window):
    page = window.show_page("progress")
    choose(page, "2-1")
    panel = page.milestone_panel
    panel.learned.setPlainText("福祉課の窓口で住まいの相談が多い")
    assert page.has_unsaved()
    window.activateWindow()
    qtbot.waitActive(window)
    panel.learned.setFocus()
    answers = BoxAnswerer("キャンセル")
    QTest.keyClick(panel.learned, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(answers.seen))
    answers.stop()
    assert page.milestone_panel.milestone_id == "2-1" and page.selected.milestone.id == "2-1"
    assert panel.learned.toPlainText() == "福祉課の窓口で住まいの相談が多い"

    answers = BoxAnswerer("保存")
    page.table.selectRow(page.model.row_of("2-2"))
    answers.stop()
    assert "2-1" in answers.seen[0]
    assert progress.state_of(window.session, "2-1").learned == "福祉課の窓口で住まいの相談が多い"
    assert page.selected.milestone.id == "2-2"

    panel.shared.setPlainText("住宅係と共有した")
    answers = BoxAnswerer("破棄")
    assert page.leave_milestone()
    answers.stop()
    assert answers.seen and not page.has_unsaved()
    assert progress.state_of(window.session, "2-2").shared == ""

    choose(page, "2-3")
    panel.shared.setPlainText("まだ保存していない")
    answers = BoxAnswerer("キャンセル")
    assert window.close() is False
    answers.stop()
    assert answers.seen and page.has_unsaved()
    page.discard_unsaved()


def test_reloads_once_only_when_shown_after_a_change_elsewhere(qtbot, session):
    page = ProgressPage()
    ops = bind(qtbot, page, session)
    assert page.reloads == 1
    page.hide()
    for name in ("あおば不動産", "NPO法人すまいサポート"):
        _, changes = organizations.save_organization(session, organizations.new_organization("居住支援法人", name))
        ops.publish(changes)
    progress.set_status(session, "1-1", IN_PROGRESS)
    ops.publish(progress.CHANGES)
    assert page.reloads == 1
    page.show()
    qtbot.waitExposed(page)
    assert page.reloads == 2
    assert page.model.index(page.model.row_of("1-1"), 2).data().startswith(IN_PROGRESS)
    choose(page, "3-1")
    assert len(page.milestone_panel.evidence.suggested) == 3
    page.tabs.setCurrentIndex(1)
    history = page.timeline.history
    assert [history.topLevelItem(i).text(2) for i in range(history.topLevelItemCount())] == ["目安1-1を取組み中に"]


def test_phase_target_saved_and_a_bad_month_named(qtbot, session):
    page = ProgressPage()
    bind(qtbot, page, session)
    page.table.selectRow(page.model.row_of(phase=2))
    panel = page.phase_panel
    assert panel.examples.titles and "取組み例" in panel.examples.heading.text()
    panel.target.setText("来年の春")
    assert not panel.save_target()
    assert "来年の春" in panel.error.text() and not panel.error.isHidden()
    panel.target.setText("2027年3月")
    assert panel.save_target()
    assert "目標の月 令和9年3月" in page.model.index(page.model.row_of(phase=2), 0).data()


def test_progress_model_keeps_the_contract(qtmodeltester, qtbot, session):
    """ProgressModel: the phase rows and the 目安 rows, one 達成 with its day and one with a target."""
    progress.set_status(session, "1-1", ACHIEVED, on=DAY, note="済")
    progress.set_target(session, "1-2", "2027-03")
    page = ProgressPage()
    bind(qtbot, page, session)
    assert page.model.rowCount() == 25
    qtmodeltester.check(page.model)


def test_many_suggestions_show_the_newest_then_all(qtbot, session):
    for number in range(6):
        organizations.save_organization(session, organizations.new_organization("その他", f"団体{number}"))
    page = ProgressPage()
    bind(qtbot, page, session)
    choose(page, "3-1")
    box = page.milestone_panel.evidence
    assert len(box.suggested) == 7 and box.suggested_box.count() == 6
    assert not box.more_button.isHidden() and "ほか1件" in box.more_button.text()
    box.show_more()
    qtbot.waitUntil(lambda: box.suggested_box.count() == 7)
    assert box.more_button.isHidden()


def test_a_status_or_target_month_typed_is_asked_about_before_it_is_lost(qtbot, window, tmp_path, monkeypatch):
    """A 状態 chosen with its note, or a 目標の月 typed, and not yet recorded: quitting, opening
    another file and choosing another row all ask 保存／破棄／キャンセル first."""
    other = tmp_path / "other.db"
    datafile.create_session(other).close()
    page = window.show_page("progress")
    choose(page, "2-1")
    panel = page.milestone_panel
    panel.status.setCurrentText(IN_PROGRESS)
    type_japanese(panel.note, "住宅係と打合せ")
    type_japanese(panel.target, "2027年3月")
    assert page.has_unsaved()
    asked: list[str] = []
    answers = iter([messages.CANCEL, messages.CANCEL, messages.SAVE, messages.CANCEL, messages.DISCARD])
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent, what: asked.append(what) or next(answers))
    assert not window.open_file(other)
    assert window.close() is False
    assert panel.note.text() == "住宅係と打合せ" and panel.target.text() == "2027年3月"
    page.table.selectRow(page.model.row_of("2-2"))  # 保存: recorded, then the other 目安
    state = progress.state_of(window.session, "2-1")
    assert (state.status, state.target_month) == (IN_PROGRESS, "2027-03")
    assert "住宅係と打合せ" in progress.history(window.session, "2-1")[-1].note
    assert page.milestone_panel.milestone_id == "2-2" and not page.has_unsaved()

    page.table.selectRow(page.model.phase_rows()[1])
    type_japanese(page.phase_panel.target, "2027-09")
    assert page.has_unsaved()
    assert not page.leave_milestone() and page.confirm_leave() is False  # キャンセル: the month stays
    assert page.phase_panel.target.text() == "2027-09"
    assert window.open_file(other)  # 破棄
    labels = ["2-1 状態・備考・目標の月"] * 3 + ["フェーズ2 目標の月"] * 2
    assert asked == labels  # the window names the 目安 too, not only the page
    reopened = datafile.open_session(window.session.path.parent / "town.db")
    try:
        assert progress.phase_progress(reopened)[1].target_month is None
    finally:
        reopened.close()


def test_a_note_typed_alone_is_kept_through_a_reload_and_recorded_by_save(qtbot, window, monkeypatch):
    """A 備考 typed with the 状態 left as it is: a reload keeps it, the question names it, and 保存
    records it with the 状態 (it is not dropped because the 状態 did not change)."""
    page = window.show_page("progress")
    choose(page, "2-1")
    panel = page.milestone_panel
    before = len(progress.history(window.session, "2-1"))
    type_japanese(panel.note, "福祉課と日程調整中")
    panel.show_milestone("2-1", keep_typing=True)
    assert panel.note.text() == "福祉課と日程調整中"
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent, what: asked.append(what) or messages.SAVE)
    assert window.may_leave()
    assert asked == ["2-1 備考"]
    history = progress.history(window.session, "2-1")
    assert len(history) == before + 1 and "福祉課と日程調整中" in history[-1].note
    assert not page.has_unsaved()

"""ヘルプ > 手引きを読む, opened from the menu as a newcomer would: five sections of the guide's own
words with their pages, text that can be selected and copied, one close button."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from kyojushien_desktop.content import hearing, members, phases
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.common.guide_reader import GuideReaderDialog
from tests.ui.pages import open_window


def help_actions(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("ヘルプ"))
    return [a for a in menu.actions() if not a.isSeparator()]


def read_every_section(dialog: GuideReaderDialog) -> dict[str, str]:
    texts = {}
    for row in range(dialog.sections.count()):
        dialog.sections.setCurrentRow(row)
        texts[dialog.sections.item(row).text()] = dialog.text()
    return texts


def test_menu_opens_the_reader_before_the_guide_info_and_close_shuts_it(qtbot, db_path):
    window = open_window(qtbot, db_path)
    texts = [a.text() for a in help_actions(window)]
    reader = texts.index(f"{wording.READ_GUIDE}(&R)…")
    assert texts[reader + 1].startswith("手引きについて")
    seen = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, GuideReaderDialog):
            QTimer.singleShot(20, answer)
            return
        seen["title"] = dialog.windowTitle()
        seen["texts"] = read_every_section(dialog)
        seen["buttons"] = [b.text() for b in dialog.findChildren(QPushButton)]
        dialog.findChildren(QPushButton)[0].click()

    QTimer.singleShot(0, answer)
    help_actions(window)[reader].trigger()
    assert seen["title"] == wording.READ_GUIDE
    assert seen["buttons"] == [wording.CLOSE]
    assert list(seen["texts"]) == [
        wording.GUIDE_PHASES,
        wording.GUIDE_POINTS,
        wording.GUIDE_CASES,
        wording.GUIDE_MEMBERS,
        wording.GUIDE_HEARING,
    ]


def test_each_section_shows_the_guide_words_with_their_pages(qtbot):
    dialog = GuideReaderDialog()
    qtbot.addWidget(dialog)
    texts = read_every_section(dialog)

    phase_text = texts[wording.GUIDE_PHASES]
    assert phases.phases_intro()[0] in phase_text
    for phase in phases.phases():
        assert f"フェーズ{phase.number}　{phase.scope}" in phase_text
        assert phase.title in phase_text and phase.aim[0] in phase_text
    assert "手引き p32" in phase_text and "p31～p39" in phase_text  # the JSON's pages, shown

    points = texts[wording.GUIDE_POINTS]
    assert phases.guide_points_lead() in points
    assert "6. 人事異動を踏まえたスケジュール調整" in points
    assert all(p.title in points and p.body[-1] in points for p in phases.guide_points())

    cases = texts[wording.GUIDE_CASES]
    assert "熊本県八代市（住宅部局主導）" in cases and "静岡県伊豆の国市（福祉部局主導）" in cases
    assert "手引き p36" in cases and "手引き p37" in cases
    assert "R6.11" in cases and "設立総会（予定）" in cases
    assert cases.index("八代市") < cases.index("伊豆の国市")

    member_text = texts[wording.GUIDE_MEMBERS]
    assert "土台づくり" in member_text and "手引き p20" in member_text
    assert all(a.subtitle in member_text and a.motto in member_text for a in members.member_activities())
    assert all(line in member_text for line in members.member_intro())
    assert members.member_admin_note() in member_text
    assert "p23" in member_text and members.member_categories()[0].roles[0] in member_text

    hearing_text = texts[wording.GUIDE_HEARING]
    assert "民間賃貸住宅について" in hearing_text and "住宅確保要配慮者について" in hearing_text
    assert all(s.lead in hearing_text for s in hearing.hearing_sections())
    assert "1. 「情報のお土産」を用意する" in hearing_text and "p44" in hearing_text


def test_text_is_read_only_and_can_be_selected_from_the_keyboard(qtbot):
    dialog = GuideReaderDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sections.setCurrentRow(2)
    assert dialog.browser.isReadOnly()
    flags = dialog.browser.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    dialog.browser.setFocus()
    QTest.keyClick(dialog.browser, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert "伊豆の国市" in dialog.browser.textCursor().selectedText()
    QTest.keyClicks(dialog.browser, "xyz")
    assert "xyz" not in dialog.text()

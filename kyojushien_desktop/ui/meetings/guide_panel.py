"""The guide beside the planner (手引き 6章 p47–p50), every word from resources/: the chosen
到達点's 意見交換のテーマ例 and how to run it; the guide's participant situations, those close to
what was typed marked, the ticked ones' 講演のテーマ例 and 講師の探し方; the seating the number of
participants suggests, with its points; and the 進行役's sample remarks. Each part names its page.

The panel only shows and offers: 「このテーマ例をテーマに使う」 and 「この配置にする」 and a
ticked situation are signals the planner turns into its own (unsaved) input."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.content.meetings import meeting_planning
from kyojushien_desktop.domain.meeting_groups import group_count
from kyojushien_desktop.services.meetings import planning
from kyojushien_desktop.ui.meetings import wording


def _text(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def bullets(lines: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"・{line}" for line in lines)


class _Section(QFrame):
    """A part of the guide: its heading, the guide page on the right, then its body."""

    def __init__(self, title: str, page_key: str) -> None:
        super().__init__()
        self.setObjectName("guideSection")
        heading = QHBoxLayout()
        self.title = _text(title, "guideTitle")
        heading.addWidget(self.title, 1)
        heading.addWidget(_text(meeting_terms().page_note(page_key), "guidePage"), 0, Qt.AlignmentFlag.AlignTop)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(10, 8, 10, 10)
        self.body.setSpacing(6)
        self.body.addLayout(heading)


class _ClickLabel(QLabel):
    """A check box's wrapped caption: clicking it ticks the box, as a caption does."""

    def __init__(self, text: str, check: QCheckBox) -> None:
        super().__init__(text)
        self.check = check
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.check.isEnabled():
            self.check.click()
        super().mouseReleaseEvent(event)


class GuidePanel(QScrollArea):
    """``use_theme(text)``, ``use_seating(text)`` and ``situation_ticked(situation, ticked)`` ask
    the planner to write into its fields; it decides what to do with them."""

    use_theme = Signal(str)
    use_seating = Signal(str)
    situation_ticked = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        guide = meeting_planning()
        self._theme = ""
        self._seating = ""
        self._unticked: set[str] = set()  # untick by hand wins over a match, until the next meeting
        body = QWidget()
        self.box = QVBoxLayout(body)
        self.box.setContentsMargins(0, 0, 6, 0)
        self.box.setSpacing(10)
        intro = _Section(wording.GUIDE_MARK, "process")
        intro.body.addWidget(_text(guide.intro, "hint"))
        self.box.addWidget(intro)

        # --- 到達点 and its テーマ例 (p49) ---
        self.goal_section = _Section(f"{wording.GOAL}と意見交換のテーマ例", "goals")
        self.goal_text = _text()
        self.theme_text = _text()
        self.theme_text.setObjectName("guideTitle")
        self.points_text = _text()
        self.use_theme_button = QPushButton(wording.USE_THEME)
        self.use_theme_button.clicked.connect(lambda: self.use_theme.emit(self._theme))
        self.goals_lead = _text(guide.goals_lead[0], "hint")
        self.goal_list = _text(bullets([f"{g.stage}: {g.theme}" for g in guide.goals]))
        for widget in (self.goal_text, self.theme_text, self.points_text):
            self.goal_section.body.addWidget(widget)
        self.goal_section.body.addWidget(self.use_theme_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.goal_section.body.addWidget(self.goals_lead)
        self.goal_section.body.addWidget(self.goal_list)
        self.box.addWidget(self.goal_section)

        # --- situations → 講演のテーマ例, 講師の探し方 (p48) ---
        lecture = _Section(wording.LECTURE_THEMES, "lecture")
        lecture.body.addWidget(
            _text(
                "参加者の状況に近いものを選ぶと、手引きの講演のテーマ例が出ます。選んだ状況は「参加者の状況」に書き加えます。",
                "hint",
            )
        )
        self.situation_checks: dict[str, QCheckBox] = {}
        self.situation_labels: dict[str, QLabel] = {}
        for situation in planning.situations():
            check = QCheckBox()
            label = _ClickLabel(situation, check)
            check.toggled.connect(lambda on, s=situation: self._ticked(s, on))
            row = QHBoxLayout()
            row.setSpacing(4)
            row.addWidget(check, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            lecture.body.addLayout(row)
            self.situation_checks[situation] = check
            self.situation_labels[situation] = label
        self.themes_caption = _text(wording.LECTURE_THEMES, "guideTitle")
        self.themes_text = _text()
        self.search_caption = _text(wording.SPEAKER_SEARCH, "guideTitle")
        self.search_text = _text(bullets(guide.speaker_search))
        for widget in (self.themes_caption, self.themes_text, self.search_caption, self.search_text):
            lecture.body.addWidget(widget)
        lecture.body.addWidget(_text(bullets(guide.lecture_points), "hint"))
        self.box.addWidget(lecture)

        # --- seating by the number of participants (p50) ---
        seating = _Section(f"話し合いの人数と{wording.SEATING}", "atmosphere")
        self.seating_advice = _text()
        self.seating_advice.setObjectName("guideTitle")
        self.seating_points = _text()
        self.use_seating_button = QPushButton(wording.USE_SEATING)
        self.use_seating_button.clicked.connect(lambda: self.use_seating.emit(self._seating))
        seating.body.addWidget(self.seating_advice)
        seating.body.addWidget(self.seating_points)
        seating.body.addWidget(self.use_seating_button, 0, Qt.AlignmentFlag.AlignLeft)
        seating.body.addWidget(_text(bullets(guide.atmosphere), "hint"))
        seating.body.addWidget(_text(f"{guide.record_tip_title}: {guide.record_tip}", "hint"))
        self.box.addWidget(seating)

        # --- 進行役の声のかけ方 (p50) ---
        facilitator = _Section(guide.facilitator.title, "atmosphere")
        facilitator.body.addWidget(_text(guide.facilitator.lead))
        self.remarks = _text("\n".join(guide.facilitator.examples))
        facilitator.body.addWidget(self.remarks)
        self.box.addWidget(facilitator)
        self.box.addStretch(1)
        self.setWidget(body)
        self.show_goal("")
        self.show_seating(0)
        self.show_situation("", reset=True)

    # --- what the planner tells the panel ---------------------------------------------------
    def show_goal(self, stage: str) -> None:
        """The chosen 到達点の例's goal, テーマ例 and points; for one's own, the four to compare."""
        goal = planning.goal_of(stage)
        own = goal is None
        if goal is not None:
            self._theme = goal.theme
            self.goal_text.setText(f"{goal.stage}: {goal.goal}")
            self.theme_text.setText(f"{wording.THEME}の例「{goal.theme}」")
            self.points_text.setText(bullets(goal.points))
        for widget in (self.goal_text, self.theme_text, self.points_text, self.use_theme_button):
            widget.setVisible(not own)
        self.goals_lead.setVisible(own)
        self.goal_list.setVisible(own)

    def show_situation(self, text: str, *, reset: bool = False) -> None:
        """Ticks the situations close to ``text`` (not one unticked by hand since ``reset``)."""
        if reset:
            self._unticked.clear()
        close = set(planning.matching_situations(text))
        for situation, check in self.situation_checks.items():
            near = situation in close
            self.situation_labels[situation].setText(situation + (wording.NEAR_TYPED if near else ""))
            check.blockSignals(True)
            if near and situation not in self._unticked:
                check.setChecked(True)
            elif reset:
                check.setChecked(False)
            check.blockSignals(False)
        self._show_themes()

    def ticked(self) -> tuple[str, ...]:
        return tuple(s for s, check in self.situation_checks.items() if check.isChecked())

    def show_seating(self, people: int) -> None:
        """The style the number suggests (車座 up to about 15, else groups of 4–6), its points."""
        advice = planning.seating_for(people)
        size = meeting_terms().seating.group_default
        if advice.in_groups:
            tables = group_count(people, size)
            self._seating = f"{advice.style.name}（{advice.group_min}〜{advice.group_max}人×{tables}グループ）"
        else:
            self._seating = advice.style.name
        who = f"参加予定 {people}人" if people else "参加者をまだ加えていません"
        self.seating_advice.setText(f"{who}: {self._seating}")
        self.seating_points.setText(bullets(advice.style.points))

    def set_writable(self, writable: bool) -> None:
        for widget in (self.use_theme_button, self.use_seating_button, *self.situation_checks.values()):
            widget.setEnabled(writable)

    # --- reactions --------------------------------------------------------------------------
    def _ticked(self, situation: str, on: bool) -> None:
        if on:
            self._unticked.discard(situation)
        else:
            self._unticked.add(situation)
        self._show_themes()
        self.situation_ticked.emit(situation, on)

    def _show_themes(self) -> None:
        themes = planning.lecture_themes_for(self.ticked())
        self.themes_text.setText(bullets(themes))
        for widget in (self.themes_caption, self.themes_text, self.search_caption, self.search_text):
            widget.setVisible(bool(themes))

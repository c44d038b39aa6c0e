"""質問の設定: a meeting's アンケート questions — 質問文, a short name for the tally, 答え方 (5段階,
選択, 自由記述) and the choices — added, taken from the presets again, reordered or removed.

The dialog never saves: ``result_value`` is the question set as edited, which the tab hands to
``survey.set_questions``; the service's problems come back beside the list, the input kept.
Removing a question that has answers asks first (they go with it on saving); Esc, × and
キャンセル with changes ask 保存／破棄／キャンセル.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.meetings import CHOICE, FREE, SCALE, SurveyQuestion
from kyojushien_desktop.ui.common import messages
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import FormDialog, dialog_buttons, problems_of, size_for_text, text_box
from kyojushien_desktop.ui.common.widgets import list_table
from kyojushien_desktop.ui.meetings import survey_wording as wording
from kyojushien_desktop.ui.meetings.survey_models import SurveyQuestionsModel

SCALE_POINTS = 5
PAGES = {SCALE: 0, CHOICE: 1, FREE: 2}


class SurveyQuestionsDialog(FormDialog):
    """The question set of one meeting as a list on the left and the chosen question on the right."""

    def __init__(
        self,
        questions: list[SurveyQuestion],
        answer_counts: dict[int, int],
        presets: list[SurveyQuestion],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(wording.QUESTIONS_TITLE)
        self.answer_counts = answer_counts
        self.presets = presets
        self._loading = False

        self.model = SurveyQuestionsModel(self)
        self.model.set_questions(questions)
        self.table = list_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _p: self._show_question(current))

        self.add_button = QPushButton(wording.ADD_QUESTION)
        self.add_button.clicked.connect(lambda: self.add_question())
        self.preset_button = QPushButton(wording.ADD_PRESET)
        self.preset_menu = QMenu(self.preset_button)
        self.preset_menu.aboutToShow.connect(self._fill_preset_menu)
        self.preset_button.setMenu(self.preset_menu)
        self.up_button = QPushButton(wording.MOVE_UP)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton(wording.MOVE_DOWN)
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button = QPushButton(wording.DELETE_ASK)
        self.remove_button.clicked.connect(lambda: self.remove())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.preset_button, self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.text = QLineEdit()
        self.label = QLineEdit()
        self.label.setPlaceholderText(wording.SHORT_NAME_EXAMPLE)
        self.kind = QComboBox()
        for key, name in meeting_terms().survey_kinds.items():
            self.kind.addItem(name, key)
        self.scale_edits = [QLineEdit() for _ in range(SCALE_POINTS)]
        scale_page = QWidget()
        scale_grid = QGridLayout(scale_page)
        scale_grid.setContentsMargins(0, 0, 0, 0)
        for n, edit in enumerate(self.scale_edits):
            scale_grid.addWidget(QLabel(str(n + 1)), n, 0)
            scale_grid.addWidget(edit, n, 1)
        self.choice_box = text_box(7)
        self.choice_box.setPlaceholderText(wording.CHOICES_ONE_PER_LINE)
        free_note = QLabel(wording.FREE_KIND_NOTE)
        free_note.setObjectName("hint")
        free_note.setWordWrap(True)
        self.choice_pages = QStackedWidget()
        for page in (scale_page, self.choice_box, free_note):
            self.choice_pages.addWidget(page)
        self.answers_note = QLabel()
        self.answers_note.setObjectName("warning")
        self.answers_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(wording.QUESTION_WORDING, self.text)
        form.addRow(wording.SHORT_NAME, self.label)
        form.addRow(wording.HOW_ANSWERED, self.kind)
        form.addRow(wording.CHOICES, self.choice_pages)
        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.answers_note)
        editor_layout.addStretch(1)
        for edit in (self.text, self.label, *self.scale_edits):
            edit.textEdited.connect(lambda _t: self._edited())
        self.choice_box.textChanged.connect(self._edited)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())

        title = QLabel(wording.QUESTIONS_TITLE)
        title.setFont(scaled(self.font(), 1.2, bold=True))
        lead = QLabel(wording.QUESTIONS_LEAD)
        lead.setObjectName("hint")
        lead.setWordWrap(True)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(buttons)
        body.addLayout(left, 3)
        body.addWidget(self.editor, 2)
        row, self.ok_button = dialog_buttons(self, wording.SAVE, self.try_accept)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(lead)
        layout.addLayout(body, 1)
        layout.addWidget(self.errors.general)
        layout.addLayout(row)
        size_for_text(self, 66, 30)
        if questions:
            self.table.setCurrentIndex(self.model.index(0, 1))
        self._update_buttons()

    # --- the value --------------------------------------------------------------------------
    def current_value(self) -> list[SurveyQuestion]:
        return list(self.model.questions)

    def show_problems(self, error: ValidationError) -> bool:
        problems = problems_of(error)
        rows = set()
        for key in problems:
            if key.startswith("question."):
                rows.add(int(key.split(".", 1)[1]) - 1)
        self.model.set_marked(rows)
        self.errors.show({"": "\n".join(problems.values())})
        if rows:
            self.table.setCurrentIndex(self.model.index(min(rows), 1))
        return True

    # --- the list ---------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _select(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, 1))
        self._show_question(self.model.index(row, 1))

    def _insert(self, question: SurveyQuestion) -> None:
        questions = self.current_value() + [question]
        self.model.set_questions(questions)
        self._select(len(questions) - 1)
        self.text.setFocus()
        self._update_buttons()

    def add_question(self) -> None:
        """A new 自由記述 question at the end, its 質問文 to type."""
        self._insert(SurveyQuestion(meeting_id=0, text="", kind=FREE))

    def missing_presets(self) -> list[SurveyQuestion]:
        present = {q.key for q in self.model.questions if q.key}
        return [p for p in self.presets if p.key not in present]

    def add_preset(self, key: str) -> None:
        """A preset taken out earlier comes back at the end, in its own words."""
        preset = next((p for p in self.missing_presets() if p.key == key), None)
        if preset is not None:
            self._insert(dataclasses.replace(preset, id=None))

    def _fill_preset_menu(self) -> None:
        self.preset_menu.clear()
        missing = self.missing_presets()
        for preset in missing:
            action = self.preset_menu.addAction(preset.short)
            action.setToolTip(preset.text)
            action.triggered.connect(lambda _c=False, k=preset.key: self.add_preset(k))
        if not missing:
            self.preset_menu.addAction(wording.ALL_PRESETS_PRESENT).setEnabled(False)

    def move(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        questions = self.current_value()
        if row < 0 or not 0 <= target < len(questions):
            return
        questions[row], questions[target] = questions[target], questions[row]
        self.model.set_questions(questions)
        self._select(target)

    def remove(self) -> bool:
        """Takes the chosen question out; when forms answered it, asks first (the answers go)."""
        row = self.current_row()
        if row < 0:
            return False
        question = self.model.questions[row]
        answered = self.answer_counts.get(question.id or 0, 0)
        if answered and not messages.confirm(
            self,
            wording.REMOVE_QUESTION_TITLE,
            wording.remove_question(question.short, answered),
            wording.DELETE_CONFIRMED,
        ):
            return False
        questions = self.current_value()
        del questions[row]
        self.model.set_questions(questions)
        if questions:
            self._select(min(row, len(questions) - 1))
        else:
            self._show_question(QModelIndex())
        self._update_buttons()
        return True

    def _update_buttons(self) -> None:
        row, count = self.current_row(), self.model.rowCount()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0)
        self.editor.setEnabled(row >= 0)

    # --- the chosen question ----------------------------------------------------------------
    def _show_question(self, index: QModelIndex) -> None:
        self._update_buttons()
        if not index.isValid():
            return
        question = self.model.questions[index.row()]
        self._loading = True
        self.text.setText(question.text)
        self.label.setText(question.label)
        self.kind.setCurrentIndex(max(self.kind.findData(question.kind), 0))
        self._fill_choices(question.kind, question.choices)
        answered = self.answer_counts.get(question.id or 0, 0)
        self.answers_note.setText(wording.question_has_answers(answered) if answered else "")
        self.answers_note.setVisible(bool(answered))
        self._loading = False

    def _fill_choices(self, kind: str, choices: tuple[str, ...]) -> None:
        self.choice_pages.setCurrentIndex(PAGES.get(kind, 2))
        for n, edit in enumerate(self.scale_edits):
            edit.setText(choices[n] if kind == SCALE and n < len(choices) else "")
        self.choice_box.setPlainText("\n".join(choices) if kind == CHOICE else "")

    def _typed_choices(self, kind: str) -> tuple[str, ...]:
        if kind == SCALE:
            return tuple(edit.text() for edit in self.scale_edits)
        if kind == CHOICE:
            return tuple(line for line in self.choice_box.toPlainText().splitlines() if line.strip())
        return ()

    def _kind_changed(self) -> None:
        """A question turned into a 5段階 starts from the first preset scale's five labels."""
        if self._loading:
            return
        row = self.current_row()
        if row < 0:
            return
        kind = self.kind.currentData()
        old = self.model.questions[row]
        choices = old.choices
        if kind == SCALE and len(choices) != SCALE_POINTS:
            choices = next((p.choices for p in self.presets if p.kind == SCALE), ())
        self._loading = True
        self._fill_choices(kind, choices if kind != FREE else ())
        self._loading = False
        self._edited()

    def _edited(self) -> None:
        if self._loading:
            return
        row = self.current_row()
        if row < 0:
            return
        kind = self.kind.currentData()
        old = self.model.questions[row]
        self.model.replace(
            row,
            dataclasses.replace(
                old, text=self.text.text(), label=self.label.text(), kind=kind, choices=self._typed_choices(kind)
            ),
        )

"""回答票の入力: the paper forms typed in one after another, by keyboard alone.

One line per question: for a 5段階 or 選択 question the digit on the form (1–5, 1–N; 全角 too),
0 or Delete for 未回答; for 自由記述 the text. Enter (or Tab) moves to the next question, ↑/↓ to
the one above or below; Enter on the last question saves the form (``survey.save_response``) and
starts the next one, its number counted on and the cursor on question 1. A digit that fits no
choice is named beside its question when the line is left, and again by the service on saving,
which then keeps everything typed. Esc with typed answers asks 保存／破棄／キャンセル.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.meeting_results import AnswerError, read_answer
from kyojushien_desktop.domain.meetings import FREE, SurveyQuestion, SurveyResponse
from kyojushien_desktop.services.meetings import survey
from kyojushien_desktop.ui.common import messages
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.fonts import restyle
from kyojushien_desktop.ui.common.forms import problems_of
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.common.widgets import char_width, save_bar
from kyojushien_desktop.ui.meetings import survey_wording as wording
from kyojushien_desktop.ui.meetings.survey_models import answer_summary

MAX_FORM_NUMBER = 99_999


def _restyle(label: QLabel, name: str) -> None:
    if label.objectName() != name:
        label.setObjectName(name)
        restyle(label)


def _digit(text: str) -> str:
    """The digit a key typed, half- or full-width; "" for anything else."""
    folded = unicodedata.normalize("NFKC", text)
    return folded if len(folded) == 1 and folded.isdigit() else ""


class AnswerEdit(QLineEdit):
    """One answer's box. Enter: next question; ↑/↓: the question above or below. For a question
    with choices, a digit replaces the one there, and 0, Delete or Backspace clears it (未回答)."""

    advance = Signal()
    step_back = Signal()
    step_on = Signal()

    def __init__(self, choices: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices  # 0 for a free answer

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key, plain = (
            event.key(),
            event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier),
        )
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.advance.emit()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and plain:
            (self.step_back if key == Qt.Key.Key_Up else self.step_on).emit()
            return
        if self.choices:
            digit = _digit(event.text())
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) or digit == "0":
                self.clear()
                self.textEdited.emit("")
                return
            if digit and self.choices < 10 and (not self.text() or _digit(self.text())):
                self.setText(digit)  # one digit per question: typing another corrects it
                self.textEdited.emit(digit)
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.selectAll()  # typing replaces what is there


class AnswerLine:
    """The widgets of one question on the entry grid (three grid rows): its number, short name,
    box and what the box says (the choice typed, or 未回答); the choices as printed on the form;
    and the message when the answer does not fit."""

    ROWS = 3

    def __init__(self, grid: QGridLayout, row: int, number: int, question: SurveyQuestion) -> None:
        self.question = question
        self.number = QLabel(f"{number}.")
        self.number.setObjectName("questionNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.name = QLabel(question.short)
        self.name.setObjectName("questionText")
        self.name.setWordWrap(True)
        self.name.setToolTip(question.text)
        self.name.setMinimumWidth(char_width(self.name, 8))
        self.name.setMaximumWidth(char_width(self.name, 10))
        self.edit = AnswerEdit(0 if question.kind == FREE else len(question.choices))
        self.edit.setAccessibleName(question.short)
        self.chosen = QLabel()
        self.options = [QLabel(f"{n} {choice}") for n, choice in enumerate(question.choices, 1)]
        for option in self.options:
            option.setContentsMargins(0, 0, char_width(option, 0.8), 0)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        shown: list[QWidget] = [self.number, self.name, self.edit]
        grid.addWidget(self.number, row, 0)
        grid.addWidget(self.name, row, 1)
        if question.kind == FREE:
            self.edit.setPlaceholderText(wording.FREE_ANSWER_HINT)
            grid.addWidget(self.edit, row, 2, 1, 2)
        else:
            self.edit.setFixedWidth(char_width(self.edit, 3) + 12)
            self.edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(self.edit, row, 2)
            grid.addWidget(self.chosen, row, 3)
            legend = flow_row(*self.options, spacing=2)
            grid.addWidget(legend, row + 1, 2, 1, 2)
            shown += [self.chosen, legend, *self.options]
        grid.addWidget(self.error, row + 2, 1, 1, 3)
        for widget in shown:
            widget.show()  # now, so the box can take the focus at once
        self.edit.textChanged.connect(lambda _t: self.show_choice())
        self.show_choice()

    def value(self) -> str:
        return self.edit.text().strip() if self.question.kind != FREE else self.edit.text()

    def set_value(self, answer: str) -> None:
        """A saved answer back in the box: a choice as its number on the form."""
        if self.question.kind != FREE and answer in self.question.choices:
            answer = str(self.question.choices.index(answer) + 1)
        self.edit.setText(answer)

    def show_choice(self) -> None:
        """What the box says, beside it in bold, and the same choice marked among those printed."""
        if self.question.kind == FREE:
            return
        try:
            chosen = read_answer(self.question, self.value())
        except AnswerError:
            chosen = None
        self.chosen.setText(chosen or (wording.NOT_ANSWERED if chosen == "" else "—"))
        _restyle(self.chosen, "questionText" if chosen else "hint")
        for option, choice in zip(self.options, self.question.choices, strict=True):
            _restyle(option, "questionText" if choice == chosen else "hint")

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class SurveyEntry(QWidget):
    """The entry panel of one meeting's forms; ``saved`` tells the tab a form was written."""

    saved = Signal(int)

    def __init__(self, host: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.meeting_id: int | None = None
        self.questions: list[SurveyQuestion] = []
        self.lines: list[AnswerLine] = []
        self.numbers: set[int] = set()  # of the forms already entered
        self.correcting: int | None = None  # the number of the form being corrected
        self.baseline: dict[int, str] = {}
        self.read_only = True
        self._built_at = 0.0

        self.number = QSpinBox()
        self.number.setRange(1, MAX_FORM_NUMBER)
        self.number.setAccessibleName(wording.FORM_NUMBER)
        self.number.setFixedWidth(char_width(self, 6) + 24)
        self.number.editingFinished.connect(self._number_left)
        number_label = QLabel(wording.FORM_NUMBER)
        number_label.setBuddy(self.number)
        self.mode = QLabel()
        self.mode.setObjectName("countLabel")
        self.new_button = QPushButton(wording.BACK_TO_NEW_FORM)
        self.new_button.clicked.connect(lambda: self.escape())
        head = QHBoxLayout()
        head.addWidget(number_label)
        head.addWidget(self.number)
        head.addSpacing(12)
        head.addWidget(self.mode, 1)
        head.addWidget(self.new_button)
        self.keys_hint = QLabel(wording.ENTRY_KEYS_HINT)
        self.keys_hint.setObjectName("hint")
        self.keys_hint.setWordWrap(True)

        self.grid_holder = QWidget()
        self.grid_holder.setObjectName("recordBody")
        self.grid = QGridLayout(self.grid_holder)
        self.empty = QLabel()
        self.empty.setObjectName("banner")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.scroll = QScrollArea()
        self.scroll.setObjectName("answerScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid_holder)

        self.state = QLabel()
        self.state.setObjectName("hint")
        self.state.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.save_button = QPushButton(wording.SAVE)
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(lambda: self.save())
        bar = save_bar([self.state, self.problem], self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.keys_hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(bar)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Esc from any box of the panel (they pass it up): leave the form, asking first."""
        if event.key() == Qt.Key.Key_Escape:
            self.escape()
            return
        super().keyPressEvent(event)

    # --- what is shown ----------------------------------------------------------------------
    def set_meeting(
        self, meeting_id: int | None, questions: list[SurveyQuestion], responses: list[SurveyResponse], read_only: bool
    ) -> None:
        """A meeting's question set, a new form to fill; what was typed is dropped (the tab asks first)."""
        self.meeting_id, self.questions, self.read_only = meeting_id, list(questions), read_only
        self.numbers = {r.number for r in responses}
        self._build_lines()
        self.new_form(focus=False)

    def set_forms(self, responses: list[SurveyResponse]) -> None:
        """The forms entered changed (saved, deleted, imported); what is being typed stays."""
        self.numbers = {r.number for r in responses}
        if self.correcting is not None and self.correcting not in self.numbers:
            self.correcting = None
            self._show_mode()
        if self.correcting is None and not self.has_unsaved():
            self.number.setValue(self._next_number())

    def font_changed(self) -> bool:
        """文字の大きさ changed since the lines were built (their boxes are sized in characters)."""
        return self._built_at != self.font().pointSizeF()

    def _build_lines(self) -> None:
        self._built_at = self.font().pointSizeF()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.lines = []
        for number, question in enumerate(self.questions, 1):
            line = AnswerLine(self.grid, number * AnswerLine.ROWS, number, question)
            line.edit.advance.connect(lambda n=number - 1: self._advance(n))
            line.edit.step_back.connect(lambda n=number - 1: self.focus_line(n - 1))
            line.edit.step_on.connect(lambda n=number - 1: self.focus_line(n + 1))
            line.edit.editingFinished.connect(lambda ln=line: self.check_line(ln))
            line.edit.textEdited.connect(lambda _t: self._show_state())
            line.edit.setEnabled(not self.read_only)
            self.lines.append(line)
        self.grid.setColumnStretch(3, 1)
        self.grid.setRowStretch((len(self.questions) + 1) * AnswerLine.ROWS, 1)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        previous: QWidget = self.number
        for line in self.lines:
            QWidget.setTabOrder(previous, line.edit)
            previous = line.edit
        QWidget.setTabOrder(previous, self.save_button)
        if self.meeting_id is None:
            self.empty.setText(wording.ENTRY_NO_MEETING)
        elif not self.questions:
            self.empty.setText(wording.ENTRY_NO_QUESTIONS)
        elif self.read_only:
            self.empty.setText(wording.READ_ONLY_CANNOT_EDIT)
        self.empty.setVisible(self.meeting_id is None or not self.questions or self.read_only)
        usable = self.meeting_id is not None and bool(self.questions) and not self.read_only
        for widget in (self.number, self.save_button):
            widget.setEnabled(usable)

    def _next_number(self) -> int:
        return max(self.numbers, default=0) + 1

    def _show_mode(self) -> None:
        if self.correcting is not None:
            self.mode.setText(wording.correcting_form(self.correcting))
        else:
            self.mode.setText(wording.NEW_FORM)
        self.number.setReadOnly(self.correcting is not None)
        self.new_button.setVisible(self.correcting is not None)

    def _show_state(self, text: str = "") -> None:
        if not text and self.has_unsaved():
            text = wording.ENTRY_UNSAVED
        self.state.setText(text)
        self.state.setVisible(bool(text) and self.problem.isHidden())

    # --- forms ------------------------------------------------------------------------------
    def new_form(self, said: str = "", *, focus: bool = True) -> None:
        """An empty form with the next number; the cursor on question 1 when the user is at the
        panel (after a save or Esc), not when the page merely shows another meeting."""
        self.correcting = None
        self._fill({})
        self.number.setValue(self._next_number())
        self._show_mode()
        self._show_state(said)
        if focus:
            self.focus_line(0)

    def load_form(self, response: SurveyResponse) -> None:
        """A form entered before, to correct: saving replaces it. The keyboard stays in the list
        (↑↓ look through the forms; Enter there comes here)."""
        self.correcting = response.number
        self.number.setValue(response.number)
        self._fill(response.answers)
        self._show_mode()
        self._show_state()

    def _fill(self, answers: dict[int, str]) -> None:
        for line in self.lines:
            line.set_value(answers.get(line.question.id or 0, ""))
            line.set_error("")
        self.problem.hide()
        self.baseline = self.values()

    def values(self) -> dict[int, str]:
        return {line.question.id: line.value() for line in self.lines if line.question.id is not None}

    def focus_line(self, index: int) -> None:
        if 0 <= index < len(self.lines) and self.lines[index].edit.isEnabled():
            self.scroll.ensureWidgetVisible(self.lines[index].edit, 0, 40)
            self.lines[index].edit.setFocus(Qt.FocusReason.TabFocusReason)

    def check_line(self, line: AnswerLine) -> bool:
        """The service's reading of one answer as the line is left, named as saving would name it."""
        try:
            survey.check_answers(self.questions, {line.question.id: line.value()} if line.question.id else {})
        except ValidationError as exc:
            line.set_error(next(iter(problems_of(exc).values())))
            return False
        line.set_error("")
        return True

    def _advance(self, index: int) -> None:
        if index + 1 < len(self.lines):
            self.focus_line(index + 1)
        else:
            self.save()

    def _number_left(self) -> None:
        if self.number.hasFocus() and self.correcting is None:
            self.focus_line(0)

    # --- unsaved input ----------------------------------------------------------------------
    def has_unsaved(self) -> bool:
        return not self.read_only and self.values() != self.baseline

    def discard(self) -> None:
        """Drops what was typed: back to an empty new form."""
        self.new_form(focus=False)

    def escape(self) -> bool:
        """Esc or 新しい回答票に戻る: asks first when answers were typed; True when the form was left."""
        if self.has_unsaved():
            typing = QApplication.focusWidget()
            choice = messages.ask_unsaved(self, wording.form_title(self.number.value()))
            if choice == messages.CANCEL:
                if typing is not None:
                    typing.setFocus(Qt.FocusReason.OtherFocusReason)  # back where the typing was
                return False
            if choice == messages.SAVE:
                return self.save()
        self.new_form()
        return True

    # --- saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        """The form through the service; a problem is shown beside its question with everything
        typed kept, and the cursor goes there."""
        meeting_id = self.meeting_id
        if meeting_id is None or self.read_only or not self.lines:
            return False
        number, typed = self.number.value(), self.values()
        for line in self.lines:
            line.set_error("")
        self.problem.hide()
        if self.correcting is None and number in self.numbers:
            if not self.host.confirm(wording.REPLACE_FORM_TITLE, wording.replace_form(number), wording.REPLACE_FORM):
                self.number.setFocus()
                return False
        done = self.host.run_op(
            lambda session: survey.save_response(session, meeting_id, number, typed), on_invalid=self._show_problems
        )
        if done is None:
            return False
        self.numbers.add(number)
        said = wording.form_saved(
            number, answer_summary(self.questions, {k: v for k, v in self._stored(typed).items()})
        )
        self.new_form(said)
        self.saved.emit(number)
        return True

    def _stored(self, typed: dict[int, str]) -> dict[int, str]:
        """What was just saved, as stored (labels), for the line that says so."""
        try:
            return survey.check_answers(self.questions, dict(typed))
        except ValidationError:
            return {}

    def _show_problems(self, error: ValidationError) -> None:
        first = None
        other = []
        for key, message in problems_of(error).items():
            line = next((ln for ln in self.lines if key == f"answer.{ln.question.id}"), None)
            if line is None:
                other.append(message)
                continue
            line.set_error(message)
            first = first if first is not None else self.lines.index(line)
        marked = len(problems_of(error)) - len(other)
        text = "\n".join(other)
        if marked:
            text = (text + "\n" if text else "") + wording.answers_to_check(marked)
        self.problem.setText(text)
        self.problem.show()
        self.state.hide()
        self.focus_line(first if first is not None else 0)

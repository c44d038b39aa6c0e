"""One question on the answer-entry screen: its number as on the printed ヒアリングシート, the
guide's mark, and an editor that fits its answer type (a box as many lines as on paper, a number,
はい/いいえ, or a choice), with its message when the answer cannot be saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.hearing import NO, YES, Question, clean_answer
from kyojushien_desktop.ui.common.fonts import restyle
from kyojushien_desktop.ui.common.growing_text import GrowingTextEdit
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.visit_models import STATUS_KEYS

MAX_SCREEN_LINES = 8  # a 20-line paper box would push the next questions off the screen
RADIO_LIMIT = 6  # more options than this go in a drop-down list
UNANSWERED = wording.UNANSWERED


def status_badge(status: str) -> QLabel:
    """状態 as a coloured badge; the colours come from style.qss (``status`` property)."""
    label = QLabel(status)
    label.setProperty("role", "badge")
    label.setProperty("status", STATUS_KEYS.get(status, "other"))
    return label


def set_status(label: QLabel, status: str) -> None:
    label.setText(status)
    label.setProperty("status", STATUS_KEYS.get(status, "other"))
    restyle(label)


def guide_badge() -> QLabel:
    label = QLabel(wording.GUIDE_MARK)
    label.setObjectName("guideBadge")
    label.setToolTip("『居住支援協議会設立の手引き』の質問例です。")
    return label


def lines_box(lines: int) -> QPlainTextEdit:
    """A free answer's box, at first as many lines high as its space on the sheet (up to a
    screenful), growing with a longer answer so the page keeps the only scrollbar."""
    shown = max(2, min(lines, MAX_SCREEN_LINES))
    return GrowingTextEdit(shown, max(shown, 16))


class QuestionRow(QFrame):
    """One numbered question with the editor its answer type needs and its message line."""

    changed = Signal()

    def __init__(self, number: int, question: Question, answer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerRow")
        self.question = question
        self.number = QLabel(f"{number}.")
        self.number.setObjectName("questionNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.number.setMinimumWidth(self.fontMetrics().horizontalAdvance("000.") + 4)
        self.text = QLabel(question.text)
        self.text.setObjectName("questionText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.hide()
        self.text_box: QPlainTextEdit | None = None
        self.line: QLineEdit | None = None
        self.group: QButtonGroup | None = None
        self.combo: QComboBox | None = None
        self.clear_button: QPushButton | None = None

        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.text, 1)
        if question.from_guide:
            head.addWidget(guide_badge(), 0, Qt.AlignmentFlag.AlignTop)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 10, 14, 12)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.number, 0, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(head, 0, 1)
        grid.addLayout(self._editor(answer), 1, 1)
        messages_box = QVBoxLayout()
        messages_box.setSpacing(2)
        messages_box.addWidget(self.note)
        messages_box.addWidget(self.error)
        grid.addLayout(messages_box, 2, 1)
        grid.setColumnStretch(1, 1)

    # --- editors ----------------------------------------------------------------------------
    def _editor(self, answer: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        kind = self.question.answer_type
        if kind == "number":
            self.line = QLineEdit(answer)
            self.line.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 16 + 24)
            self.line.setPlaceholderText("例: 120")
            self.line.textChanged.connect(lambda _t: self.changed.emit())
            self.line.editingFinished.connect(self.check)
            hint = QLabel("数字で入力します（全角でもかまいません）")
            hint.setObjectName("hint")
            row.addWidget(self.line)
            row.addWidget(hint, 1)
        elif kind in ("yesno", "choice"):
            options = (YES, NO) if kind == "yesno" else self.question.choices
            if kind == "choice" and len(options) > RADIO_LIMIT:
                self.combo = QComboBox()
                self.combo.addItem(UNANSWERED, "")
                for option in options:
                    self.combo.addItem(option, option)
                self.combo.setCurrentIndex(max(self.combo.findData(answer), 0))
                self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
                row.addWidget(self.combo)
                row.addStretch(1)
            else:
                self.group = QButtonGroup(self)
                stacked = sum(len(o) for o in options) > 24
                box = QVBoxLayout() if stacked else QHBoxLayout()
                box.setSpacing(4 if stacked else 24)
                for option in options:
                    button = QRadioButton(option)
                    button.setChecked(option == answer)
                    self.group.addButton(button)
                    box.addWidget(button)
                self.group.buttonToggled.connect(lambda _b, _c: self._choice_changed())
                self.clear_button = QPushButton("選択を外す")
                self.clear_button.setObjectName("linkButton")
                self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
                self.clear_button.setToolTip(f"{UNANSWERED}に戻します。")
                self.clear_button.clicked.connect(self.clear_choice)
                self.clear_button.setVisible(self.group.checkedButton() is not None)
                row.addLayout(box)
                row.addWidget(
                    self.clear_button, 0, Qt.AlignmentFlag.AlignBottom if stacked else Qt.AlignmentFlag.AlignVCenter
                )
                row.addStretch(1)
            if answer and answer not in options:
                self.note.setText(f"以前の回答: {answer}（選択肢にないため、選び直してください）")
                self.note.show()
        else:
            self.text_box = lines_box(self.question.lines)
            self.text_box.setPlainText(answer)
            self.text_box.textChanged.connect(self.changed.emit)
            row.addWidget(self.text_box, 1)
        return row

    def _choice_changed(self) -> None:
        if self.clear_button is not None and self.group is not None:
            self.clear_button.setVisible(self.group.checkedButton() is not None)
        self.changed.emit()

    def clear_choice(self) -> None:
        if self.group is None:
            return
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        self.group.setExclusive(True)
        self._choice_changed()

    def choose(self, option: str) -> None:
        """Picks an option as a click would (for はい/いいえ and 選択肢)."""
        if self.combo is not None:
            self.combo.setCurrentIndex(max(self.combo.findData(option), 0))
            return
        assert self.group is not None
        for button in self.group.buttons():
            if button.text() == option:
                button.setChecked(True)

    def editor(self) -> QWidget:
        """The widget to focus when this question needs a look."""
        for widget in (self.text_box, self.line, self.combo):
            if widget is not None:
                return widget
        assert self.group is not None
        return self.group.buttons()[0]

    def value(self) -> str:
        if self.text_box is not None:
            return self.text_box.toPlainText()
        if self.line is not None:
            return self.line.text()
        if self.combo is not None:
            return str(self.combo.currentData() or "")
        assert self.group is not None
        checked = self.group.checkedButton()
        return checked.text() if checked is not None else ""

    # --- messages ---------------------------------------------------------------------------
    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.setProperty("invalid", bool(message))
        restyle(self)

    def check(self) -> bool:
        """The domain's check of this answer, shown at once (the 数値 box, when it is left)."""
        try:
            clean_answer(self.question, self.value())
        except ValidationError as exc:
            self.set_error(exc.message)
            return False
        self.set_error("")
        return True

"""The 質問バンク's two dialogs: a question (text, answer type, choices, lines on paper) and a bank
(name and what it is for). Both check what was typed and return it; the editor saves."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.hearing import (
    ANSWER_TYPES,
    DEFAULT_LINES,
    MAX_LINES,
    Question,
    QuestionBank,
    clean_bank,
    clean_question,
)
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import FormDialog, dialog_buttons, size_for_text, text_box
from kyojushien_desktop.ui.hearing import wording

ANSWER_TYPE_HINTS = {
    "free": "文章で書きとめます。",
    "number": "数字だけを記入します（例: 戸数、件数）。比較表では数値として並べ替えられます。",
    "yesno": "「はい」か「いいえ」を選びます。まとめPDFで件数を数えます。",
    "choice": "下に書いた選択肢から1つ選びます。まとめPDFで件数を数えます。",
}


class QuestionDialog(FormDialog):
    """A question's wording, answer type, choices (only for 選択肢) and lines on the sheet.
    ``result_value`` holds the checked question after 保存."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = question
        title = "質問を追加" if question.id is None else "質問を編集"
        self.setWindowTitle(title)
        self.text = text_box(3)
        self.text.setPlaceholderText("例: 入居を断ることが多いのはどのような場合ですか？")
        self.type_group = QButtonGroup(self)
        self.type_buttons: dict[str, QRadioButton] = {}
        type_row = QHBoxLayout()
        type_row.setSpacing(18)
        for key, label in ANSWER_TYPES.items():
            button = QRadioButton(label)
            self.type_group.addButton(button)
            self.type_buttons[key] = button
            type_row.addWidget(button)
        type_row.addStretch(1)
        self.type_hint = QLabel()
        self.type_hint.setObjectName("hint")
        self.type_hint.setWordWrap(True)
        type_box = QVBoxLayout()
        type_box.setSpacing(2)
        type_box.addLayout(type_row)
        type_box.addWidget(self.type_hint)
        self.choices = text_box(4)
        self.choices.setPlaceholderText("1行に1つずつ書きます。例:\n必ず利用\n場合による\n利用していない")
        self.choices_label = QLabel("選択肢（1行に1つ）")
        self.lines = QSpinBox()
        self.lines.setRange(1, MAX_LINES)
        self.lines.setSuffix(" 行")
        lines_hint = QLabel("印刷するヒアリングシートで、回答を書く欄の行数です。")
        lines_hint.setObjectName("hint")
        lines_hint.setWordWrap(True)
        lines_box = QHBoxLayout()
        lines_box.addWidget(self.lines)
        lines_box.addWidget(lines_hint, 1)

        self.form = QFormLayout()
        self.form.setVerticalSpacing(8)
        self.form.addRow(wording.QUESTION + wording.REQUIRED, self.errors.field("text", self.text))
        self.form.addRow(wording.ANSWER_TYPE, self.errors.field("answer_type", type_box))
        self.choices_field = self.errors.field("choices", self.choices)
        self.form.addRow(self.choices_label, self.choices_field)
        self.form.addRow("記入欄の行数", self.errors.field("lines", lines_box))
        self.guide_note = QLabel()
        self.guide_note.setObjectName("hint")
        self.guide_note.setWordWrap(True)
        self.guide_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if question.guide_text is not None:
            self.guide_note.setText(
                f"{wording.GUIDE_MARK}の質問です。文言を変えても、あとで「{wording.RESTORE_GUIDE_WORDING}」で"
                f"元に戻せます。\n手引きの文言: {question.guide_text}"
            )
        self.guide_note.setVisible(question.guide_text is not None)

        heading = QLabel(title)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        buttons, self.ok_button = dialog_buttons(self, wording.SAVE, self.try_accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.guide_note)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addLayout(buttons)
        size_for_text(self, 42, 0)

        self.text.setPlainText(question.text)
        self.type_buttons.get(question.answer_type, self.type_buttons["free"]).setChecked(True)
        self.choices.setPlainText("\n".join(question.choices))
        self.lines.setValue(question.lines or DEFAULT_LINES)
        self.type_group.buttonToggled.connect(lambda _b, _c: self._type_changed())
        self._type_changed()
        self.text.setFocus()

    def answer_type(self) -> str:
        return next((key for key, button in self.type_buttons.items() if button.isChecked()), "free")

    def _type_changed(self) -> None:
        is_choice = self.answer_type() == "choice"
        self.choices_label.setVisible(is_choice)
        self.choices_field.setVisible(is_choice)
        self.type_hint.setText(ANSWER_TYPE_HINTS.get(self.answer_type(), ""))

    def current_value(self) -> Question:
        return dataclasses.replace(
            self.original,
            text=self.text.toPlainText(),
            answer_type=self.answer_type(),
            choices=tuple(line for line in self.choices.toPlainText().splitlines()),
            lines=self.lines.value(),
        )

    def clean(self, value: Question) -> Question:
        return clean_question(value)


class BankDialog(FormDialog):
    """A bank's name and what it is for; ``result_value`` after 保存."""

    def __init__(self, bank: QuestionBank, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = bank
        title = "新しい質問バンク" if bank.id is None else "質問バンクの名前と説明"
        self.setWindowTitle(title)
        self.name = QLineEdit(bank.name)
        self.name.setPlaceholderText("例: 入居受け入れの実情（町独自）")
        self.description = text_box(3)
        self.description.setPlaceholderText("例: 不動産事業者・大家さんに、手引きの質問例に加えて聞く項目")
        self.description.setPlainText(bank.description)
        heading = QLabel(title)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        form = QFormLayout()
        form.addRow("名前" + wording.REQUIRED, self.errors.field("name", self.name))
        form.addRow("説明", self.errors.field("description", self.description))
        hint = QLabel("バンクを作ったら「追加…」で質問を入れます。手引きの質問例を写して書き換えてもかまいません。")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        buttons, self.ok_button = dialog_buttons(self, wording.SAVE, self.try_accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        if bank.id is None:
            layout.addWidget(hint)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        size_for_text(self, 38, 0)
        self.name.setFocus()

    def current_value(self) -> QuestionBank:
        return dataclasses.replace(self.original, name=self.name.text(), description=self.description.toPlainText())

    def clean(self, value: QuestionBank) -> QuestionBank:
        return clean_bank(value)

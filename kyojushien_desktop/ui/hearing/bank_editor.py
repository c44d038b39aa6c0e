"""質問バンク: the guide's question lists and the town's own, edited in place.

Banks on the left (the guide's first, then the user's own, retired ones greyed at the end with
「元に戻す」); the chosen bank's questions on the right, numbered in the order they are printed,
with their answer type, lines on paper and a 手引きより mark. Nothing is deleted: what is no
longer wanted is retired so that answers already recorded keep their question.

Each action calls a ``question_banks`` service through ``ops`` and the editor reloads itself;
dialogs are built by ``*_dialog`` methods and run through ``run_dialog`` so tests can fill them in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.hearing import (
    Question,
    QuestionBank,
)
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.hearing import question_banks
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.forms import FormDialog
from kyojushien_desktop.ui.common.live import LiveView
from kyojushien_desktop.ui.common.ops import value_of
from kyojushien_desktop.ui.common.widgets import list_table
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.bank_dialogs import BankDialog, QuestionDialog
from kyojushien_desktop.ui.hearing.bank_models import BankListModel, QuestionTableModel


class BankEditor(LiveView, QWidget):
    """The 質問バンク tab."""

    topics = frozenset({Topic.BANKS})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        # --- banks ---
        self.bank_model = BankListModel(self)
        self.bank_table = list_table(self.bank_model, word_wrap=True)
        header = self.bank_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.bank_table.selectionModel().selectionChanged.connect(lambda *_: self._show_bank())
        self.new_bank_button = QPushButton(wording.NEW_BANK)
        self.new_bank_button.clicked.connect(lambda: self.new_bank())
        self.rename_bank_button = QPushButton("名前と説明…")
        self.rename_bank_button.clicked.connect(lambda: self.rename_bank())
        self.retire_bank_button = QPushButton(wording.RETIRE_BANK)
        self.retire_bank_button.setToolTip(
            "このバンクを一覧の選択肢から外します。記録済みの回答は残り、あとで元に戻せます。"
        )
        self.retire_bank_button.clicked.connect(lambda: self.toggle_bank_retired())
        bank_buttons = flow_row(self.new_bank_button, self.rename_bank_button, right=(self.retire_bank_button,))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        title = QLabel(wording.QUESTION_BANK)
        title.setObjectName("sectionTitle")
        left_layout.addWidget(title)
        left_layout.addWidget(self.bank_table, 1)
        left_layout.addWidget(bank_buttons)

        # --- questions ---
        self.bank_name = QLabel()
        self.bank_name.setObjectName("sectionTitle")
        self.bank_name.setWordWrap(True)
        self.bank_note = QLabel()
        self.bank_note.setObjectName("hint")
        self.bank_note.setWordWrap(True)
        self.question_model = QuestionTableModel(self)
        self.question_table = list_table(self.question_model, word_wrap=True)
        header = self.question_table.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(column, mode)
        self.question_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.question_table.doubleClicked.connect(lambda _i: self.edit_question())
        self.show_retired = QCheckBox("使わない質問も表示")
        self.show_retired.toggled.connect(lambda _c: self._show_bank())
        self.add_button = QPushButton(wording.ADD)
        self.add_button.setObjectName("primaryButton")
        self.add_button.clicked.connect(lambda: self.add_question())
        self.edit_button = QPushButton(wording.EDIT)
        self.edit_button.clicked.connect(lambda: self.edit_question())
        self.up_button = QPushButton(wording.MOVE_UP)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton(wording.MOVE_DOWN)
        self.down_button.clicked.connect(lambda: self.move(1))
        self.retire_button = QPushButton(wording.RETIRE_QUESTION)
        self.retire_button.setToolTip("この質問をバンクから外します。記録済みの回答は残り、あとで元に戻せます。")
        self.retire_button.clicked.connect(lambda: self.toggle_question_retired())
        self.restore_wording_button = QPushButton(wording.RESTORE_GUIDE_WORDING)
        self.restore_wording_button.setToolTip("書き換えた手引きの質問を、手引きの文言に戻します。")
        self.restore_wording_button.clicked.connect(lambda: self.restore_wording())
        question_buttons = flow_row(
            self.add_button,
            self.edit_button,
            self.up_button,
            self.down_button,
            right=(self.restore_wording_button, self.retire_button),
        )
        foot = QHBoxLayout()
        hint = QLabel(
            f"「{wording.GUIDE_MARK}」は手引きの質問例です。番号の順にヒアリングシートへ印刷します。ダブルクリックで編集します。"
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        foot.addWidget(hint, 1)
        foot.addWidget(self.show_retired)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.bank_name)
        right_layout.addWidget(self.bank_note)
        right_layout.addWidget(question_buttons)
        right_layout.addWidget(self.question_table, 1)
        right_layout.addLayout(foot)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setHandleWidth(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.splitter)
        self._update_buttons()

    # --- loading ----------------------------------------------------------------------------
    def reload(self, changes: Changes) -> None:
        bank_id = self.selected_bank_id()
        question_id = self.selected_question_id()
        session = self.session
        self.bank_model.set_banks(question_banks.list_banks(session, include_retired=True) if session else [])
        if bank_id is None or not self.select_bank(bank_id):
            if self.bank_model.rowCount():
                self.bank_table.selectRow(0)
            else:
                self._show_bank()
        if question_id is not None:
            self.select_question(question_id)
        if changes.file:  # the user's own split is kept across data changes
            self._split()

    def _split(self) -> None:
        """The banks a third, their questions two thirds, of the width the tab has now."""
        width = self.splitter.width()
        self.splitter.setSizes([width // 3, width - width // 3])

    def selected_bank(self) -> QuestionBank | None:
        rows = self.bank_table.selectionModel().selectedRows()
        return self.bank_model.bank(rows[0].row()) if rows else None

    def selected_bank_id(self) -> int | None:
        bank = self.selected_bank()
        return bank.id if bank is not None else None

    def select_bank(self, bank_id: int) -> bool:
        row = self.bank_model.row_of_id(bank_id)
        if row < 0:
            return False
        self.bank_table.selectRow(row)
        self._show_bank()
        return True

    def selected_question(self) -> Question | None:
        rows = self.question_table.selectionModel().selectedRows()
        return self.question_model.question(rows[0].row()) if rows else None

    def selected_question_id(self) -> int | None:
        question = self.selected_question()
        return question.id if question is not None else None

    def select_question(self, question_id: int) -> bool:
        row = self.question_model.row_of_id(question_id)
        if row < 0:
            return False
        self.question_table.selectRow(row)
        return True

    def _show_bank(self) -> None:
        bank = self.selected_bank()
        questions: list[Question] = []
        if bank is not None and bank.id is not None and self.session is not None:
            questions = question_banks.list_questions(
                self.session, bank.id, include_retired=self.show_retired.isChecked()
            )
            self.bank_name.setText(bank.name + (f"（{wording.RETIRED}）" if bank.retired else ""))
            notes = [bank.description]
            targets = question_banks.targets_of(bank)
            if targets:
                notes.append("ヒアリング先: " + "、".join(targets))
            self.bank_note.setText("\n".join(n for n in notes if n))
        else:
            self.bank_name.setText("質問バンクを選んでください")
            self.bank_note.clear()
        self.bank_note.setVisible(bool(self.bank_note.text()))
        self.question_model.set_questions(questions)
        self.question_table.resizeRowsToContents()
        self._update_buttons()

    def _read_only(self) -> bool:
        return self.session is None or self.session.read_only

    def _update_buttons(self) -> None:
        writable = not self._read_only()
        bank = self.selected_bank()
        question = self.selected_question()
        live_bank = bank is not None and not bank.retired
        live = [q for q in self.question_model.questions() if not q.retired]
        position = live.index(question) if question is not None and question in live else -1
        self.new_bank_button.setEnabled(writable)
        self.rename_bank_button.setEnabled(writable and bank is not None)
        self.retire_bank_button.setEnabled(writable and bank is not None)
        self.retire_bank_button.setText(wording.RESTORE if bank is not None and bank.retired else wording.RETIRE_BANK)
        self.add_button.setEnabled(writable and live_bank)
        self.edit_button.setEnabled(writable and question is not None)
        self.up_button.setEnabled(writable and position > 0)
        self.down_button.setEnabled(writable and 0 <= position < len(live) - 1)
        self.retire_button.setEnabled(writable and question is not None and live_bank)
        self.retire_button.setText(
            wording.RESTORE if question is not None and question.retired else wording.RETIRE_QUESTION
        )
        self.restore_wording_button.setEnabled(writable and question is not None and question.reworded)
        for button in (self.new_bank_button, self.add_button):
            button.setToolTip("" if writable else wording.READ_ONLY_CANNOT_EDIT)

    # --- dialogs (built here so tests can fill them in) -------------------------------------
    def question_dialog(self, question: Question | None = None) -> QuestionDialog:
        bank = self.selected_bank()
        assert bank is not None and bank.id is not None
        return QuestionDialog(question or Question(bank_id=bank.id, text=""), self)

    def bank_dialog(self, bank: QuestionBank | None = None) -> BankDialog:
        return BankDialog(bank or QuestionBank(name=""), self)

    # --- actions ----------------------------------------------------------------------------
    def _call(self, call: Callable[[Session], Changes]) -> bool:
        if self.run_op(call) is None:
            return False
        self.reload(Changes.of(Topic.BANKS))
        return True

    def _submit(self, dialog: FormDialog, call: Callable[[Session, object], object]) -> int | None:
        """Until the service takes it: a problem it finds is shown beside the field, input kept."""
        result = self.submit(dialog, call)
        if result is None:
            return None
        self.reload(Changes.of(Topic.BANKS))
        value = value_of(result)
        return value if isinstance(value, int) else 0

    def new_bank(self) -> int | None:
        if self.session is None:
            return None
        dialog = self.bank_dialog()
        bank_id = self._submit(dialog, question_banks.save_bank)
        if bank_id:
            self.select_bank(bank_id)
        return bank_id

    def rename_bank(self) -> None:
        bank = self.selected_bank()
        if self.session is None or bank is None:
            return
        dialog = self.bank_dialog(bank)
        self._submit(dialog, question_banks.save_bank)

    def toggle_bank_retired(self) -> None:
        bank = self.selected_bank()
        if self.session is None or bank is None or bank.id is None:
            return
        bank_id = bank.id
        if bank.retired:
            self._call(lambda session: question_banks.restore_bank(session, bank_id))
            return
        text = (
            f"「{bank.name}」を{wording.RETIRED}バンクにします。予定の画面で選べなくなりますが、"
            "記録済みの回答はそのまま残り、あとで「元に戻す」で戻せます。"
        )
        if self.confirm(wording.RETIRE_BANK, text, wording.RETIRE_BANK):
            self._call(lambda session: question_banks.retire_bank(session, bank_id))

    def add_question(self) -> int | None:
        bank = self.selected_bank()
        if self.session is None or bank is None:
            return None
        dialog = self.question_dialog()
        question_id = self._submit(dialog, question_banks.add_question)
        if question_id:
            self.select_question(question_id)
        return question_id

    def edit_question(self) -> None:
        question = self.selected_question()
        if self.session is None or question is None or self._read_only():
            return
        dialog = self.question_dialog(question)
        self._submit(dialog, question_banks.edit_question)
        if question.id is not None:
            self.select_question(question.id)

    def move(self, step: int) -> None:
        question = self.selected_question()
        if self.session is None or question is None or question.id is None or question.retired:
            return
        question_id = question.id
        if self._call(lambda session: question_banks.move_question(session, question_id, step)):
            self.select_question(question_id)

    def toggle_question_retired(self) -> None:
        question = self.selected_question()
        if self.session is None or question is None or question.id is None:
            return
        question_id = question.id
        if question.retired:
            self._call(lambda session: question_banks.reinstate_question(session, question_id))
            self.select_question(question_id)
            return
        text = (
            f"「{question.text}」をこのバンクで{wording.RETIRED}質問にします。"
            "記録済みの回答は残り、「使わない質問も表示」から元に戻せます。"
        )
        if self.confirm(wording.RETIRE_QUESTION, text, wording.RETIRE_QUESTION):
            self._call(lambda session: question_banks.retire_question(session, question_id))

    def restore_wording(self) -> None:
        question = self.selected_question()
        if self.session is None or question is None or question.id is None or not question.reworded:
            return
        question_id = question.id
        text = f"「{question.text}」を手引きの文言\n「{question.guide_text}」\nに戻します。回答の種類と行数はそのままです。"
        if self.confirm(wording.RESTORE_GUIDE_WORDING, text, "戻す"):
            self._call(lambda session: question_banks.restore_guide_wording(session, question_id))
            self.select_question(question_id)

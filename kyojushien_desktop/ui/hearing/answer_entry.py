"""回答を入力: one visit's record after the visit — an answer per question (numbered as on the
printed ヒアリングシート, with an editor fitting its answer type), a memo, 得意なこと / 困りごと
written back onto the organisation, 担当課の考え方 conveyed, and 次の対応 with 期限.

Nothing is saved until 保存, which calls ``visits.save_visit_record`` (one transaction); a wrong
answer is marked beside its question and nothing is written. Leaving with unsaved input (← 一覧,
Esc, another file, quitting) asks 保存／破棄／キャンセル first.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.hearing import AWAITING_RECORD, DONE, PLANNED, RECORDED, Visit, shown_status
from kyojushien_desktop.domain.members import Organization
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.hearing import visits
from kyojushien_desktop.services.members import organizations, people
from kyojushien_desktop.ui.common.fonts import restyle, scaled
from kyojushien_desktop.ui.common.forms import FieldErrors, problems_of
from kyojushien_desktop.ui.common.growing_text import GrowingTextEdit
from kyojushien_desktop.ui.common.live import LiveView, settle_unsaved
from kyojushien_desktop.ui.common.widgets import field_name, save_bar, value_label
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.answer_rows import QuestionRow, set_status, status_badge
from kyojushien_desktop.ui.hearing.followup_editor import FollowUpEditor
from kyojushien_desktop.ui.hearing.visit_models import visit_moment
from kyojushien_desktop.ui.region.visit_checks import VisitChecks


def _section(title: str, hint: str = "") -> QVBoxLayout:
    box = QVBoxLayout()
    box.setSpacing(4)
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    box.addWidget(label)
    if hint:
        note = QLabel(hint)
        note.setObjectName("hint")
        note.setWordWrap(True)
        box.addWidget(note)
    return box


class AnswerEntry(LiveView, QWidget):
    """The answer-entry screen of one visit; ``edit_requested`` / ``print_requested`` ask the page
    for the plan dialog and the sheet."""

    topics = frozenset({Topic.VISITS, Topic.FOLLOWUPS, Topic.ORGANIZATIONS, Topic.PEOPLE, Topic.SETTINGS})
    back_requested = Signal()
    edit_requested = Signal(int)
    print_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit: Visit | None = None
        self.org: Organization | None = None
        self.rows: list[QuestionRow] = []
        self.dirty = False
        self._loading = False
        self.errors = FieldErrors()

        # --- header ---
        self.back_button = QPushButton("← ヒアリングの一覧に戻る")
        self.back_button.clicked.connect(self.back_requested.emit)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested.emit)
        self.edit_button = QPushButton(wording.EDIT_PLAN)
        self.edit_button.setToolTip("日時・場所・先方・質問などを直します。")
        self.edit_button.clicked.connect(lambda: self._emit_with_id(self.edit_requested))
        self.print_button = QPushButton("シートを印刷…")
        self.print_button.setToolTip("このヒアリングのシートをPDFにします。")
        self.print_button.clicked.connect(lambda: self._emit_with_id(self.print_requested))
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.print_button)
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = status_badge("")
        name_row = QHBoxLayout()
        name_row.setSpacing(12)
        name_row.addWidget(self.name_label)
        name_row.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        name_row.addStretch(1)
        self.facts: dict[str, QLabel] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        facts.setVerticalSpacing(4)
        for number, (key, caption) in enumerate(
            (
                ("when", wording.WHEN),
                ("place", wording.PLACE),
                ("visitors", wording.VISITORS),
                ("people", wording.THEM),
                ("purpose", wording.PURPOSE),
            )
        ):
            row, column = (number // 2, (number % 2) * 2) if key != "purpose" else (2, 0)
            value = value_label()
            self.facts[key] = value
            facts.addWidget(field_name(caption), row, column)
            facts.addWidget(value, row, column + 1, 1, 3 if key == "purpose" else 1)
        facts.setColumnStretch(1, 1)
        facts.setColumnStretch(3, 1)
        facts.setColumnMinimumWidth(2, 12)

        # --- body ---
        self.questions_box = QVBoxLayout()
        self.questions_box.setSpacing(8)
        self.no_questions = QLabel(
            "このヒアリングには質問が選ばれていません。「予定を編集…」で質問を選べます。メモと次の対応はこのまま書けます。"
        )
        self.no_questions.setObjectName("banner")
        self.no_questions.setWordWrap(True)
        answers = _section(
            "回答",
            "番号はヒアリングシートと同じです。分からなかった質問は空欄のままで保存できます（未回答）。",
        )
        answers.addWidget(self.no_questions)
        answers.addLayout(self.questions_box)

        self.memo = GrowingTextEdit()
        self.memo.setPlaceholderText("話の流れ、印象、先方から頼まれたことなど")
        self.strengths = GrowingTextEdit(3)
        self.strengths.setPlaceholderText("例: 高齢者向け物件の紹介に慣れている")
        self.troubles = GrowingTextEdit(3)
        self.troubles.setPlaceholderText("例: 入居後の見守り先が見つからない")
        self.policy = QCheckBox(wording.POLICY_CONVEYED)
        self.policy.setToolTip("居住支援に対する担当課としての課題認識や、必要と考えている取組みを伝えたか。")
        notes = _section("訪問のまとめ")
        notes.addWidget(field_name(wording.MEMO))
        notes.addWidget(self.memo)
        pair = QGridLayout()
        pair.setHorizontalSpacing(16)
        pair.setVerticalSpacing(4)
        pair.addWidget(field_name(wording.NOTE_ONTO_STRENGTHS), 0, 0)
        pair.addWidget(field_name(wording.NOTE_ONTO_TROUBLES), 0, 1)
        pair.addWidget(self.strengths, 1, 0)
        pair.addWidget(self.troubles, 1, 1)
        pair.setColumnStretch(0, 1)
        pair.setColumnStretch(1, 1)
        notes.addLayout(pair)
        onto = QLabel(
            "保存すると、団体の「得意なこと」「困りごと」に日付つきで書き足します（同じ文は二重に入りません）。"
        )
        onto.setObjectName("hint")
        onto.setWordWrap(True)
        notes.addWidget(onto)
        notes.addWidget(self.policy)

        self.followups = FollowUpEditor()
        self.followups.edited.connect(self._mark_dirty)
        self.followups.action.textChanged.connect(lambda _t: self._loading or self._show_state())  # not yet 追加
        # the editor's parts, named as the rest of the screen and its tests know them
        self.followup_model, self.followup_table = self.followups.model, self.followups.table
        self.action, self.due_check, self.due = self.followups.action, self.followups.due_check, self.followups.due
        self.add_button, self.drop_button = self.followups.add_button, self.followups.drop_button
        follow = _section(
            wording.NEXT_ACTION,
            "決めたことと期限を残します。済んだら「済」にチェックを入れて保存します。",
        )
        follow.addWidget(self.followups)

        body = QWidget()
        body.setObjectName("recordBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(16, 12, 16, 16)
        body_layout.setSpacing(18)
        body_layout.addLayout(answers)
        body_layout.addLayout(notes)
        body_layout.addLayout(follow)
        self.housing_checks = VisitChecks()  # 住宅の目安チェック kept on this visit (地域の現状と資源)
        body_layout.addWidget(self.housing_checks)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("answerScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)

        # --- save bar ---
        self.state_label = QLabel()
        self.state_label.setObjectName("hint")
        self.state_label.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("fieldError")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.save_button = QPushButton(wording.SAVE)
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(lambda: self.save())
        bar = save_bar([self.state_label, self.problem_label, self.errors.general], self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(name_row)
        layout.addLayout(facts)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(bar)

        for box in (self.memo, self.strengths, self.troubles):
            box.textChanged.connect(self._mark_dirty)
        self.policy.toggled.connect(lambda _c: self._mark_dirty())
        self.rescale()

    # --- loading ----------------------------------------------------------------------------
    def load(self, visit_id: int) -> None:
        """Shows the visit as saved; what was typed and not saved is dropped."""
        session = self.session
        assert session is not None
        visit = visits.get_visit(session, visit_id)
        org = organizations.get_organization(session, visit.organization_id)
        questions = visits.visit_questions(session, visit_id)
        answers = visits.answers_of(session, visit_id)
        followups = visits.followups_of(session, visit_id)
        self.housing_checks.show_visit(visit_id)
        met = []
        for person_id in visit.person_ids:
            try:
                person = people.get_person(session, person_id)
            except UserFacingError:
                continue
            role = " ".join(p for p in (person.department, person.title) if p)
            met.append(f"{person.name} 様" + (f"（{role}）" if role else ""))
        scrolled = (
            self.scroll.verticalScrollBar().value() if self.visit is not None and self.visit.id == visit_id else 0
        )

        self._loading = True
        self.visit, self.org = visit, org
        self.rescale()
        self.name_label.setText(org.name)
        self._fit_name()
        shown = shown_status(visit.status, visit.scheduled_at.date(), dt.date.today())
        set_status(self.status, shown)
        self.status.setToolTip(
            {
                PLANNED: "まだ訪問していません。訪問のあと回答を入れて保存すると「記録済」になります。",
                AWAITING_RECORD: "予定の日が過ぎました。訪問のあと回答を入れて保存すると「記録済」になります。",
                DONE: "訪問は済み、回答はまだです。",
                RECORDED: "回答を記録しました。",
            }.get(shown, "")
        )
        self.facts["when"].setText(visit_moment(visit.scheduled_at))
        self.facts["place"].setText(visit.place or "—")
        ours = visit.visitors or "—"
        if visit.companions:
            ours += f"（{wording.COMPANIONS}: {visit.companions}）"
        self.facts["visitors"].setText(ours)
        self.facts["people"].setText("、".join(met) or "—")
        self.facts["purpose"].setText(visit.purpose or "—")

        self._clear_rows()
        for number, question in enumerate(questions, 1):
            row = QuestionRow(number, question, answers.get(question.id or 0, ""))
            row.changed.connect(self._mark_dirty)
            self.questions_box.addWidget(row)
            self.rows.append(row)
        self.no_questions.setVisible(not questions)
        self.memo.setPlainText(visit.memo)
        self.strengths.setPlainText(visit.strengths_noted)
        self.troubles.setPlainText(visit.troubles_noted)
        self.policy.setChecked(visit.policy_conveyed)
        self.followups.show_followups(visit_id, followups)
        self.errors.clear()
        self.problem_label.hide()
        self._size_boxes()
        self._loading = False
        self.dirty = False
        self.mark_fresh()
        self._show_state()
        self._update_buttons()
        if scrolled:
            self.scroll.verticalScrollBar().setValue(scrolled)

    def _clear_rows(self) -> None:
        for row in self.rows:
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.rows = []

    def _size_boxes(self) -> None:
        """Heights in lines of the current font, so 文字の大きさ grows them too."""
        spacing = self.fontMetrics().lineSpacing()
        self.memo.setFixedHeight(spacing * 5 + 14)
        for box in (self.strengths, self.troubles):
            box.setFixedHeight(spacing * 3 + 14)
        self.followups.fit(spacing)

    def reload(self, changes: Changes) -> None:
        """Reloads what is shown unless the user is typing; a larger 文字の大きさ rebuilds the rows."""
        if self.session is None or changes.file:
            self.visit = None
            self.dirty = False
            return
        if self.visit is None or self.visit.id is None or self._typing():
            self.rescale()
            return
        try:
            self.load(self.visit.id)
        except UserFacingError:
            self.visit = None

    def rescale(self) -> None:
        self.name_label.setFont(scaled(self.font(), 1.5, bold=True))
        self._fit_name()

    def _fit_name(self) -> None:
        """The name on one line when it fits, with the 状態 badge just after it; a very long name
        wraps instead of pushing the badge off the screen."""
        wanted = self.name_label.fontMetrics().horizontalAdvance(self.name_label.text()) + 8
        self.name_label.setMinimumWidth(max(0, min(wanted, self.width() - 240)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_name()

    def _emit_with_id(self, signal) -> None:
        if self.visit is not None and self.visit.id is not None:
            signal.emit(self.visit.id)

    # --- state ------------------------------------------------------------------------------
    def _read_only(self) -> bool:
        return self.session is None or self.session.read_only

    def _typing(self) -> bool:
        """Input not yet saved: a changed answer or note, or a 次の対応 typed and not yet 追加."""
        return self.dirty or bool(self.followups.action.text().strip())

    def _mark_dirty(self) -> None:
        if self._loading:
            return
        self.dirty = True
        self._show_state()

    def _show_state(self, saved: bool = False) -> None:
        if self._read_only():
            text = wording.READ_ONLY_CANNOT_EDIT
        elif self._typing():
            text = wording.UNSAVED + "「保存」を押すと記録されます。"
        elif saved:
            text = "保存しました。"
        else:
            answered = sum(1 for row in self.rows if row.value().strip())
            text = f"{len(self.rows)}問のうち{answered}問に回答があります。" if self.rows else ""
        self.state_label.setText(text)
        self.state_label.setVisible(self.problem_label.isHidden())
        self.state_label.setObjectName("warning" if self._typing() else "hint")
        restyle(self.state_label)

    def _update_buttons(self) -> None:
        writable = not self._read_only() and self.visit is not None
        for widget in (self.save_button, self.edit_button):
            widget.setEnabled(writable)
        self.followups.update_buttons(writable)

    def row_of(self, question_id: int) -> QuestionRow | None:
        return next((row for row in self.rows if row.question.id == question_id), None)

    # --- follow-ups -------------------------------------------------------------------------
    def add_followup(self) -> bool:
        return self.followups.add()

    # --- saving -----------------------------------------------------------------------------
    def answers(self) -> dict[int, str]:
        return {row.question.id: row.value() for row in self.rows if row.question.id is not None}

    def save(self) -> bool:
        """Answers, notes and follow-ups in one service call (one transaction); a wrong answer is
        shown beside its question and nothing is saved. A 次の対応 typed but not yet added is added
        first, so 保存 never drops it."""
        if self.session is None or self.visit is None or self.visit.id is None or self._read_only():
            return False
        if self.followups.action.text().strip() and not self.followups.add():
            return False
        visit_id = self.visit.id
        for row in self.rows:
            row.set_error("")
        self.errors.clear()
        self.problem_label.hide()
        answers, followups = self.answers(), self.followups.followups()
        memo, strengths, troubles = self.memo.toPlainText(), self.strengths.toPlainText(), self.troubles.toPlainText()
        policy = self.policy.isChecked()
        saved = self.run_op(
            lambda session: visits.save_visit_record(
                session,
                visit_id,
                answers,
                followups,
                memo=memo,
                strengths=strengths,
                troubles=troubles,
                policy_conveyed=policy,
            ),
            on_invalid=lambda exc: self._show_problems(problems_of(exc)),
        )
        if saved is None:
            return False
        self.dirty = False
        self.load(visit_id)
        self._show_state(saved=True)
        return True

    def _show_problems(self, problems: dict[str, str]) -> None:
        other: dict[str, str] = {}
        first: QuestionRow | None = None
        for key, message in problems.items():
            row = None
            if key.startswith("answer:"):
                try:
                    row = self.row_of(int(key.split(":", 1)[1]))
                except ValueError:
                    row = None
            if row is None:
                other[key] = message
                continue
            row.set_error(message)
            first = first or row
        if other:
            self.errors.show(other)
        marked = len(problems) - len(other)
        if marked:
            self.problem_label.setText(
                f"{marked}件の回答を確認してください（質問の下に赤い字で出ています）。まだ保存していません。"
            )
            self.problem_label.show()
            self.state_label.hide()  # 「保存を押すと記録されます」 would contradict it
        if first is not None:
            self.scroll.ensureWidgetVisible(first, 0, 40)
            first.editor().setFocus()

    # --- leaving with unsaved input ---------------------------------------------------------
    def has_unsaved(self) -> bool:
        return self._typing() and self.visit is not None and not self._read_only()

    def save_unsaved(self) -> bool:
        return self.save()

    def discard_unsaved(self) -> None:
        """Drops what was typed: the next showing loads the visit as saved."""
        self.dirty = False
        if self.visit is not None and self.visit.id is not None and self.session is not None:
            try:
                self.load(self.visit.id)
            except UserFacingError:
                self.visit = None

    def confirm_leave(self) -> bool:
        """保存／破棄／キャンセル before leaving with unsaved input; True when the way is clear."""
        return settle_unsaved(self, wording.THIS_VISIT_RECORD)

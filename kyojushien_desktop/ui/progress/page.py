"""フェーズ進捗: the guide's four phases and their 21 到達の目安 (状態, the day it changed, 根拠 and
target month) with, beside the table, the chosen 目安 (or phase) to record on; and a second tab,
年度の計画と経過.

The app proposes 根拠 from the records but never decides a 状態: the staff member does. What is
typed into the two notes is unsaved input: choosing another row, Esc (back to the phase's row),
leaving the page's file and quitting ask 保存／破棄／キャンセル first.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QRect, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.phases import phases
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page, settle_unsaved
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.progress import wording
from kyojushien_desktop.ui.progress.milestone_panel import MilestonePanel
from kyojushien_desktop.ui.progress.models import EVIDENCE, NUMBER, STATUS, TEXT, ProgressModel, ProgressRow
from kyojushien_desktop.ui.progress.phase_panel import PhasePanel
from kyojushien_desktop.ui.progress.timeline_view import TimelineView

HINT, PHASE_PANEL, MILESTONE_PANEL = range(3)
# 根拠 are suggested from the 名簿, visits and meetings; the notes and counts are the area's own.
TOPICS = frozenset({Topic.PROGRESS, Topic.ORGANIZATIONS, Topic.VISITS, Topic.MEETINGS, Topic.CONTACTS})


class ProgressPage(Page):
    title = wording.NAV_PROGRESS
    topics = TOPICS | {Topic.SETTINGS}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selected: ProgressRow | None = None
        self.reloads = 0  # how often the page loaded itself (a hidden page waits until shown)
        self.model = ProgressModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: QTimer.singleShot(0, self, self._fit_rows))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._row_chosen(current.row()))

        self.hint = QLabel(wording.CHOOSE_HINT)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.hint.setMargin(8)
        self.phase_panel = PhasePanel(self)
        self.milestone_panel = MilestonePanel(self)
        self.panels = QStackedWidget()
        for widget in (self.hint, self.phase_panel, self.milestone_panel):
            self.panels.addWidget(widget)
        self._show_panel(HINT)
        side = scrolling_column(self.panels)
        self.side = side
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        self.timeline = TimelineView(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, wording.PHASES_TAB)
        self.tabs.addTab(self.timeline, wording.TIMELINE_TAB)
        self.tabs.currentChanged.connect(lambda _index: self.timeline.reload())
        heading = QLabel(wording.NAV_PROGRESS)
        heading.setObjectName("pageTitle")
        self.heading = heading
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 10)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(lambda: self.leave_milestone())

    # --- refresh ----------------------------------------------------------------------------
    def reload(self, changes: Changes) -> None:
        self.heading.setFont(scaled(self.font(), 1.4, bold=True))
        if Topic.SETTINGS in changes.topics or changes.file:
            self._fit_columns()
        if not changes.touches(TOPICS | {Topic.FILE}):
            return
        self.reloads += 1
        session = self.session
        self.setEnabled(session is not None)
        if changes.file:
            self.selected = None
            self.milestone_panel.state = None
        if session is None:
            self.model.set_rows([])
            self._show_panel(HINT)
            return
        states = {s.milestone_id: s for s in progress.states(session)}
        counted = {p.phase: p for p in progress.phase_progress(session)}
        rows: list[ProgressRow] = []
        for phase in phases():
            rows.append(ProgressRow(phase, counted[phase.number]))
            rows += [ProgressRow(phase, counted[phase.number], m, states[m.id]) for m in phase.milestones]
        chosen = self.selected
        self.model.set_rows(rows)
        self.table.clearSpans()
        for number in self.model.phase_rows():
            self.table.setSpan(number, NUMBER, 1, self.model.columnCount())
        self._fit_rows()
        if chosen is not None:
            self._select(
                self.model.row_of(
                    chosen.milestone.id if chosen.milestone else None,
                    chosen.phase.number if chosen.milestone is None else None,
                )
            )
        if self.tabs.currentWidget() is self.timeline:
            self.timeline.reload()

    def _fit_columns(self) -> None:
        """The short columns as wide as their widest text at the current 文字の大きさ; the 目安's
        text takes the rest and wraps; the panel beside it at least 24 characters wide."""
        metrics = self.table.fontMetrics()
        for column, sample in ((NUMBER, "4-5"), (STATUS, f"{wording.WIDEST_DATE}(水)"), (EVIDENCE, wording.EVIDENCE)):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 20)
        bar = self.side.verticalScrollBar().sizeHint().width()
        self.side.setMinimumWidth(
            max(metrics.horizontalAdvance("あ") * 22, self.milestone_panel.minimumSizeHint().width() + bar + 4)
        )
        total = self.splitter.width()
        if total > 0:
            self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])
        self._fit_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_rows)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_rows)

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text (a phase's row spans the table, so it is measured
        across the whole width, in bold)."""
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        whole = self.table.viewport().width() - 14
        for number in range(self.model.rowCount()):
            phase_row = self.model.row(number).milestone is None
            lines = [(TEXT, self.table.columnWidth(TEXT) - 24), (STATUS, self.table.columnWidth(STATUS) - 24)]
            height = 0
            for column, width in [(NUMBER, whole)] if phase_row else lines:
                text = self.model.index(number, column).data() or ""
                measure = QFontMetrics(bold) if phase_row else metrics
                box = measure.boundingRect(QRect(0, 0, max(width, 60), 10_000), Qt.TextFlag.TextWordWrap, text)
                height = max(height, box.height())
            self.table.setRowHeight(number, height + 14)

    def _select(self, row: int) -> None:
        """Shows ``row`` beside the table (typing in the notes kept when it is the same 目安)."""
        if row < 0:
            return
        self.table.selectionModel().blockSignals(True)
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, NUMBER),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.selectionModel().blockSignals(False)
        self._show_row(row)

    def _show_row(self, row: int) -> None:
        picked = self.model.row(row)
        self.selected = picked
        if picked.milestone is None:
            self.phase_panel.show_phase(picked.phase, picked.progress)
            self._show_panel(PHASE_PANEL)
            self.side.verticalScrollBar().setValue(0)
            return
        same = self.milestone_panel.milestone_id == picked.milestone.id
        if not same:
            self.side.verticalScrollBar().setValue(0)
        self.milestone_panel.show_milestone(picked.milestone.id, keep_typing=same and self.milestone_panel.dirty)
        self._show_panel(MILESTONE_PANEL)

    def _show_panel(self, index: int) -> None:
        """The stack as tall as the panel shown (not the tallest), so the hint needs no scrolling."""
        for number in range(self.panels.count()):
            shown = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
            self.panels.widget(number).setSizePolicy(shown, shown)
        self.panels.setCurrentIndex(index)
        self.panels.adjustSize()

    def _row_chosen(self, row: int) -> None:
        if row < 0:
            return
        picked = self.model.row(row)
        if self.selected is not None and picked is not self.selected and not self.confirm_leave():
            previous = self.selected
            self._select(
                self.model.row_of(
                    previous.milestone.id if previous.milestone else None,
                    None if previous.milestone else previous.phase.number,
                )
            )
            return
        self._show_row(row)

    # --- navigation -------------------------------------------------------------------------
    def leave_milestone(self) -> bool:
        """Esc: from a 目安 back to its phase's row (asking about the notes typed first)."""
        if self.selected is None or self.selected.milestone is None:
            return False
        self.table.selectRow(self.model.row_of(phase=self.selected.phase.number))
        return self.selected.milestone is None

    # --- unsaved input ----------------------------------------------------------------------
    def has_unsaved(self) -> bool:
        return self.milestone_panel.dirty or self.phase_panel.dirty

    def save_unsaved(self) -> bool:
        return (not self.phase_panel.dirty or self.phase_panel.save_target()) and (
            not self.milestone_panel.dirty or self.milestone_panel.save()
        )

    def discard_unsaved(self) -> None:
        self.phase_panel.discard()
        self.milestone_panel.discard()

    def unsaved_label(self) -> str:
        """What the question names: the 目安 (or phase) and the parts typed in."""
        panel = self.milestone_panel
        if panel.dirty:
            return f"{panel.milestone_id} {'・'.join(p for p in (wording.STATUS, wording.NOTES, wording.TARGET, wording.MEMO) if p in panel.dirty_parts())}"
        phase = self.phase_panel.phase
        return f"{wording.PHASE}{phase.number if phase is not None else ''} {wording.TARGET}"

    def confirm_leave(self) -> bool:
        """保存／破棄／キャンセル before input typed is left; True when clear."""
        if self.has_unsaved():
            self.tabs.setCurrentIndex(0)
        return settle_unsaved(self, self.unsaved_label())

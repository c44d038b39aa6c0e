"""比較（目線合わせ）: the heat map of a round (items by phase × respondents, or A, B, C … with
「名前を伏せる」), a 部局 filter, the two rankings (認識のずれが大きい項目, 喫緊の課題) and the free
answers; the items chosen in a ranking or the table become the next 意見交換's テーマ (step ③)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.diagnosis import Respondent, anonymous_names, lowest_means, widest_spread
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.diagnosis import rounds
from kyojushien_desktop.ui.diagnosis import wording
from kyojushien_desktop.ui.diagnosis.models import HeatModel, score_text

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole


class CompareView(QWidget):
    """``theme_requested`` carries the chosen item ids."""

    theme_requested = Signal(list)
    export_requested = Signal(str)  # "xlsx" or "pdf": the comparison to a file

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.round_id: int | None = None
        self.people: list[Respondent] = []
        self.round_label = QLabel()
        self.round_label.setWordWrap(True)
        self.bureau = QComboBox()
        self.bureau.currentIndexChanged.connect(lambda _i: self._fill())
        self.hide_names = QCheckBox(wording.HIDE_NAMES)
        self.hide_names.toggled.connect(lambda _on: self._fill())
        self.theme_button = QPushButton(wording.MAKE_THEME)
        self.theme_button.setObjectName("primaryButton")
        self.theme_button.setToolTip(wording.MAKE_THEME_HINT)
        self.theme_button.clicked.connect(lambda: self.request_theme())
        top = QHBoxLayout()
        top.addWidget(self.round_label, 1)
        top.addWidget(QLabel(wording.BUREAU))
        top.addWidget(self.bureau)
        top.addWidget(self.hide_names)
        top.addWidget(self.theme_button)
        for text, kind in ((wording.COMPARISON_XLSX, "xlsx"), (wording.COMPARISON_PDF, "pdf")):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, k=kind: self.export_requested.emit(k))
            top.addWidget(button)
        self.model = HeatModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self.widest = self._ranking()
        self.lowest = self._ranking()
        self.free_answers = QPlainTextEdit()
        self.free_answers.setReadOnly(True)
        self.free_answers.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        for title, widget in (
            (wording.WIDEST, self.widest),
            (wording.LOWEST, self.lowest),
            (wording.FREE_ANSWERS, self.free_answers),
        ):
            column = QVBoxLayout()
            heading = QLabel(title)
            heading.setObjectName("sectionTitle")
            column.addWidget(heading)
            column.addWidget(widget, 1)
            lower_layout.addLayout(column, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._update_button()

    def _ranking(self) -> QTreeWidget:
        """One line per item, cut to the width with the whole text as its tip."""
        ranking = QTreeWidget()
        ranking.setHeaderHidden(True)
        ranking.setRootIsDecorated(False)
        ranking.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ranking.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        ranking.itemSelectionChanged.connect(lambda: self._update_button())
        return ranking

    def show_round(self, session: Session, round_id: int | None, heading: str) -> None:
        self.round_id = round_id
        self.round_label.setText(heading)
        self.people = rounds.respondents_of(session, round_id) if round_id is not None else []
        bureaus = sorted({p.bureau for p in self.people if p.bureau})
        chosen = self.bureau.currentData()
        self.bureau.blockSignals(True)
        self.bureau.clear()
        self.bureau.addItem(wording.ALL, None)
        for bureau in bureaus:
            self.bureau.addItem(bureau, bureau)
        self.bureau.setCurrentIndex(max(0, self.bureau.findData(chosen)) if chosen in bureaus else 0)
        self.bureau.blockSignals(False)
        self._session = session
        self._fill()

    def _fill(self) -> None:
        if self.round_id is None or not hasattr(self, "_session"):
            self.model.set_comparison([], [])
            self.widest.clear()
            self.lowest.clear()
            self.free_answers.clear()
            self._update_button()
            return
        bureau = self.bureau.currentData()
        rows = rounds.comparison(self._session, self.round_id, bureau)
        people = [p for p in self.people if bureau is None or p.bureau == bureau]
        names = anonymous_names(len(people)) if self.hide_names.isChecked() else [p.name for p in people]
        self.model.set_comparison(rows, names)
        self.table.clearSpans()
        for row in range(self.model.rowCount()):
            if self.model.is_phase_row(row):
                self.table.setSpan(row, 0, 1, self.model.columnCount())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("あ") * 3)
        self.widest.clear()
        for row in widest_spread(rows):
            self._rank_item(
                self.widest, row.item_id, f"{wording.SPREAD} {score_text(row.spread)}（{row.range_text}）", row.text
            )
        self.lowest.clear()
        for row in lowest_means(rows):
            self._rank_item(self.lowest, row.item_id, f"{wording.MEAN} {score_text(row.mean)}", row.text)
        lines = [f"{name}: {p.free_answer}" for name, p in zip(names, people, strict=True) if p.free_answer.strip()]
        self.free_answers.setPlainText("\n\n".join(lines) or wording.NO_FREE_ANSWERS)
        self._update_button()

    @staticmethod
    def _rank_item(ranking: QTreeWidget, item_id: str, figure: str, text: str) -> None:
        entry = QTreeWidgetItem([f"{item_id}　{figure}　{text}"])
        entry.setData(0, ITEM_ID_ROLE, item_id)
        entry.setToolTip(0, text)
        ranking.addTopLevelItem(entry)

    def chosen_items(self) -> list[str]:
        """The items chosen in the rankings and the table, in the sheet's order."""
        chosen = {
            item.data(0, ITEM_ID_ROLE) for ranking in (self.widest, self.lowest) for item in ranking.selectedItems()
        }
        for index in self.table.selectionModel().selectedRows():
            item_id = self.model.item_id(index)
            if item_id is not None:
                chosen.add(item_id)
        order = [self.model.item_id(self.model.index(r, 0)) for r in range(self.model.rowCount())]
        return [item_id for item_id in order if item_id in chosen]

    def _update_button(self) -> None:
        self.theme_button.setEnabled(self.round_id is not None and bool(self.chosen_items()))

    def request_theme(self) -> None:
        chosen = self.chosen_items()
        if chosen:
            self.theme_requested.emit(chosen)

"""住宅の目安チェック: what is known of a dwelling or a share house, and at once each criterion of
セーフティネット住宅 and 居住サポート住宅 with the source's wording, 適合／不適合／未確認 in words
and marks (never colour alone), the reason in numbers, and the note that the authority's plan may
strengthen or relax them. A check made on a visit can be kept on the visit's record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.housing_check import MET, NOT_MET, HousingFacts
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.hearing import visits
from kyojushien_desktop.services.region import checks
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import LiveView
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.common.widgets import char_width
from kyojushien_desktop.ui.region import wording
from kyojushien_desktop.ui.region.facts_tab import hint_label
from kyojushien_desktop.ui.region.fields import parse_number, three_state
from kyojushien_desktop.ui.region.visit_checks import VisitPickDialog

MARKS = {MET: "○", NOT_MET: "×"}
UNKNOWN_MARK = "－"  # 未確認: neither ○ nor ×
UNKNOWN_COUNT = -1  # a count box below 0 reads 未確認
RESIDENTS_AT_START = 2  # 入居者数 as the form starts (and 破棄 leaves it)


def count_box(changed) -> QSpinBox:
    """A count that may be left unknown (shown as 未確認 below 0)."""
    box = QSpinBox()
    box.setRange(UNKNOWN_COUNT, 100)
    box.setSpecialValueText(wording.UNCHECKED)
    box.setValue(UNKNOWN_COUNT)
    box.setSuffix(wording.PLACES)
    box.valueChanged.connect(lambda _v: changed())
    return box


class CheckTab(LiveView, QWidget):
    topics = frozenset({Topic.REGION})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: list[checks.CheckResult] = []
        self.criteria_labels: list[QLabel] = []  # a criterion's mark, result and label, as shown
        self.dwelling_button = QRadioButton(wording.DWELLING)
        self.share_button = QRadioButton(wording.SHARE_HOUSE)
        self.dwelling_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.dwelling_button)
        group.addButton(self.share_button)
        self.share_button.toggled.connect(lambda _c: self._switch())
        kinds = QHBoxLayout()
        kinds.addWidget(self.dwelling_button)
        kinds.addWidget(self.share_button)
        kinds.addStretch(1)

        def area() -> QLineEdit:
            edit = QLineEdit()
            edit.setFixedWidth(self.fontMetrics().horizontalAdvance("0") * 9)
            edit.textChanged.connect(lambda _t: self.update_result())
            return edit

        def with_unit(edit: QWidget, unit: str) -> QWidget:
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(edit)
            row.addWidget(QLabel(unit))
            row.addStretch(1)
            return box

        update = self.update_result
        self.area = area()
        self.new_build = QComboBox()
        self.new_build.setMinimumContentsLength(4)
        for text, value in ((wording.UNCHECKED, None), (wording.NEW, True), (wording.EXISTING, False)):
            self.new_build.addItem(text, value)
        self.new_build.currentIndexChanged.connect(lambda _i: update())
        self.shared_facilities = three_state(update)
        self.private_facilities = three_state(update)
        self.residents = QSpinBox()
        self.residents.setRange(1, 100)
        self.residents.setValue(RESIDENTS_AT_START)
        self.residents.setSuffix(wording.PEOPLE_UNIT)
        self.residents.valueChanged.connect(lambda _v: update())
        self.room_area, self.total_area = area(), area()
        self.toilets, self.washrooms, self.baths = count_box(update), count_box(update), count_box(update)
        self.one_per_room = three_state(update)
        self.common_rooms = three_state(update)
        self.seismic, self.rent, self.plan = three_state(update), three_state(update), three_state(update)
        # one form, so the fields line up; switching the type shows its own rows
        self.form = QFormLayout()
        # long captions wrap inside their column, so a はい／いいえ stays beside its question
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.dwelling_rows = [
            (wording.FLOOR_AREA, with_unit(self.area, wording.SQUARE_METRES)),
            (wording.NEW_BUILD, self.new_build),
            (wording.SHARED_FACILITIES, self.shared_facilities),
            (wording.PRIVATE_FACILITIES, self.private_facilities),
        ]
        self.shared_rows = [
            (wording.RESIDENTS, self.residents),
            (wording.ROOM_AREA, with_unit(self.room_area, wording.SQUARE_METRES)),
            (wording.TOTAL_AREA, with_unit(self.total_area, wording.SQUARE_METRES)),
            (wording.TOILETS, self.toilets),
            (wording.WASHROOMS, self.washrooms),
            (wording.BATHS, self.baths),
            (wording.ONE_PER_ROOM, self.one_per_room),
            (wording.COMMON_ROOMS, self.common_rooms),
        ]
        common = [(wording.SEISMIC, self.seismic), (wording.RENT, self.rent), (wording.PLAN, self.plan)]
        for caption, field in self.dwelling_rows + self.shared_rows + common:
            label = QLabel(caption)
            label.setWordWrap(True)
            label.setMaximumWidth(char_width(self, 11))
            label.setMinimumWidth(min(label.fontMetrics().horizontalAdvance(caption) + 2, char_width(self, 11)))
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.save_button = QPushButton(wording.SAVE_CHECK)
        self.save_button.clicked.connect(lambda: self.save_to_visit())
        form_box = QWidget()
        form = QVBoxLayout(form_box)
        form.addWidget(hint_label(wording.CHECK_LEAD))
        form.addLayout(kinds)
        form.addLayout(self.form)
        form.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addStretch(1)

        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.result_box = QWidget()
        self.result_layout = QVBoxLayout(self.result_box)
        self.result_layout.setContentsMargins(4, 0, 8, 0)
        self.summary = QLabel()
        self.summary.setObjectName("fieldName")
        panes = QHBoxLayout()
        panes.addWidget(scrolling_column(form_box), 2)
        panes.addWidget(scrolling_column(self.result_box), 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.problem)
        layout.addWidget(self.summary)
        layout.addLayout(panes, 1)
        self._switch()
        self._texts = (self.area, self.room_area, self.total_area)
        self._counts = (self.toilets, self.washrooms, self.baths)
        self._kept = self._typed()  # what is on screen and safe: the blank form, or a saved check

    def _switch(self) -> None:
        share = self.share_button.isChecked()
        for _caption, field in self.dwelling_rows:
            self.form.setRowVisible(field, not share)
        for _caption, field in self.shared_rows:
            self.form.setRowVisible(field, share)
        self.update_result()

    def reload(self, changes: Changes) -> None:
        self.save_button.setEnabled(self.writable)
        self.mark_fresh()

    # --- unsaved input ----------------------------------------------------------------------
    def _typed(self) -> tuple:
        """Everything the form holds, to tell typed facts from the blank or the kept form."""
        # not the 住戸／共同居住型 choice: looking at the other form is not typing
        return (
            tuple(edit.text() for edit in self._texts),
            tuple(box.value() for box in (self.residents, *self._counts)),
            tuple(combo.currentIndex() for combo in self.findChildren(QComboBox)),
        )

    def has_unsaved(self) -> bool:
        """Facts typed and not kept on a visit: quitting or opening another file asks first (in a
        file opened read-only the form is a calculator only, and nothing could be kept)."""
        return self.writable and self._typed() != self._kept

    def clear_form(self) -> None:
        """Back to the blank form (破棄)."""
        for edit in self._texts:
            edit.clear()
        self.residents.setValue(RESIDENTS_AT_START)
        for box in self._counts:
            box.setValue(UNKNOWN_COUNT)
        for combo in self.findChildren(QComboBox):
            combo.setCurrentIndex(0)
        self.dwelling_button.setChecked(True)
        self._kept = self._typed()

    # --- the check --------------------------------------------------------------------------
    def facts(self) -> HousingFacts:
        """What the form says; a number that is not one is refused with its field named."""
        common = {
            "seismic": self.seismic.currentData(),
            "rent": self.rent.currentData(),
            "plan": self.plan.currentData(),
        }
        if not self.share_button.isChecked():
            return HousingFacts(
                area=parse_number(self.area.text(), wording.FLOOR_AREA, "area"),
                shared_facilities=self.shared_facilities.currentData(),
                private_facilities=self.private_facilities.currentData(),
                new_build=self.new_build.currentData(),
                **common,
            )
        counts = [None if box.value() < 0 else box.value() for box in (self.toilets, self.washrooms, self.baths)]
        return HousingFacts(
            residents=self.residents.value(),
            room_area=parse_number(self.room_area.text(), wording.ROOM_AREA, "room_area"),
            total_area=parse_number(self.total_area.text(), wording.TOTAL_AREA, "total_area"),
            toilets=counts[0],
            washrooms=counts[1],
            baths=counts[2],
            one_per_room=self.one_per_room.currentData(),
            common_rooms=self.common_rooms.currentData(),
            **common,
        )

    def update_result(self) -> None:
        if not hasattr(self, "result_layout"):
            return
        try:
            self.results = checks.run_check(self.facts())
        except ValidationError as exc:
            self.problem.setText(exc.message)
            self.problem.show()
            return
        self.problem.hide()
        self.summary.setText(f"{self.results[0].criteria.title}: {checks.summary(self.results)}")
        self._show_results()

    def _show_results(self) -> None:
        while self.result_layout.count():
            item = self.result_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone from the screen now, not at the next event loop
                item.widget().deleteLater()
        self.criteria_labels.clear()
        for result in self.results:
            title = QLabel(result.criteria.title)
            title.setFont(scaled(self.font(), 1.15, bold=True))
            title.setWordWrap(True)
            self.result_layout.addWidget(title)
            self.result_layout.addWidget(hint_label(result.criteria.note))
            for judgement in result.judgements:
                mark = MARKS.get(judgement.result, UNKNOWN_MARK)
                head = QLabel(f"{mark} {judgement.result}　{judgement.criterion.label}")
                head.setWordWrap(True)
                head.setObjectName("fieldName")
                self.criteria_labels.append(head)
                self.result_layout.addWidget(head)
                body = hint_label(
                    f"{wording.EVIDENCE}: {judgement.reason}\n{wording.WORDING}: {judgement.criterion.text}"
                )
                body.setContentsMargins(18, 0, 0, 6)
                self.result_layout.addWidget(body)
            self.result_layout.addWidget(hint_label(wording.SOURCE_LINE.format(source=result.criteria.source)))
        self.result_layout.addStretch(1)

    # --- kept on a visit --------------------------------------------------------------------
    def visit_dialog(self) -> VisitPickDialog:
        assert self.session is not None
        return VisitPickDialog(visits.list_visits(self.session), self)

    def save_to_visit(self) -> int | None:
        if not self.writable:
            return None
        try:
            facts = self.facts()
        except ValidationError as exc:
            self.show_error(exc)
            return None
        saved = self.submit(
            self.visit_dialog(),
            lambda session, value: checks.save_check(session, facts, visit_id=value[0], note=value[1]),  # type: ignore[index]
        )
        if saved is None:
            return None
        self._kept = self._typed()
        self.inform(wording.CHECK_SAVED, wording.CHECK_SAVED_TEXT)
        return saved[0]

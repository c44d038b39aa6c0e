"""Fields the region forms share: a number typed as people write it (1,234 or full-width), an
organisation of the 名簿 picked by typing part of its name, a 年度 in 和暦, and a はい／いいえ／未確認
choice."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox, QSpinBox

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.members import OrganizationSummary
from kyojushien_desktop.domain.wareki import fiscal_year_text
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.ui.common.pickers import attach_search
from kyojushien_desktop.ui.region import wording


def parse_number(text: str, label: str, field: str) -> float | None:
    """``text`` as a number (None when blank); a ValidationError naming ``label`` otherwise."""
    cleaned = unicodedata.normalize("NFKC", text).replace(",", "").replace("、", "").strip()
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise ValidationError(f"{label}{wording.NOT_A_NUMBER}", field=field) from None


def public_first(items: Sequence[OrganizationSummary]) -> list[OrganizationSummary]:
    """庁内 first, then the 住宅・福祉部局 outside the town hall (公社, 県), then the rest: the
    つなぎ先 are public desks."""
    public = {"住宅部局", "福祉部局"}
    return sorted(items, key=lambda o: (not o.internal, o.category not in public))


def organization_combo(items: Sequence[OrganizationSummary], chosen: int | None = None) -> QComboBox:
    """An editable combo of the 名簿's organisations (blank: none), searched as the 名簿 is."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMinimumContentsLength(14)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.addItem("", None)
    for org in items:
        combo.addItem(org.name, org.id)
    combo.lineEdit().setPlaceholderText(wording.ORGANIZATION_PLACEHOLDER)
    attach_search(combo, [(o.name, (o.name, o.kana, o.people, o.phone)) for o in items], organizations.matcher)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(index, 0))
    return combo


def organization_of(combo: QComboBox, field: str) -> int | None:
    """The chosen organisation's id (None when blank); a name not in the 名簿 is refused."""
    text = combo.currentText().strip()
    if not text:
        return None
    index = combo.findText(text)
    if index < 0:
        raise ValidationError(wording.UNKNOWN_ORGANIZATION, field=field)
    return combo.itemData(index)


THREE_STATES = ((wording.UNCHECKED, None), (wording.YES, True), (wording.NO, False))


def three_state(changed: Callable[[], None]) -> QComboBox:
    """未確認 (never guessed), はい or いいえ."""
    combo = QComboBox()
    combo.setMinimumContentsLength(4)
    for text, value in THREE_STATES:
        combo.addItem(text, value)
    combo.currentIndexChanged.connect(lambda _i: changed())
    return combo


class FiscalYearBox(QSpinBox):
    """A 年度 stepped and shown in 和暦 only (令和7年度); its value is the 西暦 of the 年度's April,
    as stored. A 和暦 年度 in range is accepted as typed, and so is its 西暦."""

    def textFromValue(self, value: int) -> str:  # noqa: N802 - Qt's name
        return fiscal_year_text(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802 - Qt's name
        return self._year_of(text) or self.value()

    def validate(self, text: str, pos: int) -> object:
        if self._year_of(text) is not None:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def _year_of(self, text: str) -> int | None:
        """令和7年度, 令和7年 or 令和7 (or the 西暦 2025, as some sources print it) → 2025."""
        typed = unicodedata.normalize("NFKC", text).strip()
        for year in range(self.minimum(), self.maximum() + 1):
            shown = fiscal_year_text(year)
            if typed in (shown, shown[:-1], shown[:-2], str(year)):
                return year
        return None

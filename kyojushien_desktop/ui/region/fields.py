"""Fields the region forms share: a number typed as people write it (1,234 or full-width), an
organisation of the 名簿 picked by typing part of its name, and a はい／いいえ／未確認 choice."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.members import OrganizationSummary
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


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


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

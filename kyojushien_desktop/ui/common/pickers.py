"""Choosing a record by typing part of it, with the same search as the 名簿: ひらがな/カタカナ,
width and case folded, the trade's abbreviations understood (あさひ finds アサヒ, 社協 finds
社会福祉協議会). The list under the box shows what matches as the user types."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter

from kyojushien_desktop.ui.common.table_model import FilterProxy

TEXTS_ROLE = Qt.ItemDataRole.UserRole + 10


class MatchProxy(FilterProxy):
    """Keeps the rows whose texts (``TEXTS_ROLE``) match what is typed, by the services' search rule."""

    def __init__(self, matcher: Callable[[str], Callable[..., bool]], parent=None) -> None:
        super().__init__(parent)
        self._make = matcher
        self._matches: Callable[..., bool] | None = None

    def set_query(self, text: str) -> None:
        self._begin()
        self._matches = self._make(text) if text.strip() else None
        self._end()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if self._matches is None:
            return True
        texts = self.sourceModel().index(source_row, 0, source_parent).data(TEXTS_ROLE) or ()
        return self._matches(*texts)


def attach_search(
    combo: QComboBox, items: Sequence[tuple[str, Sequence[str]]], matcher: Callable[[str], Callable[..., bool]]
) -> QCompleter:
    """Gives an editable combo a popup of the items (shown name, the texts searched) that match
    what is typed, by ``matcher`` (the services' search rule)."""
    model = QStandardItemModel(combo)
    for name, texts in items:
        item = QStandardItem(name)
        item.setData(tuple(texts), TEXTS_ROLE)
        model.appendRow(item)
    proxy = MatchProxy(matcher, combo)
    proxy.setSourceModel(model)
    completer = QCompleter(proxy, combo)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)

    def typed(text: str) -> None:
        proxy.set_query(text)
        if text.strip() and proxy.rowCount():
            completer.complete()

    combo.lineEdit().textEdited.connect(typed)
    completer.proxy = proxy  # type: ignore[attr-defined]  # kept for tests and the dialog
    return completer

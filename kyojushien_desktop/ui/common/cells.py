"""Table cells still being typed in, ended before the window or a record page asks what is
unsaved. A module of its own, not in ``widgets``: that one's imports build PySide's ``Qt``
namespace, which the start path avoids (ui/common/enum_props)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QWidget


def commit_open_edits(root: QWidget) -> None:
    """A cell still being typed in counts as typed: its text goes into the model, as leaving the
    cell would, before the window asks what is unsaved; a save that waits for the event loop's
    next turn (出欠 in the table) runs now, while its file is still the open one."""
    for view in root.findChildren(QAbstractItemView):
        index = view.currentIndex()
        editor = view.indexWidget(index) if view.state() == QAbstractItemView.State.EditingState else None
        if editor is not None:
            delegate = view.itemDelegateForIndex(index)
            delegate.commitData.emit(editor)
            delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)

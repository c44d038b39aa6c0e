"""Qt enum properties set by their key names, for the widgets the window paints first.

The first touch of PySide's ``Qt`` namespace (``Qt.AlignmentFlag``, or an overload that may take
one, such as ``QBrush(QColor)``) builds its 93 enums at once, about 15 ms before the first
paint. ホーム and the window frame therefore set such properties through Qt's property system,
which reads key names itself (``"AlignLeft|AlignTop"``); tests/ui/test_start_path.py keeps the
start path free of ``Qt``. Pages built later use ``Qt`` as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_enum(widget: QObject, name: str, keys: str) -> None:
    """``widget.name = keys``, e.g. ``set_enum(label, "textFormat", "PlainText")``; a property or key
    Qt does not know raises ValueError rather than being ignored."""
    if not widget.setProperty(name, keys):
        raise ValueError(f"{type(widget).__name__} has no enum property {name!r} taking {keys!r}")

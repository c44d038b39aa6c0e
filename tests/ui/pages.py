"""Pages and views built on their own in a test, bound to a bus holding a real session."""

from __future__ import annotations

from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.ui.common.ops import Operations


def bind(qtbot, view, session: Session | None, *, size: tuple[int, int] = (1100, 760), show: bool = True) -> Operations:
    """``view`` listening on a fresh bus whose session is ``session``; shown (so it loads, and its
    radio buttons take clicks where they are drawn) unless ``show`` is False."""
    ops = Operations()
    ops.session = session
    qtbot.addWidget(view)
    view.bind(ops)
    view.resize(*size)
    if show:
        view.show()
        qtbot.waitExposed(view)
    return ops

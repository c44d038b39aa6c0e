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


def shown_rows(proxy) -> list[list[str]]:
    """A list as the user sees it, one list of cell texts per row, in the shown order."""
    return [
        [proxy.index(row, column).data() for column in range(proxy.columnCount())] for row in range(proxy.rowCount())
    ]


def shown_names(page) -> list[str]:
    """The 名簿 page's names in the table's order."""
    name = page.model.column_of("name")
    return [page.proxy.index(row, name).data() for row in range(page.proxy.rowCount())]


def timeline_entries(view) -> list:
    """The 経過記録 lines of an organisation's record, top to bottom."""
    from kyojushien_desktop.ui.members.timeline_widget import TimelineEntryWidget

    items = (view.timeline_box.itemAt(i).widget() for i in range(view.timeline_box.count()))
    return [widget for widget in items if isinstance(widget, TimelineEntryWidget)]


def question_texts(editor) -> list[str]:
    """The 質問バンク editor's questions as listed."""
    model = editor.question_model
    return [model.question(row).text for row in range(model.rowCount())]


def open_window(qtbot, db_path):
    """The real main window, shown, with ``db_path`` open (as a user starts the day)."""
    from kyojushien_desktop.services.common.preferences import Preferences
    from kyojushien_desktop.ui.main_window import MainWindow

    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.show()
    assert window.open_file(db_path)
    return window

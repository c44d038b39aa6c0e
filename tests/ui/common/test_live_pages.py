"""The page protocol on the real window: a change made elsewhere reloads a page once, and only
when it is shown; the page that made a change is not reloaded by it."""

from __future__ import annotations

from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.members import organizations
from tests.ui.pages import open_window, shown_names


def counted(page) -> list[Changes]:
    """Records each reload of ``page`` (and still reloads it)."""
    calls: list[Changes] = []
    original = page.reload

    def reload(changes: Changes) -> None:
        calls.append(changes)
        original(changes)

    page.reload = reload
    return calls


def test_hidden_page_reloads_once_when_shown(qtbot, db_path):
    """Three changes made while 名簿 is hidden cost no reload; showing it reloads it once, with
    all of them, and the list shows the new organisations."""
    window = open_window(qtbot, db_path)
    members = window.show_page("members")
    window.show_page("home")
    calls = counted(members)
    session = window.session
    for name in ("みどり町商工会", "さくら荘", "ひまわり荘"):
        _id, changes = organizations.save_organization(session, organizations.new_organization("その他", name))
        window.ops.publish(changes)  # as the window does after any service call
    window.ops.publish(Changes.of(Topic.BANKS))  # a change the 名簿 does not show
    assert calls == []
    window.show_page("members")
    assert len(calls) == 1 and Topic.ORGANIZATIONS in calls[0].topics
    assert sorted(shown_names(members)) == sorted(["みどり町商工会", "さくら荘", "ひまわり荘"])
    window.show_page("home")
    window.show_page("members")
    assert len(calls) == 1  # nothing changed meanwhile: no reload


def test_visible_page_reloads_at_once_and_skips_its_own_change(qtbot, db_path):
    """A shown page reloads as soon as a change it shows arrives; a change it initiated itself is
    not sent back to it."""
    window = open_window(qtbot, db_path)
    members = window.show_page("members")
    calls = counted(members)
    session = window.session
    _id, changes = organizations.save_organization(session, organizations.new_organization("その他", "さくら荘"))
    window.ops.publish(changes)
    assert len(calls) == 1 and shown_names(members) == ["さくら荘"]
    window.ops.publish(changes, members)
    assert len(calls) == 1

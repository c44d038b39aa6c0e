"""A 次の対応 typed on the answer screen but not yet 追加 is typed work too: quitting, opening
another file and 保存 never drop it without a question."""

from __future__ import annotations

import datetime as dt

from kyojushien_desktop.domain.hearing import Visit
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.hearing import visits
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.ui.common import messages, wording
from tests.ui.pages import open_window
from tests.ui.typing import type_japanese


def test_a_followup_typed_but_not_added_is_asked_about_and_saved(qtbot, db_path, tmp_path, monkeypatch):
    session = datafile.open_session(db_path)
    org_id, _ = organizations.save_organization(
        session, organizations.new_organization("不動産事業者・団体", "株式会社みどり不動産")
    )
    visit_id, _ = visits.plan_visit(session, Visit(organization_id=org_id, scheduled_at=dt.datetime(2025, 6, 12, 10)))
    session.close()
    other = tmp_path / "other.db"
    datafile.create_session(other).close()
    window = open_window(qtbot, db_path)
    assert window.open_record("visit", visit_id)
    page = window.page("hearing")
    type_japanese(page.entry.action, "見積")
    assert page.has_unsaved() and wording.UNSAVED in page.entry.state_label.text()
    page.entry.action.clear()  # typed and taken back: nothing waits
    assert not page.has_unsaved() and wording.UNSAVED not in page.entry.state_label.text()
    type_japanese(page.entry.action, "見積りを送る")
    assert page.has_unsaved()
    asked: list[str] = []
    answers = iter([messages.CANCEL, messages.CANCEL, messages.SAVE])
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent, what: asked.append(what) or next(answers))
    assert not window.open_file(other)
    assert window.close() is False
    assert page.entry.action.text() == "見積りを送る"
    assert window.open_file(other)  # 保存: added to the list, then saved with the record
    assert asked == ["このヒアリングの記録"] * 3
    reopened = datafile.open_session(db_path)
    try:
        assert [f.action for f in visits.followups_of(reopened, visit_id)] == ["見積りを送る"]
    finally:
        reopened.close()

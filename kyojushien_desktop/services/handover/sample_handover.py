"""The sample town's 引き継ぎ (resources/sample/handover.json): the 引継ぎ事項 山田 花子 wrote in
the three sections of the template, and the entry of the package she received from the previous
担当 on 令和8年4月1日, so the はじめての方へ page and the 引継ぎ履歴 have something to show."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from kyojushien_desktop.domain.handover import HistoryEntry
from kyojushien_desktop.paths import resource_path
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.handover.notes import save_notes
from kyojushien_desktop.store import handover as store


def sample_handover_data() -> dict[str, Any]:
    return json.loads(resource_path("sample", "handover.json").read_text(encoding="utf-8"))


def add_sample_handover(session: Session) -> None:
    """Writes the notes through the service and records the received package (without its 引継書)."""
    data = sample_handover_data()
    save_notes(session, data["notes"])
    entry = data["history"]
    with session.database.atomic():
        store.add_history(
            session.database,
            HistoryEntry(
                sender=entry["sender"],
                sender_department=entry["sender_department"],
                packed_at=dt.datetime.fromisoformat(entry["packed_at"]),
                received_at=dt.datetime.fromisoformat(entry["received_at"]),
                received_on=entry["received_on"],
                package_name=entry["package_name"],
                app_version=entry["app_version"],
                without_personal_data=False,
            ),
            None,
        )

"""The sample town's フェーズ進捗 (resources/sample/progress.json): where みどり町 stands after its
勉強会, fed through the services as a staff member would (each 状態 changed on its day with a
note, the guide's two questions answered, evidence linked from the sample's own visits, meetings
and organisations, target months planned against the 異動予定日). Dates count from the day the
sample is made."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from kyojushien_desktop.domain.hearing import PLANNED
from kyojushien_desktop.domain.progress import DOCUMENT, MEETING, ORGANIZATION, VISIT, Evidence, MilestoneState
from kyojushien_desktop.paths import resource_path
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings, rotation_date
from kyojushien_desktop.services.hearing import visits
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.progress import progress


def sample_progress_data() -> dict[str, Any]:
    return json.loads(resource_path("sample", "progress.json").read_text(encoding="utf-8"))


def add_sample_progress(session: Session, today: dt.date | None = None) -> int:
    """Sets the sample's 目安 and phase targets; returns how many 目安 it touched. Records are
    found by name through the services (a name the sample lacks is a KeyError naming it)."""
    today = today or dt.date.today()
    data = sample_progress_data()
    rotation = rotation_date(load_settings(session), today)
    with session.database.atomic():
        refs = _references(session)
        for raw in data["milestones"]:
            _add_milestone(session, raw, refs, today, rotation)
        for phase, offset in data["phase_targets"].items():
            progress.set_phase_target(session, int(phase), _month(offset, today, rotation))
    return len(data["milestones"])


def _references(session: Session) -> dict[str, dict[str, int]]:
    """The sample's records by the names progress.json uses: visits that took place by their
    organisation, meetings by title, organisations by name."""
    return {
        VISIT: {v.organization_name: v.id for v in visits.list_visits(session) if v.status != PLANNED},
        MEETING: {m.title: m.id for m in meetings.list_meetings(session)},
        ORGANIZATION: {o.name: o.id for o in organizations.list_organizations(session)},
    }


def _add_milestone(
    session: Session, raw: dict[str, Any], refs: dict[str, dict[str, int]], today: dt.date, rotation: dt.date
) -> None:
    milestone_id = raw["id"]
    for change in raw["changes"]:
        day = today + dt.timedelta(days=change["days"])
        progress.set_status(session, milestone_id, change["status"], on=day, note=change["note"])
    if raw.get("learned") or raw.get("shared"):
        progress.save_notes(session, MilestoneState(milestone_id, learned=raw["learned"], shared=raw["shared"]))
    for item in raw["evidence"]:
        progress.link_evidence(session, _evidence(milestone_id, item, refs))
    if "target" in raw:
        progress.set_target(session, milestone_id, _month(raw["target"], today, rotation))


def _evidence(milestone_id: str, item: dict[str, str], refs: dict[str, dict[str, int]]) -> Evidence:
    if DOCUMENT in item:
        return Evidence(milestone_id, DOCUMENT, title=item[DOCUMENT], place=item["place"])
    ((kind, name),) = item.items()
    return Evidence(milestone_id, kind, refs[kind][name])


def _month(offset: int, today: dt.date, rotation: dt.date) -> str:
    """The month ``offset`` months from the 異動予定日's; one before it is never earlier than the
    month the sample is made (a plan, not a target already missed)."""
    index = rotation.year * 12 + rotation.month - 1 + offset
    if offset < 0:
        index = max(index, today.year * 12 + today.month - 1)
    return f"{index // 12:04d}-{index % 12 + 1:02d}"

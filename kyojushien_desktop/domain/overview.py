"""What ホーム's いまの状況 shows of the hearings and meetings: kept apart from ``domain.hearing``
so that the window's first paint does not build the hearing area's many record types."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class UpcomingVisit(NamedTuple):
    """A planned visit for ホーム's list of the hearings ahead (or of those waiting for a record)."""

    scheduled_at: dt.datetime
    organization_name: str


class UpcomingMeeting(NamedTuple):
    """The next meeting not yet held, for ホーム."""

    id: int
    starts_at: dt.datetime
    kind: str
    title: str
    status: str


class OpenFollowUp(NamedTuple):
    """次の対応 not yet done, with the organisation it concerns (ホーム's overview)."""

    action: str
    due_on: dt.date | None
    organization_name: str


class ChecklistDue(NamedTuple):
    """An open 段取り of a meeting with its 期限, for ホーム's due list (here, not in
    ``domain.meetings``, so ホーム's first paint does not build the meetings area's records)."""

    due_on: dt.date
    title: str
    meeting_title: str
    meeting_id: int

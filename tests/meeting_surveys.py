"""A held meeting as the アンケート tests need it: the presets as its question set and a number of
guests marked 出席, so 回収率 has something to count against."""

from __future__ import annotations

import datetime as dt

from kyojushien_desktop.domain.meetings import ATTENDED, HELD, Meeting, Participant
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import meetings, participants


def held_meeting(session: Session, attending: int = 12, title: str = "第3回 居住支援勉強会") -> int:
    """A 勉強会 held last week with ``attending`` guests who came; its id."""
    starts = dt.datetime.combine(dt.date.today() - dt.timedelta(days=7), dt.time(14, 0))
    meeting_id, _ = meetings.save_meeting(
        session, Meeting(kind="勉強会・講演会", title=title, starts_at=starts, status=HELD)
    )
    for number in range(1, attending + 1):
        guest = Participant(meeting_id, guest_name=f"参加者{number}", guest_affiliation="みどり町", attendance=ATTENDED)
        participants.save_participant(session, guest)
    return meeting_id

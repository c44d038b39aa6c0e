"""次の対応: what was decided at a visit or a meeting, with its 期限. One list for every area, so
ホーム shows what is due in one place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from kyojushien_desktop.domain.members import Problems, normalize_text


@dataclass(frozen=True)
class FollowUp:
    """次の対応 decided at a visit (``visit_id``) or a meeting (``meeting_id``), with its 期限."""

    visit_id: int | None
    action: str
    due_on: dt.date | None = None
    done: bool = False
    id: int | None = None
    meeting_id: int | None = None


def clean_followup(followup: FollowUp) -> FollowUp:
    cleaned = replace(followup, action=" ".join(normalize_text(followup.action).split()))
    problems = Problems()
    if not cleaned.action:
        problems.add("action", "次の対応を入力してください。")
    elif len(cleaned.action) > 200:
        problems.add("action", "次の対応は200文字以内で入力してください。")
    problems.raise_if_any()
    return cleaned

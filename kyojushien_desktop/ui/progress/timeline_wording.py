"""Words of the 年度 timeline and 取組みの経過 view (shared words: ui/common/wording.py)."""

from __future__ import annotations

PLAN_HEADING = "年度の予定（4月～翌年3月、今年度と来年度）"
HISTORY_HEADING = "取組みの経過"
PHASE_FILTER = "フェーズ:"
MONTH = "月"
REPORT_BUTTON = "現在地レポート（PDF）…"
CHART_BUTTON = "経過の図（PDF）…"
REPORT_NAME = "現在地レポート"
CHART_NAME = HISTORY_HEADING
PLANNED_MARK = "（予定）"
NO_ENTRIES = "（なし）"
MAKING = "を作っています"
MADE = "を作りました"


def reminder_text(days_left: int, title: str, body: tuple[str, ...]) -> str:
    """The 引継ぎの準備 reminder: how many days are left, and the guide's ポイント."""
    return f"引継ぎの準備: 人事異動予定日まであと{days_left}日です。\n【{title}】" + "".join(body)

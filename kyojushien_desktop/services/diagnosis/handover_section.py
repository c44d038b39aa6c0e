"""診断シート's part of the 引継書: the latest round (who answered, the mean of each phase, the three
items on which the answers differed most), so a successor knows where the 目線 did not meet."""

from __future__ import annotations

import statistics

from kyojushien_desktop.content.handover_terms import handover_terms
from kyojushien_desktop.content.phases import phases
from kyojushien_desktop.domain.diagnosis import widest_spread
from kyojushien_desktop.domain.handover_report import Heading, Paragraph, Section, Table
from kyojushien_desktop.domain.wareki import format_date
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.diagnosis.rounds import comparison, list_rounds
from kyojushien_desktop.services.handover.context import Context

SPREAD_ITEMS = 3


def diagnosis_section(session: Session, context: Context) -> Section | None:
    """Absent when no round has anyone's rating."""
    latest = next((r for r in list_rounds(session) if r.answered), None)
    if latest is None:
        return None
    words = handover_terms().wording
    rows = comparison(session, latest.id)
    means = []
    for p in phases():
        given = [s for r in rows if r.phase == p.number for s in r.scores if s is not None]
        means.append((f"フェーズ{p.number}", p.title, f"{statistics.fmean(given):.1f}" if given else "—"))
    spread = tuple(
        (
            r.item_id,
            r.text,
            f"{r.mean:.1f}" if r.mean is not None else "—",
            f"{r.low}〜{r.high}",
        )
        for r in widest_spread(rows, SPREAD_ITEMS)
    )
    lead = words["diagnosis_lead"].format(
        name=latest.name, date=format_date(latest.held_on), respondents=latest.respondents
    )
    return Section(
        "diagnosis",
        handover_terms().sections["diagnosis"],
        (
            Paragraph(lead),
            Heading(words["diagnosis_means"]),
            Table(("フェーズ", "内容", "平均"), tuple(means), (0.14, 0.72, 0.14)),
            Heading(words["diagnosis_spread"]),
            Table(("目安", "項目", "平均", "回答の幅"), spread, (0.08, 0.64, 0.12, 0.16)),
        ),
    )

"""The papers of フェーズ進捗: the 現在地レポート and the 取組みの経過 chart, gathered here once so
the PDF prints what the screens show."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.content.phases import milestone_check, phases
from kyojushien_desktop.domain.progress import CONTACT, DOCUMENT, MEETING, ORGANIZATION, VISIT
from kyojushien_desktop.domain.progress_report import (
    EVIDENCE_LABELS,
    MilestoneLine,
    PhaseSection,
    ProgressChart,
    ProgressReport,
)
from kyojushien_desktop.domain.wareki import format_date
from kyojushien_desktop.services.common.exports import PDF_VIEWER, writing
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings, rotation_date
from kyojushien_desktop.services.progress.planning import activities, phase_titles
from kyojushien_desktop.services.progress.progress import evidence_of, phase_progress, states
from kyojushien_desktop.store import progress_activity as records
from kyojushien_desktop.store import progress_sources


def record_titles(session: Session) -> dict[tuple[str, int], str]:
    """(kind, id) → how a linked record is named on paper, with its date."""
    database = session.database
    found = {(ORGANIZATION, o.id): o.name for o in progress_sources.records(database).organizations}
    for kind, rows in ((MEETING, records.meetings(database)), (VISIT, records.visits(database))):
        for r in rows:
            found[(kind, r.id)] = f"{r.kind}「{r.title}」" if kind == MEETING else f"{r.title}へのヒアリング"
            found[(kind, r.id)] += f"（{format_date(r.on)}）"
    for r in records.contacts(database):
        found[(CONTACT, r.id)] = f"{r.title}（{r.kind}、{format_date(r.on)}）"
    return found


def build_report(session: Session, today: dt.date | None = None) -> ProgressReport:
    today = today or dt.date.today()
    settings = load_settings(session)
    by_id = {s.milestone_id: s for s in states(session)}
    names = record_titles(session)
    evidence: dict[str, list[str]] = {}
    for item in evidence_of(session):
        where = f"（{item.place}）" if item.kind == DOCUMENT and item.place else ""
        title = item.title or names.get((item.kind, item.ref_id or 0), f"番号 {item.ref_id}")
        evidence.setdefault(item.milestone_id, []).append(f"{EVIDENCE_LABELS[item.kind]}: {title}{where}")
    progress = {p.phase: p for p in phase_progress(session)}
    return ProgressReport(
        municipality=settings.municipality,
        department=settings.department,
        made_on=today,
        rotation=rotation_date(settings, today),
        check=milestone_check(),
        phases=tuple(
            PhaseSection(
                progress[p.number],
                tuple(MilestoneLine(m.text, by_id[m.id], tuple(evidence.get(m.id, ()))) for m in p.milestones),
            )
            for p in phases()
        ),
    )


def build_chart(session: Session, today: dt.date | None = None) -> ProgressChart:
    today = today or dt.date.today()
    settings = load_settings(session)
    return ProgressChart(
        municipality=settings.municipality,
        made_on=today,
        rotation=rotation_date(settings, today),
        phase_titles=phase_titles(),
        activities=tuple(activities(session)),
    )


def export_report_pdf(
    session: Session, path: Path, *, replace_unsupported: bool = False, progress: Progress = NO_PROGRESS
) -> Path:
    """現在地レポート as an A4 PDF, the font embedded."""
    from kyojushien_desktop.reports.progress_report_pdf import write_progress_report

    report, path = build_report(session), Path(path)
    return writing(
        path,
        PDF_VIEWER,
        lambda: write_progress_report(report, path, replace_unsupported=replace_unsupported, progress=progress),
    )


def export_chart_pdf(
    session: Session, path: Path, *, replace_unsupported: bool = False, progress: Progress = NO_PROGRESS
) -> Path:
    """取組みの経過 as an A4 chart by phase."""
    from kyojushien_desktop.reports.progress_chart_pdf import write_progress_chart

    chart, path = build_chart(session), Path(path)
    return writing(
        path,
        PDF_VIEWER,
        lambda: write_progress_chart(chart, path, replace_unsupported=replace_unsupported, progress=progress),
    )

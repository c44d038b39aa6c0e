"""The papers of a meeting: the 開催レポート (PDF, and an editable Word file for those who finish it
there), the blank アンケート用紙, and the 受付名簿 with the グループ表. Gathered here once, so every
format prints the same figures as the screens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.meeting_report import MeetingReport, ReportOptions, Roster, SurveyForm
from kyojushien_desktop.services.common.exports import PDF_VIEWER, WORD, writing
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.meetings import meetings, participants, survey


def build_report(session: Session, meeting_id: int, options: ReportOptions | None = None) -> MeetingReport:
    settings = load_settings(session)
    return MeetingReport(
        municipality=settings.municipality,
        department=settings.department,
        meeting=meetings.get_meeting(session, meeting_id),
        program=tuple(meetings.program_of(session, meeting_id)),
        participants=tuple(participants.participants_of(session, meeting_id)),
        counts=participants.counts(session, meeting_id),
        group_notes=participants.group_notes(session, meeting_id),
        survey=survey.results(session, meeting_id),
        section_titles=dict(meeting_terms().report_sections),
        options=options or ReportOptions(),
        made_on=dt.date.today(),
        staff=settings.staff_name,
    )


def build_survey_form(session: Session, meeting_id: int) -> SurveyForm:
    return SurveyForm(
        municipality=load_settings(session).municipality,
        meeting=meetings.get_meeting(session, meeting_id),
        questions=tuple(survey.questions_of(session, meeting_id)),
    )


def build_roster(session: Session, meeting_id: int) -> Roster:
    return Roster(
        municipality=load_settings(session).municipality,
        meeting=meetings.get_meeting(session, meeting_id),
        participants=tuple(participants.participants_of(session, meeting_id)),
        groups={n: tuple(ps) for n, ps in participants.groups_of(session, meeting_id).items()},
    )


def export_report_pdf(
    session: Session,
    meeting_id: int,
    path: Path,
    options: ReportOptions | None = None,
    *,
    replace_unsupported: bool = False,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """開催レポート as an A4 PDF (1–2 pages, the font embedded)."""
    from kyojushien_desktop.reports.meeting_report_pdf import write_report_pdf

    report, path = build_report(session, meeting_id, options), Path(path)
    return writing(
        path,
        PDF_VIEWER,
        lambda: write_report_pdf(report, path, replace_unsupported=replace_unsupported, progress=progress),
    )


def export_report_docx(
    session: Session,
    meeting_id: int,
    path: Path,
    options: ReportOptions | None = None,
    *,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """The same 開催レポート as a Word file to finish by hand."""
    from kyojushien_desktop.reports.meeting_report_docx import write_report_docx

    report, path = build_report(session, meeting_id, options), Path(path)
    return writing(path, WORD, lambda: write_report_docx(report, path, progress=progress))


def export_survey_form_pdf(
    session: Session,
    meeting_id: int,
    path: Path,
    copies: int = 1,
    *,
    replace_unsupported: bool = False,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """The blank アンケート用紙 (``copies`` of it, to print once and hand out)."""
    from kyojushien_desktop.reports.meeting_forms_pdf import write_survey_form_pdf

    form, path = build_survey_form(session, meeting_id), Path(path)
    return writing(
        path,
        PDF_VIEWER,
        lambda: write_survey_form_pdf(
            form, path, copies=copies, replace_unsupported=replace_unsupported, progress=progress
        ),
    )


def export_roster_pdf(
    session: Session,
    meeting_id: int,
    path: Path,
    *,
    replace_unsupported: bool = False,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """The 受付名簿, followed by the グループ表 when groups were made."""
    from kyojushien_desktop.reports.meeting_forms_pdf import write_roster_pdf

    roster, path = build_roster(session, meeting_id), Path(path)
    return writing(
        path,
        PDF_VIEWER,
        lambda: write_roster_pdf(roster, path, replace_unsupported=replace_unsupported, progress=progress),
    )

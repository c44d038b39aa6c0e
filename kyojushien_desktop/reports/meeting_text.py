"""The words the papers of a meeting print, made once so the 開催レポート's PDF and Word file, the
アンケート用紙 and the 受付名簿 say 日時, 場所 and the figures the same way."""

from __future__ import annotations

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.meeting_report import MeetingReport
from kyojushien_desktop.domain.meeting_results import AttendanceCounts, QuestionResult, SurveyResults
from kyojushien_desktop.domain.meetings import HYBRID, ONLINE, Meeting

REPORT_TITLE = "開催レポート"
NO_RECORD = "（記録がありません）"
ATTENDANCE_HEADERS = ("所属区分", "人数")
CHOICE_HEADERS = ("選択肢", "人数", "割合")


def issued_text(report: MeetingReport) -> str:
    """「作成：令和8年12月2日(水)　担当：山田 花子」: who answers questions about the report, and as of when."""
    parts = [f"作成：{wareki.format_date(report.made_on)}"] if report.made_on else []
    parts += [f"担当：{report.staff}"] if report.staff else []
    return "　".join(parts)


def when_text(meeting: Meeting) -> str:
    """令和8年2月12日(木) 14:00～16:00 (the end left out when it was not planned)."""
    text = wareki.format_datetime(meeting.starts_at)
    if meeting.ends_at is not None:
        text += f"～{meeting.ends_at.hour}:{meeting.ends_at.minute:02d}"
    return text


def place_text(meeting: Meeting) -> str:
    """Where, with the form it took: 会場 only says the room, オンライン and 併用 say so."""
    venue = meeting.venue
    if meeting.venue_mode == ONLINE:
        return f"オンライン（{venue}）" if venue else "オンライン"
    if meeting.venue_mode == HYBRID:
        return f"{venue}（会場・オンライン併用）" if venue else "会場・オンライン併用"
    return venue


def hosts_text(meeting: Meeting) -> str:
    """主催 and 共催, one a line."""
    lines = [
        f"主催: {meeting.organizer}" if meeting.organizer else "",
        f"共催: {meeting.co_organizers}" if meeting.co_organizers else "",
    ]
    return "\n".join(line for line in lines if line)


def goal_text(meeting: Meeting) -> str:
    """到達点 (the guide's stage, the town's own words, or both) and テーマ, one a line."""
    goal = "／".join(part for part in (meeting.goal_stage, meeting.goal) if part)
    lines = [f"到達点: {goal}" if goal else "", f"テーマ: {meeting.theme}" if meeting.theme else ""]
    return "\n".join(line for line in lines if line)


def attendance_text(counts: AttendanceCounts) -> str:
    """25名（会場 22名・オンライン 3名）／庁内 6名・庁外 19名／欠席 4名"""
    parts = [f"{counts.attending}名"]
    if counts.online:
        parts[0] += f"（会場 {counts.venue}名・オンライン {counts.online}名）"
    if counts.attending:
        parts.append(f"庁内 {counts.internal}名・庁外 {counts.external}名")
    if counts.absent:
        parts.append(f"欠席 {counts.absent}名")
    return "／".join(parts)


def overview_rows(report: MeetingReport) -> list[tuple[str, str]]:
    """The 開催概要 as (label, value); values still hold the user's text, unchecked."""
    meeting = report.meeting
    rows = [
        ("題名", meeting.title),
        ("種類", meeting.kind),
        ("日時", when_text(meeting)),
        ("場所", place_text(meeting)),
        ("主催・共催", hosts_text(meeting)),
        ("到達点・テーマ", goal_text(meeting)),
        ("参加者数", attendance_text(report.counts)),
    ]
    return [(label, value) for label, value in rows if value]


def attendee_text(report: MeetingReport) -> str:
    """Who came: the organisations once each (names are personal data, so only when chosen:
    「みどり不動産（田中 茂、中村 さやか）」); guests with no organisation counted at the end."""
    if report.options.with_names:
        by_organisation: dict[str, list[str]] = {}
        loose: list[str] = []
        for person in report.attending:
            if person.affiliation:
                names = by_organisation.setdefault(person.affiliation, [])
                if person.name:
                    names.append(person.name)
            elif person.name:
                loose.append(person.name)
        parts = [f"{org}（{'、'.join(names)}）" if names else org for org, names in by_organisation.items()]
        return "、".join(parts + loose)
    text = "、".join(report.organizations_attending)
    individuals = sum(1 for p in report.attending if not p.affiliation)
    if individuals:
        text += f"{'　ほか' if text else ''}個人参加 {individuals}名"
    return text


def attendee_label(report: MeetingReport) -> str:
    return "参加者" if report.options.with_names else "参加団体"


def attendance_rows(counts: AttendanceCounts) -> list[tuple[str, str]]:
    """The 所属区分 breakdown with its total, as the table prints it."""
    rows = [(category, f"{n}名") for category, n in counts.by_category]
    return [*rows, ("合計", f"{counts.attending}名")]


def percent(result: QuestionResult, choice: str) -> str:
    return f"{round(result.share(choice) * 100)}%"


def survey_line(survey: SurveyResults) -> str:
    """回答 23名／参加者 25名／回収率 92%"""
    return f"回答 {survey.respondents}名／参加者 {survey.attending}名／回収率 {survey.rate_text}"


def question_heading(number: int, result: QuestionResult) -> tuple[str, str, str]:
    """(「問1 満足度」, 「本日の会の満足度を教えてください」, 「回答 23名」): the short label, the
    full question when the label differs from it, and how many answered it."""
    question = result.question
    answered = f"回答 {result.answered}名"
    if question.label and question.label != question.text:
        return f"問{number} {question.label}", question.text, answered
    return f"問{number} {question.text}", "", answered


def choice_rows(result: QuestionResult) -> list[tuple[str, str, str]]:
    return [(choice, f"{n}名", percent(result, choice)) for choice, n in result.counts]

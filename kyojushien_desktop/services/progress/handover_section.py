"""フェーズ進捗's parts of the 引継書: the guide and where the town stands in it (取組みの概要), each
目安's 状態 (現在地, from the same data as the 現在地レポート), what happened by phase (これまでの経過)
and the targets against the next 人事異動 (今後の予定)."""

from __future__ import annotations

from kyojushien_desktop.content.handover_terms import handover_terms
from kyojushien_desktop.content.phases import guide_points, phases, phases_source
from kyojushien_desktop.domain.handover_report import Bullets, Heading, Paragraph, Section, Table, quoted
from kyojushien_desktop.domain.progress import ACHIEVED, NOT_STARTED, month_end
from kyojushien_desktop.domain.progress_plan import CONTACT_ITEM
from kyojushien_desktop.domain.wareki import format_date, format_month
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.handover.context import Context
from kyojushien_desktop.services.progress import report
from kyojushien_desktop.services.progress.planning import HANDOVER_POINT, activities, phase_label, plan
from kyojushien_desktop.services.progress.progress import phase_progress, states


def _words(key: str, **values: object) -> str:
    return handover_terms().wording[key].format(**values)


def _title(key: str) -> str:
    return handover_terms().sections[key]


def overview_section(session: Session, context: Context) -> Section:
    """Always there: a successor first needs the guide's map and where the town is on it."""
    progress = phase_progress(session)
    rows = tuple((phase_label(p.phase), p.title, f"{p.achieved} / {p.total}", f"{p.in_progress}") for p in progress)
    current = next((p for p in progress if not p.done), None)
    where = (
        _words(
            "current_phase", number=current.phase, title=current.title, achieved=current.achieved, total=current.total
        )
        if current
        else _words("all_done")
    )
    point = next(p for p in guide_points() if HANDOVER_POINT in p.title)
    return Section(
        "overview",
        _title("overview"),
        (
            Paragraph(_words("overview_lead")),
            Paragraph(phases_source()),
            Table(("フェーズ", "内容", "達成", "取組み中"), rows, (0.14, 0.62, 0.12, 0.12)),
            Paragraph(where),
            Heading(_words("point_lead", title=quoted(point.title))),
            *(Paragraph(quoted(line)) for line in point.body),
        ),
    )


def position_section(session: Session, context: Context) -> Section | None:
    """Each of the 21 目安 with its 状態 and the day it changed; absent while all are 未着手."""
    progress = report.build_report(session, context.today)
    if all(line.state.status == NOT_STARTED for p in progress.phases for line in p.milestones):
        return None
    blocks: list = [Paragraph(_words("position_lead"))]
    for section in progress.phases:
        p = section.progress
        blocks.append(Heading(f"{phase_label(p.phase)}　{p.title}（達成 {p.achieved} / {p.total}）"))
        rows = []
        for line in section.milestones:
            state = line.state
            changed = format_date(state.changed_on) if state.changed_on and state.status != NOT_STARTED else ""
            rows.append((state.milestone_id, line.text, state.status, changed))
        blocks.append(Table(("目安", "到達の目安", "状態", "変わった日"), tuple(rows), (0.07, 0.56, 0.11, 0.26)))
    return Section("position", _title("position"), tuple(blocks))


def history_section(session: Session, context: Context) -> Section | None:
    """Status changes, visits held and meetings held, by phase (a record under its first phase;
    contacts are left to the 名簿's 経過記録, which would drown the turning points)."""
    found = [a for a in activities(session) if a.kind != CONTACT_ITEM]
    if not found:
        return None
    groups: dict[int | None, list[tuple[str, str, str]]] = {}
    for a in found:
        number = min(a.phases) if a.phases else None
        groups.setdefault(number, []).append((format_date(a.on), a.kind, a.title))
    titles = {p.number: f"{phase_label(p.number)}　{p.title}" for p in phases()}
    blocks: list = [Paragraph(_words("history_lead"))]
    for number in sorted(groups, key=lambda n: (n is None, n or 0)):
        blocks.append(Heading(titles[number] if number is not None else _words("history_unphased")))
        blocks.append(Table(("日付", "種類", "内容"), tuple(groups[number]), (0.27, 0.13, 0.60)))
    return Section("history", _title("history"), tuple(blocks))


def schedule_section(session: Session, context: Context) -> Section | None:
    """Every target month (phases and 目安) beside the 異動予定日, with the 進捗's warnings; absent
    when no target is set."""
    done = {s.milestone_id for s in states(session) if s.status == ACHIEVED}
    done |= {phase_label(p.phase) for p in phase_progress(session) if p.done}
    rows = []
    for p in phase_progress(session):
        if p.target_month:
            rows.append((phase_label(p.phase), p.target_month, phase_label(p.phase) in done))
    texts = {m.id: m.text for phase in phases() for m in phase.milestones}
    for s in states(session):
        if s.target_month:  # named with its text: 「目安2-5」 alone means nothing to a successor
            label = f"目安{s.milestone_id}　{texts.get(s.milestone_id, '')}".rstrip()
            rows.append((label, s.target_month, s.milestone_id in done))
    if not rows:
        return None
    table = tuple(
        (
            label,
            format_month(month),
            ACHIEVED if reached else "未達成",
            "後" if not reached and month_end(month) > context.rotation else "前" if not reached else "",
        )
        for label, month, reached in sorted(rows, key=lambda r: (r[1], r[0]))
    )
    warnings = plan(session, context.today).warnings
    blocks: list = [
        Paragraph(_words("schedule_lead", rotation=format_date(context.rotation))),
        Table(("目標", "目標の月", "状態", "異動予定日より"), table, (0.52, 0.18, 0.13, 0.17)),
        Bullets(warnings) if warnings else Paragraph(_words("schedule_ok")),
    ]
    return Section("schedule", _title("schedule"), tuple(blocks))

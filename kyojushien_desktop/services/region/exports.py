"""The papers of わがまちの現状と地域資源: 「わがまちの現状」 and the つなぎ先一覧 as A4 PDFs, and
the resource register as Excel. What they print is gathered here once, from the same services
the screens use, so paper and screen never disagree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.content.region import FactTable, region_guide, row_label
from kyojushien_desktop.domain.region import Resource
from kyojushien_desktop.reports.region_papers import (
    YEARS_SHOWN,
    DeskLine,
    FactCell,
    FactLine,
    FactsPaper,
    IssueLine,
    PaperTable,
    ReferralsPaper,
    ResourceRow,
)
from kyojushien_desktop.services.common.exports import EXCEL, PDF_VIEWER, writing
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.region.facts import FactSheet, load_facts
from kyojushien_desktop.services.region.referrals import referral_table
from kyojushien_desktop.services.region.resources import kind_label, list_resources
from kyojushien_desktop.store import organizations as organization_store


def _lines(sheet: FactSheet, table: FactTable, years: tuple[int, ...]) -> tuple[FactLine, ...]:
    lines = []
    for row in table.rows:
        for column in table.columns:
            if not table.applies(row.key, column):
                continue
            key = (table.key, row.key, column.key)
            cells: list[FactCell | None] = []
            for year in years:
                fact = sheet.fact(key, year)
                if fact is None:
                    cells.append(None)
                elif fact.organization_id is not None:
                    cells.append(FactCell(sheet.organizations.get(fact.organization_id, ""), fact.source))
                elif fact.number is not None:
                    cells.append(FactCell(fact.number, fact.source))
                else:
                    cells.append(FactCell(fact.text, fact.source) if fact.text else None)
            counted = [y for y in sheet.years if (f := sheet.fact(key, y)) and f.number is not None]
            change = sheet.change(key, counted[-1]) if len(counted) > 1 else None
            item = column.label if len(table.columns) > 1 else ""
            group = row_label(row, sheet.municipality)
            lines.append(FactLine(group, item, table.unit(row.key, column), column.kind, tuple(cells), change))
    return tuple(lines)


def facts_paper(session: Session, today: dt.date | None = None) -> FactsPaper:
    """「わがまちの現状」 as printed: the last ``YEARS_SHOWN`` 年度 that hold a figure."""
    sheet = load_facts(session)
    guide = region_guide()
    years = sheet.years[-YEARS_SHOWN:]
    return FactsPaper(
        municipality=sheet.municipality,
        department=load_settings(session).department,
        made_on=today or dt.date.today(),
        years=years,
        omitted=sheet.years[: len(sheet.years) - len(years)],
        intro=guide.intro,
        guide_source=guide.source,
        tables=tuple(PaperTable(t.title, t.heading, t.prompt, _lines(sheet, t, years)) for t in guide.tables),
    )


def referrals_paper(session: Session, today: dt.date | None = None) -> ReferralsPaper:
    """The つなぎ先一覧 as printed: a desk's phone is its own, else its organisation's; the town's
    own desks (庁内) carry the 自治体名, so a landlord knows whose 福祉課 it is."""
    settings = load_settings(session)
    table = referral_table(session)
    ids = sorted({r.organization_id for issue in table for r in issue.desks if r.organization_id is not None})
    found = {s.id: s for s in organization_store.summaries(session.database, ids=ids)} if ids else {}
    town = settings.municipality

    def desk(organization_id: int | None, desk: str, phone: str) -> DeskLine:
        org = found.get(organization_id) if organization_id is not None else None
        if org is None:
            return DeskLine("", desk, phone)
        name = f"{town} {org.name}" if org.internal and town and not org.name.startswith(town) else org.name
        return DeskLine(name, desk, phone or org.phone)

    guide = region_guide()
    return ReferralsPaper(
        municipality=town,
        department=settings.department,
        made_on=today or dt.date.today(),
        title=guide.referral_title,
        lead=guide.referral_lead,
        source=guide.referral_source,
        issues=tuple(
            IssueLine(i.label, tuple(desk(r.organization_id, r.desk, r.phone) for r in i.desks)) for i in table
        ),
    )


def resource_rows(items: list[Resource]) -> list[ResourceRow]:
    return [
        ResourceRow(
            kind_label(r.kind),
            r.name,
            r.address,
            r.units,
            r.targets,
            tuple(
                f"{link.organization_name}（{link.role}）" if link.role else link.organization_name for link in r.links
            ),
            r.registered_on,
            r.notes,
        )
        for r in items
    ]


def export_facts_pdf(
    session: Session, path: Path, progress: Progress = NO_PROGRESS, *, replace_unsupported: bool = False
) -> Path:
    """「わがまちの現状」 as an A4 PDF, the font embedded."""
    from kyojushien_desktop.reports.region_facts_pdf import write_facts_pdf

    paper, path = facts_paper(session), Path(path)
    return writing(
        path,
        PDF_VIEWER,
        lambda: write_facts_pdf(paper, path, replace_unsupported=replace_unsupported, progress=progress),
    )


def export_referrals_pdf(
    session: Session, path: Path, progress: Progress = NO_PROGRESS, *, replace_unsupported: bool = False
) -> Path:
    """The つなぎ先一覧 as an A4 PDF for landlords and 居住支援法人."""
    from kyojushien_desktop.reports.region_referrals_pdf import write_referrals_pdf

    paper, path = referrals_paper(session), Path(path)
    return writing(
        path,
        PDF_VIEWER,
        lambda: write_referrals_pdf(paper, path, replace_unsupported=replace_unsupported, progress=progress),
    )


def export_resources_xlsx(
    session: Session, path: Path, items: list[Resource] | None = None, progress: Progress = NO_PROGRESS
) -> Path:
    """The resources the screen shows (``items``; None: every live one) as an Excel sheet."""
    from kyojushien_desktop.reports.region_resources_xlsx import write_resources_xlsx

    rows = resource_rows(list_resources(session) if items is None else items)
    path = Path(path)
    municipality = load_settings(session).municipality
    return writing(
        path,
        EXCEL,
        lambda: write_resources_xlsx(rows, path, municipality=municipality, created=dt.date.today(), progress=progress),
    )

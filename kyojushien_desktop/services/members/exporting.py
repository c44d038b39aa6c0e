"""名簿の書き出し: the directory as shown (same filter, same order) to the Excel hand-over copy or
a printable PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.domain.members import INTERNAL_LABELS, ORGANIZATION_FIELDS
from kyojushien_desktop.reports.member_list import ContactLine, DirectoryRecord
from kyojushien_desktop.services.common.exports import EXCEL, PDF_VIEWER, writing
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.members.organizations import OrganizationFilter, list_organizations
from kyojushien_desktop.store import contacts as contact_store
from kyojushien_desktop.store import organizations as organization_store
from kyojushien_desktop.store import people as people_store


def describe_filter(flt: OrganizationFilter | None) -> str:
    """The filter in words for the printout's header (「絞り込み: 区分＝…」); "" when nothing is filtered,
    so a filtered list is never mistaken for the whole 名簿."""
    if flt is None:
        return ""
    parts = []
    if flt.category is not None:
        parts.append(f"{ORGANIZATION_FIELDS['category']}＝{flt.category}")
    if flt.stage is not None:
        parts.append(f"{ORGANIZATION_FIELDS['stage']}＝{flt.stage}")
    if flt.internal is not None:
        parts.append(f"{ORGANIZATION_FIELDS['internal']}＝{INTERNAL_LABELS[flt.internal]}")
    if flt.tag is not None:
        parts.append(f"{ORGANIZATION_FIELDS['tags']}＝{flt.tag}")
    if flt.query.strip():
        parts.append(f"検索語＝「{flt.query.strip()}」")
    return "絞り込み: " + "、".join(parts) if parts else ""


def _directory(session: Session, flt: OrganizationFilter | None, *, full: bool) -> list[DirectoryRecord]:
    """The organisations the list shows, in its order, as the reports take them. Every read of
    stored rows for an export is here: one query per table, whatever the number of organisations
    (10,000 per-organisation reads took seconds). ``full`` adds people (前任 too) and 経過記録."""
    summaries = list_organizations(session, flt)
    database = session.database
    records = organization_store.live_records(database)
    people = people_store.live_people_by_organization(database) if full else {}
    contacts = contact_store.live_by_organization(database) if full else {}
    result = []
    for summary in summaries:
        result.append(
            DirectoryRecord(
                organization=records[summary.id],
                people_now=summary.people,
                last_contact=summary.last_contact,
                people=tuple(people.get(summary.id, ())),
                contacts=tuple(
                    ContactLine(
                        on=line.contact.occurred_on,
                        kind=line.contact.kind,
                        note=line.contact.note,
                        our_staff=line.contact.our_staff,
                        person=line.person_name,
                    )
                    for line in contacts.get(summary.id, ())
                ),
            )
        )
    return result


def export_xlsx(
    session: Session, path: Path, flt: OrganizationFilter | None = None, *, progress: Progress = NO_PROGRESS
) -> Path:
    """Writes the filtered directory as the hand-over workbook: every field of each organisation,
    its people (前任 included) and its 経過記録. A cancel leaves no file."""
    from kyojushien_desktop.reports.member_list_xlsx import write_member_list_xlsx

    path = Path(path)
    progress.begin("名簿を読み込んでいます")
    rows = _directory(session, flt, full=True)
    municipality = load_settings(session).municipality
    return writing(
        path,
        EXCEL,
        lambda: write_member_list_xlsx(
            rows,
            path,
            municipality=municipality,
            created=dt.date.today(),
            filter_note=describe_filter(flt),
            progress=progress,
        ),
    )


def export_pdf(
    session: Session,
    path: Path,
    flt: OrganizationFilter | None = None,
    *,
    replace_unsupported: bool = False,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """Writes the filtered directory as the A4 landscape 名簿 PDF for printing or handing out.
    Raises ``UnsupportedCharactersError`` (naming the characters and the records) before writing
    when the font cannot draw some text, unless ``replace_unsupported`` prints them as 〓."""
    from kyojushien_desktop.reports.member_list_pdf import write_member_list_pdf

    path = Path(path)
    progress.begin("名簿を読み込んでいます")
    rows = _directory(session, flt, full=False)
    municipality = load_settings(session).municipality
    return writing(
        path,
        PDF_VIEWER,
        lambda: write_member_list_pdf(
            rows,
            path,
            municipality=municipality,
            created=dt.date.today(),
            filter_note=describe_filter(flt),
            replace_unsupported=replace_unsupported,
            progress=progress,
        ),
    )

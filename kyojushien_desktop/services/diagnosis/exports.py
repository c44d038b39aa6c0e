"""The comparison of a round written out: Excel (the table to sort and keep) and A4 landscape PDF
(to hand out at the 意見交換), with real names or as A, B, C …"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.content.diagnosis import diagnosis_sheet
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.diagnosis import anonymous_names, lowest_means, widest_spread
from kyojushien_desktop.reports.diagnosis_compare import Comparison
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.diagnosis import rounds


def comparison_data(session: Session, round_id: int, *, anonymous: bool = False) -> Comparison:
    """The round as both exports show it."""
    found = rounds.get_round(session, round_id)
    people = rounds.respondents_of(session, round_id)
    rows = rounds.comparison(session, round_id)
    names = anonymous_names(len(people)) if anonymous else [p.name for p in people]
    sheet = diagnosis_sheet()
    return Comparison(
        municipality=load_settings(session).municipality,
        round_name=found.name,
        held_on=wareki.format_date(found.held_on),
        names=names,
        bureaus=[p.bureau for p in people],
        phases=[(p.number, p.title) for p in sheet.phases],
        rows=rows,
        widest=widest_spread(rows),
        lowest=lowest_means(rows),
        free_answers=[(name, p.free_answer) for name, p in zip(names, people, strict=True) if p.free_answer],
    )


def export_comparison_xlsx(session: Session, round_id: int, path: Path, *, anonymous: bool = False) -> Path:
    from kyojushien_desktop.reports.diagnosis_compare_xlsx import write_comparison_xlsx

    data = comparison_data(session, round_id, anonymous=anonymous)
    return write_comparison_xlsx(data, Path(path), created=dt.date.today())


def export_comparison_pdf(
    session: Session,
    round_id: int,
    path: Path,
    *,
    anonymous: bool = False,
    replace_unsupported: bool = False,
    progress: Progress = SILENT,
) -> Path:
    from kyojushien_desktop.reports.diagnosis_compare_pdf import write_comparison_pdf

    data = comparison_data(session, round_id, anonymous=anonymous)
    return write_comparison_pdf(data, Path(path), replace_unsupported=replace_unsupported, progress=progress)

"""構成員・関係団体名簿 as an Excel workbook: what the secretariat hands to colleagues and the council.

Written in openpyxl's write-only mode so 10,000 organisations and 20,000 people stay within seconds;
a style is built once per column and only wrapped, date and formula-like cells carry one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.members import INTERNAL_LABELS, ORGANIZATION_FIELDS, PERSON_FIELDS
from kyojushien_desktop.reports.files import write_atomically
from kyojushien_desktop.reports.xlsx.cells import WAREKI_FORMAT, bind_as_text, clean_text, is_formula_like

if TYPE_CHECKING:
    from kyojushien_desktop.domain.members import OrganizationSummary, Person

TITLE = "構成員・関係団体名簿"
SHEET_ORGANIZATIONS = "名簿"
SHEET_PEOPLE = "担当者"
PERSON_STATUS_HEADER = "現任・前任"
CURRENT, FORMER = "現任", "前任"


@dataclass(frozen=True)
class _Column:
    header: str
    width: float
    wrap: bool = False
    date: bool = False


ORGANIZATION_COLUMNS: tuple[_Column, ...] = (
    _Column(ORGANIZATION_FIELDS["name"], 36, wrap=True),
    _Column(ORGANIZATION_FIELDS["kana"], 26, wrap=True),
    _Column(ORGANIZATION_FIELDS["category"], 22),
    _Column(ORGANIZATION_FIELDS["kind"], 16, wrap=True),
    _Column(ORGANIZATION_FIELDS["internal"], 10),
    _Column(ORGANIZATION_FIELDS["stage"], 22),
    _Column(ORGANIZATION_FIELDS["phone"], 16),
    _Column(ORGANIZATION_FIELDS["email"], 28),
    _Column(ORGANIZATION_FIELDS["address"], 36, wrap=True),
    _Column("担当者", 22, wrap=True),
    _Column("最終連絡日", 18, date=True),
    _Column(ORGANIZATION_FIELDS["tags"], 20, wrap=True),
    _Column(ORGANIZATION_FIELDS["notes"], 44, wrap=True),
)
PEOPLE_COLUMNS: tuple[_Column, ...] = (
    _Column("団体名", 36, wrap=True),
    _Column(PERSON_FIELDS["name"], 18),
    _Column(PERSON_FIELDS["kana"], 22),
    _Column(PERSON_FIELDS["department"], 20, wrap=True),
    _Column(PERSON_FIELDS["title"], 14),
    _Column(PERSON_FIELDS["phone"], 16),
    _Column(PERSON_FIELDS["email"], 28),
    _Column(PERSON_FIELDS["started_on"], 18, date=True),
    _Column(PERSON_FIELDS["ended_on"], 18, date=True),
    _Column(PERSON_STATUS_HEADER, 11),
)


def _organization_values(row: OrganizationSummary) -> list[Any]:
    return [
        row.name,
        row.kana,
        row.category,
        row.kind,
        INTERNAL_LABELS[row.internal],
        row.stage,
        row.phone,
        row.email,
        row.address,
        row.people,
        row.last_contact,
        "、".join(row.tags),
        row.notes,
    ]


def _person_values(organization: str, person: Person, created: dt.date) -> list[Any]:
    former = person.ended_on is not None and person.ended_on <= created
    return [
        organization,
        person.name,
        person.kana,
        person.department,
        person.title,
        person.phone,
        person.email,
        person.started_on,
        person.ended_on,
        FORMER if former else CURRENT,
    ]


class _SheetWriter:
    """Appends rows to a write-only sheet with per-column styles computed once."""

    def __init__(self, workbook: Any, title: str, columns: Sequence[_Column], *, header_footer: dict[str, str]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.styles.cell_style import StyleArray
        from openpyxl.utils import get_column_letter

        self._cell_class = WriteOnlyCell
        self.sheet = workbook.create_sheet(title)
        sheet = self.sheet
        for index, column in enumerate(columns, 1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        last = get_column_letter(len(columns))
        sheet.freeze_panes = "B2"  # the header row and the 名称 stay in view while scrolling
        sheet.print_title_rows = "1:1"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = 9  # A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.oddHeader.center.text = header_footer["center"]
        sheet.oddFooter.left.text = header_footer["left"]
        sheet.oddFooter.right.text = "&P / &N ページ"
        self._last_column = last

        probe = WriteOnlyCell(sheet)
        thin = Side(style="thin", color="808080")
        probe.font = Font(bold=True)
        probe.fill = PatternFill("solid", fgColor="D9D9D9")
        probe.border = Border(bottom=thin)
        probe.alignment = Alignment(vertical="center", wrap_text=True)
        header_style = StyleArray(probe._style)
        # Only wrapped and date columns carry a style: an unstyled value costs a third of a styled
        # cell, which is what keeps 10,000 rows well inside the export budget.
        self._styles: list[Any] = []
        self._quoted: list[Any] = []
        for column in columns:
            probe = WriteOnlyCell(sheet)
            if column.wrap:
                probe.alignment = Alignment(wrap_text=True)
            if column.date:
                probe.number_format = WAREKI_FORMAT
            self._styles.append(StyleArray(probe._style) if probe.has_style else None)
            probe.quotePrefix = True
            self._quoted.append(StyleArray(probe._style))
        header = []
        for column in columns:
            cell = WriteOnlyCell(sheet, column.header)
            cell._style = header_style
            header.append(cell)
        sheet.append(header)
        self.rows = 1

    def append(self, values: Sequence[Any]) -> None:
        cells: list[Any] = []
        make = self._cell_class
        for value, style, quoted in zip(values, self._styles, self._quoted, strict=True):
            if value is None or value == "":
                cells.append(None)
                continue
            if isinstance(value, str):
                value = clean_text(value)
                if is_formula_like(value):
                    # The column's quoted style stops Excel from turning it into a formula when edited.
                    cell = make(self.sheet)
                    bind_as_text(cell, value)
                    cell._style = quoted
                    cells.append(cell)
                    continue
            if style is None:
                cells.append(value)
            else:
                cell = make(self.sheet, value)
                cell._style = style
                cells.append(cell)
        self.sheet.append(cells)
        self.rows += 1

    def finish(self) -> None:
        """Autofilter over the header and every data row (set last: its range needs the row count)."""
        self.sheet.auto_filter.ref = f"A1:{self._last_column}{max(self.rows, 2)}"


def _save_workbook(
    handle: Any,
    rows: list[OrganizationSummary],
    *,
    municipality: str,
    created: dt.date,
    people_by_org: dict[int, list[Person]] | None,
    filter_note: str,
) -> None:
    from openpyxl import Workbook

    place = municipality.replace("&", "&&")  # a lone & starts a header/footer code
    made_on = wareki.format_date(created, weekday=False)
    header_footer = {"center": f"{place}　{TITLE}".strip("　"), "left": f"{made_on} 作成"}
    workbook = Workbook(write_only=True)
    properties = workbook.properties
    properties.title = f"{municipality} {TITLE}".strip()
    properties.creator = "居住支援デスク"
    properties.created = dt.datetime.combine(created, dt.time())
    properties.description = filter_note or None
    organizations = _SheetWriter(workbook, SHEET_ORGANIZATIONS, ORGANIZATION_COLUMNS, header_footer=header_footer)
    for row in rows:
        organizations.append(_organization_values(row))
    organizations.finish()
    if people_by_org is not None:
        people = _SheetWriter(workbook, SHEET_PEOPLE, PEOPLE_COLUMNS, header_footer=header_footer)
        for row in rows:
            for person in people_by_org.get(row.id, ()):
                people.append(_person_values(row.name, person, created))
        people.finish()
    workbook.save(handle)


def write_member_list_xlsx(
    rows: list[OrganizationSummary],
    path: Path,
    *,
    municipality: str,
    created: dt.date,
    people_by_org: dict[int, list[Person]] | None = None,
    filter_note: str = "",
) -> Path:
    """Writes the directory rows (as filtered on screen) to ``path``: sheet 「名簿」 and, when
    ``people_by_org`` is given, 「担当者」 with 前任 marked. Returns ``path``."""

    def write(target: Path) -> None:
        # The file is opened before any sheet streams rows: a write-only workbook that fails to
        # open its file afterwards leaves generators that print tracebacks when collected.
        with open(target, "wb") as handle:
            _save_workbook(
                handle,
                rows,
                municipality=municipality,
                created=created,
                people_by_org=people_by_org,
                filter_note=filter_note,
            )

    return write_atomically(path, write)

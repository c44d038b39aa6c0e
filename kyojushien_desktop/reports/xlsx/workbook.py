"""An .xlsx package written as a stream: properties, one stylesheet, sheets one after another.

openpyxl's writer spends most of a 10,000-organisation export serialising cell objects through
its XML layer (3 s for the organisations alone); this writes each row as one string, which keeps
the whole 名簿 workbook, people and 経過記録 included, within the export budget. Strings are
inline and never formulas (there is no way to write one here), so text that starts with ``=``
stays text by construction; openpyxl, Excel and LibreOffice read the files back.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from kyojushien_desktop.reports.files import write_atomically
from kyojushien_desktop.reports.xlsx.cells import FONT_NAME, FONT_SIZE, WAREKI_FORMAT, CellStyle, clean_text
from kyojushien_desktop.reports.xlsx.form import FormSheet
from kyojushien_desktop.reports.xlsx.sheet import Column, PrintSetup, SheetWriter

CREATOR = "居住支援デスク"
CONTINUED_SHEET = "長文の続き"
CONTINUED_COLUMNS = [
    Column("シート", 10),
    Column("団体・記録", 30, wrap=True),
    Column("項目", 14),
    Column("部分", 7),
    Column("本文", 100, wrap=True),
]
_MARKER_ROOM = 64  # units kept free in a cell for the note that says where its text goes on
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_DATE_FORMAT_ID = 164
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class _Defined:
    name: str
    sheet: int
    ref: str
    hidden: bool = False


class Workbook:
    """One .xlsx being written; sheets are written one at a time with ``sheet()``."""

    def __init__(self, archive: zipfile.ZipFile, *, title: str, created: dt.date, description: str = "") -> None:
        self._archive = archive
        self.title, self.created, self.description = title, created, description
        self.sheets: list[str] = []
        self._styles: dict[CellStyle, int] = {CellStyle(): 0}
        self._defined: list[_Defined] = []
        self._continued: list[list[str]] = []
        self.marker_room = _MARKER_ROOM

    def style(self, look: CellStyle) -> int:
        """The stylesheet index of ``look``, added on first use."""
        return self._styles.setdefault(look, len(self._styles))

    def define(self, name: str, ref: str, *, hidden: bool = False) -> None:
        """A defined name of the sheet being written (print titles, the autofilter's range)."""
        self._defined.append(_Defined(name, len(self.sheets) - 1, ref, hidden))

    def continue_text(self, sheet: str, record: str, field: str, parts: list[str]) -> str:
        """Keeps all but the first piece of a text too long for one cell for the 「長文の続き」
        sheet; returns the first piece with a note saying where the rest is."""
        row = len(self._continued) + 2
        count = len(parts)
        self._continued += [[sheet, record, field, f"{n}/{count}", part] for n, part in enumerate(parts[1:], 2)]
        return f"{parts[0]}…［続きは「{CONTINUED_SHEET}」シートの{row}行目から］"

    @contextmanager
    def sheet(self, title: str, columns: list[Column], setup: PrintSetup) -> Iterator[SheetWriter]:
        """A sheet to append rows to; it is finished (filter, print setup) when the block ends."""
        self.sheets.append(title)
        with self._archive.open(f"xl/worksheets/sheet{len(self.sheets)}.xml", "w") as stream:
            writer = SheetWriter(self, stream, title, columns, setup, first=len(self.sheets) == 1)
            yield writer
            writer.finish()

    @contextmanager
    def form(self, title: str, widths: list[float], setup: PrintSetup) -> Iterator[FormSheet]:
        """A sheet laid out cell by cell (a form to fill in, a coloured table); written when the
        block ends."""
        self.sheets.append(title)
        writer = FormSheet(self, title, widths, setup, first=len(self.sheets) == 1)
        yield writer
        with self._archive.open(f"xl/worksheets/sheet{len(self.sheets)}.xml", "w") as stream:
            stream.write(writer.finish().encode("utf-8"))

    def close(self) -> None:
        """Writes the 「長文の続き」 sheet when a text needed it, then the parts that list the
        sheets and styles, now that all are known."""
        if self._continued:
            setup = PrintSetup(header=self.title, title_columns=0, frozen_columns=0)
            with self.sheet(CONTINUED_SHEET, CONTINUED_COLUMNS, setup) as writer:
                for row in self._continued:
                    writer.append(row)
        parts = {
            "[Content_Types].xml": self._content_types(),
            "_rels/.rels": self._package_rels(),
            "docProps/core.xml": self._core(),
            "docProps/app.xml": f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>{CREATOR}</Application></Properties>',
            "xl/workbook.xml": self._workbook(),
            "xl/_rels/workbook.xml.rels": self._workbook_rels(),
            "xl/styles.xml": self._stylesheet(),
        }
        for name, text in parts.items():
            self._archive.writestr(name, text)

    def _content_types(self) -> str:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_TYPE}.worksheet+xml"/>'
            for n in range(1, len(self.sheets) + 1)
        )
        return (
            f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>{sheets}'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            "</Types>"
        )

    def _package_rels(self) -> str:
        return (
            f'{_HEAD}<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>"
        )

    def _core(self) -> str:
        stamp = dt.datetime.combine(self.created, dt.time()).strftime("%Y-%m-%dT%H:%M:%SZ")
        description = (
            f"<dc:description>{escape(clean_text(self.description))}</dc:description>" if self.description else ""
        )
        return (
            f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(clean_text(self.title))}</dc:title><dc:creator>{CREATOR}</dc:creator>{description}"
            f"<cp:lastModifiedBy>{CREATOR}</cp:lastModifiedBy>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            "</cp:coreProperties>"
        )

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name={quoteattr(title)} sheetId="{n}" r:id="rId{n}"/>' for n, title in enumerate(self.sheets, 1)
        )
        hidden = ' hidden="1"'
        names = "".join(
            f'<definedName name="{d.name}" localSheetId="{d.sheet}"{hidden if d.hidden else ""}>'
            f"{escape(d.ref)}</definedName>"
            for d in self._defined
        )
        return (
            f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView activeTab="0"/></bookViews>'
            f"<sheets>{sheets}</sheets>{f'<definedNames>{names}</definedNames>' if names else ''}</workbook>"
        )

    def _workbook_rels(self) -> str:
        sheets = "".join(
            f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(self.sheets) + 1)
        )
        styles = f'<Relationship Id="rId{len(self.sheets) + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        return f'{_HEAD}<Relationships xmlns="{_PKG_REL}">{sheets}{styles}</Relationships>'

    def _stylesheet(self) -> str:
        font = f'<sz val="{FONT_SIZE:g}"/><name val="{FONT_NAME}"/><family val="3"/><charset val="128"/>'
        fills = sorted({look.fill for look in self._styles if look.fill})
        fill_ids = {colour: n for n, colour in enumerate(fills, 3)}
        xfs = []
        for look in self._styles:  # in index order: dicts keep insertion order
            attributes = [f'numFmtId="{_DATE_FORMAT_ID if look.date else 0}"', 'xfId="0"']
            if look.header:
                attributes += ['fontId="1" fillId="2" borderId="1"', 'applyFont="1" applyFill="1" applyBorder="1"']
            else:
                fill = fill_ids.get(look.fill, 0)
                attributes.append(f'fontId="{int(look.bold)}" fillId="{fill}" borderId="{2 if look.boxed else 0}"')
                attributes.append('applyFont="1" applyFill="1" applyBorder="1"')
            if look.date:
                attributes.append('applyNumberFormat="1"')
            if look.quoted:
                attributes.append('quotePrefix="1"')
            vertical = "center" if look.header or look.centred else "top"  # a tall row reads from the top
            wrap = ' wrapText="1"' if look.wrap or look.header else ""
            left = ' horizontal="left"' if look.date else ' horizontal="center"' if look.centred else ""
            alignment = f'<alignment{left} vertical="{vertical}"{wrap}/>'
            locked = '<protection locked="0"/>' if look.unlocked else ""
            protection = ' applyProtection="1"' if look.unlocked else ""
            xfs.append(f'<xf {" ".join(attributes)} applyAlignment="1"{protection}>{alignment}{locked}</xf>')
        extra_fills = "".join(
            f'<fill><patternFill patternType="solid"><fgColor rgb="FF{colour}"/><bgColor indexed="64"/></patternFill></fill>'
            for colour in fills
        )
        thin = '<color rgb="FF808080"/>'
        box = "".join(f'<{side} style="thin">{thin}</{side}>' for side in ("left", "right", "top", "bottom"))
        return (
            f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
            f'<numFmts count="1"><numFmt numFmtId="{_DATE_FORMAT_ID}" formatCode={quoteattr(WAREKI_FORMAT)}/></numFmts>'
            f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
            f'<fills count="{3 + len(fills)}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
            f'<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>{extra_fills}</fills>'
            '<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>'
            f'<border><left/><right/><top/><bottom style="thin">{thin}</bottom><diagonal/></border>'
            f"<border>{box}<diagonal/></border></borders>"
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


def write_workbook(
    path: Path,
    fill: Callable[[Workbook], None],
    *,
    title: str,
    created: dt.date,
    description: str = "",
    create_folder: bool = False,
    then: Callable[[Path], None] | None = None,
) -> Path:
    """Writes a workbook atomically: ``fill(workbook)`` adds the sheets, then ``then(file)`` may
    change the finished file (another program's parts) before it takes the place of ``path``, so
    a failure there leaves nothing at ``path`` either. Returns ``path``."""

    def write(target: Path) -> None:
        with open(target, "wb") as handle, _archive(handle) as archive:
            workbook = Workbook(archive, title=title, created=created, description=description)
            fill(workbook)
            workbook.close()
        if then is not None:
            then(target)

    return write_atomically(path, write, create_folder=create_folder)


def _archive(handle: IO[bytes]) -> zipfile.ZipFile:
    # Level 1 deflate: a file about a quarter larger than at the default level, in a third of the time.
    return zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)

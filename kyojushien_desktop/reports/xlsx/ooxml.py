"""The inside of an .xlsx (a zip of SpreadsheetML parts), read in one streaming pass per sheet.

Our own reader rather than openpyxl's: one pass gives the cached value *and* the formula of a
cell (openpyxl needs two loads to tell an uncalculated formula from an empty cell), the number
format that says how Excel shows it, and positions; it stops after the first rows when only the
header is wanted, and it is about four times faster. Nothing here checks sizes: the reader does
that on ``Package.entries`` before calling anything that parses. A DTD is refused in every part,
so no entity can expand.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO
from xml.etree import ElementTree
from xml.parsers import expat

from kyojushien_desktop.reports.xlsx import number_format
from kyojushien_desktop.reports.xlsx.table import SheetInfo, Table, clean_text, cleaned_text, drop_trailing_rows

_MAIN = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
_LOCAL = {f"{ns} {local}": local for ns in _MAIN for local in ("c", "v", "f", "is", "t", "rPh", "row", "si")}
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CHUNK = 1 << 16
_WHOLE_PART_BYTES = 8 * 1024 * 1024  # a workbook.xml or .rels is a few KB; these are read whole
_GENERAL = ("General", None)


class Damaged(Exception):
    """A part is missing or is not well-formed XML."""


class TooManyRows(Exception):
    """More filled rows than the caller allows."""


class TooManyColumns(Exception):
    def __init__(self, row: int, column: int) -> None:
        super().__init__(row, column)
        self.row, self.column = row, column


class _Enough(Exception):
    """The rows asked for have been read; the rest of the sheet is not parsed."""


@dataclass(frozen=True)
class SheetEntry:
    info: SheetInfo
    part: str  # the worksheet's path inside the zip


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _unescape(text: str) -> str:
    """Excel writes characters XML cannot hold as ``_x000D_``."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _refuse_dtd(*_args: object) -> None:
    raise Damaged("DTD in a SpreadsheetML part")


class Package:
    """An opened .xlsx; ``entries`` is its table of contents, read without decompressing anything."""

    def __init__(self, handle: BinaryIO) -> None:
        self.archive = zipfile.ZipFile(handle)
        self.entries = self.archive.infolist()
        self._names = {entry.filename for entry in self.entries}
        self._sheets: tuple[list[SheetEntry], int, bool] | None = None
        self._formats: list[tuple[str, str | None]] | None = None
        self._strings: tuple[list[str], set[int]] | None = None

    @functools.cached_property
    def workbook_part(self) -> str:
        """The workbook's main part, as the package's relationships name it (read after the sizes
        were checked: it reads ``_rels/.rels``)."""
        for kind, target in self._relationships("").values():
            if kind == "officeDocument" and target in self._names:
                return target
        return "xl/workbook.xml"

    @property
    def is_workbook(self) -> bool:
        return self.workbook_part in self._names

    def close(self) -> None:
        self.archive.close()

    # --- small parts ------------------------------------------------------------------------
    def _xml(self, part: str) -> ElementTree.Element:
        """A small part (the workbook, relationships) read whole."""
        try:
            if self.archive.getinfo(part).file_size > _WHOLE_PART_BYTES:
                raise Damaged(f"{part} is too large for what it holds")
            data = self.archive.read(part)
        except KeyError as exc:
            raise Damaged(f"missing {part}") from exc
        if b"<!DOCTYPE" in data:
            raise Damaged(f"DTD in {part}")
        try:
            return ElementTree.fromstring(data)
        except ElementTree.ParseError as exc:
            raise Damaged(f"{part}: {exc}") from exc

    @staticmethod
    def relationships_part(part: str) -> str:
        folder, name = posixpath.split(part)
        return posixpath.join(folder, "_rels", f"{name}.rels")

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type's last word, target part) for ``part``."""
        folder = posixpath.dirname(part)
        rels = self.relationships_part(part)
        if rels not in self._names:
            return {}
        result = {}
        for item in self._xml(rels):
            target = item.get("Target", "")
            if item.get("TargetMode") == "External":
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            result[item.get("Id", "")] = (item.get("Type", "").rpartition("/")[2], path)
        return result

    def sheets(self) -> tuple[list[SheetEntry], int, bool]:
        """The sheets in tab order, the index of the active tab, and whether dates count from 1904."""
        if self._sheets is None:
            root = self._xml(self.workbook_part)
            relationships = self._relationships(self.workbook_part)
            entries, active, date1904 = [], 0, False
            for element in root.iter():
                tag = _local(element.tag)
                if tag == "workbookPr":
                    date1904 = element.get("date1904", "").lower() in ("1", "true")
                elif tag == "workbookView" and active == 0:
                    active = int(element.get("activeTab", "0") or 0)
                elif tag == "sheet":
                    rid = next((v for k, v in element.attrib.items() if _local(k) == "id" and k != "id"), "")
                    kind, part = relationships.get(rid, ("", ""))
                    kind = {"xlMacrosheet": "macrosheet"}.get(kind, kind) or "worksheet"
                    hidden = element.get("state", "visible") != "visible"
                    name = clean_text(element.get("name", "")).replace("\n", " ")
                    entries.append(SheetEntry(SheetInfo(name, kind, hidden), part))
            self._sheets = (entries, min(active, max(len(entries) - 1, 0)), date1904)
        return self._sheets

    def _part_of(self, kind: str) -> str | None:
        for found, target in self._relationships(self.workbook_part).values():
            if found == kind and target in self._names:
                return target
        return None

    # --- streamed parts ---------------------------------------------------------------------
    def _stream(
        self, part: str, start: Callable, end: Callable, text: Callable, steps: Callable[[int], None] | None = None
    ) -> None:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartDoctypeDeclHandler = _refuse_dtd
        parser.EntityDeclHandler = _refuse_dtd
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        try:
            with self.archive.open(part) as stream:
                while chunk := stream.read(_CHUNK):
                    parser.Parse(chunk, False)
                    if steps is not None:
                        steps(len(chunk))
                parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise Damaged(f"{part}: {exc}") from exc

    def formats(self) -> list[tuple[str, str | None]]:
        """Each cell style's number format and its date kind (None for a plain number)."""
        if self._formats is None:
            custom: dict[int, str] = {}
            identifiers: list[int] = []
            depth = {"cellXfs": 0}

            def start(name: str, attrs: dict[str, str]) -> None:
                local = name.rpartition(" ")[2]
                if local == "numFmt":
                    custom[int(attrs.get("numFmtId", "0") or 0)] = attrs.get("formatCode", "General")
                elif local == "cellXfs":
                    depth["cellXfs"] += 1
                elif local == "xf" and depth["cellXfs"]:
                    identifiers.append(int(attrs.get("numFmtId", "0") or 0))

            def end(name: str) -> None:
                if name.rpartition(" ")[2] == "cellXfs":
                    depth["cellXfs"] -= 1

            part = self._part_of("styles")
            if part is not None:
                self._stream(part, start, end, lambda _text: None)
            formats: list[tuple[str, str | None]] = []
            for identifier in identifiers:
                code = custom.get(identifier) or number_format.BUILTIN_FORMATS.get(identifier, "General")
                formats.append(_GENERAL if code == "General" else (code, number_format.date_kind(code)))
            self._formats = formats or [_GENERAL]
        return self._formats

    def shared_strings(self) -> tuple[list[str], set[int]]:
        """The workbook's strings (phonetic guides left out) and the indexes whose text was cleaned."""
        if self._strings is None:
            strings: list[str] = []
            cleaned: set[int] = set()
            part = self._part_of("sharedStrings")
            if part is not None:
                parts: list[str] = []
                state = {"collect": False, "phonetic": 0}

                def start(name: str, _attrs: dict) -> None:
                    local = _LOCAL.get(name)
                    if local == "t" and not state["phonetic"]:
                        state["collect"] = True
                    elif local == "rPh":
                        state["phonetic"] += 1
                    elif local == "si":
                        parts.clear()

                def end(name: str) -> None:
                    local = _LOCAL.get(name)
                    if local == "t":
                        state["collect"] = False
                    elif local == "rPh":
                        state["phonetic"] -= 1
                    elif local == "si":
                        shown, removed = cleaned_text(_unescape("".join(parts)))
                        if removed:
                            cleaned.add(len(strings))
                        strings.append(shown)

                def text(data: str) -> None:
                    if state["collect"]:
                        parts.append(data)

                self._stream(part, start, end, text)
            self._strings = (strings, cleaned)
        return self._strings

    def read_sheet(
        self,
        table: Table,
        part: str,
        *,
        max_rows: int | None,
        max_filled: int,
        max_columns: int,
        steps: Callable[[int], None] | None = None,
    ) -> None:
        """Fills ``table`` with the part's cells; stops after row ``max_rows`` when given; raises
        ``TooManyRows`` past ``max_filled`` rows holding something, ``TooManyColumns`` for a value
        past ``max_columns``."""
        if part not in self._names:
            raise Damaged(f"missing {part}")
        strings, cleaned_strings = self.shared_strings()
        reader = _SheetReader(table, strings, cleaned_strings, self.formats(), self.sheets()[2])
        reader.limits(max_rows, max_filled, max_columns)
        try:
            self._stream(part, reader.start, reader.end, reader.text, steps)
        except _Enough:
            pass
        drop_trailing_rows(table.texts, table.values)


_COLUMNS: dict[str, int] = {}


def _column(letters: str) -> int:
    column = _COLUMNS.get(letters)
    if column is None:
        column = 0
        for letter in letters.upper():
            column = column * 26 + ord(letter) - 64
        _COLUMNS[letters] = column
    return column


class _SheetReader:
    """expat callbacks for one worksheet, writing into a ``Table``. The callbacks are closures
    over local state (not methods) because they run a few hundred thousand times."""

    def __init__(
        self,
        table: Table,
        strings: list[str],
        cleaned_strings: set[int],
        formats: list[tuple[str, str | None]],
        date1904: bool,
    ) -> None:
        self.formats, self.date1904 = formats, date1904
        self.max_rows: int | None = None
        self.max_filled = self.max_columns = 0
        all_texts, all_values = table.texts, table.values
        cell_formats, formulas, errors = table.formats, table.formulas, table.errors
        unresolved, cleaned = table.unresolved, table.cleaned
        # row, column, type, style, raw value, formula, inline parts, collecting, phonetic depth, filled rows
        state: list = [0, 0, None, 0, None, None, None, False, 0, 0]
        texts: list[str] = []
        values: list[object] = []
        parts: list[str] = []
        count = len(strings)
        number = self._number

        def start(name: str, attrs: dict[str, str]) -> None:
            local = _LOCAL.get(name)
            if local == "c":
                ref = attrs.get("r")
                state[1] = _column(ref.rstrip("0123456789")) if ref else state[1] + 1
                state[2] = attrs.get("t")
                style = attrs.get("s")
                state[3] = int(style) if style else 0
                state[4] = state[5] = state[6] = None
            elif local == "v" or local == "f" or (local == "t" and state[6] is not None and not state[8]):
                state[7] = True
                parts.clear()
            elif local == "is":
                state[6] = []
            elif local == "rPh":
                state[8] += 1
            elif local == "row":
                row = attrs.get("r")
                state[0] = int(row) if row else state[0] + 1
                state[1] = 0
                texts.clear()
                values.clear()

        def text(data: str) -> None:
            if state[7]:
                parts.append(data)

        def end(name: str) -> None:
            local = _LOCAL.get(name)
            if local == "c":
                finish_cell()
            elif local == "v":
                state[4] = "".join(parts)
                state[7] = False
            elif local == "f":
                state[5] = "=" + "".join(parts) if parts else ""
                state[7] = False
            elif local == "t":
                if state[7] and state[6] is not None:
                    state[6].append("".join(parts))
                state[7] = False
            elif local == "rPh":
                state[8] -= 1
            elif local == "row":
                finish_row()

        def finish_cell() -> None:
            kind, raw, formula = state[2], state[4], state[5]
            where = (state[0], state[1])
            code = "General"
            if kind == "s" and raw is not None:
                index = int(raw)
                if index in cleaned_strings:
                    cleaned.append(where)
                value = shown = strings[index] if 0 <= index < count else ""
            elif (kind is None or kind == "n") and raw:
                value, shown, code = number(raw, state[3])
            elif kind == "inlineStr" or kind == "str":
                source = "".join(state[6]) if kind == "inlineStr" and state[6] is not None else raw
                if source is None:
                    value, shown = None, ""
                else:
                    value, removed = cleaned_text(_unescape(source))
                    shown = value
                    if removed:
                        cleaned.append(where)
            elif kind == "b" and raw:
                value, shown = raw == "1", "TRUE" if raw == "1" else "FALSE"
            elif kind == "e":
                value = shown = raw or "#N/A"
                errors[where] = shown
            elif kind == "d" and raw:
                value, shown, code = _iso_date(raw)
            else:
                value, shown = None, ""
            if formula is not None:
                formulas[where] = formula
                if value is None or kind == "e":
                    unresolved.append(where)
            elif value is None:
                return
            column = where[1]
            if column > self.max_columns and shown.strip():
                raise TooManyColumns(*where)
            if code != "General":
                cell_formats[where] = code
            if column > len(texts):
                if column > len(texts) + 1:
                    pad = column - len(texts) - 1
                    texts.extend([""] * pad)
                    values.extend([None] * pad)
                texts.append(shown)
                values.append(value)
            elif column >= 1:
                texts[column - 1] = shown
                values[column - 1] = value

        def finish_row() -> None:
            row = state[0]
            end = len(texts)
            while end and not texts[end - 1].strip() and (row, end) not in formulas:
                end -= 1
            gap = row - len(all_texts) - 1
            if gap > 0:
                all_texts.extend([()] * gap)
                all_values.extend([()] * gap)
            if end:
                state[9] += 1
                if state[9] > self.max_filled:
                    raise TooManyRows
            if gap >= 0:
                all_texts.append(tuple(texts[:end]))
                all_values.append(tuple(values[:end]))
            if self.max_rows is not None and row >= self.max_rows:
                raise _Enough

        self.start, self.end, self.text = start, end, text

    def limits(self, max_rows: int | None, max_filled: int, max_columns: int) -> None:
        self.max_rows, self.max_filled, self.max_columns = max_rows, max_filled, max_columns

    def _number(self, raw: str, style: int) -> tuple[object, str, str]:
        """(value, text as shown, number format) of a numeric cell."""
        try:
            number: int | float = int(raw) if raw.isdigit() else float(raw)
        except ValueError:
            return raw, raw, "General"
        code, date_kind = self.formats[style] if style < len(self.formats) else _GENERAL
        if date_kind is not None:
            if not 0 <= number <= number_format.LAST_SERIAL:
                return number, number_format.general(number), code  # Excel shows ##### here
            moment = number_format.serial_to_datetime(float(number), self.date1904)
            value: dt.date | dt.datetime | dt.time = (
                moment.date()
                if date_kind == number_format.DATE
                else moment.time()
                if date_kind == number_format.TIME
                else moment
            )
            return value, number_format.date_text(value), code
        if code == "General":
            return number, number_format.general(number), code
        return number, number_format.format_number(number, code), code


def _iso_date(raw: str) -> tuple[object, str, str]:
    try:
        moment = dt.datetime.fromisoformat(raw)
    except ValueError:
        return raw, raw, "General"
    value = moment.date() if moment.time() == dt.time() else moment
    return value, number_format.date_text(value), "yyyy/m/d"

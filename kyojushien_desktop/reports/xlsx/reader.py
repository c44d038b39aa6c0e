"""The one reader every import uses: a town hall's .xlsx, or a .csv as Japanese Excel writes it
(UTF-8 with or without BOM, cp932, UTF-16), opened as a workbook whose sheets can be listed and
read as typed cells that show what Excel shows (``table.py``).

Careful before it is clever: the file's size, and for an .xlsx the size, count and compression
ratio of every part, are checked before anything is parsed, so a zip bomb is refused at once
with little memory; a CSV is parsed strictly, so an unclosed quote is an error naming the row
instead of two rows run together. Every refusal is a ``UserFacingError`` naming the file (and
the sheet, row or cell) with what to do.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import zipfile
from pathlib import Path
from typing import BinaryIO, Protocol

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.reports.xlsx import ooxml
from kyojushien_desktop.reports.xlsx.table import Cell, SheetInfo, Table, cell_name, cleaned_text, drop_trailing_rows

log = logging.getLogger(__name__)

__all__ = ["Cell", "SheetInfo", "Table", "Workbook", "open_workbook", "read_table"]

MAX_BYTES = 20 * 1024 * 1024  # the file as it lies on disk
MAX_PART_BYTES = 100 * 1024 * 1024  # one part of an .xlsx (a sheet's XML) once decompressed
MAX_UNPACKED_BYTES = 250 * 1024 * 1024  # all parts together
MAX_RATIO = 100  # decompressed / compressed, for parts over RATIO_FROM_BYTES
RATIO_FROM_BYTES = 10 * 1024 * 1024
MAX_ENTRIES = 10_000
MAX_ROWS = 50_000
MAX_COLUMNS = 1_000
HEADER_SEARCH_ROWS = 30
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # .xls, and password-protected .xlsx
_CP932_STRAYS = re.compile("[\u0080-\u009f\uf8f0-\uf8f3]")
_SAVE_AS_XLSX = (
    "Excelで開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存してから、もう一度取り込んでください。"
)


class Steps(Protocol):
    """What the reader reports progress to (``services.common.jobs.Progress`` is one)."""

    def begin(self, stage: str, total: int = 0) -> None: ...

    def step(self, count: int = 1) -> None: ...


class _Quiet:
    def begin(self, stage: str, total: int = 0) -> None:
        pass

    def step(self, count: int = 1) -> None:
        pass


class Workbook:
    """An opened file: its sheets in tab order and the one Excel shows first; ``read`` a sheet.
    Use it in a ``with`` block (an .xlsx keeps its zip open until then)."""

    def __init__(self, path: Path, sheets: tuple[SheetInfo, ...], active: str | None) -> None:
        self.path = path
        self.sheets = sheets
        self.active = active  # the active tab when it is a worksheet, else the first worksheet

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release for a CSV."""

    def sheet(self, name: str | None) -> SheetInfo:
        """The named sheet (the active one for None); a ``UserFacingError`` listing the sheets
        when there is no such worksheet."""
        name = self.active if name is None else name
        found = next((sheet for sheet in self.sheets if sheet.name == name), None)
        if found is None or name is None:
            names = "、".join(f"「{sheet.name}」" for sheet in self.sheets)
            what = f"シート「{name}」がありません" if name is not None else "表のシートがありません"
            raise UserFacingError(
                f"{what}（このファイルのシート: {names or 'なし'}）: {self.path}",
                hint="シートの名前を確かめて、選び直してください。",
            )
        if not found.readable:
            raise UserFacingError(
                f"シート「{name}」はグラフなど表ではないシートのため読めません: {self.path}",
                hint="取り込みたい表が入っているシートを選んでください。",
            )
        return found

    def read(self, sheet: str | None = None, *, max_rows: int | None = None, progress: Steps | None = None) -> Table:
        """The sheet's cells (the first ``max_rows`` rows only, when given)."""
        raise NotImplementedError


def open_workbook(path: Path) -> Workbook:
    """Opens an .xlsx or a CSV after checking what it is and how large; reads no cell yet."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise UserFacingError(
            f"ファイルが見つかりません: {path}", hint="ファイルの場所を確かめて、選び直してください。"
        ) from None
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if size == 0:
        raise UserFacingError(
            f"ファイルが空です（0バイト）: {path}",
            hint="中身の入ったファイルを選んでください。保存やコピーが途中で止まった可能性もあります。",
        )
    if size > MAX_BYTES:
        raise UserFacingError(
            f"ファイルが大きすぎます（{size / 1024 / 1024:.1f}MB。取り込めるのは{MAX_BYTES // 1024 // 1024}MBまで）: {path}",
            hint="取り込みたい表の部分だけを別のファイルに分けて、いくつかに分けて取り込んでください。",
        )
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        return _XlsxWorkbook.open(path)
    if head.startswith(_OLE_MAGIC) or suffix == ".xls":
        if suffix == ".xls":
            message = f"古い形式のExcelファイル（.xls）は取り込めません: {path}"
        else:
            message = f"パスワードで保護されたExcelファイルか、古い形式（.xls）のファイルのため取り込めません: {path}"
        hint = _SAVE_AS_XLSX if suffix == ".xls" else f"パスワードを外したうえで、{_SAVE_AS_XLSX}"
        raise UserFacingError(message, hint=hint)
    if suffix in _XLSX_SUFFIXES:
        raise _not_excel(path)
    if suffix in CSV_SUFFIXES:
        return _CsvWorkbook(path, _decoded_csv(path))
    raise UserFacingError(
        f"取り込めない種類のファイルです（{suffix or '拡張子なし'}）: {path}",
        hint="取り込めるのは Excel（.xlsx）と CSV（.csv）のファイルです。表をそのどちらかで保存して、選び直してください。",
    )


def read_table(path: Path) -> tuple[str, list[list[str]]]:
    """The first sheet Excel shows, as its name and the text of every row (``rows[i]`` is row
    ``i + 1``); for a quick look at a file, where the cells' types do not matter."""
    with open_workbook(path) as book:
        table = book.read()
    return table.sheet, [list(texts) for texts in table.texts]


def too_many_rows(path: Path, sheet: str = "") -> UserFacingError:
    where = f"シート「{sheet}」の" if sheet else ""
    return UserFacingError(
        f"{where}行が多すぎます（取り込めるのは{MAX_ROWS:,}行まで）: {path}",
        hint="表をいくつかのファイルに分けて、順に取り込んでください。",
    )


def _unreadable(path: Path, exc: OSError) -> UserFacingError:
    if isinstance(exc, PermissionError | IsADirectoryError):
        reason = "ほかのソフトが使用中か、読み取りの権限がありません"
    else:
        log.warning("reading %s: %s", path, exc)  # the English original, for whoever reads the log
        reason = "読み取りに失敗しました" + (f"（エラー番号 {exc.errno}）" if exc.errno else "")
    return UserFacingError(
        f"ファイルを読み取れません（{reason}）: {path}",
        hint="ほかのソフトで開いていれば閉じ、ファイルを自分のPC（デスクトップなど）にコピーしてから選び直してください。",
    )


def _not_excel(
    path: Path, what: str = "壊れているか、Excel以外のファイルの名前を .xlsx に変えたもののようです"
) -> UserFacingError:
    return UserFacingError(
        f"Excelファイルとして読み取れません（{what}）: {path}",
        hint="Excelで開けるか確かめてください。開ける場合は「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで"
        "保存し直し、開けない場合は元のファイルをもう一度受け取ってから、取り込んでください。",
    )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f}MB"


# --- .xlsx ------------------------------------------------------------------------------------


class _XlsxWorkbook(Workbook):
    def __init__(self, path: Path, handle: BinaryIO, package: ooxml.Package) -> None:
        entries, active, _ = package.sheets()
        sheets = tuple(entry.info for entry in entries)
        shown = entries[active].info if entries else None
        if shown is None or not shown.readable:
            shown = next((sheet for sheet in sheets if sheet.readable), None)
        super().__init__(path, sheets, shown.name if shown else None)
        self._handle = handle
        self._package = package
        self._parts = {entry.info.name: entry.part for entry in entries}

    @classmethod
    def open(cls, path: Path) -> _XlsxWorkbook:
        try:
            handle = open(path, "rb")
        except OSError as exc:
            raise _unreadable(path, exc) from exc
        try:
            try:
                package = ooxml.Package(handle)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
                raise _not_excel(path) from exc
            _check_sizes(path, package)
            try:
                if not package.is_workbook:
                    raise _not_excel(path, "Word など、Excel以外のソフトのファイルです")
                return cls(path, handle, package)
            except UserFacingError:
                raise
            except Exception as exc:  # the workbook's own parts are damaged
                raise _not_excel(path, "ファイルが壊れているようです") from exc
        except BaseException:
            handle.close()
            raise

    def close(self) -> None:
        self._package.close()
        self._handle.close()

    def read(self, sheet: str | None = None, *, max_rows: int | None = None, progress: Steps | None = None) -> Table:
        info = self.sheet(sheet)
        part = self._parts[info.name]
        progress = progress or _Quiet()
        size = next((entry.file_size for entry in self._package.entries if entry.filename == part), 0)
        progress.begin(f"シート「{info.name}」を読んでいます", size)
        relay = _Relay(progress)
        table = Table(self.path, info.name, [], [])
        try:
            self._package.read_sheet(
                table,
                part,
                max_rows=max_rows,
                max_filled=MAX_ROWS + HEADER_SEARCH_ROWS,
                max_columns=MAX_COLUMNS,
                steps=relay,
            )
        except ooxml.TooManyRows:
            raise too_many_rows(self.path, info.name) from None
        except ooxml.TooManyColumns as exc:
            raise UserFacingError(
                f"列が多すぎます（シート「{info.name}」のセル{cell_name(exc.row, exc.column)}に値があります。"
                f"読めるのは{MAX_COLUMNS:,}列まで）: {self.path}",
                hint="表のない列を削除するか、表の部分だけを新しいブックにコピーして保存し直してください。",
            ) from None
        except OSError as exc:
            raise _unreadable(self.path, exc) from exc
        except Exception as exc:  # any parsing failure of a foreign file means it is damaged
            if exc is relay.raised:
                raise
            raise _not_excel(self.path, "ファイルが壊れているようです") from exc
        return table


class _Relay:
    """Passes progress on, remembering what it raised (a cancel) so that is not taken for damage."""

    def __init__(self, progress: Steps) -> None:
        self.progress = progress
        self.raised: BaseException | None = None

    def __call__(self, count: int) -> None:
        try:
            self.progress.step(count)
        except BaseException as exc:
            self.raised = exc
            raise


def _check_sizes(path: Path, package: ooxml.Package) -> None:
    """Refuses an .xlsx whose parts would unpack to more than we read, before any is parsed."""
    hint = (
        "表の部分だけを新しいブックにコピーして保存し直してから取り込んでください。"
        "表のない行や列に書式が付いている場合は、その行・列を削除して保存すると小さくなります。"
    )
    entries = package.entries
    if len(entries) > MAX_ENTRIES:
        raise UserFacingError(f"Excelファイルの中身の部品が多すぎます（{len(entries):,}個）: {path}", hint=hint)
    for entry in entries:
        if entry.file_size > MAX_PART_BYTES:
            what = (
                f"{_where(package, entry)}を展開すると{_megabytes(entry.file_size)}になります。"
                f"読めるのは{_megabytes(MAX_PART_BYTES)}まで"
            )
        elif _suspicious(entry):
            what = (
                f"{_where(package, entry)}が{_megabytes(entry.compress_size)}から{_megabytes(entry.file_size)}に"
                "展開される、異常に圧縮されたデータです"
            )
        else:
            continue
        raise UserFacingError(f"Excelファイルの中身が大きすぎます（{what}）: {path}", hint=hint)
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNPACKED_BYTES:
        raise UserFacingError(
            f"Excelファイルの中身が大きすぎます（展開すると合わせて{_megabytes(total)}。"
            f"読めるのは{_megabytes(MAX_UNPACKED_BYTES)}まで）: {path}",
            hint=hint,
        )


def _suspicious(entry: zipfile.ZipInfo) -> bool:
    return entry.file_size > MAX_PART_BYTES or (
        entry.file_size > RATIO_FROM_BYTES and entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
    )


def _where(package: ooxml.Package, entry: zipfile.ZipInfo) -> str:
    """「シート「名簿」」for a worksheet part, when the parts naming it are themselves sound."""
    sound = {item.filename for item in package.entries if not _suspicious(item)}
    try:
        if package.relationships_part("") in sound:
            workbook = package.workbook_part
            if {workbook, package.relationships_part(workbook)} <= sound:
                for sheet in package.sheets()[0]:
                    if sheet.part == entry.filename:
                        return f"シート「{sheet.info.name}」"
    except Exception:  # only a nicer name is lost
        pass
    return f"部品 {entry.filename}"


# --- CSV --------------------------------------------------------------------------------------


class _CsvWorkbook(Workbook):
    """A CSV is one sheet, named after the file."""

    def __init__(self, path: Path, text: str) -> None:
        super().__init__(path, (SheetInfo(path.stem),), path.stem)
        self._text = text

    def read(self, sheet: str | None = None, *, max_rows: int | None = None, progress: Steps | None = None) -> Table:
        info = self.sheet(sheet)
        progress = progress or _Quiet()
        progress.begin("CSVファイルを読んでいます")
        table = Table(self.path, info.name, [], [])
        _parse_csv(table, self._text, max_rows, progress)
        return table


def _decoded_csv(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's 「Unicode テキスト」
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" in data:
        raise UserFacingError(
            f"CSVファイルとして読み取れません（文字ではないデータが入っています）: {path}",
            hint=f"名簿のファイルか確かめてください。{_SAVE_AS_XLSX}",
        )
    else:
        for encoding in ("utf-8-sig", "cp932"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if encoding == "cp932" and _CP932_STRAYS.search(text):
                break  # bytes Python's cp932 lets through but no Japanese Excel writes
            return text
    raise UserFacingError(
        f"CSVファイルの文字コードを読み取れません（UTF-8 でも Shift_JIS でもありません）: {path}",
        hint="Excelで開き、「CSV UTF-8 (コンマ区切り)」または「CSV (コンマ区切り)」で保存し直してください。",
    )


def _parse_csv(table: Table, text: str, max_rows: int | None, progress: Steps) -> None:
    """Strict: a quote left open is an error naming the row it opened on, never a merged row.
    Every cell is text, so its values are its texts."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    filled = 0
    while max_rows is None or len(table.texts) < max_rows:
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _broken_quote(table.source, len(table.texts) + 1, line, str(exc), delimiter) from exc
        number = len(table.texts) + 1
        for column, value in enumerate(values):
            shown, removed = cleaned_text(value)
            if removed:
                table.cleaned.append((number, column + 1))
            values[column] = shown
        end = len(values)
        while end and not values[end - 1].strip():
            end -= 1
        row = tuple(values[:end])
        table.texts.append(row)
        table.values.append(row)
        if end:
            filled += 1
            if filled > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise too_many_rows(table.source)
        progress.step()
    drop_trailing_rows(table.texts, table.values)


def _broken_quote(path: Path, row: int, line: int, detail: str, delimiter: str) -> UserFacingError:
    where = f"{row}行目" + (f"（テキストとしては{line}行目）" if line != row else "")
    if "unexpected end of data" in detail:
        what = '「"」で始まった項目が閉じられないまま、ファイルの終わりまで続いています'
    elif "expected after" in detail:
        mark = "タブ" if delimiter == "\t" else "「,」"
        what = f'「"」で囲まれた項目の閉じの「"」のあとに、区切りの{mark}がありません'
    else:
        what = "この行を項目に分けられません"
    return UserFacingError(
        f'CSVファイルの{where}で「"」（ダブルクォート）の対応が崩れています（{what}）: {path}',
        hint='Excelかメモ帳でその行を開き、「"」を閉じるか取り除いて保存し直してから、もう一度取り込んでください。'
        '項目の中で「"」を使うときは「""」と2つ重ねます。',
    )

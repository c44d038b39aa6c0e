"""Reading a town hall's spreadsheet (.xlsx, or .csv as Japanese Excel writes it: UTF-8 with or
without BOM, cp932, UTF-16) into rows of text, with clear Japanese messages for files that are not
spreadsheets, are damaged, or are too large. Kept apart from the import's rules so either can be
read on its own; openpyxl is imported only when an .xlsx is read."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from kyojushien_desktop.domain.errors import UserFacingError

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
HEADER_SEARCH_ROWS = 30
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # .xls, and password-protected .xlsx
_CP932_STRAYS = re.compile("[\u0080-\u009f\uf8f0-\uf8f3]")
_SAVE_AS_XLSX = (
    "Excelで開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存してから、もう一度取り込んでください。"
)


def read_table(path: Path) -> tuple[str, list[list[str]]]:
    """The sheet's name and its cells as text; ``rows[i]`` is Excel's row ``i + 1``.

    The first (active) sheet of an .xlsx, or a CSV in UTF-8 (with or without BOM) or Shift_JIS.
    Numbers and dates read as Excel shows them (1234567, not 1234567.0). Trailing blank rows and
    cells are dropped. Anything unreadable raises ``UserFacingError`` naming the file.
    """
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
            hint="中身の入った名簿のファイルを選んでください。保存やコピーが途中で止まった可能性もあります。",
        )
    if size > MAX_BYTES:
        raise UserFacingError(
            f"ファイルが大きすぎます（{size / 1024 / 1024:.1f}MB。取り込めるのは{MAX_BYTES // 1024 // 1024}MBまで）: {path}",
            hint="名簿の部分だけを別のファイルに分けて、いくつかに分けて取り込んでください。",
        )
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        return _read_xlsx(path)
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
        return path.stem, _read_csv(path)
    raise UserFacingError(
        f"名簿として取り込めない種類のファイルです（{suffix or '拡張子なし'}）: {path}",
        hint="取り込めるのは Excel（.xlsx）と CSV（.csv）のファイルです。名簿をそのどちらかで保存して、選び直してください。",
    )


def _unreadable(path: Path, exc: OSError) -> UserFacingError:
    if isinstance(exc, PermissionError | IsADirectoryError):
        reason = "ほかのソフトが使用中か、読み取りの権限がありません"
    else:
        reason = f"読み取りに失敗しました: {exc.strerror or exc}"
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


def too_many_rows(path: Path) -> UserFacingError:
    return UserFacingError(
        f"行が多すぎます（取り込めるのは{MAX_ROWS:,}行まで）: {path}",
        hint="名簿をいくつかのファイルに分けて、順に取り込んでください。",
    )


def _read_xlsx(path: Path) -> tuple[str, list[list[str]]]:
    import zipfile

    from openpyxl import load_workbook

    raw: list[tuple] = []
    try:
        with open(path, "rb") as handle:
            try:
                with zipfile.ZipFile(handle) as archive:
                    names = set(archive.namelist())
            except zipfile.BadZipFile:
                raise _not_excel(path) from None
            if "xl/workbook.xml" not in names:
                raise _not_excel(path, "Word など、Excel以外のソフトのファイルです")
            handle.seek(0)
            try:
                workbook = load_workbook(handle, read_only=True, data_only=True, keep_links=False)
                try:
                    sheet = workbook.active
                    if not hasattr(sheet, "iter_rows"):  # the active sheet is a chart
                        sheet = workbook.worksheets[0] if workbook.worksheets else None
                    if sheet is None:
                        raise _not_excel(path, "表のシートがありません")
                    title = str(sheet.title)
                    sheet.reset_dimensions()  # some programs write a wrong size; read what is there
                    filled = 0
                    for values in sheet.iter_rows(min_row=1, values_only=True):
                        raw.append(values)
                        if any(v is not None and v != "" for v in values):
                            filled += 1
                            if filled > MAX_ROWS + HEADER_SEARCH_ROWS:
                                raise too_many_rows(path)
                finally:
                    workbook.close()
            except UserFacingError:
                raise
            except Exception as exc:  # any parsing failure of a foreign file means it is damaged
                raise _not_excel(path, "ファイルが壊れているようです") from exc
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    return title, _trimmed([[_cell_text(v) for v in values] for values in raw])


def _cell_text(value: object) -> str:
    """A cell as Excel displays it by default: whole numbers without ".0", dates as 2025/4/1."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, dt.datetime):
        day = f"{value.year}/{value.month}/{value.day}"
        return day if value.time() == dt.time() else f"{day} {value.hour}:{value.minute:02d}"
    if isinstance(value, dt.date):
        return f"{value.year}/{value.month}/{value.day}"
    if isinstance(value, dt.time):
        return f"{value.hour}:{value.minute:02d}"
    return str(value)


def _read_csv(path: Path) -> list[list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's 「Unicode テキスト」
        text = data.decode("utf-16")
    elif b"\x00" in data:
        raise UserFacingError(
            f"CSVファイルとして読み取れません（文字ではないデータが入っています）: {path}",
            hint=f"名簿のファイルか確かめてください。{_SAVE_AS_XLSX}",
        )
    else:
        text = None
        for encoding in ("utf-8-sig", "cp932"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if encoding == "cp932" and _CP932_STRAYS.search(text):
                text = None  # bytes Python's cp932 lets through but no Japanese Excel writes
            break
        if text is None:
            raise UserFacingError(
                f"CSVファイルの文字コードを読み取れません（UTF-8 でも Shift_JIS でもありません）: {path}",
                hint="Excelで開き、「CSV UTF-8 (コンマ区切り)」または「CSV (コンマ区切り)」で保存し直してください。",
            )
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    filled = 0
    try:
        for cells in reader:
            rows.append(cells)
            if any(cell.strip() for cell in cells):
                filled += 1
                if filled > MAX_ROWS + HEADER_SEARCH_ROWS:
                    raise too_many_rows(path)
    except csv.Error as exc:
        raise UserFacingError(
            f'CSVファイルの{reader.line_num}行目を読み取れません（「"」の対応が崩れているなど）: {path}',
            hint="Excelで開いて確かめ、保存し直してから取り込んでください。",
        ) from exc
    return _trimmed(rows)


def _trimmed(rows: list[list[str]]) -> list[list[str]]:
    """Without trailing empty cells and rows, so a sheet formatted to row 1,048,576 costs nothing."""
    result = []
    for cells in rows:
        end = len(cells)
        while end and not cells[end - 1].strip():
            end -= 1
        result.append(cells[:end])
    while result and not any(cell.strip() for cell in result[-1]):
        result.pop()
    return result

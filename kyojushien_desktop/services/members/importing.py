"""名簿の取り込み: a town hall's .xlsx or .csv list of organisations becomes directory records.

Two steps so nothing surprises the user: ``preview_import`` reads the file, chooses the sheet,
guesses which column is which and lists every problem, warning and left-out row by row and
column without writing; ``apply_import`` then writes the good rows in one transaction (all or
nothing). Rows are cleaned with the same rules as the dialogs (``validate_organization`` /
``clean_person``), so an imported record could have been typed.

The preview is as strict as a careful clerk: a total row (「計」「合計 42件」) or the header printed
again is left out and listed; a formula Excel never calculated blocks its row rather than being
read as blank; an unknown 分類 is read as その他 with a warning, and ``set_categories`` lets the
user choose; a number that lost its leading 0 in Excel is pointed out.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.kana import digits_only
from kyojushien_desktop.domain.members import Organization, OrganizationSummary, Person, clean_person, name_key
from kyojushien_desktop.reports.xlsx import reader
from kyojushien_desktop.reports.xlsx.table import Cell, Table, cell_name
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members import importing_rules as rules
from kyojushien_desktop.services.members import organizations, terms
from kyojushien_desktop.services.members.importing_apply import apply_import
from kyojushien_desktop.services.members.importing_model import (
    CATEGORY,
    CLEANED,
    DUPLICATE_CHOICES,
    FIELDS,
    SHEET,
    ZEROS,
    ImportPreview,
    ImportProblem,
    ImportResult,
    ImportRow,
    ImportSkip,
    ImportWarning,
    SheetChoice,
)
from kyojushien_desktop.services.members.importing_rules import find_header_row, guess_mapping
from kyojushien_desktop.store import organizations as organization_store

__all__ = [
    "DUPLICATE_CHOICES",
    "FIELDS",
    "ImportPreview",
    "ImportProblem",
    "ImportResult",
    "ImportRow",
    "ImportSkip",
    "ImportWarning",
    "SheetChoice",
    "apply_import",
    "find_header_row",
    "guess_mapping",
    "preview_import",
    "set_categories",
]


# --- choosing the sheet ----------------------------------------------------------------------


def _header_row(rows: list[list[str]]) -> int | None:
    try:
        return find_header_row(rows) + 1
    except LookupError:
        return None


def _sheet_choices(book: reader.Workbook) -> list[SheetChoice]:
    """Every sheet, and for a workbook of several worksheets where each one's header is."""
    readable = [sheet for sheet in book.sheets if sheet.readable]
    choices = []
    for sheet in book.sheets:
        header = None
        if sheet.readable and len(readable) > 1:
            header = _header_row(book.read(sheet.name, max_rows=reader.HEADER_SEARCH_ROWS).texts)
        choices.append(SheetChoice(sheet.name, sheet.hidden, sheet.readable, header))
    return choices


def _proposed_sheet(book: reader.Workbook, choices: list[SheetChoice]) -> str | None:
    """The sheet Excel shows first when its header is one we know, else the first visible one that has it."""
    known = [choice.name for choice in choices if choice.header_row is not None and not choice.hidden]
    if book.active in known or not known:
        return book.active
    return known[0]


def _sheet_warnings(book: reader.Workbook, preview: ImportPreview) -> list[ImportWarning]:
    warnings = []
    if book.active is not None and preview.sheet != book.active:
        warnings.append(
            ImportWarning(
                0,
                "",
                f"開いたときに表示されるシート「{book.active}」ではなく、名簿の見出しがあるシート「{preview.sheet}」を読みました。",
                SHEET,
            )
        )
    others = preview.other_header_sheets
    if others:
        names = "、".join(f"「{name}」" for name in others)
        warnings.append(
            ImportWarning(
                0,
                "",
                f"ほかのシート（{names}）にも名簿の見出しがあります。読むシートが違うときは、シートを選び直してください。",
                SHEET,
            )
        )
    return warnings


# --- matching existing records ---------------------------------------------------------------


class _Existing:
    """The live directory held once in memory, so that matching 10,000 rows costs one read
    instead of a table scan per row. Same rule as ``organizations.find_similar`` (and the store's
    query): an equal ``name_key``, or a phone/FAX number of six or more digits in common."""

    def __init__(self, session: Session) -> None:
        self.summaries = organizations.list_organizations(session)
        self.position = {summary.id: index for index, summary in enumerate(self.summaries)}
        self.by_key: dict[str, list[int]] = {}
        self.by_digits: dict[str, list[int]] = {}
        for ident, key, numbers in organization_store.similarity_keys(session.database):
            self.by_key.setdefault(key, []).append(ident)
            for digits in numbers:
                self.by_digits.setdefault(digits, []).append(ident)

    def similar(self, org: Organization) -> tuple[OrganizationSummary, ...]:
        if not self.summaries:
            return ()
        key = name_key(org.name)
        ids = set(self.by_key.get(key, ())) if key else set()  # 「株式会社」alone folds to nothing
        for digits in (digits_only(org.phone), digits_only(org.fax)):
            if len(digits) >= 6:
                ids.update(self.by_digits.get(digits, ()))
        return tuple(self.summaries[i] for i in sorted(self.position[id_] for id_ in ids))


# --- preview ---------------------------------------------------------------------------------


def preview_import(
    session: Session,
    path: Path,
    mapping: dict[str, str | None] | None = None,
    *,
    sheet: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> ImportPreview:
    """Reads and checks the file without writing anything. ``mapping`` is the user's correction
    of ``guess_mapping`` (field key → header text, None to leave a field out); ``sheet`` the
    user's choice of sheet (by default the one Excel shows first if its header is one we know,
    else the first sheet that has such a header)."""
    path = Path(path)
    with reader.open_workbook(path) as book:
        choices = _sheet_choices(book)
        chosen = sheet if sheet is not None else _proposed_sheet(book, choices)
        table = book.read(chosen, progress=progress)
        header = _header_row(table.texts)
        choices = [
            dataclasses.replace(choice, header_row=header) if choice.name == table.sheet else choice
            for choice in choices
        ]
        if header is None:
            several = len(book.sheets) > 1
            checked = [c.name for c in choices if c.readable] if sheet is None and several else [table.sheet]
            raise _no_header(path, checked if several else [])
        index = header - 1
        headers = [text.strip() for text in table.texts[index]]
        mapping = guess_mapping(headers) if mapping is None else _checked_mapping(mapping, headers)
        preview = ImportPreview(
            path=path,
            sheet=table.sheet,
            header_row=header,
            headers=headers,
            mapping=mapping,
            rows=[],
            problems=[],
            blank_rows=0,
            sheets=tuple(choices),
        )
        if sheet is None:
            preview.warnings.extend(_sheet_warnings(book, preview))
    if mapping["name"] is None:
        preview.problems.append(
            ImportProblem(
                header,
                "",
                f"「{FIELDS['name']}」に当たる列がありません。見出しの対応づけで、団体名の列を選んでください。",
            )
        )
        return preview
    if sum(1 for texts in table.texts[header:] if any(text.strip() for text in texts)) > reader.MAX_ROWS:
        raise reader.too_many_rows(path, table.sheet if len(choices) > 1 else "")
    _check_rows(session, preview, table, progress)
    return preview


def _no_header(path: Path, sheets: list[str]) -> UserFacingError:
    """No header row in the sheet read (``sheets`` names the ones looked at, in a workbook of several)."""
    hint = f"次のような見出しが2つ以上並んだ行を、名簿の上に置いてください: {rules.expected_headers()}。"
    if path.suffix.lower() in reader.CSV_SUFFIXES:
        hint += "文字化けしている場合は、Excelで「CSV UTF-8 (コンマ区切り)」で保存し直してください。"
    where = "シート" + "".join(f"「{name}」" for name in sheets) + "の" if sheets else ""
    return UserFacingError(
        f"見出しの行が見つかりません（{where}1行目から{reader.HEADER_SEARCH_ROWS}行目まで）: {path}", hint=hint
    )


def _checked_mapping(mapping: dict[str, str | None], headers: list[str]) -> dict[str, str | None]:
    unknown = set(mapping) - set(FIELDS)
    missing = {header for header in mapping.values() if header is not None and header not in headers}
    if unknown or missing:
        raise ValueError(f"mapping has unknown fields {unknown} or headers {missing}")
    return {key: mapping.get(key) for key in FIELDS}


def _check_rows(session: Session, preview: ImportPreview, table: Table, progress: Progress) -> None:
    """Every row below the header: left out, blank, or built and checked (and matched against
    the directory and the file's earlier rows)."""
    mapping, headers, header = preview.mapping, preview.headers, preview.header_row
    columns = {key: headers.index(text) for key, text in mapping.items() if text is not None}
    used = {column + 1: key for key, column in columns.items()}
    unresolved: dict[int, dict[str, Cell]] = {}  # formulas without a usable result, and error values
    for row, column in sorted({*table.unresolved, *table.errors}):
        if row > header and column in used:
            unresolved.setdefault(row, {})[used[column]] = table.cell(row, column)
    header_texts = {key: rules.tidy(text) for key, text in mapping.items() if text is not None}
    existing = _Existing(session)
    roles: dict[str, str] = {}
    first_of_name: dict[str, int] = {}
    data = table.texts[header:]
    progress.begin("行を確かめています", len(data))
    for number, texts in enumerate(data, start=header + 1):
        progress.step()
        width = len(texts)
        raw = {key: texts[column] if column < width else "" for key, column in columns.items()}
        notes = rules.tidy_notes(raw.pop("notes", ""))
        values = {key: rules.tidy(value) for key, value in raw.items()}
        formulas = unresolved.get(number, {})
        if not notes and not any(values.values()) and not formulas and not _says_total(texts):
            preview.blank_rows += 1  # a number-only template row counts as blank, a 「合計 42件」 does not
            continue
        skip = _left_out(number, values, texts, header_texts)
        if skip is not None:
            preview.skipped.append(skip)
            continue
        organization, person, unknown, problems = _build_row(number, values, notes, mapping, roles)
        if formulas:
            columns_with_formulas = {mapping[key] for key in formulas}
            problems = [p for p in problems if p.column not in columns_with_formulas]
            problems += [
                _formula_problem(number, mapping[key] or "", cell, columns[key]) for key, cell in formulas.items()
            ]
        preview.problems.extend(problems)
        duplicate_of = None
        key = name_key(organization.name)
        if key and not problems:
            duplicate_of = first_of_name.setdefault(key, number)
            duplicate_of = None if duplicate_of == number else duplicate_of
        row = ImportRow(number, organization, person, existing.similar(organization), duplicate_of, unknown)
        preview.rows.append(row)
        preview.warnings.extend(_row_warnings(row, table.values[number - 1], columns, mapping))
    cleaned = [(row, column) for row, column in table.cleaned if row > header and column in used]
    if cleaned:
        places = "、".join(f"{row}行目「{mapping[used[column]]}」" for row, column in cleaned[:3])
        more = f" ほか{len(cleaned) - 3}か所" if len(cleaned) > 3 else ""
        preview.warnings.append(
            ImportWarning(0, "", f"制御文字など、目に見えない文字を取り除いて読みました（{places}{more}）。", CLEANED)
        )


def _first_text(texts: tuple[str, ...]) -> str:
    return rules.tidy(next((text for text in texts if text.strip()), ""))


def _says_total(texts: tuple[str, ...]) -> bool:
    return rules.is_footer(_first_text(texts))


def _left_out(
    number: int, values: dict[str, str], texts: tuple[str, ...], headers: dict[str, str]
) -> ImportSkip | None:
    """A total or end-of-list row (its name, or its first cell when the name is empty, says 計,
    合計 42件, 以上 …), or the header printed again."""
    name = values.get("name", "")
    first = name or _first_text(texts)
    if rules.is_footer(first):
        return ImportSkip(number, first, f"「{first}」は合計や名簿の終わりを示す行とみなして、取り込みません。")
    if rules.repeats_header(values, headers):
        return ImportSkip(number, name, "見出しの繰り返し（印刷の2ページ目などの見出し）とみなして、取り込みません。")
    return None


def _formula_problem(number: int, column: str, cell: Cell, position: int) -> ImportProblem:
    where = cell_name(number, position + 1)
    formula = f"（{cell.formula}）" if cell.formula else ""
    if cell.error and cell.formula is None:
        message = f"セル{where}がエラー値（{cell.error}）です。Excelで直してから取り込んでください。"
    elif cell.error:
        message = f"セル{where}の数式{formula}の結果がエラー（{cell.error}）です。Excelで直してから取り込んでください。"
    else:
        message = (
            f"セル{where}の数式{formula}の計算結果がファイルに保存されていません。"
            "Excelで開いて上書き保存すると、計算結果が保存されて読めるようになります。"
        )
    return ImportProblem(number, column, message)


def _row_warnings(
    row: ImportRow, values: tuple[object, ...], columns: dict[str, int], mapping: dict[str, str | None]
) -> list[ImportWarning]:
    """An unknown 分類, and a phone or FAX number Excel kept as a number without its leading 0."""
    warnings = []
    if row.unknown_category:
        warnings.append(
            ImportWarning(
                row.row,
                mapping["category"] or "",
                f"「{row.unknown_category}」は名簿の区分にないため「その他」として読みました（取り込みの画面では行ごとに区分を選べます）。",
                CATEGORY,
            )
        )
    for key in ("phone", "fax"):
        if key not in columns or columns[key] >= len(values):
            continue
        value, shown = values[columns[key]], getattr(row.organization, key)
        if isinstance(value, int | float) and not isinstance(value, bool) and shown and not shown.startswith("0"):
            warnings.append(
                ImportWarning(
                    row.row,
                    mapping[key] or "",
                    f"{FIELDS[key]}番号が数値として保存されていて、先頭の0が消えているかもしれません（{shown}）。"
                    "確かめて、必要なら取り込んだあとで直してください。",
                    ZEROS,
                )
            )
    return warnings


def _build_row(
    number: int, values: dict[str, str], notes: str, mapping: dict[str, str | None], roles: dict[str, str]
) -> tuple[Organization, Person | None, str, list[ImportProblem]]:
    """One row cleaned by the dialogs' rules, the file's 分類 when it is unknown, and the
    problems, each located by the file's header."""
    word = values.get("category", "")
    category, exact, known = rules.category(word)
    kind = values.get("kind", "")
    if not exact and not kind:
        kind = word  # keep the file's own word (社協, 宅建協会) as 種別
    if category not in roles:
        roles[category] = terms.default_roles(category)
    organization = Organization(
        name=values.get("name", ""),
        kana=values.get("kana", ""),
        category=category,
        kind=kind,
        internal=rules.is_internal(values.get("internal", "")),
        address=values.get("address", ""),
        phone=values.get("phone", ""),
        fax=values.get("fax", ""),
        email=values.get("email", ""),
        website=values.get("website", ""),
        expected_roles=roles[category],
        notes=notes,
    )
    problems: list[ImportProblem] = []

    def add(key: str, message: str) -> None:
        problems.append(ImportProblem(number, mapping.get(key) or "", message))

    try:
        organization = organizations.validate_organization(organization)
    except ValidationError as error:
        for key, message in _problems_of(error).items():
            add(key if key in FIELDS else "", message)
    person = None
    if values.get("person_name"):
        person = Person(
            name=values["person_name"],
            organization_id=0,
            department=values.get("person_department", ""),
            title=values.get("person_title", ""),
        )
        try:
            person = clean_person(person)
        except ValidationError as error:
            for key, message in _problems_of(error).items():
                add(f"person_{key}", message)
    return organization, person, "" if known else word, problems


def _problems_of(error: ValidationError) -> dict[str, str]:
    return dict(getattr(error, "problems", None) or {error.field: error.message})


# --- the user's choices ----------------------------------------------------------------------


def set_categories(preview: ImportPreview, categories: dict[int, str]) -> ImportPreview:
    """The preview with the 区分 the user chose for some rows (row number → 区分); a row that still
    held its old 区分's 期待される役割 takes the new one's. Its 分類 warning goes away."""
    names = terms.categories()
    unknown = {name for name in categories.values() if name not in names}
    if unknown:
        raise ValueError(f"unknown 区分 {unknown}")
    rows = []
    for row in preview.rows:
        chosen = categories.get(row.row)
        if chosen is None or (chosen == row.organization.category and not row.unknown_category):
            rows.append(row)
            continue
        org = row.organization
        old_roles = terms.default_roles(org.category)
        roles = terms.default_roles(chosen) if org.expected_roles == old_roles else org.expected_roles
        org = dataclasses.replace(org, category=chosen, expected_roles=roles)
        rows.append(dataclasses.replace(row, organization=org, unknown_category=""))
    warnings = [w for w in preview.warnings if not (w.kind == CATEGORY and w.row in categories)]
    return dataclasses.replace(preview, rows=rows, warnings=warnings)

"""参加者アンケートの取り込み: a spreadsheet (.xlsx or .csv) with one row per respondent becomes the
meeting's 回答票, as if each had been typed on the entry screen.

As strict as the 名簿 import, in the same two steps: ``preview_survey_import`` reads the file with
the app's own reader (sizes checked before anything is unpacked, CSV as Japanese Excel writes it),
finds the header row, matches each column to a question by its 質問文, its label (満足度) or its
place (問1), reads every cell with ``read_answer`` (1–5, 全角 digits, the labels; blank = 未回答)
and names every problem by sheet, row, cell and header — without writing. ``apply_survey_import``
then writes the good rows in one transaction, or nothing: a bad row stops it unless the user
chose to skip the bad rows, and a cancel leaves the file as it was.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kyojushien_desktop.content.survey_import import survey_import_rules
from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.meeting_results import AnswerError, read_answer
from kyojushien_desktop.domain.meetings import FREE, SurveyQuestion, SurveyResponse
from kyojushien_desktop.reports.xlsx import reader
from kyojushien_desktop.reports.xlsx.table import Table, column_letters
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import survey
from kyojushien_desktop.store import surveys

_NOISE = re.compile(r"[\s　:：.．、,，?？。・*※]")
_BRACKETED = re.compile(r"^[(（【\[「『]\s*(.*?)\s*[)）】\]」』]$")
_TRAILING_BRACKET = re.compile(r"[(（【\[][^)）】\]]*[)）】\]]$")


def header_key(text: str) -> str:
    """「満足度 」, 「（満足度）」 and 「満足度？」 compare alike; 全角 and case folded."""
    folded = unicodedata.normalize("NFKC", text or "").strip().casefold()
    inner = _BRACKETED.match(folded)
    return _NOISE.sub("", inner.group(1) if inner else folded)


@functools.cache
def _prefix_pattern() -> re.Pattern[str]:
    prefixes = sorted(
        (unicodedata.normalize("NFKC", p).casefold() for p in survey_import_rules().question_prefixes),
        key=len,
        reverse=True,
    )
    return re.compile(r"^(?:" + "|".join(map(re.escape, prefixes)) + r")\s*(\d{1,3})\s*[.．:：)）、-]?\s*(.*)$")


def match_header(text: str, questions: list[SurveyQuestion]) -> int | None:
    """The position (0-based) of the question a header names: its 質問文 or label, or 問N (with
    or without the question after it: 「問1（満足度）」); None when it names none."""
    by_key = _names_index(tuple((q.text, q.label) for q in questions))
    key = header_key(text)
    if not key:
        return None
    if key in by_key:
        return by_key[key]
    without_note = header_key(_TRAILING_BRACKET.sub("", unicodedata.normalize("NFKC", text).strip()))
    if without_note in by_key:  # 「満足度（5段階）」
        return by_key[without_note]
    numbered = _prefix_pattern().match(unicodedata.normalize("NFKC", text).strip().casefold())
    if numbered:
        rest = header_key(numbered.group(2))
        if rest in by_key:
            return by_key[rest]
        number = int(numbered.group(1))
        if 1 <= number <= len(questions):
            return number - 1
    return None


@functools.lru_cache(maxsize=8)
def _names_index(names: tuple[tuple[str, str], ...]) -> dict[str, int]:
    """Each question's 質問文 and label, compared as headers, → its position."""
    by_key: dict[str, int] = {}
    for position, pair in enumerate(names):
        for name in pair:
            if header_key(name):
                by_key.setdefault(header_key(name), position)
    return by_key


@functools.cache
def _number_headers() -> frozenset[str]:
    return frozenset(header_key(h) for h in survey_import_rules().number_headers)


def _is_number_header(text: str) -> bool:
    return header_key(text) in _number_headers()


def _names_column(column: SurveyColumn, text: str, questions: list[SurveyQuestion]) -> bool:
    """Whether a cell says what its column's header says (the header printed again on page 2)."""
    if header_key(text) == header_key(column.header):
        return True
    if column.number:
        return _is_number_header(text)
    position = match_header(text, questions)
    return position is not None and questions[position].id == column.question_id


# --- what the preview holds ------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyColumn:
    """A column of the file: the question it holds, the 回答票番号, or neither (left unused)."""

    index: int  # 1-based, as Excel counts
    header: str
    question_id: int | None = None
    number: bool = False

    @property
    def letter(self) -> str:
        return column_letters(self.index)


@dataclass(frozen=True)
class SurveyImportProblem:
    """One thing wrong in the file, located as the user finds it in Excel. ``column`` 0: the row."""

    place: str  # 「回答」シート, or the CSV file's name
    row: int
    column: int
    header: str
    message: str

    def describe(self) -> str:
        where = f"{self.place} {self.row}行目"
        if self.column:
            where += f" {column_letters(self.column)}列" + (f"（{self.header}）" if self.header else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class SurveyImportRow:
    """A respondent's row as it would be saved; ``number`` from the file's 回答票番号 column, or
    None until numbers are given after the forms already entered."""

    row: int
    answers: dict[int, str]
    number: int | None = None


@dataclass
class SurveyImportPreview:
    """Everything the user checks before anything is written."""

    path: Path
    meeting_id: int
    sheet: str
    place: str
    header_row: int
    columns: tuple[SurveyColumn, ...]
    questions: tuple[SurveyQuestion, ...]
    next_number: int  # the first number given when the file has no 回答票番号 column
    rows: list[SurveyImportRow] = field(default_factory=list)
    problems: list[SurveyImportProblem] = field(default_factory=list)
    file_problems: list[str] = field(default_factory=list)  # the whole file: nothing can be taken
    warnings: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # row, why (合計, the header again)
    blank_rows: int = 0
    sheets: tuple[str, ...] = ()

    @property
    def numbered(self) -> bool:
        return any(column.number for column in self.columns)

    @property
    def bad_rows(self) -> set[int]:
        return {problem.row for problem in self.problems}

    @property
    def good_rows(self) -> list[SurveyImportRow]:
        """The rows that will be written, each with the number its form gets."""
        bad = self.bad_rows
        good = [row for row in self.rows if row.row not in bad]
        if self.numbered:
            return good
        return [SurveyImportRow(r.row, r.answers, self.next_number + n) for n, r in enumerate(good)]

    def problems_of(self, row: int) -> list[SurveyImportProblem]:
        return [problem for problem in self.problems if problem.row == row]


@dataclass(frozen=True)
class SurveyImportResult:
    added: int
    bad_skipped: int
    numbers: tuple[int, ...]
    changes: Changes

    def describe(self) -> str:
        span = f"回答票番号 {self.numbers[0]}〜{self.numbers[-1]}" if self.numbers else ""
        skipped = f"、問題のため飛ばした行 {self.bad_skipped}件" if self.bad_skipped else ""
        return f"アンケートの回答を{self.added}件取り込みました（{span}{skipped}）。"


# --- preview ---------------------------------------------------------------------------------


def preview_survey_import(
    session: Session, meeting_id: int, path: Path, *, sheet: str | None = None, progress: Progress = NO_PROGRESS
) -> SurveyImportPreview:
    """Reads and checks the file without writing anything; ``sheet`` the user's choice (by
    default the one Excel shows first, else the first sheet whose header names the questions)."""
    path = Path(path)
    questions = survey.questions_of(session, meeting_id)
    if not questions:
        raise UserFacingError(
            "このアンケートには質問がありません。", hint="先に「質問の設定」で質問を用意してから取り込んでください。"
        )
    with reader.open_workbook(path) as book:
        names = tuple(s.name for s in book.sheets if s.readable)
        chosen = sheet
        if chosen is None and len(names) > 1:
            chosen = _sheet_with_header(book, names, questions)
        table = book.read(chosen, progress=progress)
    is_csv = path.suffix.lower() in reader.CSV_SUFFIXES
    place = path.name if is_csv else f"「{table.sheet}」シート"
    header = _header_row(table, questions)
    if header is None:
        expected = "、".join(f"「{q.short}」" for q in questions[:4])
        raise UserFacingError(
            f"見出しの行が見つかりません（{place}の1行目から{reader.HEADER_SEARCH_ROWS}行目まで）: {path}",
            hint=f"1行目に、質問文か質問の短い名前（{expected} …）、または「問1」「問2」…の見出しを並べてください。",
        )
    texts = table.texts[header - 1]
    columns = []
    for index, text in enumerate(texts, start=1):
        position = match_header(text, questions)
        if position is not None:
            columns.append(SurveyColumn(index, text.strip(), questions[position].id))
        elif text.strip() and _is_number_header(text):
            columns.append(SurveyColumn(index, text.strip(), number=True))
        elif text.strip():
            columns.append(SurveyColumn(index, text.strip()))
    preview = SurveyImportPreview(
        path=path,
        meeting_id=meeting_id,
        sheet=table.sheet,
        place=place,
        header_row=header,
        columns=tuple(columns),
        questions=tuple(questions),
        next_number=survey.next_number(session, meeting_id),
        sheets=names,
    )
    _check_columns(preview)
    if sum(1 for row in table.texts[header:] if any(t.strip() for t in row)) > reader.MAX_ROWS:
        raise reader.too_many_rows(path, table.sheet)
    if not preview.file_problems:
        existing = {r.number for r in survey.responses_of(session, meeting_id)}
        _check_rows(preview, table, existing, progress)
    return preview


def _sheet_with_header(book: reader.Workbook, names: tuple[str, ...], questions: list[SurveyQuestion]) -> str | None:
    """The sheet Excel shows first if its header names the questions, else the first that does."""
    found = [
        name
        for name in names
        if _header_row(book.read(name, max_rows=reader.HEADER_SEARCH_ROWS), questions) is not None
    ]
    return book.active if book.active in found or not found else found[0]


def _header_row(table: Table, questions: list[SurveyQuestion]) -> int | None:
    """The 1-based row naming two questions, or naming nothing but questions (a file of one
    question), so a title row above it (「第3回勉強会 アンケート集計」) is passed over."""
    for number, texts in enumerate(table.texts[: reader.HEADER_SEARCH_ROWS], start=1):
        filled = [t for t in texts if t.strip()]
        matched = {p for p in (match_header(t, questions) for t in filled) if p is not None}
        if len(matched) >= 2 or (
            matched and all(match_header(t, questions) is not None or _is_number_header(t) for t in filled)
        ):
            return number
    return None


def _check_columns(preview: SurveyImportPreview) -> None:
    """Two columns for one question (or for the number) make the file unclear: nothing is read.
    Unused columns and questions the file lacks are only pointed out."""
    by_question: dict[int, list[SurveyColumn]] = {}
    numbers = [c for c in preview.columns if c.number]
    for column in preview.columns:
        if column.question_id is not None:
            by_question.setdefault(column.question_id, []).append(column)
    shorts = {q.id: q.short for q in preview.questions}
    for question_id, found in by_question.items():
        if len(found) > 1:
            letters = "と".join(f"{c.letter}列（{c.header}）" for c in found)
            preview.file_problems.append(
                f"{preview.place} {preview.header_row}行目: 質問「{shorts[question_id]}」に当たる列が{len(found)}つあります"
                f"（{letters}）。どちらか一方の見出しを直してください。"
            )
    if len(numbers) > 1:
        letters = "と".join(f"{c.letter}列（{c.header}）" for c in numbers)
        preview.file_problems.append(
            f"{preview.place} {preview.header_row}行目: 回答票番号の列が{len(numbers)}つあります（{letters}）。"
            "ひとつにしてください。"
        )
    unused = [c for c in preview.columns if c.question_id is None and not c.number]
    if unused:
        preview.warnings.append(
            "質問に当たらないため読まない列: " + "、".join(f"{c.letter}列（{c.header}）" for c in unused)
        )
    missing = [q for n, q in enumerate(preview.questions, 1) if q.id not in by_question]
    if missing:
        numbers_of = {q.id: n for n, q in enumerate(preview.questions, 1)}
        preview.warnings.append(
            "ファイルに列がないため未回答になる質問: "
            + "、".join(f"問{numbers_of[q.id]}（{q.short}）" for q in missing)
        )


def _check_rows(preview: SurveyImportPreview, table: Table, existing: set[int], progress: Progress) -> None:
    """Every row under the header: blank, left out (合計, the header again), or read cell by cell."""
    questions = {q.id: q for q in preview.questions}
    used = [c for c in preview.columns if c.question_id is not None or c.number]
    summary = {header_key(w) for w in survey_import_rules().summary_words}
    listed = list(preview.questions)
    broken = {*table.unresolved, *table.errors}
    first_row_of: dict[int, int] = {}
    data = table.texts[preview.header_row :]
    progress.begin("回答の行を確かめています", len(data))
    for number, texts in enumerate(data, start=preview.header_row + 1):
        progress.step()
        cells = {c.index: (texts[c.index - 1] if c.index <= len(texts) else "") for c in used}
        answered = [c for c in used if not c.number and cells[c.index].strip()]
        first = next((t.strip() for t in texts if t.strip()), "")
        if first and header_key(first) in summary:
            preview.skipped.append((number, f"「{first}」は合計や平均の行とみなして、取り込みません。"))
            continue
        filled = [c for c in used if cells[c.index].strip()]
        if len(filled) >= 2 and all(_names_column(c, cells[c.index], listed) for c in filled):
            preview.skipped.append(
                (number, "見出しの繰り返し（印刷の2ページ目などの見出し）とみなして、取り込みません。")
            )
            continue
        if not answered and not any((number, c.index) in broken for c in used):
            preview.blank_rows += 1  # a template row holding only its 回答票番号 counts as blank
            continue

        def problem(column: SurveyColumn | None, message: str, row: int = number) -> None:
            preview.problems.append(
                SurveyImportProblem(
                    preview.place, row, column.index if column else 0, column.header if column else "", message
                )
            )

        answers: dict[int, str] = {}
        form_number: int | None = None
        for column in used:
            if (number, column.index) in broken:
                problem(column, _broken_cell(table, number, column.index))
                continue
            value = (
                table.values[number - 1][column.index - 1] if column.index <= len(table.values[number - 1]) else None
            )
            if column.number:
                form_number = _form_number(value, cells[column.index], problem, column)
                continue
            question = questions[column.question_id]
            raw = (
                value
                if isinstance(value, int | float) and not isinstance(value, bool) and question.kind != FREE
                else cells[column.index]
            )
            try:
                answers[question.id] = read_answer(question, raw)  # type: ignore[index]
            except AnswerError as exc:
                problem(column, str(exc))
        if form_number is not None:
            number_column = next(c for c in used if c.number)
            if form_number in first_row_of:
                problem(
                    number_column,
                    f"回答票番号「{form_number}」は{first_row_of[form_number]}行目と同じです。番号を直してください。",
                )
            elif form_number in existing:
                problem(
                    number_column,
                    f"回答票番号「{form_number}」の回答票はすでに入力されています。取り込むと置き換わるため、番号を直すか、"
                    "入力済みの回答票を削除してから取り込んでください。",
                )
            first_row_of.setdefault(form_number, number)
        elif preview.numbered and not any(p.row == number for p in preview.problems):
            problem(next(c for c in used if c.number), "回答票番号が空欄です。番号を入れてください。")
        preview.rows.append(SurveyImportRow(number, answers, form_number))


def _form_number(value: object, text: str, problem, column: SurveyColumn) -> int | None:
    """A 回答票番号 cell: 5, 5.0 (a number cell) or 「５」; anything else is named."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if value >= 1:
            return value
    else:
        digits = unicodedata.normalize("NFKC", text).strip()
        if not digits:
            return None
        if digits.isdigit() and int(digits) >= 1:
            return int(digits)
    problem(column, f"回答票番号「{text.strip()}」は1以上の整数で入力してください。")
    return None


def _broken_cell(table: Table, row: int, column: int) -> str:
    cell = table.cell(row, column)
    if cell.error and cell.formula is None:
        return f"エラー値（{cell.error}）が入っています。Excelで直してから取り込んでください。"
    if cell.error:
        return f"数式（{cell.formula}）の結果がエラー（{cell.error}）です。Excelで直してから取り込んでください。"
    return "数式の計算結果がファイルに保存されていません。Excelで開いて上書き保存してから取り込んでください。"


# --- writing ---------------------------------------------------------------------------------


def _rows_text(rows: set[int]) -> str:
    ordered = sorted(rows)
    text = "、".join(f"{row}行目" for row in ordered[:10])
    return text + (f" ほか{len(ordered) - 10}行" if len(ordered) > 10 else "")


def apply_survey_import(
    session: Session, preview: SurveyImportPreview, *, skip_bad: bool = False, progress: Progress = NO_PROGRESS
) -> SurveyImportResult:
    """Writes the preview's good rows as 回答票 in one transaction, or nothing. Bad rows raise
    ``ValidationError`` naming them unless ``skip_bad``; ``Cancelled`` leaves the file untouched."""
    if preview.file_problems:
        raise ValidationError(preview.file_problems[0] + f": {preview.path}")
    bad = preview.bad_rows
    if bad and not skip_bad:
        raise ValidationError(
            f"問題のある行が {len(bad)} 行あるため、何も取り込みませんでした（{_rows_text(bad)}）: {preview.path}",
            hint="ファイルを直してからもう一度取り込むか、問題のない行だけを取り込んでください。",
        )
    rows = preview.good_rows
    if not rows:
        raise ValidationError(f"取り込める回答の行がありません: {preview.path}")
    meeting_id = preview.meeting_id
    current = {q.id for q in survey.questions_of(session, meeting_id)}
    if not {q.id for q in preview.questions} <= current:
        raise ValidationError("読み込んだあとで質問の設定が変わりました。もう一度ファイルを選んで読み込んでください。")
    existing = {r.number for r in survey.responses_of(session, meeting_id)}
    if preview.numbered and existing & {r.number for r in rows}:
        raise ValidationError(
            "読み込んだあとで同じ番号の回答票が入力されました。もう一度ファイルを選んで読み込んでください。"
        )
    if not preview.numbered:
        start = survey.next_number(session, meeting_id)
        rows = [SurveyImportRow(r.row, r.answers, start + n) for n, r in enumerate(rows)]
    database = session.database
    progress.begin("回答票を書き込んでいます", len(rows))
    with database.atomic():
        for row in rows:
            progress.step()
            surveys.save_response(database, SurveyResponse(meeting_id, int(row.number or 0), row.answers))
    return SurveyImportResult(
        added=len(rows),
        bad_skipped=len(bad),
        numbers=tuple(sorted(int(r.number or 0) for r in rows)),
        changes=Changes.of(Topic.SURVEY),
    )

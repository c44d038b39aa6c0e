"""The 診断シート on paper (A4 PDF) and in Excel (a workbook per respondent, or a blank one), and
the filled workbooks read back: all or nothing, every problem named by file, sheet and cell.

A blank sheet's 氏名 names the respondent when it comes back; a name the round does not know
yet is added to it. A file for someone who already has ratings is reported, not silently
replaced: the GUI asks, the CLI replaces only with --replace.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from kyojushien_desktop.content.diagnosis import diagnosis_sheet
from kyojushien_desktop.domain.diagnosis import Respondent, ScoreError, read_score
from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.members import normalize_text
from kyojushien_desktop.reports.diagnosis_sheet_xlsx import ANSWER_SHEET
from kyojushien_desktop.reports.diagnosis_sheet_xlsx import COLUMNS as SHEET_COLUMNS
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.services.common.changes import Changes
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.diagnosis import rounds


def _line(text: str) -> str:
    return " ".join(normalize_text(text).split())


def respondent_named(session: Session, round_id: int, name: str) -> tuple[Respondent, Changes | None]:
    """The round's respondent of that 氏名, added to the round when it has none yet."""
    wanted = _line(name)
    for person in rounds.respondents_of(session, round_id):
        if person.name == wanted:
            return person, None
    respondent_id, changes = rounds.save_respondent(session, Respondent(round_id=round_id, name=wanted))
    return next(p for p in rounds.respondents_of(session, round_id) if p.id == respondent_id), changes


def _person(session: Session, round_id: int, respondent_id: int | None) -> Respondent | None:
    if respondent_id is None:
        return None
    for person in rounds.respondents_of(session, round_id):
        if person.id == respondent_id:
            return person
    raise UserFacingError(f"番号 {respondent_id} の回答者はこの実施回にいません。")


def export_sheet_pdf(
    session: Session,
    round_id: int,
    path: Path,
    respondent_id: int | None = None,
    *,
    replace_unsupported: bool = False,
    progress: Progress = SILENT,
) -> Path:
    """The A4 paper sheet of one respondent (or a blank one) to fill in by hand."""
    from kyojushien_desktop.reports.diagnosis_sheet_pdf import write_sheet_pdf

    found = rounds.get_round(session, round_id)
    return write_sheet_pdf(
        diagnosis_sheet(),
        Path(path),
        municipality=load_settings(session).municipality,
        person=_person(session, round_id, respondent_id),
        round_name=found.name,
        replace_unsupported=replace_unsupported,
        progress=progress,
    )


def export_sheet_xlsx(session: Session, round_id: int, path: Path, respondent_id: int | None = None) -> Path:
    """The workbook to fill in (sheet 「回答」), one respondent's or blank."""
    from kyojushien_desktop.reports.diagnosis_sheet_xlsx import write_sheet_xlsx

    found = rounds.get_round(session, round_id)
    return write_sheet_xlsx(
        diagnosis_sheet(),
        Path(path),
        municipality=load_settings(session).municipality,
        person=_person(session, round_id, respondent_id),
        round_name=found.name,
        created=dt.date.today(),
    )


@dataclass(frozen=True)
class FilledSheet:
    """What one filled workbook says: the header fields, the ratings, the free answer."""

    path: Path
    name: str
    division: str
    bureau: str
    title: str
    scores: dict[str, int]
    free_answer: str


@dataclass
class SheetImport:
    """Filled workbooks read and checked; ``problems`` (one line each) mean nothing is written;
    ``already_rated`` names the respondents whose ratings the import would replace."""

    round_id: int
    sheets: list[FilledSheet] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    already_rated: list[str] = field(default_factory=list)


def _read_one(path: Path) -> tuple[FilledSheet | None, list[str]]:
    from kyojushien_desktop.reports.xlsx.reader import cell_name, open_workbook

    sheet = diagnosis_sheet()
    where = f"{path.name}:"
    try:
        with open_workbook(path) as book:
            if not any(s.name == ANSWER_SHEET for s in book.sheets):
                names = "、".join(f"「{s.name}」" for s in book.sheets) or "なし"
                return None, [
                    f"{where} 「{ANSWER_SHEET}」シートがありません（シート: {names}）。診断シートのExcelではないようです"
                ]
            table = book.read(ANSWER_SHEET)
    except UserFacingError as exc:
        return None, [f"{where} {exc.message}"]
    texts = [[str(v).strip() for v in row] for row in table.texts]
    header_row = next((n for n, row in enumerate(texts, 1) if tuple(row[:4]) == SHEET_COLUMNS), None)
    if header_row is None:
        wanted = " | ".join(SHEET_COLUMNS)
        return None, [
            f"{where} 「{ANSWER_SHEET}」に「{wanted}」の見出し行がありません。診断シートのExcelではないようです"
        ]
    fields = {row[0]: n for n, row in enumerate(texts[: header_row - 1], 1) if row}
    header = {
        label: _line(table.cell(fields[label], 2).text) if label in fields else "" for label in sheet.header_fields
    }
    problems = []
    name_row = fields.get("氏名")
    if not header.get("氏名"):
        cell = f"B{name_row}" if name_row else "氏名"
        problems.append(f"{where} 「{ANSWER_SHEET}」{cell}: 氏名を入力してください")
    labels = rounds.scale_labels()
    rows = {}
    for number in range(header_row + 1, len(texts) + 1):
        item_id = table.cell(number, 1).text.strip()
        if item_id:
            rows[item_id] = number
    scores: dict[str, int] = {}
    for item in sheet.items:
        number = rows.get(item.id)
        if number is None:
            problems.append(
                f"{where} 「{ANSWER_SHEET}」: 項目 {item.id} の行がありません（行を消さずに評価だけを入力してください）"
            )
            continue
        cell = table.cell(number, 3)
        try:
            score = read_score(cell.value if cell.value is not None else cell.text, labels)
        except ScoreError as exc:
            problems.append(f"{where} 「{ANSWER_SHEET}」{cell_name(number, 3)}: {exc}")
            continue
        if score is not None:
            scores[item.id] = score
    free_row = next((n for n, row in enumerate(texts, 1) if row and row[0] == sheet.free_answer_label), None)
    free = normalize_text(table.cell(free_row + 1, 1).text) if free_row else ""
    if problems:
        return None, problems
    filled = FilledSheet(
        path=path,
        name=header["氏名"],
        division=header.get("部門名", ""),
        bureau=header.get("部局", ""),
        title=header.get("役職", ""),
        scores=scores,
        free_answer=free,
    )
    return filled, []


def read_workbooks(session: Session, round_id: int, paths: list[Path], progress: Progress = SILENT) -> SheetImport:
    """Reads and checks every file; writes nothing."""
    rounds.get_round(session, round_id)
    result = SheetImport(round_id=round_id)
    progress.begin("診断シートを読み込んでいます", len(paths))
    seen: dict[str, Path] = {}
    for path in paths:
        filled, problems = _read_one(Path(path))
        result.problems += problems
        if filled is not None:
            if filled.name in seen:
                result.problems.append(
                    f"{Path(path).name}: 氏名「{filled.name}」のファイルが2つあります（{seen[filled.name].name} と）"
                )
            seen[filled.name] = Path(path)
            result.sheets.append(filled)
        progress.step()
    rated = {p.name for p in rounds.respondents_of(session, round_id) if p.scores}
    result.already_rated = [s.name for s in result.sheets if s.name in rated]
    return result


def apply_import(session: Session, plan: SheetImport) -> Changes:
    """Writes the checked sheets in one transaction: a respondent matched by 氏名 gets the file's
    header fields (those filled), ratings and free answer; a new name is added to the round."""
    if plan.problems:
        raise ValidationError("\n".join(plan.problems))
    known = {p.name: p for p in rounds.respondents_of(session, plan.round_id)}
    with session.database.atomic():
        for filled in plan.sheets:
            base = known.get(filled.name) or Respondent(round_id=plan.round_id, name=filled.name)
            person = dataclasses.replace(
                base,
                division=filled.division or base.division,
                bureau=filled.bureau or base.bureau,
                title=filled.title or base.title,
                scores=filled.scores,
                free_answer=filled.free_answer,
            )
            rounds.save_respondent(session, person)
    return rounds.CHANGES


def import_workbooks(
    session: Session, round_id: int, paths: list[Path], *, replace: bool = False, progress: Progress = SILENT
) -> tuple[SheetImport, Changes]:
    """Reads the filled workbooks and writes them all, or nothing: any problem in any file, or a
    respondent who already has ratings (unless ``replace``), stops the import before a write."""
    plan = read_workbooks(session, round_id, paths, progress)
    if plan.problems:
        raise ValidationError(
            "診断シートに直すところがあるため、どのファイルも取り込んでいません。\n" + "\n".join(plan.problems),
            hint="直してから、まとめて取り込み直してください。",
        )
    if plan.already_rated and not replace:
        raise ValidationError(
            "すでに評価のある回答者がいます: " + "、".join(plan.already_rated),
            hint="どのファイルも取り込んでいません。置き換えてよければ、置き換えを選んで取り込み直してください"
            "（コマンドでは --replace）。",
        )
    return plan, apply_import(session, plan)

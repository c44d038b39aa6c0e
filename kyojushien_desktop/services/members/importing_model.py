"""What an import preview holds, so the user can check every row before anything is written:
the rows as they would be saved, the problems that block a row, the warnings that do not, and
the rows left out (totals, repeated headers), each located as the user sees it in Excel."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kyojushien_desktop.domain.members import (
    ORGANIZATION_FIELDS,
    PERSON_FIELDS,
    Organization,
    OrganizationSummary,
    Person,
)
from kyojushien_desktop.services.common.changes import Changes

_ORGANIZATION_KEYS = ("name", "kana", "category", "kind", "internal", "address", "phone", "fax", "email", "website")
FIELDS: dict[str, str] = {
    **{key: ORGANIZATION_FIELDS[key] for key in _ORGANIZATION_KEYS},
    "person_name": f"担当者の{PERSON_FIELDS['name']}",
    "person_department": f"担当者の{PERSON_FIELDS['department']}",
    "person_title": f"担当者の{PERSON_FIELDS['title']}",
    "notes": ORGANIZATION_FIELDS["notes"],
}

DUPLICATE_CHOICES = ("skip", "merge", "add")

# ImportWarning.kind
SHEET, CATEGORY, ZEROS, CLEANED = "sheet", "category", "zeros", "cleaned"


def _where(row: int, column: str) -> str:
    if not row:
        return ""
    return f"{row}行目「{column}」" if column else f"{row}行目"


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in the file that keeps its row out, located as the user sees it in Excel."""

    row: int  # 1-based, as Excel or a text editor shows it
    column: str  # the file's header text; "" when the problem is the whole row
    message: str

    def describe(self) -> str:
        return f"{_where(self.row, self.column)}: {self.message}"


@dataclass(frozen=True)
class ImportWarning:
    """Something the user should know that does not keep a row out; ``row`` 0 is the whole file."""

    row: int
    column: str
    message: str
    kind: str  # SHEET, CATEGORY, ZEROS or CLEANED

    def describe(self) -> str:
        where = _where(self.row, self.column)
        return f"{where}: {self.message}" if where else self.message


@dataclass(frozen=True)
class ImportSkip:
    """A row that is no organisation and is left out: a total (計, 合計 …) or the header again."""

    row: int
    text: str  # what the row says, to show it
    reason: str

    def describe(self) -> str:
        return f"{self.row}行目: {self.reason}"


@dataclass(frozen=True)
class SheetChoice:
    """A sheet of the file and whether it has a header the 名簿 knows (its 1-based row)."""

    name: str
    hidden: bool
    readable: bool
    header_row: int | None


@dataclass(frozen=True)
class ImportRow:
    """A data row as it would be saved; ``person.organization_id`` is 0 until written."""

    row: int
    organization: Organization
    person: Person | None
    similar: tuple[OrganizationSummary, ...] = ()  # existing organisations that look the same
    duplicate_of_row: int | None = None  # an earlier good row of this file with the same name
    unknown_category: str = ""  # the file's 分類 when it is none of the 区分 (read as その他)

    @property
    def is_duplicate(self) -> bool:
        return bool(self.similar) or self.duplicate_of_row is not None


@dataclass
class ImportPreview:
    """Everything the user checks before anything is written."""

    path: Path
    sheet: str
    header_row: int  # 1-based, like ImportProblem.row
    headers: list[str]
    mapping: dict[str, str | None]  # field key (FIELDS) → the file's header text, or None
    rows: list[ImportRow]  # every non-blank data row, bad ones included
    problems: list[ImportProblem]
    blank_rows: int
    sheets: tuple[SheetChoice, ...] = ()
    warnings: list[ImportWarning] = field(default_factory=list)
    skipped: list[ImportSkip] = field(default_factory=list)

    @property
    def bad_rows(self) -> set[int]:
        return {problem.row for problem in self.problems}

    @property
    def good_rows(self) -> list[ImportRow]:
        bad = self.bad_rows
        return [row for row in self.rows if row.row not in bad]

    @property
    def duplicate_rows(self) -> list[ImportRow]:
        """Good rows that look like an existing organisation or an earlier row of the file."""
        return [row for row in self.good_rows if row.is_duplicate]

    @property
    def unknown_category_rows(self) -> list[ImportRow]:
        """Good rows whose 分類 is none of the 区分: they land as その他 unless set otherwise."""
        return [row for row in self.good_rows if row.unknown_category]

    @property
    def other_header_sheets(self) -> list[str]:
        """Visible sheets besides the one read whose header the 名簿 knows too (名簿(旧) …)."""
        return [
            choice.name
            for choice in self.sheets
            if choice.name != self.sheet and choice.header_row is not None and not choice.hidden
        ]


@dataclass(frozen=True)
class ImportResult:
    added: int
    merged: int
    skipped: int
    bad_skipped: int
    people_added: int
    changes: Changes

    def describe(self) -> str:
        parts = [f"新規 {self.added}件"]
        if self.merged:
            parts.append(f"同じ団体に統合 {self.merged}件")
        if self.skipped:
            parts.append(f"重複のため飛ばした行 {self.skipped}件")
        if self.bad_skipped:
            parts.append(f"問題のため飛ばした行 {self.bad_skipped}件")
        parts.append(f"担当者 {self.people_added}人")
        return f"名簿を取り込みました（{'、'.join(parts)}）。"

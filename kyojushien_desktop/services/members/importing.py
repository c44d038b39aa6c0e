"""名簿の取り込み: a town hall's .xlsx or .csv list of organisations becomes directory records.

Two steps so nothing surprises the user: ``preview_import`` reads the file, guesses which column
is which and lists every problem by row and column without writing; ``apply_import`` then writes
the good rows in one transaction (all or nothing). Rows are cleaned with the same rules as the
dialogs (``validate_organization`` / ``clean_person``), so an imported record could have been typed.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kyojushien_desktop.content import members as members_guide
from kyojushien_desktop.content.member_terms import member_terms
from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.kana import digits_only, search_key
from kyojushien_desktop.domain.members import (
    ORGANIZATION_FIELDS,
    PERSON_FIELDS,
    Organization,
    OrganizationSummary,
    Person,
    clean_person,
    name_key,
)
from kyojushien_desktop.reports.xlsx import reader
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.jobs import NO_PROGRESS, Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members import organizations, people, terms
from kyojushien_desktop.store import change_log
from kyojushien_desktop.store import organizations as organization_store
from kyojushien_desktop.store import people as people_store

_ORGANIZATION_KEYS = ("name", "kana", "category", "kind", "internal", "address", "phone", "fax", "email", "website")
FIELDS: dict[str, str] = {
    **{key: ORGANIZATION_FIELDS[key] for key in _ORGANIZATION_KEYS},
    "person_name": f"担当者の{PERSON_FIELDS['name']}",
    "person_department": f"担当者の{PERSON_FIELDS['department']}",
    "person_title": f"担当者の{PERSON_FIELDS['title']}",
    "notes": ORGANIZATION_FIELDS["notes"],
}

DUPLICATE_CHOICES = ("skip", "merge", "add")
ACTION = "取り込み"

# Fields a merge may fill when the existing record has them blank; never the name, 区分 or 庁内/庁外.
_MERGE_FIELDS = ("kana", "kind", "address", "phone", "fax", "email", "website", "notes")


# --- what a preview holds --------------------------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in the file, located as the user sees it in Excel."""

    row: int  # 1-based, as Excel or a text editor shows it
    column: str  # the file's header text; "" when the problem is the whole row
    message: str

    def describe(self) -> str:
        where = f"{self.row}行目「{self.column}」" if self.column else f"{self.row}行目"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ImportRow:
    """A data row as it would be saved; ``person.organization_id`` is 0 until written."""

    row: int
    organization: Organization
    person: Person | None
    similar: tuple[OrganizationSummary, ...] = ()  # existing organisations that look the same
    duplicate_of_row: int | None = None  # an earlier good row of this file with the same name

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


# --- matching headers ------------------------------------------------------------------------

_HEADER_BRACKETS = re.compile(r"[(\[【<《「『][^)\]】>》」』]*[)\]】>》」』]")
_HEADER_NOISE = re.compile(r"[\s※*:・/.]")


def _header_key(text: str) -> str:
    """電話番号（代表）, ＴＥＬ and 'E-Mail ' compare as 電話番号, tel and e-mail."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return _HEADER_NOISE.sub("", _HEADER_BRACKETS.sub("", folded)) or _HEADER_NOISE.sub("", folded)


def _aliases() -> dict[str, str]:
    """Normalised alias → field key, from resources/directory.json."""
    table: dict[str, str] = {}
    for key, names in member_terms().import_headers.items():
        if key in FIELDS:
            for name in names:
                table.setdefault(_header_key(name), key)
    return table


def guess_mapping(headers: list[str]) -> dict[str, str | None]:
    """Field key → the header that holds it (None when absent). An exact alias wins; otherwise a
    header containing an alias (電話番号（代表）, 団体名称), the longest alias first."""
    aliases = _aliases()
    mapping: dict[str, str | None] = dict.fromkeys(FIELDS)
    taken: set[int] = set()
    for index, header in enumerate(headers):
        key = aliases.get(_header_key(header))
        if key and mapping[key] is None:
            mapping[key] = header.strip()
            taken.add(index)
    partial = sorted(
        ((alias, key) for alias, key in aliases.items() if len(alias) >= (3 if alias.isascii() else 2)),
        key=lambda item: -len(item[0]),
    )
    for index, header in enumerate(headers):
        folded = _header_key(header)
        if index in taken or not folded:
            continue
        for alias, key in partial:
            if mapping[key] is None and alias in folded:
                mapping[key] = header.strip()
                taken.add(index)
                break
    return mapping


def find_header_row(rows: list[list[str]]) -> int:
    """The 0-based index of the header: the first row naming two or more known columns, so title
    rows above it (a merged 「令和8年度 関係団体一覧」) are skipped. Raises ``LookupError``."""
    for index, cells in enumerate(rows[: reader.HEADER_SEARCH_ROWS]):
        if sum(1 for header in guess_mapping(cells).values() if header is not None) >= 2:
            return index
    raise LookupError("no header row")


def _expected_headers() -> str:
    headers = member_terms().import_headers
    keys = [key for key in FIELDS if key not in ("kind", "internal", "website") and key in headers]
    return "、".join("／".join(headers[key][:3]) for key in keys)


# --- cleaning values -------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_INVISIBLE = str.maketrans("", "", "\u200b\ufeff")
_WIDTH_RUNS = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff61-\uff9f]+")  # ０-９Ａ-Ｚａ-ｚ and ｶﾅ
_TRUE_INTERNAL = {"庁内", "内", "○", "◯", "はい", "true", "1", "yes"}

# Lenient 区分: the first rule whose word appears in the cell wins; exact names are tried before.
_CATEGORY_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("居住支援法人", ("居住支援法人",)),
    ("更生保護関係者", ("更生保護", "保護司", "保護観察", "地域生活定着", "刑務所", "矯正")),
    ("住宅部局", ("住宅部局", "住宅課", "住宅係", "住宅政策", "住宅担当", "建築課", "都市計画課", "営繕")),
    (
        "福祉部局",
        ("福祉部局", "福祉課", "福祉係", "福祉部", "福祉担当", "福祉事務所", "保護課", "介護保険課", "長寿"),
    ),
    ("不動産事業者・団体", ("不動産", "宅建", "宅地建物", "管理会社", "賃貸", "大家", "家主", "仲介")),
    (
        "福祉事業者・団体",
        (
            "社協",
            "社会福祉協議会",
            "地域包括",
            "包括支援",
            "福祉事業",
            "福祉団体",
            "福祉施設",
            "社会福祉法人",
            "相談支援",
            "自立相談",
            "生活困窮",
            "介護",
            "障害",
            "障がい",
            "民生委員",
        ),
    ),
    ("弁護士・司法書士等", ("弁護士", "司法書士", "行政書士", "法テラス", "法律")),
    ("医療関係機関", ("医療", "病院", "クリニック", "診療所", "医師会", "msw", "訪問看護")),
)


def _tidy(text: str) -> str:
    """One-line value: NFKC (０１２３→0123, ﾐﾄﾞﾘ→ミドリ), invisible characters gone, spaces squeezed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text.translate(_INVISIBLE))).strip()


def _tidy_notes(text: str) -> str:
    """備考 keeps its line breaks and full-width punctuation; only digits, letters and ｶﾅ change width."""
    text = _WIDTH_RUNS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text.translate(_INVISIBLE))
    lines = [line.strip(" \t\u3000") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def _category(text: str) -> tuple[str, bool]:
    """The guide's 区分 for what the file says, and whether that was one of its names exactly.
    Empty or unknown becomes その他 (not an error: the user can sort it out later)."""
    names = terms.categories()
    folded = _SPACES.sub("", text).casefold()
    if not folded:
        return names[-1], True
    for category in members_guide.member_categories():
        if folded in (category.name, category.guide_name, category.key):
            return category.name, True
    for name, words in _CATEGORY_RULES:
        if name in names and any(word in folded for word in words):
            return name, False
    return names[-1], False


def _problems_of(error: ValidationError) -> dict[str, str]:
    return dict(getattr(error, "problems", None) or {error.field: error.message})


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
    session: Session, path: Path, mapping: dict[str, str | None] | None = None, progress: Progress = NO_PROGRESS
) -> ImportPreview:
    """Reads and checks the file without writing anything. ``mapping`` is the user's correction
    of ``guess_mapping`` (field key → header text, None to leave a field out)."""
    path = Path(path)
    sheet, table = reader.read_table(path)
    try:
        index = find_header_row(table)
    except LookupError:
        hint = f"次のような見出しが2つ以上並んだ行を、名簿の上に置いてください: {_expected_headers()}。"
        if path.suffix.lower() in reader.CSV_SUFFIXES:
            hint += "文字化けしている場合は、Excelで「CSV UTF-8 (コンマ区切り)」で保存し直してください。"
        raise UserFacingError(
            f"見出しの行が見つかりません（1行目から{reader.HEADER_SEARCH_ROWS}行目まで）: {path}", hint=hint
        ) from None
    headers = [cell.strip() for cell in table[index]]
    mapping = guess_mapping(headers) if mapping is None else _checked_mapping(mapping, headers)
    preview = ImportPreview(
        path=path,
        sheet=sheet,
        header_row=index + 1,
        headers=headers,
        mapping=mapping,
        rows=[],
        problems=[],
        blank_rows=0,
    )
    if mapping["name"] is None:
        preview.problems.append(
            ImportProblem(
                index + 1,
                "",
                f"「{FIELDS['name']}」に当たる列がありません。見出しの対応づけで、団体名の列を選んでください。",
            )
        )
        return preview
    if sum(1 for cells in table[index + 1 :] if any(cell.strip() for cell in cells)) > reader.MAX_ROWS:
        raise reader.too_many_rows(path)
    columns = {key: headers.index(header) for key, header in mapping.items() if header is not None}
    existing = _Existing(session)
    roles: dict[str, str] = {}
    first_of_name: dict[str, int] = {}
    for offset, cells in enumerate(table[index + 1 :]):
        number = index + 2 + offset
        values = {key: cells[column] if column < len(cells) else "" for key, column in columns.items()}
        notes = _tidy_notes(values.pop("notes", ""))
        values = {key: _tidy(value) for key, value in values.items()}
        if not notes and not any(values.values()):
            preview.blank_rows += 1
            continue
        row, problems = _build_row(number, values, notes, mapping, roles)
        preview.problems.extend(problems)
        duplicate_of = None
        key = name_key(row.organization.name)
        if key and not problems:
            duplicate_of = first_of_name.setdefault(key, number)
            duplicate_of = None if duplicate_of == number else duplicate_of
        preview.rows.append(
            dataclasses.replace(row, similar=existing.similar(row.organization), duplicate_of_row=duplicate_of)
        )
    return preview


def _checked_mapping(mapping: dict[str, str | None], headers: list[str]) -> dict[str, str | None]:
    unknown = set(mapping) - set(FIELDS)
    missing = {header for header in mapping.values() if header is not None and header not in headers}
    if unknown or missing:
        raise ValueError(f"mapping has unknown fields {unknown} or headers {missing}")
    return {key: mapping.get(key) for key in FIELDS}


def _build_row(
    number: int, values: dict[str, str], notes: str, mapping: dict[str, str | None], roles: dict[str, str]
) -> tuple[ImportRow, list[ImportProblem]]:
    """One row cleaned by the dialogs' rules; each problem is located by the file's header."""
    category, exact = _category(values.get("category", ""))
    kind = values.get("kind", "")
    if not exact and not kind:
        kind = values.get("category", "")  # keep the file's own word (社協, 宅建協会) as 種別
    if category not in roles:
        roles[category] = terms.default_roles(category)
    organization = Organization(
        name=values.get("name", ""),
        kana=values.get("kana", ""),
        category=category,
        kind=kind,
        internal=values.get("internal", "").casefold() in _TRUE_INTERNAL,
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
    return ImportRow(row=number, organization=organization, person=person), problems


# --- apply -----------------------------------------------------------------------------------


def _rows_text(rows: set[int]) -> str:
    ordered = sorted(rows)
    text = "、".join(f"{row}行目" for row in ordered[:10])
    return text + (f" ほか{len(ordered) - 10}行" if len(ordered) > 10 else "")


def _fill_blanks(base: Organization, extra: Organization) -> tuple[Organization, list[str]]:
    filled = [key for key in _MERGE_FIELDS if not getattr(base, key) and getattr(extra, key)]
    return dataclasses.replace(base, **{key: getattr(extra, key) for key in filled}), filled


def apply_import(
    session: Session,
    preview: ImportPreview,
    *,
    skip_bad: bool = False,
    duplicates: str = "skip",
    decisions: dict[int, str] | None = None,
    progress: Progress = NO_PROGRESS,
) -> ImportResult:
    """Writes the preview's good rows in one transaction, or nothing.

    A row that looks like an existing organisation or an earlier row of the file follows
    ``duplicates`` unless ``decisions`` (row number → choice) says otherwise: "skip" leaves it out,
    "merge" fills only the blank fields of that organisation and adds the person if new, "add"
    makes a separate organisation. A decision of "skip" also leaves out a row that is no duplicate.
    Bad rows raise ``ValidationError`` naming them unless ``skip_bad``.
    """
    decisions = decisions or {}
    for choice in (duplicates, *decisions.values()):
        if choice not in DUPLICATE_CHOICES:
            raise ValueError(f"unknown duplicate choice {choice!r}")
    bad = preview.bad_rows
    if bad and not skip_bad:
        raise ValidationError(
            f"問題のある行が {len(bad)} 行あるため、何も取り込みませんでした（{_rows_text(bad)}）: {preview.path}",
            hint="ファイルを直してからもう一度取り込むか、問題のない行だけを取り込んでください。",
        )
    plan = _Plan(session)
    skipped = merged = 0
    for row in preview.rows:
        if row.row in bad:
            continue
        choice = decisions.get(row.row) or (duplicates if row.is_duplicate else "add")
        if choice == "skip":
            skipped += 1
        elif choice == "merge" and plan.merge(row):
            merged += 1
        else:
            plan.add(row)
    changes = plan.write(preview.path.name)
    return ImportResult(
        added=len(plan.new_orgs),
        merged=merged,
        skipped=skipped,
        bad_skipped=len({row.row for row in preview.rows if row.row in bad}),
        people_added=plan.people_added,
        changes=changes,
    )


class _Plan:
    """What the import will write, gathered first so the writes are a few bulk statements."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.new_orgs: list[Organization] = []
        self.new_rows: list[int] = []
        self.new_people: list[list[Person]] = []
        self.landed: dict[int, tuple[str, int]] = {}  # file row → ("new", index) or ("existing", id)
        self.before: dict[int, Organization] = {}
        self.after: dict[int, Organization] = {}
        self.existing_people: dict[int, list[Person]] = {}
        self.known_names: dict[tuple[str, int], set[str]] = {}
        self.log: list[tuple[str, int, str, str, str, str]] = []

    @property
    def people_added(self) -> int:
        return sum(map(len, self.new_people)) + sum(map(len, self.existing_people.values()))

    def add(self, row: ImportRow) -> None:
        self.landed[row.row] = ("new", len(self.new_orgs))
        self.known_names[("new", len(self.new_orgs))] = set()
        self.new_orgs.append(row.organization)
        self.new_rows.append(row.row)
        self.new_people.append([])
        self._add_person(("new", len(self.new_orgs) - 1), row.person)

    def merge(self, row: ImportRow) -> bool:
        """Into an existing organisation (the same name first), else into where the earlier
        row of the file went; False when there is nothing to merge into."""
        target = None
        if row.similar:
            key = name_key(row.organization.name)
            same_name = [s for s in row.similar if name_key(s.name) == key]
            target = ("existing", (same_name or list(row.similar))[0].id)
        elif row.duplicate_of_row is not None:
            target = self.landed.get(row.duplicate_of_row)
        if target is None:
            return False
        self.landed[row.row] = target
        kind, ident = target
        if kind == "new":
            self.new_orgs[ident] = _fill_blanks(self.new_orgs[ident], row.organization)[0]
        else:
            if ident not in self.after:
                self.before[ident] = self.after[ident] = organizations.get_organization(self.session, ident)
                self.existing_people[ident] = []
                self.known_names[target] = {search_key(p.name) for p in people.people_of(self.session, ident)}
            old = self.after[ident]
            self.after[ident], filled = _fill_blanks(old, row.organization)
            new_values = self.after[ident].display_values()
            for key in filled:
                self.log.append(
                    (organizations.ORGANIZATION, ident, ACTION, ORGANIZATION_FIELDS[key], "", new_values[key])
                )
        self._add_person(target, row.person)
        return True

    def _add_person(self, target: tuple[str, int], person: Person | None) -> None:
        if person is None or search_key(person.name) in self.known_names[target]:
            return
        self.known_names[target].add(search_key(person.name))
        kind, ident = target
        if kind == "new":
            self.new_people[ident].append(person)
        else:
            self.existing_people[ident].append(person)
            self.log.append((organizations.ORGANIZATION, ident, ACTION, "担当者", "", person.name))

    def write(self, source: str) -> Changes:
        """Bulk inserts in one transaction; the search text is rebuilt for every touched record."""
        if not self.new_orgs and not self.log:
            return Changes()
        database = self.session.database
        with database.atomic():
            ids = (
                organization_store.insert_many(database, [org.to_row() for org in self.new_orgs])
                if self.new_orgs
                else []
            )
            changed = [ident for ident, org in self.after.items() if org != self.before[ident]]
            for ident in changed:
                organization_store.update(database, ident, self.after[ident].to_row())
            person_rows = [
                dataclasses.replace(person, organization_id=ids[index]).to_row()
                for index, group in enumerate(self.new_people)
                for person in group
            ]
            person_rows += [
                dataclasses.replace(person, organization_id=ident).to_row()
                for ident, group in self.existing_people.items()
                for person in group
            ]
            people_store.insert_many(database, person_rows)
            touched = {ident for ident, group in self.existing_people.items() if group} | set(changed)
            organization_store.refresh_search_text(database, ids + sorted(touched))
            created = [
                (organizations.ORGANIZATION, ident, ACTION, "", "", f"{org.name}（{source} {row}行目から）")
                for ident, org, row in zip(ids, self.new_orgs, self.new_rows, strict=True)
            ]
            change_log.record_many(database, created + self.log)
        return Changes.of(Topic.ORGANIZATIONS, Topic.PEOPLE)

"""引き継ぎ: the package's manifest, the passphrase rules, the package's file name, the 引継ぎ事項
and the 引継ぎ履歴, without any file or database work (that is ``reports/package.py`` and
``store/handover.py``)."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

from kyojushien_desktop.domain.errors import UserFacingError, ValidationError

FORMAT = "kyojushien-handover"
FORMAT_VERSION = 1
DATA_MEMBER = "data/kyojushien.db"
REPORT_MEMBER = "引継書.pdf"
MANIFEST_MEMBER = "manifest.json"
MEMBERS = (MANIFEST_MEMBER, DATA_MEMBER, REPORT_MEMBER)
MIN_PASSPHRASE = 12
MAX_PASSPHRASE = 200
# Letters and digits that cannot be mistaken for one another when read aloud or copied by hand
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_GROUPS, _GROUP_LENGTH = 5, 4  # 20 characters of 32: 100 bits
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
NOTE_LIMIT = 4000


class PackageError(UserFacingError):
    """A package that cannot be read as it is: nothing was written."""


class TargetExistsError(UserFacingError):
    """The place chosen for the received data file already holds a file."""


def propose_passphrase() -> str:
    """A strong passphrase that can be read over the phone: five groups of four (「K7QM-3XRP-…」)."""
    groups = ("".join(secrets.choice(_ALPHABET) for _ in range(_GROUP_LENGTH)) for _ in range(_GROUPS))
    return "-".join(groups)


def check_passphrase(passphrase: str) -> str:
    """The passphrase as it will be used; a short one is refused, since the 名簿 is personal data."""
    if not passphrase:
        raise ValidationError("合言葉を入力してください。", field="passphrase")
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            f"合言葉が短すぎます（{len(passphrase)}文字）。{MIN_PASSPHRASE}文字以上にしてください。", field="passphrase"
        )
    if len(passphrase) > MAX_PASSPHRASE:
        raise ValidationError(f"合言葉は{MAX_PASSPHRASE}文字以内にしてください。", field="passphrase")
    return passphrase


def package_name(pattern: str, extension: str, municipality: str, day: dt.date) -> str:
    """``<自治体名>_引き継ぎ_<YYYYMMDD>.kyoju``, with characters Windows refuses in a name replaced."""
    name = pattern.format(municipality=municipality.strip() or "居住支援デスク", date=day.strftime("%Y%m%d"))
    return _UNSAFE_NAME.sub("_", name) + extension


@dataclass(frozen=True)
class Member:
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What the package says of itself; it travels inside the encrypted part."""

    app_version: str
    schema_version: int
    municipality: str
    made_by: str
    department: str
    made_at: dt.datetime
    made_on: str  # the PC's name
    without_personal_data: bool
    row_counts: dict[str, dict[str, int]]  # area key → table → rows
    members: dict[str, Member] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "municipality": self.municipality,
            "made_by": self.made_by,
            "department": self.department,
            "made_at": self.made_at.isoformat(timespec="seconds"),
            "made_on": self.made_on,
            "without_personal_data": self.without_personal_data,
            "row_counts": self.row_counts,
            "members": {name: {"size": m.size, "sha256": m.sha256} for name, m in self.members.items()},
        }

    @property
    def total_rows(self) -> int:
        return sum(sum(tables.values()) for tables in self.row_counts.values())


_BROKEN = "引き継ぎファイルの中の目録（manifest.json）が読み取れません。ファイルが壊れているか、このアプリの引き継ぎファイルではありません。"


def manifest_from_json(raw: Any) -> Manifest:
    """The manifest read back; anything missing or of the wrong kind is refused as a whole."""
    try:
        if raw["format"] != FORMAT:
            raise PackageError(_BROKEN)
        members = {str(name): Member(int(m["size"]), str(m["sha256"])) for name, m in raw["members"].items()}
        manifest = Manifest(
            app_version=str(raw["app_version"]),
            schema_version=int(raw["schema_version"]),
            municipality=str(raw["municipality"]),
            made_by=str(raw["made_by"]),
            department=str(raw["department"]),
            made_at=dt.datetime.fromisoformat(str(raw["made_at"])),
            made_on=str(raw["made_on"]),
            without_personal_data=bool(raw["without_personal_data"]),
            row_counts={
                str(area): {str(table): int(count) for table, count in tables.items()}
                for area, tables in raw["row_counts"].items()
            },
            members=members,
        )
        format_version = int(raw["format_version"])
    except PackageError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PackageError(_BROKEN) from exc
    if format_version > FORMAT_VERSION:
        raise PackageError(
            f"この引き継ぎファイルは新しい版の居住支援デスク（{manifest.app_version}）で作られています。",
            hint="アプリを新しい版に更新してから、もう一度開いてください。",
        )
    return manifest


@dataclass(frozen=True)
class HandoverNote:
    """One section of the 引継ぎ事項 as the outgoing person wrote it."""

    key: str
    text: str
    updated_at: str = ""


def check_note(note: HandoverNote) -> HandoverNote:
    text = note.text.strip("\n")
    if len(text) > NOTE_LIMIT:
        raise ValidationError(f"{NOTE_LIMIT}文字以内で入力してください（今は{len(text)}文字です）。", field=note.key)
    return HandoverNote(note.key, text, note.updated_at)


@dataclass(frozen=True)
class HistoryEntry:
    """A package received into this file: from whom, made when, opened when and on which PC."""

    sender: str
    sender_department: str
    packed_at: dt.datetime
    received_at: dt.datetime
    received_on: str
    package_name: str
    app_version: str
    without_personal_data: bool
    id: int | None = None
    has_report: bool = False

"""The 引継書 as plain blocks, so that each area adds its own section and the PDF and the Word file
are written from one description: a section is a title and a list of paragraphs, bullet lists,
tables and notes; an area that has nothing to say adds no section."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # share of the line each column takes; they add up to 1
    empty: str = "（ありません）"


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section (a phase, a kind of record)."""

    text: str


Block = Paragraph | Bullets | Table | Heading


def quoted(text: str) -> str:
    """「text」, its own 「」 turned into 『』 as Japanese documents nest quotes."""
    return "「" + text.replace("「", "『").replace("」", "』") + "」"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class HandoverReport:
    title: str
    subtitle: str
    municipality: str
    department: str
    author: str
    made_on: dt.date
    sections: tuple[Section, ...] = field(default_factory=tuple)
    # the title block as printed, (label, value); a blank value is a line to fill in by hand
    title_block: tuple[tuple[str, str], ...] = ()
    approval: tuple[str, ...] = ()  # the 所属長確認 box: its title, then its blank rows

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

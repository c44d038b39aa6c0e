"""What a service call changed, so each page refreshes only when it is affected."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    file: bool = False  # another data file was opened: everything is new
    settings: bool = False
    members: bool = False  # 団体・担当者・経過記録
    hearing: bool = False  # 質問バンク・ヒアリング記録

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches(self, *names: str) -> bool:
        return self.file or any(getattr(self, name) for name in names)

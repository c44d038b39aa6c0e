"""The built-in help (ヘルプ > 使い方, 手引きについて) from ``resources/help/help.json``: the app's
main tasks step by step, its keys, and which chapter of the guide each screen follows."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from kyojushien_desktop.content.loader import ContentError
from kyojushien_desktop.paths import resource_path


@dataclass(frozen=True, slots=True)
class Task:
    title: str
    steps: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Usage:
    title: str
    lead: str
    tasks: tuple[Task, ...]
    keys: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class GuideInfo:
    title: str
    lead: str
    name: str
    issued: str
    author: str
    screens: tuple[tuple[str, str], ...]


@functools.cache
def _raw() -> dict:
    path = resource_path("help", "help.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError(f"ヘルプのデータ {path} を読み込めません: {exc}") from exc


def usage() -> Usage:
    raw = _raw()["usage"]
    return Usage(
        title=raw["title"],
        lead=raw["lead"],
        tasks=tuple(Task(t["title"], tuple(t["steps"])) for t in raw["tasks"]),
        keys=tuple((k, v) for k, v in raw["keys"]),
    )


def guide_info() -> GuideInfo:
    raw = _raw()["guide"]
    return GuideInfo(
        title=raw["title"],
        lead=raw["lead"],
        name=raw["name"],
        issued=raw["issued"],
        author=raw["author"],
        screens=tuple((k, v) for k, v in raw["screens"]),
    )

"""Reading the guide's data files (``resources/guide/*.json``) once each, with errors that name the
file. The content modules beside this one turn each file into frozen dataclasses.

The wording lives in JSON rather than in code so that it can be checked against the guide word for
word and corrected without touching the screens.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any, TypeVar

from kyojushien_desktop.paths import resource_path

T = TypeVar("T")

GUIDE_FILES = (
    "phases.json",
    "members.json",
    "hearing.json",
    "meetings.json",
    "secretariat.json",
    "diagnosis.json",
    "region.json",
    "housing_criteria.json",
)


class ContentError(RuntimeError):
    """A guide data file is missing or malformed; the message names the file so it can be fixed."""


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Read one guide file; cached because the content never changes while the app runs."""
    try:
        path = resource_path("guide", name)
    except FileNotFoundError as exc:
        raise ContentError(f"手引きデータ {name} が見つかりません: {exc}") from exc
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(f"手引きデータ {path} を読み込めません: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(f"手引きデータ {path} のJSONが不正です: {exc}") from exc
    if not isinstance(data, dict):
        raise ContentError(f"手引きデータ {path} の最上位がオブジェクトではありません")
    return data


def read_guide(name: str, builder: Callable[[dict[str, Any]], T]) -> T:
    """Turn a file into dataclasses, reporting a missing key or wrong type with the file's name."""
    data = load(name)
    try:
        return builder(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ContentError(f"手引きデータ {name} の形式が不正です: {exc!r}") from exc


def str_tuple(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise TypeError(f"文字列の配列が必要です: {values!r}")
    return tuple(values)


def str_value(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"文字列が必要です: {value!r}")
    return value

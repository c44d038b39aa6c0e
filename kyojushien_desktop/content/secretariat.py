"""Chapter 7 of the guide: the 事務局's tasks and the two ways to staff it (resources/guide/secretariat.json)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from kyojushien_desktop.content.loader import read_guide, str_tuple, str_value


@dataclass(frozen=True, slots=True)
class SecretariatForm:
    """Who runs the secretariat (行政 / 民間団体) with its strengths and points to watch."""

    name: str
    strengths: tuple[str, ...]
    cautions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Secretariat:
    source: str
    lead: tuple[str, ...]
    tasks_heading: str
    tasks: tuple[str, ...]
    forms: tuple[SecretariatForm, ...]
    joint_note: str


@functools.cache
def secretariat() -> Secretariat:
    """The secretariat's tasks and the two ways to staff it (p52), to help decide who runs it."""

    def build(d: dict[str, Any]) -> Secretariat:
        return Secretariat(
            source=str_value(d["source"]),
            lead=str_tuple(d["lead"]),
            tasks_heading=str_value(d["tasks_heading"]),
            tasks=str_tuple(d["tasks"]),
            forms=tuple(
                SecretariatForm(
                    name=str_value(f["name"]), strengths=str_tuple(f["strengths"]), cautions=str_tuple(f["cautions"])
                )
                for f in d["forms"]
            ),
            joint_note=str_value(d["joint_note"]),
        )

    return read_guide("secretariat.json", build)

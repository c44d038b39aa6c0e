"""The sample town (みどり町): where a newcomer explores and where screenshots are taken.
Its data lives in ``resources/sample/``; this module only feeds it through the services."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.paths import resource_path
from kyojushien_desktop.services.datafile import Session, create_session
from kyojushien_desktop.services.settings import TownSettings, save_settings


def sample_data() -> dict:
    return json.loads(resource_path("sample", "town.json").read_text(encoding="utf-8"))


def create_sample(path: Path, today: dt.date | None = None) -> Session:
    """A new data file holding the sample town, opened; refuses to overwrite an existing file."""
    data = sample_data()
    session = create_session(Path(path))
    try:
        values = data["settings"]
        save_settings(
            session,
            TownSettings(
                municipality=values["municipality"],
                department=values["department"],
                staff_name=values["staff_name"],
                next_rotation=wareki.next_april_first(today or dt.date.today()),
                is_sample=True,
            ),
        )
    except BaseException:
        session.close()
        raise
    return session

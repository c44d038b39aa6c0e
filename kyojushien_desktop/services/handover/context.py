"""What every 引継書 section builder is given besides the file, in a module of its own so that
each area's ``handover_section`` can name it without importing the report that lists them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from kyojushien_desktop.services.common.settings import TownSettings


class Context(NamedTuple):
    """What every section builder may need besides the file."""

    today: dt.date
    settings: TownSettings
    rotation: dt.date  # 次の人事異動予定日
    data_path: Path

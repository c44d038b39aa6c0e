"""Where files live: bundled resources, the user's data folder, config and logs.

Resources sit in the top-level ``resources/`` folder of the source tree; a wheel installs them
as ``kyojushien_desktop/resources`` and a PyInstaller build unpacks them under ``sys._MEIPASS``.

Data, config, logs and backups go to one "home" folder when one is named: ``KYOJUSHIEN_HOME``
first (tests, scripts), else the portable folder ``kyojushien-data`` beside the program when the
marker file ``portable.txt`` sits beside it (a copy on a USB stick); otherwise to the user's
platformdirs folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_APP_DIR_NAME = "kyojushien"
DEFAULT_DB_NAME = "kyojushien.db"


def resource_dir() -> Path:
    """The folder holding the guide data, fonts and icons, wherever the app was installed."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here / "resources", here.parent / "resources"]
    for candidate in candidates:
        if (candidate / "guide").is_dir():
            return candidate
    raise FileNotFoundError("resources フォルダが見つかりません: " + ", ".join(map(str, candidates)))


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA_DIR = "kyojushien-data"


def program_dir() -> Path:
    """The folder the program runs from: the frozen executable's folder (``kyojushien.exe``
    beside ``_internal``); for a source or wheel run, the folder holding the package (the
    checkout's root, or site-packages)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def _home() -> Path | None:
    """The one folder everything goes to, if any: KYOJUSHIEN_HOME wins over portable mode."""
    override = os.environ.get("KYOJUSHIEN_HOME")
    if override:
        return Path(override)
    beside = program_dir()
    if (beside / PORTABLE_MARKER).is_file():
        return beside / PORTABLE_DATA_DIR
    return None


def data_dir() -> Path:
    """The user's data folder, or the home folder (KYOJUSHIEN_HOME, portable mode)."""
    home = _home()
    if home:
        return home
    import platformdirs  # only here and for the config: a home folder needs none of its 5 ms

    return Path(platformdirs.user_data_dir(_APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def backup_dir() -> Path:
    return data_dir() / "backups"


def config_path() -> Path:
    """Per-PC preferences (font size, recent files): they do not travel with the data file."""
    home = _home()
    if home:
        return home / "config.json"
    import platformdirs

    return Path(platformdirs.user_config_dir(_APP_DIR_NAME, appauthor=False)) / "config.json"


def log_dir() -> Path:
    return data_dir() / "logs"

"""Where files live: bundled resources, the user's data folder, config and logs.

Resources sit in the top-level ``resources/`` folder of the source tree; a wheel installs them
as ``kyojushien_desktop/resources`` and a PyInstaller build unpacks them under ``sys._MEIPASS``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

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


def data_dir() -> Path:
    """The user's data folder; KYOJUSHIEN_HOME overrides it (tests, portable use)."""
    override = os.environ.get("KYOJUSHIEN_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir(_APP_DIR_NAME, appauthor=False))
    return base


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def backup_dir() -> Path:
    return data_dir() / "backups"


def config_path() -> Path:
    """Per-PC preferences (font size, recent files): they do not travel with the data file."""
    override = os.environ.get("KYOJUSHIEN_HOME")
    if override:
        return Path(override) / "config.json"
    return Path(platformdirs.user_config_dir(_APP_DIR_NAME, appauthor=False)) / "config.json"


def log_dir() -> Path:
    return data_dir() / "logs"

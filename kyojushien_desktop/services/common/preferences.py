"""Per-PC preferences (文字の大きさ, 最近使ったファイル): they stay on this PC and are not
handed over with the data file."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kyojushien_desktop.paths import config_path

log = logging.getLogger(__name__)

FONT_SIZES: tuple[tuple[str, float], ...] = (("標準", 10.5), ("大", 12.0), ("特大", 14.0))
MAX_RECENT = 8


@dataclass
class Preferences:
    font_size: str = "標準"
    recent_files: list[str] = field(default_factory=list)
    column_choices: dict[str, list[str]] = field(default_factory=dict)
    last_folder: str = ""  # where the last file was chosen or written; file dialogs start there

    @property
    def font_points(self) -> float:
        return dict(FONT_SIZES).get(self.font_size, FONT_SIZES[0][1])


def load_preferences() -> Preferences:
    path = config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError):
        log.warning("unreadable preferences at %s; using defaults", path)
        return Preferences()
    prefs = Preferences()
    if data.get("font_size") in dict(FONT_SIZES):
        prefs.font_size = data["font_size"]
    prefs.recent_files = [str(p) for p in data.get("recent_files", []) if isinstance(p, str)][:MAX_RECENT]
    if isinstance(data.get("last_folder"), str):
        prefs.last_folder = data["last_folder"]
    if isinstance(data.get("column_choices"), dict):
        prefs.column_choices = {str(k): list(v) for k, v in data["column_choices"].items() if isinstance(v, list)}
    return prefs


def save_preferences(prefs: Preferences) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(json.dumps(asdict(prefs), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(temp, path)


def remember_file(prefs: Preferences, path: Path) -> Preferences:
    text = str(Path(path).resolve())
    prefs.recent_files = [text] + [p for p in prefs.recent_files if p != text]
    prefs.recent_files = prefs.recent_files[:MAX_RECENT]
    return prefs


def remember_folder(prefs: Preferences, path: Path) -> None:
    """The folder of a file the user just chose, for the next file dialog (saved on this PC)."""
    folder = Path(path).parent
    if str(folder) != prefs.last_folder:
        prefs.last_folder = str(folder)
        try:
            save_preferences(prefs)
        except OSError:
            log.warning("could not save the last folder to %s", config_path())

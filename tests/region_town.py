"""The sample town みどり町 built once per test session for the region tests (figures, resources,
つなぎ先 and the saved check come from resources/sample/region.json); each test gets its own copy."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from kyojushien_desktop.services.sample import create_sample

SAMPLE_DAY = dt.date(2026, 11, 22)


def normalised(text: str) -> str:
    """NFKC, no whitespace, no Markdown emphasis, ≥ as ≧ (the app writes ≧: the bundled font
    draws ≥ as ≤): how a seed's wording is compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("*", "").replace("≥", "≧")


@pytest.fixture(scope="session")
def region_sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("region-home")
    path = tmp_path_factory.mktemp("region-sample") / "sample.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KYOJUSHIEN_HOME", str(home))
        create_sample(path, today=SAMPLE_DAY).close()
    return path


@pytest.fixture
def sample_db(region_sample_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "sample.db"
    shutil.copyfile(region_sample_file, path)
    return path

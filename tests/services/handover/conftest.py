"""One closed sample-town file and one encrypted package of it per module (scrypt and the sample
are the slow parts); each test copies what it changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.handover_town import PASSPHRASE, make_sample


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        return make_sample(tmp_path_factory.mktemp("sample"), patch)


@pytest.fixture(scope="module")
def sealed(sample_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample packed with ``PASSPHRASE``."""
    from kyojushien_desktop.services.datafile import open_session
    from kyojushien_desktop.services.handover.package import pack

    folder = tmp_path_factory.mktemp("sealed")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KYOJUSHIEN_HOME", str(folder / "home"))
        town = shutil.copyfile(sample_file, folder / "town.db")
        session = open_session(town)
        try:
            return pack(session, folder / "みどり町_引き継ぎ_20261122.kyoju", PASSPHRASE).path
        finally:
            session.close()


@pytest.fixture
def town(sample_file: Path, tmp_path: Path) -> Path:
    """A private copy of the sample file."""
    return Path(shutil.copyfile(sample_file, tmp_path / "town.db"))


@pytest.fixture(scope="module")
def sample_clear(sample_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample packed without encryption."""
    from kyojushien_desktop.services.datafile import open_session
    from kyojushien_desktop.services.handover.package import pack

    folder = tmp_path_factory.mktemp("clear")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KYOJUSHIEN_HOME", str(folder / "home"))
        town = shutil.copyfile(sample_file, folder / "town.db")
        session = open_session(town)
        try:
            return pack(session, folder / "clear.kyoju", None).path
        finally:
            session.close()

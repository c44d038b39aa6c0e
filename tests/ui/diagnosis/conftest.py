"""The 診断シート screens' fixtures: a real data file opened as the app opens it."""

import pytest

from kyojushien_desktop.services import datafile


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    yield opened
    opened.close()

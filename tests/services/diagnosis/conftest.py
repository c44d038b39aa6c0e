"""Fixtures for the 診断シート services: a real data file opened as the app opens it."""

import pytest

from kyojushien_desktop.services import datafile


@pytest.fixture
def session(db_path):
    opened = datafile.open_session(db_path)
    yield opened
    opened.close()

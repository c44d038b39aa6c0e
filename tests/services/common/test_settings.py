"""The municipality's settings."""

import datetime as dt

import pytest

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.common.changes import Topic
from kyojushien_desktop.services.common.settings import TownSettings, load_settings, rotation_date, save_settings


def test_round_trip(db_path):
    """What is saved is what is loaded, and Changes says settings changed."""
    session = datafile.open_session(db_path)
    values = TownSettings("みどり町", "建設課 住宅係", "山田 花子", dt.date(2027, 4, 1))
    assert Topic.SETTINGS in save_settings(session, values).topics
    assert load_settings(session) == values
    session.close()


def test_municipality_required_and_nothing_saved(db_path):
    """A blank 自治体名 is refused naming the field, and the file keeps what it had."""
    session = datafile.open_session(db_path)
    save_settings(session, TownSettings("みどり町"))
    with pytest.raises(ValidationError) as caught:
        save_settings(session, TownSettings("  ", "福祉課"))
    assert caught.value.field == "municipality"
    assert load_settings(session).department == ""
    session.close()


def test_rotation_defaults_to_next_april(db_path):
    """Without a date set, the 人事異動 is taken as the coming 1 April."""
    assert rotation_date(TownSettings("みどり町"), dt.date(2026, 11, 22)) == dt.date(2027, 4, 1)

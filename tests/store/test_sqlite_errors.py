"""Every OS and SQLite error shown to a person is Japanese; the English original goes to the log."""

import errno
import logging
import sqlite3

import pytest

from kyojushien_desktop.domain.errors import DamagedFileError, DiskFullError, ReadOnlyError, UserFacingError
from kyojushien_desktop.services import datafile
from kyojushien_desktop.services.members.organizations import search_organizations
from kyojushien_desktop.store.database import open_database
from kyojushien_desktop.store.sqlite_errors import translate
from tests import damage
from tests.japanese import assert_japanese

ENGLISH_ERRORS = [
    (OSError(errno.EISDIR, "Is a directory"), UserFacingError, "フォルダ"),
    (PermissionError(errno.EACCES, "Permission denied"), ReadOnlyError, "書き込みできない"),
    (OSError(errno.ENOSPC, "No space left on device"), DiskFullError, "空き容量"),
    (OSError(errno.EROFS, "Read-only file system"), ReadOnlyError, "書き込みできない"),
    (OSError(errno.EMLINK, "Too many links"), UserFacingError, "エラー番号"),
    (sqlite3.OperationalError("database or disk is full"), DiskFullError, "空き容量"),
    (sqlite3.OperationalError("no such table: organizations"), DamagedFileError, "必要な表"),
    (sqlite3.OperationalError("Could not decode to UTF-8 column 'name' with text 'x'"), DamagedFileError, "壊れて"),
    (sqlite3.OperationalError("LIKE or GLOB pattern too complex"), UserFacingError, "検索する言葉が長すぎる"),
    (sqlite3.DatabaseError("database disk image is malformed"), DamagedFileError, "壊れて"),
    (sqlite3.OperationalError("something new in SQLite 4"), UserFacingError, "読み書きに失敗"),
]


@pytest.mark.parametrize(("error", "kind", "words"), ENGLISH_ERRORS, ids=[str(e[0]) for e in ENGLISH_ERRORS])
def test_english_errors_become_japanese_and_go_to_the_log(error, kind, words, caplog):
    """Each English error text becomes a Japanese message of the right kind; the log keeps the English."""
    with caplog.at_level(logging.WARNING):
        translated = translate(error, None)
    assert isinstance(translated, kind)
    assert words in translated.message
    assert_japanese(translated.message + translated.hint)
    assert str(error) in caplog.text


def test_long_search_finds_nothing_without_an_english_error(db_path):
    """A query longer than SQLite's LIKE pattern limit (once 「pattern too complex」) is searched in
    memory like any other: nothing matches, and nothing English reaches the user."""
    damage.add_organizations(db_path, 1)
    session = datafile.open_session(db_path)
    try:
        assert search_organizations(session, "み" * 60_000) == []
    finally:
        session.close()


def test_text_that_is_not_utf8_is_called_damage(db_path):
    """A name stored as bytes that are not UTF-8 is reported as a damaged file, in Japanese."""
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO settings (key, value) VALUES ('municipality', CAST(x'ff' AS TEXT))")
    conn.commit()
    conn.close()
    database = open_database(db_path)
    with pytest.raises(DamagedFileError) as caught:
        database.read("SELECT value FROM settings")
    database.close()
    assert_japanese(caught.value.message + caught.value.hint, db_path)

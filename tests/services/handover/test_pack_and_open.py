"""Packing refuses what it must (a damaged file, a place it cannot write) leaving nothing, and a
received file is sound: it passes ``problems()`` and opens without the 「開いたまま」 notice."""

from __future__ import annotations

import io
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.reports import package as container
from kyojushien_desktop.services.datafile import open_session
from kyojushien_desktop.services.handover.package import open_package, pack
from kyojushien_desktop.store.database import open_database
from tests import damage, mounts
from tests.handover_town import PASSPHRASE, organization_names, personal_data, tables, text_cells, tree
from tests.japanese import assert_japanese


def _pack(town: Path, out: Path, passphrase: str | None = PASSPHRASE, **options: bool):
    session = open_session(town)
    try:
        return pack(session, out, passphrase, **options)
    finally:
        session.close()


def test_a_damaged_open_file_is_not_packed(town: Path, tmp_path: Path) -> None:
    """A file whose index misses rows (quick_check passes, so it opens) is refused by the full
    integrity check before a snapshot is taken; no package appears."""
    session = open_session(town)
    try:
        damage.rows_missing_from_index(town)
        out = tmp_path / "out" / "x.kyoju"
        out.parent.mkdir()
        with pytest.raises(UserFacingError) as caught:
            pack(session, out, PASSPHRASE)
    finally:
        session.close()
    assert "引き継ぎファイルを作りませんでした" in caught.value.message
    assert tree(out.parent) == {}


def test_packing_into_a_missing_folder_is_an_export_error(town: Path, tmp_path: Path) -> None:
    """A folder that is not there gets the Japanese export message and nothing is created."""
    out = tmp_path / "ない" / "x.kyoju"
    with pytest.raises(UserFacingError) as caught:
        _pack(town, out, None)
    assert_japanese(caught.value.message + (caught.value.hint or ""), out, out.parent)
    assert not out.parent.exists()


def test_packing_onto_a_read_only_folder_leaves_nothing(town: Path, tmp_path: Path) -> None:
    """A write-protected stick: the Japanese export error, and the folder stays empty."""
    with mounts.tmpfs(tmp_path / "stick", size_kb=4096) as stick:
        mounts.make_read_only(stick)
        out = stick / "x.kyoju"
        with pytest.raises(UserFacingError) as caught:
            _pack(town, out, None)
        assert "書き込" in caught.value.message + (caught.value.hint or "")
        assert_japanese(caught.value.message + (caught.value.hint or ""), out, stick)
        assert mounts.files_in(stick) == set()


def test_the_received_file_is_sound_and_opens_without_the_left_open_notice(sealed: Path, tmp_path: Path) -> None:
    """Database.problems() finds nothing, and the GUI's session shows no 前回／開いたまま notice."""
    opened = open_package(sealed, PASSPHRASE, tmp_path / "新しいPC" / "town.db")
    database = open_database(opened.path)
    try:
        assert database.problems() == []
    finally:
        database.close()
    session = open_session(opened.path)
    try:
        assert not [n for n in session.notices if "前回" in n or "開いたまま" in n], session.notices
    finally:
        session.close()
    assert not list(opened.path.parent.glob("*.receiving*"))


def test_the_encrypted_package_holds_no_readable_meibo_text(sealed: Path, sample_file: Path) -> None:
    """No name, phone, e-mail or organisation name of the town is in the package's bytes, and
    the payload is no zip anyone can list without the passphrase."""
    data = sealed.read_bytes()
    found = personal_data(sample_file)
    words = found["name"] | found["phone"] | found["email"] | set(organization_names(sample_file))
    assert len(words) > 300
    leaked = [w for w in words if w.encode("utf-8") in data]
    assert not leaked
    payload = data[len(container.MAGIC) + container._LENGTH.size :]
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(payload))
    assert b"PK\x03\x04" not in data


def test_the_package_without_personal_data_holds_no_person(sample_file: Path, town: Path, tmp_path: Path) -> None:
    """Every text cell, the raw data file and the 引継書's text are free of every name (and its
    parts), phone (with or without hyphens) and e-mail the sample holds; the organisations stay."""
    out = _pack(town, tmp_path / "free.kyoju", None, without_personal_data=True).path
    payload, encrypted = container.open_payload(out, None)
    assert not encrypted
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        inner = tmp_path / "inner.db"
        inner.write_bytes(archive.read("data/kyojushien.db"))
        pdf = archive.read("引継書.pdf")
    organisations = organization_names(sample_file)
    assert organization_names(inner) == organisations
    kept = sorted({*organisations, *_kanas(sample_file)}, key=len, reverse=True)

    def without_organisations(text: str) -> str:
        for name in kept:  # コーポ小松 and なかがわ司法書士事務所 carry a family name, and must stay
            text = text.replace(name, "")
        return text

    found = personal_data(sample_file)
    words = found["name"] | found["phone"] | found["email"]
    assert {"山田 花子", "山田", "佐藤 健一", "0123-48-5510", "0123485510"} <= words
    cells = [(table, without_organisations(text)) for table, text in text_cells(inner)]
    leaks = sorted({(w, table) for w in words for table, text in cells if w in text})
    assert not leaks
    raw = inner.read_bytes()
    for name in kept:
        raw = raw.replace(name.encode("utf-8"), b"")
    assert not [w for w in words if w.encode("utf-8") in raw]
    report = without_organisations("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    assert not [w for w in words if w in report]  # the 引継書 is drafted from the scrubbed snapshot
    assert len(tables(inner)["people"]) == len(tables(sample_file)["people"])


def _kanas(path: Path) -> list[str]:
    """The organisations' readings and search keys, which come from their names."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT kana, name_key, sort_kana FROM organizations").fetchall()
    finally:
        conn.close()
    return [v for row in rows for v in row if v]


def test_received_file_keeps_a_copy_of_nothing_else(sealed: Path, tmp_path: Path) -> None:
    """Opening creates the missing folders and leaves only the data file there."""
    dest = tmp_path / "a" / "b" / "town.db"
    open_package(sealed, PASSPHRASE, dest)
    assert sorted(p.name for p in dest.parent.iterdir()) == ["town.db"]
    shutil.rmtree(tmp_path / "a")

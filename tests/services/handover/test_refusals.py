"""Every package the successor's PC must refuse: a Japanese message, and nothing written where
the data file would go (no file, no ``.receiving`` debris)."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.handover import DATA_MEMBER, MANIFEST_MEMBER, REPORT_MEMBER, PackageError
from kyojushien_desktop.reports import package as container
from kyojushien_desktop.services.handover.package import LIMITS, open_package, verify
from kyojushien_desktop.store.migrations import SCHEMA_VERSION
from tests import damage
from tests.handover_town import PASSPHRASE, tree
from tests.japanese import assert_japanese

MEMBER_NAMES = (DATA_MEMBER, MANIFEST_MEMBER, REPORT_MEMBER, ".kyoju")  # named in messages as they are


def refused(package: Path, passphrase: str | None, tmp_path: Path, *words: str) -> str:
    """Opens ``package`` into a fresh folder, expects a refusal naming ``words``, and checks that
    the folder (which holds one unrelated file) is exactly as before."""
    dest_folder = tmp_path / "受け取り"
    dest_folder.mkdir(exist_ok=True)
    (dest_folder / "メモ.txt").write_text("前から置いてあるファイル", encoding="utf-8")
    before = tree(dest_folder)
    with pytest.raises(UserFacingError) as caught:
        open_package(package, passphrase, dest_folder / "みどり町.db")
    message = caught.value.message + (caught.value.hint or "")
    for word in words:
        assert word in message, message
    assert_japanese(message, package, package.name, *words, *MEMBER_NAMES)
    assert tree(dest_folder) == before
    return message


def members_of(sealed: Path) -> dict[str, bytes]:
    payload, _ = container.open_payload(sealed, PASSPHRASE)
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def reseal(members: dict[str, bytes], path: Path, passphrase: str | None = None) -> Path:
    path.write_bytes(container.seal(container.zip_members(members), passphrase))
    return path


def flipped(source: Path, dest: Path, at: int) -> Path:
    data = bytearray(source.read_bytes())
    data[at] ^= 0x01
    dest.write_bytes(bytes(data))
    return dest


def payload_start(path: Path) -> int:
    data = path.read_bytes()
    (length,) = container._LENGTH.unpack_from(data, len(container.MAGIC))
    return len(container.MAGIC) + container._LENGTH.size + length


def test_a_wrong_passphrase_is_told_apart_from_damage(sealed: Path, tmp_path: Path) -> None:
    """Another passphrase is refused as 合言葉が違います, not as a damaged file."""
    refused(sealed, "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", tmp_path, "合言葉が違います")


def test_no_passphrase_for_an_encrypted_package_is_asked_for(sealed: Path, tmp_path: Path) -> None:
    """An encrypted package opened without a passphrase asks for one."""
    refused(sealed, None, tmp_path, "合言葉を入力してください")


def test_a_byte_changed_in_the_middle_of_the_payload(sealed: Path, tmp_path: Path) -> None:
    """One flipped bit in the ciphertext fails the GCM tag: 書き換えられたか、壊れています."""
    start = payload_start(sealed)
    middle = start + (sealed.stat().st_size - start) // 2
    refused(flipped(sealed, tmp_path / "changed.kyoju", middle), PASSPHRASE, tmp_path, "書き換えられたか")


def test_a_byte_changed_in_the_payload_of_a_clear_package(sample_clear: Path, tmp_path: Path) -> None:
    """Without encryption the header's SHA-256 finds the changed byte."""
    start = payload_start(sample_clear)
    middle = start + (sample_clear.stat().st_size - start) // 2
    refused(flipped(sample_clear, tmp_path / "changed.kyoju", middle), None, tmp_path, "書き換えられたか")


@pytest.mark.parametrize("where", ["json", "salt"])
def test_a_byte_changed_in_the_header(sealed: Path, tmp_path: Path, where: str) -> None:
    """A changed header byte is refused: broken JSON as a damaged head, a changed salt as a
    wrong key (the header is the GCM's associated data, so nothing in it can change unseen)."""
    data = sealed.read_bytes()
    if where == "json":
        at = len(container.MAGIC) + container._LENGTH.size  # the opening brace
        refused(flipped(sealed, tmp_path / "head.kyoju", at), PASSPHRASE, tmp_path, "先頭部分が壊れています")
    else:
        at = data.index(b'"salt":"') + len(b'"salt":"') + 2
        damaged = tmp_path / "salt.kyoju"
        damaged.write_bytes(data[:at] + (b"B" if data[at : at + 1] == b"A" else b"A") + data[at + 1 :])
        refused(damaged, PASSPHRASE, tmp_path, "合言葉が違います")


@pytest.mark.parametrize("cut", ["half", "one byte"])
def test_a_truncated_package(sealed: Path, tmp_path: Path, cut: str) -> None:
    """A copy that stopped early says how much arrived."""
    data = sealed.read_bytes()
    short = tmp_path / "short.kyoju"
    short.write_bytes(data[: len(data) // 2] if cut == "half" else data[:-1])
    refused(short, PASSPHRASE, tmp_path, "途中までしかありません")


def test_a_manifest_from_a_newer_schema(sealed: Path, tmp_path: Path) -> None:
    """A package whose manifest says schema SCHEMA_VERSION+1 (digests right) asks to update the app."""
    members = members_of(sealed)
    manifest = json.loads(members[MANIFEST_MEMBER])
    manifest["schema_version"] = SCHEMA_VERSION + 1
    members[MANIFEST_MEMBER] = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    newer = reseal(members, tmp_path / "newer.kyoju", PASSPHRASE)
    refused(newer, PASSPHRASE, tmp_path, "新しい版の居住支援デスク", "更新")


def test_a_header_of_format_version_2(sample_clear: Path, tmp_path: Path) -> None:
    """A header with "v": 2 is refused before anything else is read."""
    data = sample_clear.read_bytes()
    start = payload_start(sample_clear)
    head = json.loads(data[len(container.MAGIC) + container._LENGTH.size : start])
    head["v"] = 2
    raw = container._header_bytes(head)
    newer = tmp_path / "v2.kyoju"
    newer.write_bytes(container.MAGIC + container._LENGTH.pack(len(raw)) + raw + data[start:])
    refused(newer, None, tmp_path, "新しい版の居住支援デスク")


@pytest.mark.parametrize("name", ["../evil.db", "/abs.db", "data/../../x", "data/extra.txt"])
def test_a_member_outside_the_known_names(sealed: Path, tmp_path: Path, name: str) -> None:
    """A member that climbs out of its folder, or one the format does not know, refuses the package."""
    members = members_of(sealed)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for known, data in members.items():
            archive.writestr(known, data)
        archive.writestr(zipfile.ZipInfo(name), b"evil")
    package = tmp_path / "escape.kyoju"
    package.write_bytes(container.seal(buffer.getvalue(), None))
    refused(package, None, tmp_path, "想定していない中身", name)
    assert not (tmp_path / "evil.db").exists() and not Path("/abs.db").exists()


def _bomb(path: Path, member: str, size: int, declared: int | None = None) -> Path:
    """A real zip whose ``member`` inflates to ``size`` zero bytes (written in chunks, never held
    whole); with ``declared`` the headers claim that size instead, as a forged zip would."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open(member, "w", force_zip64=size > 2**31) as out:
            chunk = bytes(1024**2)
            for _ in range(size // len(chunk)):
                out.write(chunk)
            out.write(bytes(size % len(chunk)))
    data = buffer.getvalue()
    if declared is not None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(member)
        real = size.to_bytes(4, "little")
        assert data.count(real) >= 1
        data = data.replace(real, declared.to_bytes(4, "little"))  # local header and central directory
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.getinfo(member).file_size == declared, info
    path.write_bytes(container.seal(data, None))
    return path


def test_a_zip_bomb_declaring_its_size_is_refused_unread(tmp_path: Path) -> None:
    """A data member of LIMITS+1 zero bytes (about a megabyte on disk) is refused by its declared
    size, without inflating it: far less memory is taken than the member holds."""
    limit = LIMITS[DATA_MEMBER]
    bomb = _bomb(tmp_path / "bomb.kyoju", DATA_MEMBER, limit + 1)
    assert bomb.stat().st_size < limit // 100
    tracemalloc.start()
    try:
        refused(bomb, None, tmp_path, "大きすぎます", DATA_MEMBER)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < limit // 10


def test_a_zip_bomb_lying_about_its_size_is_read_only_to_the_limit(tmp_path: Path) -> None:
    """A manifest member whose headers claim 100 bytes but which inflates to 8 MiB is stopped
    after the bytes it claimed (the CRC then fails): never the 8 MiB."""
    bomb = _bomb(tmp_path / "liar.kyoju", MANIFEST_MEMBER, 8 * 1024**2, declared=100)
    tracemalloc.start()
    try:
        refused(bomb, None, tmp_path, "書き換えられたか")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024**2


def test_a_member_over_its_limit_honestly_declared(tmp_path: Path) -> None:
    """The manifest's limit (1 MiB) is enforced too: 2 MiB of zeros is refused as too large."""
    refused(_bomb(tmp_path / "big.kyoju", MANIFEST_MEMBER, 2 * 1024**2), None, tmp_path, "大きすぎます")


@pytest.mark.parametrize("kind", ["db", "zip", "empty", "random"])
def test_a_file_that_is_not_a_package(template_db: Path, tmp_path: Path, kind: str) -> None:
    """A data file, a zip, an empty file and random bytes are each 引き継ぎファイルではありません."""
    path = tmp_path / f"not.{kind}"
    if kind == "db":
        shutil.copyfile(template_db, path)
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("manifest.json", "{}")
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes(os.urandom(4096))
    refused(path, PASSPHRASE, tmp_path, "引き継ぎファイルではありません")


def test_a_missing_member_is_named(sealed: Path, tmp_path: Path) -> None:
    """A package without its 引継書 names what is missing."""
    members = members_of(sealed)
    del members[REPORT_MEMBER]
    refused(reseal(members, tmp_path / "missing.kyoju"), None, tmp_path, "必要な中身", REPORT_MEMBER)


def test_a_damaged_data_file_inside_a_sound_container(sealed: Path, tmp_path: Path) -> None:
    """A data member with a garbled page, sealed with its new digest, is refused by verify's
    integrity check of the data file."""
    members = members_of(sealed)
    inner = tmp_path / "inner.db"
    inner.write_bytes(members[DATA_MEMBER])
    damage.garble_last_page(inner)
    members[DATA_MEMBER] = inner.read_bytes()
    manifest = json.loads(members[MANIFEST_MEMBER])
    import hashlib

    manifest["members"][DATA_MEMBER] = {
        "size": len(members[DATA_MEMBER]),
        "sha256": hashlib.sha256(members[DATA_MEMBER]).hexdigest(),
    }
    members[MANIFEST_MEMBER] = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    package = reseal(members, tmp_path / "damaged.kyoju")
    with pytest.raises(PackageError) as caught:
        verify(package)
    assert "データファイルに問題があります" in caught.value.message
    refused(package, None, tmp_path, "データファイルに問題があります")


def test_a_member_changed_after_the_manifest_was_written(sealed: Path, tmp_path: Path) -> None:
    """A data member that differs from the manifest's digest is refused as 目録と合いません."""
    members = members_of(sealed)
    conn_path = tmp_path / "inner.db"
    conn_path.write_bytes(members[DATA_MEMBER])
    conn = sqlite3.connect(conn_path)
    conn.execute("UPDATE organizations SET name = name || '（改）' WHERE id = 1")
    conn.commit()
    conn.close()
    members[DATA_MEMBER] = conn_path.read_bytes()
    refused(reseal(members, tmp_path / "edited.kyoju"), None, tmp_path, "目録と合いません")


def test_an_existing_destination_is_refused_untouched(sealed: Path, town: Path, tmp_path: Path) -> None:
    """A file already at the destination stays byte for byte; nothing is placed beside it."""
    from kyojushien_desktop.domain.handover import TargetExistsError

    before = tree(town.parent)
    with pytest.raises(TargetExistsError) as caught:
        open_package(sealed, PASSPHRASE, town)
    assert "すでにあります" in caught.value.message
    assert tree(town.parent) == before

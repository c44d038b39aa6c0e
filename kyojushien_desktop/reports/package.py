"""The ``.kyoju`` hand-over package as bytes on disk: a short header, then a zip of the members,
encrypted with AES-256-GCM under a key derived from the passphrase by scrypt (the ``cryptography``
package; nothing home-made), or, when the user chose so, in the clear with its SHA-256.

Layout: ``MAGIC``, the header's length (4 bytes, big-endian), the header (canonical JSON), the
payload. The header is the GCM's associated data, so a changed byte anywhere is found; it also
holds a check value of the key, so a wrong passphrase is told apart from a damaged file. Reading
refuses, before anything is written, a file that is not a package, is cut short, was changed,
was made by a newer format, or holds a member outside the known names or larger than its limit
(a zip bomb is stopped at the limit, never inflated in full).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import struct
import zipfile
from pathlib import Path

from kyojushien_desktop.domain.handover import FORMAT_VERSION, PackageError
from kyojushien_desktop.reports.files import write_atomically

MAGIC = b"KYOJUSHIEN-HANDOVER\n"
_LENGTH = struct.Struct(">I")
MAX_HEADER = 4096
MAX_PACKAGE = 2 * 1024**3
# scrypt as OWASP advises it (N=2^17, r=8, p=1: 128 MiB, about half a second)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_KEY_BYTES = 64  # 32 for AES-256, 32 for the passphrase check
NOT_A_PACKAGE = "引き継ぎファイルではありません"
_PICK_PACKAGE = "居住支援デスクの「引き継ぎファイルを作る」で作った .kyoju ファイルを選んでください。"
_ASK_AGAIN = "渡した人に、もう一度作り直してもらうか、コピーし直してもらってください。"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _header_bytes(header: dict[str, object]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, str]:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # only when a package is made or read

    material = Scrypt(salt=salt, length=_KEY_BYTES, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return material[:32], hashlib.sha256(material[32:]).hexdigest()[:32]


def zip_members(members: dict[str, bytes]) -> bytes:
    """The members in a zip, in the order given; the data file deflated fast (it shrinks to about a
    fifth at level 1, nearly as far as at level 9, in a fraction of the time)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def seal(payload: bytes, passphrase: str | None) -> bytes:
    """The package's bytes: header and payload, encrypted unless ``passphrase`` is None."""
    if passphrase is None:
        header = {
            "v": FORMAT_VERSION,
            "enc": "none",
            "size": len(payload),
            "sha256": hashlib.sha256(payload).hexdigest(),
        }
        head = _header_bytes(header)
        return MAGIC + _LENGTH.pack(len(head)) + head + payload
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    key, check = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    header = {
        "v": FORMAT_VERSION,
        "enc": "aes-256-gcm",
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "check": check,
        "size": len(payload) + 16,
    }
    head = _header_bytes(header)
    prefix = MAGIC + _LENGTH.pack(len(head)) + head
    return prefix + AESGCM(key).encrypt(nonce, payload, prefix)


def write_package(path: Path, data: bytes) -> Path:
    """Writes the sealed bytes atomically: nothing at ``path`` unless complete and flushed."""

    def write(temporary: Path) -> None:
        with open(temporary, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())

    return write_atomically(path, write)


def _parse_header(data: bytes, name: str) -> tuple[dict, int]:
    """The header and where the payload starts."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _LENGTH.size:
        raise PackageError(f"{NOT_A_PACKAGE}: {name}", hint=_PICK_PACKAGE)
    (length,) = _LENGTH.unpack_from(data, len(MAGIC))
    start = len(MAGIC) + _LENGTH.size
    if length > MAX_HEADER or start + length > len(data):
        raise PackageError(f"引き継ぎファイルの先頭部分が壊れています: {name}", hint=_ASK_AGAIN)
    head = data[start : start + length]
    try:
        header = json.loads(head.decode("ascii"))
        if not isinstance(header, dict) or _header_bytes(header) != head:
            raise ValueError("not canonical")
        version = int(header["v"])
        int(header["size"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise PackageError(f"引き継ぎファイルの先頭部分が壊れています: {name}", hint=_ASK_AGAIN) from exc
    if version > FORMAT_VERSION:
        raise PackageError(
            f"この引き継ぎファイルは、新しい版の居住支援デスクで作られています: {name}",
            hint="アプリを新しい版に更新してから、もう一度開いてください。",
        )
    return header, start + length


def _read_header(data: bytes, name: str) -> tuple[dict, bytes, bytes]:
    header, end = _parse_header(data, name)
    payload, size = data[end:], int(header["size"])
    if len(payload) < size:
        raise PackageError(
            f"引き継ぎファイルが途中までしかありません（{len(payload):,}／{size:,}バイト）: {name}",
            hint="コピーが最後まで終わらなかったようです。" + _ASK_AGAIN,
        )
    if len(payload) > size:
        raise PackageError(f"引き継ぎファイルの後ろに余分なデータが付いています: {name}", hint=_ASK_AGAIN)
    return header, data[:end], payload


def _changed(name: str) -> PackageError:
    return PackageError(
        f"引き継ぎファイルの中身が、作られたときと違います（書き換えられたか、壊れています）: {name}", hint=_ASK_AGAIN
    )


def is_encrypted(path: Path) -> bool:
    """Whether the package asks for a passphrase, read from its header alone (``PackageError`` when
    it is no package at all, so the user is told before typing a passphrase for nothing)."""
    try:
        with open(path, "rb") as source:
            data = source.read(len(MAGIC) + _LENGTH.size + MAX_HEADER)
    except OSError as exc:
        raise PackageError(f"引き継ぎファイルを読み取れません: {path}（{exc.strerror or exc}）") from exc
    header, _ = _parse_header(data, Path(path).name)
    return header.get("enc") != "none"


def unzip_members(payload: bytes, limits: dict[str, int], name: str) -> dict[str, bytes]:
    """Every member of the zip, each read only up to its limit: a name outside ``limits`` (a path
    that climbs out of its folder among them), a repeated name or a member larger than its limit
    refuses the whole package before a byte is written anywhere."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(payload))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _changed(name) from exc
    members: dict[str, bytes] = {}
    with archive:
        infos = archive.infolist()
        for info in infos:
            if info.filename not in limits or info.filename in members or info.is_dir():
                raise PackageError(
                    f"引き継ぎファイルに、想定していない中身（{info.filename}）があります。安全のため開きません: {name}",
                    hint=_ASK_AGAIN,
                )
            limit = limits[info.filename]
            if info.file_size > limit:
                raise _too_large(info.filename, name)
            try:
                with archive.open(info) as member:
                    data = member.read(limit + 1)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise _changed(name) from exc
            if len(data) > limit:
                raise _too_large(info.filename, name)
            members[info.filename] = data
    return members


def _too_large(member: str, name: str) -> PackageError:
    return PackageError(
        f"引き継ぎファイルの中身（{member}）が大きすぎます。安全のため開きません: {name}", hint=_ASK_AGAIN
    )


def open_payload(path: Path, passphrase: str | None) -> tuple[bytes, bool]:
    """The zip inside the package, decrypted and checked; ``PackageError`` for every refusal."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_PACKAGE:
            raise PackageError(f"ファイルが大きすぎます（{size:,}バイト）: {name}", hint=_PICK_PACKAGE)
        data = path.read_bytes()
    except OSError as exc:
        raise PackageError(f"引き継ぎファイルを読み取れません: {path}（{exc.strerror or exc}）") from exc
    header, prefix, payload = _read_header(data, name)
    if header.get("enc") == "none":
        if hashlib.sha256(payload).hexdigest() != header.get("sha256"):
            raise _changed(name)
        return payload, False
    if header.get("enc") != "aes-256-gcm" or header.get("kdf") != "scrypt":
        raise PackageError(f"{NOT_A_PACKAGE}（暗号の方式が分かりません）: {name}", hint=_PICK_PACKAGE)
    if not passphrase:
        raise PackageError("この引き継ぎファイルは暗号化されています。合言葉を入力してください。")
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
        if not (2**14 <= n <= 2**20 and 1 <= r <= 16 and 1 <= p <= 4):
            raise ValueError("kdf parameters out of range")
        salt, nonce = base64.b64decode(header["salt"]), base64.b64decode(header["nonce"])
        key, check = _derive(passphrase, salt, n, r, p)
    except (KeyError, ValueError, TypeError) as exc:
        raise PackageError(f"引き継ぎファイルの先頭部分が壊れています: {name}", hint=_ASK_AGAIN) from exc
    if check != header.get("check"):
        raise PackageError(
            "合言葉が違います。",
            hint="大文字・小文字、ハイフン（-）も含めて、受け取った合言葉のとおりに入力してください。",
        )
    try:
        return AESGCM(key).decrypt(nonce, payload, prefix), True
    except InvalidTag as exc:
        raise _changed(name) from exc

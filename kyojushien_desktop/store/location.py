"""Where a data file sits: a network share or a removable drive is risky for SQLite, and a
read-only medium, folder or file can only be viewed."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

_COPY_TO_EDIT = "編集するには、書き込みできる場所（ドキュメントなど）にコピーしてから開いてください。"

_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs", "davfs", "fuse.davfs2"}
_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/usb", "/Volumes/")


def classify_mount(fstype: str, mount_point: str) -> str | None:
    """'network', 'removable' or None for a Linux/macOS mount entry."""
    if fstype.lower() in _NETWORK_FS:
        return "network"
    if any((mount_point.rstrip("/") + "/").startswith(root) for root in _REMOVABLE_ROOTS):
        return "removable"
    return None


def _mount_of(path: str, mounts_text: str) -> tuple[str, str] | None:
    best: tuple[str, str] | None = None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        prefix = mount_point.rstrip("/") + "/"
        if (path + "/").startswith(prefix) or mount_point == "/":
            if best is None or len(mount_point) > len(best[0]):
                best = (mount_point, parts[2])
    return best


def drive_kind(path: Path, mounts_text: str | None = None) -> str | None:
    """'network' or 'removable' when the file's drive is one; None for a local fixed disk."""
    resolved = str(Path(path).resolve())
    if sys.platform == "win32":
        if resolved.startswith("\\\\"):
            return "network"
        import ctypes

        drive_type = ctypes.windll.kernel32.GetDriveTypeW(os.path.splitdrive(resolved)[0] + "\\")
        return {4: "network", 2: "removable"}.get(drive_type)
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    found = _mount_of(resolved, mounts_text)
    return classify_mount(found[1], found[0]) if found else None


def drive_warning(path: Path, mounts_text: str | None = None) -> str | None:
    kind = drive_kind(path, mounts_text)
    if kind == "network":
        return (
            "このデータファイルはネットワーク上の共有フォルダにあります。通信が途切れるとファイルが壊れることがあり、"
            "複数の人が同時に編集すると変更が失われるおそれがあります。ふだんは自分のPCにコピーして使い、"
            "共有フォルダは受け渡しに使うことをおすすめします。"
        )
    if kind == "removable":
        return (
            "このデータファイルはUSBメモリなどの取り外しできるドライブにあります。使用中に抜くとファイルが壊れることがあります。"
            "自分のPCにコピーして使い、USBメモリは受け渡しに使うことをおすすめします。"
        )
    return None


def _read_only_medium(folder: Path) -> bool:
    """The drive itself refuses writes: a CD, a write-protected USB stick, a read-only mount."""
    if sys.platform == "win32":
        import ctypes

        flags = ctypes.c_ulong()
        root = os.path.splitdrive(str(folder.resolve()))[0] + "\\"
        ok = ctypes.windll.kernel32.GetVolumeInformationW(root, None, 0, None, None, ctypes.byref(flags), None, 0)
        return bool(ok) and bool(flags.value & 0x80000)  # FILE_READ_ONLY_VOLUME
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def read_only_reason(path: Path) -> str | None:
    """Why the data file at ``path`` can only be viewed here, as the notice to show; None when it
    can be written. Checked before any lock file is attempted, so nothing is written there.

    The mode bits are read rather than trusting ``os.access`` alone, so a file the user marked
    read-only is honoured even for an administrator account."""
    path = Path(path)
    folder = path.parent
    if _read_only_medium(folder):
        return (
            "このファイルは書き込みできない媒体（CD・書き込み禁止のUSBメモリなど）にあるため、閲覧のみできます。"
            + _COPY_TO_EDIT
        )
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if not mode & stat.S_IWUSR:
        return "このファイルには「読み取り専用」の設定がされているため、閲覧のみできます。" + _COPY_TO_EDIT
    if not os.access(folder, os.W_OK) or not os.access(path, os.W_OK):
        return folder_not_writable(folder)
    return None


def folder_not_writable(folder: Path) -> str:
    """The notice for a folder the user may not write in (found by the check or by the lock)."""
    return f"このファイルのあるフォルダ（{folder}）には書き込む権限がないため、閲覧のみできます。" + _COPY_TO_EDIT


DISK_FULL = (
    "ディスクの空き容量が足りないため、閲覧のみできます。"
    "不要なファイルを削除して空き容量を作ってから開き直すと、編集できるようになります。"
)

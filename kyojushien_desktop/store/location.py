"""Where a data file sits: a network share or a removable drive is risky for SQLite."""

from __future__ import annotations

import os
import sys
from pathlib import Path

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

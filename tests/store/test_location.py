"""Warnings for data files on network shares and removable drives."""

from pathlib import Path

from kyojushien_desktop.store.location import classify_mount, drive_warning

MOUNTS = """/dev/sda1 / ext4 rw 0 0
//fileserver/jutaku /mnt/share cifs rw 0 0
/dev/sdb1 /media/tanaka/USB ext4 rw 0 0
"""


def test_classify():
    """Network file systems and /media mounts are recognised."""
    assert classify_mount("cifs", "/mnt/share") == "network"
    assert classify_mount("vfat", "/media/user/USB") == "removable"
    assert classify_mount("ext4", "/home") is None


def test_warning_names_the_risk():
    """A file on a share or a USB stick gets a warning that explains the risk; a local one none."""
    assert "共有フォルダ" in drive_warning(Path("/mnt/share/kyojushien.db"), MOUNTS)
    assert "USBメモリ" in drive_warning(Path("/media/tanaka/USB/kyojushien.db"), MOUNTS)
    assert drive_warning(Path("/home/tanaka/kyojushien.db"), MOUNTS) is None

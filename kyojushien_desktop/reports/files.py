"""Writing a report file so that the user never finds half of one."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol


def write_atomically(path: Path, write: Callable[[Path], None], *, create_folder: bool = False) -> Path:
    """Writes through a temporary file beside ``path`` and swaps it in, so a failed or interrupted
    export never leaves half a file where the user expects the last good one. Without
    ``create_folder`` a missing folder fails at once, before minutes of layout, not after."""
    path = Path(path)
    if create_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path.parent))
    temporary = path.with_name(f"{path.stem}.{os.getpid()}.tmp{path.suffix}")
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return path


class Progress(Protocol):
    """What a report needs of ``services.common.jobs.Progress``: say what it does, count its steps
    (``step`` raises when the user cancelled, and the temporary file is removed)."""

    def begin(self, stage: str, total: int = 0) -> None: ...

    def step(self, count: int = 1) -> None: ...


class _Silent:
    def begin(self, stage: str, total: int = 0) -> None:
        pass

    def step(self, count: int = 1) -> None:
        pass


SILENT: Progress = _Silent()

"""What every command shares: argparse in Japanese, where the data file is, and opening it.

Reading commands open the file read-only, so they work while a colleague has it open; writing
commands take the lock. Both close the file however the command ends.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kyojushien_desktop.paths import default_db_path

if TYPE_CHECKING:
    from kyojushien_desktop.services.common.session import Session

_JA = {
    "usage: ": "使い方: ",
    "the following arguments are required: %s": "次の指定が必要です: %s",
    "unrecognized arguments: %s": "分からない指定があります: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r は選べません（選べるもの: %(choices)s）",
    "expected one argument": "値を1つ指定してください",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値を1つ以上指定してください",
    "%(prog)s: error: %(message)s\n": "%(prog)s: 指定の誤り: %(message)s\n",
    "positional arguments": "引数",
    "options": "オプション",
    "show this help message and exit": "この説明を表示して終了します",
    "show program's version number and exit": "バージョンを表示して終了します",
    "invalid %(type)s value: %(value)r": "%(value)r は正しい値ではありません",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s の指定: %(message)s",
    "not allowed with argument %s": "%s と同時には指定できません",
    "one of the arguments %s is required": "%s のどれか1つを指定してください",
}


def _translate(message: str) -> str:
    return _JA.get(message, message)


argparse._ = _translate  # argparse looks its messages up through this module-level gettext alias


class JaArgumentParser(argparse.ArgumentParser):
    """Exit code 2 with a Japanese message for usage errors."""


def db_path(args: argparse.Namespace) -> Path:
    """``--db PATH``, or the default data file."""
    return Path(args.db) if getattr(args, "db", None) else default_db_path()


@contextlib.contextmanager
def reading_session(args: argparse.Namespace) -> Iterator[Session]:
    """The data file opened read-only (an older format is first updated once, after a backup)."""
    from kyojushien_desktop.services.datafile import open_for_reading

    session = open_for_reading(db_path(args))
    try:
        yield session
    finally:
        session.close()


def print_notices(session: Session) -> None:
    """What the GUI shows in its notice bar (a backup that failed, a read-only place), on stderr."""
    for notice in session.notices:
        print(f"お知らせ: {notice}", file=sys.stderr)


@contextlib.contextmanager
def writing_session(args: argparse.Namespace) -> Iterator[Session]:
    """The data file opened for writing, with its lock, closed (and marked closed) at the end."""
    from kyojushien_desktop.services.datafile import open_session

    session = open_session(db_path(args))
    print_notices(session)
    try:
        yield session
    finally:
        session.close()


def write_pdf(write: Callable[[bool], Path]) -> Path:
    """Calls ``write(replace_unsupported)``. When some text holds characters the PDF font cannot
    draw, the warning (which characters, in which records) goes to stderr and the PDF is written
    with them as 〓: a headless run asks no question, and stdout stays as it always was."""
    from kyojushien_desktop.domain.errors import UnsupportedCharactersError

    try:
        return write(False)
    except UnsupportedCharactersError as exc:
        print(f"注意: {exc.message}", file=sys.stderr)
        print("これらの文字は「〓」に置き換えて書き出します。", file=sys.stderr)
        return write(True)

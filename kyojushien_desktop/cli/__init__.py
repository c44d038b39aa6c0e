"""``kyojushien``: opens the GUI, or runs a headless command over the same services.

Exit codes: 0 ok, 1 a user-facing error (its Japanese message on stderr), 2 usage.

Opening the window (no command, ``--db PATH`` or a hand-over file) reads its arguments without
argparse: the parser and the command modules cost about 10 ms of every start-up.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kyojushien_desktop import APP_NAME, __version__
from kyojushien_desktop.domain.errors import UserFacingError

if TYPE_CHECKING:
    import argparse

# The commands in the order --help lists them (tests/cli checks this against the parser).
COMMANDS = (
    "init",
    "sample",
    "check",
    "backup",
    "members",
    "hearing",
    "meetings",
    "progress",
    "diagnosis",
    "handover",
    "region",
)
HANDOVER_EXTENSION = ".kyoju"


def _gui(db: Path | None, handover: Path | None) -> int:
    from kyojushien_desktop.app import missing_display, run_gui

    why = missing_display()
    if why:
        raise UserFacingError(
            f"画面（ディスプレイ）のない環境のため、{APP_NAME}の画面を開けません（{why}）。",
            hint="画面がなくても使えるコマンド: "
            + "、".join(f"kyojushien {name}" for name in COMMANDS)
            + "。使い方は kyojushien --help、kyojushien コマンド --help で表示します。",
        )
    return run_gui(db, handover)


def _cmd_gui(args: argparse.Namespace) -> int:
    return _gui(Path(args.db) if getattr(args, "db", None) else None, None)


def window_arguments(argv: list[str]) -> tuple[Path | None, Path | None] | None:
    """(data file, hand-over file) when ``argv`` only opens the window: nothing, ``--db PATH``, or
    ``FILE.kyoju`` (as Windows runs the app when a hand-over file is double-clicked); None when
    argparse must read it (a command, --help, --version, a mistake)."""
    if not argv:
        return None, None
    if len(argv) == 1 and argv[0].lower().endswith(HANDOVER_EXTENSION) and not argv[0].startswith("-"):
        return None, Path(argv[0])
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return Path(argv[1]), None
    return None


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from kyojushien_desktop.cli import (
        backup,
        datafile,
        diagnosis,
        handover,
        hearing,
        meetings,
        members,
        progress,
        region,
    )
    from kyojushien_desktop.cli.common import JaArgumentParser
    from kyojushien_desktop.paths import default_db_path

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS, help=f"データファイルの場所（省略時: {default_db_path()}）"
    )
    parser = JaArgumentParser(
        prog="kyojushien",
        description=f"{APP_NAME}: 居住支援協議会の設立に向けた事務局の仕事を支えるアプリ。コマンドを省略すると画面を開きます。",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.set_defaults(handler=_cmd_gui)
    commands = parser.add_subparsers(dest="command", metavar="コマンド", parser_class=JaArgumentParser)
    for module in (datafile, backup, members, hearing, meetings, progress, diagnosis, handover, region):
        module.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from kyojushien_desktop.app import setup_logging

    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    argv = list(sys.argv[1:] if argv is None else argv)
    window = window_arguments(argv)
    args = build_parser().parse_args(argv) if window is None else None
    setup_logging()
    try:
        return _gui(*window) if args is None else args.handler(args)
    except UserFacingError as exc:
        print(f"エラー: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(exc.hint, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("中断しました。", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader stopped early (``… | head``): it has what it wanted. Nothing more is printed,
        # and Python's own flush at exit must not fail on the closed pipe either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())

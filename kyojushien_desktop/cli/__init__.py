"""``kyojushien``: opens the GUI, or runs a headless command over the same services.

Exit codes: 0 ok, 1 a user-facing error (its Japanese message on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kyojushien_desktop import APP_NAME, __version__
from kyojushien_desktop.app import setup_logging
from kyojushien_desktop.cli import backup, datafile, diagnosis, handover, hearing, meetings, members, progress, region
from kyojushien_desktop.cli.common import JaArgumentParser
from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.paths import default_db_path


def _cmd_gui(args: argparse.Namespace) -> int:
    from kyojushien_desktop.app import missing_display, run_gui

    why = missing_display()
    if why:
        raise UserFacingError(
            f"画面（ディスプレイ）のない環境のため、{APP_NAME}の画面を開けません（{why}）。",
            hint="画面がなくても使えるコマンド: "
            + "、".join(f"kyojushien {name}" for name in args.command_names)
            + "。使い方は kyojushien --help、kyojushien コマンド --help で表示します。",
        )
    db = Path(args.db) if getattr(args, "db", None) else None
    return run_gui(db, Path(args.handover_file) if getattr(args, "handover_file", None) else None)


HANDOVER_EXTENSION = ".kyoju"


def _handover_file(argv: list[str]) -> str | None:
    """``kyojushien FILE.kyoju``, as Windows runs the app when a hand-over file is double-clicked."""
    if len(argv) == 1 and argv[0].lower().endswith(HANDOVER_EXTENSION) and not argv[0].startswith("-"):
        return argv[0]
    return None


def build_parser() -> argparse.ArgumentParser:
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

    datafile.register(commands, common)
    backup.register(commands, common)
    members.register(commands, common)
    hearing.register(commands, common)
    meetings.register(commands, common)
    progress.register(commands, common)
    diagnosis.register(commands, common)
    handover.register(commands, common)
    region.register(commands, common)
    parser.set_defaults(command_names=tuple(commands.choices))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    argv = list(sys.argv[1:] if argv is None else argv)
    handover_file = _handover_file(argv)
    parser = build_parser()
    args = parser.parse_args([] if handover_file else argv)
    args.handover_file = handover_file
    setup_logging()
    try:
        return args.handler(args)
    except UserFacingError as exc:
        print(f"エラー: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(exc.hint, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("中断しました。", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())

"""``kyojushien``: opens the GUI, or runs a headless command over the same services.

Exit codes: 0 ok, 1 a user-facing error (its Japanese message on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kyojushien_desktop import APP_NAME, __version__, cli_hearing, cli_members
from kyojushien_desktop.cli_parser import JaArgumentParser
from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.paths import default_db_path


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def _cmd_init(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.datafile import create_session
    from kyojushien_desktop.services.settings import TownSettings, save_settings

    path = db_path(args)
    session = create_session(path)
    try:
        save_settings(session, TownSettings(municipality=args.municipality, department=args.department or ""))
    finally:
        session.close()
    print(f"データファイルを作成しました: {path}")
    return 0


def _cmd_sample(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.sample import create_sample

    path = db_path(args)
    create_sample(path).close()
    print(f"見本の町（みどり町）のデータファイルを作成しました: {path}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.check import check_file

    report = check_file(db_path(args))
    print("\n".join(report.lines))
    return 0 if report.ok else 1


def _cmd_gui(args: argparse.Namespace) -> int:
    from kyojushien_desktop.app import run_gui

    return run_gui(Path(args.db) if getattr(args, "db", None) else None)


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

    def add(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    init = add("init", "新しいデータファイルを作ります", _cmd_init)
    init.add_argument("--municipality", required=True, metavar="自治体名", help="自治体名（例: みどり町）")
    init.add_argument("--department", metavar="担当課", help="担当課（例: 建設課 住宅係）")
    add("sample", "見本の町（みどり町）のデータファイルを新しく作ります", _cmd_sample)
    add("check", "データファイルを点検します（このアプリのファイルか、形式の版、壊れていないか）", _cmd_check)
    cli_members.register(commands, common)
    cli_hearing.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
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

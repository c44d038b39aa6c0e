"""``kyojushien init | sample | check``: making and checking data files headless."""

from __future__ import annotations

import argparse

from kyojushien_desktop.cli.common import db_path, print_notices


def _cmd_init(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.common.settings import TownSettings, save_settings
    from kyojushien_desktop.services.datafile import create_session

    path = db_path(args)
    session = create_session(path)
    print_notices(session)
    try:
        save_settings(session, TownSettings(municipality=args.municipality, department=args.department or ""))
    finally:
        session.close()
    print(f"データファイルを作成しました: {path}")
    return 0


def _cmd_sample(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.sample import create_sample

    path = db_path(args)
    session = create_sample(path)
    print_notices(session)
    session.close()
    print(f"見本の町（みどり町）のデータファイルを作成しました: {path}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.common.check import check_file

    report = check_file(db_path(args))
    print("\n".join(report.lines))
    return 0 if report.ok else 1


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    def add(name: str, help_text: str, handler) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    init = add("init", "新しいデータファイルを作ります", _cmd_init)
    init.add_argument("--municipality", required=True, metavar="自治体名", help="自治体名（例: みどり町）")
    init.add_argument("--department", metavar="担当課", help="担当課（例: 建設課 住宅係）")
    add("sample", "見本の町（みどり町）のデータファイルを新しく作ります", _cmd_sample)
    add("check", "データファイルを点検します（このアプリのファイルか、形式の版、壊れていないか）", _cmd_check)

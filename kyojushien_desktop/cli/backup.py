"""``kyojushien backup list | restore``: the data file's backups, each checked, and putting one
back (the current file is kept beside it, never deleted)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kyojushien_desktop.cli.common import db_path


def _cmd_list(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.common.backups import list_backups

    found = list_backups(db_path(args))
    if not found:
        print(f"バックアップはまだありません: {db_path(args)}")
    for backup in found:
        print(f"{backup.when}\t{backup.kind_label}\t{backup.result}\t{backup.path}")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.common.backups import restore_backup

    restored = restore_backup(db_path(args), Path(args.backup))
    print(restored.message)
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser("backup", help="バックアップ", description="データファイルのバックアップの一覧と復元")
    sub = backup.add_subparsers(dest="backup_command", metavar="コマンド", required=True, parser_class=type(backup))
    listing = sub.add_parser(
        "list",
        parents=[common],
        help="バックアップを新しい順に1行に1つ（日時<TAB>種類<TAB>点検結果<TAB>場所）で表示します",
    )
    listing.set_defaults(handler=_cmd_list)
    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="バックアップをデータファイルに戻します（いまのファイルは同じフォルダに名前を変えて残します）",
    )
    restore.add_argument("backup", metavar="BACKUP", help="戻すバックアップのファイル（backup list で表示される場所）")
    restore.set_defaults(handler=_cmd_restore)

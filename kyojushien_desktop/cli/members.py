"""``kyojushien members …``: import, export and search the 構成員・関係団体名簿 headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kyojushien_desktop.cli.common import reading_session, write_pdf, writing_session
from kyojushien_desktop.domain.errors import UserFacingError


def _cmd_search(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.members.organizations import search_organizations

    with reading_session(args) as session:
        for row in search_organizations(session, args.query):
            print(f"{row.name}\t{row.category}\t{row.stage}")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.members import importing

    with writing_session(args) as session:
        preview = importing.preview_import(session, Path(args.file), sheet=args.sheet)
        if args.sheet is None and preview.other_header_sheets:
            names = "、".join(f"「{name}」" for name in [preview.sheet, *preview.other_header_sheets])
            raise UserFacingError(
                f"名簿の見出しがあるシートが複数あるため、何も取り込みませんでした（{names}）: {preview.path}",
                hint=f"取り込むシートを --sheet で指定してください（例: --sheet {preview.sheet}）。",
            )
        for skipped in preview.skipped:
            print(skipped.describe(), file=sys.stderr)
        for warning in preview.warnings:
            print(f"注意: {warning.describe()}", file=sys.stderr)
        for problem in preview.problems:
            print(problem.describe(), file=sys.stderr)
        if preview.problems and not args.skip_bad:
            print(
                f"問題のある行が {len(preview.bad_rows)} 行あるため、何も取り込みませんでした。"
                "直してからもう一度実行するか、--skip-bad を付けると問題のない行だけを取り込みます。",
                file=sys.stderr,
            )
            return 1
        result = importing.apply_import(session, preview, skip_bad=args.skip_bad, duplicates=args.duplicates)
        print(result.describe())
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.members import exporting

    if not args.xlsx and not args.pdf:
        raise UserFacingError("書き出し先を --xlsx OUT または --pdf OUT で指定してください。")
    with reading_session(args) as session:
        if args.xlsx:
            print(f"Excelに書き出しました: {exporting.export_xlsx(session, Path(args.xlsx))}")
        if args.pdf:
            path = write_pdf(lambda replace: exporting.export_pdf(session, Path(args.pdf), replace_unsupported=replace))
            print(f"PDFに書き出しました: {path}")
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    members = commands.add_parser(
        "members", help="構成員・関係団体名簿", description="構成員・関係団体名簿の取り込み・書き出し・検索"
    )
    sub = members.add_subparsers(dest="members_command", metavar="コマンド", required=True, parser_class=type(members))
    imp = sub.add_parser("import", parents=[common], help="Excel(.xlsx)・CSVの名簿を取り込みます")
    imp.add_argument("file", metavar="FILE", help="取り込むファイル（.xlsx または .csv）")
    imp.add_argument("--sheet", metavar="NAME", help="読むシートの名前（省略時は名簿の見出しがあるシート）")
    imp.add_argument("--skip-bad", action="store_true", help="問題のある行を飛ばして、問題のない行だけを取り込みます")
    imp.add_argument(
        "--duplicates",
        choices=["skip", "merge", "add"],
        default="skip",
        help="すでに名簿にある団体と同じとみられる行: skip=飛ばす（既定）, merge=空欄を補う, add=別の団体として追加",
    )
    imp.set_defaults(handler=_cmd_import)
    exp = sub.add_parser("export", parents=[common], help="名簿をExcelまたはPDFに書き出します")
    exp.add_argument("--xlsx", metavar="OUT", help="Excelファイルの書き出し先")
    exp.add_argument("--pdf", metavar="OUT", help="名簿PDF（A4横）の書き出し先")
    exp.set_defaults(handler=_cmd_export)
    search = sub.add_parser("search", parents=[common], help="名簿を検索し、1件1行（名称・区分・関係）で表示します")
    search.add_argument("query", metavar="QUERY", help="検索する言葉（名称・よみがな・担当者・備考・電話番号）")
    search.set_defaults(handler=_cmd_search)

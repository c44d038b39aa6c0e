"""``kyojushien diagnosis …``: 診断シートの実施回, the sheets to fill in (PDF or Excel), the filled
workbooks read back, and the comparison written out.

``compare --xlsx`` is timed by the bench as a whole process, so the services, reportlab and the
xlsx writer are imported inside the commands only.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from kyojushien_desktop.cli.common import reading_session, write_pdf, writing_session


def _cmd_rounds(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.diagnosis.rounds import list_rounds

    with reading_session(args) as session:
        for item in list_rounds(session):
            print(f"{item.id}\t{item.name}\t{item.held_on.isoformat()}\t{item.respondents}\t{item.answered}")
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日付は 2026-04-01 の形で指定してください: {text}") from None


def _cmd_new(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.diagnosis.rounds import new_round, save_round

    with writing_session(args) as session:
        round_id, _changes = save_round(session, new_round(args.name, args.date))
    print(f"実施回を作りました（番号 {round_id}）: {args.name}")
    return 0


def _cmd_sheet(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.diagnosis import rounds, sheets

    opener = writing_session if args.respondent else reading_session
    with opener(args) as session:
        rounds.get_round(session, args.round)
        person = sheets.respondent_named(session, args.round, args.respondent)[0] if args.respondent else None
        respondent_id = person.id if person else None
        who = f"{person.name}さんの" if person else "白紙の"
        if args.xlsx:
            path = sheets.export_sheet_xlsx(session, args.round, Path(args.xlsx), respondent_id)
            print(f"{who}診断シートをExcelに書き出しました: {path}")
        else:
            path = write_pdf(
                lambda replace: sheets.export_sheet_pdf(
                    session, args.round, Path(args.pdf), respondent_id, replace_unsupported=replace
                )
            )
            print(f"{who}診断シートをPDFに書き出しました: {path}")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.diagnosis import sheets

    with writing_session(args) as session:
        plan, _changes = sheets.import_workbooks(
            session, args.round, [Path(p) for p in args.files], replace=args.replace
        )
    print(f"診断シートを取り込みました（{len(plan.sheets)}件）: " + "、".join(s.name for s in plan.sheets))
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.diagnosis import exports

    with reading_session(args) as session:
        if args.xlsx:
            path = exports.export_comparison_xlsx(session, args.round, Path(args.xlsx), anonymous=args.anonymous)
            print(f"目線合わせの比較をExcelに書き出しました: {path}")
        else:
            path = write_pdf(
                lambda replace: exports.export_comparison_pdf(
                    session, args.round, Path(args.pdf), anonymous=args.anonymous, replace_unsupported=replace
                )
            )
            print(f"目線合わせの比較をPDFに書き出しました: {path}")
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    diagnosis = commands.add_parser(
        "diagnosis", help="目線合わせ診断シート", description="実施回の一覧と作成、診断シートの書き出しと取り込み、比較"
    )
    sub = diagnosis.add_subparsers(
        dest="diagnosis_command", metavar="コマンド", required=True, parser_class=type(diagnosis)
    )
    listing = sub.add_parser(
        "rounds",
        parents=[common],
        help="実施回を1行に1つ（番号<TAB>名前<TAB>実施日<TAB>回答者数<TAB>回答済み）で表示します",
    )
    listing.set_defaults(handler=_cmd_rounds)

    new = sub.add_parser("new", parents=[common], help="実施回を作ります")
    new.add_argument("--name", metavar="NAME", required=True, help="実施回の名前（例: 令和8年度 第1回）")
    new.add_argument("--date", metavar="YYYY-MM-DD", type=_date, help="実施日（省略時: 今日）")
    new.set_defaults(handler=_cmd_new)

    sheet = sub.add_parser("sheet", parents=[common], help="記入用の診断シートをExcelかPDFで書き出します")
    sheet.add_argument("--round", metavar="ID", type=int, required=True, help="実施回の番号")
    sheet.add_argument(
        "--respondent", metavar="NAME", help="回答者の氏名（いなければ実施回に加えます。省略時は白紙のシート）"
    )
    out = sheet.add_mutually_exclusive_group(required=True)
    out.add_argument("--xlsx", metavar="OUT", help="Excelファイル（シート「回答」）の書き出し先")
    out.add_argument("--pdf", metavar="OUT", help="A4の紙のシートの書き出し先")
    sheet.set_defaults(handler=_cmd_sheet)

    imports = sub.add_parser(
        "import", parents=[common], help="記入済みのExcelファイルを取り込みます（全部か、何もしないか）"
    )
    imports.add_argument("--round", metavar="ID", type=int, required=True, help="実施回の番号")
    imports.add_argument("--replace", action="store_true", help="すでに評価のある回答者の評価を置き換えます")
    imports.add_argument("files", metavar="FILE", nargs="+", help="記入済みの診断シート（.xlsx）")
    imports.set_defaults(handler=_cmd_import)

    compare = sub.add_parser("compare", parents=[common], help="回答の比較をExcelかPDFに書き出します")
    compare.add_argument("--round", metavar="ID", type=int, required=True, help="実施回の番号")
    out = compare.add_mutually_exclusive_group(required=True)
    out.add_argument("--xlsx", metavar="OUT", help="Excelファイル（項目×回答者の表）の書き出し先")
    out.add_argument("--pdf", metavar="OUT", help="A4横のPDFの書き出し先")
    compare.add_argument("--anonymous", action="store_true", help="回答者を A、B、C … で表します（配布用）")
    compare.set_defaults(handler=_cmd_compare)

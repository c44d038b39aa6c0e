"""``kyojushien hearing …``: question banks, printed ヒアリングシート and the answers compared.

The ``sheet`` command is timed by the bench (whole process under 0.8 s), so this module and the
services it reaches import no Qt and no xlsx code; reportlab only when the PDF is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from kyojushien_desktop.cli.common import reading_session, write_pdf
from kyojushien_desktop.domain.errors import UserFacingError


def _cmd_banks(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.hearing.question_banks import list_banks

    with reading_session(args) as session:
        for bank in list_banks(session):
            print(f"{bank.name}\t{bank.question_count}")
    return 0


def _cmd_sheet(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.hearing import visits
    from kyojushien_desktop.services.hearing.question_banks import find_bank

    if not args.visit and not args.bank:
        raise UserFacingError("質問バンクを --bank NAME で、または訪問を --visit ID で指定してください。")
    with reading_session(args) as session:
        bank_id = find_bank(session, args.bank).id if args.bank else None
        if args.visit:
            sheets = [visits.sheet_for_visit(session, visit_id, bank_id) for visit_id in args.visit]
            empty = [sheet.visit_id for sheet in sheets if not sheet.questions]
            if empty:
                raise UserFacingError(
                    f"質問が選ばれていない訪問があります（番号 {'、'.join(map(str, empty))}）。",
                    hint="--bank NAME を付けると、その質問バンクの質問でシートを作ります。",
                )
        else:
            assert bank_id is not None
            sheets = [visits.blank_sheet(session, bank_id)]
        path = write_pdf(
            lambda replace: visits.export_sheets_pdf(session, sheets, Path(args.pdf), replace_unsupported=replace)
        )
    print(f"ヒアリングシートを書き出しました（{len(sheets)}枚）: {path}")
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日付は 2026-04-01 の形で指定してください: {text}") from None


def _cmd_compare(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.hearing import comparison
    from kyojushien_desktop.services.hearing.question_banks import find_bank

    with reading_session(args) as session:
        bank = find_bank(session, args.bank)
        table = comparison.compare_table(session, bank.id, args.category, args.date_from, args.date_to)
        if args.xlsx:
            path = comparison.export_compare_xlsx(session, table, Path(args.xlsx))
            print(f"回答の比較をExcelに書き出しました（ヒアリング {len(table.rows)}件）: {path}")
        else:
            path = write_pdf(
                lambda replace: comparison.export_compare_pdf(
                    session, table, Path(args.pdf), replace_unsupported=replace
                )
            )
            print(f"回答のまとめをPDFに書き出しました（ヒアリング {len(table.rows)}件）: {path}")
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    hearing = commands.add_parser(
        "hearing", help="ヒアリング", description="質問バンクの一覧、ヒアリングシートの印刷、回答の比較"
    )
    sub = hearing.add_subparsers(dest="hearing_command", metavar="コマンド", required=True, parser_class=type(hearing))
    banks = sub.add_parser("banks", parents=[common], help="質問バンクを1行に1つ（名前<TAB>質問数）で表示します")
    banks.set_defaults(handler=_cmd_banks)

    sheet = sub.add_parser("sheet", parents=[common], help="ヒアリングシート（A4のPDF）を書き出します")
    sheet.add_argument("--bank", metavar="NAME", help="質問バンクの名前（--visit がなければ白紙のシートを作ります）")
    sheet.add_argument(
        "--visit", metavar="ID", type=int, action="append", help="訪問の番号（くり返し指定すると1つのPDFにまとめます）"
    )
    sheet.add_argument("--pdf", metavar="OUT", required=True, help="PDFの書き出し先")
    sheet.set_defaults(handler=_cmd_sheet)

    compare = sub.add_parser(
        "compare", parents=[common], help="質問バンクの回答を並べてExcelかPDF（まとめ）に書き出します"
    )
    compare.add_argument("--bank", metavar="NAME", required=True, help="質問バンクの名前")
    out = compare.add_mutually_exclusive_group(required=True)
    out.add_argument("--xlsx", metavar="OUT", help="Excelファイル（訪問×質問の表）の書き出し先")
    out.add_argument("--pdf", metavar="OUT", help="まとめPDF（質問ごとに回答を並べたもの）の書き出し先")
    compare.add_argument("--category", metavar="区分", help="団体の区分で絞り込みます（例: 不動産事業者・団体）")
    compare.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", type=_date, help="この日以降の訪問だけ")
    compare.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", type=_date, help="この日までの訪問だけ")
    compare.set_defaults(handler=_cmd_compare)

"""``kyojushien progress …``: the 21 到達の目安 a line each (id<TAB>状態<TAB>根拠の数<TAB>目安),
a 状態 set with its note and date, and the two papers (現在地レポート, 取組みの経過).

``progress report`` is timed by the bench (whole process under 0.8 s): no Qt here, reportlab only
when the file is written. The list format is read by scripts: keep it as it is."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from kyojushien_desktop.cli.common import reading_session, write_pdf, writing_session


def _cmd_list(args: argparse.Namespace) -> int:
    from kyojushien_desktop.content.phases import milestones
    from kyojushien_desktop.services.progress.progress import states

    with reading_session(args) as session:
        by_id = {s.milestone_id: s for s in states(session)}
    for m in milestones():
        state = by_id[m.id]
        print(f"{m.id}\t{state.status}\t{state.evidence_count}\t{m.text}")
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日付は YYYY-MM-DD の形で指定してください: {text}") from None


def _status(text: str) -> str:
    from kyojushien_desktop.domain.progress import STATUSES  # its module is heavy for every start-up

    if text not in STATUSES:
        raise argparse.ArgumentTypeError(f"状態は {'・'.join(STATUSES)} のどれかです: {text}")
    return text


def _cmd_set(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.progress.progress import check_milestone, set_status

    check_milestone(args.id)
    with writing_session(args) as session:
        set_status(session, args.id, args.status, on=args.date, note=args.note or "")
    print(f"到達の目安 {args.id} を「{args.status}」にしました。")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.progress import report

    with reading_session(args) as session:
        path = write_pdf(lambda replace: report.export_report_pdf(session, Path(args.pdf), replace_unsupported=replace))
    print(f"現在地レポートをPDFに書き出しました: {path}")
    return 0


def _cmd_timeline(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.progress import report

    with reading_session(args) as session:
        path = write_pdf(lambda replace: report.export_chart_pdf(session, Path(args.pdf), replace_unsupported=replace))
    print(f"取組みの経過をPDFに書き出しました: {path}")
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    progress = commands.add_parser(
        "progress",
        parents=[common],
        help="フェーズ進捗",
        description="到達の目安21項目を1行に1つ（番号<TAB>状態<TAB>根拠の数<TAB>目安）で表示します。"
        "状態の変更、現在地レポート・取組みの経過の書き出しはコマンドで指定します。",
    )
    progress.set_defaults(handler=_cmd_list)
    sub = progress.add_subparsers(dest="progress_command", metavar="コマンド", parser_class=type(progress))
    setting = sub.add_parser("set", parents=[common], help="到達の目安の状態を変えます（履歴に残ります）")
    setting.add_argument("id", metavar="ID", help="到達の目安の番号（1-1 … 4-5）")
    setting.add_argument("status", metavar="状態", type=_status, help="未着手・取組み中・達成")
    setting.add_argument("--note", metavar="TEXT", help="メモ（わかったこと・共有できたことなど）")
    setting.add_argument("--date", metavar="YYYY-MM-DD", type=_date, help="状態が変わった日（省略時: 今日）")
    setting.set_defaults(handler=_cmd_set)
    for name, help_text, handler in (
        ("report", "現在地レポート（A4のPDF）を書き出します", _cmd_report),
        ("timeline", "取組みの経過（A4のPDF、フェーズ別）を書き出します", _cmd_timeline),
    ):
        command = sub.add_parser(name, parents=[common], help=help_text)
        command.add_argument("--pdf", metavar="OUT", required=True, help="PDFの書き出し先")
        command.set_defaults(handler=handler)

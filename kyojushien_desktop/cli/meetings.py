"""``kyojushien meetings …``: the meetings a line each, and the papers of one meeting (開催レポート
as PDF or Word, the blank アンケート用紙, the 受付名簿 with the グループ表).

The ``report`` command is timed by the bench (whole process under 0.8 s), so this module and the
services it reaches import no Qt; reportlab or python-docx only when the file is written. The
``list`` format is read by scripts: keep it as it is.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kyojushien_desktop.cli.common import reading_session, write_pdf
from kyojushien_desktop.domain.errors import UserFacingError

if TYPE_CHECKING:
    from kyojushien_desktop.services.common.session import Session

MAX_COPIES = 500


def _cmd_list(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.meetings.meetings import list_meetings

    with reading_session(args) as session:
        for m in list_meetings(session):
            print(f"{m.id}\t{m.starts_at:%Y-%m-%d}\t{m.kind}\t{m.title}\t{m.status}")
    return 0


def _check_meeting(session: Session, meeting_id: int) -> str:
    """The meeting's 題名; an id that is not a live meeting is an error naming it."""
    from kyojushien_desktop.services.meetings.meetings import get_meeting

    try:
        meeting = get_meeting(session, meeting_id)
    except UserFacingError:
        raise UserFacingError(
            f"番号 {meeting_id} の会議は見つかりません。",
            hint="会議の番号は kyojushien meetings list で確かめてください。",
        ) from None
    if meeting.deleted_at:
        raise UserFacingError(
            f"番号 {meeting_id} の会議（{meeting.title}）は削除済みです。",
            hint="アプリの会議・勉強会の「削除済み」から元に戻すと、書き出せるようになります。",
        )
    return meeting.title


def _cmd_report(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.meetings import report

    with reading_session(args) as session:
        title = _check_meeting(session, args.meeting)
        if args.docx:
            path = report.export_report_docx(session, args.meeting, Path(args.docx))
            print(f"開催レポート（{title}）をWordに書き出しました: {path}")
        else:
            path = write_pdf(
                lambda replace: report.export_report_pdf(
                    session, args.meeting, Path(args.pdf), replace_unsupported=replace
                )
            )
            print(f"開催レポート（{title}）をPDFに書き出しました: {path}")
    return 0


def _cmd_survey_form(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.meetings import report

    with reading_session(args) as session:
        title = _check_meeting(session, args.meeting)
        path = write_pdf(
            lambda replace: report.export_survey_form_pdf(
                session, args.meeting, Path(args.pdf), args.copies, replace_unsupported=replace
            )
        )
    print(f"アンケート用紙（{title}、{args.copies}部）を書き出しました: {path}")
    return 0


def _cmd_roster(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.meetings import report

    with reading_session(args) as session:
        title = _check_meeting(session, args.meeting)
        path = write_pdf(
            lambda replace: report.export_roster_pdf(session, args.meeting, Path(args.pdf), replace_unsupported=replace)
        )
    print(f"受付名簿（{title}）を書き出しました: {path}")
    return 0


def _copies(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_COPIES:
        raise argparse.ArgumentTypeError(f"部数は1～{MAX_COPIES}の数で指定してください: {text}")
    return int(text)


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    meetings = commands.add_parser(
        "meetings",
        help="会議・勉強会",
        description="会議・勉強会の一覧、開催レポート・アンケート用紙・受付名簿の書き出し",
    )
    sub = meetings.add_subparsers(
        dest="meetings_command", metavar="コマンド", required=True, parser_class=type(meetings)
    )
    listing = sub.add_parser(
        "list", parents=[common], help="会議を1行に1つ（番号<TAB>日付<TAB>種類<TAB>題名<TAB>状態）で表示します"
    )
    listing.set_defaults(handler=_cmd_list)

    def meeting_command(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, parents=[common], help=help_text)
        command.add_argument(
            "--meeting", metavar="ID", type=int, required=True, help="会議の番号（kyojushien meetings list の1列目）"
        )
        return command

    report_command = meeting_command("report", "開催レポートをPDF（A4）かWord（.docx）に書き出します")
    out = report_command.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="OUT", help="PDFの書き出し先")
    out.add_argument("--docx", metavar="OUT", help="Word（.docx）の書き出し先（仕上げを手で直すとき）")
    report_command.set_defaults(handler=_cmd_report)

    form = meeting_command("survey-form", "参加者アンケートの用紙（A4のPDF、1部1ページ）を書き出します")
    form.add_argument("--pdf", metavar="OUT", required=True, help="PDFの書き出し先")
    form.add_argument("--copies", metavar="N", type=_copies, default=1, help="部数（既定: 1）")
    form.set_defaults(handler=_cmd_survey_form)

    roster = meeting_command("roster", "受付名簿（グループを作ってあればグループ表も）をPDFに書き出します")
    roster.add_argument("--pdf", metavar="OUT", required=True, help="PDFの書き出し先")
    roster.set_defaults(handler=_cmd_roster)

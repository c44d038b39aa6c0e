"""``kyojushien handover …``: the 引継書 (``report``), the package (``pack``), checking one
(``verify``) and placing a received one on this PC (``open``). The passphrase is read from a file
(``--passphrase-file``), never from the command line, where the shell's history would keep it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kyojushien_desktop.cli.common import db_path, reading_session, write_pdf
from kyojushien_desktop.domain.errors import UserFacingError

if TYPE_CHECKING:
    from kyojushien_desktop.domain.handover import Manifest


def _passphrase(args: argparse.Namespace) -> str | None:
    path = getattr(args, "passphrase_file", None)
    if path is None:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserFacingError(f"合言葉のファイルを読み取れません: {path}（{exc}）") from exc
    passphrase = text.rstrip("\r\n")
    if not passphrase:
        raise UserFacingError(f"合言葉のファイルが空です: {path}")
    return passphrase


def _needs_passphrase(path: Path, passphrase: str | None) -> None:
    from kyojushien_desktop.services.handover.package import is_encrypted

    if passphrase is None and is_encrypted(path):
        raise UserFacingError(
            f"この引き継ぎファイルは暗号化されています: {path}",
            hint="受け取った合言葉を書いたファイルを --passphrase-file で指定してください。",
        )


def _summary(manifest: Manifest) -> list[str]:
    from kyojushien_desktop.content.handover_terms import handover_terms
    from kyojushien_desktop.domain.wareki import format_datetime

    labels = {area.key: area.label for area in handover_terms().areas}
    maker = manifest.made_by + (f"（{manifest.department}）" if manifest.department else "")
    counts = "、".join(
        f"{labels.get(area, area)} {sum(tables.values()):,}件" for area, tables in manifest.row_counts.items()
    )
    return [
        f"自治体名: {manifest.municipality}",
        f"作った人: {maker or '（記録なし）'}",
        f"作成日時: {format_datetime(manifest.made_at)}（{manifest.made_on}）",
        f"アプリの版: {manifest.app_version}（データの形式 第{manifest.schema_version}版）",
        "個人情報: " + ("除いてあります" if manifest.without_personal_data else "含みます"),
        f"件数: {counts}",
    ]


def _cmd_report(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.handover import report

    with reading_session(args) as session:
        if args.pdf:
            path = write_pdf(
                lambda replace: report.export_report_pdf(session, Path(args.pdf), replace_unsupported=replace)
            )
            print(f"引継書をPDFに書き出しました: {path}")
        else:
            path = report.export_report_docx(session, Path(args.docx))
            print(f"引継書をWordの文書に書き出しました: {path}")
    return 0


def _cmd_pack(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.handover.package import pack

    passphrase = None if args.no_encryption else _passphrase(args)
    with reading_session(args) as session:
        packed = pack(session, Path(args.out), passphrase, without_personal_data=args.without_personal_data)
    print(f"引き継ぎファイルを作り、読み直して確かめました: {packed.path}（{packed.size:,}バイト）")
    if packed.encrypted:
        print("合言葉は、このファイルとは別の方法（手渡し・電話など）で伝えてください。")
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.handover.package import verify

    path = Path(args.file)
    passphrase = _passphrase(args)
    _needs_passphrase(path, passphrase)
    verified = verify(path, passphrase)
    print(f"引き継ぎファイルを確かめました。問題はありません: {path}")
    print("暗号化: " + ("あり（AES-256-GCM）" if verified.encrypted else "なし"))
    print("\n".join(_summary(verified.manifest)))
    return 0


def _cmd_open(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.handover.package import open_package

    if getattr(args, "db", None) is None:
        args.parser.error("受け取ったデータファイルの置き場所を --db で指定してください")
    path, dest = Path(args.file), db_path(args)
    passphrase = _passphrase(args)
    _needs_passphrase(path, passphrase)
    opened = open_package(path, passphrase, dest)
    print(f"引き継ぎファイルを確かめて、データファイルを置きました: {opened.path}")
    print("\n".join(_summary(opened.manifest)))
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    handover = commands.add_parser(
        "handover",
        help="引き継ぎ（引継書、引き継ぎファイル）",
        description="引継書を書き出し、引き継ぎファイルを作り、確かめ、開きます。",
    )
    subs = handover.add_subparsers(dest="handover_command", metavar="操作", required=True)

    def add(name: str, help_text: str, handler) -> argparse.ArgumentParser:
        sub = subs.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(handler=handler, parser=sub)
        return sub

    def passphrase_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--passphrase-file", metavar="F", help="合言葉を1行目に書いたファイル（合言葉はコマンドに直接書きません）"
        )

    paper = add("report", "引継書をPDFかWordの文書に書き出します", _cmd_report)
    out = paper.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="OUT", help="書き出すPDF（A4）")
    out.add_argument("--docx", metavar="OUT", help="書き出すWordの文書（手直しできます）")
    pack = add("pack", "引き継ぎファイル（.kyoju）を作り、読み直して確かめます", _cmd_pack)
    pack.add_argument("--out", required=True, metavar="FILE", help="作る引き継ぎファイル")
    how = pack.add_mutually_exclusive_group(required=True)
    how.add_argument("--passphrase-file", metavar="F", help="合言葉を1行目に書いたファイル（暗号化します）")
    how.add_argument("--no-encryption", action="store_true", help="暗号化しません（名簿の個人情報をだれでも読めます）")
    pack.add_argument(
        "--without-personal-data",
        action="store_true",
        help="氏名・電話番号・メールアドレスを除きます（県や近隣の市町村に渡すとき）",
    )
    verify = add("verify", "引き継ぎファイルを、何も書き込まずに確かめます", _cmd_verify)
    verify.add_argument("file", metavar="FILE", help="引き継ぎファイル")
    passphrase_option(verify)
    opening = add("open", "引き継ぎファイルを確かめ、データファイルを --db の場所に置きます", _cmd_open)
    opening.add_argument("file", metavar="FILE", help="引き継ぎファイル")
    passphrase_option(opening)

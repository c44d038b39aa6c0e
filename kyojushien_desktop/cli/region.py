"""``kyojushien region …``: the chapter-5 figures a line each (項目<TAB>年度<TAB>値<TAB>出典) and
the セーフティネット住宅 目安チェック a criterion a line (基準<TAB>適合|不適合|未確認<TAB>根拠).
Scripts read both formats: keep them as they are. ``sheet`` and ``referrals`` write the two A4
papers, ``resources`` the register as Excel, each saying where in one line."""

from __future__ import annotations

import argparse
from pathlib import Path

from kyojushien_desktop.cli.common import reading_session, write_pdf


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def _cmd_facts(args: argparse.Namespace) -> int:
    from kyojushien_desktop.content.region import region_guide
    from kyojushien_desktop.services.region.facts import cell_label, load_facts

    with reading_session(args) as session:
        sheet = load_facts(session)
    for table in region_guide().tables:
        for row in table.rows:
            for column in table.columns:
                if not table.applies(row.key, column):
                    continue
                for year in sheet.years:
                    fact = sheet.fact((table.key, row.key, column.key), year)
                    if fact is None:
                        continue
                    if fact.organization_id is not None:
                        value = sheet.organizations.get(fact.organization_id, "")
                    else:
                        value = _number(fact.number) if fact.number is not None else fact.text
                    label = cell_label(table, row.key, column.key, sheet.municipality)
                    print(f"{label}\t{year}\t{value}\t{fact.source}")
    return 0


def _area(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"面積は数で指定してください（㎡）: {text}") from None
    return value


def _count(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"人数は整数で指定してください: {text}") from None


def _cmd_sn_check(args: argparse.Namespace) -> int:
    from kyojushien_desktop.domain.housing_check import HousingFacts
    from kyojushien_desktop.services.region.checks import run_check

    shared_house = args.residents is not None
    if shared_house and (args.room_area is None or args.total_area is None):
        args.parser.error("共同居住型は --residents と一緒に --room-area と --total-area を指定してください")
    if not shared_house and (args.room_area is not None or args.total_area is not None):
        args.parser.error("--room-area と --total-area は --residents（共同居住型の居住人数）と一緒に指定してください")
    facts = HousingFacts(
        area=args.area,
        shared_facilities=True if args.shared_facilities else None,
        residents=args.residents,
        room_area=args.room_area,
        total_area=args.total_area,
    )
    sn = run_check(facts)[0]
    for judgement in sn.judgements:
        print(f"{judgement.criterion.label}\t{judgement.result}\t{judgement.reason}")
    return 0


def _cmd_sheet(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.region.exports import export_facts_pdf

    with reading_session(args) as session:
        path = write_pdf(lambda replace: export_facts_pdf(session, Path(args.pdf), replace_unsupported=replace))
    print(f"わがまちの現状をPDFに書き出しました: {path}")
    return 0


def _cmd_referrals(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.region.exports import export_referrals_pdf

    with reading_session(args) as session:
        path = write_pdf(lambda replace: export_referrals_pdf(session, Path(args.pdf), replace_unsupported=replace))
    print(f"つなぎ先一覧をPDFに書き出しました: {path}")
    return 0


def _cmd_resources(args: argparse.Namespace) -> int:
    from kyojushien_desktop.services.region.exports import export_resources_xlsx

    with reading_session(args) as session:
        path = export_resources_xlsx(session, Path(args.xlsx))
    print(f"地域資源一覧をExcelに書き出しました: {path}")
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    region = commands.add_parser(
        "region",
        help="わがまちの現状と地域資源",
        description="わがまちの基礎データ、つなぎ先一覧、住宅の目安チェック。",
    )
    subs = region.add_subparsers(dest="region_command", metavar="操作", required=True)

    def add(name: str, help_text: str, handler) -> argparse.ArgumentParser:
        sub = subs.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(handler=handler, parser=sub)
        return sub

    add("facts", "わがまちの基礎データを1行に1つ表示します（項目・年度・値・出典、タブ区切り）", _cmd_facts)
    sn = add(
        "sn-check", "セーフティネット住宅の登録基準の目安を確かめます（基準・結果・根拠、タブ区切り）", _cmd_sn_check
    )
    sn.add_argument("--area", type=_area, metavar="M2", help="住戸の床面積（㎡）")
    sn.add_argument(
        "--shared-facilities",
        action="store_true",
        help="共用部分の台所・収納設備・浴室等で、各戸と同等以上の環境がある",
    )
    sn.add_argument("--residents", type=_count, metavar="N", help="共同居住型（シェアハウス）の居住人数")
    sn.add_argument("--room-area", type=_area, metavar="M2", help="共同居住型の専用居室の面積（㎡）")
    sn.add_argument("--total-area", type=_area, metavar="M2", help="共同居住型の住宅全体の面積（㎡）")
    for name, help_text, handler in (
        ("sheet", "わがまちの現状（A4のPDF、年度ごとの数字と増減・出典）を書き出します", _cmd_sheet),
        ("referrals", "つなぎ先一覧（A4のPDF、主たる課題ごとの公的相談機関）を書き出します", _cmd_referrals),
    ):
        add(name, help_text, handler).add_argument("--pdf", metavar="OUT", required=True, help="PDFの書き出し先")
    add("resources", "地域資源の一覧をExcelに書き出します（削除済みは除く）", _cmd_resources).add_argument(
        "--xlsx", metavar="OUT", required=True, help="Excelファイルの書き出し先"
    )

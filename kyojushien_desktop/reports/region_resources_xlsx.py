"""地域資源 as an Excel workbook: the register as the screen shows it (filtered), a row per
resource with the organisations involved and their roles, the 登録・認定日 a real date shown in
和暦; text that looks like a formula stays text (the app's own writer, reports/xlsx)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.region_papers import ResourceRow
from kyojushien_desktop.reports.xlsx.sheet import Column, PrintSetup
from kyojushien_desktop.reports.xlsx.workbook import Workbook, write_workbook

TITLE = "地域資源一覧"
SHEET = "地域資源"
COLUMNS = [
    Column("種類", 22, wrap=True),
    Column("名前", 28, wrap=True),
    Column("所在地", 26, wrap=True),
    Column("戸数", 7),
    Column("対象の要配慮者", 26, wrap=True),
    Column("関係する団体（役割）", 40, wrap=True),
    Column("登録・認定日", 16, date=True),
    Column("備考", 40, wrap=True),
]


def write_resources_xlsx(
    rows: list[ResourceRow],
    path: Path,
    *,
    municipality: str,
    created: dt.date,
    filter_note: str = "",
    progress: Progress = SILENT,
) -> Path:
    """Writes one sheet 「地域資源」 with a frozen header, autofilter and A4 landscape print setup;
    each row is a step of ``progress``. Returns ``path``."""
    setup = PrintSetup(
        header=f"{municipality}　{TITLE}".lstrip("　"),
        footer=f"{wareki.format_date(created)} 作成",
        title_columns=2,
        frozen_columns=2,
    )

    def fill(workbook: Workbook) -> None:
        progress.begin("Excelに書き出しています", len(rows))
        with workbook.sheet(SHEET, COLUMNS, setup) as sheet:
            for row in rows:
                sheet.append(
                    [
                        row.kind,
                        row.name,
                        row.address,
                        row.units,
                        "、".join(row.targets),
                        "\n".join(row.organizations),
                        row.registered_on,
                        row.notes,
                    ],
                    record=row.name,
                )
                progress.step()

    return write_workbook(path, fill, title=f"{municipality} {TITLE}".strip(), created=created, description=filter_note)

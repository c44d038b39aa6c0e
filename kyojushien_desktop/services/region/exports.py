"""The region area's papers and workbook: 地域資源 as .xlsx, the つなぎ先一覧 and わがまちの現状 as
A4 PDF. Placeholder signatures for the screens; the papers' helper writes the real module."""

from __future__ import annotations

from pathlib import Path

from kyojushien_desktop.domain.region import Resource
from kyojushien_desktop.services.common.session import Session


def export_resources_xlsx(session: Session, path: Path, items: list[Resource]) -> Path:
    """The shown 地域資源 (``items``, as filtered on screen) as one sheet."""
    raise NotImplementedError


def export_referrals_pdf(session: Session, path: Path) -> Path:
    """The つなぎ先一覧 on A4 for landlords and 居住支援法人."""
    raise NotImplementedError


def export_facts_pdf(session: Session, path: Path) -> Path:
    """わがまちの現状: the four tables over the years, on A4."""
    raise NotImplementedError

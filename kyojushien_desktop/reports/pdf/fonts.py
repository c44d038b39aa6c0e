"""The bundled Japanese font for reportlab, so every PDF embeds the same letters as the screens."""

from __future__ import annotations

import functools

from kyojushien_desktop.paths import resource_path

FONT_NAME = "IPAexGothic"


@functools.cache
def register_japanese_font() -> str:
    """Registers IPAexゴシック (TrueType, embedded as a subset) once; returns its reportlab name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT_NAME, str(resource_path("fonts", "ipaexg.ttf"))))
    return FONT_NAME

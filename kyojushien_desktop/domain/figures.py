"""Figures as Japanese statistics print them, one way for the screen and the paper: 17,820 (12.5
where a figure is not whole) and a change as +120, ▲35 or ±0."""

from __future__ import annotations


def number_text(value: float | None) -> str:
    """17,820 (and 12.5 where a figure is not whole); nothing for no figure."""
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def change_text(value: float | None) -> str:
    """+120, ▲35 or ±0 (▲ is how a decrease is printed in Japanese tables); nothing for no change."""
    if value is None:
        return ""
    if value == 0:
        return "±0"
    return ("+" if value > 0 else "▲") + number_text(abs(value))

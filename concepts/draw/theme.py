"""Colours for drawings: one palette, a light and a dark theme.

The series colours are the Okabe–Ito palette (Okabe and Ito, "Color
Universal Design", 2008), which stays distinguishable for the common
forms of colour blindness. The dark theme uses lighter variants of the
same hues so they keep their contrast on a dark background.
"""

from __future__ import annotations

THEMES = ("light", "dark", "auto")

_LIGHT = {
    "bg": "#ffffff",
    "fg": "#1f2328",
    "muted": "#59636e",
    "grid": "#d8dee4",
    "axis": "#59636e",
    "series": ["#0072B2", "#E69F00", "#009E73", "#D55E00",
               "#CC79A7", "#56B4E9", "#B8A200", "#7F7F7F"],
}

_DARK = {
    "bg": "#16181d",
    "fg": "#e6edf3",
    "muted": "#9198a1",
    "grid": "#30363d",
    "axis": "#9198a1",
    "series": ["#56B4E9", "#E69F00", "#2EC4A0", "#FF8A3D",
               "#E19BC4", "#7FA8FF", "#F0E442", "#B0B0B0"],
}

SERIES_COUNT = len(_LIGHT["series"])


def _rules(colours: dict) -> str:
    rules = [
        f".bg{{fill:{colours['bg']}}}",
        f"text{{fill:{colours['fg']}}}",
        f".fg{{fill:{colours['fg']}}}",
        f".muted{{fill:{colours['muted']}}}",
        f".grid{{stroke:{colours['grid']}}}",
        f".axis{{stroke:{colours['axis']}}}",
        f".line-fg{{stroke:{colours['fg']}}}",
        f".stroke-bg{{stroke:{colours['bg']}}}",
    ]
    for index, colour in enumerate(colours["series"]):
        rules.append(f".s{index}{{fill:{colour}}}")
        rules.append(f".t{index}{{stroke:{colour}}}")

    return "".join(rules)


def stylesheet(theme: str) -> str:
    """Return the CSS for ``theme``: fixed light, fixed dark, or ``auto``,
    which follows the reader's ``prefers-color-scheme``.
    """
    base = (
        "text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,"
        "'Noto Sans','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',"
        "sans-serif}"
        ".grid,.axis,.line-fg{fill:none}"
    )
    if theme == "dark":
        return base + _rules(_DARK)

    if theme == "auto":
        return (
            base
            + _rules(_LIGHT)
            + "@media (prefers-color-scheme:dark){"
            + _rules(_DARK)
            + "}"
        )

    return base + _rules(_LIGHT)

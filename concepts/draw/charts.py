"""Axes, bar charts, line charts and legends on top of ``Svg``."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..text import fmt
from .svg import Svg, text_width


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Return round tick values covering [low, high], about ``count`` of them."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low]

    raw = (high - low) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9) * step
    # Ticks are computed by index, not by repeated addition, and capped, so a
    # step below the float spacing of the values cannot loop forever.
    count = min(int(math.floor((high - first) / step + 1e-9)) + 1, 50)
    ticks = []
    for index in range(max(count, 1)):
        value = round(first + index * step, 12) + 0.0
        if not ticks or value != ticks[-1]:
            ticks.append(value)

    return ticks


@dataclass
class Axes:
    """A plotting rectangle that maps data coordinates to pixels."""

    left: float
    top: float
    width: float
    height: float
    x_min: float
    x_max: float
    y_min: float
    y_max: float

    def x(self, value: float) -> float:
        span = self.x_max - self.x_min or 1.0
        return self.left + (value - self.x_min) / span * self.width

    def y(self, value: float) -> float:
        span = self.y_max - self.y_min or 1.0
        clipped = min(max(value, self.y_min), self.y_max)
        return self.top + self.height - (clipped - self.y_min) / span * self.height

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def right(self) -> float:
        return self.left + self.width


def draw_y_axis(svg: Svg, axes: Axes, ticks: list[float], label: str) -> None:
    """Draw horizontal grid lines with tick labels and a rotated axis label."""
    for tick in ticks:
        y = axes.y(tick)
        svg.line(axes.left, y, axes.right, y, class_="grid", stroke_width=1.0)
        svg.text(axes.left - 6, y + 4, fmt(tick, 3), size=11, anchor="end",
                 class_="muted")

    svg.line(axes.left, axes.top, axes.left, axes.bottom, class_="axis")
    middle = axes.top + axes.height / 2
    svg.text(axes.left - 42, middle, label, size=12, anchor="middle",
             transform=f"rotate(-90 {axes.left - 42:.1f} {middle:.1f})")


def draw_x_axis(svg: Svg, axes: Axes, ticks: list[float], label: str) -> None:
    """Draw the baseline, tick labels under it and the axis label."""
    svg.line(axes.left, axes.bottom, axes.right, axes.bottom, class_="axis")
    for tick in ticks:
        x = axes.x(tick)
        svg.line(x, axes.bottom, x, axes.bottom + 4, class_="axis")
        svg.text(x, axes.bottom + 17, fmt(tick, 3), size=11, anchor="middle",
                 class_="muted")

    svg.text(axes.left + axes.width / 2, axes.bottom + 34, label, size=12,
             anchor="middle")


@dataclass
class BarSeries:
    """One series of a bar chart; ``None`` values are skipped, ``inf`` hits the top."""

    name: str
    values: list[float | None]
    colour: int


def draw_bars(svg: Svg, axes: Axes, labels: list[str], series: list[BarSeries],
              *, value_labels: bool = True) -> None:
    """Draw grouped bars, one group per label, with category labels below.

    Category labels are thinned so that they never overlap, and values
    are written above bars only while there is room for them.
    """
    count = max(len(labels), 1)
    slot = axes.width / count
    group_width = slot * 0.8
    bar_width = group_width / max(len(series), 1)
    show_values = value_labels and bar_width >= 26
    label_every = _label_stride(labels, slot)

    for index, label in enumerate(labels):
        group_left = axes.left + index * slot + (slot - group_width) / 2
        for position, item in enumerate(series):
            value = item.values[index]
            if value is None:
                continue
            x = group_left + position * bar_width
            top = axes.top if math.isinf(value) else axes.y(value)
            svg.rect(x, top, max(bar_width - 1, 0.5), axes.bottom - top,
                     class_=f"s{item.colour}")
            if show_values or math.isinf(value):
                svg.text(x + bar_width / 2, top - 4, fmt(value, 3), size=10,
                         anchor="middle", class_="muted")

        if index % label_every == 0:
            shown = _shorten(label, slot * label_every)
            svg.text(axes.left + (index + 0.5) * slot, axes.bottom + 15, shown,
                     size=11, anchor="middle", tooltip=label if shown != label else None)

    svg.line(axes.left, axes.bottom, axes.right, axes.bottom, class_="axis")


def _label_stride(labels: list[str], slot: float) -> int:
    widest = max((text_width(label, 11) for label in labels), default=0)
    widest = min(widest, 90)
    return max(1, math.ceil((widest + 6) / max(slot, 1e-9)))


def _shorten(label: str, room: float) -> str:
    if text_width(label, 11) <= room - 4:
        return label

    while label and text_width(label + "…", 11) > room - 4:
        label = label[:-1]

    return label + "…" if label else "…"


def draw_line(svg: Svg, axes: Axes, points: list[tuple[float, float]], colour: int,
              *, width: float = 2.0, dash: str | None = None,
              opacity: float | None = None) -> None:
    """Draw a polyline in data coordinates, skipping non-finite points."""
    pixels = [(axes.x(x), axes.y(y)) for x, y in points
              if math.isfinite(x) and math.isfinite(y)]
    if len(pixels) >= 2:
        svg.polyline(pixels, class_=f"t{colour}", fill="none", stroke_width=width,
                     stroke_dasharray=dash, stroke_opacity=opacity)


def draw_legend(svg: Svg, x: float, y: float, entries: list[tuple[str, int]],
                *, kind: str = "box") -> float:
    """Draw legend entries left to right from (x, y); return the width used."""
    start = x
    for name, colour in entries:
        if kind == "line":
            svg.line(x, y - 4, x + 18, y - 4, class_=f"t{colour}", stroke_width=2.5)
            x += 24
        else:
            svg.rect(x, y - 10, 12, 12, class_=f"s{colour}")
            x += 17
        svg.text(x, y, name, size=12)
        x += text_width(name, 12) + 16

    return x - start

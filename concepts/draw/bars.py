"""Bar strips: an array drawn as one bar per element, heights from the values.

Used for frames of a process on an array (sorting). When there are more
elements than half the pixel columns, each pixel column is filled from
the smallest to the largest value that falls in it (and to the baseline).
A strip of thousands of elements then stays a few kilobytes and still
shows the array's shape.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .svg import Svg, num


@dataclass(frozen=True)
class Strip:
    """A strip's box in pixels and the value range that its height covers."""

    left: float
    top: float
    width: float
    height: float
    low: float
    high: float

    def y(self, value: float) -> float:
        span = self.high - self.low
        return self.top + (self.high - value) / span * self.height

    @property
    def baseline(self) -> float:
        return self.y(0.0)

    def slot(self, count: int) -> float:
        return self.width / max(count, 1)


def strip(left, top, width, height, values: list) -> Strip:
    """Return a strip whose range covers ``values`` and 0."""
    low = min([0.0, *values])
    high = max([0.0, *values])
    if high == low:
        high = low + 1.0

    return Strip(left, top, width, height, float(low), float(high))


def draw_strip(svg: Svg, box: Strip, values: list, marks: dict[int, str] | None = None,
               *, colour: int = 0) -> None:
    """Draw ``values`` as bars in ``box``; ``marks`` maps an index to the
    fill class of a highlighted bar (such as ``"s3"``).
    """
    marks = marks or {}
    if len(values) <= box.width / 2:
        _draw_bars(svg, box, values, marks, colour)
    else:
        _draw_columns(svg, box, values, marks, colour)

    svg.line(box.left, box.baseline, box.left + box.width, box.baseline, class_="axis")


def _draw_bars(svg, box, values, marks, colour) -> None:
    # Plain bars are one path of vertical strokes, about a third of the
    # bytes of one <rect> each; marked bars are drawn over them as rects.
    slot = box.slot(len(values))
    gap = 1.0 if slot >= 4 else 0.0
    base = box.baseline
    strokes = []
    for index, value in enumerate(values):
        if index in marks:
            continue
        x = box.left + index * slot + (slot - gap) / 2
        strokes.append(f"M{num(x)} {num(base)}V{num(_tip(box, value))}")
    if strokes:
        svg.path("".join(strokes), class_=f"t{colour}", stroke_width=slot - gap,
                 fill="none")

    for index, style in sorted(marks.items()):
        if 0 <= index < len(values):
            tip = _tip(box, values[index])
            svg.rect(box.left + index * slot, min(tip, base), slot - gap,
                     abs(tip - base), class_=style)


def _tip(box: Strip, value: float) -> float:
    """Return the y of a bar's end, at least half a pixel from the baseline."""
    y = box.y(value)
    if value != 0 and abs(y - box.baseline) < 0.5:
        y = box.baseline + (-0.5 if value > 0 else 0.5)
    return y


def _draw_columns(svg, box, values, marks, colour) -> None:
    """Fill the area between the lowest and highest value of each pixel column."""
    columns = max(1, math.floor(box.width))
    per_column = len(values) / columns
    # Strip.y inlined, with the same arithmetic: a wide strip has hundreds
    # of columns and a request can draw a few dozen strips.
    top, high, height, span = box.top, box.high, box.height, box.high - box.low
    tops, bottoms = [], []
    start = 0
    for column in range(columns):
        stop = math.floor((column + 1) * per_column)
        chunk = values[start:stop] or [0.0]
        start = stop
        tops.append(top + (high - max(0.0, max(chunk))) / span * height)
        bottoms.append(top + (high - min(0.0, min(chunk))) / span * height)

    outline = [f"M{num(box.left)} {bottoms[0]:.1f}"]
    previous = None
    for column, y in enumerate(tops):
        if y != previous:
            outline.append(f"V{y:.1f}")
        outline.append(f"H{num(box.left + column + 1)}")
        previous = y
    if len(set(bottoms)) == 1:
        outline.append(f"V{bottoms[0]:.1f}")
    else:
        for column in range(columns - 1, -1, -1):
            outline.append(f"V{bottoms[column]:.1f}H{num(box.left + column)}")
    svg.path("".join(outline) + "Z", class_=f"s{colour}")

    for index, style in sorted(marks.items()):
        x = box.left + (index + 0.5) / per_column
        svg.rect(x - 1.5, box.top, 3, box.height, class_=style)

"""Drawing of the Fisher information concept.

The SVG shows the log-likelihood of simulated samples and of the data
around the true parameter, over the expected parabola.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..base import Outcome
from ..draw.charts import Axes, draw_x_axis, draw_y_axis, nice_ticks
from ..draw.svg import Svg, text_width
from ..text import fmt
from .fisher_text import explain

if TYPE_CHECKING:
    from .fisher import _Facts


# HEIGHT fits one legend row; draw() grows the drawing for more rows and notes.
WIDTH, HEIGHT = 640, 368
_PLOT_LEFT, _PLOT_TOP, _PLOT_WIDTH, _PLOT_HEIGHT = 70, 44, 548, 250
_LEGEND_TOP = 352
# Vertical range of the relative log-likelihood. Curves end where they fall
# below -6, which the expected parabola reaches about 3.5 standard errors
# from its peak. The band above 0 contains the labels because no curve rises there.
_Y_MIN, _Y_MAX = -6.0, 1.0
_CURVE_POINTS = 61
# Half-width of the window in standard errors 1/sqrt(n·I). It widens to
# show estimates up to _MAX_REACH away. Estimates further out get a note.
_REACH, _MAX_REACH = 4.0, 12.0
_SAMPLE_COLOURS = (0, 1, 2, 4, 5)
# Radius of the dot on each estimate's peak, and the free space that the
# curvature label keeps from such a dot on either side, in pixels.
_MARKER_RADIUS = 3.2
_MARKER_CLEARANCE = _MARKER_RADIUS + 8


@dataclass
class _View:
    """The window of parameter values that the drawing covers.

    ``theta`` is the grid of parameter values. The x axis shows ``theta``
    itself, or ``theta - theta0`` when ``offset`` is set.
    """

    theta: np.ndarray
    theta0: float
    axes: Axes
    offset: bool
    drawable: bool
    curvature: float

    def x(self, theta: float) -> float:
        return self.axes.x(theta - self.theta0 if self.offset else theta)

    def contains(self, theta: float) -> bool:
        return bool(self.theta[0] <= theta <= self.theta[-1])


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the log-likelihood of simulated samples (and of the data) around the
    true parameter, each shifted to peak at 0, over the expected parabola.
    """
    # Imported here because fisher imports this module at load time.
    from .fisher import SIMULATED_SAMPLES

    facts: _Facts = outcome.facts
    words = _DRAW_WORDS[lang]
    model = facts.model
    title = _drawing_title(facts, lang)
    svg = Svg(WIDTH, HEIGHT, title=title, desc=explain(outcome, lang).summary,
              theme=theme)
    svg.text(16, 26, title, size=15, font_weight="bold")

    view = _view(facts)
    draw_y_axis(svg, view.axes, nice_ticks(_Y_MIN, 0.0, 3), words["y_label"])
    _draw_x_ticks(svg, view, facts, words)
    legend = [("samples", words["samples"].format(count=SIMULATED_SAMPLES,
                                                  seed=facts.seed)),
              ("expected", f"-n·I·({model.symbol}-{model.symbol}₀)²/2"),
              ("estimate", words["estimate"])]
    if facts.data is not None:
        legend.append(("data", words["data"]))
    notes = []
    if view.drawable:
        with np.errstate(all="ignore"):
            notes = _draw_curves(svg, view, facts, words)
    else:
        notes.append(words["too_narrow"])

    baseline = _draw_legend(svg, legend, 16, _LEGEND_TOP)
    for note in notes:
        baseline += 20
        svg.text(16, baseline, note, size=12, class_="muted")
    # The legend and the notes take one to four rows, so the height follows them.
    svg.height = baseline + 16
    return svg.render()


def _draw_curves(svg: Svg, view: _View, facts: _Facts, words: dict) -> list[str]:
    """Draw the curves, estimates and labels, and return notes for below the chart."""
    model = facts.model
    axes = view.axes
    theta_x = view.x(model.theta)
    svg.line(theta_x, axes.top, theta_x, axes.bottom, class_="axis", stroke_width=1.2)
    estimates = []
    for index, total in enumerate(facts.simulated_totals):
        colour = _SAMPLE_COLOURS[index % len(_SAMPLE_COLOURS)]
        _draw_curve(svg, view, lambda theta, total=total: model.relative(facts.n, total, theta),
                    class_=f"t{colour}", stroke_width=1.8)
        estimates.append((model.mle(facts.n, total), f"t{colour}", f"s{colour}"))

    _draw_curve(svg, view, lambda theta: -0.5 * view.curvature * (theta - model.theta) ** 2,
                class_="line-fg", stroke_width=2.2, stroke_dasharray="7 5")
    notes = []
    if facts.data is not None:
        count = len(facts.data)
        _draw_curve(svg, view, lambda theta: model.relative(count, facts.data_total, theta),
                    class_="line-fg", stroke_width=3.2)
        data_estimate = model.mle(count, facts.data_total)
        estimates.append((data_estimate, "line-fg", "fg"))
        if not view.contains(data_estimate):
            notes.append(words["off_chart"].format(value=fmt(data_estimate)))

    marker_xs = []
    for estimate, stroke, fill in estimates:
        if view.contains(estimate):
            x, top = view.x(estimate), axes.y(0.0)
            svg.line(x, top, x, axes.bottom, class_=stroke, stroke_width=1.4,
                     stroke_dasharray="1.5 3")
            svg.circle(x, top, _MARKER_RADIUS, class_=fill)
            marker_xs.append(x)
    notes.extend(_draw_top_labels(svg, view, facts, words, theta_x, marker_xs))
    return notes


def _drawing_title(facts: _Facts, lang: str) -> str:
    symbol = facts.model.symbol
    theta = fmt(facts.model.theta)
    if lang == "zh":
        name = _DRAW_WORDS["zh"]["names"][facts.distribution]
        return f"{name}分布在 {symbol}₀ = {theta} 附近的对数似然，n = {facts.n}"
    name = _DRAW_WORDS["en"]["names"][facts.distribution]
    return f"{name} log-likelihood near {symbol}₀ = {theta}, n = {facts.n}"


def _view(facts: _Facts) -> _View:
    """Choose the window: four standard errors either side of the true
    parameter, widened to show the estimates and cut at the parameter's range.
    """
    model = facts.model
    theta0 = model.theta
    with np.errstate(all="ignore"):
        curvature = facts.n * model.information()
        error = 1.0 / math.sqrt(curvature) if curvature > 0 else math.inf

    estimates = [model.mle(facts.n, total) for total in facts.simulated_totals]
    if facts.data is not None:
        estimates.append(model.mle(len(facts.data), facts.data_total))

    reach = _REACH
    for estimate in estimates:
        distance = abs(estimate - theta0) / error * 1.1 if error > 0 else math.inf
        if distance <= _MAX_REACH:
            reach = max(reach, distance)

    low = max(theta0 - reach * error, model.lower)
    high = min(theta0 + reach * error, model.upper)
    theta = np.linspace(low, high, _CURVE_POINTS)
    drawable = (0 < error < math.inf and bool(np.all(np.isfinite(theta)))
                and bool(np.all(np.diff(theta) > 0)))
    # Tick labels of the parameter itself would all read the same when the
    # window is narrow compared with its distance from 0, so such windows are
    # labelled as offsets from the true parameter.
    offset = drawable and (high - low) < 1e-3 * abs(theta0)
    if not drawable:
        x_min, x_max = 0.0, 1.0
    elif offset:
        x_min, x_max = low - theta0, high - theta0
    else:
        x_min, x_max = low, high
    axes = Axes(_PLOT_LEFT, _PLOT_TOP, _PLOT_WIDTH, _PLOT_HEIGHT,
                float(x_min), float(x_max), _Y_MIN, _Y_MAX)
    return _View(theta, theta0, axes, bool(offset), drawable, curvature)


def _draw_x_ticks(svg: Svg, view: _View, facts: _Facts, words: dict) -> None:
    symbol = facts.model.symbol
    if view.offset:
        label = f"{symbol} - {fmt(facts.model.theta)}"
    elif facts.distribution == "normal":
        label = words["normal_axis"].format(sigma=fmt(facts.values["sigma"]))
    elif facts.distribution == "exponential":
        label = words["rate_axis"]
    else:
        label = symbol
    ticks = nice_ticks(view.axes.x_min, view.axes.x_max, 6) if view.drawable else []
    draw_x_axis(svg, view.axes, ticks, label)


def _draw_curve(svg: Svg, view: _View, evaluate, **attributes) -> None:
    """Draw ``evaluate`` over the window, only where it is at or above _Y_MIN.

    Each visible run ends where the curve crosses _Y_MIN, found by linear
    interpolation between grid points, or by bisection when the next grid
    value is -inf (the log-likelihood at the edge of the parameter range).
    """
    theta = view.theta
    values = evaluate(theta)
    visible = values >= _Y_MIN  # False for NaN
    axes = view.axes
    runs = []
    index = 0
    while index < len(theta):
        if not visible[index]:
            index += 1
            continue
        start = index
        while index < len(theta) and visible[index]:
            index += 1
        run = [(float(theta[i]), float(values[i])) for i in range(start, index)]
        if start > 0:
            run.insert(0, _crossing(evaluate, theta[start - 1], values[start - 1],
                                    theta[start], values[start]))
        if index < len(theta):
            run.append(_crossing(evaluate, theta[index], values[index],
                                 theta[index - 1], values[index - 1]))
        if len(run) >= 2:
            runs.append(run)

    for run in runs:
        svg.path(_path_data([(view.x(t), axes.y(v)) for t, v in run]), fill="none",
                 **attributes)


def _path_data(pixels: list[tuple[float, float]]) -> str:
    """Return SVG path data through ``pixels`` in relative steps of 0.1 px.

    Positions are rounded to tenths before taking differences, so rounding
    errors do not add up along the path.
    """
    tenths = [(round(x * 10), round(y * 10)) for x, y in pixels]
    parts = [f"M{_tenths(tenths[0][0])},{_tenths(tenths[0][1])}l"]
    steps = []
    for (x0, y0), (x1, y1) in zip(tenths, tenths[1:]):
        steps.append(f"{_tenths(x1 - x0)},{_tenths(y1 - y0)}")
    return parts[0] + " ".join(steps)


def _tenths(value: int) -> str:
    sign = "-" if value < 0 else ""
    whole, fraction = divmod(abs(value), 10)
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


def _crossing(evaluate, below_theta, below_value, above_theta, above_value):
    """Return the point between a grid point below _Y_MIN and one at or above
    it where the curve equals _Y_MIN.
    """
    if math.isfinite(below_value):
        fraction = (above_value - _Y_MIN) / (above_value - below_value)
        return (float(above_theta + (below_theta - above_theta) * fraction), _Y_MIN)

    below, above = float(below_theta), float(above_theta)
    for _ in range(30):
        middle = (below + above) / 2
        if evaluate(np.array([middle]))[0] >= _Y_MIN:
            above = middle
        else:
            below = middle
    return (above, _Y_MIN)


def _draw_top_labels(svg: Svg, view: _View, facts: _Facts, words: dict,
                     theta_x: float, marker_xs: list[float]) -> list[str]:
    """Label the true parameter and the curvature in the empty band above 0.

    The curvature label goes to the right or the left end of the band. It
    keeps clear of the true parameter's label and of the dots on the
    estimates' peaks at x positions ``marker_xs``, so that it does not seem
    to label one of them. When neither end has room it is returned as a
    note instead.
    """
    axes = view.axes
    baseline = axes.top + 20
    theta_label = f"{facts.model.symbol}₀ = {fmt(facts.model.theta)}"
    theta_width = text_width(theta_label, 12)
    if theta_x + 6 + theta_width <= axes.right - 4:
        occupied = (theta_x, theta_x + 6 + theta_width)
        svg.text(theta_x + 6, baseline, theta_label, size=12)
    else:
        occupied = (theta_x - 6 - theta_width, theta_x)
        svg.text(theta_x - 6, baseline, theta_label, size=12, anchor="end")

    key = "curvature_normal" if facts.distribution == "normal" else "curvature"
    curvature = words[key].format(value=fmt(view.curvature))
    width = text_width(curvature, 12)
    blocked = [(occupied[0] - 12, occupied[1] + 12)]
    blocked += [(x - _MARKER_CLEARANCE, x + _MARKER_CLEARANCE) for x in marker_xs]
    for left, anchor in ((axes.right - 8 - width, "end"), (axes.left + 8, "start")):
        right = left + width
        if any(left < high and low < right for low, high in blocked):
            continue
        x = right if anchor == "end" else left
        svg.text(x, baseline, curvature, size=12, anchor=anchor)
        return []
    return [curvature]


def _draw_legend(svg: Svg, entries: list[tuple[str, str]], x: float, y: float) -> float:
    """Draw legend entries left to right, wrapping into rows, and return the
    baseline of the last row.
    """
    start = x
    for kind, label in entries:
        width = 30 + text_width(label, 12) + 18
        if x + width > WIDTH - 12 and x > start:
            x, y = start, y + 20
        if kind == "samples":
            for index, colour in enumerate(_SAMPLE_COLOURS):
                svg.line(x + index * 5, y - 4, x + index * 5 + 5, y - 4,
                         class_=f"t{colour}", stroke_width=2.5)
        elif kind == "expected":
            svg.line(x, y - 4, x + 25, y - 4, class_="line-fg", stroke_width=2.2,
                     stroke_dasharray="7 5")
        elif kind == "estimate":
            svg.line(x + 12, y - 10, x + 12, y + 2, class_="line-fg", stroke_width=1.4,
                     stroke_dasharray="1.5 3")
            svg.circle(x + 12, y - 10, 3.2, class_="fg")
        else:
            svg.line(x, y - 4, x + 25, y - 4, class_="line-fg", stroke_width=3.2)
        svg.text(x + 30, y, label, size=12)
        x += width
    return y


_DRAW_WORDS = {
    "en": {
        "names": {"poisson": "Poisson", "bernoulli": "Bernoulli", "binomial": "Binomial",
                  "normal": "Normal", "exponential": "Exponential"},
        "y_label": "log-likelihood - its maximum",
        "samples": "{count} simulated samples, seed {seed}",
        "estimate": "MLE of each sample",
        "data": "your data",
        "normal_axis": "μ (σ held at {sigma})",
        "rate_axis": "rate λ",
        "curvature": "curvature n·I = {value}",
        "curvature_normal": "curvature n/σ² = {value}",
        "too_narrow": "The curves are too narrow to draw at this scale.",
        "off_chart": "The estimate from your data, {value}, is outside the plotted range.",
    },
    "zh": {
        "names": {"poisson": "泊松", "bernoulli": "伯努利", "binomial": "二项",
                  "normal": "正态", "exponential": "指数"},
        "y_label": "对数似然 - 最大值",
        "samples": "{count} 个模拟样本，种子 {seed}",
        "estimate": "各样本的最大似然估计",
        "data": "你的数据",
        "normal_axis": "μ（σ 固定为 {sigma}）",
        "rate_axis": "速率 λ",
        "curvature": "曲率 n·I = {value}",
        "curvature_normal": "曲率 n/σ² = {value}",
        "too_narrow": "曲线太窄，在这个尺度上画不出来。",
        "off_chart": "你的数据给出的估计值 {value} 在图的范围之外。",
    },
}

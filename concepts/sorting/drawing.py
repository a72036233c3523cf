"""Drawings of a sort: a strip of key frames, an animation, or seven side by side.

Bars are the array's values. The bars that an event touches are marked:
orange for a comparison, vermillion for a swap or write, green for a
pivot or a heapify root.
"""

from __future__ import annotations

import math

from ..draw.animation import Timeline, animate, animate_transform, changes, progress
from ..draw.animation import timeline as make_timeline
from ..draw.bars import Strip, draw_strip, strip
from ..draw.charts import Axes, BarSeries, draw_bars, draw_legend, draw_y_axis, nice_ticks
from ..draw.svg import Svg, num
from ..text import fmt
from . import prose

COMPARE, MOVE, PIVOT = "s1", "s3", "s2"
_OFF_CANVAS = -10_000


def draw(outcome, lang: str, theme: str) -> str:
    """Draw the key frames, the animation (animate=true) or the comparison of all."""
    from .sorting import explain

    facts = outcome.facts
    summary = explain(outcome, lang).summary
    if outcome.result["algorithm"] == "all":
        return _draw_all(facts, outcome.result, lang, theme, summary)
    if facts.animate:
        return _draw_animation(facts.runs[0], facts.values, outcome.result, lang,
                               theme, summary)
    return _draw_key_frames(facts.runs[0], facts.values, outcome.result, lang, theme,
                            summary)


def marks(event: tuple | None) -> dict[int, str]:
    """Return the highlighted positions of ``event`` and their fill classes."""
    if event is None:
        return {}
    kind = event[0]
    if kind == "compare":
        _, i, j, _, _ = event
        return {i: COMPARE} if j is None else {i: COMPARE, j: COMPARE}
    if kind == "swap":
        return {event[1]: MOVE, event[2]: MOVE}
    if kind == "write":
        return {event[1]: MOVE}
    if kind in ("pivot", "heapify"):
        return {event[1]: PIVOT}
    return {}


def _header(svg: Svg, result: dict, lang: str, x: float = 20) -> None:
    words = _WORDS[lang]
    name = prose.NAMES[lang][result["algorithm"]]
    title = words["head"].format(name=name, n=result["n"],
                                 s="" if result["n"] == 1 else "s")
    if result["algorithm"] == "quick":
        title += words["pivot"].format(rule=prose.PIVOT_RULES[lang][result["pivot"]])
    if result["algorithm"] == "shell":
        title += words["gaps"].format(gaps=", ".join(map(str, result["gaps"])) or "–")
    svg.text(x, 28, title, size=15, font_weight="bold")
    counts = words["counts"].format(**result, **_plurals(result))
    if "recursion_depth" in result:
        counts += words["depth"].format(depth=result["recursion_depth"])
    svg.text(x, 50, counts, size=12)
    draw_legend(svg, x, 76, [(words["compare"], 1), (words["move"], 3),
                             (words["pivot_mark"], 2)])


def _plurals(result: dict) -> dict:
    keys = ("comparisons", "swaps", "writes")
    return {f"s{number}": "" if result[key] == 1 else "s"
            for number, key in enumerate(keys, start=1)}


def _caption(event: tuple | None, lang: str) -> str:
    words = _WORDS[lang]
    if event is None:
        return ""
    kind = event[0]
    if kind == "compare":
        _, i, j, _, _ = event
        return words["c_key"].format(i=i) if j is None else words["c"].format(i=i, j=j)
    if kind == "swap":
        return words["s"].format(i=event[1], j=event[2])
    if kind == "write":
        return words["w"].format(i=event[1], v=prose.value(event[2]))
    if kind == "pivot":
        return words["p"].format(i=event[1])
    if kind == "merge":
        return words["m"].format(lo=event[1], hi=event[3] - 1)
    if kind == "heapify":
        return words["h"].format(i=event[1])
    return words["g"].format(gap=event[1])


def key_frames(trace, count: int) -> list[tuple[int, list]]:
    """Pick about ``count`` snapshots, evenly spread, always the first and last."""
    snapshots = trace.snapshots
    if len(snapshots) <= count:
        return list(snapshots)

    picked = []
    for k in range(count):
        target = round(k * (len(snapshots) - 1) / (count - 1))
        if not picked or picked[-1] is not snapshots[target]:
            picked.append(snapshots[target])
    return picked


def _draw_key_frames(run, values, result, lang, theme, summary) -> str:
    words = _WORDS[lang]
    frames = key_frames(run.trace, 8)
    columns, cell_width, cell_height, top = 4, 215, 168, 96
    rows = math.ceil(len(frames) / columns)
    svg = Svg(20 + columns * cell_width, top + rows * cell_height + 8,
              title=words["title"].format(name=prose.NAMES[lang][result["algorithm"]]),
              desc=summary, theme=theme)
    _header(svg, result, lang)
    for position, (number, array) in enumerate(frames):
        x = 20 + (position % columns) * cell_width
        y = top + (position // columns) * cell_height
        event = _event_at(run.trace, number) if number < run.trace.total else None
        # Leave room under the bars for the labels of negative values.
        room = 12 if values and min(values) < 0 else 0
        box = strip(x, y + 14, cell_width - 25, 110 - room, values)
        draw_strip(svg, box, array, marks(event))
        _value_labels(svg, box, array)
        if number == 0:
            head = words["start"]
        elif number == run.trace.total:
            head = words["done"].format(k=number, s="" if number == 1 else "s")
        else:
            head = words["step"].format(k=number, total=run.trace.total)
        svg.text(x, y + 142, head, size=11, font_weight="bold")
        svg.text(x, y + 157, _caption(event, lang), size=11, class_="muted")

    return svg.render()


def _event_at(trace, number: int) -> tuple | None:
    """Return event ``number`` (from 1) from the recorded events or, past
    the cap, from the events kept with the snapshots.
    """
    if 0 < number <= len(trace.events):
        return trace.events[number - 1]
    return trace.snapshot_events.get(number)


def _value_labels(svg: Svg, box: Strip, array: list) -> None:
    slot = box.slot(len(array))
    if not array or slot < 20:
        return

    for index, number in enumerate(array):
        y = box.y(number) - 3 if number >= 0 else box.y(number) + 10
        svg.text(box.left + (index + 0.5) * slot - 0.5, y, fmt(number, 3), size=9,
                 anchor="middle", class_="muted")


def _draw_animation(run, values, result, lang, theme, summary) -> str:
    words = _WORDS[lang]
    events = run.trace.events
    clock = make_timeline(len(events) + 1)
    width = 720
    svg = Svg(width, 430, title=words["title_animated"].format(
        name=prose.NAMES[lang][result["algorithm"]]), desc=summary, theme=theme)
    _header(svg, result, lang)
    box = strip(40, 110, 640, 250, values)
    _animated_bars(svg, box, values, events, clock)
    _animated_markers(svg, box, len(values), events, clock)
    svg.line(box.left, box.baseline, box.left + box.width, box.baseline, class_="axis")

    svg.rect(40, 382, 640, 4, class_="grid")
    svg.raw(f'<rect class="fg" x="40" y="382" width="0" height="4">'
            f'{progress("width", 0, 640, clock)}</rect>')
    # English needs its own sentences for zero and one step, but Chinese does not.
    timing = words.get({0: "timing_none", 1: "timing_one"}.get(len(events)),
                       words["timing"])
    svg.text(40, 408, timing.format(step=fmt(clock.step, 2), steps=len(events),
                                    hold=fmt(clock.hold, 2)),
             size=11, class_="muted")
    return svg.render()


def _animated_bars(svg: Svg, box: Strip, values: list, events: list,
                   clock: Timeline) -> None:
    """Draw one bar per position whose height follows the swaps and writes."""
    slot = box.slot(len(values))
    scale = box.height / (box.high - box.low)
    updates = [[] for _ in values]
    current = list(values)
    for frame, event in enumerate(events, start=1):
        if event[0] == "swap":
            _, i, j, _, _ = event
            current[i], current[j] = current[j], current[i]
            updates[i].append((frame, current[i]))
            updates[j].append((frame, current[j]))
        elif event[0] == "write":
            current[event[1]] = event[2]
            updates[event[1]].append((frame, event[2]))

    # Each bar is a unit rectangle scaled to its height, so only one
    # transform animates; a negative value scales the other way.
    parts = [f'<g transform="translate(0 {num(box.baseline)})">']
    gap = 1.0 if slot >= 4 else 0.0
    for index, value in enumerate(values):
        heights, frames = changes(_scale(value, scale), [
            (frame, _scale(new, scale)) for frame, new in updates[index]])
        motion = animate_transform("scale", heights, frames, clock) if len(frames) > 1 else ""
        parts.append(f'<rect class="s0" x="{num(box.left + index * slot)}" y="0" '
                     f'width="{num(slot - gap)}" height="1" '
                     f'transform="scale({heights[0]})">{motion}</rect>')
    parts.append("</g>")
    svg.raw("".join(parts))


def _scale(value: float, pixels_per_unit: float) -> str:
    height = -value * pixels_per_unit
    if value != 0 and abs(height) < 0.5:
        height = -0.5 if value > 0 else 0.5
    return f"1 {round(height, 1):g}"


def _animated_markers(svg: Svg, box: Strip, count: int, events: list,
                      clock: Timeline) -> None:
    """Draw two marker columns that follow the positions each event touches.

    The markers are drawn once in ``<defs>`` and shown through three
    ``<use>`` copies in the compare, move and pivot colours. The move and
    pivot copies are switched on by opacity, so a colour change costs one
    value.
    """
    slot = box.slot(count)
    first, second, move, pivot = [], [], [], []
    for frame, event in enumerate(events, start=1):
        touched = marks(event)
        positions = sorted(touched)
        x = [box.left + p * slot for p in positions] + [_OFF_CANVAS] * 2
        first.append((frame, num(x[0])))
        second.append((frame, num(x[1])))
        kinds = set(touched.values())
        move.append((frame, 1 if MOVE in kinds else 0))
        pivot.append((frame, 1 if PIVOT in kinds else 0))

    parts = ['<defs><g id="markers">']
    for updates in (first, second):
        xs, frames = changes(str(_OFF_CANVAS), updates)
        motion = animate_transform("translate", xs, frames, clock) if len(xs) > 1 else ""
        parts.append(f'<g transform="translate({_OFF_CANVAS})">'
                     f'<rect x="0" y="{num(box.top)}" width="{num(slot)}" '
                     f'height="{num(box.height)}" fill-opacity="0.35"/>'
                     f'<rect x="0" y="{num(box.top + box.height + 4)}" '
                     f'width="{num(slot)}" height="6"/>{motion}</g>')
    parts.append("</g></defs>")
    parts.append(f'<use href="#markers" class="{COMPARE}"/>')
    for style, updates in ((MOVE, move), (PIVOT, pivot)):
        shown, frames = changes(0, updates)
        toggle = animate("opacity", shown, frames, clock) if len(shown) > 1 else ""
        parts.append(f'<use href="#markers" class="{style}" opacity="0">{toggle}</use>')
    svg.raw("".join(parts))


def _draw_all(facts, result, lang, theme, summary) -> str:
    words = _WORDS[lang]
    width, label_width, frame_width, row_height, top = 900, 120, 240, 84, 70
    chart_top = top + 8 * row_height + 40
    svg = Svg(width, chart_top + 250, title=words["title_all"], desc=summary,
              theme=theme)
    svg.text(20, 28, words["head_all"].format(n=result["n"],
                                              s="" if result["n"] == 1 else "s"),
             size=15, font_weight="bold")
    svg.text(20, 50, words["fractions"], size=12, class_="muted")

    svg.text(20, top + 40, words["input"], size=12, font_weight="bold")
    draw_strip(svg, strip(20 + label_width, top, frame_width - 20, 56, facts.values),
               facts.values)
    for row, run in enumerate(facts.runs, start=1):
        y = top + row * row_height
        svg.text(20, y + 34, prose.NAMES[lang][run.algorithm], size=12,
                 font_weight="bold")
        for column, fraction in enumerate((0.25, 0.5, 0.75)):
            number, array = _nearest_snapshot(run.trace, fraction)
            x = 20 + label_width + column * frame_width
            draw_strip(svg, strip(x, y, frame_width - 20, 56, facts.values), array)
            svg.text(x, y + 72, words["step"].format(k=number, total=run.trace.total),
                     size=10, class_="muted")

    _counts_chart(svg, result, lang, chart_top)
    return svg.render()


def _nearest_snapshot(trace, fraction: float) -> tuple[int, list]:
    target = fraction * trace.total
    return min(trace.snapshots, key=lambda item: (abs(item[0] - target), item[0]))


def _counts_chart(svg: Svg, result: dict, lang: str, top: float) -> None:
    words = _WORDS[lang]
    table = result["table"]
    highest = max([1] + [row[key] for row in table
                         for key in ("comparisons", "swaps", "writes")])
    axes = Axes(80, top + 30, 790, 170, 0, 1, 0, highest * 1.1)
    svg.text(20, top, words["chart"], size=13, font_weight="bold")
    draw_legend(svg, 80, top + 18, [(words["comparisons"], 0), (words["swaps"], 1),
                                    (words["writes"], 2)])
    draw_y_axis(svg, axes, nice_ticks(0, highest * 1.1, 4), words["count"])
    labels = [prose.NAMES[lang][row["algorithm"]] for row in table]
    series = [BarSeries(words[key], [row[key] for row in table], colour)
              for colour, key in enumerate(("comparisons", "swaps", "writes"))]
    draw_bars(svg, axes, labels, series)


_WORDS = {
    "en": {
        "title": "{name}: key frames", "title_animated": "{name}, animated",
        "title_all": "Seven sorting algorithms on the same input",
        "head": "{name} · {n} value{s}", "pivot": " · pivot: {rule}",
        "gaps": " · gaps {gaps}",
        "counts": ("{comparisons} comparison{s1} · {swaps} swap{s2} · {writes} array "
                   "write{s3}"),
        "depth": " · recursion depth {depth}",
        "compare": "compare", "move": "swap or write", "pivot_mark": "pivot or heap root",
        "start": "input", "done": "sorted after {k} step{s}",
        "step": "after step {k} of {total}",
        "c": "compare a[{i}], a[{j}]", "c_key": "compare a[{i}] with the key",
        "s": "swap a[{i}], a[{j}]", "w": "write {v} into a[{i}]",
        "p": "pivot a[{i}]", "m": "merge a[{lo}..{hi}]", "h": "sift down a[{i}]",
        "g": "gap {gap}",
        "timing_none": "There are no steps; the array stays {hold} s, then the "
                       "animation repeats.",
        "timing_one": ("The 1 step lasts {step} s; the sorted array stays {hold} s, "
                       "then the animation repeats."),
        "timing": ("Each of the {steps} steps lasts {step} s; the sorted array "
                   "stays {hold} s, then the animation repeats."),
        "head_all": "Seven sorting algorithms on the same {n} value{s}",
        "fractions": "Each row shows the array a quarter, half and three quarters "
                     "of the way through that algorithm's steps.",
        "input": "input", "chart": "Operations on this input",
        "comparisons": "comparisons", "swaps": "swaps", "writes": "array writes",
        "count": "count",
    },
    "zh": {
        "title": "{name}：关键帧", "title_animated": "{name}（动画）",
        "title_all": "七种排序算法处理同一输入",
        "head": "{name} · {n} 个数", "pivot": " · 枢轴：{rule}",
        "gaps": " · 间隔 {gaps}",
        "counts": "{comparisons} 次比较 · {swaps} 次交换 · {writes} 次数组写入",
        "depth": " · 递归深度 {depth}",
        "compare": "比较", "move": "交换或写入", "pivot_mark": "枢轴或堆顶",
        "start": "输入", "done": "第 {k} 步后完成排序",
        "step": "第 {k} 步后（共 {total} 步）",
        "c": "比较 a[{i}]、a[{j}]", "c_key": "比较 a[{i}] 与键",
        "s": "交换 a[{i}]、a[{j}]", "w": "把 {v} 写入 a[{i}]",
        "p": "枢轴 a[{i}]", "m": "合并 a[{lo}..{hi}]", "h": "下沉 a[{i}]",
        "g": "间隔 {gap}",
        "timing": "共 {steps} 步，每步 {step} 秒；排好的数组停留 {hold} 秒后重新播放。",
        "head_all": "七种排序算法处理同样的 {n} 个数",
        "fractions": "每一行显示该算法进行到四分之一、一半和四分之三步骤时的数组。",
        "input": "输入", "chart": "此输入上的操作次数",
        "comparisons": "比较", "swaps": "交换", "writes": "数组写入",
        "count": "次数",
    },
}

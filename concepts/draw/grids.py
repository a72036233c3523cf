"""Grid mazes: cells shaded by visit order with a path drawn over them.

Cells of one kind in one row are merged into runs and each kind becomes a
single ``<path>``, so a 60 × 60 maze stays a few tens of kilobytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .animation import Timeline, animate, timeline
from .svg import Svg, esc, num, text_width

MAX_PANEL_SIDE = 440
MIN_CELL, MAX_CELL = 6, 44
SHADE_LEVELS = 8
# Visit shading: the earliest cells get the highest fill opacity. The
# range stays low enough that the theme's text colour reads on top of it.
SHADE_FIRST, SHADE_LAST = 0.7, 0.2
PANEL_GAP = 40
MARGIN = 20
# An animation groups consecutive expansions so that it has at most this
# many frames, which keeps a 60 × 60 maze to a few hundred elements.
MAX_FRAMES = 120
# A frame strip shows each search at this many moments, evenly spread.
STRIP_FRAMES = 6
STRIP_SIDE = 150


@dataclass
class GridPanel:
    """One search drawn on the maze: a caption, the visit order and the path."""

    caption: str
    order: list[tuple[int, int]]
    path: list[tuple[int, int]]


def draw_grid_figure(rows: list[str], start, end, panels: list[GridPanel], *,
                     title: str, desc: str, words: dict, theme: str,
                     animated: bool = False) -> str:
    """Draw one maze panel per search side by side, with a legend below.

    ``rows`` are strings in which ``#`` is a wall; ``words`` supplies the
    legend's "early", "late", "path" and "wall" labels. With ``animated``,
    SMIL reveals the cells in visit order at the same pace in every panel,
    then each path. A renderer without SMIL shows the finished picture.
    """
    height_cells, width_cells = len(rows), len(rows[0])
    cell = cell_size(height_cells, width_cells)
    panel_width = width_cells * cell
    caption_width = max(text_width(panel.caption, 13) for panel in panels)
    column = max(panel_width, caption_width)
    width = 2 * MARGIN + len(panels) * column + (len(panels) - 1) * PANEL_GAP
    width = max(width, 2 * MARGIN + _legend_width(words))
    top = MARGIN + 20
    height = top + height_cells * cell + 50
    svg = Svg(width, height, title=title, desc=desc, theme=theme)

    longest = max(len(panel.order) for panel in panels)
    per_frame = math.ceil(longest / MAX_FRAMES)
    clock = timeline(math.ceil(longest / per_frame) + 1, longest=30.0, slowest=0.4)
    for index, panel in enumerate(panels):
        left = MARGIN + index * (column + PANEL_GAP) + (column - panel_width) / 2
        svg.text(left, top - 8, panel.caption, size=13)
        motion = (per_frame, clock) if animated else None
        _draw_panel(svg, rows, start, end, panel, left, top, cell, motion)

    _draw_legend(svg, MARGIN, top + height_cells * cell + 30, words)
    return svg.render()


def draw_grid_strip(rows: list[str], start, end, panels: list[GridPanel], *,
                    title: str, desc: str, words: dict, theme: str) -> str:
    """Draw each search as a row of small frames after more and more cells.

    ``words["after"]`` (and ``words["after_one"]`` for one cell) label a
    frame with its cell count ``{count}``. The last frame of a row is the
    finished search with its path. The walls and each frame's newly
    expanded cells are defined once and reused with ``<use>``, so later
    frames cost a few bytes each.
    """
    height_cells, width_cells = len(rows), len(rows[0])
    cell = max(2, min(24, STRIP_SIDE // max(height_cells, width_cells)))
    frame_width = max(width_cells * cell, 90)
    row_height = 20 + 18 + height_cells * cell + 16
    width = max(2 * MARGIN + STRIP_FRAMES * (frame_width + 16),
                2 * MARGIN + _legend_width(words))
    height = MARGIN + len(panels) * row_height + 30
    svg = Svg(width, height, title=title, desc=desc, theme=theme)
    walls = [(r, c) for r, row in enumerate(rows) for c, char in enumerate(row)
             if char == "#"]
    svg.raw(f'<defs><path id="grid-walls" class="muted" '
            f'd="{esc(_runs_path(walls, 0, 0, cell)) or "M0 0"}"/>')
    for index, panel in enumerate(panels):
        _define_segments(svg, panel, index, cell)
    svg.raw("</defs>")

    for index, panel in enumerate(panels):
        top = MARGIN + index * row_height
        svg.text(MARGIN, top + 14, panel.caption, size=13)
        for position, count in enumerate(snapshot_counts(len(panel.order))):
            left = MARGIN + position * (frame_width + 16)
            label = words["after_one" if count == 1 else "after"].format(count=count)
            svg.text(left, top + 34, label, size=11, class_="muted")
            _draw_snapshot(svg, rows, start, end, panel, (index, position), left,
                           top + 40, cell)

    _draw_legend(svg, MARGIN, height - 16, words)
    return svg.render()


def snapshot_counts(total: int) -> list[int]:
    """Return up to ``STRIP_FRAMES`` cell counts from 1 to ``total``, evenly spread."""
    if total <= STRIP_FRAMES:
        return list(range(1, total + 1))

    return sorted({1 + round(i * (total - 1) / (STRIP_FRAMES - 1))
                   for i in range(STRIP_FRAMES)})


def _define_segments(svg: Svg, panel: GridPanel, index: int, cell: int) -> None:
    """Define, per frame, the shaded cells expanded since the previous frame."""
    levels = _shade_levels(panel.order)
    previous = 0
    for position, count in enumerate(snapshot_counts(len(panel.order))):
        svg.raw(f'<g id="grid-{index}-{position}">')
        segment = panel.order[previous:count]
        for level in sorted({levels[cell_at] for cell_at in segment}):
            group = [cell_at for cell_at in segment if levels[cell_at] == level]
            svg.path(_runs_path(group, 0, 0, cell), class_="s0",
                     fill_opacity=f"{_opacity(level):.2f}")
        svg.raw("</g>")
        previous = count


def _draw_snapshot(svg, rows, start, end, panel, frame, left, top, cell) -> None:
    index, position = frame
    place = f'x="{num(left)}" y="{num(top)}"'
    for earlier in range(position + 1):
        svg.raw(f'<use href="#grid-{index}-{earlier}" {place}/>')
    svg.raw(f'<use href="#grid-walls" {place}/>')
    svg.rect(left, top, len(rows[0]) * cell, len(rows) * cell, class_="axis",
             fill="none", stroke_width=1.0)
    last = position == len(snapshot_counts(len(panel.order))) - 1
    if last and len(panel.path) > 1:
        points = [(left + (c + 0.5) * cell, top + (r + 0.5) * cell)
                  for r, c in panel.path]
        svg.polyline(points, class_="t3", fill="none",
                     stroke_width=max(1.5, cell * 0.2), stroke_linejoin="round",
                     stroke_linecap="round")
    for r, c in (start, end):
        svg.circle(left + (c + 0.5) * cell, top + (r + 0.5) * cell,
                   max(3.0, cell * 0.3), class_="line-fg", fill="none",
                   stroke_width=1.5)


def cell_size(height_cells: int, width_cells: int) -> int:
    """Return the cell side in pixels so that a panel is at most about 440 px."""
    side = MAX_PANEL_SIDE // max(height_cells, width_cells)
    return max(MIN_CELL, min(MAX_CELL, side))


def _draw_panel(svg, rows, start, end, panel, left, top, cell, motion) -> None:
    walls = [(r, c) for r, row in enumerate(rows) for c, char in enumerate(row)
             if char == "#"]
    if motion is None:
        _draw_shading(svg, panel.order, left, top, cell)
    else:
        _draw_shading_frames(svg, panel.order, left, top, cell, *motion)
    if walls:
        svg.path(_runs_path(walls, left, top, cell), class_="muted")
    svg.path(_grid_lines(len(rows), len(rows[0]), left, top, cell), class_="grid",
             stroke_width=1.0, fill="none")
    svg.rect(left, top, len(rows[0]) * cell, len(rows) * cell, class_="axis",
             fill="none", stroke_width=1.0)
    if motion is None:
        _draw_visit_numbers(svg, panel.order, start, end, left, top, cell)
    if len(panel.path) > 1:
        if motion is not None:
            svg.raw(_reveal_group(math.ceil(len(panel.order) / motion[0]), motion[1]))
        points = [(left + (c + 0.5) * cell, top + (r + 0.5) * cell)
                  for r, c in panel.path]
        svg.polyline(points, class_="t3", fill="none",
                     stroke_width=path_width(cell), stroke_linejoin="round",
                     stroke_linecap="round")
        if motion is not None:
            svg.raw("</g>")
    for position, letter in ((start, "S"), (end, "E")):
        _draw_marker(svg, position, letter, left, top, cell)


def _draw_shading(svg, order, left, top, cell) -> None:
    levels = _shade_levels(order)
    for level in range(SHADE_LEVELS):
        cells = [position for position, value in levels.items() if value == level]
        if cells:
            svg.path(_runs_path(cells, left, top, cell), class_="s0",
                     fill_opacity=f"{_opacity(level):.2f}")


def _draw_shading_frames(svg, order, left, top, cell, per_frame: int,
                         clock: Timeline) -> None:
    """Shade the cells of each frame in a group that appears at that frame."""
    levels = _shade_levels(order)
    for frame in range(math.ceil(len(order) / per_frame)):
        cells = order[frame * per_frame:(frame + 1) * per_frame]
        svg.raw(_reveal_group(frame, clock))
        for level in sorted({levels[position] for position in cells}):
            group = [position for position in cells if levels[position] == level]
            svg.path(_runs_path(group, left, top, cell), class_="s0",
                     fill_opacity=f"{_opacity(level):.2f}")
        svg.raw("</g>")


def _reveal_group(frame: int, clock: Timeline) -> str:
    """Open a group that is hidden until ``frame`` and shown from then on."""
    if frame == 0:
        return "<g>"
    return ('<g opacity="1">' + animate("opacity", [0, 1], [0, frame], clock))


def path_width(cell: float) -> float:
    return max(2.0, cell * 0.14)


def _shade_levels(order) -> dict[tuple[int, int], int]:
    count = len(order)
    return {position: index * SHADE_LEVELS // count
            for index, position in enumerate(order)}


def _opacity(level: int) -> float:
    fraction = level / (SHADE_LEVELS - 1)
    return SHADE_FIRST + (SHADE_LAST - SHADE_FIRST) * fraction


def _runs_path(cells, left, top, cell) -> str:
    """Return path data covering ``cells``, one rectangle per horizontal run."""
    commands = []
    ordered = sorted(cells)
    index = 0
    while index < len(ordered):
        row, first = ordered[index]
        last = first
        while (index + 1 < len(ordered) and ordered[index + 1] == (row, last + 1)):
            index += 1
            last += 1
        x, y = left + first * cell, top + row * cell
        run = (last - first + 1) * cell
        commands.append(f"M{num(x)} {num(y)}h{num(run)}v{num(cell)}h{num(-run)}z")
        index += 1

    return "".join(commands)


def _grid_lines(height_cells, width_cells, left, top, cell) -> str:
    width, height = width_cells * cell, height_cells * cell
    commands = [f"M{num(left)} {num(top + r * cell)}h{num(width)}"
                for r in range(1, height_cells)]
    commands += [f"M{num(left + c * cell)} {num(top)}v{num(height)}"
                 for c in range(1, width_cells)]
    return "".join(commands)


def _draw_visit_numbers(svg, order, start, end, left, top, cell) -> None:
    """Write each cell's visit number in its top-left corner while it fits."""
    size = max(8.0, min(11.0, cell * 0.28))
    # The path runs through cell centres, so a number must end before the
    # centre line minus half the path's width.
    room = cell / 2 - path_width(cell) / 2 - 5
    if cell < 22 or text_width(str(len(order)), size) > room:
        return

    for index, (row, column) in enumerate(order, start=1):
        if (row, column) in (start, end):
            continue
        svg.text(left + column * cell + 3, top + row * cell + size + 1, index,
                 size=size)


def _draw_marker(svg, position, letter, left, top, cell) -> None:
    row, column = position
    cx, cy = left + (column + 0.5) * cell, top + (row + 0.5) * cell
    radius = max(5.0, cell * 0.36)
    svg.circle(cx, cy, radius, class_="bg")
    svg.circle(cx, cy, radius, class_="line-fg", fill="none",
               stroke_width=max(1.5, cell * 0.06))
    if cell >= 14:
        size = cell * 0.42
        svg.text(cx, cy + size * 0.36, letter, size=size, anchor="middle",
                 font_weight="bold")


def _legend_width(words: dict) -> float:
    return (SHADE_LEVELS * 14 + text_width(words["early"], 12)
            + text_width(words["late"], 12) + text_width(words["path"], 12)
            + text_width(words["wall"], 12) + 130)


def _draw_legend(svg: Svg, x: float, y: float, words: dict) -> None:
    svg.text(x, y, words["early"], size=12)
    x += text_width(words["early"], 12) + 6
    for level in range(SHADE_LEVELS):
        svg.rect(x, y - 11, 14, 14, class_="s0", fill_opacity=f"{_opacity(level):.2f}")
        x += 14
    svg.text(x + 6, y, words["late"], size=12)
    x += text_width(words["late"], 12) + 28
    svg.line(x, y - 4, x + 22, y - 4, class_="t3", stroke_width=4,
             stroke_linecap="round")
    svg.text(x + 28, y, words["path"], size=12)
    x += text_width(words["path"], 12) + 50
    svg.rect(x, y - 11, 14, 14, class_="muted")
    svg.text(x + 20, y, words["wall"], size=12)

"""Node-link drawings of graphs, shared by every graph endpoint.

``plan_graph`` computes a deterministic layout once; ``render_graph``
draws one picture of a result, ``render_frames`` a strip of small frames
over the steps, and ``render_animation`` an SVG whose SMIL animation
plays the frames in a loop. Colours are marked per node and per edge with
``NodeMark`` and ``EdgeMark``, whose ``colour`` is a theme series index
(0-7), so one call serves traversal trees, paths, spanning trees,
components, colourings, flows ("3/5" edge labels) and matchings.

Layouts (``kind="auto"`` picks one):

- ``layered``: a DAG, or an undirected forest, with up to 80 nodes.
  Layers are the longest path from a source (DAG) or the depth from the
  first node of each component (forest), top to bottom, and nodes in a
  layer are ordered by the barycentre of their neighbours.
- ``circle``: other graphs with up to 12 nodes, clockwise from the top
  with the first node there, in an order chosen to reduce crossings.
- ``force``: Fruchterman-Reingold with a fixed seed and iteration count,
  started from the circle, so the same graph gives the same picture.
- ``fixed``: positions chosen by the endpoint (``positions=``), such as
  the two sides of a bipartite graph.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from ..text import fmt
from .svg import Svg, esc, num, text_width

LABEL_CHARS = 28
# Above this many edges, only marked edges show their labels (weights), and
# label places are not searched: thousands of labels would hide the graph.
PLAIN_LABEL_EDGES = 150
_SPACING = 78.0
_ARROW = 9.0


@dataclass(frozen=True)
class NodeMark:
    """The highlight of one node.

    ``colour`` is a series index for a tinted fill and ring, and ``solid``
    fills the node with the full colour. ``badge`` is small text in a
    bubble at an upper corner, such as the visit order. ``note`` is small
    text beside or under the node, such as a distance. ``muted`` greys the
    node out.
    """

    colour: int | None = None
    solid: bool = False
    badge: str | None = None
    note: str | None = None
    muted: bool = False


@dataclass(frozen=True)
class EdgeMark:
    """The highlight of one edge; ``label`` replaces the weight label."""

    colour: int | None = None
    width: float = 3.5
    dashed: bool = False
    label: str | None = None
    muted: bool = False


@dataclass
class Frame:
    """The marks and caption of one step, for frame strips and animations.

    ``nodes`` maps a node name to its ``NodeMark`` and ``edges`` maps
    ``(u, v)`` to its ``EdgeMark``; unmarked items are drawn plain.
    """

    nodes: dict = field(default_factory=dict)
    edges: dict = field(default_factory=dict)
    caption: str = ""


@dataclass
class LegendEntry:
    """A legend entry: ``kind`` is "node" (a tinted disc) or "edge" (a thick line)."""

    text: str
    colour: int
    kind: str = "node"


@dataclass
class _EdgeShape:
    source: str
    target: str
    label: str | None
    start: tuple[float, float]
    control: tuple[float, float] | None
    end: tuple[float, float]
    tip: tuple[float, float] | None
    label_at: tuple[float, float]
    loop: str | None = None


@dataclass
class GraphPlan:
    """A laid-out graph: node positions in pixels, edge shapes and the size."""

    nodes: list[str]
    directed: bool
    kind: str
    radius: float
    font: float
    position: dict[str, tuple[float, float]]
    label_at: dict[str, tuple[float, float, str]]
    inside: dict[str, bool]
    shapes: list[_EdgeShape]
    width: float
    height: float
    _index: dict = field(default_factory=dict)
    _labels: list = field(default_factory=list)
    free_side: dict = field(default_factory=dict)

    def edge_key(self, source: str, target: str) -> int | None:
        """Return the index of the edge u→v (or u-v either way when undirected)."""
        key = self._index.get((source, target))
        if key is None and not self.directed:
            key = self._index.get((target, source))
        return key


def plan_graph(nodes: list[str], edges: list[tuple[str, str, str | None]],
               directed: bool, *, kind: str = "auto",
               positions: dict[str, tuple[float, float]] | None = None) -> GraphPlan:
    """Lay out ``nodes`` and ``edges`` (``(u, v, label)`` triples) in pixels.

    ``positions`` fixes each node's place in units of the node spacing
    (x to the right, y down) and overrides ``kind``.
    """
    count = len(nodes)
    radius, font = _node_size(count)
    pairs = [(u, v) for u, v, _ in edges]
    if positions is not None:
        kind = "fixed"
    elif kind == "auto":
        kind = _choose_kind(nodes, pairs, directed)

    if kind == "fixed":
        raw = np.array([positions[name] for name in nodes], dtype=float)
        raw = raw.reshape(-1, 2)
    elif kind == "layered":
        raw = _layered(nodes, pairs, directed)
    elif kind == "circle":
        raw = _circle(count)[_circle_slots(nodes, pairs)]
    else:
        raw = _force(nodes, pairs)

    inside = {name: text_width(_short(name), font) <= 2 * radius - 5 for name in nodes}
    if kind == "layered":
        # Long names sit left of their node, so layers widen to make room.
        widest = max((text_width(_short(name), font) for name in nodes
                      if not inside[name]), default=0.0)
        raw = raw * np.array([max(1.0, (widest + 2 * radius + 40) / _SPACING), 1.0])
    points = _scale(raw, kind, radius)
    centre = points.mean(axis=0) if count else np.zeros(2)
    label_at = {name: _label_place(points[i], centre, kind, radius, font,
                                   _short(name))
                for i, name in enumerate(nodes) if not inside[name]}
    position = {name: (float(points[i][0]), float(points[i][1]))
                for i, name in enumerate(nodes)}
    plan = GraphPlan(nodes, directed, kind, radius, font, position, label_at, inside,
                     [], 0.0, 0.0)
    plan.shapes = _shapes(plan, edges, points, centre)
    plan._index = {(shape.source, shape.target): index
                   for index, shape in enumerate(plan.shapes)}
    if kind in ("force", "fixed"):
        plan.free_side = _free_sides(nodes, pairs, points)
    _fit(plan)
    return plan


def _node_size(count: int) -> tuple[float, float]:
    """Return the node radius and font size; both shrink as the graph grows."""
    if count <= 30:
        return 16.0, 12.0
    if count <= 80:
        return 12.0, 10.0
    return 9.0, 8.0


# A layer wider than this makes a layered drawing a long strip with
# unreadable labels (a star with 50 leaves was 5,500 px wide), so such
# graphs get the force layout instead.
MAX_LAYER_WIDTH = 10


def _choose_kind(nodes, pairs, directed) -> str:
    count = len(nodes)
    if (2 <= count <= 80 and _is_forest_or_dag(nodes, pairs, directed)
            and _widest_layer(nodes, pairs, directed) <= MAX_LAYER_WIDTH):
        return "layered"

    return "circle" if count <= 12 else "force"


def _is_forest_or_dag(nodes, pairs, directed) -> bool:
    if any(u == v for u, v in pairs):
        return False

    if not directed:
        parent = {name: name for name in nodes}

        def find(name):
            while parent[name] != name:
                parent[name] = parent[parent[name]]
                name = parent[name]
            return name

        for u, v in pairs:
            root_u, root_v = find(u), find(v)
            if root_u == root_v:
                return False
            parent[root_u] = root_v
        return True

    return _longest_path_layers(nodes, pairs) is not None


def _longest_path_layers(nodes, pairs) -> dict[str, int] | None:
    indegree = {name: 0 for name in nodes}
    out = {name: [] for name in nodes}
    for u, v in pairs:
        out[u].append(v)
        indegree[v] += 1
    layer = {name: 0 for name in nodes}
    ready = [name for name in nodes if indegree[name] == 0]
    done = 0
    while ready:
        node = ready.pop(0)
        done += 1
        for target in out[node]:
            layer[target] = max(layer[target], layer[node] + 1)
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)

    return layer if done == len(nodes) else None


def _forest_layers(nodes, pairs) -> dict[str, int]:
    adjacent = {name: [] for name in nodes}
    for u, v in pairs:
        adjacent[u].append(v)
        adjacent[v].append(u)
    layer: dict[str, int] = {}
    for root in nodes:
        if root in layer:
            continue
        layer[root] = 0
        queue = [root]
        while queue:
            node = queue.pop(0)
            for other in adjacent[node]:
                if other not in layer:
                    layer[other] = layer[node] + 1
                    queue.append(other)

    return layer


def _widest_layer(nodes, pairs, directed) -> int:
    layers = (_longest_path_layers(nodes, pairs) if directed
              else _forest_layers(nodes, pairs))
    counts: dict[int, int] = {}
    for name in nodes:
        counts[layers[name]] = counts.get(layers[name], 0) + 1
    return max(counts.values())


def _layered(nodes, pairs, directed) -> np.ndarray:
    layers = (_longest_path_layers(nodes, pairs) if directed
              else _forest_layers(nodes, pairs))
    depth = max(layers.values()) + 1
    rows: list[list[str]] = [[] for _ in range(depth)]
    for name in nodes:
        rows[layers[name]].append(name)

    neighbours = {name: [] for name in nodes}
    for u, v in pairs:
        neighbours[u].append(v)
        neighbours[v].append(u)
    # Barycentre sweeps down and up reduce crossings; ties keep input order.
    for sweep in range(4):
        order = {name: i for row in rows for i, name in enumerate(row)}
        indices = range(1, depth) if sweep % 2 == 0 else range(depth - 2, -1, -1)
        for index in indices:
            row = rows[index]
            rows[index] = sorted(row, key=lambda name: (
                _barycentre(name, neighbours, layers, index, order, sweep),
                order[name]))

    widest = max(len(row) for row in rows)
    points = np.zeros((len(nodes), 2))
    where = {name: i for i, name in enumerate(nodes)}
    for depth_index, row in enumerate(rows):
        offset = (widest - len(row)) / 2
        for i, name in enumerate(row):
            points[where[name]] = (offset + i, depth_index * 1.15)

    return points


def _barycentre(name, neighbours, layers, index, order, sweep) -> float:
    side = index - 1 if sweep % 2 == 0 else index + 1
    linked = [order[other] for other in neighbours[name] if layers[other] == side]
    return sum(linked) / len(linked) if linked else order[name]


def _circle(count: int) -> np.ndarray:
    if count == 1:
        return np.zeros((1, 2))

    angles = -math.pi / 2 + 2 * math.pi * np.arange(count) / count
    ring = count / (2 * math.pi) if count > 6 else 1 / (2 * math.sin(math.pi / count))
    return np.column_stack([np.cos(angles), np.sin(angles)]) * ring


def _circle_slots(nodes, pairs) -> np.ndarray:
    """Return each node's slot on the circle, chosen to avoid crossing chords.

    The start is a depth-first order from the first node, which puts most
    neighbours side by side. Then a swap of two nodes is kept whenever it
    lowers the number of crossing edges, for at most three passes.
    """
    count = len(nodes)
    where = {name: i for i, name in enumerate(nodes)}
    adjacent: list[list[int]] = [[] for _ in nodes]
    for u, v in pairs:
        if u != v:
            adjacent[where[u]].append(where[v])
            adjacent[where[v]].append(where[u])
    order: list[int] = []
    for root in range(count):
        stack = [root]
        while stack:
            node = stack.pop()
            if node in order:
                continue
            order.append(node)
            stack.extend(sorted(set(adjacent[node]), reverse=True))

    slots = np.empty(count, dtype=int)
    slots[order] = np.arange(count)
    ends = np.array([(where[u], where[v]) for u, v in pairs if u != v],
                    dtype=int).reshape(-1, 2)
    if len(ends) < 2 or len(ends) > 60:
        return slots
    best = _crossings(slots, ends)
    for _pass in range(3):
        improved = False
        for i in range(1, count):
            for j in range(i + 1, count):
                slots[[i, j]] = slots[[j, i]]
                score = _crossings(slots, ends)
                if score < best:
                    best, improved = score, True
                else:
                    slots[[i, j]] = slots[[j, i]]
        if not improved:
            break
    return slots


def _crossings(slots: np.ndarray, ends: np.ndarray) -> int:
    """Count pairs of chords that cross, given each node's slot on the circle."""
    a = np.minimum(slots[ends[:, 0]], slots[ends[:, 1]])
    b = np.maximum(slots[ends[:, 0]], slots[ends[:, 1]])
    inside = (a[:, None] < a[None, :]) & (a[None, :] < b[:, None]) \
        & (b[:, None] < b[None, :])
    return int(inside.sum())


def _force(nodes, pairs, iterations: int = 100) -> np.ndarray:
    """Fruchterman-Reingold from the circle with a little seeded jitter.

    x and y are kept as separate arrays, which is several times faster in
    numpy than one (n, n, 2) array: about 1 ms per iteration at 200 nodes.
    """
    count = len(nodes)
    if count == 1:
        return np.zeros((1, 2))

    where = {name: i for i, name in enumerate(nodes)}
    links = np.array([(where[u], where[v]) for u, v in pairs if u != v],
                     dtype=int).reshape(-1, 2)
    rng = np.random.default_rng(20240601)
    points = _circle(count) + rng.normal(0, 0.05, (count, 2))
    x, y = points[:, 0].copy(), points[:, 1].copy()
    temperature = math.sqrt(count) / 3
    gravity = 0.02 * math.sqrt(count)
    for _step in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        inverse = 1.0 / (dx * dx + dy * dy + 1e-9)
        np.fill_diagonal(inverse, 0.0)
        move_x = (dx * inverse).sum(axis=1) - x * gravity
        move_y = (dy * inverse).sum(axis=1) - y * gravity
        if len(links):
            pull_x = x[links[:, 0]] - x[links[:, 1]]
            pull_y = y[links[:, 0]] - y[links[:, 1]]
            length = np.sqrt(pull_x * pull_x + pull_y * pull_y)
            np.add.at(move_x, links[:, 0], -pull_x * length)
            np.add.at(move_y, links[:, 0], -pull_y * length)
            np.add.at(move_x, links[:, 1], pull_x * length)
            np.add.at(move_y, links[:, 1], pull_y * length)
        size = np.sqrt(move_x * move_x + move_y * move_y) + 1e-9
        step = np.minimum(size, temperature) / size
        x += move_x * step
        y += move_y * step
        temperature *= 0.96

    return np.column_stack([x, y])


def _scale(raw: np.ndarray, kind: str, radius: float) -> np.ndarray:
    """Scale unit layouts to pixels.

    A force layout is scaled so its median nearest-neighbour distance is one
    spacing, and then no pair of nodes is left closer than 3/4 of that.
    """
    if len(raw) < 2:
        return raw.astype(float)

    spacing = _SPACING if radius >= 16 else _SPACING * radius / 16 * 1.2
    if kind != "force":
        return raw * spacing

    delta = raw[:, None, :] - raw[None, :, :]
    distance = np.sqrt((delta ** 2).sum(axis=2)) + np.eye(len(raw)) * 1e9
    typical = float(np.median(distance.min(axis=1))) or 1.0
    points = _spread(raw / typical, 0.75)
    return points * spacing


def _spread(points: np.ndarray, gap: float, rounds: int = 30) -> np.ndarray:
    """Push apart every pair of nodes closer than ``gap``, half each way."""
    x, y = points[:, 0].copy(), points[:, 1].copy()
    for _round in range(rounds):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        distance = np.sqrt(dx * dx + dy * dy)
        np.fill_diagonal(distance, 1e9)
        short = distance < gap
        if not short.any():
            break
        push = np.where(short, (gap - distance) / 2 / np.maximum(distance, 1e-6), 0.0)
        x += (dx * push).sum(axis=1)
        y += (dy * push).sum(axis=1)
    return np.column_stack([x, y])


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def _label_place(point, centre, kind, radius, font, text):
    x, y = float(point[0]), float(point[1])
    if kind == "circle":
        dx, dy = x - centre[0], y - centre[1]
        length = math.hypot(dx, dy) or 1.0
        dx, dy = dx / length, dy / length
        gap = radius + 5 + (9 if abs(dy) > 0.8 else 0)
        anchor = _anchor(dx)
        lift = font * 0.35 + (font * 0.6 if dy > 0.35 and anchor == "middle" else 0)
        return (x + dx * gap, y + dy * gap + lift, anchor)
    if kind == "layered":
        return (x - radius - 4, y + font * 0.35, "end")

    return (x, y + radius + font + 1, "middle")


def _anchor(dx: float) -> str:
    """Return the text anchor for a label placed in horizontal direction ``dx``."""
    if dx > 0.35:
        return "start"
    if dx < -0.35:
        return "end"
    return "middle"


def _shapes(plan: GraphPlan, edges, points, centre) -> list[_EdgeShape]:
    where = {name: i for i, name in enumerate(plan.nodes)}
    present = {(u, v) for u, v, _ in edges}
    small = len(edges) <= PLAIN_LABEL_EDGES
    check_clearance = len(plan.nodes) <= 80 and small
    shapes = []
    for u, v, label in edges:
        source, target = points[where[u]], points[where[v]]
        if u == v:
            shapes.append(_loop(plan, u, label, source, centre))
            continue
        bend = 0.0
        if plan.directed and (v, u) in present:
            bend = 0.16
        elif check_clearance:
            bend = _clear_bend(points, where[u], where[v], plan.radius)
        shapes.append(_curve(plan, u, v, label, source, target, bend, points, small))

    return shapes


def _clear_bend(points, i, j, radius) -> float:
    """Return a sideways bend (fraction of the length) that misses other nodes."""
    others = np.delete(np.arange(len(points)), [i, j])
    if len(others) == 0:
        return 0.0

    start, end = points[i], points[j]
    for bend in (0.0, 0.2, -0.2, 0.35, -0.35):
        curve = _sample_curve(start, end, bend)
        gaps = np.sqrt(((points[others][:, None, :] - curve[None, :, :]) ** 2)
                       .sum(axis=2)).min()
        if gaps > radius + 4:
            return bend

    return 0.0


def _sample_curve(start, end, bend, count: int = 12) -> np.ndarray:
    control = _control(start, end, bend)
    t = np.linspace(0.1, 0.9, count)[:, None]
    return (1 - t) ** 2 * start + 2 * (1 - t) * t * control + t ** 2 * end


def _control(start, end, bend) -> np.ndarray:
    middle = (start + end) / 2
    direction = end - start
    normal = np.array([direction[1], -direction[0]])
    return middle + normal * bend


def _unit(vector) -> np.ndarray:
    length = math.hypot(vector[0], vector[1]) or 1.0
    return np.asarray(vector) / length


def _curve(plan, u, v, label, source, target, bend, points, search) -> _EdgeShape:
    """Shape the edge u→v as a line, or a quadratic curve when ``bend`` is set.

    Plain floats and ``math`` are used here because numpy's per-call cost
    dominates for 2-vectors, and this runs once per edge.
    """
    sx, sy, tx, ty = float(source[0]), float(source[1]), float(target[0]), \
        float(target[1])
    dx, dy = tx - sx, ty - sy
    cx, cy = (sx + tx) / 2 + dy * bend, (sy + ty) / 2 - dx * bend
    ox, oy = _unit2(cx - sx, cy - sy)
    bx, by = _unit2(cx - tx, cy - ty)
    r = plan.radius
    gap = r + (_ARROW if plan.directed else 0)
    start = (sx + ox * r, sy + oy * r)
    end = (tx + bx * gap, ty + by * gap)
    tip = (tx + bx * r, ty + by * r) if plan.directed else None
    middle = (0.25 * sx + 0.5 * cx + 0.25 * tx, 0.25 * sy + 0.5 * cy + 0.25 * ty)
    ax, ay = _unit2(dx, dy)
    if label and search:
        outside = np.array(_unit2(dy * bend, -dx * bend)) if bend else None
        label_at = _label_spot(plan, np.array(middle), np.array((ax, ay)), label,
                               points, outside)
    else:
        shift = plan.font * 0.9
        label_at = (middle[0] + ay * shift, middle[1] - ax * shift)
    return _EdgeShape(u, v, label, start, (cx, cy) if bend else None, end, tip,
                      label_at)


def _unit2(x: float, y: float) -> tuple[float, float]:
    length = math.hypot(x, y) or 1.0
    return x / length, y / length


def _label_spot(plan, middle, along, label, points, outside=None):
    """Place an edge label beside the edge where it covers no node or label.

    A curved edge gets its label on the outer side of the bend first, so
    the labels of two opposite arcs between the same nodes stay apart.
    """
    normal = np.array([-along[1], along[0]])
    if normal[1] > 0 or (normal[1] == 0 and normal[0] < 0):
        normal = -normal
    if outside is not None:
        normal = outside
    size = plan.font - 1
    half = text_width(label or "", size) / 2 + 3
    for shift in (0.0, 0.15, -0.15, 0.28, -0.28):
        for side in (1, -1):
            spot = middle + along * shift * _SPACING + normal * side * (size * 0.9)
            if (_clear_of_nodes(spot, half, points, plan.radius + size * 0.6)
                    and _clear_of_labels(plan, spot, half, size)):
                plan._labels.append((float(spot[0]), float(spot[1]), half))
                return _pair(spot)

    return _pair(middle + normal * size * 0.9)


def _clear_of_labels(plan, spot, half, size) -> bool:
    return all(abs(x - spot[0]) > half + other + 2 or abs(y - spot[1]) > size + 2
               for x, y, other in plan._labels)


def _clear_of_nodes(spot, half, points, margin) -> bool:
    if len(points) == 0:
        return True
    dx = np.maximum(np.abs(points[:, 0] - spot[0]) - half, 0)
    dy = np.abs(points[:, 1] - spot[1])
    return bool((np.hypot(dx, dy) > margin).all())


def _loop(plan, name, label, point, centre) -> _EdgeShape:
    outward = _unit(point - centre) if np.linalg.norm(point - centre) > 1 else \
        np.array([0.0, -1.0])
    r = plan.radius
    # Turned away from the outward direction, where notes and long labels go.
    angle = math.atan2(outward[1], outward[0]) - 0.9
    a, b = angle - 0.55, angle + 0.55
    start = point + r * np.array([math.cos(a), math.sin(a)])
    end = point + r * np.array([math.cos(b), math.sin(b)])
    c1 = point + 3.2 * r * np.array([math.cos(a - 0.25), math.sin(a - 0.25)])
    c2 = point + 3.2 * r * np.array([math.cos(b + 0.25), math.sin(b + 0.25)])
    path = (f"M{num(start[0])},{num(start[1])} C{num(c1[0])},{num(c1[1])} "
            f"{num(c2[0])},{num(c2[1])} {num(end[0])},{num(end[1])}")
    label_at = point + np.array([math.cos(angle), math.sin(angle)]) * (
        r * 2.9 + plan.font * 0.6)
    tip = end if plan.directed else None
    return _EdgeShape(name, name, label, _pair(start), None, _pair(end),
                      _pair(tip) if tip is not None else None, _pair(label_at), path)


def _pair(point) -> tuple[float, float]:
    return (float(point[0]), float(point[1]))


def _fit(plan: GraphPlan) -> None:
    """Shift everything so the drawing starts at a margin; set width and height."""
    xs, ys = [], []
    r = plan.radius
    # Notes (such as "level 2" or "4/9") may sit beside or under any node.
    room = text_width("0000000", plan.font - 1) if plan.kind == "circle" else 10
    for name, (x, y) in plan.position.items():
        xs += [x - r - room, x + r + room]
        ys += [y - r - plan.font - 4, y + r + 2 * plan.font + 6]
        if name in plan.label_at:
            lx, ly, anchor = plan.label_at[name]
            width = text_width(_short(name), plan.font)
            left = lx - (width if anchor == "end" else width / 2 if anchor == "middle"
                         else 0)
            xs += [left - 4, left + width + 4]
            ys += [ly - plan.font, ly + plan.font + 4]
    for shape in plan.shapes:
        if shape.loop is not None:
            px, py = shape.label_at
            xs += [px - 20, px + 20]
            ys += [py - 20, py + 14]
        if shape.label:
            half = text_width(shape.label, plan.font - 1) / 2 + 4
            xs += [shape.label_at[0] - half, shape.label_at[0] + half]
            ys += [shape.label_at[1] - plan.font, shape.label_at[1] + 4]
    if not xs:
        xs, ys = [0.0, 40.0], [0.0, 40.0]

    dx, dy = 8 - min(xs), 8 - min(ys)
    plan.position = {n: (x + dx, y + dy) for n, (x, y) in plan.position.items()}
    plan.label_at = {n: (x + dx, y + dy, a) for n, (x, y, a) in plan.label_at.items()}
    for shape in plan.shapes:
        _shift_shape(shape, dx, dy)
    plan.width = max(xs) - min(xs) + 16
    plan.height = max(ys) - min(ys) + 16


def _shift_shape(shape: _EdgeShape, dx: float, dy: float) -> None:
    def move(point):
        return None if point is None else (point[0] + dx, point[1] + dy)

    shape.start, shape.end = move(shape.start), move(shape.end)
    shape.control, shape.tip = move(shape.control), move(shape.tip)
    shape.label_at = move(shape.label_at)
    if shape.loop is not None:
        numbers = shape.loop.replace("M", "").replace("C", "").split()
        moved = []
        for pair in numbers:
            x, y = (float(value) for value in pair.split(","))
            moved.append(f"{num(x + dx)},{num(y + dy)}")
        shape.loop = f"M{moved[0]} C{moved[1]} {moved[2]} {moved[3]}"


# Drawing ------------------------------------------------------------------


def draw_graph(svg: Svg, plan: GraphPlan, *, nodes: dict | None = None,
               edges: dict | None = None) -> None:
    """Draw the graph of ``plan`` with optional marks keyed by node / (u, v).

    Edges with the same mark share one ``<path>`` and their arrowheads
    another, so each costs a few bytes of coordinates instead of elements.
    """
    edge_marks = _edge_marks_by_index(plan, edges or {})
    node_marks = nodes or {}
    plain = [index for index in range(len(plan.shapes)) if index not in edge_marks]
    draw_plain_edges(svg, plan, plain)
    groups: dict[EdgeMark, list[int]] = {}
    for index in sorted(edge_marks):
        groups.setdefault(edge_marks[index], []).append(index)
    for mark, indices in groups.items():
        draw_edges(svg, plan, indices, mark)
    for name in plan.nodes:
        draw_node(svg, plan, name, node_marks.get(name))


def _edge_marks_by_index(plan: GraphPlan, marks: dict) -> dict[int, EdgeMark]:
    by_index = {}
    for (source, target), mark in marks.items():
        index = plan.edge_key(source, target)
        if index is not None:
            by_index[index] = mark
    return by_index


def _edge_d(shape: _EdgeShape) -> str:
    if shape.loop is not None:
        return shape.loop
    if shape.control is not None:
        return (f"M{num(shape.start[0])},{num(shape.start[1])} "
                f"Q{num(shape.control[0])},{num(shape.control[1])} "
                f"{num(shape.end[0])},{num(shape.end[1])}")
    return (f"M{num(shape.start[0])},{num(shape.start[1])} "
            f"L{num(shape.end[0])},{num(shape.end[1])}")


def draw_plain_edges(svg: Svg, plan: GraphPlan, indices: list[int]) -> None:
    """Draw unmarked edges as one path, their arrowheads as another, then labels."""
    if not indices:
        return

    shapes = [plan.shapes[index] for index in indices]
    svg.path(" ".join(_edge_d(shape) for shape in shapes), class_="axis", fill="none",
             stroke_width=1.6, stroke_linecap="round")
    tips = [_arrow_d(plan, shape, 1.6) for shape in shapes if shape.tip is not None]
    if tips:
        svg.path(" ".join(tips), class_="muted")
    if len(plan.shapes) > PLAIN_LABEL_EDGES:
        return
    for shape in shapes:
        if shape.label:
            _edge_label(svg, plan, shape, shape.label, False)


def draw_edge(svg: Svg, plan: GraphPlan, index: int, mark: EdgeMark | None) -> None:
    """Draw edge ``index`` with its arrowhead and label."""
    draw_edges(svg, plan, [index], mark)


def draw_edges(svg: Svg, plan: GraphPlan, indices: list[int],
               mark: EdgeMark | None) -> None:
    """Draw edges that share ``mark`` as one path, with arrowheads and labels.

    Above ``PLAIN_LABEL_EDGES`` edges in the graph, only a mark's own
    ``label`` is written, not the weights.
    """
    shapes = [plan.shapes[index] for index in indices]
    highlighted = mark is not None and mark.colour is not None
    stroke = f"t{mark.colour}" if highlighted else "axis"
    width = mark.width if highlighted else 1.6
    dash = "6 4" if mark is not None and (mark.dashed or mark.muted) else None
    opacity = 0.45 if mark is not None and mark.muted else None
    svg.path(" ".join(_edge_d(shape) for shape in shapes), class_=stroke,
             fill="none", stroke_width=width, stroke_dasharray=dash,
             stroke_opacity=opacity, stroke_linecap="round")
    tips = [_arrow_d(plan, shape, width) for shape in shapes if shape.tip is not None]
    if tips:
        svg.path(" ".join(tips), class_=f"s{mark.colour}" if highlighted else "muted",
                 fill_opacity=opacity)

    own = mark.label if mark is not None else None
    if own is None and len(plan.shapes) > PLAIN_LABEL_EDGES:
        return
    for shape in shapes:
        label = own if own is not None else shape.label
        if label:
            _edge_label(svg, plan, shape, label, highlighted)


def _edge_label(svg, plan, shape, label, bold) -> None:
    svg.text(shape.label_at[0], shape.label_at[1] + (plan.font - 1) * 0.35, label,
             size=plan.font - 1, anchor="middle", class_="stroke-bg",
             stroke_width=3, paint_order="stroke",
             font_weight="bold" if bold else None)


def _arrow_d(plan, shape, width) -> str:
    tx, ty = shape.tip
    if shape.loop is not None:
        ax, ay = _unit2(shape.start[0] - tx, shape.start[1] - ty)
        cx, cy = plan.position[shape.target]
        bx, by = _unit2(tx - cx, ty - cy)
        back = _unit2(ax * 0.3 + bx * 0.7, ay * 0.3 + by * 0.7)
    else:
        back = _unit2(shape.end[0] - tx, shape.end[1] - ty)
    size = _ARROW + max(width - 1.6, 0)
    base_x, base_y = tx + back[0] * size, ty + back[1] * size
    side_x, side_y = -back[1] * size * 0.5, back[0] * size * 0.5
    return (f"M{num(tx)},{num(ty)} L{num(base_x + side_x)},{num(base_y + side_y)} "
            f"L{num(base_x - side_x)},{num(base_y - side_y)} Z")


def draw_node(svg: Svg, plan: GraphPlan, name: str, mark: NodeMark | None) -> None:
    """Draw one node with its name, and the mark's tint, badge and note."""
    x, y = plan.position[name]
    r = plan.radius
    svg.raw(f"<g><title>{esc(name)}</title>")
    muted = mark is not None and mark.muted
    svg.circle(x, y, r, class_="bg")
    colour = mark.colour if mark is not None else None
    if colour is not None:
        svg.circle(x, y, r, class_=f"s{colour}",
                   fill_opacity=None if mark.solid else 0.3)
    ring = f"t{colour}" if colour is not None else "line-fg"
    svg.circle(x, y, r, class_=ring, fill="none",
               stroke_width=2.6 if colour is not None else 1.5,
               stroke_dasharray="3 3" if muted else None)

    text_class = "muted" if muted else ("bg" if mark is not None and mark.solid
                                        else None)
    if plan.inside[name]:
        svg.text(x, y + plan.font * 0.36, _short(name), size=plan.font,
                 anchor="middle", class_=text_class)
    else:
        lx, ly, anchor = plan.label_at[name]
        svg.text(lx, ly, _short(name), size=plan.font, anchor=anchor,
                 class_="stroke-bg", stroke_width=3, paint_order="stroke")

    if mark is not None and mark.badge:
        # The badge goes to the upper left when a note sits on the right.
        right = _note_place(plan, name)[2] != "start"
        _badge(svg, plan, x, y, mark.badge, right)
    if mark is not None and mark.note:
        nx, ny, anchor = _note_place(plan, name)
        svg.text(nx, ny, mark.note, size=plan.font - 1, anchor=anchor,
                 class_="stroke-bg", stroke_width=3, paint_order="stroke")
    svg.raw("</g>")


def _free_sides(nodes, pairs, points) -> dict[str, np.ndarray]:
    """Return, per node, the unit direction away from its edges on average."""
    where = {name: i for i, name in enumerate(nodes)}
    total = np.zeros_like(points)
    ends = np.array([(where[u], where[v]) for u, v in pairs if u != v],
                    dtype=int).reshape(-1, 2)
    if len(ends):
        steps = points[ends[:, 1]] - points[ends[:, 0]]
        steps /= np.maximum(np.hypot(steps[:, 0], steps[:, 1]), 1e-9)[:, None]
        np.add.at(total, ends[:, 0], steps)
        np.add.at(total, ends[:, 1], -steps)
    sides = {}
    for name, i in where.items():
        length = math.hypot(total[i][0], total[i][1])
        sides[name] = -total[i] / length if length > 0.3 else np.array([0.0, 1.0])
    return sides


def _note_place(plan: GraphPlan, name: str) -> tuple[float, float, str]:
    """Place a node's note outward on a circle, on the side away from its edges
    in force and fixed layouts, and right of the node in layered ones.
    """
    x, y = plan.position[name]
    size = plan.font - 1
    direction = None
    if plan.kind == "circle" and len(plan.nodes) > 1:
        cx = sum(p[0] for p in plan.position.values()) / len(plan.nodes)
        cy = sum(p[1] for p in plan.position.values()) / len(plan.nodes)
        direction = _unit((x - cx, y - cy))
    elif name in plan.free_side and plan.inside[name]:
        direction = plan.free_side[name]
    if direction is not None:
        gap = plan.radius + 6
        lx, ly = x + direction[0] * gap, y + direction[1] * gap
        anchor = _anchor(direction[0])
        if not plan.inside[name]:
            lx, ly, anchor = plan.label_at[name]
            above = anchor == "middle" and direction[1] < 0
            ly += -(plan.font + 2) if above else size + 2
        elif anchor == "middle":
            ly += size * 0.9 if direction[1] > 0 else -size * 0.2
        else:
            ly += size * 0.35
        return (lx, ly, anchor)

    if plan.kind == "layered" and plan.inside[name]:
        return (x + plan.radius + 3, y + plan.radius * 0.9 + size * 0.35, "start")

    below = y + plan.radius + size + 2
    if not plan.inside[name] and plan.label_at[name][2] == "middle":
        below = plan.label_at[name][1] + size + 2
    return (x, below, "middle")


def _badge(svg, plan, x, y, text, right) -> None:
    size = max(plan.font - 3, 7)
    half = max(text_width(text, size) / 2 + 3, size * 0.75)
    cx = x + plan.radius * (0.8 if right else -0.8)
    cy = y - plan.radius * 0.8
    svg.rect(cx - half, cy - size * 0.75, 2 * half, size * 1.5, class_="fg",
             rx=size * 0.75)
    svg.text(cx, cy + size * 0.36, text, size=size, anchor="middle", class_="bg")


def draw_legend(svg: Svg, x: float, y: float, width: float,
                entries: list[LegendEntry]) -> float:
    """Draw legend entries in rows that fit ``width``; return the height used."""
    if not entries:
        return 0.0

    left, row = x, 0
    for entry in entries:
        size = 14 + text_width(entry.text, 12) + 18
        if left + size > x + width and left > x:
            left, row = x, row + 1
        top = y + row * 20
        if entry.kind == "edge":
            svg.line(left, top + 6, left + 16, top + 6, class_=f"t{entry.colour}",
                     stroke_width=3.5)
        else:
            svg.circle(left + 7, top + 6, 6.5, class_="bg")
            svg.circle(left + 7, top + 6, 6.5, class_=f"s{entry.colour}",
                       fill_opacity=0.3)
            svg.circle(left + 7, top + 6, 6.5, class_=f"t{entry.colour}", fill="none",
                       stroke_width=2)
        svg.text(left + 21, top + 10, entry.text, size=12)
        left += size

    return (row + 1) * 20 + 4


def _legend_height(width: float, entries: list[LegendEntry]) -> float:
    probe = Svg(1, 1, title="", desc="")
    return draw_legend(probe, 0, 0, width, entries)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Split ``text`` into lines no wider than ``width`` at font ``size``.

    Lines break at spaces and, because Chinese has no spaces between
    words, after any wide (CJK) character, though never before closing
    punctuation such as "，" or after opening punctuation such as "（".
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            for number, piece in enumerate(_break_pieces(word)):
                joint = " " if number == 0 and line else ""
                candidate = f"{line}{joint}{piece}"
                if text_width(candidate, size) <= width or not line:
                    line = candidate
                else:
                    lines.append(line)
                    line = piece
        lines.append(line)

    return lines


_NO_BREAK_BEFORE = set("，。、；：！？）》」』】,.;:!?)")
_NO_BREAK_AFTER = set("（《「『【(")


def _break_pieces(word: str) -> list[str]:
    """Cut ``word`` after each wide character where a line may break."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if char in _NO_BREAK_BEFORE and not current and pieces:
            pieces[-1] += char
            continue
        current += char
        wide = unicodedata.east_asian_width(char) in ("W", "F")
        if wide and char not in _NO_BREAK_AFTER:
            pieces.append(current)
            current = ""
    if current or not pieces:
        pieces.append(current)

    return pieces


def render_graph(plan: GraphPlan, *, title: str, desc: str, theme: str,
                 nodes: dict | None = None, edges: dict | None = None,
                 legend: list[LegendEntry] | None = None,
                 caption: str = "") -> str:
    """Return one SVG picture of the graph with marks, a legend and a caption."""
    width = max(plan.width + 24, 320)
    legend = legend or []
    legend_height = _legend_height(width - 24, legend)
    lines = wrap(caption, width - 24, 12) if caption else []
    height = 12 + legend_height + plan.height + 16 * len(lines) + 14
    svg = Svg(width, height, title=title, desc=desc, theme=theme)
    draw_legend(svg, 12, 12, width - 24, legend)
    top = 12 + legend_height
    svg.raw(f'<g transform="translate({num((width - plan.width) / 2)} {num(top)})">')
    draw_graph(svg, plan, nodes=nodes, edges=edges)
    svg.raw("</g>")
    for number, line in enumerate(lines):
        svg.text(12, top + plan.height + 6 + 16 * number, line, size=12)

    return svg.render()


def sample_frames(frames: list[Frame], limit: int) -> list[Frame]:
    """Keep at most ``limit`` frames, evenly spread, always the first and last."""
    return [frames[i] for i in _picks(len(frames), limit)]


def _picks(count: int, limit: int) -> list[int]:
    if count <= limit:
        return list(range(count))

    return sorted({round(i * (count - 1) / (limit - 1)) for i in range(limit)})


def render_frames(plan: GraphPlan, frames: list[Frame], *, title: str, desc: str,
                  theme: str, legend: list[LegendEntry] | None = None,
                  max_frames: int = 12, note: str = "") -> str:
    """Return a strip of small frames, one per step, laid out in rows.

    Each cell shows "k/n" in its upper right corner: its step number among
    all n steps, since only ``max_frames`` evenly spread steps are drawn.
    """
    picks = _picks(len(frames), max_frames)
    shown = [frames[i] for i in picks]
    scale = min(1.0, 240 / max(plan.width, 1), 200 / max(plan.height, 1))
    cell_w = max(plan.width * scale, 150) + 16
    columns = max(1, min(len(shown), int(900 // cell_w)))
    text_width_px = cell_w - 10
    caption_lines = max((len(wrap(f.caption, text_width_px, 11)) for f in shown),
                        default=0)
    cell_h = plan.height * scale + 14 * min(caption_lines, 4) + 20
    width = max(columns * cell_w + 16, 320)
    legend = legend or []
    legend_height = _legend_height(width - 24, legend)
    note_lines = wrap(note, width - 24, 12) if note else []
    rows = math.ceil(len(shown) / columns)
    height = 12 + legend_height + rows * cell_h + 16 * len(note_lines) + 10
    svg = Svg(width, height, title=title, desc=desc, theme=theme)
    draw_legend(svg, 12, 12, width - 24, legend)
    for index, frame in enumerate(shown):
        left = 8 + (index % columns) * cell_w
        top = 12 + legend_height + (index // columns) * cell_h
        svg.rect(left + 2, top, cell_w - 4, cell_h - 6, class_="grid", fill="none",
                 rx=6)
        svg.text(left + cell_w - 10, top + 14, f"{picks[index] + 1}/{len(frames)}",
                 size=10, anchor="end", class_="muted")
        offset = left + (cell_w - plan.width * scale) / 2
        svg.raw(f'<g transform="translate({num(offset)} {num(top + 2)}) '
                f'scale({num(scale) if scale < 1 else 1})">')
        draw_graph(svg, plan, nodes=frame.nodes, edges=frame.edges)
        svg.raw("</g>")
        lines = wrap(frame.caption, text_width_px, 11)[:4]
        for number, line in enumerate(lines):
            svg.text(left + 8, top + plan.height * scale + 14 + 14 * number, line,
                     size=11)
    for number, line in enumerate(note_lines):
        svg.text(12, height - 10 - 16 * (len(note_lines) - 1 - number), line, size=12)

    return svg.render()


def render_animation(plan: GraphPlan, frames: list[Frame], *, title: str, desc: str,
                     theme: str, legend: list[LegendEntry] | None = None,
                     seconds: float = 1.0, max_frames: int = 120) -> str:
    """Return an SVG whose SMIL animation plays ``frames`` in a loop.

    Every node and edge is drawn plain; each distinct mark it takes is an
    overlay whose opacity switches at frame boundaries (discrete
    ``<animate>``, no script), so it plays inside ``<img>``. A renderer
    without SMIL shows the last frame. The last frame is held three frame
    lengths before the loop restarts.
    """
    shown = sample_frames(frames, max_frames)
    count = len(shown)
    total = (count + 2) * seconds
    width = max(plan.width + 24, 360)
    legend = legend or []
    legend_height = _legend_height(width - 24, legend)
    caption_lines = max((len(wrap(f.caption, width - 24, 12)) for f in shown),
                        default=0)
    height = 12 + legend_height + plan.height + 16 * caption_lines + 14
    svg = Svg(width, height, title=title, desc=desc, theme=theme)
    draw_legend(svg, 12, 12, width - 24, legend)
    top = 12 + legend_height
    svg.raw(f'<g transform="translate({num((width - plan.width) / 2)} {num(top)})">')

    edge_states = [_edge_marks_by_index(plan, frame.edges) for frame in shown]
    draw_plain_edges(svg, plan, list(range(len(plan.shapes))))
    for index in range(len(plan.shapes)):
        timeline = [states.get(index) for states in edge_states]
        for mark, values in _overlays(timeline):
            _open_overlay(svg, values, seconds, total)
            draw_edge(svg, plan, index, mark)
            svg.raw("</g>")
    for name in plan.nodes:
        draw_node(svg, plan, name, None)
        timeline = [frame.nodes.get(name) for frame in shown]
        for mark, values in _overlays(timeline):
            _open_overlay(svg, values, seconds, total)
            draw_node(svg, plan, name, mark)
            svg.raw("</g>")
    svg.raw("</g>")

    for index, frame in enumerate(shown):
        values = [1 if i == index else 0 for i in range(count)]
        _open_overlay(svg, values, seconds, total)
        for number, line in enumerate(wrap(frame.caption, width - 24, 12)):
            svg.text(12, top + plan.height + 6 + 16 * number, line, size=12)
        svg.raw("</g>")

    return svg.render()


def _overlays(timeline: list) -> list[tuple[object, list[int]]]:
    """For each distinct mark in ``timeline``, the 0/1 visibility per frame."""
    distinct = []
    for mark in timeline:
        if mark is not None and mark not in distinct:
            distinct.append(mark)

    return [(mark, [1 if item == mark else 0 for item in timeline])
            for mark in distinct]


def _open_overlay(svg: Svg, values: list[int], seconds: float, total: float) -> None:
    """Open a group whose opacity follows ``values`` (one per frame), then loops."""
    times, levels = [0.0], [values[0]]
    for index in range(1, len(values)):
        if values[index] != values[index - 1]:
            times.append(index * seconds / total)
            levels.append(values[index])
    key_times = ";".join(fmt(t, 6) for t in times)
    levels_text = ";".join(str(level) for level in levels)
    svg.raw(f'<g opacity="{values[-1]}">'
            f'<animate attributeName="opacity" values="{levels_text}" '
            f'keyTimes="{key_times}" dur="{num(total)}s" calcMode="discrete" '
            'repeatCount="indefinite"/>')


def weight_label(weight: int | float) -> str:
    """Format an edge weight for a label."""
    return fmt(weight)

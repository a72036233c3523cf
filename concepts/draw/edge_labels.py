"""Edge labels that keep clear of each other on a planned node-link drawing.

``plan_graph`` places each edge label beside the middle of its edge,
clear of nodes. Where edges cross or run side by side, two labels can
still land on top of each other. ``spread_edge_labels`` keeps every label
that is clear and slides each one that is not along its own edge, to the
first spot that overlaps no node and no label placed before it.
"""

from __future__ import annotations

from .graphs import GraphPlan
from .svg import text_width

# Positions tried along an edge, as fractions of its length from the tail.
_FRACTIONS = (0.35, 0.65, 0.25, 0.75, 0.5, 0.15, 0.85)


def spread_edge_labels(plan: GraphPlan) -> None:
    """Move overlapping edge labels of ``plan`` along their edges, in place.

    A label that fits nowhere keeps its place, so the drawing stays the
    same as without this call where nothing overlaps.
    """
    size = plan.font - 1
    taken: list[tuple[float, float, float, float]] = []
    for shape in plan.shapes:
        if not shape.label or shape.loop is not None:
            continue
        box = _box(shape.label_at, shape.label, size)
        if _crowded(box, taken, plan):
            for fraction in _FRACTIONS:
                spot = _point_on(shape, fraction)
                candidate = _box(spot, shape.label, size)
                if not _crowded(candidate, taken, plan):
                    shape.label_at, box = spot, candidate
                    break
        taken.append(box)


def _box(centre, label: str, size: float) -> tuple[float, float, float, float]:
    half_width = text_width(label, size) / 2 + 3
    half_height = size * 0.6 + 1
    x, y = centre
    return (x - half_width, y - half_height, x + half_width, y + half_height)


def _point_on(shape, fraction: float) -> tuple[float, float]:
    """Return the point at ``fraction`` of a straight or quadratic edge."""
    (x0, y0), (x1, y1) = shape.start, shape.end
    if shape.control is None:
        return (x0 + (x1 - x0) * fraction, y0 + (y1 - y0) * fraction)

    cx, cy = shape.control
    rest = 1 - fraction
    return (rest * rest * x0 + 2 * rest * fraction * cx + fraction * fraction * x1,
            rest * rest * y0 + 2 * rest * fraction * cy + fraction * fraction * y1)


def _crowded(box, taken, plan: GraphPlan) -> bool:
    left, top, right, bottom = box
    for other in taken:
        overlaps_x = left < other[2] and other[0] < right
        if overlaps_x and top < other[3] and other[1] < bottom:
            return True

    margin = plan.radius + 4
    for x, y in plan.position.values():
        nearest_x = min(max(x, left), right)
        nearest_y = min(max(y, top), bottom)
        if (nearest_x - x) ** 2 + (nearest_y - y) ** 2 < margin * margin:
            return True

    return False

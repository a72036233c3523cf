"""Glue between a ``Graph`` and the node-link drawing in ``concepts.draw.graphs``.

Every graph endpoint draws the same way: ``plan_for(graph)`` lays the
graph out once, then ``draw_result`` returns one picture of the result,
a strip of frames (``frames=true``) or a SMIL animation
(``animate=true``) built from the same ``Frame`` list.
"""

from __future__ import annotations

from typing import Callable

from ..draw.graphs import (Frame, GraphPlan, LegendEntry, plan_graph, render_animation,
                           render_frames, render_graph, weight_label)
from .graph_input import Graph


def plan_for(graph: Graph, *, labels: dict | None = None,
             kind: str = "auto") -> GraphPlan:
    """Lay out ``graph``; edges show their weight when any weight was given.

    ``labels`` maps ``(u, v)`` to a text that replaces the weight in the
    layout (so room is made for longer labels such as "3/5").
    """
    edges = []
    for edge in graph.edges:
        text = weight_label(edge.weight) if graph.weighted else None
        if labels is not None and (edge.source, edge.target) in labels:
            text = labels[(edge.source, edge.target)]
        edges.append((edge.source, edge.target, text))

    return plan_graph(graph.nodes, edges, graph.directed, kind=kind)


def draw_result(plan: GraphPlan, params: dict, *, final: Frame,
                frames: list[Frame] | Callable[[], list[Frame]], title: str,
                desc: str, theme: str, legend: list[LegendEntry],
                note: str = "") -> str:
    """Return the SVG for the caller's choice of picture, frames or animation.

    ``frames`` may be a function that builds the list, so a single picture
    of a large graph does not pay for frames it never draws.
    """
    if params.get("animate") or params.get("frames"):
        steps = frames() if callable(frames) else frames
        if params.get("animate"):
            return render_animation(plan, steps, title=title, desc=desc, theme=theme,
                                    legend=legend)
        return render_frames(plan, steps, title=title, desc=desc, theme=theme,
                             legend=legend, note=note)

    return render_graph(plan, title=title, desc=desc, theme=theme, nodes=final.nodes,
                        edges=final.edges, legend=legend, caption=final.caption)


def names(items, separator: str = ", ") -> str:
    """Join node names for plain text (steps and captions)."""
    return separator.join(str(item) for item in items)

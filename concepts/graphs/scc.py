"""Strongly connected components with Tarjan's or Kosaraju's algorithm.

Notes
-----
In a directed graph, u and v are strongly connected when each can reach
the other. This splits the nodes into components. Shrinking every
component to a single node gives the condensation, which has no cycle,
because a cycle through two components would merge them.

Kosaraju's algorithm runs two depth-first searches. The first, on the
graph, records the order in which nodes finish. The second runs on the
reversed graph, starting from the node that finished last. Each search
tree of the second pass is one component, found in topological order of
the condensation. Tarjan's algorithm needs one depth-first search. It
numbers nodes in discovery order and keeps, for each node, the lowest
number reachable through its subtree and one back edge (the low-link). A
node whose low-link equals its own number roots a component, which is
popped from a stack. Components come out in reverse topological order.

On an undirected graph every edge can be walked both ways, so the
strongly connected components are the connected components. Such input
is accepted and returns those, and the explanation states it.

Both searches take start nodes and neighbours in name order (digit runs
compare as numbers), so the output is reproducible.

References
----------
R. E. Tarjan, "Depth-first search and linear graph algorithms", SIAM J.
Computing 1 (1972). M. Sharir, "A strong-connectivity algorithm and its
applications in data flow analysis", Computers & Mathematics with
Applications 7 (1981), which publishes the two-pass method credited to
Kosaraju.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..base import Concept, Explanation, Outcome, Step, register
from ..draw.graphs import (
    EdgeMark,
    Frame,
    LegendEntry,
    NodeMark,
    draw_graph,
    draw_legend,
    plan_graph,
    wrap,
)
from ..draw.svg import Svg, num
from ..fields import Choice
from ..text import md_escape
from .graph_input import LIMITS, Graph, GraphInput, build_graph, natural_key
from .picture import draw_result, plan_for

MAX_TRACED_STEPS = 150
# Above this many components the condensation is listed, not drawn: its
# picture would be unreadable and its force layout costs about a second.
MAX_DRAWN_CONDENSATION = 40
MAX_COLOURED_EDGES = 300
# Colours 0-6 mark components with two or more nodes, and 7 (grey) marks
# single-node components.
_CYCLE_COLOURS = 7
_SINGLE_COLOUR = 7


class SccInput(GraphInput):
    algorithm = Choice(
        choices=("tarjan", "kosaraju"),
        load_default="tarjan",
        description=(
            "tarjan (one depth-first search with low-links) or kosaraju (two "
            "depth-first searches, the second on the reversed graph)."
        ),
        example="tarjan",
    )


@dataclass
class _Facts:
    graph: Graph
    algorithm: str
    components: list[list[str]]
    component_of: dict[str, int]
    condensation: list[tuple[int, int]]
    topological: list[int]
    events: list[tuple]
    finish_order: list[str]
    index: dict[str, int]
    low: dict[str, int]
    params: dict


def compute(params: dict) -> Outcome:
    """Find the components, numbered in the order found, and the condensation."""
    graph = build_graph(params)
    if params["algorithm"] == "tarjan":
        components, events, index, low = _tarjan(graph)
        finish_order: list[str] = []
        topological = list(range(len(components)))[::-1]
    else:
        components, events, finish_order = _kosaraju(graph)
        index, low = {}, {}
        topological = list(range(len(components)))

    component_of = {node: number for number, group in enumerate(components)
                    for node in group}
    condensation = sorted({(component_of[e.source], component_of[e.target])
                           for e in graph.edges
                           if component_of[e.source] != component_of[e.target]})
    if not graph.directed:
        condensation = []

    result = {
        "algorithm": params["algorithm"],
        "directed": graph.directed,
        "component_count": len(components),
        "components": components,
        "component_of": component_of,
        "strongly_connected": len(components) == 1,
        "condensation": {"nodes": list(range(len(components))),
                         "edges": [list(pair) for pair in condensation],
                         "topological_order": topological},
    }
    if finish_order:
        result["finish_order"] = finish_order
    if index:
        result["index"] = index
        result["low_link"] = low
    inputs = {"edges": [[e.source, e.target, e.weight] for e in graph.edges],
              "nodes": graph.nodes, "directed": graph.directed,
              "algorithm": params["algorithm"]}
    facts = _Facts(graph, params["algorithm"], components, component_of,
                   condensation, topological, events, finish_order, index, low,
                   params)
    return Outcome(inputs=inputs, result=result, facts=facts)


def _sorted_group(group) -> list[str]:
    return sorted(group, key=natural_key)


def _tarjan(graph: Graph):
    """Run Tarjan's algorithm; events are ("visit", v, i), ("low", v, via,
    low, "child" or "stack") and ("component", root, members).
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    events: list[tuple] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        events.append(("visit", node, index[node]))
        for neighbour, _ in graph.neighbours(node):
            if neighbour not in index:
                connect(neighbour)
                _lower(node, neighbour, low[neighbour], "child")
            elif neighbour in on_stack:
                _lower(node, neighbour, index[neighbour], "stack")

        if low[node] == index[node]:
            members = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                members.append(member)
                if member == node:
                    break
            components.append(_sorted_group(members))
            events.append(("component", node, components[-1]))

    def _lower(node: str, via: str, value: int, how: str) -> None:
        if value < low[node]:
            low[node] = value
            events.append(("low", node, via, value, how))

    # The recursion goes one level per node, so its depth is at most
    # MAX_NODES (200), well below Python's default limit of 1000 frames.
    for node in graph.sorted_nodes():
        if node not in index:
            connect(node)

    return components, events, index, low


def _kosaraju(graph: Graph):
    """Run Kosaraju's two passes; events are ("finish", v, position) and
    ("component", root, members).
    """
    visited: set[str] = set()
    finish_order: list[str] = []
    events: list[tuple] = []
    for root in graph.sorted_nodes():
        if root in visited:
            continue
        visited.add(root)
        stack = [(root, iter(graph.neighbours(root)))]
        while stack:
            node, pending = stack[-1]
            step = next(((n, w) for n, w in pending if n not in visited), None)
            if step is None:
                stack.pop()
                finish_order.append(node)
                events.append(("finish", node, len(finish_order)))
                continue
            visited.add(step[0])
            stack.append((step[0], iter(graph.neighbours(step[0]))))

    assigned: set[str] = set()
    components: list[list[str]] = []
    for root in reversed(finish_order):
        if root in assigned:
            continue
        members = _reverse_reach(graph, root, assigned)
        components.append(_sorted_group(members))
        events.append(("component", root, components[-1]))

    return components, events, finish_order


def _reverse_reach(graph: Graph, root: str, assigned: set[str]) -> list[str]:
    """Return the unassigned nodes that reach ``root`` (a DFS on reversed arcs)."""
    assigned.add(root)
    members, stack = [root], [root]
    while stack:
        node = stack.pop()
        for other, _ in graph.predecessors(node):
            if other not in assigned:
                assigned.add(other)
                members.append(other)
                stack.append(other)

    return members


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and one step per event."""
    facts: _Facts = outcome.facts
    writer = _ZH if lang == "zh" else _EN
    steps = []
    if facts.algorithm == "kosaraju":
        steps.append(Step(writer.pass_one(), {"pass": 1}))
    for event in facts.events[:MAX_TRACED_STEPS]:
        if facts.algorithm == "kosaraju" and event[0] == "component" and (
                not steps or steps[-1].values.get("kind") != "component"):
            steps.append(Step(writer.pass_two(facts), {"pass": 2}))
        steps.append(Step(writer.event(facts, event), _event_values(facts, event)))
    hidden = len(facts.events) - MAX_TRACED_STEPS
    if hidden > 0:
        steps.append(Step(writer.hidden(hidden), {"untraced": hidden}))

    return Explanation(summary=writer.summary(facts), markdown=writer.markdown(facts),
                       steps=steps)


def _event_values(facts: _Facts, event: tuple) -> dict:
    kind = event[0]
    if kind == "visit":
        return {"kind": kind, "node": event[1], "index": event[2]}
    if kind == "low":
        return {"kind": kind, "node": event[1], "via": event[2], "low_link": event[3],
                "through": "tree child" if event[4] == "child" else "arc to stack"}
    if kind == "finish":
        return {"kind": kind, "node": event[1], "position": event[2]}
    return {"kind": kind, "root": event[1], "members": event[2],
            "component": facts.component_of[event[1]]}


def _group(members, joiner: str = ", ") -> str:
    shown = joiner.join(members[:12]) + (joiner + "…" if len(members) > 12 else "")
    return "{" + shown + "}"


def _group_md(members, joiner: str = ", ") -> str:
    escaped = [md_escape(name) for name in members[:12]]
    more = joiner + "…" if len(members) > 12 else ""
    return "{" + joiner.join(escaped) + more + "}"


def _names_md(names, joiner: str, limit: int = 20) -> str:
    shown = joiner.join(md_escape(name) for name in names[:limit])
    return shown + (joiner + "…" if len(names) > limit else "")


def _kosaraju_roots(facts: _Facts) -> list[str]:
    return [event[1] for event in facts.events if event[0] == "component"]


def _label(number: int) -> str:
    return f"C{number + 1}"


def _dag_text(facts: _Facts, arrow: str = " → ", joiner: str = ", ") -> str:
    return joiner.join(f"{_label(a)}{arrow}{_label(b)}" for a, b in facts.condensation)


class _EN:
    @staticmethod
    def summary(facts: _Facts) -> str:
        count = len(facts.components)
        if not facts.graph.directed:
            return (f"The graph is undirected, so its strongly connected components "
                    f"are its {count} connected component{'s' if count != 1 else ''}.")
        if count == 1:
            return "Every node reaches every other: the graph is strongly connected."
        cyclic = sum(len(group) > 1 for group in facts.components)
        if cyclic == 0:
            return (f"The graph has {count} strongly connected components, all single "
                    "nodes, so no two nodes lie on a common cycle.")
        return (f"The graph has {count} strongly connected components ({cyclic} with "
                f"more than one node); its condensation has "
                f"{len(facts.condensation)} arcs between them.")

    @staticmethod
    def pass_one() -> str:
        return ("Pass 1: depth-first search on the graph, recording the order in "
                "which nodes finish.")

    @staticmethod
    def pass_two(facts: _Facts) -> str:
        return ("Pass 2: depth-first search on the reversed graph, taking start "
                "nodes from the last finished to the first; each search tree is one "
                "component.")

    @staticmethod
    def event(facts: _Facts, event: tuple) -> str:
        kind = event[0]
        if kind == "visit":
            return f"Visit {event[1]}: index {event[2]}, low-link {event[2]}."
        if kind == "low" and event[4] == "child":
            return (f"{event[1]}'s child {event[2]} has low-link {event[3]}, so "
                    f"low-link({event[1]}) drops to {event[3]}.")
        if kind == "low":
            return (f"{event[1]} has an arc to {event[2]}, still on the stack with "
                    f"index {event[3]}, so low-link({event[1]}) drops to {event[3]}.")
        if kind == "finish":
            return f"{event[1]} finishes (position {event[2]})."
        label = _label(facts.component_of[event[1]])
        if facts.algorithm == "tarjan":
            return (f"low-link({event[1]}) equals its index, so {event[1]} roots a "
                    f"component: pop {_group(event[2])} from the stack as {label}.")
        return (f"From {event[1]} the reversed graph reaches {_group(event[2])}: "
                f"{label}.")

    @staticmethod
    def hidden(count: int) -> str:
        return (f"{count} more steps follow the same rules; the result lists every "
                "component.")

    @staticmethod
    def markdown(facts: _Facts) -> str:
        parts = [
            "Two nodes of a directed graph are **strongly connected** when each can "
            "reach the other along the arcs. Every node belongs to exactly one "
            "**strongly connected component** (SCC); nodes on a common cycle share "
            "one, and a node on no cycle is a component by itself.",
        ]
        if not facts.graph.directed:
            parts.append(
                "**This graph is undirected** (directed=false), and an undirected "
                "edge can be walked both ways, so the strongly connected components "
                "are simply the connected components. Send directed=true to read u-v "
                "as the arc u→v.")
        parts.append(_EN._algorithm(facts))
        lines = [f"- {_label(number)}: {_group_md(group)}"
                 for number, group in enumerate(facts.components)]
        parts.append(f"Here there are **{len(facts.components)}** components:\n\n"
                     + "\n".join(lines))
        if facts.graph.directed:
            parts.append(_EN._condensation(facts))
        return "\n\n".join(parts)

    @staticmethod
    def _algorithm(facts: _Facts) -> str:
        if facts.algorithm == "tarjan":
            return ("**Tarjan's algorithm** does one depth-first search. It gives "
                    "each node an index in discovery order and a **low-link**, the "
                    "smallest index reachable from it through the search tree and "
                    "one more arc to a node still on its stack. When a node's "
                    "low-link equals its own index, nothing below it reaches higher, "
                    "so it and everything above it on the stack form one component. "
                    "Components come out in reverse topological order.")
        order = _names_md(facts.finish_order[::-1], ", ")
        roots = _names_md(_kosaraju_roots(facts), ", ")
        return ("**Kosaraju's algorithm** does two depth-first searches. The first "
                "records when each node finishes. The second searches the "
                "**reversed** graph, starting from the node that finished last: "
                "from there the reversed arcs reach exactly the nodes of its "
                "component, because the rest of the graph cannot reach it. Here the "
                f"second pass goes through the nodes from the last finished to the "
                f"first ({order}), skips those already placed, and so starts its "
                f"searches at {roots}. Components come out in topological order.")

    @staticmethod
    def _condensation(facts: _Facts) -> str:
        if not facts.condensation:
            return ("No arc joins two different components, so the **condensation** "
                    "(each component shrunk to one node) has no arcs.")
        return ("Shrinking each component to one node gives the **condensation**, "
                "which never has a cycle: if two components were on a cycle, their "
                "nodes would reach each other and they would be one component. Its "
                f"arcs here: {_dag_text(facts)}. A topological order is "
                + ", ".join(_label(number) for number in facts.topological) + ".")


class _ZH:
    @staticmethod
    def summary(facts: _Facts) -> str:
        count = len(facts.components)
        if not facts.graph.directed:
            return f"这是无向图，所以它的强连通分量就是它的 {count} 个连通分量。"
        if count == 1:
            return "每个节点都能到达其他所有节点：这个图是强连通的。"
        cyclic = sum(len(group) > 1 for group in facts.components)
        if cyclic == 0:
            return f"这个图有 {count} 个强连通分量，都是单个节点，所以没有两个节点在同一个环上。"
        return (f"这个图有 {count} 个强连通分量（其中 {cyclic} 个多于一个节点）；"
                f"缩点图中它们之间有 {len(facts.condensation)} 条有向边。")

    @staticmethod
    def pass_one() -> str:
        return "第一遍：在原图上做深度优先搜索，记录各节点完成的先后顺序。"

    @staticmethod
    def pass_two(facts: _Facts) -> str:
        return ("第二遍：在反向图上做深度优先搜索，按完成时间从晚到早选起点；"
                "每棵搜索树就是一个分量。")

    @staticmethod
    def event(facts: _Facts, event: tuple) -> str:
        kind = event[0]
        if kind == "visit":
            return f"访问 {event[1]}：编号 {event[2]}，low-link {event[2]}。"
        if kind == "low" and event[4] == "child":
            return (f"{event[1]} 的子节点 {event[2]} 的 low-link 是 {event[3]}，"
                    f"所以 low-link({event[1]}) 降为 {event[3]}。")
        if kind == "low":
            return (f"{event[1]} 有一条边指向仍在栈中的 {event[2]}（编号 {event[3]}），"
                    f"所以 low-link({event[1]}) 降为 {event[3]}。")
        if kind == "finish":
            return f"{event[1]} 完成（第 {event[2]} 个）。"
        label = _label(facts.component_of[event[1]])
        if facts.algorithm == "tarjan":
            return (f"low-link({event[1]}) 等于它的编号，所以 {event[1]} 是一个分量的根："
                    f"从栈中弹出 {_group(event[2], '、')}，记为 {label}。")
        return f"在反向图中从 {event[1]} 能到达 {_group(event[2], '、')}：{label}。"

    @staticmethod
    def hidden(count: int) -> str:
        return f"后面还有 {count} 步，规则相同；结果里列出了所有分量。"

    @staticmethod
    def markdown(facts: _Facts) -> str:
        parts = [
            "有向图中，如果两个节点能沿有向边互相到达，就说它们**强连通**。每个节点恰好"
            "属于一个**强连通分量**（SCC）：在同一个环上的节点属于同一个分量，不在任何"
            "环上的节点自成一个分量。",
        ]
        if not facts.graph.directed:
            parts.append(
                "**这个图是无向图**（directed=false），无向边两个方向都能走，所以强连通"
                "分量就是连通分量。若要把 u-v 读作有向边 u→v，请传 directed=true。")
        parts.append(_ZH._algorithm(facts))
        lines = [f"- {_label(number)}：{_group_md(group, '、')}"
                 for number, group in enumerate(facts.components)]
        parts.append(f"这里共有 **{len(facts.components)}** 个分量：\n\n"
                     + "\n".join(lines))
        if facts.graph.directed:
            parts.append(_ZH._condensation(facts))
        return "\n\n".join(parts)

    @staticmethod
    def _algorithm(facts: _Facts) -> str:
        if facts.algorithm == "tarjan":
            return ("**Tarjan 算法**只做一遍深度优先搜索。它按发现顺序给每个节点一个"
                    "编号，并记录 **low-link**：从该节点出发，经过搜索树再走一条指向"
                    "仍在栈中节点的边，所能到达的最小编号。当一个节点的 low-link 等于"
                    "它自己的编号时，它下面的节点都到不了更高处，于是它和栈中位于它"
                    "之上的节点组成一个分量。分量按逆拓扑顺序产生。")
        order = _names_md(facts.finish_order[::-1], "、")
        roots = _names_md(_kosaraju_roots(facts), "、")
        return ("**Kosaraju 算法**做两遍深度优先搜索。第一遍记录每个节点完成的时间。"
                "第二遍在**反向图**上搜索，从最晚完成的节点开始：从那里沿反向边能到达"
                "的恰好是它所在分量的节点，因为图的其余部分到不了它。这里第二遍按完成"
                f"时间从晚到早依次查看节点（{order}），跳过已归入分量的节点，所以各次"
                f"搜索的起点是 {roots}。分量按拓扑顺序产生。")

    @staticmethod
    def _condensation(facts: _Facts) -> str:
        if not facts.condensation:
            return "没有连接两个不同分量的边，所以**缩点图**（每个分量缩成一个点）没有边。"
        return ("把每个分量缩成一个点，得到**缩点图**，它一定没有环：如果两个分量在"
                "一个环上，它们的节点就能互相到达，本该是同一个分量。这里它的边是 "
                f"{_dag_text(facts, ' → ', '、')}。一个拓扑顺序是 "
                + "、".join(_label(number) for number in facts.topological) + "。")


_WORDS = {
    "en": {"title": "Strongly connected components", "graph": "Graph",
           "dag": "Condensation (a DAG)", "single": "single-node component",
           "found": "{label} found: {members}", "visit": "Visit {node}",
           "dag_omitted": "The condensation has {count} nodes, more than the {limit} "
                          "drawn; the result lists its arcs.",
           "finish": "{node} finishes", "low": "low-link({node}) = {value}"},
    "zh": {"title": "强连通分量", "graph": "原图", "dag": "缩点图（有向无环图）",
           "single": "单节点分量", "found": "找到 {label}：{members}",
           "dag_omitted": "缩点图有 {count} 个节点，超过了绘制上限 {limit}；"
                          "它的边列在结果中。",
           "visit": "访问 {node}", "finish": "{node} 完成",
           "low": "low-link({node}) = {value}"},
}


def _colour(facts: _Facts, number: int) -> int:
    if len(facts.components[number]) == 1:
        return _SINGLE_COLOUR
    cyclic = [n for n, group in enumerate(facts.components) if len(group) > 1]
    return cyclic.index(number) % _CYCLE_COLOURS


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the graph coloured by component next to its condensation, or the
    steps as frames.
    """
    facts: _Facts = outcome.facts
    words = _WORDS[lang]
    summary = (_ZH if lang == "zh" else _EN).summary(facts)
    legend = _legend(facts, words)
    if facts.params.get("frames") or facts.params.get("animate"):
        return draw_result(plan_for(facts.graph), facts.params, final=Frame(),
                           frames=_frames(facts, words), title=words["title"],
                           desc=summary, theme=theme, legend=legend)

    return _draw_two_panels(facts, words, summary, legend, theme)


def _legend(facts: _Facts, words: dict) -> list[LegendEntry]:
    entries = []
    for number, group in enumerate(facts.components):
        if len(group) > 1 and len(entries) < 8:
            members = ", ".join(group[:4]) + (", …" if len(group) > 4 else "")
            entries.append(LegendEntry(f"{_label(number)} {{{members}}}",
                                       _colour(facts, number)))
    if any(len(group) == 1 for group in facts.components):
        entries.append(LegendEntry(words["single"], _SINGLE_COLOUR))
    return entries


def _node_marks(facts: _Facts) -> dict:
    return {node: NodeMark(colour=_colour(facts, number), badge=_label(number))
            for node, number in facts.component_of.items()}


def _edge_marks(facts: _Facts) -> dict:
    """Colour the arcs inside components, unless the graph is too large for the
    colour to be seen (then every arc would be its own element for nothing).
    """
    marks = {}
    if len(facts.graph.edges) > MAX_COLOURED_EDGES:
        return marks
    for edge in facts.graph.edges:
        number = facts.component_of[edge.source]
        if number == facts.component_of[edge.target] and edge.source != edge.target:
            marks[(edge.source, edge.target)] = EdgeMark(colour=_colour(facts, number),
                                                         width=3)
    return marks


def _draw_two_panels(facts, words, summary, legend, theme) -> str:
    graph_plan = plan_for(facts.graph)
    dag_plan = None
    caption = summary
    if len(facts.components) <= MAX_DRAWN_CONDENSATION:
        labels = [_label(number) for number in range(len(facts.components))]
        dag_edges = [(_label(a), _label(b), None) for a, b in facts.condensation]
        dag_plan = plan_graph(labels, dag_edges, True)
    elif facts.graph.directed:
        caption += " " + words["dag_omitted"].format(
            count=len(facts.components), limit=MAX_DRAWN_CONDENSATION)
    gap = 40
    dag_width = dag_plan.width + gap if dag_plan else 0
    panels_height = max(graph_plan.height, dag_plan.height if dag_plan else 0)
    width = max(graph_plan.width + dag_width + 24, 360)
    probe = Svg(1, 1, title="", desc="")
    legend_height = draw_legend(probe, 0, 0, width - 24, legend)
    panel_top = 12 + legend_height + 22
    lines = wrap(caption, width - 24, 12)
    height = panel_top + panels_height + 16 * len(lines) + 14
    svg = Svg(width, height, title=words["title"], desc=summary, theme=theme)
    draw_legend(svg, 12, 12, width - 24, legend)

    _panel(svg, graph_plan, 12, panel_top, words["graph"], _node_marks(facts),
           _edge_marks(facts))
    if dag_plan is not None:
        dag_marks = {_label(number): NodeMark(colour=_colour(facts, number), solid=True)
                     for number in range(len(facts.components))}
        _panel(svg, dag_plan, 12 + graph_plan.width + gap, panel_top, words["dag"],
               dag_marks, {})

    bottom = panel_top + panels_height + 6
    for number, line in enumerate(lines):
        svg.text(12, bottom + 16 * number, line, size=12)
    return svg.render()


def _panel(svg, plan, left, top, heading, nodes, edges) -> None:
    svg.text(left, top - 8, heading, size=13, font_weight="bold")
    svg.raw(f'<g transform="translate({num(left)} {num(top)})">')
    draw_graph(svg, plan, nodes=nodes, edges=edges)
    svg.raw("</g>")


def _frames(facts: _Facts, words: dict) -> list[Frame]:
    """Build one frame per event; found components keep their colour."""
    found: dict = {}
    found_edges: dict = {}
    frames = []
    current: dict = {}
    for event in facts.events:
        kind = event[0]
        if kind == "component":
            number = facts.component_of[event[1]]
            colour = _colour(facts, number)
            for node in event[2]:
                found[node] = NodeMark(colour=colour, badge=_label(number))
                current.pop(node, None)
            for edge in facts.graph.edges:
                if (facts.component_of[edge.source] == number
                        and facts.component_of[edge.target] == number
                        and edge.source != edge.target):
                    found_edges[(edge.source, edge.target)] = EdgeMark(colour=colour)
            caption = words["found"].format(label=_label(number),
                                            members=_group(event[2]))
        else:
            node = event[1]
            current[node] = NodeMark(colour=_SINGLE_COLOUR, solid=kind == "finish",
                                     badge=str(event[3] if kind == "low" else event[2]))
            key = {"visit": "visit", "finish": "finish", "low": "low"}[kind]
            caption = words[key].format(node=node, value=event[3] if kind == "low"
                                        else event[2])
        frames.append(Frame({**current, **found}, dict(found_edges), caption))

    return frames


_NAMES = {"type": "array", "items": {"type": "string"}}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["algorithm", "directed", "component_count", "components",
                 "component_of", "condensation"],
    "properties": {
        "algorithm": {"type": "string", "enum": ["tarjan", "kosaraju"]},
        "directed": {"type": "boolean",
                     "description": "false: the components are the connected "
                                    "components of the undirected graph."},
        "component_count": {"type": "integer"},
        "components": {"type": "array", "items": _NAMES,
                       "description": "Components in the order found; tarjan finds "
                                      "them in reverse topological order, kosaraju "
                                      "in topological order."},
        "component_of": {"type": "object", "additionalProperties": {"type": "integer"},
                         "description": "Index into components for each node."},
        "strongly_connected": {"type": "boolean"},
        "condensation": {
            "type": "object",
            "properties": {
                "nodes": {"type": "array", "items": {"type": "integer"}},
                "edges": {"type": "array",
                          "items": {"type": "array", "items": {"type": "integer"}},
                          "description": "[from, to] component indices."},
                "topological_order": {"type": "array", "items": {"type": "integer"}},
            },
        },
        "finish_order": {**_NAMES, "description": "kosaraju: nodes in the order the "
                                                  "first pass finished them."},
        "index": {"type": "object", "additionalProperties": {"type": "integer"},
                  "description": "tarjan: discovery index of each node."},
        "low_link": {"type": "object", "additionalProperties": {"type": "integer"},
                     "description": "tarjan: final low-link of each node."},
    },
}

CONCEPT = register(Concept(
    name="graph/scc",
    title={"en": "Strongly connected components", "zh": "强连通分量"},
    description=(
        "Strongly connected components of the caller's directed graph with Tarjan's "
        "or Kosaraju's algorithm, plus the condensation DAG; an undirected graph "
        "gets its connected components. Call it to explain SCCs or to group the "
        "nodes that lie on common cycles."
    ),
    schema=SccInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"edges": "A-B,B-C,C-A,B-D,D-E,E-F,F-D,G-F", "directed": "true",
             "algorithm": "tarjan"},
    limits=LIMITS,
    result_schema=RESULT_SCHEMA,
    family="graph algorithms",
))

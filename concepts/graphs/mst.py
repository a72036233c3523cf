"""Minimum spanning tree (or forest) with Kruskal's or Prim's algorithm.

Notes
-----
A spanning tree of a connected graph joins all n nodes with n - 1 edges
and no cycle. Both algorithms rest on the cut property: for any split of
the nodes into two groups, a cheapest edge crossing the split belongs to
some minimum spanning tree. Kruskal's algorithm takes the edges from the
cheapest up and keeps an edge unless its ends are already connected,
which a union-find structure checks in near-constant time. Prim's
algorithm grows one tree from a start node and always adds the cheapest
edge leaving it.

On a disconnected graph no spanning tree exists. Both algorithms then
return a minimum spanning forest: one minimum spanning tree per connected
component, with n - c edges for c components. Ties between equal weights
go to the edge listed first, so the result is reproducible.

References
----------
J. B. Kruskal, "On the shortest spanning subtree of a graph and the
traveling salesman problem", Proc. AMS 7 (1956). R. C. Prim, "Shortest
connection networks and some generalizations", Bell System Technical
Journal 36 (1957).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from marshmallow import ValidationError, validates_schema

from ..base import Concept, Explanation, InputError, Outcome, Step, register
from ..draw.graphs import EdgeMark, Frame, LegendEntry, NodeMark
from ..fields import Choice
from ..text import Message, fmt, md_escape
from .graph_input import (
    LIMITS,
    Edge,
    Graph,
    GraphInput,
    NodeName,
    build_graph,
    exact_weights,
    natural_key,
    plain_number,
    require_node,
)
from .picture import draw_result, plan_for

MAX_TRACED_STEPS = 120
MAX_FRAMES = 120
MAX_MUTED_EDGES = 300


class MstInput(GraphInput):
    algorithm = Choice(
        choices=("kruskal", "prim"),
        load_default="kruskal",
        description=(
            "kruskal (edges from the cheapest up, skipping any that would close a "
            "cycle) or prim (grow a tree from a start node by its cheapest "
            "outgoing edge)."
        ),
        example="kruskal",
    )
    start = NodeName(
        description=(
            "For prim: the node the first tree grows from (default: the first node "
            "by name). Further components start at their first node by name."
        ),
        example="A",
    )

    @validates_schema
    def _start_needs_prim(self, data, **kwargs):
        if data.get("start") is not None and data.get("algorithm") != "prim":
            raise ValidationError(Message(
                "'start' is used only with algorithm=prim, because Kruskal's "
                "algorithm has no start node; drop 'start' or set algorithm=prim.",
                "“start”只在 algorithm=prim 时使用，因为 Kruskal 算法没有起点；"
                "请去掉“start”或设置 algorithm=prim。"), "start")


@dataclass
class _Event:
    """One step: an edge considered and whether it joined the forest."""

    edge: Edge
    accepted: bool
    sets: list[list[str]] = field(default_factory=list)
    tree: list[str] = field(default_factory=list)
    new_tree: bool = False


@dataclass
class _Facts:
    graph: Graph
    algorithm: str
    chosen: list[Edge]
    events: list[_Event]
    components: list[list[str]]
    total: int | float
    params: dict
    unexamined: int = 0


def compute(params: dict) -> Outcome:
    """Build a minimum spanning forest and record each step of the algorithm."""
    graph = build_graph(params)
    if graph.directed:
        raise InputError({"directed": Message(
            "A minimum spanning tree is defined for undirected graphs; use "
            "directed=false. The directed analogue, a minimum spanning arborescence "
            "(Edmonds' algorithm), is a different problem.",
            "最小生成树只对无向图有定义；请使用 directed=false。有向图上对应的是"
            "最小树形图（Edmonds 算法），那是另一个问题。")})

    algorithm = params["algorithm"]
    if algorithm == "kruskal":
        chosen, events, unexamined = _kruskal(graph)
    else:
        start = require_node(graph, params, "start") if params.get("start") else None
        chosen, events = _prim(graph, start)
        unexamined = 0

    components = _components(graph, chosen)
    total = _total(edge.weight for edge in chosen)
    result = {
        "algorithm": algorithm,
        "total_weight": total,
        "edges": [[edge.source, edge.target, edge.weight] for edge in chosen],
        "edge_count": len(chosen),
        "node_count": len(graph.nodes),
        "components": components,
        "component_count": len(components),
        "spanning_tree": len(components) == 1,
    }
    inputs = {"edges": [[e.source, e.target, e.weight] for e in graph.edges],
              "nodes": graph.nodes, "directed": graph.directed,
              "algorithm": algorithm}
    if algorithm == "prim":
        inputs["start"] = events[0].tree[0] if events else graph.sorted_nodes()[0]
    facts = _Facts(graph, algorithm, chosen, events, components, total, params,
                   unexamined)
    return Outcome(inputs=inputs, result=result, facts=facts)


def _total(weights) -> int | float:
    """Add weights exactly as decimals and return the nearest JSON number.

    Float addition, even math.fsum of the binary values, gives
    0.1 + 0.2 + 0.4 = 0.7000000000000001, but the caller wrote decimals.
    """
    values, scale = exact_weights(list(weights))
    return plain_number(sum(values), scale)


class _UnionFind:
    """Disjoint sets with path halving and union by size."""

    def __init__(self, items):
        self.parent = {item: item for item in items}
        self.size = {item: 1 for item in items}

    def find(self, item):
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a, b) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        if self.size[root_a] < self.size[root_b]:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.size[root_a] += self.size[root_b]
        return True

    def groups(self, ordered_nodes) -> list[list[str]]:
        """Return the sets with more than one member.

        Each set keeps the order of ``ordered_nodes`` and the sets are in the
        order of their first members, so nodes sorted by name give sets
        sorted by name without a sort per call.
        """
        members: dict[str, list[str]] = {}
        for node in ordered_nodes:
            members.setdefault(self.find(node), []).append(node)
        return [group for group in members.values() if len(group) > 1]


def _kruskal(graph: Graph) -> tuple[list[Edge], list[_Event], int]:
    """Scan edges by weight (ties by input order) and keep those joining two sets."""
    sets = _UnionFind(graph.nodes)
    by_name = graph.sorted_nodes()
    ordered = sorted(graph.edges, key=lambda edge: (edge.weight, edge.index))
    chosen, events = [], []
    target = len(graph.nodes) - 1
    for position, edge in enumerate(ordered):
        accepted = sets.union(edge.source, edge.target)
        if accepted:
            chosen.append(edge)
        snapshot = sets.groups(by_name) if len(events) < MAX_TRACED_STEPS else []
        events.append(_Event(edge, accepted, sets=snapshot))
        if len(chosen) == target:
            return chosen, events, len(ordered) - position - 1

    return chosen, events, 0


def _prim(graph: Graph, start: str | None) -> tuple[list[Edge], list[_Event]]:
    """Grow a tree from each unreached node in turn with a heap of crossing edges."""
    roots = graph.sorted_nodes()
    if start is not None:
        roots.remove(start)
        roots.insert(0, start)
    incident = _incident_edges(graph)
    in_tree: set[str] = set()
    chosen, events = [], []
    for root in roots:
        if root in in_tree:
            continue
        tree = [root]
        in_tree.add(root)
        heap = [(edge.weight, edge.index, edge) for edge in incident[root]]
        heapq.heapify(heap)
        events.append(_Event(Edge(root, root, 0, -1), True, tree=list(tree),
                             new_tree=True))
        while heap:
            _, _, edge = heapq.heappop(heap)
            node = _outside_end(edge, in_tree)
            if node is None:
                continue
            chosen.append(edge)
            tree.append(node)
            in_tree.add(node)
            snapshot = list(tree) if len(events) < MAX_TRACED_STEPS else []
            events.append(_Event(edge, True, tree=snapshot))
            for other in incident[node]:
                if _outside_end(other, in_tree) is not None:
                    heapq.heappush(heap, (other.weight, other.index, other))

    return chosen, events


def _incident_edges(graph: Graph) -> dict[str, list[Edge]]:
    incident: dict[str, list[Edge]] = {name: [] for name in graph.nodes}
    for edge in graph.edges:
        if edge.source != edge.target:
            incident[edge.source].append(edge)
            incident[edge.target].append(edge)
    return incident


def _outside_end(edge: Edge, in_tree: set[str]) -> str | None:
    """Return the end of ``edge`` outside the tree when exactly one end is in it."""
    source_in, target_in = edge.source in in_tree, edge.target in in_tree
    if source_in == target_in:
        return None
    return edge.target if source_in else edge.source


def _components(graph: Graph, chosen: list[Edge]) -> list[list[str]]:
    """Return the forest's trees as node lists, singletons included, sorted by name."""
    sets = _UnionFind(graph.nodes)
    for edge in chosen:
        sets.union(edge.source, edge.target)
    members: dict[str, list[str]] = {}
    for node in graph.nodes:
        members.setdefault(sets.find(node), []).append(node)
    groups = [sorted(group, key=natural_key) for group in members.values()]
    return sorted(groups, key=lambda group: natural_key(group[0]))


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and one step per edge considered."""
    facts: _Facts = outcome.facts
    writer = _ZH if lang == "zh" else _EN
    steps = []
    for number, event in enumerate(facts.events[:MAX_TRACED_STEPS], start=1):
        steps.append(Step(writer.event(facts, event), _event_values(facts, event,
                                                                    number)))
    hidden = len(facts.events) - MAX_TRACED_STEPS
    if hidden > 0:
        steps.append(Step(writer.hidden(hidden), {"untraced": hidden}))
    if facts.unexamined:
        steps.append(Step(writer.early_stop(facts), {"unexamined": facts.unexamined}))
    steps.append(Step(writer.total(facts), {"total_weight": facts.total,
                                            "edge_count": len(facts.chosen),
                                            "component_count": len(facts.components)}))
    return Explanation(summary=writer.summary(facts), markdown=writer.markdown(facts),
                       steps=steps)


def _event_values(facts: _Facts, event: _Event, number: int) -> dict:
    if event.new_tree:
        return {"step": number, "start": event.tree[0]}

    edge = event.edge
    values = {"step": number, "edge": [edge.source, edge.target, edge.weight],
              "accepted": event.accepted}
    if facts.algorithm == "kruskal":
        values["sets"] = event.sets
    else:
        values["tree"] = event.tree
    return values


def _sum_text(facts: _Facts) -> str:
    """Write the total as "1 + 2 + 4 = 7", or just "7" for fewer than two edges."""
    if len(facts.chosen) < 2:
        return fmt(facts.total)
    weights = " + ".join(fmt(edge.weight) for edge in facts.chosen)
    return f"{weights} = {fmt(facts.total)}"


def _plural(count: int, noun: str) -> str:
    return f"1 {noun}" if count == 1 else f"{count} {noun}s"


def _edge_text(edge: Edge) -> str:
    return f"{edge.source}–{edge.target} ({fmt(edge.weight)})"


def _group_text(group: list[str]) -> str:
    return "{" + ", ".join(group) + "}"


def _components_md(components: list[list[str]], joiner: str) -> str:
    return joiner.join("{" + ", ".join(md_escape(n) for n in group) + "}"
                       for group in components)


class _EN:
    @staticmethod
    def summary(facts: _Facts) -> str:
        name = "Kruskal's" if facts.algorithm == "kruskal" else "Prim's"
        count = len(facts.components)
        if count == 1:
            return (f"{name} algorithm finds a minimum spanning tree of "
                    f"{len(facts.chosen)} edges with total weight {fmt(facts.total)}.")
        return (f"The graph has {count} connected components, so there is no spanning "
                f"tree: {name} algorithm finds a minimum spanning forest of "
                f"{len(facts.chosen)} edges with total weight {fmt(facts.total)}.")

    @staticmethod
    def event(facts: _Facts, event: _Event) -> str:
        edge = event.edge
        if event.new_tree:
            return f"Start a tree at {edge.source}."
        if facts.algorithm == "prim":
            return (f"The cheapest edge leaving the tree is {_edge_text(edge)}: add it "
                    f"and its new node. Tree: {_group_text(event.tree)}."
                    if event.tree else
                    f"The cheapest edge leaving the tree is {_edge_text(edge)}: "
                    "add it.")
        if edge.source == edge.target:
            return f"Skip the self-loop {_edge_text(edge)}: it joins {edge.source} " \
                   "to itself."
        if not event.accepted:
            return (f"Skip {_edge_text(edge)}: {edge.source} and {edge.target} are "
                    "already in the same set, so it would close a cycle.")
        sets = "; ".join(_group_text(group) for group in event.sets)
        return (f"Take {_edge_text(edge)}: it joins two different sets. "
                + (f"Sets of two or more nodes: {sets}." if sets else ""))

    @staticmethod
    def hidden(count: int) -> str:
        return (f"{count} more steps follow the same rule; the result lists every "
                "chosen edge.")

    @staticmethod
    def early_stop(facts: _Facts) -> str:
        rest = ("the last edge is" if facts.unexamined == 1
                else f"the remaining {facts.unexamined} edges are")
        return (f"The tree has n - 1 = {len(facts.chosen)} edges, so {rest} never "
                "examined.")

    @staticmethod
    def total(facts: _Facts) -> str:
        return f"Total weight = {_sum_text(facts)}."

    @staticmethod
    def markdown(facts: _Facts) -> str:
        graph = facts.graph
        parts = [
            "A **spanning tree** connects all nodes of a graph using n - 1 edges "
            "and no cycle; a **minimum** spanning tree does so with the least total "
            "weight. Both classic algorithms rely on one fact: the cheapest edge "
            "across any split of the nodes into two groups is safe to take.",
        ]
        if facts.algorithm == "kruskal":
            parts.append(
                "**Kruskal's algorithm** sorts the edges from cheapest to dearest "
                "(equal weights keep your order) and takes each edge unless its two "
                "ends are already connected, because then it would close a cycle. A "
                "union-find structure keeps the sets of connected nodes, so that "
                "check is a lookup.")
        else:
            parts.append(
                "**Prim's algorithm** grows a single tree from a start node. At each "
                "step it adds the cheapest edge with exactly one end in the tree "
                "(equal weights go to the edge listed first), which brings in one "
                "new node.")
        chosen = ", ".join(md_escape(_edge_text(edge)) for edge in facts.chosen)
        parts.append(
            f"Here the graph has {_plural(len(graph.nodes), 'node')} and "
            f"{_plural(len(graph.edges), 'edge')}. The chosen edges, in the order "
            f"taken, are {chosen or 'none'}, "
            f"for a total weight of **{fmt(facts.total)}**.")
        if len(facts.components) > 1:
            parts.append(
                f"**The graph is not connected.** It falls into "
                f"{len(facts.components)} components: "
                f"{_components_md(facts.components, ', ')}. No edge joins them, so no "
                "spanning tree exists. What you get is a **minimum spanning "
                "forest**: a minimum spanning tree inside each component, with "
                f"{len(graph.nodes)} - {len(facts.components)} = "
                f"{_plural(len(facts.chosen), 'edge')} in all."
                + (" Prim's algorithm restarts at the first unreached node (by "
                   "name) whenever its tree cannot grow further."
                   if facts.algorithm == "prim" else ""))
        loops = graph.self_loops()
        if loops:
            parts.append("Self-loops never belong to a spanning tree, since each "
                         "is a cycle on its own: "
                         + ", ".join(md_escape(_edge_text(edge)) for edge in loops)
                         + ".")
        return "\n\n".join(parts)


class _ZH:
    @staticmethod
    def summary(facts: _Facts) -> str:
        name = "Kruskal" if facts.algorithm == "kruskal" else "Prim"
        count = len(facts.components)
        if count == 1:
            return (f"{name} 算法找到一棵最小生成树，共 {len(facts.chosen)} 条边，"
                    f"总权重 {fmt(facts.total)}。")
        return (f"这个图有 {count} 个连通分量，所以不存在生成树：{name} 算法找到一个"
                f"最小生成森林，共 {len(facts.chosen)} 条边，总权重 {fmt(facts.total)}。")

    @staticmethod
    def event(facts: _Facts, event: _Event) -> str:
        edge = event.edge
        if event.new_tree:
            return f"从 {edge.source} 开始一棵新树。"
        if facts.algorithm == "prim":
            return (f"离开这棵树的最便宜的边是 {_edge_text(edge)}：加入它和它带来的"
                    f"新节点。树：{_group_text(event.tree)}。"
                    if event.tree else
                    f"离开这棵树的最便宜的边是 {_edge_text(edge)}：加入它。")
        if edge.source == edge.target:
            return f"跳过自环 {_edge_text(edge)}：它把 {edge.source} 连回自己。"
        if not event.accepted:
            return (f"跳过 {_edge_text(edge)}：{edge.source} 和 {edge.target} 已在同一个"
                    "集合里，加上它会形成环。")
        sets = "；".join(_group_text(group) for group in event.sets)
        return (f"选取 {_edge_text(edge)}：它连接两个不同的集合。"
                + (f"含两个及以上节点的集合：{sets}。" if sets else ""))

    @staticmethod
    def hidden(count: int) -> str:
        return f"后面还有 {count} 步，规则相同；结果里列出了所有选中的边。"

    @staticmethod
    def early_stop(facts: _Facts) -> str:
        return (f"树已有 n - 1 = {len(facts.chosen)} 条边，剩下的 {facts.unexamined} "
                "条边不必再看。")

    @staticmethod
    def total(facts: _Facts) -> str:
        return f"总权重 = {_sum_text(facts)}。"

    @staticmethod
    def markdown(facts: _Facts) -> str:
        graph = facts.graph
        parts = [
            "**生成树**用 n - 1 条边、不成环地连接图中所有节点；**最小**生成树是总权重"
            "最小的生成树。两个经典算法都依赖同一个事实：把节点任意分成两组，"
            "跨越两组的最便宜的边总可以放心选取。",
        ]
        if facts.algorithm == "kruskal":
            parts.append(
                "**Kruskal 算法**把边按权重从小到大排序（权重相同时保持你给的顺序），"
                "依次选取每条边，除非它的两端已经连通，因为那样会形成环。并查集记录"
                "哪些节点已经连通，所以这个检查只是一次查找。")
        else:
            parts.append(
                "**Prim 算法**从一个起点开始只长一棵树。每一步加入恰有一端在树里的"
                "最便宜的边（权重相同时选先列出的边），从而带进一个新节点。")
        chosen = "、".join(md_escape(_edge_text(edge)) for edge in facts.chosen)
        parts.append(
            f"这里图有 {len(graph.nodes)} 个节点、{len(graph.edges)} 条边。按选取顺序，"
            f"选中的边是 {chosen or '无'}，总权重 **{fmt(facts.total)}**。")
        if len(facts.components) > 1:
            parts.append(
                f"**这个图不连通。** 它分成 {len(facts.components)} 个连通分量："
                f"{_components_md(facts.components, '、')}。它们之间没有边，所以不存在"
                "生成树。得到的是**最小生成森林**：每个连通分量里各一棵最小生成树，"
                f"一共 {len(graph.nodes)} - {len(facts.components)} = "
                f"{len(facts.chosen)} 条边。"
                + ("每当树无法再长大时，Prim 算法就从（按名字）第一个尚未到达的节点"
                   "重新开始。" if facts.algorithm == "prim" else ""))
        loops = graph.self_loops()
        if loops:
            parts.append("自环本身就是一个环，永远不会属于生成树："
                         + "、".join(md_escape(_edge_text(edge)) for edge in loops)
                         + "。")
        return "\n\n".join(parts)


_WORDS = {
    "en": {"title": "Minimum spanning tree", "title_forest": "Minimum spanning forest",
           "tree": "in the tree", "other": "not chosen", "considered": "considered now",
           "sets": "one colour per union-find set",
           "rejected": "skipped (closes a cycle)", "component": "tree {n}",
           "final": "Total weight {total} with {edges} edges.",
           "final_forest": "{count} components, so a forest: total weight {total} "
                           "with {edges} edges.",
           "take": "Take {edge}", "skip": "Skip {edge}: cycle",
           "start": "Start a tree at {node}"},
    "zh": {"title": "最小生成树", "title_forest": "最小生成森林",
           "tree": "在树中", "other": "未选中", "considered": "正在考虑",
           "sets": "每个并查集集合一种颜色",
           "rejected": "跳过（会成环）", "component": "第 {n} 棵树",
           "final": "总权重 {total}，共 {edges} 条边。",
           "final_forest": "{count} 个连通分量，所以是森林：总权重 {total}，"
                           "共 {edges} 条边。",
           "take": "选取 {edge}", "skip": "跳过 {edge}：成环",
           "start": "从 {node} 开始一棵树"},
}


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the graph with the chosen edges in colour, one colour per tree."""
    facts: _Facts = outcome.facts
    words = _WORDS[lang]
    plan = plan_for(facts.graph)
    colour_of = {node: index % 8 for index, group in enumerate(facts.components)
                 for node in group}
    forest = len(facts.components) > 1
    legend = [LegendEntry(words["tree"], 0, "edge")]
    if forest:
        legend = [LegendEntry(words["component"].format(n=index + 1), index % 8, "edge")
                  for index, group in enumerate(facts.components[:8]) if len(group) > 1]
    frames = _frames(facts, words)
    if frames and facts.algorithm == "kruskal":
        legend = [LegendEntry(words["sets"], _SET_COLOURS[0]),
                  LegendEntry(words["considered"], 3, "edge")]
    elif frames:
        legend.append(LegendEntry(words["considered"], 3, "edge"))

    final = _final_frame(facts, words, colour_of)
    title = words["title_forest" if forest else "title"]
    summary = (_ZH if lang == "zh" else _EN).summary(facts)
    return draw_result(plan, facts.params, final=final, frames=frames or [final],
                       title=title, desc=summary, theme=theme, legend=legend)


def _final_frame(facts: _Facts, words: dict, colour_of: dict) -> Frame:
    nodes = {node: NodeMark(colour=colour_of[node]) for node in facts.graph.nodes}
    edges = {(edge.source, edge.target): EdgeMark(colour=colour_of[edge.source])
             for edge in facts.chosen}
    # Dashing the unchosen edges helps on small graphs; on large ones every
    # marked edge is its own element, so they stay plain.
    if len(facts.graph.edges) <= MAX_MUTED_EDGES:
        for edge in facts.graph.edges:
            if (edge.source, edge.target) not in edges:
                edges[(edge.source, edge.target)] = EdgeMark(muted=True)
    values = {"total": fmt(facts.total), "edges": len(facts.chosen),
              "count": len(facts.components)}
    key = "final_forest" if len(facts.components) > 1 else "final"
    return Frame(nodes, edges, words[key].format(**values))


def _frames(facts: _Facts, words: dict) -> list[Frame]:
    """Build one frame per step, only when frames or an animation is requested."""
    if not (facts.params.get("frames") or facts.params.get("animate")):
        return []
    if facts.algorithm == "kruskal":
        return _kruskal_frames(facts, words)

    frames = []
    taken: dict = {}
    reached: dict = {}
    for event in facts.events:
        edge = event.edge
        if event.new_tree:
            reached[edge.source] = NodeMark(colour=0)
            frames.append(Frame(dict(reached), dict(taken),
                                words["start"].format(node=edge.source)))
            continue
        key = (edge.source, edge.target)
        current = dict(taken)
        if event.accepted:
            taken[key] = EdgeMark(colour=0)
            current[key] = EdgeMark(colour=3, width=5)
            reached[edge.source] = reached[edge.target] = NodeMark(colour=0)
            caption = words["take"].format(edge=_edge_text(edge))
        else:
            current[key] = EdgeMark(colour=3, dashed=True)
            caption = words["skip"].format(edge=_edge_text(edge))
        frames.append(Frame(dict(reached), current, caption))

    return frames


# Union-find sets get these colours, and 3 (vermillion) is kept
# for the edge under consideration.
_SET_COLOURS = (0, 1, 2, 4, 5, 6)


def _kruskal_frames(facts: _Facts, words: dict) -> list[Frame]:
    """Build one frame per edge considered, each union-find set in its colour.

    A merged set keeps the colour of the set that had one first, so colours
    stay put from frame to frame.
    """
    sets = _UnionFind(facts.graph.nodes)
    set_colour: dict[str, int] = {}
    taken: list[Edge] = []
    frames = []
    count = len(facts.events)
    # The animation plays at most MAX_FRAMES frames spread evenly over the
    # steps, so only those are built; a strip samples from them again.
    picks = {round(i * (count - 1) / (MAX_FRAMES - 1)) for i in range(MAX_FRAMES)}
    for number, event in enumerate(facts.events):
        edge = event.edge
        if event.accepted:
            _merge_colours(sets, set_colour, edge, len(taken))
            taken.append(edge)
        if count > MAX_FRAMES and number not in picks:
            continue
        colour = {node: set_colour[sets.find(node)] for node in facts.graph.nodes
                  if sets.find(node) in set_colour}
        nodes = {node: NodeMark(colour=value) for node, value in colour.items()}
        edges = {(e.source, e.target): EdgeMark(colour=colour[e.source])
                 for e in taken}
        key = (edge.source, edge.target)
        if event.accepted:
            edges[key] = EdgeMark(colour=3, width=5)
            caption = words["take"].format(edge=_edge_text(edge))
        else:
            edges[key] = EdgeMark(colour=3, dashed=True)
            caption = words["skip"].format(edge=_edge_text(edge))
        frames.append(Frame(nodes, edges, caption))

    return frames


def _merge_colours(sets: _UnionFind, set_colour: dict, edge: Edge, count: int) -> None:
    """Join the sets of ``edge`` and carry an existing colour to the new root."""
    old = [set_colour.pop(sets.find(end), None) for end in (edge.source, edge.target)]
    sets.union(edge.source, edge.target)
    kept = [value for value in old if value is not None]
    free = [value for value in _SET_COLOURS if value not in set_colour.values()]
    fresh = free[0] if free else _SET_COLOURS[count % len(_SET_COLOURS)]
    set_colour[sets.find(edge.source)] = kept[0] if kept else fresh


_EDGE = {"type": "array", "minItems": 3, "maxItems": 3,
         "prefixItems": [{"type": "string"}, {"type": "string"}, {"type": "number"}]}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["algorithm", "total_weight", "edges", "components", "spanning_tree"],
    "properties": {
        "algorithm": {"type": "string", "enum": ["kruskal", "prim"]},
        "total_weight": {"type": "number"},
        "edges": {"type": "array", "items": _EDGE,
                  "description": "Chosen edges [u, v, weight] in the order taken."},
        "edge_count": {"type": "integer"},
        "node_count": {"type": "integer"},
        "components": {"type": "array",
                       "items": {"type": "array", "items": {"type": "string"}},
                       "description": "Nodes of each tree of the forest."},
        "component_count": {"type": "integer"},
        "spanning_tree": {"type": "boolean",
                          "description": "false when the graph is disconnected and "
                                         "the answer is a spanning forest."},
    },
}

CONCEPT = register(Concept(
    name="graph/mst",
    title={"en": "Minimum spanning tree", "zh": "最小生成树"},
    description=(
        "Minimum spanning tree of the caller's weighted undirected graph with "
        "Kruskal's (union-find sets after each step) or Prim's algorithm; a "
        "disconnected graph gets a minimum spanning forest. Call it to explain MSTs."
    ),
    schema=MstInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"edges": "A-B:4,A-C:1,B-C:2,B-D:5,C-D:8,D-E:3", "algorithm": "kruskal"},
    limits=LIMITS,
    result_schema=RESULT_SCHEMA,
    family="graph algorithms",
))

"""Single-source shortest paths with Dijkstra's algorithm or Bellman–Ford.

Notes
-----
Both algorithms keep a tentative distance per node (0 at the source,
infinity elsewhere) and improve it by **relaxing** edges: if
dist(u) + w(u, v) < dist(v), the path through u is shorter, so dist(v)
and the predecessor of v are updated.

Dijkstra settles the unsettled node with the smallest tentative
distance and relaxes its outgoing edges. With no negative edge a settled
distance can never improve later, because every other path already
costs at least as much before its last edges. One negative edge breaks
that argument, so Dijkstra rejects such graphs here instead of returning
a wrong path.

Bellman–Ford relaxes every edge in rounds. After round k every shortest
path with at most k edges is known, so n - 1 rounds suffice when no
negative cycle is reachable. If an edge still relaxes in round n, a
negative cycle is reachable and no shortest distance exists.

References
----------
E. W. Dijkstra, "A note on two problems in connexion with graphs", 1959.
T. H. Cormen, C. E. Leiserson, R. L. Rivest and C. Stein, "Introduction
to Algorithms", 3rd ed., sections 24.1 and 24.3.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

from ..base import Concept, Explanation, InputError, Outcome, Step, register
from ..draw.graphs import EdgeMark, Frame, LegendEntry, NodeMark
from ..fields import Choice
from ..text import Message, fmt, md_escape
from .graph_input import (LIMITS, Edge, Graph, GraphInput, NodeName, build_graph,
                          exact_weights, natural_key, plain_number, require_node)
from .picture import draw_result, plan_for

ALGORITHMS = ("dijkstra", "bellman-ford")


class ShortestPathInput(GraphInput):
    source = NodeName(
        required=True,
        description="The node the distances are measured from.",
        example="A",
    )
    target = NodeName(
        description="Optional node to report the shortest path to.",
        example="D",
    )
    algorithm = Choice(
        choices=ALGORITHMS,
        load_default="dijkstra",
        description="dijkstra (weights must be 0 or more) or bellman-ford (negative "
                    "weights allowed; reports a reachable negative cycle).",
        example="dijkstra",
    )


@dataclass
class _Relax:
    source: str
    target: str
    weight: int | float
    old: float
    candidate: float
    improved: bool


@dataclass
class _Round:
    """One Dijkstra settle (``node`` set) or one Bellman–Ford round."""

    node: str | None
    distance: float | None
    relaxations: list[_Relax]
    distances: dict[str, float]
    checked: int = 0
    check: bool = False


@dataclass
class _Facts:
    graph: Graph
    algorithm: str
    source: str
    target: str | None
    rounds: list[_Round]
    distance: dict[str, float]
    parent: dict[str, str | None]
    cycle: list[str] | None
    cycle_weight: float | None
    params: dict
    direct: float | None = None
    stopped_early: bool = False
    settled: list[str] = field(default_factory=list)


def compute(params: dict) -> Outcome:
    """Compute distances, predecessors and the path to ``target``."""
    graph = build_graph(params)
    source = require_node(graph, params, "source")
    target = require_node(graph, params, "target") if params.get("target") else None
    algorithm = params["algorithm"]
    # Float sums round, so a zero-weight cycle such as 0.3 - 0.1 - 0.2 could
    # look negative. The algorithms therefore add exact weights, and every
    # amount becomes the nearest JSON number only afterwards.
    exact_graph, scale = _exact_graph(graph)
    if algorithm == "dijkstra":
        _reject_negative(graph)
        facts = _dijkstra(exact_graph, source)
    else:
        facts = _bellman_ford(exact_graph, source)
    _convert_to_json_numbers(facts, scale)
    facts.graph = graph
    facts.algorithm, facts.target, facts.params = algorithm, target, params
    if target is not None and target != source:
        facts.direct = graph.weight(source, target)

    inputs = {"edges": [[e.source, e.target, e.weight] for e in graph.edges],
              "nodes": graph.nodes, "directed": graph.directed, "source": source,
              "target": target, "algorithm": algorithm}
    return Outcome(inputs=inputs, result=_result(facts), facts=facts)


def _exact_graph(graph: Graph) -> tuple[Graph, int]:
    """Return a copy of ``graph`` with exact weights in units of 1/scale, and scale."""
    weights, scale = exact_weights([edge.weight for edge in graph.edges])
    edges = [Edge(edge.source, edge.target, weight, edge.index)
             for edge, weight in zip(graph.edges, weights)]
    return Graph(graph.nodes, edges, graph.directed, graph.weighted), scale


def _convert_to_json_numbers(facts: _Facts, scale: int) -> None:
    """Replace the exact amounts in ``facts`` by the nearest JSON numbers."""
    cache: dict = {}

    def number(value):
        if value not in cache:
            cache[value] = plain_number(value, scale)
        return cache[value]

    facts.distance = {name: number(value) for name, value in facts.distance.items()}
    if facts.cycle_weight is not None:
        facts.cycle_weight = number(facts.cycle_weight)
    for item in facts.rounds:
        if item.distance is not None:
            item.distance = number(item.distance)
        item.distances = {name: number(value) for name, value in item.distances.items()}
        for relax in item.relaxations:
            relax.weight = number(relax.weight)
            relax.old = number(relax.old)
            relax.candidate = number(relax.candidate)


def _reject_negative(graph: Graph) -> None:
    negative = [edge for edge in graph.edges if edge.weight < 0]
    if not negative:
        return

    edge = negative[0]
    label = f"{edge.source}-{edge.target}"
    raise InputError({"algorithm": Message(
        f"Dijkstra's algorithm cannot take the negative weight {fmt(edge.weight)} on "
        f"edge {edge.index + 1} '{label}': it never revisits a settled node, so a "
        "path that gets cheaper through a later negative edge would be missed. Use "
        "algorithm=bellman-ford, which accepts negative weights and reports a "
        "negative cycle.",
        f"Dijkstra 算法不能处理第 {edge.index + 1} 条边“{label}”上的负权重 "
        f"{fmt(edge.weight)}：它不会重新检查已确定的节点，经过后面一条负权边而变短的"
        "路径会被漏掉。请改用 algorithm=bellman-ford，它接受负权重并会报告负环。")})


def _dijkstra(graph: Graph, source: str) -> _Facts:
    distance = {name: math.inf for name in graph.nodes}
    parent: dict[str, str | None] = {name: None for name in graph.nodes}
    distance[source] = 0
    settled: list[str] = []
    done: set[str] = set()
    heap = [(0, natural_key(source), source)]
    rounds = []
    while heap:
        current, _key, node = heapq.heappop(heap)
        if node in done:
            continue
        done.add(node)
        settled.append(node)
        relaxations = []
        for neighbour, weight in graph.neighbours(node):
            if neighbour in done:
                continue
            candidate = current + weight
            improved = candidate < distance[neighbour]
            relaxations.append(_Relax(node, neighbour, weight, distance[neighbour],
                                      candidate, improved))
            if improved:
                distance[neighbour], parent[neighbour] = candidate, node
                heapq.heappush(heap, (candidate, natural_key(neighbour), neighbour))
        rounds.append(_Round(node, current, relaxations, dict(distance)))

    return _Facts(graph, "dijkstra", source, None, rounds, distance, parent, None, None,
                  {}, settled=settled)


def _arcs(graph: Graph) -> list[tuple[str, str, int | float]]:
    """Return every arc in the caller's edge order; undirected edges go both ways."""
    arcs = []
    for edge in graph.edges:
        arcs.append((edge.source, edge.target, edge.weight))
        if not graph.directed and edge.source != edge.target:
            arcs.append((edge.target, edge.source, edge.weight))
    return arcs


def _bellman_ford(graph: Graph, source: str) -> _Facts:
    distance = {name: math.inf for name in graph.nodes}
    parent: dict[str, str | None] = {name: None for name in graph.nodes}
    distance[source] = 0
    arcs = _arcs(graph)
    rounds = []
    stopped_early = False
    for _round in range(max(len(graph.nodes) - 1, 0)):
        relaxations = _relax_all(arcs, distance, parent)
        rounds.append(_Round(None, None, relaxations, dict(distance), len(arcs)))
        if not relaxations:
            stopped_early = True
            break

    cycle = cycle_weight = None
    if not stopped_early:
        # Round n: any arc that still relaxes proves a reachable negative cycle.
        probe = dict(distance)
        for source_node, target, weight in arcs:
            if probe[source_node] + weight < probe[target]:
                cycle = _walk_to_cycle(graph, parent, target, source_node)
                cycle_weight = sum(graph.weight(u, v) for u, v in zip(cycle, cycle[1:]))
                break
        rounds.append(_Round(None, None, [], dict(distance), len(arcs), check=True))

    facts = _Facts(graph, "bellman-ford", source, None, rounds, distance, parent, cycle,
                   cycle_weight, {}, stopped_early=stopped_early)
    return facts


def _relax_all(arcs, distance, parent) -> list[_Relax]:
    """Relax every arc once, in the caller's order; return those that improved.

    NOTE: unlike Dijkstra's steps, a Bellman–Ford step lists only the
    relaxations that changed a distance, plus the count of arcs checked;
    every check would be up to 199 rounds × 4,000 arcs at the input limit.
    """
    relaxations = []
    for source, target, weight in arcs:
        if distance[source] == math.inf:
            continue
        candidate = distance[source] + weight
        if candidate < distance[target]:
            relaxations.append(_Relax(source, target, weight, distance[target],
                                      candidate, True))
            distance[target], parent[target] = candidate, source
    return relaxations


def _walk_to_cycle(graph: Graph, parent: dict, node: str, via: str) -> list[str]:
    """Return a negative cycle as a closed walk u→…→u along the edges.

    ``via``→``node`` still relaxes, so setting parent[node] = via and walking
    back n steps lands on a cycle of the predecessor graph.
    """
    parent = dict(parent)
    parent[node] = via
    for _ in range(len(graph.nodes)):
        node = parent[node]
    cycle = [node]
    walker = parent[node]
    while walker != node:
        cycle.append(walker)
        walker = parent[walker]
    cycle.reverse()
    start = min(range(len(cycle)), key=lambda i: graph.position[cycle[i]])
    cycle = cycle[start:] + cycle[:start]
    return cycle + [cycle[0]]


def _path(facts: _Facts, target: str) -> list[str] | None:
    if facts.distance[target] == math.inf:
        return None
    path = [target]
    while path[-1] != facts.source:
        path.append(facts.parent[path[-1]])
    return path[::-1]


def _result(facts: _Facts) -> dict:
    graph = facts.graph
    result = {"algorithm": facts.algorithm, "source": facts.source,
              "negative_cycle": facts.cycle, "cycle_weight": facts.cycle_weight}
    if facts.cycle is not None:
        result.update(distances=None, predecessors=None, unreachable=None)
    else:
        result["distances"] = {name: _number(facts.distance[name])
                               for name in graph.nodes}
        result["predecessors"] = {name: facts.parent[name] for name in graph.nodes}
        result["unreachable"] = [name for name in graph.nodes
                                 if facts.distance[name] == math.inf]
    if facts.algorithm == "dijkstra":
        result["settled_order"] = facts.settled
    else:
        result["rounds"] = len(facts.rounds)
    result["relaxations"] = sum(len(r.relaxations) for r in facts.rounds)

    if facts.target is not None:
        result["target"] = facts.target
        path = None if facts.cycle is not None else _path(facts, facts.target)
        result["path"] = path
        result["distance"] = None if path is None else facts.distance[facts.target]
        result["reachable"] = None if facts.cycle is not None else path is not None
    return result


# Explanation --------------------------------------------------------------


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and one step per settle or round."""
    facts: _Facts = outcome.facts
    writer = _ZH if lang == "zh" else _EN
    steps = []
    for number, item in enumerate(facts.rounds, start=1):
        relax = [{"edge": [r.source, r.target], "weight": r.weight,
                  "old": _number(r.old), "candidate": _number(r.candidate),
                  "improved": r.improved} for r in item.relaxations]
        values = {"relaxations": relax}
        if item.node is not None:
            values.update(settle=item.node, distance=_number(item.distance))
            text = writer.settle(item)
        else:
            values.update(round=number, checked=item.checked)
            text = writer.round(number, item, facts)
        steps.append(Step(text, values))

    result = outcome.result
    return Explanation(summary=writer.summary(result, facts),
                       markdown=writer.markdown(result, facts), steps=steps)


def _number(value: float):
    return None if value == math.inf else value


def _dist(value) -> str:
    return "∞" if value is None or value == math.inf else fmt(value)


def _arrow(facts: _Facts) -> str:
    return "→" if facts.graph.directed else "–"


class _EN:
    @staticmethod
    def summary(result: dict, facts: _Facts) -> str:
        if facts.cycle is not None:
            return (f"Bellman–Ford finds a negative cycle of weight "
                    f"{fmt(facts.cycle_weight)} reachable from the source, so shortest "
                    "distances do not exist.")
        name = "Dijkstra" if facts.algorithm == "dijkstra" else "Bellman–Ford"
        reached = len(facts.graph.nodes) - len(result["unreachable"])
        text = f"{name} finds distances to {reached} of {len(facts.graph.nodes)} nodes."
        if facts.target is not None:
            if result["path"] is None:
                text += " The target cannot be reached from the source."
            else:
                text += (f" The shortest path to the target has "
                         f"{len(result['path']) - 1} edges and length "
                         f"{fmt(result['distance'])}.")
        return text

    @staticmethod
    def settle(item: _Round) -> str:
        text = f"Settle {item.node} at distance {_dist(item.distance)}."
        for r in item.relaxations:
            if r.improved:
                text += (f" Relax {r.source}→{r.target}: {_dist(item.distance)} + "
                         f"{fmt(r.weight)} = {fmt(r.candidate)} < {_dist(r.old)}, "
                         "update.")
            else:
                text += (f" {r.source}→{r.target}: {fmt(r.candidate)} is not less than "
                         f"{_dist(r.old)}, keep.")
        return text

    @staticmethod
    def round(number: int, item: _Round, facts: _Facts) -> str:
        if item.check and facts.cycle is not None:
            cycle = "→".join(facts.cycle)
            return (f"Round {number} (check): an edge still relaxes after "
                    f"{number - 1} rounds, so there is a negative cycle: {cycle}, "
                    f"weight {fmt(facts.cycle_weight)}.")
        if item.check:
            return (f"Round {number} (check): no edge of {item.checked} relaxes, so no "
                    "negative cycle is reachable and the distances are final.")
        if not item.relaxations:
            return (f"Round {number}: no edge of {item.checked} relaxes, so the "
                    "distances are final; stop early.")
        changes = "; ".join(f"{r.source}→{r.target} gives {r.target} "
                            f"{fmt(r.candidate)} (was {_dist(r.old)})"
                            for r in item.relaxations)
        return f"Round {number}: {changes}."

    @staticmethod
    def markdown(result: dict, facts: _Facts) -> str:
        source = md_escape(facts.source)
        if facts.algorithm == "dijkstra":
            parts = [
                "**Dijkstra's algorithm** grows a set of settled nodes outward from "
                f"**{source}**. Each time it settles the unsettled node with the "
                "smallest tentative distance, then **relaxes** its edges: if going "
                "through it is shorter than a neighbour's tentative distance, that "
                "distance and the neighbour's predecessor are updated. With weights "
                "of 0 or more, nothing found later can undercut a settled node.",
                "Settled in this order: "
                + ", ".join(md_escape(n) for n in facts.settled) + ".",
            ]
        else:
            parts = [
                "**Bellman–Ford** relaxes every edge once per round: if "
                "dist(u) + w(u, v) < dist(v), the path through u is shorter and "
                "replaces the old one. After round k, every shortest path with at "
                f"most k edges is known, so {max(len(facts.graph.nodes) - 1, 0)} "
                f"rounds are enough for {len(facts.graph.nodes)} nodes. Negative "
                "weights are fine; a negative cycle is not.",
            ]
            if facts.stopped_early:
                parts.append(f"Round {len(facts.rounds)} changed nothing, so it "
                             "stopped early.")
        if facts.cycle is not None:
            parts.append(_EN._cycle(facts))
            return "\n\n".join(parts)
        parts.append(_EN._table(result, facts))
        if facts.target is not None:
            parts.append(_EN._target(result, facts))
        if not facts.graph.directed and facts.algorithm == "bellman-ford":
            parts.append("The graph is undirected, so each edge is relaxed in both "
                         "directions.")
        return "\n\n".join(parts)

    @staticmethod
    def _table(result: dict, facts: _Facts) -> str:
        rows = []
        for name in facts.graph.nodes:
            distance = result["distances"][name]
            parent = result["predecessors"][name]
            rows.append(f"| {md_escape(name)} | {_dist(distance)} | "
                        f"{'—' if parent is None else md_escape(parent)} |")
        text = "| node | distance | predecessor |\n|---|---|---|\n" + "\n".join(rows)
        if result["unreachable"]:
            text += ("\n\nUnreachable (distance ∞): "
                     + ", ".join(md_escape(n) for n in result["unreachable"])
                     + ". No path leads there from "
                     + md_escape(facts.source) + "; that is an answer, not an error.")
        return text

    @staticmethod
    def _target(result: dict, facts: _Facts) -> str:
        target = md_escape(facts.target)
        if result["path"] is None:
            return f"**{target}** cannot be reached from {md_escape(facts.source)}."
        path = ", ".join(md_escape(n) for n in result["path"])
        text = (f"Shortest path to **{target}**: {path}, length "
                f"**{fmt(result['distance'])}**, found by following predecessors back "
                "from the target.")
        if facts.direct is not None and len(result["path"]) > 2:
            text += (f" The direct edge weighs {fmt(facts.direct)}, but the "
                     f"{len(result['path']) - 1}-edge path is shorter: fewest edges "
                     "is not least weight.")
        return text

    @staticmethod
    def _cycle(facts: _Facts) -> str:
        cycle = "→".join(md_escape(n) for n in facts.cycle)
        return (f"After {len(facts.rounds) - 1} rounds an edge still relaxes, which "
                f"can only happen on a **negative cycle**: {cycle}, total weight "
                f"**{fmt(facts.cycle_weight)}**. Going round it once more always makes "
                "a path cheaper, so the distances of nodes reachable through it have "
                "no minimum; no distances are reported."
                + (" In an undirected graph a negative edge is already such a cycle, "
                   "walked there and back." if not facts.graph.directed else ""))


class _ZH:
    @staticmethod
    def summary(result: dict, facts: _Facts) -> str:
        if facts.cycle is not None:
            return (f"Bellman–Ford 发现从起点可达一个权重为 {fmt(facts.cycle_weight)} "
                    "的负环，所以最短距离不存在。")
        name = "Dijkstra" if facts.algorithm == "dijkstra" else "Bellman–Ford"
        reached = len(facts.graph.nodes) - len(result["unreachable"])
        text = f"{name} 求出了 {len(facts.graph.nodes)} 个节点中 {reached} 个的距离。"
        if facts.target is not None:
            if result["path"] is None:
                text += "从起点无法到达终点。"
            else:
                text += (f"到终点的最短路径有 {len(result['path']) - 1} 条边，长度为 "
                         f"{fmt(result['distance'])}。")
        return text

    @staticmethod
    def settle(item: _Round) -> str:
        text = f"确定 {item.node}，距离为 {_dist(item.distance)}。"
        for r in item.relaxations:
            if r.improved:
                text += (f"松弛 {r.source}→{r.target}：{_dist(item.distance)} + "
                         f"{fmt(r.weight)} = {fmt(r.candidate)} < {_dist(r.old)}，更新。")
            else:
                text += (f"{r.source}→{r.target}：{fmt(r.candidate)} 不小于 "
                         f"{_dist(r.old)}，不变。")
        return text

    @staticmethod
    def round(number: int, item: _Round, facts: _Facts) -> str:
        if item.check and facts.cycle is not None:
            cycle = "→".join(facts.cycle)
            return (f"第 {number} 轮（检查）：{number - 1} 轮之后仍有边可以松弛，"
                    f"所以存在负环：{cycle}，权重 {fmt(facts.cycle_weight)}。")
        if item.check:
            return (f"第 {number} 轮（检查）：{item.checked} 条边都不能再松弛，所以不存在"
                    "可达的负环，距离已确定。")
        if not item.relaxations:
            return f"第 {number} 轮：{item.checked} 条边都不能再松弛，距离已确定，提前结束。"
        changes = "；".join(f"{r.source}→{r.target} 使 {r.target} 变为 "
                           f"{fmt(r.candidate)}（原为 {_dist(r.old)}）"
                           for r in item.relaxations)
        return f"第 {number} 轮：{changes}。"

    @staticmethod
    def markdown(result: dict, facts: _Facts) -> str:
        source = md_escape(facts.source)
        if facts.algorithm == "dijkstra":
            parts = [
                f"**Dijkstra 算法**从 **{source}** 出发，逐步扩大“已确定”的节点集合。"
                "每次取出暂定距离最小的未确定节点，再**松弛**它的边：如果经过它到某个邻居"
                "比邻居现在的暂定距离更短，就更新这个距离和邻居的前驱。权重都不为负时，"
                "后面找到的路径不可能比已确定的距离更短。",
                "确定的顺序：" + "、".join(md_escape(n) for n in facts.settled) + "。",
            ]
        else:
            count = len(facts.graph.nodes)
            parts = [
                "**Bellman–Ford 算法**每一轮把所有边都松弛一遍：如果 "
                "dist(u) + w(u, v) < dist(v)，经过 u 的路径更短，就替换原来的。"
                f"第 k 轮之后，所有最多 k 条边的最短路径都已求出，所以 {count} 个节点"
                f"只需 {max(count - 1, 0)} 轮。负权重没有问题，负环才有问题。",
            ]
            if facts.stopped_early:
                parts.append(f"第 {len(facts.rounds)} 轮没有任何变化，所以提前结束。")
        if facts.cycle is not None:
            cycle = "→".join(md_escape(n) for n in facts.cycle)
            parts.append(
                f"{len(facts.rounds) - 1} 轮之后仍有边可以松弛，这只可能来自**负环**："
                f"{cycle}，总权重 **{fmt(facts.cycle_weight)}**。每多绕一圈路径就更短，"
                "所以经过它能到达的节点没有最短距离；这里不报告距离。"
                + ("在无向图中，一条负权边来回走一次就是这样的环。"
                   if not facts.graph.directed else ""))
            return "\n\n".join(parts)
        rows = []
        for name in facts.graph.nodes:
            parent = result["predecessors"][name]
            rows.append(f"| {md_escape(name)} | {_dist(result['distances'][name])} | "
                        f"{'—' if parent is None else md_escape(parent)} |")
        table = "| 节点 | 距离 | 前驱 |\n|---|---|---|\n" + "\n".join(rows)
        if result["unreachable"]:
            table += ("\n\n无法到达（距离 ∞）："
                      + "、".join(md_escape(n) for n in result["unreachable"])
                      + f"。从 {source} 出发没有路径通向它们；这是正常的结果，不是错误。")
        parts.append(table)
        if facts.target is not None:
            parts.append(_ZH._target(result, facts))
        if not facts.graph.directed and facts.algorithm == "bellman-ford":
            parts.append("这是无向图，所以每条边两个方向都要松弛。")
        return "\n\n".join(parts)

    @staticmethod
    def _target(result: dict, facts: _Facts) -> str:
        target = md_escape(facts.target)
        if result["path"] is None:
            return f"从 {md_escape(facts.source)} 无法到达 **{target}**。"
        path = "、".join(md_escape(n) for n in result["path"])
        text = (f"到 **{target}** 的最短路径：{path}，长度 **{fmt(result['distance'])}**，"
                "由终点沿前驱倒推得到。")
        if facts.direct is not None and len(result["path"]) > 2:
            text += (f"直接相连的边权重是 {fmt(facts.direct)}，但这条 "
                     f"{len(result['path']) - 1} 条边的路径更短：边数最少不等于权重最小。")
        return text


# Drawing ------------------------------------------------------------------

_WORDS = {
    "en": {"title": "Shortest paths", "source": "source", "settled": "settled",
           "current": "node being settled",
           "frontier": "tentative distance", "tree": "shortest-path tree",
           "path": "path to the target", "cycle": "negative cycle",
           "relaxed": "relaxed in this step", "unreached": "unreachable",
           "settle": "Settle {node} at {d}", "round": "Round {n}: {count} updates",
           "check": "Round {n}: negative cycle found",
           "final": "Notes give each node's distance from {source}.",
           "final_cycle": "Negative cycle {cycle}, weight {w}: no shortest distances."},
    "zh": {"title": "最短路径", "source": "起点", "settled": "已确定",
           "current": "正在确定的节点",
           "frontier": "暂定距离", "tree": "最短路径树", "path": "到终点的路径",
           "cycle": "负环", "relaxed": "本步松弛的边", "unreached": "无法到达",
           "settle": "确定 {node}，距离 {d}", "round": "第 {n} 轮：更新 {count} 次",
           "check": "第 {n} 轮：发现负环",
           "final": "标注是各节点到 {source} 的距离。",
           "final_cycle": "负环 {cycle}，权重 {w}：最短距离不存在。"},
}


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the shortest-path tree and path, the negative cycle, or the steps."""
    facts: _Facts = outcome.facts
    words = _WORDS[lang]
    plan = plan_for(facts.graph)
    steps_shown = facts.params.get("frames") or facts.params.get("animate")
    if not steps_shown:
        legend = [LegendEntry(words["source"], 0)]
    elif facts.algorithm == "dijkstra":
        legend = [LegendEntry(words["current"], 0)]
    else:
        legend = []
    if facts.cycle is None or steps_shown:
        legend.append(LegendEntry(words["settled"], 2))
    if steps_shown:
        legend += [LegendEntry(words["frontier"], 1),
                   LegendEntry(words["relaxed"], 1, "edge")]
    if facts.cycle is not None:
        legend.append(LegendEntry(words["cycle"], 3, "edge"))
    else:
        legend.append(LegendEntry(words["tree"], 0, "edge"))
        if facts.target is not None and not steps_shown:
            legend.append(LegendEntry(words["path"], 3, "edge"))

    summary = (_ZH if lang == "zh" else _EN).summary(outcome.result, facts)
    return draw_result(plan, facts.params, final=_final_frame(facts, words),
                       frames=lambda: _frames(facts, words), title=words["title"],
                       desc=summary, theme=theme, legend=legend)


def _tree_marks(facts: _Facts, parent: dict) -> dict:
    return {(parent[name], name): EdgeMark(colour=0)
            for name in facts.graph.nodes if parent.get(name) is not None}


def _final_frame(facts: _Facts, words: dict) -> Frame:
    if facts.cycle is not None:
        edges = {(u, v): EdgeMark(colour=3, width=4)
                 for u, v in zip(facts.cycle, facts.cycle[1:])}
        nodes = {name: NodeMark(colour=3) for name in facts.cycle}
        nodes[facts.source] = NodeMark(colour=0, solid=True)
        caption = words["final_cycle"].format(cycle="→".join(facts.cycle),
                                              w=fmt(facts.cycle_weight))
        return Frame(nodes, edges, caption)

    nodes = {}
    for name in facts.graph.nodes:
        distance = facts.distance[name]
        if distance == math.inf:
            nodes[name] = NodeMark(muted=True, note="∞")
        else:
            nodes[name] = NodeMark(colour=0 if name == facts.source else 2,
                                   solid=name == facts.source, note=_dist(distance))
    edges = _tree_marks(facts, facts.parent)
    if facts.target is not None and facts.distance[facts.target] != math.inf:
        path = _path(facts, facts.target)
        for u, v in zip(path, path[1:]):
            edges[(u, v)] = EdgeMark(colour=3, width=5)
    return Frame(nodes, edges, words["final"].format(source=facts.source))


def _frames(facts: _Facts, words: dict) -> list[Frame]:
    frames = []
    parent: dict[str, str] = {}
    settled: set[str] = set()
    for number, item in enumerate(facts.rounds, start=1):
        for r in item.relaxations:
            if r.improved:
                parent[r.target] = r.source
        if item.node is not None:
            settled.add(item.node)
        nodes = {}
        for name, distance in item.distances.items():
            if distance == math.inf:
                continue
            last_round = item.node is None and number == len(facts.rounds)
            done = name in settled or last_round
            nodes[name] = NodeMark(colour=2 if done else 1, note=_dist(distance))
        if item.node is not None:
            nodes[item.node] = NodeMark(colour=0, solid=True, note=_dist(item.distance))
        edges = _tree_marks(facts, parent)
        for r in item.relaxations:
            if r.improved:
                edges[(r.source, r.target)] = EdgeMark(colour=1, width=4.5)
        if item.node is not None:
            caption = words["settle"].format(node=item.node, d=_dist(item.distance))
        elif item.check and facts.cycle is not None:
            caption = words["check"].format(n=number)
            edges = {(u, v): EdgeMark(colour=3, width=4)
                     for u, v in zip(facts.cycle, facts.cycle[1:])}
        else:
            caption = words["round"].format(n=number, count=len(item.relaxations))
        frames.append(Frame(nodes, edges, caption))

    return frames


_NAMES = {"type": "array", "items": {"type": "string"}}
_MAYBE_NUMBER = {"type": ["number", "null"]}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["algorithm", "source", "distances", "predecessors", "unreachable",
                 "negative_cycle", "cycle_weight", "relaxations"],
    "properties": {
        "algorithm": {"type": "string", "enum": list(ALGORITHMS)},
        "source": {"type": "string"},
        "distances": {"type": ["object", "null"],
                      "additionalProperties": _MAYBE_NUMBER,
                      "description": "Distance per node; null for an unreachable "
                                     "node. The whole object is null when a negative "
                                     "cycle is reachable."},
        "predecessors": {"type": ["object", "null"],
                         "additionalProperties": {"type": ["string", "null"]}},
        "unreachable": {"type": ["array", "null"], "items": {"type": "string"}},
        "negative_cycle": {"type": ["array", "null"], "items": {"type": "string"},
                           "description": "A reachable negative cycle as a closed "
                                          "walk u, …, u (Bellman–Ford only)."},
        "cycle_weight": _MAYBE_NUMBER,
        "settled_order": {**_NAMES, "description": "Dijkstra: order of settling."},
        "rounds": {"type": "integer", "description": "Bellman–Ford: rounds run, "
                                                     "including the check round."},
        "relaxations": {"type": "integer",
                        "description": "Relaxations listed in the steps (Dijkstra: "
                                       "every edge to an unsettled node; Bellman–Ford: "
                                       "those that improved a distance)."},
        "target": {"type": "string"},
        "path": {"type": ["array", "null"], "items": {"type": "string"}},
        "distance": _MAYBE_NUMBER,
        "reachable": {"type": ["boolean", "null"]},
    },
}

CONCEPT = register(Concept(
    name="graph/shortest-path",
    title={"en": "Shortest paths (Dijkstra, Bellman–Ford)",
           "zh": "最短路径（Dijkstra、Bellman–Ford）"},
    description=(
        "Weighted shortest paths from a source with Dijkstra or Bellman–Ford: "
        "distances, predecessors, the path to a target and every relaxation; "
        "reports negative cycles. Call it to explain or compute shortest paths."
    ),
    schema=ShortestPathInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"edges": "A-B:1,B-C:1,C-D:1,A-D:10", "source": "A", "target": "D"},
    limits=LIMITS,
    result_schema=RESULT_SCHEMA,
    family="graph algorithms",
))

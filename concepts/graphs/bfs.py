"""Breadth-first search from a source node, with the queue after every step.

Notes
-----
BFS keeps a first-in, first-out queue. It takes the node at the front,
looks at its neighbours (here sorted by name, digit runs as numbers) and
appends every neighbour it has not seen yet. Nodes therefore leave the
queue level by level: first the source, then everything one edge away,
then everything two edges away. The level of a node is the least number
of edges on a path from the source, and the tree edges (the edge through
which each node was first seen) form a shortest-path tree in hops.

References
----------
T. H. Cormen, C. E. Leiserson, R. L. Rivest and C. Stein, "Introduction
to Algorithms", 3rd ed., section 22.2.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from ..base import Concept, Explanation, Outcome, Step, register
from ..draw.graphs import EdgeMark, Frame, LegendEntry, NodeMark
from ..text import count_noun, md_escape
from .graph_input import LIMITS, Graph, GraphInput, NodeName, build_graph, require_node
from .picture import draw_result, names, plan_for


class BfsInput(GraphInput):
    source = NodeName(
        required=True,
        description="The node where the search starts.",
        example="A",
    )


@dataclass
class _Visit:
    node: str
    level: int
    discovered: list[str]
    queue: list[str]


@dataclass
class _Facts:
    graph: Graph
    source: str
    visits: list[_Visit]
    level: dict[str, int]
    parent: dict[str, str | None]
    unreached: list[str]
    params: dict


def compute(params: dict) -> Outcome:
    """Run BFS from ``source``, recording each dequeued node and the queue after it."""
    graph = build_graph(params)
    source = require_node(graph, params, "source")
    level = {source: 0}
    parent: dict[str, str | None] = {source: None}
    queue = deque([source])
    visits = []
    while queue:
        node = queue.popleft()
        discovered = []
        for neighbour, _weight in graph.neighbours(node):
            if neighbour not in level:
                level[neighbour] = level[node] + 1
                parent[neighbour] = node
                queue.append(neighbour)
                discovered.append(neighbour)
        visits.append(_Visit(node, level[node], discovered, list(queue)))

    order = [visit.node for visit in visits]
    unreached = [name for name in graph.nodes if name not in level]
    tree_edges = [[parent[name], name] for name in order if parent[name] is not None]
    result = {
        "order": order,
        "levels": {name: level[name] for name in order},
        "parents": {name: parent[name] for name in order},
        "tree_edges": tree_edges,
        "reached": len(order),
        "unreached": unreached,
        "depth": max(level.values()),
    }
    inputs = {"edges": [[e.source, e.target, e.weight] for e in graph.edges],
              "nodes": graph.nodes, "directed": graph.directed, "source": source}
    facts = _Facts(graph, source, visits, level, parent, unreached, params)
    return Outcome(inputs=inputs, result=result, facts=facts)


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and one step per dequeued node."""
    facts: _Facts = outcome.facts
    writer = _ZH if lang == "zh" else _EN
    steps = [Step(writer.start(facts.source), {"queue": [facts.source]})]
    for number, visit in enumerate(facts.visits, start=1):
        steps.append(Step(writer.visit(number, visit),
                          {"node": visit.node, "level": visit.level,
                           "discovered": visit.discovered, "queue": visit.queue}))

    return Explanation(summary=writer.summary(outcome.result, facts),
                       markdown=writer.markdown(outcome.result, facts), steps=steps)


def _levels_by_depth(facts: _Facts) -> list[list[str]]:
    rows: list[list[str]] = []
    for visit in facts.visits:
        if visit.level == len(rows):
            rows.append([])
        rows[visit.level].append(visit.node)
    return rows


class _EN:
    @staticmethod
    def summary(result: dict, facts: _Facts) -> str:
        total = len(facts.graph.nodes)
        text = (f"BFS reaches {result['reached']} of {count_noun(total, 'node')} in "
                f"{count_noun(result['depth'] + 1, 'level')}; the farthest are "
                f"{count_noun(result['depth'], 'edge')} from the source.")
        if result["unreached"]:
            text += f" {count_noun(len(result['unreached']), 'node')} cannot be reached."
        return text

    @staticmethod
    def start(source: str) -> str:
        return f"Start: put {source} in the queue at level 0."

    @staticmethod
    def visit(number: int, visit: _Visit) -> str:
        found = (f"adds {names(visit.discovered)} at level {visit.level + 1}"
                 if visit.discovered else "finds no new neighbour")
        queue = names(visit.queue) if visit.queue else "empty"
        return (f"Visit {number}: take {visit.node} (level {visit.level}); it "
                f"{found}. Queue: {queue}.")

    @staticmethod
    def markdown(result: dict, facts: _Facts) -> str:
        source = md_escape(facts.source)
        kind = "arcs (u-v means u→v)" if facts.graph.directed else "undirected edges"
        parts = [
            "**Breadth-first search** explores a graph in rings around a start node. "
            "It keeps a queue: take the node at the front, then append each of its "
            "neighbours that has not been seen yet. Because the queue is first in, "
            "first out, every node one edge away is taken before any node two edges "
            "away, and so on.",
            f"Here the search starts at **{source}** and follows {kind}. Neighbours "
            "are taken in order of their names (digit runs compare as numbers), so "
            "the same graph always gives the same order.",
        ]
        rows = _levels_by_depth(facts)
        lines = [f"- level {depth}: {', '.join(md_escape(n) for n in row)}"
                 for depth, row in enumerate(rows)]
        parts.append("Visit order: " + ", ".join(md_escape(n) for n in result["order"])
                     + ". The levels are:\n\n" + "\n".join(lines))
        parts.append(
            f"The level of a node is the fewest edges on any path from {source}: "
            f"the farthest nodes are {count_noun(result['depth'], 'edge')} away. Each "
            "node was first "
            "seen through one **tree edge**, and following tree edges back from any "
            f"node gives a path to {source} with that fewest number of edges. Edge "
            "weights play no part; for weighted distances use a shortest-path "
            "algorithm.")
        if facts.unreached:
            unreached = ", ".join(md_escape(n) for n in facts.unreached)
            parts.append("Not reached: " + unreached
                         + f". No path leads to them from {source}"
                         + (" along the direction of the arcs." if facts.graph.directed
                            else "; they are in another component."))
        return "\n\n".join(parts)


class _ZH:
    @staticmethod
    def summary(result: dict, facts: _Facts) -> str:
        total = len(facts.graph.nodes)
        text = (f"BFS 到达了 {total} 个节点中的 {result['reached']} 个，共 "
                f"{result['depth'] + 1} 层；最远的节点离起点 {result['depth']} 条边。")
        if result["unreached"]:
            text += f"有 {len(result['unreached'])} 个节点无法到达。"
        return text

    @staticmethod
    def start(source: str) -> str:
        return f"开始：把 {source} 放入队列，层数为 0。"

    @staticmethod
    def visit(number: int, visit: _Visit) -> str:
        found = (f"把 {names(visit.discovered, '、')} 加入队列，层数为 {visit.level + 1}"
                 if visit.discovered else "没有发现新的邻居")
        queue = names(visit.queue) if visit.queue else "空"
        return f"第 {number} 次访问：取出 {visit.node}（第 {visit.level} 层），{found}。" \
               f"队列：{queue}。"

    @staticmethod
    def markdown(result: dict, facts: _Facts) -> str:
        source = md_escape(facts.source)
        kind = "有向边（u-v 表示 u→v）" if facts.graph.directed else "无向边"
        parts = [
            "**广度优先搜索**（BFS）从起点出发，一圈一圈向外探索。它维护一个队列："
            "取出队首的节点，再把它尚未见过的邻居依次加到队尾。队列先进先出，所以离起点"
            "一条边的节点全部处理完之后，才会处理离起点两条边的节点，依此类推。",
            f"这里从 **{source}** 出发，沿{kind}搜索。邻居按名字顺序处理（数字部分按"
            "数值比较），所以同一个图总是得到同样的顺序。",
        ]
        rows = _levels_by_depth(facts)
        lines = [f"- 第 {depth} 层：{'、'.join(md_escape(n) for n in row)}"
                 for depth, row in enumerate(rows)]
        parts.append("访问顺序：" + "、".join(md_escape(n) for n in result["order"])
                     + "。各层如下：\n\n" + "\n".join(lines))
        parts.append(
            f"一个节点的层数就是从 {source} 到它的路径最少需要几条边：最远的节点离起点 "
            f"{result['depth']} 条边。每个节点都是通过一条**树边**第一次被发现的，"
            f"沿树边往回走，就得到一条回到 {source} 且边数最少的路径。BFS 不看边的权重；"
            "要按权重求距离，请用最短路径算法。")
        if facts.unreached:
            parts.append("未到达的节点：" + "、".join(md_escape(n) for n in facts.unreached)
                         + f"。从 {source} 出发没有路径通向它们"
                         + ("（要沿箭头方向走）。" if facts.graph.directed
                            else "，它们在另一个连通分量里。"))
        return "\n\n".join(parts)


_WORDS = {
    "en": {"title": "Breadth-first search", "source": "source",
           "current": "node being visited",
           "done": "visited (number = visit order)", "queue": "in the queue",
           "tree": "tree edge", "unreached": "not reached", "level": "level",
           "start": "Start: queue {queue}",
           "caption": "Visit {n}: {node}. Queue: {queue}",
           "empty": "empty",
           "final": "Numbers give the visit order; 'level k' is the distance in edges "
                    "from {source}."},
    "zh": {"title": "广度优先搜索", "source": "起点", "current": "正在访问", "done": "已访问（数字为访问顺序）",
           "queue": "在队列中", "tree": "树边", "unreached": "未到达", "level": "层",
           "start": "开始：队列 {queue}", "caption": "第 {n} 次访问：{node}。队列：{queue}",
           "empty": "空",
           "final": "数字是访问顺序；“层 k”表示离 {source} 有 k 条边。"},
}


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the BFS tree with visit order and levels, or the steps as frames."""
    facts: _Facts = outcome.facts
    words = _WORDS[lang]
    plan = plan_for(facts.graph)
    steps_shown = facts.params.get("frames") or facts.params.get("animate")
    first = LegendEntry(words["current" if steps_shown else "source"], 0)
    legend = [first, LegendEntry(words["done"], 2)]
    if steps_shown:
        legend.append(LegendEntry(words["queue"], 1))
    legend.append(LegendEntry(words["tree"], 0, "edge"))
    if facts.unreached and not steps_shown:
        legend.append(LegendEntry(words["unreached"], 7))
    final = _final_frame(facts, words)
    summary = (_ZH if lang == "zh" else _EN).summary(outcome.result, facts)
    return draw_result(plan, facts.params, final=final,
                       frames=lambda: _frames(facts, words),
                       title=words["title"], desc=summary, theme=theme, legend=legend)


def _final_frame(facts: _Facts, words: dict) -> Frame:
    nodes = {}
    for number, visit in enumerate(facts.visits, start=1):
        nodes[visit.node] = NodeMark(colour=0 if visit.node == facts.source else 2,
                                     solid=visit.node == facts.source,
                                     badge=str(number),
                                     note=f"{words['level']} {visit.level}")
    for name in facts.unreached:
        nodes[name] = NodeMark(muted=True)
    edges = {(facts.parent[name], name): EdgeMark(colour=0)
             for name in facts.level if facts.parent[name] is not None}
    caption = words["final"].format(source=facts.source)
    return Frame(nodes, edges, caption)


def _frames(facts: _Facts, words: dict) -> list[Frame]:
    frames = []
    start_nodes = {facts.source: NodeMark(colour=1)}
    frames.append(Frame(start_nodes, {}, words["start"].format(queue=facts.source)))
    done: dict[str, NodeMark] = {}
    tree: dict = {}
    for number, visit in enumerate(facts.visits, start=1):
        done[visit.node] = NodeMark(colour=2, badge=str(number))
        for name in visit.discovered:
            tree[(visit.node, name)] = EdgeMark(colour=0)
        nodes = dict(done)
        nodes[visit.node] = NodeMark(colour=0, solid=True, badge=str(number))
        for name in visit.queue:
            nodes[name] = NodeMark(colour=1)
        queue = names(visit.queue) if visit.queue else words["empty"]
        caption = words["caption"].format(n=number, node=visit.node, queue=queue)
        frames.append(Frame(nodes, dict(tree), caption))

    return frames


_NAMES = {"type": "array", "items": {"type": "string"}}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["order", "levels", "parents", "tree_edges", "reached", "unreached",
                 "depth"],
    "properties": {
        "order": {**_NAMES, "description": "Nodes in the order they left the queue."},
        "levels": {"type": "object", "additionalProperties": {"type": "integer"},
                   "description": "Fewest edges from the source, per reached node."},
        "parents": {"type": "object",
                    "additionalProperties": {"type": ["string", "null"]},
                    "description": "The node through which each node was first seen "
                                   "(null for the source)."},
        "tree_edges": {"type": "array", "items": _NAMES,
                       "description": "[parent, child] pairs in discovery order."},
        "reached": {"type": "integer"},
        "unreached": {**_NAMES, "description": "Nodes with no path from the source."},
        "depth": {"type": "integer", "description": "The largest level."},
    },
}

CONCEPT = register(Concept(
    name="graph/bfs",
    title={"en": "Breadth-first search", "zh": "广度优先搜索"},
    description=(
        "Breadth-first search of the caller's graph from a source: visit order, "
        "levels (fewest edges from the source), the BFS tree and the queue after "
        "each step. Call it to explain BFS or find hop distances."
    ),
    schema=BfsInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"edges": "A-B,A-C,B-D,C-D,C-E,D-F,E-F", "source": "A"},
    limits=LIMITS,
    result_schema=RESULT_SCHEMA,
    family="graph algorithms",
))

"""Depth-first search from a source node, with discovery and finish times.

Notes
-----
DFS follows one path as deep as it can, then backs up to the latest
node that still has an unexplored neighbour. Its stack contains the path
from the source to the current node. A clock ticks at every discovery
and every finish, so each node gets a discovery time d and a finish time
f, and the intervals [d, f] of two nodes are either nested or disjoint
(the parenthesis theorem). An edge to a node that is still on the stack
is a back edge, and a graph has a cycle exactly when DFS finds one.

The search is the recursive one written with an explicit stack, and
neighbours are taken sorted by name (digit runs as numbers), so the
times match the textbook recursion step for step.

References
----------
T. H. Cormen, C. E. Leiserson, R. L. Rivest and C. Stein, "Introduction
to Algorithms", 3rd ed., section 22.3.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..base import Concept, Explanation, Outcome, Step, register
from ..draw.graphs import EdgeMark, Frame, LegendEntry, NodeMark
from ..text import md_escape
from .graph_input import LIMITS, Graph, GraphInput, NodeName, build_graph, require_node
from .picture import draw_result, names, plan_for


class DfsInput(GraphInput):
    source = NodeName(
        required=True,
        description="The node where the search starts.",
        example="A",
    )


@dataclass
class _Event:
    kind: str  # "discover" or "finish"
    node: str
    time: int
    parent: str | None
    stack: list[str]
    edges: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class _Facts:
    graph: Graph
    source: str
    events: list[_Event]
    discovery: dict[str, int]
    finish: dict[str, int]
    parent: dict[str, str | None]
    kinds: dict[tuple[str, str], str]
    unreached: list[str]
    params: dict


def compute(params: dict) -> Outcome:
    """Run DFS from ``source``; record each discovery and finish with the stack."""
    graph = build_graph(params)
    source = require_node(graph, params, "source")
    facts = _search(graph, source, params)
    order = sorted(facts.discovery, key=facts.discovery.get)
    finish_order = sorted(facts.finish, key=facts.finish.get)
    grouped = {kind: [[u, v] for (u, v), found in facts.kinds.items() if found == kind]
               for kind in ("tree", "back", "forward", "cross")}
    result = {
        "order": order,
        "finish_order": finish_order,
        "discovery": {name: facts.discovery[name] for name in order},
        "finish": {name: facts.finish[name] for name in order},
        "parents": {name: facts.parent[name] for name in order},
        "tree_edges": grouped["tree"],
        "back_edges": grouped["back"],
        "forward_edges": grouped["forward"],
        "cross_edges": grouped["cross"],
        "reached": len(order),
        "unreached": facts.unreached,
    }
    inputs = {"edges": [[e.source, e.target, e.weight] for e in graph.edges],
              "nodes": graph.nodes, "directed": graph.directed, "source": source}
    return Outcome(inputs=inputs, result=result, facts=facts)


def _search(graph: Graph, source: str, params: dict) -> _Facts:
    clock = 1
    discovery = {source: clock}
    finish: dict[str, int] = {}
    parent: dict[str, str | None] = {source: None}
    kinds: dict[tuple[str, str], str] = {}
    stack = [source]
    cursors = {source: 0}
    events = [_Event("discover", source, clock, None, [source])]
    while stack:
        node = stack[-1]
        neighbours = graph.neighbours(node)
        if cursors[node] < len(neighbours):
            target = neighbours[cursors[node]][0]
            cursors[node] += 1
            kind = _classify(graph, node, target, discovery, finish, parent, kinds)
            if kind is None:
                continue
            if kind != "tree":
                kinds[(node, target)] = kind
                events[-1].edges.append((node, target, kind))
                continue
            clock += 1
            kinds[(node, target)] = "tree"
            discovery[target], parent[target], cursors[target] = clock, node, 0
            stack.append(target)
            events.append(_Event("discover", target, clock, node, list(stack)))
        else:
            clock += 1
            finish[node] = clock
            stack.pop()
            events.append(_Event("finish", node, clock, parent[node], list(stack)))

    unreached = [name for name in graph.nodes if name not in discovery]
    return _Facts(graph, source, events, discovery, finish, parent, kinds, unreached,
                  params)


def _classify(graph, node, target, discovery, finish, parent, kinds) -> str | None:
    """Name the edge node→target, or None when it was already classified."""
    if target not in discovery:
        return "tree"
    if not graph.directed:
        # An undirected edge is seen from both ends: keep its first name, and
        # the edge back to the parent is the tree edge itself.
        if (target, node) in kinds or (parent[node] == target and node != target):
            return None
        return "back"
    if target not in finish:
        return "back"
    return "forward" if discovery[node] < discovery[target] else "cross"


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and one step per event."""
    facts: _Facts = outcome.facts
    writer = _ZH if lang == "zh" else _EN
    steps = []
    for event in facts.events:
        steps.append(Step(writer.event(event),
                          {"event": event.kind, "node": event.node, "time": event.time,
                           "parent": event.parent, "stack": event.stack,
                           "non_tree_edges": [[u, v, kind] for u, v, kind
                                              in event.edges]}))

    return Explanation(summary=writer.summary(outcome.result, facts),
                       markdown=writer.markdown(outcome.result, facts), steps=steps)


_KIND_EN = {"back": "back edge", "forward": "forward edge", "cross": "cross edge"}
_KIND_ZH = {"back": "回边", "forward": "前向边", "cross": "横跨边"}


class _EN:
    @staticmethod
    def summary(result: dict, facts: _Facts) -> str:
        total = len(facts.graph.nodes)
        text = (f"DFS reaches {result['reached']} of {total} nodes; the clock runs "
                f"from 1 to {2 * result['reached']}.")
        back = len(result["back_edges"])
        if back:
            text += f" It finds {back} back edge{'s' if back > 1 else ''}, so the " \
                    "graph has a cycle reachable from the source."
        else:
            text += " It finds no back edge, so no cycle is reachable from the source."
        return text

    @staticmethod
    def event(event: _Event) -> str:
        stack = names(event.stack) if event.stack else "empty"
        if event.kind == "discover":
            via = f" from {event.parent}" if event.parent is not None else ""
            text = f"t={event.time}: discover {event.node}{via}; stack: {stack}."
        else:
            text = (f"t={event.time}: finish {event.node}, all its neighbours are "
                    f"done; stack: {stack}.")
        for source, target, kind in event.edges:
            text += f" {source}→{target} is a {_KIND_EN[kind]}."
        return text

    @staticmethod
    def markdown(result: dict, facts: _Facts) -> str:
        source = md_escape(facts.source)
        rows = [f"| {md_escape(name)} | {result['discovery'][name]} | "
                f"{result['finish'][name]} |" for name in result["order"]]
        parts = [
            "**Depth-first search** goes as deep as it can before it backs up. It "
            "keeps a stack holding the path from the start to the current node: "
            "it moves to the first neighbour not seen yet, and when a node has "
            "none left it is **finished** and popped. A clock ticks at every "
            "discovery and every finish.",
            f"Here the search starts at **{source}** and takes neighbours in order "
            "of their names (digit runs compare as numbers). Discovery order: "
            + ", ".join(md_escape(n) for n in result["order"]) + ".",
            "| node | discovered d | finished f |\n|---|---|---|\n" + "\n".join(rows),
            "The intervals [d, f] are nested or disjoint: a node discovered inside "
            "another node's interval is its descendant in the DFS tree.",
        ]
        parts.append(_EN._edges(result, facts))
        if facts.unreached:
            unreached = ", ".join(md_escape(n) for n in facts.unreached)
            parts.append("Not reached: " + unreached
                         + f". No path leads to them from {source}.")
        return "\n\n".join(parts)

    @staticmethod
    def _edges(result: dict, facts: _Facts) -> str:
        back = result["back_edges"]
        if not back:
            return ("No edge leads back to a node still on the stack (a **back "
                    "edge**), so there is no cycle among the reached nodes.")
        listed = ", ".join(f"{md_escape(u)}→{md_escape(v)}" for u, v in back)
        return (f"Back edges: {listed}. A back edge reaches a node that is still on "
                "the stack, that is an ancestor of the current node, so the tree "
                "path from it plus the edge closes a **cycle**.")


class _ZH:
    @staticmethod
    def summary(result: dict, facts: _Facts) -> str:
        total = len(facts.graph.nodes)
        text = (f"DFS 到达了 {total} 个节点中的 {result['reached']} 个；时钟从 1 走到 "
                f"{2 * result['reached']}。")
        back = len(result["back_edges"])
        if back:
            text += f"发现 {back} 条回边，所以从起点能到达一个环。"
        else:
            text += "没有发现回边，所以从起点到达不了任何环。"
        return text

    @staticmethod
    def event(event: _Event) -> str:
        stack = names(event.stack) if event.stack else "空"
        if event.kind == "discover":
            via = f"（从 {event.parent} 过来）" if event.parent is not None else ""
            text = f"t={event.time}：发现 {event.node}{via}；栈：{stack}。"
        else:
            text = f"t={event.time}：{event.node} 的邻居都已处理，完成；栈：{stack}。"
        for source, target, kind in event.edges:
            text += f"{source}→{target} 是{_KIND_ZH[kind]}。"
        return text

    @staticmethod
    def markdown(result: dict, facts: _Facts) -> str:
        source = md_escape(facts.source)
        rows = [f"| {md_escape(name)} | {result['discovery'][name]} | "
                f"{result['finish'][name]} |" for name in result["order"]]
        parts = [
            "**深度优先搜索**（DFS）先尽量往深处走，走不下去再回头。它用一个栈保存从起点到"
            "当前节点的路径：每次走向第一个还没见过的邻居；一个节点没有新邻居时就**完成**"
            "并出栈。每次发现和每次完成，时钟都加一。",
            f"这里从 **{source}** 出发，邻居按名字顺序处理（数字部分按数值比较）。发现顺序："
            + "、".join(md_escape(n) for n in result["order"]) + "。",
            "| 节点 | 发现时间 d | 完成时间 f |\n|---|---|---|\n" + "\n".join(rows),
            "各区间 [d, f] 要么嵌套要么不相交：在另一个节点的区间内被发现的节点，就是它在"
            "DFS 树中的后代。",
        ]
        back = result["back_edges"]
        if back:
            listed = "、".join(f"{md_escape(u)}→{md_escape(v)}" for u, v in back)
            parts.append(f"回边：{listed}。回边指向仍在栈中的节点，也就是当前节点的祖先，"
                         "所以沿树从它走到当前节点，再加上这条边，就构成一个**环**。")
        else:
            parts.append("没有一条边指回仍在栈中的节点（**回边**），所以已到达的节点中"
                         "没有环。")
        if facts.unreached:
            parts.append("未到达的节点：" + "、".join(md_escape(n) for n in facts.unreached)
                         + f"。从 {source} 出发没有路径通向它们。")
        return "\n\n".join(parts)


_WORDS = {
    "en": {"title": "Depth-first search", "source": "source",
           "current": "current node", "stack": "on the stack",
           "done": "finished (note = d/f)", "tree": "tree edge", "back": "back edge",
           "caption_discover": "t={t}: discover {node}. Stack: {stack}",
           "caption_finish": "t={t}: finish {node}. Stack: {stack}",
           "empty": "empty",
           "final": "Numbers give the discovery order; 'd/f' are the discovery and "
                    "finish times."},
    "zh": {"title": "深度优先搜索", "source": "起点", "current": "当前节点",
           "stack": "在栈中", "done": "已完成（标注 d/f）", "tree": "树边",
           "back": "回边",
           "caption_discover": "t={t}：发现 {node}。栈：{stack}",
           "caption_finish": "t={t}：完成 {node}。栈：{stack}",
           "empty": "空",
           "final": "数字是发现顺序；“d/f”是发现时间和完成时间。"},
}


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the DFS tree with d/f times, or the events as frames."""
    facts: _Facts = outcome.facts
    words = _WORDS[lang]
    plan = plan_for(facts.graph)
    steps_shown = facts.params.get("frames") or facts.params.get("animate")
    legend = [LegendEntry(words["current" if steps_shown else "source"], 0)]
    if steps_shown:
        legend.append(LegendEntry(words["stack"], 1))
    legend += [LegendEntry(words["done"], 2), LegendEntry(words["tree"], 0, "edge")]
    if facts.kinds and "back" in facts.kinds.values():
        legend.append(LegendEntry(words["back"], 3, "edge"))

    summary = (_ZH if lang == "zh" else _EN).summary(outcome.result, facts)
    return draw_result(plan, facts.params, final=_final_frame(facts, words),
                       frames=lambda: _frames(facts, words), title=words["title"],
                       desc=summary, theme=theme, legend=legend)


def _edge_marks(kinds: dict) -> dict:
    marks = {}
    for (source, target), kind in kinds.items():
        if kind == "tree":
            marks[(source, target)] = EdgeMark(colour=0)
        elif kind == "back":
            marks[(source, target)] = EdgeMark(colour=3, width=2.5, dashed=True)
    return marks


def _final_frame(facts: _Facts, words: dict) -> Frame:
    order = sorted(facts.discovery, key=facts.discovery.get)
    nodes = {}
    for number, name in enumerate(order, start=1):
        nodes[name] = NodeMark(colour=0 if name == facts.source else 2,
                               solid=name == facts.source, badge=str(number),
                               note=f"{facts.discovery[name]}/{facts.finish[name]}")
    for name in facts.unreached:
        nodes[name] = NodeMark(muted=True)
    return Frame(nodes, _edge_marks(facts.kinds), words["final"])


def _frames(facts: _Facts, words: dict) -> list[Frame]:
    frames = []
    kinds: dict = {}
    finished: dict[str, NodeMark] = {}
    order = sorted(facts.discovery, key=facts.discovery.get)
    number = {name: str(i) for i, name in enumerate(order, start=1)}
    for event in facts.events:
        if event.kind == "discover" and event.parent is not None:
            kinds[(event.parent, event.node)] = "tree"
        if event.kind == "finish":
            finished[event.node] = NodeMark(
                colour=2, badge=number[event.node],
                note=f"{facts.discovery[event.node]}/{event.time}")
        for source, target, kind in event.edges:
            kinds[(source, target)] = kind
        nodes = dict(finished)
        for name in event.stack:
            nodes[name] = NodeMark(colour=1, badge=number[name])
        if event.stack:
            top = event.stack[-1]
            nodes[top] = NodeMark(colour=0, solid=True, badge=number[top])
        stack = names(event.stack) if event.stack else words["empty"]
        caption = words[f"caption_{event.kind}"].format(t=event.time, node=event.node,
                                                        stack=stack)
        frames.append(Frame(nodes, _edge_marks(kinds), caption))

    return frames


_NAMES = {"type": "array", "items": {"type": "string"}}
_PAIRS = {"type": "array", "items": _NAMES}
_TIMES = {"type": "object", "additionalProperties": {"type": "integer"}}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["order", "finish_order", "discovery", "finish", "parents",
                 "tree_edges", "back_edges", "reached", "unreached"],
    "properties": {
        "order": {**_NAMES, "description": "Nodes in discovery order."},
        "finish_order": {**_NAMES, "description": "Nodes in finish order."},
        "discovery": {**_TIMES, "description": "Discovery time d per reached node."},
        "finish": {**_TIMES, "description": "Finish time f per reached node."},
        "parents": {"type": "object",
                    "additionalProperties": {"type": ["string", "null"]}},
        "tree_edges": _PAIRS,
        "back_edges": {**_PAIRS, "description": "Edges to a node still on the stack; "
                                                "each closes a cycle."},
        "forward_edges": {**_PAIRS, "description": "Directed only: to a descendant."},
        "cross_edges": {**_PAIRS, "description": "Directed only: to a finished node "
                                                 "that is not a descendant."},
        "reached": {"type": "integer"},
        "unreached": _NAMES,
    },
}

CONCEPT = register(Concept(
    name="graph/dfs",
    title={"en": "Depth-first search", "zh": "深度优先搜索"},
    description=(
        "Depth-first search of the caller's graph from a source: discovery order, "
        "discovery/finish times, the DFS tree, back/forward/cross edges and the "
        "stack after each step. Call it to explain DFS or edge classification."
    ),
    schema=DfsInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"edges": "A-B,A-C,B-D,C-D,D-E,E-B", "directed": "true", "source": "A"},
    limits=LIMITS,
    result_schema=RESULT_SCHEMA,
    family="graph algorithms",
))

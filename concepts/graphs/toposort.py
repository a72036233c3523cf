"""Topological sort with Kahn's algorithm or DFS; a cycle means no order.

Notes
-----
A topological order lists the nodes of a directed graph so that every
arc u→v goes from an earlier node to a later one, like tasks listed
after everything they depend on. It exists exactly when the graph has
no directed cycle: on a cycle every node would have to come after
itself.

Kahn's algorithm repeatedly removes a node with no incoming arc left.
Among several such nodes it takes the smallest name (digit runs compare
as numbers), so its result is the lexicographically smallest order. The
DFS method lists nodes by decreasing finish time: when a node finishes,
everything reachable from it has finished before, so it can go in front
of all of them.

Either way, when a cycle exists the result is no order at all, together
with one cycle that proves it. A partial list would look like an order
and be wrong.

References
----------
A. B. Kahn, "Topological sorting of large networks", Communications of
the ACM 5 (1962), 558-562.
T. H. Cormen, C. E. Leiserson, R. L. Rivest and C. Stein, "Introduction
to Algorithms", 3rd ed., section 22.4.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from ..base import Concept, Explanation, InputError, Outcome, Step, register
from ..draw.graphs import EdgeMark, Frame, LegendEntry, NodeMark
from ..fields import Boolean, Choice
from ..text import Message, count_noun, md_escape
from .graph_input import LIMITS, Graph, GraphInput, build_graph, natural_key
from .picture import draw_result, names, plan_for

ALGORITHMS = ("kahn", "dfs")


class ToposortInput(GraphInput):
    directed = Boolean(
        load_default=True,
        description="Must be true (the default): u-v is the arc u→v, read as "
                    "'u comes before v'.",
        example="true",
    )
    algorithm = Choice(
        choices=ALGORITHMS,
        load_default="kahn",
        description="kahn (remove nodes with no incoming arc, smallest name first) "
                    "or dfs (decreasing finish time).",
        example="kahn",
    )


@dataclass
class _Step:
    kind: str  # kahn: "remove", "stuck"; dfs: "discover", "finish", "cycle"
    node: str | None
    ready: list[str] = field(default_factory=list)
    released: list[str] = field(default_factory=list)
    indegree: dict[str, int] = field(default_factory=dict)
    lowered: dict[str, int] = field(default_factory=dict)
    stack: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)
    closing: tuple[str, str] | None = None


@dataclass
class _Facts:
    graph: Graph
    algorithm: str
    steps: list[_Step]
    order: list[str] | None
    cycle: list[str] | None
    stuck: list[str]
    params: dict


def compute(params: dict) -> Outcome:
    """Sort the graph topologically, or find a cycle and give no order."""
    if not params["directed"]:
        raise InputError({"directed": Message(
            "A topological order needs arcs: with directed=false every edge goes both "
            "ways, which is a cycle. Use directed=true and write u-v for 'u before v'.",
            "拓扑排序需要有向边：directed=false 时每条边都是双向的，本身就是环。请使用 "
            "directed=true，并用 u-v 表示“u 在 v 之前”。")})

    graph = build_graph(params)
    algorithm = params["algorithm"]
    if algorithm == "kahn":
        steps, order, cycle, stuck = _kahn(graph)
    else:
        steps, order, cycle, stuck = _dfs(graph)
    facts = _Facts(graph, algorithm, steps, order, cycle, stuck, params)
    result = {
        "algorithm": algorithm,
        "has_cycle": cycle is not None,
        "order": order,
        "cycle": cycle,
        "position": None if order is None else {n: i for i, n in enumerate(order)},
    }
    if algorithm == "kahn" and cycle is not None:
        result["stuck"] = stuck
    inputs = {"edges": [[e.source, e.target, e.weight] for e in graph.edges],
              "nodes": graph.nodes, "directed": True, "algorithm": algorithm}
    return Outcome(inputs=inputs, result=result, facts=facts)


def _kahn(graph: Graph):
    indegree = {name: len(graph.predecessors(name)) for name in graph.nodes}
    ready = [(natural_key(n), n) for n in graph.nodes if indegree[n] == 0]
    heapq.heapify(ready)
    order, steps = [], []
    while ready:
        _key, node = heapq.heappop(ready)
        order.append(node)
        released, lowered = [], {}
        for target, _weight in graph.neighbours(node):
            indegree[target] -= 1
            lowered[target] = indegree[target]
            if indegree[target] == 0:
                released.append(target)
                heapq.heappush(ready, (natural_key(target), target))
        waiting = sorted((name for _, name in ready), key=natural_key)
        steps.append(_Step("remove", node, waiting, released, lowered=lowered,
                           order=list(order)))

    if len(order) == len(graph.nodes):
        return steps, order, None, []

    removed = set(order)
    stuck = [name for name in graph.nodes if name not in removed]
    cycle = _cycle_among(graph, stuck)
    steps.append(_Step("stuck", None, [], [], {n: indegree[n] for n in stuck},
                       order=list(order)))
    return steps, None, cycle, stuck


def _cycle_among(graph: Graph, stuck: list[str]) -> list[str]:
    """Find a cycle among nodes that all keep an incoming arc from each other.

    Walking backwards along such arcs never ends, so it must revisit a node;
    the walk between the two visits, reversed, is a directed cycle.
    """
    inside = set(stuck)
    seen: dict[str, int] = {}
    walk = [stuck[0]]
    while walk[-1] not in seen:
        seen[walk[-1]] = len(walk) - 1
        walk.append(next(u for u, _ in graph.predecessors(walk[-1]) if u in inside))
    loop = walk[seen[walk[-1]]:-1][::-1]
    return _rotate(graph, loop)


def _rotate(graph: Graph, loop: list[str]) -> list[str]:
    first = min(range(len(loop)), key=lambda i: graph.position[loop[i]])
    loop = loop[first:] + loop[:first]
    return loop + [loop[0]]


def _dfs(graph: Graph):
    state: dict[str, str] = {}
    finished: list[str] = []
    steps: list[_Step] = []
    for root in graph.nodes:
        if root in state:
            continue
        stack, cursors = [root], {root: 0}
        state[root] = "open"
        steps.append(_Step("discover", root, stack=[root], order=[]))
        while stack:
            node = stack[-1]
            neighbours = graph.neighbours(node)
            if cursors[node] == len(neighbours):
                state[node] = "done"
                stack.pop()
                finished.append(node)
                steps.append(_Step("finish", node, stack=list(stack),
                                   order=finished[::-1]))
                continue
            target = neighbours[cursors[node]][0]
            cursors[node] += 1
            if state.get(target) == "open":
                cycle = _rotate(graph, stack[stack.index(target):])
                steps.append(_Step("cycle", node, stack=list(stack),
                                   closing=(node, target)))
                return steps, None, cycle, []
            if target not in state:
                state[target], cursors[target] = "open", 0
                stack.append(target)
                steps.append(_Step("discover", target, stack=list(stack),
                                   order=finished[::-1]))

    return steps, finished[::-1], None, []


# Explanation ----------------------------------------------------------------


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and the steps in ``lang``."""
    facts: _Facts = outcome.facts
    writer = _ZH if lang == "zh" else _EN
    steps = []
    for item in facts.steps:
        values = {"event": item.kind, "node": item.node}
        if facts.algorithm == "kahn":
            values.update(ready=item.ready, released=item.released,
                          lowered=item.lowered, removed=item.order)
            if item.kind == "stuck":
                values["indegree"] = item.indegree
        else:
            values.update(stack=item.stack, order=item.order,
                          edge=list(item.closing) if item.closing else None)
        steps.append(Step(writer.step(item), values))

    result = outcome.result
    return Explanation(writer.summary(result, facts), writer.markdown(result, facts),
                       steps)


class _EN:
    @staticmethod
    def summary(result: dict, facts: _Facts) -> str:
        count = len(facts.graph.nodes)
        if result["has_cycle"]:
            return (f"No topological order exists: the graph has a directed cycle of "
                    f"{count_noun(len(result['cycle']) - 1, 'arc')}.")
        return (f"A topological order of all {count_noun(count, 'node')} exists; "
                "every arc goes "
                "from an earlier node to a later one.")

    @staticmethod
    def step(item: _Step) -> str:
        if item.kind == "remove":
            released = (f"; now free of incoming arcs: {names(item.released)}"
                        if item.released else "")
            ready = names(item.ready) if item.ready else "none"
            return (f"Remove {item.node}, which has no incoming arc left, and delete "
                    f"its arcs{released}. Ready: {ready}.")
        if item.kind == "stuck":
            left = ", ".join(f"{n} ({d})" for n, d in item.indegree.items())
            return (f"Stuck: every remaining node still has incoming arcs "
                    f"(count in brackets): {left}.")
        if item.kind == "discover":
            return f"Discover {item.node}; stack: {names(item.stack)}."
        if item.kind == "finish":
            return (f"Finish {item.node} and put it in front: "
                    f"{names(item.order)}.")
        source, target = item.closing
        return (f"{source}→{target} points to {target}, which is still on the stack: "
                "a cycle.")

    @staticmethod
    def markdown(result: dict, facts: _Facts) -> str:
        parts = [
            "A **topological order** lists the nodes so that every arc u→v goes "
            "from an earlier node to a later one, like tasks after everything they "
            "depend on. It exists exactly when there is no directed cycle.",
        ]
        if facts.algorithm == "kahn":
            parts.append(
                "**Kahn's algorithm** repeatedly removes a node with no incoming arc "
                "left and deletes its arcs. When several nodes are ready it takes "
                "the smallest name (digit runs compare as numbers), which gives the "
                "lexicographically smallest order.")
        else:
            parts.append(
                "The **DFS method** runs depth-first search and lists nodes by "
                "decreasing finish time: when a node finishes, everything reachable "
                "from it has already finished, so it can go in front of them all.")
        if result["has_cycle"]:
            cycle = "→".join(md_escape(n) for n in result["cycle"])
            text = (f"**No order exists.** The graph has the cycle **{cycle}**: "
                    "each node on it would have to come before the next one, and "
                    "so, going round, before itself.")
            if facts.algorithm == "kahn":
                removed = len(facts.graph.nodes) - len(facts.stuck)
                text += (f" Kahn's algorithm removed {removed}"
                         f" of {count_noun(len(facts.graph.nodes), 'node')} and then got "
                         "stuck with "
                         + ", ".join(md_escape(n) for n in facts.stuck)
                         + ", each still having an incoming arc.")
            text += (" No partial order is given, because the nodes listed before "
                     "the algorithm stopped do not make an order of the whole graph.")
            parts.append(text)
        else:
            parts.append("Order: **" + ", ".join(md_escape(n) for n in result["order"])
                         + "**. Other orders may also be valid; this one follows the "
                         "rule above.")
        return "\n\n".join(parts)


class _ZH:
    @staticmethod
    def summary(result: dict, facts: _Facts) -> str:
        count = len(facts.graph.nodes)
        if result["has_cycle"]:
            return (f"不存在拓扑排序：图中有一个由 {len(result['cycle']) - 1} "
                    "条有向边组成的环。")
        return f"全部 {count} 个节点存在拓扑排序；每条有向边都从靠前的节点指向靠后的节点。"

    @staticmethod
    def step(item: _Step) -> str:
        if item.kind == "remove":
            released = (f"；入边已全部删除的节点：{names(item.released, '、')}"
                        if item.released else "")
            ready = names(item.ready, "、") if item.ready else "无"
            return f"移除没有入边的 {item.node}，并删除它的出边{released}。就绪：{ready}。"
        if item.kind == "stuck":
            left = "、".join(f"{n}（{d}）" for n, d in item.indegree.items())
            return f"卡住了：剩下的每个节点都还有入边（括号内为入边数）：{left}。"
        if item.kind == "discover":
            return f"发现 {item.node}；栈：{names(item.stack)}。"
        if item.kind == "finish":
            return f"完成 {item.node}，把它放到最前面：{names(item.order)}。"
        source, target = item.closing
        return f"{source}→{target} 指向仍在栈中的 {target}：有环。"

    @staticmethod
    def markdown(result: dict, facts: _Facts) -> str:
        parts = [
            "**拓扑排序**把节点排成一列，使每条有向边 u→v 都从靠前的节点指向靠后的节点，"
            "就像任务排在它依赖的所有任务之后。当且仅当图中没有有向环时，拓扑排序才存在。",
        ]
        if facts.algorithm == "kahn":
            parts.append("**Kahn 算法**反复移除一个没有入边的节点，并删除它的出边。"
                         "有多个节点就绪时取名字最小的（数字部分按数值比较），"
                         "因此得到字典序最小的排序。")
        else:
            parts.append("**DFS 方法**做深度优先搜索，按完成时间从晚到早排列节点：一个节点"
                         "完成时，从它能到达的节点都已完成，所以它可以排在它们前面。")
        if result["has_cycle"]:
            cycle = "→".join(md_escape(n) for n in result["cycle"])
            text = (f"**不存在拓扑排序。** 图中有环 **{cycle}**：环上每个节点都必须排在"
                    "下一个节点之前，绕一圈下来就要排在自己之前。")
            if facts.algorithm == "kahn":
                removed = len(facts.graph.nodes) - len(facts.stuck)
                text += (f"Kahn 算法移除了 {len(facts.graph.nodes)} 个节点中的 "
                         f"{removed} 个后卡住了，剩下的 "
                         + "、".join(md_escape(n) for n in facts.stuck)
                         + " 都还有入边。")
            text += "这里不给出部分排序，因为算法停下之前列出的节点并不是整个图的排序。"
            parts.append(text)
        else:
            parts.append("排序：**" + "、".join(md_escape(n) for n in result["order"])
                         + "**。可能还有其他合法的排序；这一个遵循上面的规则。")
        return "\n\n".join(parts)


# Drawing --------------------------------------------------------------------

_WORDS = {
    "en": {"title": "Topological sort", "placed": "placed (number = position)",
           "finished": "finished (fk = k-th to finish)",
           "ready": "ready", "current": "current node", "stack": "on the stack",
           "cycle": "cycle", "stuck": "stuck",
           "remove": "Remove {node}", "stuck_caption": "Stuck: a cycle remains",
           "discover": "Discover {node}", "finish": "Finish {node}",
           "close": "{u}→{v} closes a cycle",
           "final": "Order: {order}", "final_cycle": "No order: cycle {cycle}"},
    "zh": {"title": "拓扑排序", "placed": "已排定（数字为位置）", "ready": "就绪",
           "finished": "已完成（fk 表示第 k 个完成）",
           "current": "当前节点", "stack": "在栈中", "cycle": "环", "stuck": "卡住",
           "remove": "移除 {node}", "stuck_caption": "卡住了：剩下的节点含有环",
           "discover": "发现 {node}", "finish": "完成 {node}",
           "close": "{u}→{v} 闭合了一个环",
           "final": "排序：{order}", "final_cycle": "没有排序：环 {cycle}"},
}


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the order as numbers on the nodes, or the cycle that prevents it."""
    facts: _Facts = outcome.facts
    words = _WORDS[lang]
    plan = plan_for(facts.graph)
    steps_shown = facts.params.get("frames") or facts.params.get("animate")
    placed = "finished" if steps_shown and facts.algorithm == "dfs" else "placed"
    legend = [LegendEntry(words[placed], 2)]
    if facts.cycle is not None and not steps_shown:
        legend = []
    if steps_shown:
        legend = [LegendEntry(words["current"], 0),
                  LegendEntry(words["ready" if facts.algorithm == "kahn" else "stack"],
                              1)] + legend
    if facts.cycle is not None:
        legend.append(LegendEntry(words["cycle"], 3, "edge"))

    summary = (_ZH if lang == "zh" else _EN).summary(outcome.result, facts)
    return draw_result(plan, facts.params, final=_final(facts, words),
                       frames=lambda: _frames(facts, words), title=words["title"],
                       desc=summary, theme=theme, legend=legend)


def _cycle_marks(facts: _Facts) -> tuple[dict, dict]:
    nodes = {name: NodeMark(colour=3) for name in facts.cycle}
    edges = {(u, v): EdgeMark(colour=3, width=4.5)
             for u, v in zip(facts.cycle, facts.cycle[1:])}
    return nodes, edges


def _final(facts: _Facts, words: dict) -> Frame:
    if facts.cycle is not None:
        nodes, edges = _cycle_marks(facts)
        return Frame(nodes, edges, words["final_cycle"].format(
            cycle="→".join(facts.cycle)))
    nodes = {name: NodeMark(colour=2, badge=str(i + 1))
             for i, name in enumerate(facts.order)}
    return Frame(nodes, {}, words["final"].format(order=", ".join(facts.order)))


def _frames(facts: _Facts, words: dict) -> list[Frame]:
    frames = []
    graph = facts.graph
    indegree = {name: len(graph.predecessors(name)) for name in graph.nodes}
    finish_rank: dict[str, str] = {}
    for item in facts.steps:
        indegree.update(item.lowered)
        if facts.algorithm == "kahn":
            nodes = {name: NodeMark(colour=2, badge=str(i + 1))
                     for i, name in enumerate(item.order)}
        else:
            # The DFS order grows at the front, so a node's position changes
            # until the end; frames number nodes by finish instead.
            if item.kind == "finish":
                finish_rank[item.node] = str(len(finish_rank) + 1)
            nodes = {name: NodeMark(colour=2, note=f"f{rank}")
                     for name, rank in finish_rank.items()}
        edges = {}
        if facts.algorithm == "kahn":
            for name in item.ready:
                nodes[name] = NodeMark(colour=1)
            placed = set(item.order)
            for name, degree in indegree.items():
                if degree > 0 and name not in placed:
                    nodes[name] = NodeMark(note=f"in {degree}")
        else:
            for name in item.stack:
                nodes[name] = NodeMark(colour=1)
        if item.kind == "remove":
            nodes[item.node] = NodeMark(colour=0, solid=True,
                                        badge=str(len(item.order)))
        elif item.kind == "discover":
            nodes[item.node] = NodeMark(colour=0, solid=True)
        if item.kind in ("stuck", "cycle"):
            cycle_nodes, edges = _cycle_marks(facts)
            nodes.update(cycle_nodes)
        if item.kind == "cycle":
            caption = words["close"].format(u=item.closing[0], v=item.closing[1])
        elif item.kind == "stuck":
            caption = words["stuck_caption"]
        else:
            caption = words[item.kind].format(node=item.node)
        frames.append(Frame(nodes, edges, caption))
    return frames


_NAMES = {"type": "array", "items": {"type": "string"}}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["algorithm", "has_cycle", "order", "cycle", "position"],
    "properties": {
        "algorithm": {"type": "string", "enum": list(ALGORITHMS)},
        "has_cycle": {"type": "boolean"},
        "order": {"type": ["array", "null"], "items": {"type": "string"},
                  "description": "The topological order; null when there is a "
                                 "cycle (no partial order is given)."},
        "cycle": {"type": ["array", "null"], "items": {"type": "string"},
                  "description": "A directed cycle as a closed walk u, …, u."},
        "position": {"type": ["object", "null"],
                     "additionalProperties": {"type": "integer"}},
        "stuck": {**_NAMES, "description": "Kahn with a cycle: the nodes left with "
                                           "incoming arcs."},
    },
}

CONCEPT = register(Concept(
    name="graph/toposort",
    title={"en": "Topological sort", "zh": "拓扑排序"},
    description=(
        "Topological order of a directed graph with Kahn's algorithm or DFS, with "
        "each step; on a cycle it returns no order and names the cycle. Call it to "
        "order tasks with dependencies or explain topological sorting."
    ),
    schema=ToposortInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"edges": "shirt-tie,tie-jacket,trousers-shoes,trousers-belt,"
                      "belt-jacket,shirt-belt,socks-shoes"},
    limits=LIMITS,
    result_schema=RESULT_SCHEMA,
    family="graph algorithms",
))

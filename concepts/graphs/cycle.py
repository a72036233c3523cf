"""Cycle detection in a graph (DFS) and in a sequence x → f(x) (Floyd, Brent).

Notes
-----
``method=graph`` searches the caller's graph depth first from every
unvisited node in turn. In a directed graph an arc to a node that is
still on the stack closes a cycle. In an undirected graph any edge to a
node on the stack closes one, except the edge just come along, and a
self-loop is a cycle of one edge.

``method=floyd`` and ``method=brent`` take a function on 0 … n-1 given
as its successor list (``next=1,2,3,1`` means f(0)=1, f(1)=2, f(2)=3,
f(3)=1) and a ``start`` x0. The sequence x0, f(x0), f(f(x0)), … must
repeat because there are only n values. It runs μ steps before it
enters the cycle, and the cycle has λ values, so it looks like the Greek
letter ρ. Both algorithms find μ and λ with two pointers and O(1)
memory: Floyd moves the hare two steps for each step of the tortoise
until they meet inside the cycle; Brent teleports the tortoise to the
hare at each power of two and counts the hare's steps, which finds λ
directly and usually calls f fewer times.

References
----------
D. E. Knuth, "The Art of Computer Programming", vol. 2, 3rd ed., section
3.1, exercise 6 (Floyd's method).
R. P. Brent, "An improved Monte Carlo factorization algorithm", BIT 20
(1980), 176-184.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..base import Concept, Explanation, InputError, Outcome, Step, register
from ..draw.graphs import EdgeMark, Frame, LegendEntry, NodeMark, plan_graph
from ..fields import Choice, Integer, NumberList
from ..text import Message, md_escape
from .graph_input import (LIMITS, Edges, Graph, GraphInput, build_graph,
                          check_step_drawing)
from .picture import draw_result, names, plan_for

METHODS = ("graph", "floyd", "brent")
MAX_SEQUENCE = 200


class CycleInput(GraphInput):
    edges = Edges(
        description=(
            "method=graph: edges as u-v or u-v:weight, comma-separated, or a JSON "
            "array of [u, v] or [u, v, weight]."
        ),
        example="A-B,B-C,C-D,D-B",
    )
    method = Choice(
        choices=METHODS,
        load_default="graph",
        description="graph: find a cycle in 'edges' by DFS. floyd or brent: find the "
                    "cycle of the sequence x, next[x], next[next[x]], … from 'start'.",
        example="graph",
    )
    next_ = NumberList(
        data_key="next",
        max_length=MAX_SEQUENCE,
        description="method=floyd or brent: the successor list f(0), f(1), …, each a "
                    f"whole number from 0 to n-1 (at most {MAX_SEQUENCE} entries).",
        example="1,2,3,1",
    )
    start = Integer(
        minimum=0,
        maximum=MAX_SEQUENCE - 1,
        load_default=0,
        description="method=floyd or brent: the first value x0 of the sequence.",
        example="0",
    )


@dataclass
class _Event:
    kind: str  # "discover", "finish" or "cycle"
    node: str
    stack: list[str]
    closing: tuple[str, str] | None = None


@dataclass
class _Move:
    phase: int
    tortoise: int
    hare: int
    tortoise_value: int
    hare_value: int
    teleport: int | None = None


@dataclass
class _Facts:
    method: str
    params: dict
    graph: Graph | None = None
    events: list[_Event] = field(default_factory=list)
    cycle: list[str] | None = None
    successors: list[int] = field(default_factory=list)
    start: int = 0
    moves: list[_Move] = field(default_factory=list)
    mu: int = 0
    lam: int = 0
    evaluations: int = 0


def compute(params: dict) -> Outcome:
    """Find one cycle in the graph, or μ and λ of the sequence."""
    method = params["method"]
    if method == "graph":
        return _graph_outcome(params)

    return _sequence_outcome(params, method)


# Graph ----------------------------------------------------------------------


def _graph_outcome(params: dict) -> Outcome:
    if params.get("next_") is not None:
        raise InputError({"next": Message(
            "'next' is only used with method=floyd or method=brent; remove it or "
            "choose one of those methods.",
            "“next”只用于 method=floyd 或 method=brent；请删除它，或选择这两种方法之一。")})
    if params.get("edges") is None:
        raise InputError({"edges": Message(
            "'edges' is required for method=graph.",
            "method=graph 时“edges”是必填参数。")})

    graph = build_graph(params)
    facts = _Facts("graph", params, graph=graph)
    facts.events, facts.cycle = _find_cycle(graph)
    result = {
        "method": "graph",
        "has_cycle": facts.cycle is not None,
        "cycle": facts.cycle,
        "cycle_length": None if facts.cycle is None else len(facts.cycle) - 1,
        "directed": graph.directed,
    }
    inputs = {"method": "graph",
              "edges": [[e.source, e.target, e.weight] for e in graph.edges],
              "nodes": graph.nodes, "directed": graph.directed}
    return Outcome(inputs=inputs, result=result, facts=facts)


def _find_cycle(graph: Graph) -> tuple[list[_Event], list[str] | None]:
    """Run DFS from each unvisited node in order; stop at the first cycle."""
    state: dict[str, str] = {}
    events: list[_Event] = []
    for root in graph.nodes:
        if root in state:
            continue
        stack, parents, cursors = [root], {root: None}, {root: 0}
        state[root] = "open"
        events.append(_Event("discover", root, [root]))
        while stack:
            node = stack[-1]
            neighbours = graph.neighbours(node)
            if cursors[node] == len(neighbours):
                state[node] = "done"
                stack.pop()
                events.append(_Event("finish", node, list(stack)))
                continue
            target = neighbours[cursors[node]][0]
            cursors[node] += 1
            if state.get(target) == "open":
                came_back = not graph.directed and target == parents[node]
                if not came_back:
                    cycle = stack[stack.index(target):] + [target]
                    events.append(_Event("cycle", node, list(stack), (node, target)))
                    return events, cycle
            elif target not in state:
                state[target], parents[target], cursors[target] = "open", node, 0
                stack.append(target)
                events.append(_Event("discover", target, list(stack)))

    return events, None


# Sequence -------------------------------------------------------------------


def _sequence_outcome(params: dict, method: str) -> Outcome:
    if params.get("edges"):
        raise InputError({"edges": Message(
            f"'edges' is not used by method={method}; give 'next' and 'start', or "
            "use method=graph.",
            f"method={method} 不使用“edges”；请给出“next”和“start”，或改用 "
            "method=graph。")})
    successors = _successors(params.get("next_"))
    start = params["start"]
    if start >= len(successors):
        raise InputError({"start": Message(
            f"'start' is {start}, but 'next' has {len(successors)} entries, so x0 must "
            f"be from 0 to {len(successors) - 1}.",
            f"“start”是 {start}，但“next”只有 {len(successors)} 项，所以 x0 必须在 0 到 "
            f"{len(successors) - 1} 之间。")})

    check_step_drawing(params, len(successors), len(successors))
    facts = _Facts(method, params, successors=successors, start=start)
    run = _floyd if method == "floyd" else _brent
    facts.mu, facts.lam, facts.moves, facts.evaluations = run(successors, start)
    sequence = [start]
    for _ in range(facts.mu + facts.lam):
        sequence.append(successors[sequence[-1]])
    result = {
        "method": method,
        "start": start,
        "mu": facts.mu,
        "lambda": facts.lam,
        "cycle": sequence[facts.mu: facts.mu + facts.lam],
        "sequence": sequence,
        "evaluations": facts.evaluations,
    }
    inputs = {"method": method, "next": successors, "start": start}
    return Outcome(inputs=inputs, result=result, facts=facts)


def _successors(values: list[float] | None) -> list[int]:
    if not values:
        raise InputError({"next": Message(
            "'next' is required for method=floyd and method=brent: the successor list "
            "f(0), f(1), …, such as next=1,2,3,1.",
            "method=floyd 和 method=brent 需要“next”：后继列表 f(0), f(1), …，"
            "例如 next=1,2,3,1。")})
    count = len(values)
    for index, value in enumerate(values):
        if not float(value).is_integer() or not 0 <= value < count:
            raise InputError({"next": Message(
                f"Entry {index} of 'next' (f({index})) is {value:g}; every entry must "
                f"be a whole number from 0 to {count - 1}, an index into 'next'.",
                f"“next”的第 {index} 项（f({index})）是 {value:g}；每一项都必须是 0 到 "
                f"{count - 1} 之间的整数，即“next”的一个下标。")})
    return [int(value) for value in values]


def _floyd(f: list[int], x0: int) -> tuple[int, int, list[_Move], int]:
    moves = []
    tortoise, hare = f[x0], f[f[x0]]
    t_index, h_index, calls = 1, 2, 3
    moves.append(_Move(1, t_index, h_index, tortoise, hare))
    while tortoise != hare:
        tortoise, hare = f[tortoise], f[f[hare]]
        t_index, h_index, calls = t_index + 1, h_index + 2, calls + 3
        moves.append(_Move(1, t_index, h_index, tortoise, hare))

    # Phase 2: the meeting point is a multiple of λ from x0, so one pointer
    # from x0 and one from the meeting point, both at speed 1, meet at x_μ.
    mu, tortoise, t_index = 0, x0, 0
    moves.append(_Move(2, t_index, h_index, tortoise, hare))
    while tortoise != hare:
        tortoise, hare = f[tortoise], f[hare]
        mu, t_index, h_index, calls = mu + 1, t_index + 1, h_index + 1, calls + 2
        moves.append(_Move(2, t_index, h_index, tortoise, hare))

    lam, hare, h_index = 1, f[tortoise], t_index + 1
    calls += 1
    moves.append(_Move(3, t_index, h_index, tortoise, hare))
    while tortoise != hare:
        hare, lam, h_index, calls = f[hare], lam + 1, h_index + 1, calls + 1
        moves.append(_Move(3, t_index, h_index, tortoise, hare))

    return mu, lam, moves, calls


def _brent(f: list[int], x0: int) -> tuple[int, int, list[_Move], int]:
    moves = []
    power = lam = 1
    tortoise, hare = x0, f[x0]
    t_index, h_index, calls = 0, 1, 1
    moves.append(_Move(1, t_index, h_index, tortoise, hare))
    while tortoise != hare:
        teleport = None
        if power == lam:
            tortoise, t_index, power, lam = hare, h_index, power * 2, 0
            teleport = power
        hare, h_index, lam, calls = f[hare], h_index + 1, lam + 1, calls + 1
        moves.append(_Move(1, t_index, h_index, tortoise, hare, teleport))

    # Phase 2: start both at x0 with the hare λ steps ahead; they meet at x_μ.
    tortoise, hare, t_index, h_index = x0, x0, 0, 0
    for _ in range(lam):
        hare, h_index, calls = f[hare], h_index + 1, calls + 1
    moves.append(_Move(2, t_index, h_index, tortoise, hare))
    mu = 0
    while tortoise != hare:
        tortoise, hare = f[tortoise], f[hare]
        mu, t_index, h_index, calls = mu + 1, t_index + 1, h_index + 1, calls + 2
        moves.append(_Move(2, t_index, h_index, tortoise, hare))

    return mu, lam, moves, calls


# Explanation ----------------------------------------------------------------


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and the steps in ``lang``."""
    facts: _Facts = outcome.facts
    writer = _ZH if lang == "zh" else _EN
    result = outcome.result
    if facts.method == "graph":
        steps = [Step(writer.event(event),
                      {"event": event.kind, "node": event.node, "stack": event.stack,
                       "edge": list(event.closing) if event.closing else None})
                 for event in facts.events]
        return Explanation(writer.graph_summary(result, facts),
                           writer.graph_markdown(result, facts), steps)

    steps = [Step(writer.move(move, facts.method),
                  {"phase": move.phase, "tortoise_index": move.tortoise,
                   "hare_index": move.hare, "tortoise": move.tortoise_value,
                   "hare": move.hare_value, "teleport": move.teleport})
             for move in facts.moves]
    return Explanation(writer.sequence_summary(result, facts),
                       writer.sequence_markdown(result, facts), steps)


def _closed(cycle: list[str], directed: bool) -> str:
    return ("→" if directed else "–").join(cycle)


_PHASES_EN = {
    "floyd": {1: "hare runs twice as fast", 2: "find μ", 3: "measure λ"},
    "brent": {1: "find λ by teleporting", 2: "find μ"},
}
_PHASES_ZH = {
    "floyd": {1: "兔子速度是乌龟的两倍", 2: "求 μ", 3: "求 λ"},
    "brent": {1: "靠瞬移求 λ", 2: "求 μ"},
}


class _EN:
    @staticmethod
    def graph_summary(result: dict, facts: _Facts) -> str:
        if not result["has_cycle"]:
            return "The graph has no cycle" + (
                ": it is a DAG." if facts.graph.directed else ": it is a forest.")
        return (f"The graph has a cycle of {result['cycle_length']} "
                f"edge{'s' if result['cycle_length'] > 1 else ''}.")

    @staticmethod
    def event(event: _Event) -> str:
        stack = names(event.stack) if event.stack else "empty"
        if event.kind == "discover":
            return f"Discover {event.node}; stack: {stack}."
        if event.kind == "finish":
            return f"Finish {event.node}; stack: {stack}."
        source, target = event.closing
        return (f"{source}→{target} leads to {target}, which is still on the stack "
                f"({stack}): that closes a cycle.")

    @staticmethod
    def graph_markdown(result: dict, facts: _Facts) -> str:
        directed = facts.graph.directed
        parts = [
            "A **cycle** is a path that comes back to where it started. Depth-first "
            "search finds one with its stack, which contains the path from the start "
            "node to the current node: an edge to a node that is still on the stack "
            "leads back along that path"
            + (", so it closes a cycle." if directed else
               ". In an undirected graph the edge just come along does not count, "
               "since walking it back is not a cycle."),
            "The search starts at each node not yet visited, in the order the nodes "
            "first appear, and takes neighbours in order of their names.",
        ]
        if result["has_cycle"]:
            cycle = _closed([md_escape(n) for n in result["cycle"]], directed)
            parts.append(f"Cycle found: **{cycle}**, {result['cycle_length']} "
                         f"edge{'s' if result['cycle_length'] > 1 else ''}."
                         + (" A self-loop is a cycle of one edge."
                            if result["cycle_length"] == 1 else ""))
        elif directed:
            parts.append("No arc ever pointed back into the stack, so the graph is a "
                         "**DAG** (directed acyclic graph) and has a topological "
                         "order.")
        else:
            parts.append("No edge ever led back into the stack, so every component is "
                         "a tree: the graph is a **forest**.")
        return "\n\n".join(parts)

    @staticmethod
    def sequence_summary(result: dict, facts: _Facts) -> str:
        name = "Floyd's tortoise and hare" if facts.method == "floyd" else \
            "Brent's algorithm"
        return (f"{name} finds μ = {result['mu']} and λ = {result['lambda']} with "
                f"{result['evaluations']} evaluations of f.")

    @staticmethod
    def move(move: _Move, method: str) -> str:
        phase = _PHASES_EN[method][move.phase]
        note = (f" (the tortoise jumps to the hare and waits there for up to "
                f"{move.teleport} steps)" if move.teleport else "")
        return (f"Phase {move.phase}, {phase}{note}: tortoise at x{move.tortoise} = "
                f"{move.tortoise_value}, hare at x{move.hare} = {move.hare_value}"
                + (", they meet." if move.tortoise_value == move.hare_value else "."))

    @staticmethod
    def sequence_markdown(result: dict, facts: _Facts) -> str:
        sequence = ", ".join(str(x) for x in result["sequence"])
        mu, lam = result["mu"], result["lambda"]
        parts = [
            f"Starting from x0 = {result['start']} and applying f over and over gives "
            f"{sequence}, … Since f has only {len(facts.successors)} possible values, "
            "the sequence must repeat, and once a value repeats everything after it "
            "repeats too. It runs **μ** steps before it enters the cycle and the "
            "cycle has **λ** values, a shape like the letter ρ.",
            f"Here **μ = {mu}** and **λ = {lam}**: the cycle is "
            + " → ".join(str(x) for x in result["cycle"]) + f" → {result['cycle'][0]}.",
        ]
        if facts.method == "floyd":
            parts.append(
                "**Floyd's tortoise and hare**: the tortoise moves one step and the "
                "hare two. Once both are in the cycle the hare gains one step per "
                "move, so they meet. The meeting index is a multiple of λ, so a "
                "pointer restarted at x0 and one left at the meeting point, both at "
                "speed one, meet exactly at x_μ. Walking on until the value repeats "
                "measures λ.")
        else:
            parts.append(
                "**Brent's algorithm**: the hare walks one step at a time, and "
                "whenever the number of steps since the last teleport reaches a "
                "power of two, the tortoise jumps to the hare. Once the power of two "
                "is at least λ, the hare meets the parked tortoise after exactly λ "
                "steps, which gives λ. Then a hare λ steps ahead of a tortoise at x0 "
                "meets it at x_μ.")
        parts.append(f"It used {result['evaluations']} evaluations of f and constant "
                     "memory; storing every value seen would find the same answer "
                     "with memory growing with μ + λ.")
        return "\n\n".join(parts)


class _ZH:
    @staticmethod
    def graph_summary(result: dict, facts: _Facts) -> str:
        if not result["has_cycle"]:
            return "图中没有环" + ("：它是一个有向无环图。" if facts.graph.directed
                                 else "：它是一个森林。")
        return f"图中有一个长度为 {result['cycle_length']} 条边的环。"

    @staticmethod
    def event(event: _Event) -> str:
        stack = names(event.stack) if event.stack else "空"
        if event.kind == "discover":
            return f"发现 {event.node}；栈：{stack}。"
        if event.kind == "finish":
            return f"完成 {event.node}；栈：{stack}。"
        source, target = event.closing
        return f"{source}→{target} 指向仍在栈中的 {target}（栈：{stack}），构成一个环。"

    @staticmethod
    def graph_markdown(result: dict, facts: _Facts) -> str:
        directed = facts.graph.directed
        parts = [
            "**环**是回到起点的路径。深度优先搜索用栈来找环：栈里保存从起点到当前节点的"
            "路径，一条指向仍在栈中节点的边会沿这条路径绕回去"
            + ("，所以构成一个环。" if directed else
               "。在无向图中，刚刚走过来的那条边不算，因为原路返回不是环。"),
            "搜索依次从每个尚未访问的节点出发（按节点第一次出现的顺序），邻居按名字顺序处理。",
        ]
        if result["has_cycle"]:
            cycle = _closed([md_escape(n) for n in result["cycle"]], directed)
            parts.append(f"找到的环：**{cycle}**，共 {result['cycle_length']} 条边。"
                         + ("自环就是只有一条边的环。" if result["cycle_length"] == 1
                            else ""))
        elif directed:
            parts.append("没有任何一条边指回栈中，所以这是一个**有向无环图**（DAG），"
                         "存在拓扑排序。")
        else:
            parts.append("没有任何一条边指回栈中，所以每个连通分量都是树：这个图是一个"
                         "**森林**。")
        return "\n\n".join(parts)

    @staticmethod
    def sequence_summary(result: dict, facts: _Facts) -> str:
        name = "Floyd 龟兔算法" if facts.method == "floyd" else "Brent 算法"
        return (f"{name}求得 μ = {result['mu']}、λ = {result['lambda']}，共计算 f "
                f"{result['evaluations']} 次。")

    @staticmethod
    def move(move: _Move, method: str) -> str:
        phase = _PHASES_ZH[method][move.phase]
        note = (f"（乌龟跳到兔子处，最多在那里等 {move.teleport} 步）"
                if move.teleport else "")
        return (f"第 {move.phase} 阶段，{phase}{note}：乌龟在 x{move.tortoise} = "
                f"{move.tortoise_value}，兔子在 x{move.hare} = {move.hare_value}"
                + ("，相遇。" if move.tortoise_value == move.hare_value else "。"))

    @staticmethod
    def sequence_markdown(result: dict, facts: _Facts) -> str:
        sequence = ", ".join(str(x) for x in result["sequence"])
        mu, lam = result["mu"], result["lambda"]
        parts = [
            f"从 x0 = {result['start']} 出发反复应用 f，得到 {sequence}, … f 只有 "
            f"{len(facts.successors)} 种取值，所以序列必然重复，而一旦某个值重复，之后的"
            "一切都会重复。序列先走 **μ** 步才进入环，环里有 **λ** 个值，形状像字母 ρ。",
            f"这里 **μ = {mu}**，**λ = {lam}**：环是 "
            + " → ".join(str(x) for x in result["cycle"]) + f" → {result['cycle'][0]}。",
        ]
        if facts.method == "floyd":
            parts.append(
                "**Floyd 龟兔算法**：乌龟每次走一步，兔子每次走两步。两者都进入环之后，兔子"
                "每次追近一步，所以一定相遇。相遇时的下标是 λ 的倍数，因此一个指针从 x0 "
                "重新出发、另一个留在相遇点，都以速度一前进，恰好在 x_μ 相遇。再继续走到"
                "值重复，就量出了 λ。")
        else:
            parts.append(
                "**Brent 算法**：兔子每次走一步；自上次瞬移以来的步数达到 2 的幂时，乌龟"
                "瞬移到兔子的位置。一旦这个 2 的幂不小于 λ，兔子恰好走 λ 步就会碰上停着的"
                "乌龟，于是得到 λ。然后让兔子比从 x0 出发的乌龟领先 λ 步，二者在 x_μ 相遇。")
        parts.append(f"共计算 f {result['evaluations']} 次，只用常数内存；把见过的值都存"
                     "起来也能得到同样的答案，但内存会随 μ + λ 增长。")
        return "\n\n".join(parts)


# Drawing --------------------------------------------------------------------

_WORDS = {
    "en": {"title": "Cycle detection", "cycle": "cycle", "stack": "on the stack",
           "done": "finished", "current": "current node", "closing": "closing edge",
           "tortoise": "tortoise (T)", "hare": "hare (H)", "both": "both (T H)",
           "no_cycle": "No cycle: every edge was explored.",
           "found": "Cycle {cycle}",
           "phase": "Phase {p}: T at x{t} = {tv}, H at x{h} = {hv}",
           "rho": "μ = {mu} steps before the cycle, λ = {lam} values on it",
           "discover": "Discover {node}", "finish": "Finish {node}",
           "close": "{u}→{v} closes a cycle"},
    "zh": {"title": "环检测", "cycle": "环", "stack": "在栈中", "done": "已完成",
           "current": "当前节点", "closing": "闭合边", "tortoise": "乌龟 (T)",
           "hare": "兔子 (H)", "both": "相遇 (T H)",
           "no_cycle": "没有环：所有边都已检查。", "found": "环 {cycle}",
           "phase": "第 {p} 阶段：T 在 x{t} = {tv}，H 在 x{h} = {hv}",
           "rho": "μ = {mu}：进入环之前的步数；λ = {lam}：环上的值的个数",
           "discover": "发现 {node}", "finish": "完成 {node}",
           "close": "{u}→{v} 闭合了一个环"},
}


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the graph with its cycle, or the ρ shape of the sequence."""
    facts: _Facts = outcome.facts
    words = _WORDS[lang]
    writer = _ZH if lang == "zh" else _EN
    summary = (writer.graph_summary(outcome.result, facts) if facts.method == "graph"
               else writer.sequence_summary(outcome.result, facts))
    if facts.method == "graph":
        plan = plan_for(facts.graph)
        legend = [LegendEntry(words["cycle"], 3, "edge")]
        if facts.params.get("frames") or facts.params.get("animate"):
            legend = [LegendEntry(words["current"], 0), LegendEntry(words["stack"], 1),
                      LegendEntry(words["done"], 2)] + legend
        return draw_result(plan, facts.params, final=_graph_final(facts, words),
                           frames=lambda: _graph_frames(facts, words),
                           title=words["title"],
                           desc=summary, theme=theme, legend=legend)

    plan = _rho_plan(outcome.result)
    legend = [LegendEntry(words["cycle"], 3, "edge")]
    if facts.params.get("frames") or facts.params.get("animate"):
        legend = [LegendEntry(words["tortoise"], 2), LegendEntry(words["hare"], 1),
                  LegendEntry(words["both"], 3)] + legend
    return draw_result(plan, facts.params, final=_rho_final(outcome.result, words),
                       frames=lambda: _rho_frames(outcome.result, facts, words),
                       title=words["title"], desc=summary, theme=theme, legend=legend)


def _graph_final(facts: _Facts, words: dict) -> Frame:
    if facts.cycle is None:
        return Frame({}, {}, words["no_cycle"])
    nodes = {name: NodeMark(colour=3) for name in facts.cycle}
    edges = {(u, v): EdgeMark(colour=3, width=4.5)
             for u, v in zip(facts.cycle, facts.cycle[1:])}
    caption = words["found"].format(cycle=_closed(facts.cycle, facts.graph.directed))
    return Frame(nodes, edges, caption)


def _graph_frames(facts: _Facts, words: dict) -> list[Frame]:
    frames, finished, tree = [], {}, {}
    for event in facts.events:
        if event.kind == "finish":
            finished[event.node] = NodeMark(colour=2)
        if event.kind == "discover" and len(event.stack) > 1:
            tree[(event.stack[-2], event.node)] = EdgeMark(colour=0, width=2.5)
        nodes = dict(finished)
        for name in event.stack:
            nodes[name] = NodeMark(colour=1)
        if event.stack:
            nodes[event.stack[-1]] = NodeMark(colour=0, solid=True)
        edges = dict(tree)
        if event.kind == "cycle":
            final = _graph_final(facts, words)
            edges.update(final.edges)
            caption = words["close"].format(u=event.closing[0], v=event.closing[1])
        else:
            caption = words[event.kind].format(node=event.node)
        frames.append(Frame(nodes, edges, caption))
    return frames


def _rho_plan(result: dict):
    """Lay the sequence out as ρ: the tail upwards into a ring of λ values."""
    mu, lam = result["mu"], result["lambda"]
    sequence = result["sequence"]
    labels = [str(x) for x in sequence[: mu + lam]]
    edges = [(labels[i], labels[i + 1] if i + 1 < mu + lam else labels[mu], None)
             for i in range(mu + lam)]
    if mu + lam > 40:
        return plan_graph(labels, edges, True, kind="force")

    # The tail runs from the left into the leftmost point of the ring, x_μ.
    radius = max(lam / (2 * math.pi), 0.65) if lam > 1 else 0.0
    positions = {}
    for k in range(lam):
        angle = math.pi + 2 * math.pi * k / max(lam, 1)
        positions[labels[mu + k]] = (radius * math.cos(angle), radius * math.sin(angle))
    for k in range(mu):
        positions[labels[k]] = (-radius - (mu - k), 0.0)
    return plan_graph(labels, edges, True, positions=positions)


def _pointer_marks(tortoise: int, hare: int) -> dict:
    if tortoise == hare:
        return {str(tortoise): NodeMark(colour=3, solid=True, badge="T H")}
    return {str(tortoise): NodeMark(colour=2, badge="T"),
            str(hare): NodeMark(colour=1, badge="H")}


def _cycle_edges(result: dict) -> dict:
    cycle = [str(x) for x in result["cycle"]]
    return {(cycle[i], cycle[(i + 1) % len(cycle)]): EdgeMark(colour=3)
            for i in range(len(cycle))}


def _rho_final(result: dict, words: dict) -> Frame:
    nodes = {str(x): NodeMark(colour=3) for x in result["cycle"]}
    nodes[str(result["cycle"][0])] = NodeMark(colour=3, solid=True, note="x_μ")
    nodes[str(result["start"])] = NodeMark(
        colour=nodes.get(str(result["start"]), NodeMark()).colour,
        solid=result["mu"] == 0, note="x0" if result["mu"] else "x0 = x_μ")
    caption = words["rho"].format(mu=result["mu"], lam=result["lambda"])
    return Frame(nodes, _cycle_edges(result), caption)


def _rho_frames(result: dict, facts: _Facts, words: dict) -> list[Frame]:
    frames = []
    for move in facts.moves:
        caption = words["phase"].format(p=move.phase, t=move.tortoise, h=move.hare,
                                        tv=move.tortoise_value, hv=move.hare_value)
        frames.append(Frame(_pointer_marks(move.tortoise_value, move.hare_value), {},
                            caption))
    frames.append(_rho_final(result, words))
    return frames


_NAMES = {"type": "array", "items": {"type": "string"}}
_INTS = {"type": "array", "items": {"type": "integer"}}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["method"],
    "properties": {
        "method": {"type": "string", "enum": list(METHODS)},
        "has_cycle": {"type": "boolean", "description": "method=graph."},
        "cycle": {"type": ["array", "null"],
                  "description": "method=graph: the cycle as a closed walk u, …, u "
                                 "(null when there is none). floyd/brent: the λ values "
                                 "of the cycle from x_μ on."},
        "cycle_length": {"type": ["integer", "null"],
                         "description": "method=graph: edges on the cycle."},
        "directed": {"type": "boolean"},
        "start": {"type": "integer"},
        "mu": {"type": "integer", "description": "Index of the first value on the "
                                                 "cycle."},
        "lambda": {"type": "integer", "description": "Length of the cycle."},
        "sequence": {**_INTS, "description": "x0 … x_{μ+λ}; the last value equals "
                                             "x_μ."},
        "evaluations": {"type": "integer", "description": "Calls of f made."},
    },
}

CONCEPT = register(Concept(
    name="graph/cycle",
    title={"en": "Cycle detection", "zh": "环检测"},
    description=(
        "Finds a cycle in a directed or undirected graph by DFS, or the cycle start "
        "μ and length λ of x→f(x) from a successor list with Floyd's tortoise and "
        "hare or Brent's algorithm. Call it to explain cycle detection."
    ),
    schema=CycleInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"edges": "A-B,B-C,C-D,D-B", "directed": "true"},
    limits={**LIMITS, "next_entries": MAX_SEQUENCE},
    result_schema=RESULT_SCHEMA,
    family="graph algorithms",
))

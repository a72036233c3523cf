"""Greedy graph colouring in a stated order, checked against the exact optimum.

Notes
-----
A proper colouring gives every node a colour so that the two ends of each
edge differ. The chromatic number χ(G) is the fewest colours that allow
this. Finding it is NP-hard, but the greedy algorithm is fast: take the
nodes one at a time and give each the smallest colour that none of its
already coloured neighbours has. Greedy never needs more than Δ + 1
colours (Δ the maximum degree), and the order decides how close it gets
to χ. Some order always reaches χ, while a bad order can be far off.

Three orders are offered. ``largest-first`` takes degree from high to
low, ties in the caller's node order. ``given-order`` takes the ``order``
parameter, or the order in which nodes first appear. ``dsatur`` (Brélaz
1979) next takes the uncoloured node whose neighbours show the most
distinct colours, ties by degree, then node order. These are the tie rules of
networkx's ``largest_first`` and ``saturation_largest_first`` strategies
(networkx 3.6), so the colourings agree with networkx on the same input.
For graphs of up to 12 nodes a backtracking search also finds χ and one
optimal colouring, so the explanation can state whether greedy was optimal.

Edges are read as undirected: an arc u→v still forbids u and v the same
colour. A self-loop is rejected, because its node would need a colour
different from its own.

References
----------
D. Brélaz, "New methods to color the vertices of a graph", Comm. ACM 22
(1979). D. J. A. Welsh and M. B. Powell, "An upper bound for the
chromatic number of a graph and its application to timetabling
problems", The Computer Journal 10 (1967).
"""

from __future__ import annotations

from dataclasses import dataclass

from marshmallow import ValidationError, validates_schema

from ..base import Concept, Explanation, InputError, Outcome, Step, register
from ..draw.graphs import Frame, LegendEntry, NodeMark, plan_graph
from ..fields import Choice, TextList
from ..text import Message, md_escape
from .graph_input import (
    LIMITS,
    MAX_NAME_CHARS,
    MAX_NODES,
    Graph,
    GraphInput,
    build_graph,
)
from .picture import draw_result

MAX_EXACT_NODES = 12
STRATEGIES = ("largest-first", "given-order", "dsatur")


class ColoringInput(GraphInput):
    strategy = Choice(
        choices=STRATEGIES,
        description=(
            "Order in which greedy colours the nodes: largest-first (highest degree "
            "first; the default), given-order (the order parameter; the default "
            "when order is set) or dsatur (most distinct neighbour colours first)."
        ),
        example="largest-first",
    )
    order = TextList(
        max_length=MAX_NODES,
        max_chars=MAX_NAME_CHARS,
        description=(
            "For given-order: every node once, comma-separated, in the order to "
            "colour them. Without it, given-order uses the order in which nodes "
            "first appear in edges and nodes."
        ),
        example="0,3,1,2",
    )

    @validates_schema
    def _order_needs_given_order(self, data, **kwargs):
        strategy = data.get("strategy")
        if data.get("order") is not None and strategy not in (None, "given-order"):
            raise ValidationError(Message(
                f"'order' is used only with strategy=given-order, but strategy is "
                f"'{strategy}'; drop 'order' or set strategy=given-order.",
                f"“order”只在 strategy=given-order 时使用，而 strategy 是“{strategy}”；"
                "请去掉“order”或设置 strategy=given-order。"), "order")


@dataclass
class _Pick:
    """One greedy step: the node, its coloured neighbours' colours, its colour."""

    node: str
    seen: list[int]
    colour: int
    saturation: int | None = None


@dataclass
class _Facts:
    graph: Graph
    strategy: str
    picks: list[_Pick]
    colouring: dict[str, int]
    used: int
    chromatic: int | None
    optimal: dict[str, int] | None
    by_strategy: dict[str, int]
    given_order: list[str]
    params: dict


def compute(params: dict) -> Outcome:
    """Colour greedily in the chosen order and, for small graphs, find χ exactly."""
    graph = build_graph(params)
    _reject_self_loops(graph)
    strategy = params.get("strategy") or (
        "given-order" if params.get("order") is not None else "largest-first")
    given = _given_order(graph, params.get("order"))
    adjacency = _adjacency(graph)
    runs = {name: _greedy(graph, adjacency, name, given) for name in STRATEGIES}
    picks = runs[strategy]
    colouring = {pick.node: pick.colour for pick in picks}
    used = max(colouring.values()) + 1
    chromatic, optimal = None, None
    if len(graph.nodes) <= MAX_EXACT_NODES:
        best = min(max(p.colour for p in run) + 1 for run in runs.values())
        chromatic, optimal = _chromatic(graph, adjacency, best)

    by_strategy = {name: max(p.colour for p in run) + 1 for name, run in runs.items()}
    result = {
        "strategy": strategy,
        "order": [pick.node for pick in picks],
        "coloring": {node: colouring[node] for node in graph.nodes},
        "colors_used": used,
        "color_classes": [[node for node in graph.sorted_nodes()
                           if colouring[node] == c] for c in range(used)],
        "chromatic_number": chromatic,
        "greedy_optimal": None if chromatic is None else used == chromatic,
        "optimal_coloring": optimal,
        "colors_by_strategy": by_strategy,
        "exact_up_to_nodes": MAX_EXACT_NODES,
    }
    inputs = {"edges": [[e.source, e.target, e.weight] for e in graph.edges],
              "nodes": graph.nodes, "directed": graph.directed, "strategy": strategy}
    if strategy == "given-order":
        inputs["order"] = given
    facts = _Facts(graph, strategy, picks, colouring, used, chromatic, optimal,
                   by_strategy, given, params)
    return Outcome(inputs=inputs, result=result, facts=facts)


def _reject_self_loops(graph: Graph) -> None:
    loops = graph.self_loops()
    if not loops:
        return

    edge = loops[0]
    raise InputError({"edges": Message(
        f"Edge {edge.index + 1} '{edge.source}-{edge.target}' is a self-loop. A "
        f"proper colouring would need {edge.source} to differ from itself, so no "
        "colouring exists; remove the self-loop.",
        f"第 {edge.index + 1} 条边“{edge.source}-{edge.target}”是自环。合法着色要求 "
        f"{edge.source} 与自己颜色不同，这不可能，所以不存在着色；请删除这个自环。")})


def _given_order(graph: Graph, order: list[str] | None) -> list[str]:
    """Check that ``order`` lists every node once; default to the node order."""
    if order is None:
        return list(graph.nodes)

    seen: set[str] = set()
    for name in order:
        if name not in graph.position:
            raise InputError({"order": Message(
                f"'order' contains '{name}', which is not a node of the graph.",
                f"“order”中的“{name}”不是图中的节点。")})
        if name in seen:
            raise InputError({"order": Message(
                f"'order' lists '{name}' twice; give every node exactly once.",
                f"“order”中“{name}”出现了两次；每个节点只能出现一次。")})
        seen.add(name)
    missing = [name for name in graph.nodes if name not in seen]
    if missing:
        listed = ", ".join(missing[:10]) + (", …" if len(missing) > 10 else "")
        count = "1 node" if len(missing) == 1 else f"{len(missing)} nodes"
        raise InputError({"order": Message(
            f"'order' leaves out {count}: {listed}; give every node exactly once.",
            f"“order”漏掉了 {len(missing)} 个节点：{listed}；每个节点都必须恰好出现"
            "一次。")})

    return list(order)


def _adjacency(graph: Graph) -> dict[str, set[str]]:
    """Return each node's neighbours with arcs read as undirected edges."""
    adjacency: dict[str, set[str]] = {name: set() for name in graph.nodes}
    for edge in graph.edges:
        adjacency[edge.source].add(edge.target)
        adjacency[edge.target].add(edge.source)
    return adjacency


def _greedy(graph, adjacency, strategy, given) -> list[_Pick]:
    colouring: dict[str, int] = {}
    picks = []
    if strategy == "dsatur":
        order_iter = None
    elif strategy == "largest-first":
        order_iter = sorted(graph.nodes, key=lambda n: len(adjacency[n]), reverse=True)
    else:
        order_iter = given

    for position in range(len(graph.nodes)):
        if order_iter is None:
            node, saturation = _most_saturated(graph, adjacency, colouring)
        else:
            node, saturation = order_iter[position], None
        seen = sorted({colouring[n] for n in adjacency[node] if n in colouring})
        colour = next(c for c in range(len(seen) + 1) if c not in seen)
        colouring[node] = colour
        picks.append(_Pick(node, seen, colour, saturation))

    return picks


def _most_saturated(graph, adjacency, colouring) -> tuple[str, int]:
    """Pick the uncoloured node with the most distinct neighbour colours (DSatur)."""
    best, best_key = None, None
    for node in graph.nodes:
        if node in colouring:
            continue
        saturation = len({colouring[n] for n in adjacency[node] if n in colouring})
        key = (saturation, len(adjacency[node]))
        if best_key is None or key > best_key:
            best, best_key = node, key

    return best, best_key[0]


def _chromatic(graph, adjacency, upper: int) -> tuple[int, dict[str, int]]:
    """Return χ and an optimal colouring by trying k = 1, 2, ... up to ``upper``.

    Backtracking colours nodes by decreasing degree and never opens colour
    c + 1 before colour c is used, so each partition is tried once. With
    at most ``MAX_EXACT_NODES`` nodes this took at most 6 ms on 300 random
    12-node graphs (one CPU core of the development container).
    """
    nodes = sorted(graph.nodes, key=lambda n: len(adjacency[n]), reverse=True)
    for k in range(1, upper + 1):
        found = _k_colouring(nodes, adjacency, k)
        if found is not None:
            return k, {node: found[node] for node in graph.nodes}

    raise AssertionError(f"no colouring with {upper} colours, which greedy found")


def _k_colouring(nodes, adjacency, k) -> dict[str, int] | None:
    colouring: dict[str, int] = {}

    def place(index: int, opened: int) -> bool:
        if index == len(nodes):
            return True
        node = nodes[index]
        taken = {colouring[n] for n in adjacency[node] if n in colouring}
        for colour in range(min(opened + 1, k)):
            if colour not in taken:
                colouring[node] = colour
                if place(index + 1, max(opened, colour + 1)):
                    return True
                del colouring[node]
        return False

    return dict(colouring) if place(0, 0) else None


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and one step per node coloured."""
    facts: _Facts = outcome.facts
    writer = _ZH if lang == "zh" else _EN
    steps = [Step(writer.order(facts), {"strategy": facts.strategy,
                                        "order": [p.node for p in facts.picks]})]
    for number, pick in enumerate(facts.picks, start=1):
        values = {"step": number, "node": pick.node, "neighbour_colors": pick.seen,
                  "color": pick.colour}
        if pick.saturation is not None:
            values["saturation"] = pick.saturation
        steps.append(Step(writer.pick(number, pick), values))
    steps.append(Step(writer.total(facts), {"colors_used": facts.used,
                                            "chromatic_number": facts.chromatic}))
    return Explanation(summary=writer.summary(facts), markdown=writer.markdown(facts),
                       steps=steps)


def _classes_md(colouring: dict[str, int], nodes: list[str], lang: str) -> str:
    """List the nodes of each colour, such as "colour 0: {a, c}; colour 1: {b}"."""
    joiner, label, separator = ((", ", "colour {c}: ", "; ") if lang == "en"
                                else ("、", "颜色 {c}：", "；"))
    groups = []
    for colour in range(max(colouring.values()) + 1):
        members = [md_escape(n) for n in nodes if colouring[n] == colour]
        groups.append(label.format(c=colour) + "{" + joiner.join(members) + "}")
    return separator.join(groups)


def _strategy_counts(facts: _Facts, names: dict, joiner: str) -> str:
    return joiner.join(f"{names[name]} {count}"
                       for name, count in facts.by_strategy.items())


class _EN:
    NAMES = {"largest-first": "largest-first", "given-order": "given order",
             "dsatur": "DSatur"}
    ORDERS = {"largest-first": "largest-first order", "given-order": "the given order",
              "dsatur": "DSatur order"}

    @staticmethod
    def summary(facts: _Facts) -> str:
        name = _EN.ORDERS[facts.strategy]
        text = f"Greedy colouring in {name} uses {_colours(facts.used)}."
        if facts.chromatic is None:
            return text + " That is an upper bound on the chromatic number."
        if facts.used == facts.chromatic:
            return text + (f" The chromatic number is {facts.chromatic}, so it is "
                           "optimal.")
        return text + (f" The chromatic number is {facts.chromatic}, so greedy used "
                       f"{facts.used - facts.chromatic} more than needed.")

    @staticmethod
    def order(facts: _Facts) -> str:
        rule = {"largest-first": "by degree, highest first (ties in node order)",
                "given-order": "in the given order",
                "dsatur": "each time the uncoloured node whose neighbours show the "
                          "most distinct colours (ties by degree, then node order)"}
        return f"Colour the nodes one at a time, {rule[facts.strategy]}."

    @staticmethod
    def pick(number: int, pick: _Pick) -> str:
        seen = ("no coloured neighbour" if not pick.seen else
                "coloured neighbours use " + ", ".join(map(str, pick.seen)))
        saturation = ("" if pick.saturation is None
                      else f" (saturation {pick.saturation})")
        return (f"Node {pick.node}{saturation}: {seen}, so it gets colour "
                f"{pick.colour}.")

    @staticmethod
    def total(facts: _Facts) -> str:
        text = f"Colours used: {facts.used}."
        if facts.chromatic is not None:
            text += f" Chromatic number found by exhaustive search: {facts.chromatic}."
        return text

    @staticmethod
    def markdown(facts: _Facts) -> str:
        graph = facts.graph
        parts = [
            "A **proper colouring** gives every node a colour so that the two ends "
            "of every edge differ; the **chromatic number** χ is the fewest colours "
            "that make this possible. **Greedy colouring** takes the nodes one at a "
            "time and gives each the smallest colour (0, 1, 2, …) that none of its "
            "already coloured neighbours has. It is fast, but the result depends on "
            "the order.",
        ]
        order = ", ".join(md_escape(p.node) for p in facts.picks[:30])
        more = ", …" if len(facts.picks) > 30 else ""
        parts.append(
            f"Here the order is **{_EN.ORDERS[facts.strategy]}**: {order}{more}. It "
            f"uses **{_colours(facts.used)}**: "
            f"{_classes_md(facts.colouring, graph.sorted_nodes(), 'en')}.")
        if graph.directed:
            parts.append("The graph is directed, but colouring ignores direction: an "
                         "arc u→v still forbids u and v the same colour.")
        parts.append(_EN._verdict(facts))
        parts.append("On this graph the three orders use: "
                     + _strategy_counts(facts, _EN.NAMES, ", ") + ".")
        return "\n\n".join(parts)

    @staticmethod
    def _verdict(facts: _Facts) -> str:
        if facts.chromatic is None:
            return (f"With {len(facts.graph.nodes)} nodes the exact chromatic number "
                    f"is not computed (only up to {MAX_EXACT_NODES} nodes, because "
                    "the problem is NP-hard). Greedy gives an **upper bound**: "
                    f"χ ≤ {facts.used}.")
        optimal = _classes_md(facts.optimal, facts.graph.sorted_nodes(), "en")
        if facts.used == facts.chromatic:
            return (f"An exhaustive search finds χ = {facts.chromatic}, so this "
                    "greedy colouring is **optimal**.")
        return (f"An exhaustive search finds χ = **{facts.chromatic}**, for example "
                f"{optimal}. Greedy used {facts.used}: it only gives an **upper "
                "bound** on χ, because an early choice can force extra colours "
                "later. A different order would do better; some order always "
                "reaches χ.")


class _ZH:
    NAMES = {"largest-first": "度数从大到小", "given-order": "给定顺序",
             "dsatur": "DSatur"}
    ORDERS = {"largest-first": "度数从大到小的顺序", "given-order": "给定的顺序",
              "dsatur": "DSatur 顺序"}

    @staticmethod
    def summary(facts: _Facts) -> str:
        name = _ZH.ORDERS[facts.strategy]
        text = f"按{name}贪心着色，用了 {facts.used} 种颜色。"
        if facts.chromatic is None:
            return text + "这是色数的一个上界。"
        if facts.used == facts.chromatic:
            return text + f"色数是 {facts.chromatic}，所以这是最优的。"
        return text + (f"色数是 {facts.chromatic}，所以贪心多用了 "
                       f"{facts.used - facts.chromatic} 种。")

    @staticmethod
    def order(facts: _Facts) -> str:
        rule = {"largest-first": "按度数从大到小（度数相同按节点顺序）",
                "given-order": "按给定顺序",
                "dsatur": "每次选邻居颜色种类最多的未着色节点（相同则看度数，再看节点顺序）"}
        return f"逐个给节点着色，{rule[facts.strategy]}。"

    @staticmethod
    def pick(number: int, pick: _Pick) -> str:
        seen = ("没有已着色的邻居" if not pick.seen else
                "已着色的邻居用了 " + "、".join(map(str, pick.seen)))
        saturation = "" if pick.saturation is None else f"（饱和度 {pick.saturation}）"
        return f"节点 {pick.node}{saturation}：{seen}，所以它得到颜色 {pick.colour}。"

    @staticmethod
    def total(facts: _Facts) -> str:
        text = f"共用颜色：{facts.used} 种。"
        if facts.chromatic is not None:
            text += f"穷举搜索得到的色数：{facts.chromatic}。"
        return text

    @staticmethod
    def markdown(facts: _Facts) -> str:
        graph = facts.graph
        parts = [
            "**合法着色**给每个节点一种颜色，使每条边两端的颜色不同；**色数** χ 是"
            "做到这一点最少需要的颜色数。**贪心着色**逐个处理节点，给每个节点它那些"
            "已着色的邻居都没用过的最小颜色（0、1、2……）。它很快，但结果取决于顺序。",
        ]
        order = "、".join(md_escape(p.node) for p in facts.picks[:30])
        more = "、…" if len(facts.picks) > 30 else ""
        parts.append(
            f"这里按**{_ZH.ORDERS[facts.strategy]}**：{order}{more}。它用了 "
            f"**{facts.used} 种颜色**："
            f"{_classes_md(facts.colouring, graph.sorted_nodes(), 'zh')}。")
        if graph.directed:
            parts.append("这是有向图，但着色不看方向：有向边 u→v 同样要求 u 和 v "
                         "颜色不同。")
        parts.append(_ZH._verdict(facts))
        parts.append("在这个图上三种顺序分别用了："
                     + _strategy_counts(facts, _ZH.NAMES, "，") + "。")
        return "\n\n".join(parts)

    @staticmethod
    def _verdict(facts: _Facts) -> str:
        if facts.chromatic is None:
            return (f"这个图有 {len(facts.graph.nodes)} 个节点，没有精确计算色数（只对"
                    f"不超过 {MAX_EXACT_NODES} 个节点的图计算，因为这是 NP 难问题）。"
                    f"贪心给出的是**上界**：χ ≤ {facts.used}。")
        optimal = _classes_md(facts.optimal, facts.graph.sorted_nodes(), "zh")
        if facts.used == facts.chromatic:
            return f"穷举搜索得到 χ = {facts.chromatic}，所以这次贪心着色是**最优的**。"
        return (f"穷举搜索得到 χ = **{facts.chromatic}**，例如{optimal}。贪心用了 "
                f"{facts.used} 种：它只给出 χ 的**上界**，因为前面的选择可能迫使后面"
                "多用颜色。换一个顺序会更好；总存在某个顺序能达到 χ。")


def _colours(count: int) -> str:
    return "1 colour" if count == 1 else f"{count} colours"


_WORDS = {
    "en": {"title": "Greedy graph colouring", "colour": "colour {n}",
           "more": "… {n} colours in all",
           "final": "{used} colours in {strategy}; the badge on each node is its "
                    "colour number.",
           "chromatic": " Chromatic number: {chi}.",
           "step": "{n}. {node} gets colour {colour}"},
    "zh": {"title": "贪心图着色", "colour": "颜色 {n}", "more": "… 共 {n} 种颜色",
           "final": "按{strategy}用了 {used} 种颜色；小标签是各节点的颜色编号。",
           "chromatic": "色数：{chi}。", "step": "{n}. {node} 得到颜色 {colour}"},
}


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the graph with each node filled in its colour, or the greedy steps
    as frames.
    """
    facts: _Facts = outcome.facts
    words = _WORDS[lang]
    names = _ZH.ORDERS if lang == "zh" else _EN.ORDERS
    legend = [LegendEntry(words["colour"].format(n=c), c) for c in range(min(facts.used,
                                                                             8))]
    if facts.used > 8:
        legend.append(LegendEntry(words["more"].format(n=facts.used), 7))
    nodes = {node: NodeMark(colour=colour % 8, solid=True, badge=str(colour))
             for node, colour in facts.colouring.items()}
    caption = words["final"].format(used=facts.used, strategy=names[facts.strategy])
    if facts.chromatic is not None:
        caption += words["chromatic"].format(chi=facts.chromatic)
    frames = []
    coloured: dict = {}
    for number, pick in enumerate(facts.picks, start=1):
        coloured[pick.node] = NodeMark(colour=pick.colour % 8, badge=str(pick.colour))
        current = dict(coloured)
        current[pick.node] = NodeMark(colour=pick.colour % 8, solid=True,
                                      badge=str(pick.colour))
        frames.append(Frame(current, {}, words["step"].format(
            n=number, node=pick.node, colour=pick.colour)))

    # Nodes are laid out in the order coloured, so on a ring it reads clockwise.
    plan = plan_graph([pick.node for pick in facts.picks],
                      [(edge.source, edge.target, None) for edge in facts.graph.edges],
                      facts.graph.directed)
    summary = (_ZH if lang == "zh" else _EN).summary(facts)
    return draw_result(plan, facts.params,
                       final=Frame(nodes, {}, caption), frames=frames,
                       title=words["title"], desc=summary, theme=theme, legend=legend)


_NAMES_SCHEMA = {"type": "array", "items": {"type": "string"}}
_COLOURING = {"type": "object", "additionalProperties": {"type": "integer"}}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["strategy", "order", "coloring", "colors_used", "chromatic_number"],
    "properties": {
        "strategy": {"type": "string", "enum": list(STRATEGIES)},
        "order": {**_NAMES_SCHEMA, "description": "Nodes in the order coloured."},
        "coloring": {**_COLOURING, "description": "Colour number (from 0) per node."},
        "colors_used": {"type": "integer"},
        "color_classes": {"type": "array", "items": _NAMES_SCHEMA,
                          "description": "Nodes of each colour, colour 0 first."},
        "chromatic_number": {"type": ["integer", "null"],
                             "description": f"Exact χ for up to {MAX_EXACT_NODES} "
                                            "nodes, else null."},
        "greedy_optimal": {"type": ["boolean", "null"]},
        "optimal_coloring": {"anyOf": [_COLOURING, {"type": "null"}],
                             "description": "A colouring with χ colours, when χ is "
                                            "computed."},
        "colors_by_strategy": {"type": "object",
                               "additionalProperties": {"type": "integer"},
                               "description": "Colours used by each greedy order."},
        "exact_up_to_nodes": {"type": "integer"},
    },
}

CONCEPT = register(Concept(
    name="graph/coloring",
    title={"en": "Greedy graph colouring", "zh": "贪心图着色"},
    description=(
        "Greedy colouring of the caller's graph (largest-first, a given order, or "
        "DSatur): colours used, each step, and for up to 12 nodes the exact "
        "chromatic number. Call it to explain graph colouring or why greedy is an "
        "upper bound."
    ),
    schema=ColoringInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"edges": "0-1,1-2,2-3", "strategy": "given-order", "order": "0,3,1,2"},
    limits={**LIMITS, "exact_chromatic_number_nodes": MAX_EXACT_NODES},
    result_schema=RESULT_SCHEMA,
    family="graph algorithms",
))

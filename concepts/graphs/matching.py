"""Maximum matching in a bipartite graph, with the augmenting paths that
build it, the vertex cover that proves it maximum and, for weighted
edges, the minimum-cost assignment.

Notes
-----
The sides are the ``left`` nodes and all others, or else each connected
component is 2-coloured from its first node by name, which goes left. A
greedy pass takes the edges in the caller's order, then each free left
node (in name order) searches breadth-first for an augmenting path. The
caller's edge order therefore decides the greedy start: on the path
a–b–c–d, ``edges=b-c,a-b,c-d`` makes greedy stop at the maximal but not
maximum {b–c}, and the augmenting path a–b–c–d fixes it. When any edge
carries a weight (``u-v:w``), the weights are costs and the cheapest
maximum matching is found by successive shortest paths. See
``bipartite`` for the algorithms and their sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..base import Concept, Explanation, InputError, Outcome, Step, register
from ..draw.edge_labels import spread_edge_labels
from ..draw.graphs import EdgeMark, Frame, LegendEntry, NodeMark, plan_graph
from ..fields import Boolean
from ..text import Message, fmt, md_escape
from .bipartite import (AssignmentRun, MatchingRun, Sides, adjacency,
                        maximum_matching, minimum_cost_assignment, two_colour)
from .graph_input import (LIMITS, MAX_EDGES, Edges, Graph, GraphInput, Nodes,
                          build_graph, exact, natural_key)
from .picture import draw_result, plan_for

# Sides up to this many nodes are drawn as two columns; larger graphs use
# the automatic layout, where columns would be too tall to read.
COLUMN_LIMIT = 40
# The markdown lists this many augmenting paths; the steps list them all.
LISTED = 12


class MatchingInput(GraphInput):
    edges = Edges(
        required=True,
        description=(
            "Edges as u-v or u-v:cost, comma-separated, or a JSON array of [u, v] "
            "or [u, v, cost]. The greedy start takes them in this order. Any cost "
            "adds the minimum-cost assignment. Names in the text form cannot "
            f"contain - , : ;. At most {MAX_EDGES} edges."
        ),
        example="L1-R1,L3-R1,L2-R2",
    )
    directed = Boolean(
        load_default=False,
        description="Leave out or false: matching reads every edge as undirected, "
                    "and true is rejected.",
        example="false",
    )
    left = Nodes(
        description=(
            "Optional names of the left side, comma-separated; every edge must join "
            "a left node to another node. Without it, each connected component is "
            "2-coloured and its first node by name goes left."
        ),
        example="L1,L2,L3",
    )


@dataclass
class _Facts:
    graph: Graph
    sides: Sides
    run: MatchingRun
    assignment: AssignmentRun | None
    weights: dict
    params: dict


def compute(params: dict) -> Outcome:
    """Split the graph into its two sides, then find a maximum matching and,
    with weights, the minimum-cost assignment.
    """
    if params.get("directed"):
        raise InputError({"directed": Message(
            "'directed' is true, but matching reads every edge as undirected; leave "
            "'directed' out or set it to false.",
            "“directed”为 true，但匹配把每条边都当作无向边；请去掉“directed”或设为 "
            "false。")})

    graph = build_graph(params)
    _reject_self_loops(graph)
    near = adjacency(graph.nodes, [(e.source, e.target) for e in graph.edges],
                     key=natural_key)
    if params.get("left") is not None:
        sides = _given_sides(graph, params["left"])
    else:
        sides = _detected_sides(graph, near)

    left = set(sides.left)
    oriented = [(e.source, e.target) if e.source in left else (e.target, e.source)
                for e in graph.edges]
    run = maximum_matching(oriented, sides, near)
    weights = {pair: exact(edge.weight) for pair, edge in zip(oriented, graph.edges)}
    assignment = None
    if graph.weighted:
        weighted = [(u, v, weights[u, v]) for u, v in oriented]
        assignment = minimum_cost_assignment(weighted, sides)

    inputs = {"edges": [[e.source, e.target, e.weight] for e in graph.edges],
              "nodes": graph.nodes, "left": sides.left}
    facts = _Facts(graph, sides, run, assignment, weights, params)
    return Outcome(inputs=inputs, result=_result(facts), facts=facts)


def _reject_self_loops(graph: Graph) -> None:
    for edge in graph.self_loops():
        raise InputError({"edges": Message(
            f"Edge {edge.index + 1} '{edge.source}-{edge.target}' is a self-loop, a "
            "cycle of odd length 1, so the graph is not bipartite; remove it.",
            f"第 {edge.index + 1} 条边“{edge.source}-{edge.target}”是自环，即长度为 1 "
            "的奇环，所以图不是二部图；请删除它。")})


def _given_sides(graph: Graph, names: list[str]) -> Sides:
    for name in names:
        if name not in graph.position:
            raise InputError({"left": Message(
                f"'left' names '{name}', which is not a node of the graph.",
                f"“left”中的“{name}”不是图中的节点。")})

    left = set(names)
    for edge in graph.edges:
        if (edge.source in left) == (edge.target in left):
            both_left = edge.source in left
            side_en, side_zh = ("left", "左") if both_left else ("right", "右")
            raise InputError({"left": Message(
                f"Edge {edge.index + 1} '{edge.source}-{edge.target}' joins two "
                f"{side_en} nodes; with the given 'left', every edge must join a left "
                "node to a right node.",
                f"第 {edge.index + 1} 条边“{edge.source}-{edge.target}”连接了两个"
                f"{side_zh}侧节点；按给定的“left”，每条边都必须连接左侧节点和右侧节点。")})

    ordered = graph.sorted_nodes()
    return Sides([n for n in ordered if n in left],
                 [n for n in ordered if n not in left], detected=False)


def _detected_sides(graph: Graph, near: dict) -> Sides:
    colour, cycle = two_colour(graph.nodes, near, key=natural_key)
    if cycle is not None:
        loop = "–".join(_from_first(cycle) + [min(cycle, key=natural_key)])
        raise InputError({"edges": Message(
            f"The graph is not bipartite: it has the odd cycle {loop} "
            f"({len(cycle)} edges), and a cycle of odd length cannot alternate "
            "between two sides. Maximum matching here needs a bipartite graph.",
            f"这个图不是二部图：它含有奇环 {loop}（{len(cycle)} 条边），"
            "长度为奇数的环无法在两侧之间交替。这里的最大匹配需要二部图。")})

    ordered = graph.sorted_nodes()
    return Sides([n for n in ordered if colour[n] == 0],
                 [n for n in ordered if colour[n] == 1], detected=True)


def _from_first(cycle: list[str]) -> list[str]:
    """Rotate a cycle to start at its first node by name, then go towards the
    smaller of that node's two neighbours on the cycle.
    """
    start = cycle.index(min(cycle, key=natural_key))
    rotated = cycle[start:] + cycle[:start]
    backwards = [rotated[0]] + rotated[:0:-1]
    return min(rotated, backwards, key=lambda order: natural_key(order[1]))


def _result(facts: _Facts) -> dict:
    run, sides = facts.run, facts.sides
    matched = {node for pair in run.pairs for node in pair}
    result = {
        "left": sides.left,
        "right": sides.right,
        "sides_detected": sides.detected,
        "size": len(run.pairs),
        "matching": [list(pair) for pair in run.pairs],
        "greedy": [list(pair) for pair in run.greedy],
        "augmenting_paths": run.paths,
        "maximal_not_maximum": len(run.greedy) < len(run.pairs),
        "unmatched": {"left": [n for n in sides.left if n not in matched],
                      "right": [n for n in sides.right if n not in matched]},
        "vertex_cover": run.cover,
    }
    if facts.assignment is not None:
        assignment = facts.assignment
        matching_cost = sum((facts.weights[pair] for pair in run.pairs), 0)
        result["matching_cost"] = _plain(matching_cost)
        result["assignment"] = {
            "pairs": [[u, v, _plain(facts.weights[u, v])] for u, v in assignment.pairs],
            "cost": _plain(assignment.cost),
            "rounds": [{"path": r.path, "cost": _plain(r.cost),
                        "total": _plain(r.total)} for r in assignment.rounds],
        }

    return result


def _plain(value) -> int | float:
    """Return an exact amount as a JSON number: int when whole, else float."""
    return value if isinstance(value, int) else float(value)


def _amount(value) -> str:
    return fmt(_plain(value), 6)


def _pairs_text(pairs, escape=str, separator=", ") -> str:
    return separator.join(f"{escape(u)}–{escape(v)}" for u, v in pairs)


def _path_text(path: list[str], escape=str) -> str:
    return " – ".join(escape(node) for node in path)


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and the steps: sides, greedy
    pass, each augmenting-path search, the certificate and the assignment.
    """
    facts: _Facts = outcome.facts
    result = outcome.result
    writer = _ZH if lang == "zh" else _EN
    steps = [Step(writer.sides(facts.sides),
                  {"left": result["left"], "right": result["right"]}),
             Step(writer.greedy(facts.run), {"greedy": result["greedy"]})]
    size = len(facts.run.greedy)
    for start, path in facts.run.attempts:
        if path is not None:
            size += 1
        steps.append(Step(writer.attempt(start, path, size),
                          {"start": start, "path": path, "size": size}))

    steps.append(Step(writer.certificate(facts.run),
                      {"matching": result["matching"], "size": result["size"],
                       "vertex_cover": result["vertex_cover"]}))
    if facts.assignment is not None:
        for number, round_ in enumerate(facts.assignment.rounds, start=1):
            steps.append(Step(writer.round(number, round_.path, facts.weights,
                                           round_.cost, round_.total),
                              result["assignment"]["rounds"][number - 1]))
        steps.append(Step(writer.assignment(facts),
                          {"pairs": result["assignment"]["pairs"],
                           "cost": result["assignment"]["cost"]}))

    return Explanation(summary=writer.summary(facts, result),
                       markdown=writer.markdown(facts, result), steps=steps)


def _round_terms(path: list[str], weights: dict) -> tuple[list, list]:
    """Split a path into added (left, right, weight) and removed edges."""
    added, removed = [], []
    for index in range(len(path) - 1):
        if index % 2 == 0:
            added.append((path[index], path[index + 1],
                          weights[path[index], path[index + 1]]))
        else:
            removed.append((path[index + 1], path[index],
                            weights[path[index + 1], path[index]]))

    return added, removed


def _weighted_pairs(items, escape=str, separator=", ") -> str:
    return separator.join(f"{escape(u)}–{escape(v)} ({_amount(w)})"
                          for u, v, w in items)


class _EN:
    @staticmethod
    def summary(facts: _Facts, result: dict) -> str:
        size = result["size"]
        text = (f"The maximum matching has {size} edge{'s' if size != 1 else ''}"
                + (f": {_pairs_text(facts.run.pairs)}." if 0 < size <= 6 else "."))
        if result["maximal_not_maximum"]:
            text += (f" The greedy start had only {len(facts.run.greedy)}: maximal, "
                     "but not maximum.")
        if facts.assignment is not None:
            text += (f" The cheapest maximum matching costs "
                     f"{_amount(facts.assignment.cost)}.")
        return text

    @staticmethod
    def sides(sides: Sides) -> str:
        how = ("found by 2-colouring each component" if sides.detected
               else "as given")
        return (f"Sides ({how}): left {', '.join(sides.left) or 'none'}; right "
                f"{', '.join(sides.right) or 'none'}.")

    @staticmethod
    def greedy(run: MatchingRun) -> str:
        if not run.greedy:
            return "Greedy pass: there are no edges to take."
        return (f"Greedy pass over the edges in the given order, taking an edge when "
                f"both ends are free: {_pairs_text(run.greedy)} "
                f"({len(run.greedy)} edge{'s' if len(run.greedy) != 1 else ''}).")

    @staticmethod
    def attempt(start: str, path: list[str] | None, size: int) -> str:
        if path is None:
            return (f"{start} is free, but no augmenting path starts there, so it "
                    "stays unmatched.")
        added = _pairs_text(zip(path[0::2], path[1::2]))
        removed = _pairs_text(zip(path[2::2], path[1::2]))
        swap = f"adds {added}" + (f" and removes {removed}" if removed else "")
        return (f"Augmenting path from {start}: {_path_text(path)}. Swapping it "
                f"{swap}; the matching now has {size} edge{'s' if size != 1 else ''}.")

    @staticmethod
    def certificate(run: MatchingRun) -> str:
        return (f"No free left node has an augmenting path, so the matching "
                f"{_pairs_text(run.pairs) or '(empty)'} of size {len(run.pairs)} is "
                f"maximum. The vertex cover {', '.join(run.cover) or '(empty)'} has "
                f"{len(run.cover)} nodes, which proves it (König).")

    @staticmethod
    def round(number, path, weights, cost, total) -> str:
        added, removed = _round_terms(path, weights)
        text = (f"Assignment round {number}: cheapest augmenting path "
                f"{_path_text(path)} adds {_weighted_pairs(added)}")
        if removed:
            text += f" and removes {_weighted_pairs(removed)}"
        return text + f", cost {_amount(cost)}; total {_amount(total)}."

    @staticmethod
    def assignment(facts: _Facts) -> str:
        pairs = [(u, v, facts.weights[u, v]) for u, v in facts.assignment.pairs]
        return (f"Minimum-cost assignment: {_weighted_pairs(pairs) or '(empty)'}, "
                f"total cost {_amount(facts.assignment.cost)}.")

    @staticmethod
    def markdown(facts: _Facts, result: dict) -> str:
        sides, run = facts.sides, facts.run
        left = ", ".join(md_escape(n) for n in sides.left) or "none"
        right = ", ".join(md_escape(n) for n in sides.right) or "none"
        parts = ["A **matching** pairs nodes along edges so that no node is used "
                 "twice. In a *bipartite* graph every edge joins the two sides, like "
                 "workers and the jobs they can do."]
        if sides.detected:
            parts.append("The sides were found by 2-colouring each connected "
                         "component, starting from its first node by name on the "
                         f"left: left = {{{left}}}, right = {{{right}}}.")
        else:
            parts.append(f"The sides are left = {{{left}}} as given, and right = "
                         f"{{{right}}}.")

        size = result["size"]
        unmatched = result["unmatched"]["left"] + result["unmatched"]["right"]
        text = (f"The maximum matching has **{size}** edge{'s' if size != 1 else ''}"
                + (f": {_pairs_text(run.pairs, md_escape)}." if size else "."))
        if unmatched:
            text += " Unmatched: " + ", ".join(md_escape(n) for n in unmatched) + "."
        parts.append(text)
        if not facts.graph.edges:
            parts.append("The graph has no edges, so nothing can be matched.")
            return "\n\n".join(parts)

        parts.append(_EN._greedy(run, result))
        parts.append(f"**Why no larger matching exists.** The nodes "
                     f"{{{', '.join(md_escape(n) for n in run.cover)}}} touch every "
                     "edge (a *vertex cover*). Each edge of a matching needs its own "
                     "cover node, so no matching has more than "
                     f"{len(run.cover)} edges, and this one has {size}: König's "
                     "theorem says the two are always equal in a bipartite graph.")
        if facts.assignment is not None:
            parts.append(_EN._assignment(facts, result))

        return "\n\n".join(parts)

    @staticmethod
    def _greedy(run: MatchingRun, result: dict) -> str:
        greedy = _pairs_text(run.greedy, md_escape) or "nothing"
        if not result["maximal_not_maximum"]:
            return (f"A greedy pass over the edges in your order took {{{greedy}}}, "
                    "and no augmenting path could add to it, so greedy was already "
                    "maximum here. It is not always: on the path a–b–c–d, taking b–c "
                    "first leaves a matching that is *maximal* (no edge can be "
                    "added) but not *maximum*.")
        paths = run.paths
        lines = [f"- {_path_text(path, md_escape)}" for path in paths[:LISTED]]
        if len(paths) > LISTED:
            lines.append(f"- …and {len(paths) - LISTED} more, all in the steps")
        return (f"A greedy pass over the edges in your order took {{{greedy}}} and "
                "then got stuck: every other edge touches a matched node, so this "
                f"matching is *maximal*. It is not *maximum*, though: it has "
                f"{len(run.greedy)} edge{'s' if len(run.greedy) != 1 else ''} and "
                f"the maximum has {result['size']}. "
                "The fix is an *augmenting path*, which starts and ends at unmatched "
                "nodes and alternates between edges outside and inside the "
                "matching. Swapping its edges in and out adds one edge (Berge's "
                "theorem: a matching is maximum exactly when no augmenting path "
                "is left). The paths used here, found by breadth-first search "
                "from each free left node in name order:\n\n" + "\n".join(lines))

    @staticmethod
    def _assignment(facts: _Facts, result: dict) -> str:
        assignment = facts.assignment
        pairs = [(u, v, facts.weights[u, v]) for u, v in assignment.pairs]
        text = (f"**Minimum-cost assignment.** Reading the weights as costs, the "
                f"cheapest way to match {len(pairs)} pairs is "
                f"{_weighted_pairs(pairs, md_escape) or 'nothing'}, total cost "
                f"**{_amount(assignment.cost)}**. Successive shortest paths build it "
                f"one pair at a time. Each of the {len(assignment.rounds)} rounds "
                "takes the augmenting path of least cost (added edges minus "
                "removed edges), found by Dijkstra's algorithm on costs kept "
                "non-negative by node potentials. So after k rounds the matching "
                "is the cheapest one with k edges.")
        if result["matching_cost"] != result["assignment"]["cost"]:
            text += (f" The maximum matching above, found without looking at "
                     f"weights, costs {_amount(result['matching_cost'])}.")
        return text


class _ZH:
    @staticmethod
    def summary(facts: _Facts, result: dict) -> str:
        size = result["size"]
        text = (f"最大匹配有 {size} 条边"
                + (f"：{_pairs_text(facts.run.pairs, separator='、')}。"
                   if 0 < size <= 6 else "。"))
        if result["maximal_not_maximum"]:
            text += (f"贪心起点只有 {len(facts.run.greedy)} 条：是极大匹配，"
                     "但不是最大匹配。")
        if facts.assignment is not None:
            text += f"代价最小的最大匹配总代价为 {_amount(facts.assignment.cost)}。"
        return text

    @staticmethod
    def sides(sides: Sides) -> str:
        how = "对每个连通分量做二染色得到" if sides.detected else "按给定"
        return (f"两侧（{how}）：左侧 {'、'.join(sides.left) or '无'}；右侧 "
                f"{'、'.join(sides.right) or '无'}。")

    @staticmethod
    def greedy(run: MatchingRun) -> str:
        if not run.greedy:
            return "贪心阶段：没有可取的边。"
        taken = _pairs_text(run.greedy, separator="、")
        return (f"贪心阶段按给定顺序扫描各边，两端都空闲就取：{taken}"
                f"（{len(run.greedy)} 条边）。")

    @staticmethod
    def attempt(start: str, path: list[str] | None, size: int) -> str:
        if path is None:
            return f"{start} 空闲，但从它出发没有增广路径，所以它保持未匹配。"
        added = _pairs_text(zip(path[0::2], path[1::2]), separator="、")
        removed = _pairs_text(zip(path[2::2], path[1::2]), separator="、")
        swap = f"加入 {added}" + (f"，移除 {removed}" if removed else "")
        return (f"从 {start} 出发的增广路径：{_path_text(path)}。翻转后{swap}；"
                f"匹配现在有 {size} 条边。")

    @staticmethod
    def certificate(run: MatchingRun) -> str:
        return (f"没有空闲的左侧节点还有增广路径，所以大小为 {len(run.pairs)} 的匹配 "
                f"{_pairs_text(run.pairs, separator='、') or '（空）'} 是最大匹配。"
                f"顶点覆盖 {'、'.join(run.cover) or '（空）'} 有 {len(run.cover)} "
                "个节点，证明了这一点（König 定理）。")

    @staticmethod
    def round(number, path, weights, cost, total) -> str:
        added, removed = _round_terms(path, weights)
        text = (f"指派第 {number} 轮：代价最小的增广路径 {_path_text(path)} 加入 "
                f"{_weighted_pairs(added, separator='、')}")
        if removed:
            text += f"，移除 {_weighted_pairs(removed, separator='、')}"
        return text + f"，代价 {_amount(cost)}；累计 {_amount(total)}。"

    @staticmethod
    def assignment(facts: _Facts) -> str:
        pairs = [(u, v, facts.weights[u, v]) for u, v in facts.assignment.pairs]
        return (f"最小代价指派：{_weighted_pairs(pairs, separator='、') or '（空）'}，"
                f"总代价 {_amount(facts.assignment.cost)}。")

    @staticmethod
    def markdown(facts: _Facts, result: dict) -> str:
        sides, run = facts.sides, facts.run
        left = "、".join(md_escape(n) for n in sides.left) or "无"
        right = "、".join(md_escape(n) for n in sides.right) or "无"
        parts = ["**匹配**是沿边把节点两两配对，且每个节点至多用一次。在*二部图*中，"
                 "每条边都连接两侧，就像工人和他们能做的工作。"]
        if sides.detected:
            parts.append("两侧是对每个连通分量做二染色得到的，从按名字排第一的节点开始"
                         f"放在左侧：左侧 = {{{left}}}，右侧 = {{{right}}}。")
        else:
            parts.append(f"两侧按给定：左侧 = {{{left}}}，右侧 = {{{right}}}。")

        size = result["size"]
        unmatched = result["unmatched"]["left"] + result["unmatched"]["right"]
        text = (f"最大匹配有 **{size}** 条边"
                + (f"：{_pairs_text(run.pairs, md_escape, '、')}。" if size else "。"))
        if unmatched:
            text += "未匹配：" + "、".join(md_escape(n) for n in unmatched) + "。"
        parts.append(text)
        if not facts.graph.edges:
            parts.append("这个图没有边，所以无法匹配任何节点。")
            return "\n\n".join(parts)

        parts.append(_ZH._greedy(run, result))
        parts.append(f"**为什么不存在更大的匹配。** 节点 "
                     f"{{{'、'.join(md_escape(n) for n in run.cover)}}} 接触每一条边"
                     "（即*顶点覆盖*）。匹配中的每条边都需要一个属于它自己的覆盖节点，"
                     f"所以任何匹配都不超过 {len(run.cover)} 条边，而这个匹配正好有 "
                     f"{size} 条：König 定理说在二部图中两者总是相等。")
        if facts.assignment is not None:
            parts.append(_ZH._assignment(facts, result))

        return "\n\n".join(parts)

    @staticmethod
    def _greedy(run: MatchingRun, result: dict) -> str:
        greedy = _pairs_text(run.greedy, md_escape, "、") or "无"
        if not result["maximal_not_maximum"]:
            return (f"按你给的边的顺序做贪心，取到了 {{{greedy}}}，之后没有增广路径能"
                    "再加边，所以这里贪心已经是最大匹配。并非总是如此：在路径 a–b–c–d "
                    "上先取 b–c，得到的匹配是*极大*的（不能再加任何边），"
                    "却不是*最大*的。")
        paths = run.paths
        lines = [f"- {_path_text(path, md_escape)}" for path in paths[:LISTED]]
        if len(paths) > LISTED:
            lines.append(f"- ……另有 {len(paths) - LISTED} 条，全部列在步骤中")
        return (f"按你给的边的顺序做贪心，取到 {{{greedy}}} 后就卡住了：其余每条边都"
                "接触已匹配的节点，所以这个匹配是*极大*的。但它不是*最大*的："
                f"它有 {len(run.greedy)} 条边，而最大匹配有 {result['size']} 条。"
                "补救办法是*增广路径*：它从未匹配节点出发、到未匹配节点结束，"
                "交替经过匹配外和匹配内的边。把它的边翻转，匹配就多一条边"
                "（Berge 定理：当且仅当不存在增广路径时，匹配是最大的）。"
                "这里用到的路径，是从每个空闲的左侧节点按名字顺序做广度优先搜索"
                "找到的：\n\n" + "\n".join(lines))

    @staticmethod
    def _assignment(facts: _Facts, result: dict) -> str:
        assignment = facts.assignment
        pairs = [(u, v, facts.weights[u, v]) for u, v in assignment.pairs]
        text = (f"**最小代价指派。** 把权重当作代价，配成 {len(pairs)} 对的"
                "最便宜方案是 "
                f"{_weighted_pairs(pairs, md_escape, '、') or '无'}，总代价 "
                f"**{_amount(assignment.cost)}**。逐次最短路方法每次加一对："
                f"{len(assignment.rounds)} 轮中的每一轮都取“加入边的代价减去移除边的"
                "代价”最小的增广路径，用 Dijkstra 算法在由节点势保持非负的代价上求得，"
                "所以 k 轮之后的匹配是 k 条边中最便宜的。")
        if result["matching_cost"] != result["assignment"]["cost"]:
            text += (f"上面不看权重求出的最大匹配，代价是 "
                     f"{_amount(result['matching_cost'])}。")
        return text


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the two sides as columns with the matching (or, with weights, the
    cheapest assignment) highlighted, or one frame per step.
    """
    facts: _Facts = outcome.facts
    words = _WORDS[lang]
    plan = _plan(facts)
    steps_shown = facts.params.get("frames") or facts.params.get("animate")
    legend = []
    if steps_shown or facts.assignment is None:
        legend.append(LegendEntry(words["matched"], 0, "edge"))
    if steps_shown:
        legend.append(LegendEntry(words["path"], 1, "edge"))
    if steps_shown or facts.assignment is None:
        legend.append(LegendEntry(words["cover"], 2))
    if facts.assignment is not None:
        legend.append(LegendEntry(words["assigned"], 3, "edge"))

    frames = _frames(facts, words) if steps_shown else [_final_frame(facts, words)]
    summary = explain(outcome, lang).summary
    return draw_result(plan, facts.params, final=frames[-1], frames=frames,
                       title=words["title"], desc=summary, theme=theme, legend=legend)


def _plan(facts: _Facts):
    graph, sides = facts.graph, facts.sides
    if max(len(sides.left), len(sides.right)) > COLUMN_LIMIT:
        return plan_for(graph)

    row = {name: index for index, name in enumerate(sides.left)}
    partner = {v: u for u, v in facts.run.pairs}
    near: dict[str, list[int]] = {name: [] for name in sides.right}
    for edge in graph.edges:
        left, right = ((edge.source, edge.target) if edge.source in row
                       else (edge.target, edge.source))
        near[right].append(row[left])

    def place(name: str) -> tuple:
        if name in partner:
            return (row[partner[name]], natural_key(name))
        linked = near[name]
        return (sum(linked) / len(linked) if linked else len(row), natural_key(name))

    right = sorted(sides.right, key=place)
    tallest = max(len(sides.left), len(right))
    positions = {}
    for column, names in ((0.0, sides.left), (2.6, right)):
        offset = (tallest - len(names)) / 2
        for index, name in enumerate(names):
            positions[name] = (column, offset + index * 0.8)

    labels = [(e.source, e.target, _amount(facts.weights[_oriented(facts, e)])
               if graph.weighted else None) for e in graph.edges]
    plan = plan_graph(graph.nodes, labels, False, positions=positions)
    if graph.weighted:
        spread_edge_labels(plan)

    return plan


def _oriented(facts: _Facts, edge) -> tuple[str, str]:
    if (edge.source, edge.target) in facts.weights:
        return (edge.source, edge.target)
    return (edge.target, edge.source)


def _frames(facts: _Facts, words: dict) -> list[Frame]:
    run = facts.run
    frames = [Frame({}, {}, words["start"])]
    matched = set(run.greedy)
    frames.append(Frame(_node_marks(matched), _matched_marks(matched),
                        words["greedy"].format(count=_edges(len(run.greedy), words))))
    for start, path in run.attempts:
        if path is None:
            nodes = _node_marks(matched)
            nodes[start] = NodeMark(muted=True, note=words["stuck_note"])
            frames.append(Frame(nodes, _matched_marks(matched),
                                words["stuck"].format(start=start)))
            continue
        added = set(zip(path[0::2], path[1::2]))
        removed = set(zip(path[2::2], path[1::2]))
        matched = (matched - removed) | added
        edges = _matched_marks(matched)
        for left, right in zip(path, path[1:]):
            key = (left, right) if (left, right) in facts.weights else (right, left)
            edges[key] = EdgeMark(colour=1, width=4.5, dashed=key in removed)
        frames.append(Frame(_node_marks(matched), edges, words["path_caption"].format(
            path=_path_text(path), count=_edges(len(matched), words))))

    frames.append(_cover_frame(run, words))
    if facts.assignment is not None:
        frames.extend(_assignment_frames(facts, words))

    return frames


def _final_frame(facts: _Facts, words: dict) -> Frame:
    if facts.assignment is None:
        return _cover_frame(facts.run, words)

    pairs = facts.assignment.pairs
    return Frame(_node_marks(pairs, 3), _matched_marks(pairs, 3),
                 words["assignment"].format(cost=_amount(facts.assignment.cost)))


def _cover_frame(run: MatchingRun, words: dict) -> Frame:
    nodes = _node_marks(run.pairs)
    for name in run.cover:
        nodes[name] = NodeMark(colour=2, solid=True)

    return Frame(nodes, _matched_marks(run.pairs), words["final"].format(
        count=_edges(len(run.pairs), words), cover=len(run.cover)))


def _assignment_frames(facts: _Facts, words: dict) -> list[Frame]:
    frames = []
    chosen: set = set()
    for number, round_ in enumerate(facts.assignment.rounds, start=1):
        path = round_.path
        chosen = (chosen - set(zip(path[2::2], path[1::2]))) | set(zip(path[0::2],
                                                                       path[1::2]))
        frames.append(Frame(_node_marks(chosen, 3), _matched_marks(chosen, 3),
                            words["round"].format(n=number, path=_path_text(path),
                                                  total=_amount(round_.total))))

    final = _final_frame(facts, words)
    if not frames:
        return [final]

    frames[-1] = final
    return frames


def _edges(count: int, words: dict) -> str:
    return words["edge" if count == 1 else "edges"].format(count=count)


def _node_marks(pairs, colour: int = 0) -> dict:
    return {name: NodeMark(colour=colour) for pair in pairs for name in pair}


def _matched_marks(pairs, colour: int = 0) -> dict:
    return {pair: EdgeMark(colour=colour, width=4.5) for pair in pairs}


_WORDS = {
    "en": {"title": "Maximum bipartite matching", "matched": "matched edge",
           "path": "augmenting path (dashed: leaves the matching)",
           "assigned": "cheapest assignment", "cover": "vertex cover (König)",
           "start": "Start: no edge matched.",
           "edge": "{count} edge", "edges": "{count} edges",
           "greedy": "Greedy pass in the given edge order: {count}.",
           "stuck": "{start} is free, but no augmenting path starts there.",
           "stuck_note": "no path",
           "path_caption": "Augmenting path {path}: now {count}.",
           "final": "Maximum matching: {count}; the {cover} filled nodes cover "
                    "every edge, so none can be larger.",
           "round": "Assignment round {n}: {path}, total cost {total}.",
           "assignment": "Cheapest maximum matching: total cost {cost}. Labels show "
                         "the weights."},
    "zh": {"title": "二部图最大匹配", "matched": "匹配边",
           "path": "增广路径（虚线：移出匹配）",
           "assigned": "最小代价指派", "cover": "顶点覆盖（König）",
           "start": "开始：没有匹配边。",
           # A no-break space keeps a number with its measure word when the
           # caption wraps, since Chinese text wraps only at spaces here.
           "edge": "{count}\u00a0条边", "edges": "{count}\u00a0条边",
           "greedy": "按给定顺序贪心：{count}。",
           "stuck": "{start} 空闲，但从它出发没有增广路径。",
           "stuck_note": "无路径",
           "path_caption": "增广路径 {path}：现在有 {count}。",
           "final": "最大匹配：{count}；{cover}\u00a0个实心节点覆盖了每条边，"
                    "所以不可能更大。",
           "round": "指派第\u00a0{n}\u00a0轮：{path}，累计代价 {total}。",
           "assignment": "代价最小的最大匹配：总代价 {cost}。标签为权重。"},
}

_NAMES = {"type": "array", "items": {"type": "string"}}
_PAIRS = {"type": "array", "items": _NAMES}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["left", "right", "sides_detected", "size", "matching", "greedy",
                 "augmenting_paths", "maximal_not_maximum", "unmatched",
                 "vertex_cover"],
    "properties": {
        "left": _NAMES,
        "right": _NAMES,
        "sides_detected": {"type": "boolean",
                           "description": "false when the caller gave 'left'."},
        "size": {"type": "integer"},
        "matching": {**_PAIRS, "description": "[left, right] pairs."},
        "greedy": {**_PAIRS, "description": "The greedy start, edges in input order."},
        "augmenting_paths": {**_PAIRS, "description":
                             "Each path alternates new and removed edges."},
        "maximal_not_maximum": {"type": "boolean", "description":
                                "The greedy start was smaller than the maximum."},
        "unmatched": {"type": "object", "properties": {"left": _NAMES,
                                                       "right": _NAMES}},
        "vertex_cover": {**_NAMES, "description":
                         "A minimum vertex cover, as large as the matching."},
        "matching_cost": {"type": "number", "description":
                          "With weights: the total weight of 'matching'."},
        "assignment": {
            "type": "object",
            "description": "With weights: the cheapest maximum matching.",
            "properties": {
                "pairs": {"type": "array", "items": {"type": "array"}},
                "cost": {"type": "number"},
                "rounds": {"type": "array", "items": {"type": "object"}},
            },
        },
    },
}

CONCEPT = register(Concept(
    name="graph/matching",
    title={"en": "Maximum bipartite matching and assignment",
           "zh": "二部图最大匹配与指派"},
    description=(
        "Maximum matching in a bipartite graph by augmenting paths, with a vertex "
        "cover as proof; with edge weights, also the minimum-cost assignment. Call "
        "it for pairing workers to jobs, students to projects or other two-sided "
        "matching."
    ),
    schema=MatchingInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"edges": "L1-R1,L3-R1,L2-R2", "left": "L1,L2,L3"},
    limits=dict(LIMITS),
    result_schema=RESULT_SCHEMA,
    family="graph algorithms",
))

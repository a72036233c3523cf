"""Maximum flow from a source to a sink, with every augmenting path and the
minimum cut that proves the flow cannot grow.

Notes
-----
Edge weights are capacities. The computation is Edmonds–Karp (see
``edmonds_karp``): shortest augmenting paths in the residual network,
each pushing its bottleneck, until none is left. The source side of the
minimum cut is what the source can still reach. Directed is the default
here because flow networks usually are. An undirected edge is two
opposite arcs of the same capacity, so flow crosses it one way or the
other, and the result gives the direction.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..base import Concept, Explanation, InputError, Outcome, Step, register
from ..draw.edge_labels import spread_edge_labels
from ..draw.graphs import (EdgeMark, Frame, LegendEntry, NodeMark, plan_graph,
                           sample_frames)
from ..fields import Boolean
from ..text import Message, fmt, md_escape
from .edmonds_karp import Augmentation, FlowRun, edmonds_karp
from .graph_input import (LIMITS, MAX_EDGES, Edges, Graph, GraphInput, NodeName,
                          build_graph, natural_key, require_node)
from .picture import draw_result

# The markdown lists this many augmenting paths and cut edges; the steps
# and the result list them all.
LISTED = 12
# Above this many edges the drawing leaves out the flow/capacity labels,
# which would cover each other; frames are drawn smaller, so sooner.
LABEL_LIMIT = 150
FRAME_LABEL_LIMIT = 40
# Frames built at most, the rounds spread evenly between start and end.
# Up to this many, every round gets a frame, so the strip's k/n numbers
# are round numbers; the strip and the animation then pick their own few.
FRAME_BUILD_LIMIT = 200


class MaxFlowInput(GraphInput):
    edges = Edges(
        required=True,
        description=(
            "Edges as u-v:capacity, comma-separated (capacity 1 when left out), or "
            "a JSON array of [u, v, capacity]. Capacities must be 0 or more. Names "
            f"in the text form cannot contain - , : ;. At most {MAX_EDGES} edges."
        ),
        example="s-a:3,s-b:2,a-b:1,a-t:2,b-t:3",
    )
    source = NodeName(
        required=True,
        description="The node the flow leaves from.",
        example="s",
    )
    sink = NodeName(
        required=True,
        description="The node the flow arrives at; it must differ from source.",
        example="t",
    )
    directed = Boolean(
        load_default=True,
        description="true (default here) reads u-v:c as the arc u→v with capacity "
                    "c; false makes each edge carry up to c in either direction.",
        example="true",
    )


@dataclass
class _Facts:
    graph: Graph
    run: FlowRun
    params: dict


def compute(params: dict) -> Outcome:
    """Run Edmonds–Karp from ``source`` to ``sink`` and find the minimum cut."""
    graph = build_graph(params)
    source = require_node(graph, params, "source")
    sink = require_node(graph, params, "sink")
    if source == sink:
        raise InputError({"sink": Message(
            f"'sink' is '{sink}', the same node as 'source'; choose a different "
            "node, because flow from a node to itself is not defined.",
            f"“sink”是“{sink}”，与“source”是同一个节点；请换一个节点，因为从一个节点"
            "流向它自己没有意义。")})

    for edge in graph.edges:
        if edge.weight < 0:
            raise InputError({"edges": Message(
                f"Edge {edge.index + 1} '{edge.source}-{edge.target}' has the negative "
                f"capacity {fmt(edge.weight, 12)}; capacities must be 0 or more.",
                f"第 {edge.index + 1} 条边“{edge.source}-{edge.target}”的容量 "
                f"{fmt(edge.weight, 12)} 为负；容量必须不小于 0。")})

    edges = [(edge.source, edge.target, edge.weight) for edge in graph.edges]
    run = edmonds_karp(graph.sorted_nodes(), edges, source, sink, graph.directed,
                       key=natural_key)
    inputs = {"edges": [[e.source, e.target, e.weight] for e in graph.edges],
              "nodes": graph.nodes, "directed": graph.directed,
              "source": source, "sink": sink}
    return Outcome(inputs=inputs, result=_result(run),
                   facts=_Facts(graph, run, params))


def _result(run: FlowRun) -> dict:
    paths = [{"path": augmentation.nodes,
              "bottleneck": _plain(augmentation.bottleneck),
              "flow_value": _plain(augmentation.value),
              "cancels": [[hop.head, hop.tail, _plain(hop.cancelled)]
                          for hop in augmentation.hops if hop.cancelled]}
             for augmentation in run.augmentations]
    flows = [{"from": tail, "to": head, "capacity": _plain(capacity),
              "flow": _plain(amount)}
             for (tail, head), (_, _, capacity), amount
             in zip(run.directions, run.edges, run.flows)]
    cut = [{"from": run.directions[index][0], "to": run.directions[index][1],
            "capacity": _plain(run.edges[index][2])} for index in run.cut_edges]
    return {
        "source": run.source,
        "sink": run.sink,
        "flow_value": _plain(run.value),
        "augmenting_paths": paths,
        "edges": flows,
        "min_cut": {"source_side": run.source_side, "sink_side": run.sink_side,
                    "edges": cut, "capacity": _plain(run.cut_capacity)},
    }


def _plain(value) -> int | float:
    """Return an exact amount as a JSON number: int when whole, else float."""
    return value if isinstance(value, int) else float(value)


def _amount(value) -> str:
    return fmt(_plain(value), 6)


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and one step per round."""
    facts: _Facts = outcome.facts
    run = facts.run
    writer = _ZH if lang == "zh" else _EN
    steps = [Step(writer.start(run), {"flow_value": 0})]
    for number, augmentation in enumerate(run.augmentations, start=1):
        values = dict(outcome.result["augmenting_paths"][number - 1])
        values["room"] = [_plain(hop.residual) for hop in augmentation.hops]
        steps.append(Step(writer.path(number, augmentation), values))

    cut = outcome.result["min_cut"]
    steps.append(Step(writer.stuck(run),
                      {"source_side": cut["source_side"],
                       "sink_side": cut["sink_side"]}))
    steps.append(Step(writer.cut(run),
                      {"cut_edges": cut["edges"], "capacity": cut["capacity"],
                       "flow_value": outcome.result["flow_value"]}))
    return Explanation(summary=writer.summary(run), markdown=writer.markdown(facts),
                       steps=steps)


def _balance(run: FlowRun):
    """Return (node, incoming, outgoing, total) for the node other than the
    source and sink that carries the most flow, or None when none carries any.

    Incoming and outgoing list (neighbour, amount) pairs. Only nodes with at
    most four of each are chosen, so the sentence stays short.
    """
    incoming: dict[str, list] = {}
    outgoing: dict[str, list] = {}
    for (tail, head), amount in zip(run.directions, run.flows):
        if amount and tail != head:
            outgoing.setdefault(tail, []).append((head, amount))
            incoming.setdefault(head, []).append((tail, amount))

    best = None
    for node in run.source_side + run.sink_side:
        if node in (run.source, run.sink) or node not in incoming:
            continue
        if len(incoming[node]) > 4 or len(outgoing[node]) > 4:
            continue
        total = sum((amount for _, amount in incoming[node]), 0)
        if best is None or total > best[3]:
            best = (node, incoming[node], outgoing[node], total)

    return best


def _arrow_path(nodes: list[str], escape=str) -> str:
    return " → ".join(escape(node) for node in nodes)


def _cut_terms(run: FlowRun, escape=str) -> list[str]:
    return [f"{escape(run.directions[i][0])} → {escape(run.directions[i][1])} "
            f"({_amount(run.edges[i][2])})" for i in run.cut_edges]


def _cut_sum(run: FlowRun) -> str:
    terms = [_amount(run.edges[i][2]) for i in run.cut_edges]
    if len(terms) > LISTED or len(terms) == 1:
        return _amount(run.cut_capacity)

    return " + ".join(terms) + f" = {_amount(run.cut_capacity)}"


def _listed(items: list[str], more: str, separator: str = ", ") -> str:
    if len(items) <= LISTED:
        return separator.join(items)

    return separator.join(items[:LISTED]) + more.format(n=len(items) - LISTED)


class _EN:
    @staticmethod
    def summary(run: FlowRun) -> str:
        value = _amount(run.value)
        if not run.augmentations:
            return (f"No flow can get from {run.source} to {run.sink}, so the maximum "
                    f"flow is 0.")

        rounds = len(run.augmentations)
        text = (f"The maximum flow from {run.source} to {run.sink} is {value}, found "
                f"with {rounds} augmenting path{'s' if rounds != 1 else ''}. ")
        if len(run.cut_edges) <= 4:
            listed = ", ".join(_cut_terms(run))
            return text + f"The minimum cut {listed} has capacity {value} too."
        return text + (f"The minimum cut has {len(run.cut_edges)} edges with total "
                       f"capacity {value} too.")

    @staticmethod
    def start(run: FlowRun) -> str:
        return (f"Start with no flow. Each round searches breadth-first, neighbours "
                f"in name order, for a path from {run.source} to {run.sink} with room "
                "left on every hop.")

    @staticmethod
    def path(number: int, augmentation: Augmentation) -> str:
        room = ", ".join(_amount(hop.residual) for hop in augmentation.hops)
        text = (f"Path {number}: {_arrow_path(augmentation.nodes)}. Room on each hop: "
                f"{room}. The bottleneck is {_amount(augmentation.bottleneck)}, so the "
                f"flow grows to {_amount(augmentation.value)}.")
        for hop in augmentation.hops:
            if hop.cancelled:
                text += (f" The hop {hop.tail} → {hop.head} sends back "
                         f"{_amount(hop.cancelled)} of the flow on {hop.head} → "
                         f"{hop.tail}.")
        return text

    @staticmethod
    def stuck(run: FlowRun) -> str:
        return (f"No path from {run.source} to {run.sink} has room left. The nodes "
                f"that {run.source} can still reach form side S: "
                f"{', '.join(run.source_side)}. Side T: {', '.join(run.sink_side)}.")

    @staticmethod
    def cut(run: FlowRun) -> str:
        if not run.cut_edges:
            return ("No edge leads from S to T, so the cut capacity is 0 and so is "
                    "the flow.")
        listed = _listed(_cut_terms(run), ", and {n} more")
        return (f"Edges from S to T: {listed}, all full. Cut capacity "
                f"{_cut_sum(run)}, equal to the flow value.")

    @staticmethod
    def markdown(facts: _Facts) -> str:
        run = facts.run
        source, sink = md_escape(run.source), md_escape(run.sink)
        parts = [
            "**Maximum flow** asks how much can travel from a source to a sink when "
            "each edge carries at most its capacity (its weight) and every other node "
            "passes on exactly what it receives.",
        ]
        if not run.directed:
            parts.append("The edges are undirected: each one can carry up to its "
                         "capacity in either direction, but only one way at a time. "
                         "The result gives the direction each edge's flow runs.")

        if run.augmentations:
            parts.append(_EN._rounds(run, source, sink))
            cancelling = [number for number, augmentation
                          in enumerate(run.augmentations, start=1)
                          if any(hop.cancelled for hop in augmentation.hops)]
            if cancelling:
                parts.append(_EN._cancelling(run, cancelling))
            balance = _balance(run)
            if balance is not None:
                parts.append(_EN._balance(*balance))
        else:
            parts.append(f"Here no path from {source} to {sink} has room on every "
                         "hop, so the maximum flow is **0**.")

        parts.append(_EN._certificate(run, source, sink))
        if facts.graph.self_loops():
            parts.append("A self-loop never lies on a path from the source to the "
                         "sink, so it carries no flow.")

        return "\n\n".join(parts)

    @staticmethod
    def _balance(node: str, incoming: list, outgoing: list, total) -> str:
        into = " + ".join(f"{_amount(amount)} from {md_escape(other)}"
                          for other, amount in incoming)
        out = " + ".join(f"{_amount(amount)} to {md_escape(other)}"
                         for other, amount in outgoing)
        return (f"Each node between source and sink passes on what it receives. "
                f"For example, {md_escape(node)} receives {into} and sends {out}: "
                f"{_amount(total)} in, {_amount(total)} out.")

    @staticmethod
    def _rounds(run: FlowRun, source: str, sink: str) -> str:
        lines = [f"{number}. {_arrow_path(a.nodes, md_escape)}: bottleneck "
                 f"{_amount(a.bottleneck)}, flow {_amount(a.value)}"
                 for number, a in enumerate(run.augmentations, start=1)]
        if len(lines) > LISTED:
            lines = lines[:LISTED] + [f"\n…and {len(lines) - LISTED} more paths, all "
                                      "listed in the steps."]
        count = len(run.augmentations)
        return (f"Here the maximum flow from {source} to {sink} is "
                f"**{_amount(run.value)}**. Edmonds–Karp found it in {count} "
                f"round{'s' if count != 1 else ''}. Each round takes a shortest path "
                "(fewest edges) that still has room on every hop and pushes as much "
                "as its narrowest hop allows, its *bottleneck*:\n\n"
                + "\n".join(lines))

    @staticmethod
    def _cancelling(run: FlowRun, numbers: list[int]) -> str:
        first = run.augmentations[numbers[0] - 1]
        hop = next(hop for hop in first.hops if hop.cancelled)
        if len(numbers) == 1:
            lead = f"Path {numbers[0]} runs against earlier flow: its hop"
        else:
            listed = ", ".join(str(number) for number in numbers)
            lead = (f"Paths {listed} run against earlier flow. For example, path "
                    f"{numbers[0]} has the hop")
        return (f"{lead} {md_escape(hop.tail)} → {md_escape(hop.head)}, which sends "
                f"back {_amount(hop.cancelled)} of the flow on {md_escape(hop.head)} "
                f"→ {md_escape(hop.tail)}. An earlier round may route flow badly. "
                "Because the search also follows used edges backwards (the "
                "*residual network*), a later path can reroute that flow instead of "
                "getting stuck.")

    @staticmethod
    def _certificate(run: FlowRun, source: str, sink: str) -> str:
        side_s = ", ".join(md_escape(node) for node in run.source_side)
        side_t = ", ".join(md_escape(node) for node in run.sink_side)
        if not run.cut_edges:
            return (f"**Why no more is possible.** {source} can reach only "
                    f"{side_s}; no edge leads from there to {side_t}, so nothing "
                    f"reaches {sink}.")
        listed = _listed(_cut_terms(run, md_escape), ", and {n} more")
        return (f"**Why no more is possible.** Following edges with room left "
                f"from {source} reaches side S = {{{side_s}}} but not side T = "
                f"{{{side_t}}}. Every unit sent from the source to the sink must cross "
                f"from S to T, and the edges that do, {listed}, are all full. Their "
                f"capacities add up to {_cut_sum(run)}, the flow value. No flow can "
                "be larger than the capacity of any cut, so this flow is maximum "
                "and this cut is a minimum cut: the max-flow min-cut theorem.")


class _ZH:
    @staticmethod
    def summary(run: FlowRun) -> str:
        value = _amount(run.value)
        if not run.augmentations:
            return f"从 {run.source} 到 {run.sink} 送不出任何流量，所以最大流是 0。"

        text = (f"从 {run.source} 到 {run.sink} 的最大流是 {value}，共用了 "
                f"{len(run.augmentations)} 条增广路径。")
        if len(run.cut_edges) <= 4:
            listed = "、".join(_cut_terms(run))
            return text + f"最小割 {listed} 的容量同样是 {value}。"
        return text + f"最小割有 {len(run.cut_edges)} 条边，总容量同样是 {value}。"

    @staticmethod
    def start(run: FlowRun) -> str:
        return (f"开始时所有边上的流量都是 0。每一轮用广度优先搜索（邻居按名字顺序）"
                f"找一条从 {run.source} 到 {run.sink}、每一跳都还有余量的路径。")

    @staticmethod
    def path(number: int, augmentation: Augmentation) -> str:
        room = "、".join(_amount(hop.residual) for hop in augmentation.hops)
        text = (f"路径 {number}：{_arrow_path(augmentation.nodes)}。各跳的余量："
                f"{room}。瓶颈是 {_amount(augmentation.bottleneck)}，流量增加到 "
                f"{_amount(augmentation.value)}。")
        for hop in augmentation.hops:
            if hop.cancelled:
                text += (f"{hop.tail} → {hop.head} 这一跳退回了 {hop.head} → "
                         f"{hop.tail} 上的 {_amount(hop.cancelled)} 单位流量。")
        return text

    @staticmethod
    def stuck(run: FlowRun) -> str:
        return (f"从 {run.source} 到 {run.sink} 已没有仍有余量的路径。{run.source} "
                f"仍能到达的节点组成 S 侧：{'、'.join(run.source_side)}。T 侧："
                f"{'、'.join(run.sink_side)}。")

    @staticmethod
    def cut(run: FlowRun) -> str:
        if not run.cut_edges:
            return "没有从 S 指向 T 的边，所以割的容量是 0，流量也是 0。"
        listed = _listed(_cut_terms(run), "，另有 {n} 条", "、")
        return (f"从 S 到 T 的边：{listed}，全部满载。割的容量 {_cut_sum(run)}，"
                "等于流量值。")

    @staticmethod
    def markdown(facts: _Facts) -> str:
        run = facts.run
        source, sink = md_escape(run.source), md_escape(run.sink)
        parts = [
            "**最大流**问的是：每条边最多承载它的容量（即权重），除源点和汇点外每个"
            "节点流入多少就流出多少，那么从源点到汇点最多能送多少流量。",
        ]
        if not run.directed:
            parts.append("这些边是无向的：每条边在任一方向上都能承载不超过容量的流量，"
                         "但同一时间只能朝一个方向。结果中给出了每条边上流量的方向。")

        if run.augmentations:
            parts.append(_ZH._rounds(run, source, sink))
            cancelling = [number for number, augmentation
                          in enumerate(run.augmentations, start=1)
                          if any(hop.cancelled for hop in augmentation.hops)]
            if cancelling:
                parts.append(_ZH._cancelling(run, cancelling))
            balance = _balance(run)
            if balance is not None:
                parts.append(_ZH._balance(*balance))
        else:
            parts.append(f"这里从 {source} 到 {sink} 没有一条每一跳都有余量的路径，"
                         "所以最大流是 **0**。")

        parts.append(_ZH._certificate(run, source, sink))
        if facts.graph.self_loops():
            parts.append("自环永远不会出现在从源点到汇点的路径上，所以它不承载流量。")

        return "\n\n".join(parts)

    @staticmethod
    def _balance(node: str, incoming: list, outgoing: list, total) -> str:
        into = "、".join(f"从 {md_escape(other)} 收到 {_amount(amount)}"
                        for other, amount in incoming)
        out = "、".join(f"向 {md_escape(other)} 送出 {_amount(amount)}"
                       for other, amount in outgoing)
        return (f"源点和汇点之外的每个节点，流入多少就流出多少。例如 "
                f"{md_escape(node)} {into}，{out}：流入 {_amount(total)}，"
                f"流出 {_amount(total)}。")

    @staticmethod
    def _rounds(run: FlowRun, source: str, sink: str) -> str:
        lines = [f"{number}. {_arrow_path(a.nodes, md_escape)}：瓶颈 "
                 f"{_amount(a.bottleneck)}，流量 {_amount(a.value)}"
                 for number, a in enumerate(run.augmentations, start=1)]
        if len(lines) > LISTED:
            lines = lines[:LISTED] + [f"\n……另有 {len(lines) - LISTED} 条路径，"
                                      "全部列在步骤中。"]
        return (f"这里从 {source} 到 {sink} 的最大流是 **{_amount(run.value)}**。"
                f"Edmonds–Karp 算法用了 {len(run.augmentations)} 轮。每一轮取一条"
                "每一跳都还有余量的最短路径（边数最少），沿它推送最窄一跳所允许的"
                "流量，也就是它的*瓶颈*：\n\n" + "\n".join(lines))

    @staticmethod
    def _cancelling(run: FlowRun, numbers: list[int]) -> str:
        first = run.augmentations[numbers[0] - 1]
        hop = next(hop for hop in first.hops if hop.cancelled)
        if len(numbers) == 1:
            lead = f"路径 {numbers[0]} 逆着先前的流量走：它经过 "
        else:
            listed = "、".join(str(number) for number in numbers)
            lead = f"路径 {listed} 逆着先前的流量走。例如路径 {numbers[0]} 经过 "
        return (f"{lead}{md_escape(hop.tail)} → {md_escape(hop.head)}，从而退回了 "
                f"{md_escape(hop.head)} → {md_escape(hop.tail)} 上的 "
                f"{_amount(hop.cancelled)} 单位流量。前面的轮次可能把流量安排得不好；"
                "由于搜索也可以反向走已用的边（即*残量网络*），后面的路径能够改道，"
                "而不会卡住。")

    @staticmethod
    def _certificate(run: FlowRun, source: str, sink: str) -> str:
        side_s = "、".join(md_escape(node) for node in run.source_side)
        side_t = "、".join(md_escape(node) for node in run.sink_side)
        if not run.cut_edges:
            return (f"**为什么不能更多。** {source} 只能到达 {side_s}；从这些节点"
                    f"没有边通向 {side_t}，所以什么也到不了 {sink}。")
        listed = _listed(_cut_terms(run, md_escape), "，另有 {n} 条", "、")
        return (f"**为什么不能更多。** 从 {source} 出发沿仍有余量的边，能到达 S 侧 "
                f"{{{side_s}}}，但到不了 T 侧 {{{side_t}}}。"
                "从源点送到汇点的每一单位流量"
                f"都必须从 S 跨到 T，而跨过去的边 {listed} 全都满载，容量之和为 "
                f"{_cut_sum(run)}，正是流量值。任何流都不能超过任何一个割的容量，"
                "所以这个流是最大流，这个割是最小割：这就是最大流最小割定理。")


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the flow on each edge as flow/capacity with the minimum cut, or
    frames of the augmenting paths.
    """
    facts: _Facts = outcome.facts
    run = facts.run
    words = _WORDS[lang]
    steps_shown = facts.params.get("frames") or facts.params.get("animate")
    label_limit = FRAME_LABEL_LIMIT if steps_shown else LABEL_LIMIT
    labelled = len(run.edges) <= label_limit
    shapes = [(tail, head, _label(amount, capacity) if labelled else None)
              for (tail, head), (_, _, capacity), amount
              in zip(run.directions, run.edges, run.flows)]
    plan = plan_graph(facts.graph.nodes, shapes, True)
    spread_edge_labels(plan)
    legend = [LegendEntry(words["side_s"], 0), LegendEntry(words["side_t"], 2),
              LegendEntry(words["flow"], 5, "edge"),
              LegendEntry(words["cut"], 3, "edge")]
    if steps_shown:
        legend.insert(2, LegendEntry(words["path"], 1, "edge"))

    limit = FRAME_BUILD_LIMIT if steps_shown else 0
    frames = _frames(run, words, limit, labelled)
    notes = [] if run.directed else [words["undirected"]]
    if not labelled:
        notes.append(words["unlabelled"].format(limit=label_limit))
    if notes and not steps_shown:
        # A single picture has no note line, so the notes join its caption.
        frames[-1].caption = " ".join([frames[-1].caption] + notes)
    summary = explain(outcome, lang).summary
    return draw_result(plan, facts.params, final=frames[-1], frames=frames,
                       title=words["title"], desc=summary, theme=theme, legend=legend,
                       note=" ".join(notes))


def _label(amount, capacity) -> str:
    return f"{_amount(amount)}/{_amount(capacity)}"


def _frames(run: FlowRun, words: dict, limit: int, labelled: bool) -> list[Frame]:
    """Build the start frame, one frame per shown round and the final frame.

    With ``limit`` 0 only the final frame is built. Otherwise at most
    ``limit`` frames are built, the rounds spread evenly, because a large
    network can take thousands of rounds.
    """
    ends = {run.source: NodeMark(colour=0, solid=True, note=words["source"]),
            run.sink: NodeMark(colour=2, solid=True, note=words["sink"])}
    largest = max((_plain(amount) for amount in run.flows), default=0) or 1
    frames = []
    if limit:
        rounds = len(run.augmentations)
        shown = set(sample_frames(list(range(rounds + 2)), limit)) - {rounds + 1}
        for number, amounts in _flow_history(run, shown):
            on_path: set = set()
            caption = words["start"]
            if number:
                augmentation = run.augmentations[number - 1]
                on_path = set(zip(augmentation.nodes, augmentation.nodes[1:]))
                caption = words["round"].format(
                    n=number, total=rounds, path=_arrow_path(augmentation.nodes),
                    bottleneck=_amount(augmentation.bottleneck),
                    value=_amount(augmentation.value))
            marks = _edge_marks(run, amounts, on_path, largest, labelled)
            frames.append(Frame(dict(ends), marks, caption))

    nodes = {name: NodeMark(colour=0) for name in run.source_side}
    nodes.update({name: NodeMark(colour=2) for name in run.sink_side})
    nodes.update(ends)
    edges = _edge_marks(run, run.flows, set(), largest, labelled)
    for index in run.cut_edges:
        edges[run.directions[index]] = EdgeMark(
            colour=3, width=5, label=edges[run.directions[index]].label)
    caption = words["final"].format(value=_amount(run.value),
                                    capacity=_amount(run.cut_capacity))
    frames.append(Frame(nodes, edges, caption))
    return frames


def _flow_history(run: FlowRun, shown: set[int]):
    """Yield (round, flow on each edge) for the rounds in ``shown``, round 0
    being the start. Flow is measured along each edge's drawn direction, so
    on an undirected edge a negative amount runs the other way.
    """
    net: dict[tuple[str, str], object] = {}
    for number in range(len(run.augmentations) + 1):
        if number:
            augmentation = run.augmentations[number - 1]
            for hop in augmentation.hops:
                forward, backward = (hop.tail, hop.head), (hop.head, hop.tail)
                net[forward] = net.get(forward, 0) + augmentation.bottleneck
                net[backward] = net.get(backward, 0) - augmentation.bottleneck
        if number not in shown:
            continue
        amounts = []
        for tail, head in run.directions:
            amount = 0 if tail == head else net.get((tail, head), 0)
            amounts.append(max(amount, 0) if run.directed else amount)
        yield number, amounts


def _edge_marks(run: FlowRun, amounts: list, on_path: set, largest,
                labelled: bool) -> dict:
    marks = {}
    scale = 3.2 / _plain(largest)
    for (tail, head), (_, _, capacity), amount in zip(run.directions, run.edges,
                                                       amounts):
        label = _label(amount, capacity) if labelled else None
        touched = (tail, head) in on_path or (head, tail) in on_path
        if touched:
            marks[tail, head] = _mark(1, 4.5, label, False)
        elif amount:
            # Widths in steps of 0.1 px, so equal-looking marks are shared.
            width = round(1.8 + min(abs(_plain(amount)) * scale, 3.2), 1)
            marks[tail, head] = _mark(5, width, label, False)
        else:
            marks[tail, head] = _mark(None, 3.5, label, True)

    return marks


@functools.lru_cache(maxsize=4096)
def _mark(colour: int | None, width: float, label: str | None,
          muted: bool) -> EdgeMark:
    """Return one shared ``EdgeMark`` per look; frames reuse thousands of them."""
    return EdgeMark(colour=colour, width=width, label=label, muted=muted)


_WORDS = {
    "en": {"title": "Maximum flow and minimum cut", "side_s": "side S (source side)",
           "side_t": "side T (sink side)", "flow": "edge with flow",
           "cut": "cut edge (full)", "path": "augmenting path",
           "source": "source", "sink": "sink",
           "start": "Start: no flow. Labels show flow/capacity.",
           "round": "Path {n} of {total}: {path}, bottleneck {bottleneck}, "
                    "flow {value}.",
           "unlabelled": "Flow/capacity labels are left out above {limit} edges; "
                         "the result lists every edge.",
           "final": "Maximum flow {value} = capacity {capacity} of the minimum cut "
                    "(thick edges, all full). Labels show flow/capacity.",
           "undirected": "The edges are undirected; each arrow shows the way its "
                         "flow runs in the result (a minus sign in a frame means the "
                         "other way)."},
    "zh": {"title": "最大流与最小割", "side_s": "S 侧（源点一侧）",
           "side_t": "T 侧（汇点一侧）", "flow": "有流量的边",
           "cut": "割边（满载）", "path": "增广路径",
           "source": "源点", "sink": "汇点",
           "start": "开始：没有流量。标签为 流量/容量。",
           "round": "路径 {n}/{total}：{path}，瓶颈 {bottleneck}，流量 {value}。",
           "unlabelled": "边数超过 {limit} 时不标注 流量/容量；结果中列出了每条边。",
           "final": "最大流 {value} = 最小割（粗边，全部满载）的容量 {capacity}。"
                    "标签为 流量/容量。",
           "undirected": "这些边是无向的；箭头表示结果中该边流量的方向（分帧图中的负号"
                         "表示相反方向）。"},
}

_NAMES = {"type": "array", "items": {"type": "string"}}
_NUMBER = {"type": "number"}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["source", "sink", "flow_value", "augmenting_paths", "edges",
                 "min_cut"],
    "properties": {
        "source": {"type": "string"},
        "sink": {"type": "string"},
        "flow_value": _NUMBER,
        "augmenting_paths": {
            "type": "array",
            "description": "Every augmenting path in the order Edmonds–Karp found it.",
            "items": {"type": "object", "properties": {
                "path": _NAMES, "bottleneck": _NUMBER, "flow_value": _NUMBER,
                "cancels": {"type": "array", "description":
                            "[u, v, amount]: flow sent back on the edge u→v."}}},
        },
        "edges": {
            "type": "array",
            "description": "One entry per input edge, in input order. For an "
                           "undirected edge, from/to give the way its flow runs.",
            "items": {"type": "object", "properties": {
                "from": {"type": "string"}, "to": {"type": "string"},
                "capacity": _NUMBER, "flow": _NUMBER}},
        },
        "min_cut": {
            "type": "object",
            "properties": {
                "source_side": _NAMES, "sink_side": _NAMES,
                "edges": {"type": "array", "items": {"type": "object"}},
                "capacity": {**_NUMBER, "description": "Equal to flow_value."},
            },
        },
    },
}

CONCEPT = register(Concept(
    name="graph/max-flow",
    title={"en": "Maximum flow and minimum cut (Edmonds–Karp)",
           "zh": "最大流与最小割（Edmonds–Karp）"},
    description=(
        "Maximum flow from source to sink with edge weights as capacities "
        "(Edmonds–Karp): every augmenting path and its bottleneck, the flow on each "
        "edge and the minimum cut. Call it for network-flow, bottleneck or "
        "max-flow min-cut questions."
    ),
    schema=MaxFlowInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"edges": "s-v1:16,s-v2:13,v1-v3:12,v2-v1:4,v2-v4:14,v3-v2:9,v3-t:20,"
                      "v4-v3:7,v4-t:4",
             "source": "s", "sink": "t"},
    limits=dict(LIMITS),
    result_schema=RESULT_SCHEMA,
    family="graph algorithms",
))

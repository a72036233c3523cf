"""Maximum flow by Edmonds–Karp, with every augmenting path and the minimum cut.

Notes
-----
Each edge's weight is its capacity. Edmonds–Karp repeats one move. It
finds a shortest path (fewest edges) from the source to the sink in the
residual network, where an edge still has room or earlier flow can be
pushed back. Then it pushes as much as the narrowest hop of that path
allows (its bottleneck). When no such path is left, the nodes still reachable from
the source form the source side S of a cut whose capacity equals the
flow value: no flow can exceed the capacity of any cut, so both are
optimal (the max-flow min-cut theorem).

Capacities are added exactly: integers stay integers and other numbers
become fractions, so the cut capacity equals the flow value to the last
digit.

References
----------
J. Edmonds and R. M. Karp, "Theoretical improvements in algorithmic
efficiency for network flow problems", J. ACM 19(2), 1972.
T. H. Cormen et al., "Introduction to Algorithms", 3rd ed., chapter 26.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable


@dataclass
class Hop:
    """One hop of an augmenting path.

    ``residual`` is the room on the hop before the push. A hop against
    earlier flow head→tail cancels ``cancelled`` units of it.
    """

    tail: str
    head: str
    residual: Fraction | int
    cancelled: Fraction | int = 0


@dataclass
class Augmentation:
    """One augmenting path, its bottleneck and the flow value after it."""

    hops: list[Hop]
    bottleneck: Fraction | int
    value: Fraction | int

    @property
    def nodes(self) -> list[str]:
        return [self.hops[0].tail] + [hop.head for hop in self.hops]


@dataclass
class FlowRun:
    """What Edmonds–Karp found.

    ``flows[i]`` is the flow on ``edges[i]``, and ``directions[i]`` is the
    (tail, head) way it runs, which for an undirected edge may reverse it.
    """

    edges: list[tuple[str, str, Fraction | int]]
    directed: bool
    source: str
    sink: str
    augmentations: list[Augmentation]
    flows: list[Fraction | int]
    directions: list[tuple[str, str]]
    source_side: list[str]
    sink_side: list[str]
    cut_edges: list[int] = field(default_factory=list)

    @property
    def value(self) -> Fraction | int:
        return self.augmentations[-1].value if self.augmentations else 0

    @property
    def cut_capacity(self) -> Fraction | int:
        return sum((self.edges[i][2] for i in self.cut_edges), 0)


def exact(value: float) -> Fraction | int:
    """Convert a capacity to an exact number: an int when whole, else the
    Fraction of its shortest decimal form, so 0.1 + 0.2 adds to 3/10.
    """
    if float(value).is_integer():
        return int(value)

    return Fraction(repr(float(value)))


def edmonds_karp(nodes: list[str], edges: list[tuple[str, str, float]],
                 source: str, sink: str, directed: bool, *,
                 key: Callable[[str], Any] | None = None) -> FlowRun:
    """Compute a maximum flow from ``source`` to ``sink`` and a minimum cut.

    ``edges`` are (tail, head, capacity) with capacity >= 0. An undirected
    edge is two opposite arcs of the same capacity, so flow may cross it
    either way. Breadth-first search visits neighbours sorted by ``key``
    (plain string order by default), so the same input always gives the
    same augmenting paths.
    """
    exact_edges = [(tail, head, exact(capacity)) for tail, head, capacity in edges]
    capacity, neighbours = _residual_network(nodes, exact_edges, directed, key)
    flow: dict[tuple[str, str], Fraction | int] = {}
    augmentations: list[Augmentation] = []
    value: Fraction | int = 0
    while True:
        hops = _shortest_augmenting_path(capacity, flow, neighbours, source, sink)
        if hops is None:
            break

        bottleneck = min(hop.residual for hop in hops)
        for hop in hops:
            hop.cancelled = min(bottleneck, max(flow.get((hop.head, hop.tail), 0), 0))
            flow[hop.tail, hop.head] = flow.get((hop.tail, hop.head), 0) + bottleneck
            flow[hop.head, hop.tail] = flow.get((hop.head, hop.tail), 0) - bottleneck
        value += bottleneck
        augmentations.append(Augmentation(hops, bottleneck, value))

    reachable = _reachable(capacity, flow, neighbours, source)
    flows, directions = _edge_flows(exact_edges, flow, directed)
    run = FlowRun(exact_edges, directed, source, sink, augmentations, flows,
                  directions, [node for node in nodes if node in reachable],
                  [node for node in nodes if node not in reachable])
    run.cut_edges = [index for index, (tail, head, _) in enumerate(exact_edges)
                     if _crosses(tail, head, reachable, directed)]
    for index in run.cut_edges:
        # A cut edge is full from S to T; one of capacity 0 has no flow
        # to show the way, so point it from S to T too.
        tail, head = directions[index]
        if tail not in reachable:
            directions[index] = (head, tail)

    return run


def _residual_network(nodes, edges, directed, key):
    capacity: dict[tuple[str, str], Fraction | int] = {}
    neighbours: dict[str, set[str]] = {node: set() for node in nodes}
    for tail, head, amount in edges:
        if tail == head:
            continue
        capacity[tail, head] = capacity.get((tail, head), 0) + amount
        if not directed:
            capacity[head, tail] = capacity.get((head, tail), 0) + amount
        neighbours[tail].add(head)
        neighbours[head].add(tail)

    ordered = {node: sorted(near, key=key) for node, near in neighbours.items()}
    return capacity, ordered


def _shortest_augmenting_path(capacity, flow, neighbours, source, sink):
    """Return the hops of a fewest-edge source–sink path with room, or None."""
    parent: dict[str, str] = {source: source}
    queue = deque([source])
    while queue and sink not in parent:
        node = queue.popleft()
        for near in neighbours[node]:
            if near in parent:
                continue
            if capacity.get((node, near), 0) - flow.get((node, near), 0) > 0:
                parent[near] = node
                queue.append(near)

    if sink not in parent:
        return None

    hops = []
    node = sink
    while node != source:
        tail = parent[node]
        room = capacity.get((tail, node), 0) - flow.get((tail, node), 0)
        hops.append(Hop(tail, node, room))
        node = tail

    return hops[::-1]


def _reachable(capacity, flow, neighbours, source) -> set[str]:
    seen = {source}
    stack = [source]
    while stack:
        node = stack.pop()
        for near in neighbours[node]:
            room = capacity.get((node, near), 0) - flow.get((node, near), 0)
            if near not in seen and room > 0:
                seen.add(near)
                stack.append(near)

    return seen


def _edge_flows(edges, flow, directed):
    """Split the net flow between two nodes over the edges that join them.

    Between u and v the algorithm keeps one net amount. A directed edge
    u→v carries the positive part of the net flow u→v, so of a pair of
    opposite edges only one carries flow. An undirected edge carries the
    absolute value, in the direction the flow runs.
    """
    flows, directions = [], []
    for tail, head, _ in edges:
        net = 0 if tail == head else flow.get((tail, head), 0)
        if directed:
            flows.append(max(net, 0))
            directions.append((tail, head))
        elif net < 0:
            flows.append(-net)
            directions.append((head, tail))
        else:
            flows.append(net)
            directions.append((tail, head))

    return flows, directions


def _crosses(tail: str, head: str, source_side: set[str], directed: bool) -> bool:
    if directed:
        return tail in source_side and head not in source_side

    return (tail in source_side) != (head in source_side)

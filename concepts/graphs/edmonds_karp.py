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

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable

from .graph_input import exact


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
    """The maximum flow and minimum cut found by Edmonds–Karp.

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
    network = _Residual(nodes, exact_edges, directed, key)
    augmentations: list[Augmentation] = []
    value: Fraction | int = 0
    while True:
        hops = network.shortest_augmenting_path(source, sink)
        if hops is None:
            break

        bottleneck = min(hop.residual for hop in hops)
        for hop in hops:
            hop.cancelled = min(bottleneck, max(network.flow(hop.head, hop.tail), 0))
            network.push(hop.tail, hop.head, bottleneck)
        value += bottleneck
        augmentations.append(Augmentation(hops, bottleneck, value))

    reachable = network.reachable(source)
    flows, directions = _edge_flows(exact_edges, network.flow, directed)
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


class _Residual:
    """The residual network over node indices, kept in flat lists for speed.

    Each joined node pair {u, v} has two slots, ``2k`` for u→v and ``2k+1``
    for v→u, holding the room left: the capacity u→v (summed over the edges
    that give it) minus the net flow u→v. Pushing along one slot gives the
    same amount of room to its partner.
    """

    def __init__(self, nodes, edges, directed, key):
        self.names = list(nodes)
        self.index = {name: number for number, name in enumerate(self.names)}
        self.capacity: list = []
        self.room: list = []
        self.tail: list[int] = []
        self.slot: dict[tuple[int, int], int] = {}
        for tail, head, amount in edges:
            if tail != head:
                u, v = self.index[tail], self.index[head]
                self._add(u, v, amount)
                if not directed:
                    self._add(v, u, amount)

        near: list[list[tuple[int, int]]] = [[] for _ in self.names]
        for (u, v), slot in self.slot.items():
            near[u].append((v, slot))
        order = sorted(range(len(self.names)),
                       key=lambda number: (key or str)(self.names[number]))
        rank = {number: position for position, number in enumerate(order)}
        self.near = [sorted(items, key=lambda item: rank[item[0]]) for items in near]

    def _add(self, u: int, v: int, amount) -> None:
        if (u, v) not in self.slot:
            slot = len(self.room)
            self.slot[u, v], self.slot[v, u] = slot, slot + 1
            self.capacity += [0, 0]
            self.room += [0, 0]
            self.tail += [u, v]
        slot = self.slot[u, v]
        self.capacity[slot] += amount
        self.room[slot] += amount

    def flow(self, tail: str, head: str):
        """Return the net flow tail→head (negative when it runs head→tail)."""
        slot = self.slot.get((self.index[tail], self.index[head]))
        if slot is None:
            return 0
        return self.capacity[slot] - self.room[slot]

    def push(self, tail: str, head: str, amount) -> None:
        slot = self.slot[self.index[tail], self.index[head]]
        self.room[slot] -= amount
        self.room[slot ^ 1] += amount

    def shortest_augmenting_path(self, source: str, sink: str) -> list[Hop] | None:
        """Return the hops of a fewest-edge source–sink path with room, or None."""
        start, goal = self.index[source], self.index[sink]
        via = [-1] * len(self.names)
        via[start] = -2
        queue = [start]
        room, near = self.room, self.near
        for node in queue:
            for other, slot in near[node]:
                if via[other] == -1 and room[slot] > 0:
                    via[other] = slot
                    queue.append(other)
            if via[goal] != -1:
                break

        if via[goal] == -1:
            return None

        hops = []
        node = goal
        while node != start:
            slot = via[node]
            tail = self.tail[slot]
            hops.append(Hop(self.names[tail], self.names[node], room[slot]))
            node = tail

        return hops[::-1]

    def reachable(self, source: str) -> set[str]:
        seen = {self.index[source]}
        stack = [self.index[source]]
        while stack:
            node = stack.pop()
            for other, slot in self.near[node]:
                if other not in seen and self.room[slot] > 0:
                    seen.add(other)
                    stack.append(other)

        return {self.names[number] for number in seen}


def _edge_flows(edges, flow: Callable[[str, str], Any], directed: bool):
    """Split the net flow between two nodes over the edges that join them.

    Between u and v the algorithm keeps one net amount. A directed edge
    u→v carries the positive part of the net flow u→v, so of a pair of
    opposite edges only one carries flow. An undirected edge carries the
    absolute value, in the direction the flow runs.
    """
    flows, directions = [], []
    for tail, head, _ in edges:
        net = 0 if tail == head else flow(tail, head)
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

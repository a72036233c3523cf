"""Maximum matching in a bipartite graph by augmenting paths, and the
minimum-cost assignment when the edges have weights.

Notes
-----
A matching is a set of edges with no shared endpoint. It is maximal when
no edge can be added, and maximum when no matching is larger; on the path
a–b–c–d, {b–c} is maximal but not maximum. Berge's theorem states that a
matching is maximum exactly when no augmenting path exists: a path that
starts and ends at unmatched nodes and alternates between edges outside
and inside the matching. Flipping such a path adds one edge.

The sides are the ``left`` nodes given by the caller and all others, or
else each connected component is 2-coloured by breadth-first search from
its first node by name, which goes left. An edge inside one colour closes
an odd cycle, and then the graph is not bipartite.

The search starts from a greedy matching, which takes the edges in the
order given whenever both ends are free. Then it looks for an augmenting
path from each free left node in name order, by breadth-first search
(Kuhn's method, one path at a time). A left node without an
augmenting path never gets one later, so one pass suffices. Hopcroft–Karp
finds many shortest paths per phase and is faster on large graphs, with
the same matching size. König's theorem gives the certificate: the
nodes reachable from free left nodes by alternating paths determine a
vertex cover as large as the matching.

The minimum-cost assignment is the maximum matching of least total
weight. Successive shortest paths find it: starting from no edges, each
round adds the augmenting path of least cost (weights of added edges
minus weights of removed ones), found by Dijkstra's algorithm on costs
made non-negative by node potentials. After k rounds the matching is the
cheapest of size k.

References
----------
C. Berge, "Two theorems in graph theory", PNAS 43(9), 1957.
H. W. Kuhn, "The Hungarian method for the assignment problem", Naval
Research Logistics Quarterly 2, 1955.
J. E. Hopcroft and R. M. Karp, "An n^5/2 algorithm for maximum matchings
in bipartite graphs", SIAM J. Computing 2(4), 1973.
R. K. Ahuja, T. L. Magnanti and J. B. Orlin, "Network Flows", 1993,
chapter 9 (successive shortest paths).
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from dataclasses import dataclass
from fractions import Fraction

Number = Fraction | int


@dataclass
class Sides:
    """The two sides of a bipartite graph and how they were found."""

    left: list[str]
    right: list[str]
    detected: bool


@dataclass
class MatchingRun:
    """The greedy start, the augmenting paths and the maximum matching.

    ``attempts`` has one (free left node, path or None) entry per search.
    Each path is a node list [l0, r0, l1, r1, ..., rk] that starts at a free
    left node and ends at a free right node. Its edges alternate between
    added (li–ri) and removed (ri–l(i+1)) ones. ``pairs`` are (left, right).
    """

    greedy: list[tuple[str, str]]
    attempts: list[tuple[str, list[str] | None]]
    pairs: list[tuple[str, str]]
    cover: list[str]

    @property
    def paths(self) -> list[list[str]]:
        return [path for _, path in self.attempts if path is not None]


@dataclass
class AssignmentRound:
    """One round of successive shortest paths: the path and its cost."""

    path: list[str]
    cost: Number
    total: Number


@dataclass
class AssignmentRun:
    rounds: list[AssignmentRound]
    pairs: list[tuple[str, str]]

    @property
    def cost(self) -> Number:
        return self.rounds[-1].total if self.rounds else 0


def adjacency(nodes: list[str], edges, key=None) -> dict[str, list[str]]:
    """Return each node's neighbours sorted by ``key``; edges are (u, v, ...)."""
    near: dict[str, set[str]] = {node: set() for node in nodes}
    for u, v, *_ in edges:
        near[u].add(v)
        near[v].add(u)

    return {node: sorted(others, key=key) for node, others in near.items()}


def two_colour(nodes: list[str], near: dict[str, list[str]], key=None):
    """2-colour every component by breadth-first search from its first node
    in ``key`` order.

    Returns (colour, None) with colour 0 for the left side, or (None, cycle)
    with an odd cycle as a node list whose last node joins the first.
    """
    colour: dict[str, int] = {}
    parent: dict[str, str | None] = {}
    for root in sorted(nodes, key=key):
        if root in colour:
            continue
        colour[root], parent[root] = 0, None
        queue = deque([root])
        while queue:
            node = queue.popleft()
            for other in near[node]:
                if other not in colour:
                    colour[other], parent[other] = 1 - colour[node], node
                    queue.append(other)
                elif colour[other] == colour[node]:
                    return None, _odd_cycle(node, other, parent)

    return colour, None


def _odd_cycle(u: str, v: str, parent: dict[str, str | None]) -> list[str]:
    """Join the tree paths of u and v, which share a colour and an edge."""
    up_u = [u]
    while parent[up_u[-1]] is not None:
        up_u.append(parent[up_u[-1]])
    ancestors = {node: index for index, node in enumerate(up_u)}
    up_v = [v]
    while up_v[-1] not in ancestors:
        up_v.append(parent[up_v[-1]])

    meet = ancestors[up_v[-1]]
    return up_u[:meet + 1] + up_v[-2::-1]


def maximum_matching(edges: list[tuple[str, str]], sides: Sides,
                     near: dict[str, list[str]]) -> MatchingRun:
    """Find a maximum matching: a greedy start, then augmenting paths.

    ``edges`` are (left, right) pairs in the caller's order.
    """
    mate: dict[str, str] = {}
    greedy = []
    for left, right in edges:
        if left not in mate and right not in mate:
            mate[left], mate[right] = right, left
            greedy.append((left, right))

    attempts = []
    for start in sides.left:
        if start in mate:
            continue
        path = _augmenting_path(start, near, mate)
        if path is not None:
            for index in range(0, len(path), 2):
                mate[path[index]], mate[path[index + 1]] = path[index + 1], path[index]
        attempts.append((start, path))

    pairs = [(left, mate[left]) for left in sides.left if left in mate]
    return MatchingRun(greedy, attempts, pairs, _konig_cover(sides, near, mate))


def _augmenting_path(start: str, near, mate) -> list[str] | None:
    """Search breadth-first for an alternating path from a free left node to
    a free right node; return it or None.
    """
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        left = queue.popleft()
        for right in near[left]:
            if right in came_from:
                continue
            came_from[right] = left
            if right not in mate:
                return _trace(right, came_from, mate)
            queue.append(mate[right])

    return None


def _trace(end: str, came_from: dict[str, str], mate) -> list[str]:
    path = [end]
    while True:
        left = came_from[path[-1]]
        path.append(left)
        if left not in mate:
            return path[::-1]
        path.append(mate[left])


def _konig_cover(sides: Sides, near, mate) -> list[str]:
    """Return a minimum vertex cover built from the matching (König)."""
    reached = {left for left in sides.left if left not in mate}
    queue = deque(sorted(reached))
    while queue:
        left = queue.popleft()
        for right in near[left]:
            if right in reached:
                continue
            reached.add(right)
            if right in mate and mate[right] not in reached:
                reached.add(mate[right])
                queue.append(mate[right])

    cover = [left for left in sides.left if left not in reached]
    return cover + [right for right in sides.right if right in reached]


def minimum_cost_assignment(weighted: list[tuple[str, str, Number]],
                            sides: Sides) -> AssignmentRun:
    """Find the maximum matching of least total weight by successive
    shortest augmenting paths.

    ``weighted`` are (left, right, weight) with exact weights, which may
    be negative.
    """
    # Dijkstra on Fractions takes a gcd per addition, which took 1.3 s for
    # 2,000 decimal weights from 1e-300 to 1e9 (2-CPU x86_64). Scaling every
    # weight by the lcm of the denominators gives integers of at most a few
    # hundred digits, which add exactly and took 0.1 s. Only the round costs
    # go back to Fractions.
    scale = math.lcm(*(_denominator(weight) for _, _, weight in weighted))
    scaled = [(left, right, int(weight * scale)) for left, right, weight in weighted]
    search = _CheapestPath(scaled, sides)
    rounds: list[AssignmentRound] = []
    total = 0
    while True:
        found = search.run()
        if found is None:
            break
        path, path_cost = found
        total += path_cost
        rounds.append(AssignmentRound(path, _unscale(path_cost, scale),
                                      _unscale(total, scale)))

    pairs = [(left, search.mate[left]) for left in sides.left if left in search.mate]
    return AssignmentRun(rounds, pairs)


def _denominator(weight: Number) -> int:
    return 1 if isinstance(weight, int) else weight.denominator


def _unscale(amount: int, scale: int) -> Number:
    """Return amount / scale as an int when whole, else as a Fraction."""
    whole, rest = divmod(amount, scale)
    return whole if rest == 0 else Fraction(amount, scale)


class _CheapestPath:
    """Dijkstra's algorithm over reduced costs for successive shortest paths.

    The network has a virtual source joined to every free left node and a
    virtual sink joined from every free right node, both at cost 0. Edges
    outside the matching run left to right at cost w, matched edges right
    to left at cost -w. Reduced costs w + p(tail) - p(head) stay
    non-negative because after each search every node's potential p grows
    by its distance, capped at the distance of the sink.
    """

    def __init__(self, weighted, sides: Sides):
        self.names = sides.left + sides.right
        self.sink = len(self.names)
        self.index = {name: number for number, name in enumerate(self.names)}
        self.is_left = [True] * len(sides.left) + [False] * len(sides.right)
        self.cost = {(self.index[u], self.index[v]): w for u, v, w in weighted}
        self.out: list[list[tuple[int, Number]]] = [[] for _ in range(self.sink)]
        for u, v, w in weighted:
            self.out[self.index[u]].append((self.index[v], w))
        for targets in self.out:
            targets.sort()
        self.mate: dict[str, str] = {}
        self.partner: dict[int, int] = {}
        self.potential = self._initial_potentials(weighted)

    def _initial_potentials(self, weighted) -> list[Number]:
        # With nothing matched every path crosses one edge left to right, so
        # the cheapest edge into a right node is its shortest distance.
        potential: list[Number] = [0] * (self.sink + 1)
        cheapest: dict[int, Number] = {}
        for _, right, weight in weighted:
            head = self.index[right]
            cheapest[head] = min(cheapest.get(head, weight), weight)
        for head, weight in cheapest.items():
            potential[head] = weight
        potential[self.sink] = min(cheapest.values(), default=0)

        return potential

    def run(self) -> tuple[list[str], Number] | None:
        """Augment along the cheapest path; return it and its cost, or None."""
        distance, came_from = self._dijkstra()
        if self.sink not in distance:
            return None

        reach = distance[self.sink]
        path_cost = reach + self.potential[self.sink]
        for node in range(self.sink + 1):
            self.potential[node] += min(distance.get(node, reach), reach)

        path = [came_from[self.sink]]
        while path[-1] in came_from:
            path.append(came_from[path[-1]])
        path.reverse()
        for position in range(0, len(path), 2):
            left, right = path[position], path[position + 1]
            self.partner[left], self.partner[right] = right, left
            self.mate[self.names[left]] = self.names[right]
            self.mate[self.names[right]] = self.names[left]

        return [self.names[node] for node in path], path_cost

    def _dijkstra(self):
        size = self.sink + 1
        distance: list = [None] * size
        tentative: list = [None] * size
        came_from: list[int] = [-1] * size
        heap = [(0, node) for node in range(self.sink)
                if self.is_left[node] and node not in self.partner]
        heapq.heapify(heap)
        potential = self.potential
        while heap:
            dist, node = heapq.heappop(heap)
            if distance[node] is not None:
                continue
            distance[node] = dist
            if node == self.sink:
                break
            base = dist + potential[node]
            for head, cost in self._residual_arcs(node):
                candidate = base + cost - potential[head]
                if distance[head] is None and (tentative[head] is None
                                               or candidate < tentative[head]):
                    tentative[head] = candidate
                    came_from[head] = node
                    heapq.heappush(heap, (candidate, head))

        settled = {node: value for node, value in enumerate(distance)
                   if value is not None}
        return settled, {node: tail for node, tail in enumerate(came_from)
                         if tail >= 0}

    def _residual_arcs(self, node: int):
        if self.is_left[node]:
            partner = self.partner.get(node)
            return [arc for arc in self.out[node] if arc[0] != partner]
        if node in self.partner:
            tail = self.partner[node]
            return [(tail, -self.cost[tail, node])]

        return [(self.sink, 0)]

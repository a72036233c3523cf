"""Bipartite matching: augmenting paths and the assignment against networkx
and scipy, and the endpoint."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from concepts.graphs.bipartite import (Sides, adjacency, maximum_matching,
                                      minimum_cost_assignment, two_colour)


def _sides(nodes, edges):
    near = adjacency(nodes, edges)
    colour, cycle = two_colour(nodes, near)
    assert cycle is None
    left = [node for node in sorted(nodes) if colour[node] == 0]
    right = [node for node in sorted(nodes) if colour[node] == 1]
    return Sides(left, right, True), near


def _oriented(edges, sides):
    left = set(sides.left)
    return [(u, v) if u in left else (v, u) for u, v, *_ in edges]


def _run(nodes, edges):
    sides, near = _sides(nodes, edges)
    return maximum_matching(_oriented(edges, sides), sides, near), sides


def _check_valid(pairs, edges):
    present = {frozenset(edge[:2]) for edge in edges}
    ends = [node for pair in pairs for node in pair]
    assert len(ends) == len(set(ends))
    for pair in pairs:
        assert frozenset(pair) in present


def _assignment_oracle(weighted, sides):
    """Return (size, cost) of the cheapest maximum matching by scipy.

    Missing edges cost more than any set of real edges can save, so the
    solver first maximises the number of real edges, then minimises cost.
    """
    if not weighted:
        return 0, 0
    row = {name: index for index, name in enumerate(sides.left)}
    column = {name: index for index, name in enumerate(sides.right)}
    penalty = 1 + 2 * sum(abs(weight) for _, _, weight in weighted)
    cost = np.full((len(row), len(column)), float(penalty))
    for left, right, weight in weighted:
        cost[row[left], column[right]] = weight
    rows, columns = linear_sum_assignment(cost)
    real = [(r, c) for r, c in zip(rows, columns) if cost[r, c] != penalty]
    return len(real), sum(cost[r, c] for r, c in real)


def test_matching_left_right_case():
    nodes = ["L1", "L2", "L3", "R1", "R2"]
    edges = [("L1", "R1"), ("L3", "R1"), ("L2", "R2")]
    run, sides = _run(nodes, edges)
    assert sides.left == ["L1", "L2", "L3"]
    assert len(run.pairs) == 2
    assert ("L2", "R2") in run.pairs
    assert len(run.cover) == 2


def test_matching_path_greedy_maximal():
    nodes = ["a", "b", "c", "d"]
    edges = [("b", "c"), ("a", "b"), ("c", "d")]
    run, _ = _run(nodes, edges)
    assert run.greedy == [("c", "b")]
    assert run.paths == [["a", "b", "c", "d"]]
    assert sorted(run.pairs) == [("a", "b"), ("c", "d")]


def test_matching_path_in_order():
    run, _ = _run(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("c", "d")])
    assert run.greedy == [("a", "b"), ("c", "d")]
    assert run.paths == []


def test_two_colour_odd_cycle():
    nodes = list("abcde")
    edges = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "a")]
    colour, cycle = two_colour(nodes, adjacency(nodes, edges))
    assert colour is None
    assert len(cycle) == 5
    present = {frozenset(edge) for edge in edges}
    for index, node in enumerate(cycle):
        assert frozenset((node, cycle[index - 1])) in present


def test_two_colour_triangle_with_tail():
    nodes = ["t", "x", "y", "z"]
    edges = [("t", "x"), ("x", "y"), ("y", "z"), ("z", "x")]
    _, cycle = two_colour(nodes, adjacency(nodes, edges))
    assert sorted(cycle) == ["x", "y", "z"]


def test_assignment_small():
    weighted = [("a", "x", 4), ("a", "y", 1), ("b", "x", 2), ("b", "y", 5),
                ("c", "y", 3)]
    sides = Sides(["a", "b", "c"], ["x", "y"], False)
    run = minimum_cost_assignment(weighted, sides)
    assert sorted(run.pairs) == [("a", "y"), ("b", "x")]
    assert run.cost == 3
    assert [r.total for r in run.rounds] == [1, 3]


def test_assignment_reroutes():
    # Cheapest first edge a–x must be undone: the only size-2 matching is
    # a–y, b–x.
    weighted = [("a", "x", 1), ("a", "y", 10), ("b", "x", 2)]
    sides = Sides(["a", "b"], ["x", "y"], False)
    run = minimum_cost_assignment(weighted, sides)
    assert run.rounds[0].path == ["a", "x"]
    assert run.rounds[1].path == ["b", "x", "a", "y"]
    assert run.rounds[1].cost == 2 - 1 + 10
    assert run.cost == 12


# Cases where Dijkstra, with potentials not updated or not capped at the
# sink's distance, meets negative reduced costs and settles on a dearer
# assignment.
DENSE = [
    ([("L0", "R3", -3), ("L0", "R4", -3), ("L1", "R0", 1), ("L1", "R2", 1),
      ("L2", "R0", 6), ("L2", "R1", 5), ("L2", "R3", 4)], 2),
    ([("L0", "R2", 5), ("L0", "R3", 2), ("L1", "R0", 1), ("L1", "R2", 5),
      ("L1", "R3", 1), ("L2", "R0", 7), ("L3", "R0", 2), ("L3", "R3", 6)], 8),
    ([("L0", "R0", 3), ("L0", "R1", 0), ("L1", "R0", 8), ("L1", "R2", 9),
      ("L2", "R0", 7), ("L2", "R1", 7), ("L3", "R0", 5), ("L3", "R2", 6)], 13),
]


@pytest.mark.parametrize("weighted, cost", DENSE)
def test_assignment_dense(weighted, cost):
    sides = Sides(["L0", "L1", "L2", "L3"], ["R0", "R1", "R2", "R3", "R4"], False)
    run = minimum_cost_assignment(weighted, sides)
    assert run.cost == cost
    assert _assignment_oracle(weighted, sides) == (len(run.pairs), cost)


@st.composite
def bipartite_graphs(draw, weights=False):
    left_count = draw(st.integers(min_value=1, max_value=7))
    right_count = draw(st.integers(min_value=1, max_value=7))
    left = [f"L{index}" for index in range(left_count)]
    right = [f"R{index}" for index in range(right_count)]
    pairs = draw(st.lists(st.tuples(st.sampled_from(left), st.sampled_from(right)),
                          unique=True, max_size=left_count * right_count))
    if weights:
        weight = st.integers(min_value=-5, max_value=20)
        return left, right, [(u, v, draw(weight)) for u, v in pairs]
    return left, right, [(u, v) for u, v in pairs]


@settings(max_examples=80, deadline=None)
@given(bipartite_graphs())
def test_matching_matches_networkx(graph):
    left, right, edges = graph
    sides = Sides(left, right, False)
    near = adjacency(left + right, edges)
    run = maximum_matching(edges, sides, near)
    oracle = nx.Graph()
    oracle.add_nodes_from(left + right)
    oracle.add_edges_from(edges)
    expected = nx.bipartite.hopcroft_karp_matching(oracle, top_nodes=left)
    assert len(run.pairs) == len(expected) // 2
    _check_valid(run.pairs, edges)
    assert len(run.cover) == len(run.pairs)
    for u, v in edges:
        assert u in run.cover or v in run.cover


@settings(max_examples=60, deadline=None)
@given(bipartite_graphs())
def test_matching_replay(graph):
    left, right, edges = graph
    sides = Sides(left, right, False)
    run = maximum_matching(edges, sides, adjacency(left + right, edges))
    matched = {frozenset(pair) for pair in run.greedy}
    for path in run.paths:
        before = len(matched)
        path_edges = [frozenset(path[i:i + 2]) for i in range(len(path) - 1)]
        for index, edge in enumerate(path_edges):
            assert (edge in matched) == (index % 2 == 1)
        matched ^= set(path_edges)
        assert len(matched) == before + 1
    assert matched == {frozenset(pair) for pair in run.pairs}


@settings(max_examples=80, deadline=None)
@given(bipartite_graphs(weights=True))
def test_assignment_matches_scipy(graph):
    left, right, weighted = graph
    sides = Sides(left, right, False)
    run = minimum_cost_assignment(weighted, sides)
    size, cost = _assignment_oracle(weighted, sides)
    assert len(run.pairs) == size
    assert run.cost == pytest.approx(cost)
    weight = {(u, v): w for u, v, w in weighted}
    assert sum(weight[pair] for pair in run.pairs) == run.cost
    _check_valid(run.pairs, weighted)


@settings(max_examples=50, deadline=None)
@given(bipartite_graphs(weights=True))
def test_assignment_replay(graph):
    left, right, weighted = graph
    sides = Sides(left, right, False)
    run = minimum_cost_assignment(weighted, sides)
    weight = {frozenset((u, v)): w for u, v, w in weighted}
    matched: set[frozenset] = set()
    for index, round_ in enumerate(run.rounds):
        path_edges = [frozenset(round_.path[i:i + 2])
                      for i in range(len(round_.path) - 1)]
        added = [edge for edge in path_edges if edge not in matched]
        removed = [edge for edge in path_edges if edge in matched]
        assert round_.cost == (sum(weight[e] for e in added)
                               - sum(weight[e] for e in removed))
        matched ^= set(path_edges)
        assert len(matched) == index + 1
    assert matched == {frozenset(pair) for pair in run.pairs}


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=2, max_value=9), st.data())
def test_two_colour_matches_networkx(size, data):
    nodes = [f"n{index}" for index in range(size)]
    pairs = data.draw(st.lists(
        st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)).filter(
            lambda pair: pair[0] != pair[1]),
        max_size=2 * size, unique_by=lambda pair: frozenset(pair)))
    oracle = nx.Graph()
    oracle.add_nodes_from(nodes)
    oracle.add_edges_from(pairs)
    colour, cycle = two_colour(nodes, adjacency(nodes, pairs))
    assert (colour is not None) == nx.is_bipartite(oracle)
    if cycle is not None:
        assert len(cycle) % 2 == 1
        assert len(set(cycle)) == len(cycle)
        for index, node in enumerate(cycle):
            assert oracle.has_edge(node, cycle[index - 1])
    else:
        for u, v in pairs:
            assert colour[u] != colour[v]

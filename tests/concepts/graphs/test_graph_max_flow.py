"""Maximum flow: Edmonds–Karp against networkx, and the endpoint."""

from __future__ import annotations

from fractions import Fraction

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts.graphs.max_flow import edmonds_karp, exact

# CLRS 3rd ed., figure 26.1: the maximum flow from s to t is 23.
CLRS = [("s", "v1", 16), ("s", "v2", 13), ("v1", "v3", 12), ("v2", "v1", 4),
        ("v2", "v4", 14), ("v3", "v2", 9), ("v3", "t", 20), ("v4", "v3", 7),
        ("v4", "t", 4)]


def _nodes(edges):
    return sorted({name for tail, head, _ in edges for name in (tail, head)})


def _oracle(nodes, edges, source, sink, directed):
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(nodes)
    for tail, head, capacity in edges:
        if tail != head:
            graph.add_edge(tail, head, capacity=capacity)

    return nx.maximum_flow_value(graph, source, sink)


def _net_out(run, node):
    """Return the flow leaving ``node`` minus the flow entering it."""
    total = 0
    for (tail, head), amount in zip(run.directions, run.flows):
        if tail == node:
            total += amount
        if head == node:
            total -= amount

    return total


def _check_flow(run, nodes):
    for (_, _, capacity), amount in zip(run.edges, run.flows):
        assert 0 <= amount <= capacity

    for node in nodes:
        if node not in (run.source, run.sink):
            assert _net_out(run, node) == 0

    assert _net_out(run, run.source) == run.value
    assert _net_out(run, run.sink) == -run.value


def _check_cut(run):
    assert run.source in run.source_side
    assert run.sink in run.sink_side
    assert run.cut_capacity == run.value
    side = set(run.source_side)
    for index in run.cut_edges:
        tail, head = run.directions[index]
        assert run.flows[index] == run.edges[index][2]
        assert tail in side
        assert head not in side


def _replay(run):
    """Push every augmenting path in order and return the net flow."""
    net: dict[tuple[str, str], Fraction | int] = {}
    for augmentation in run.augmentations:
        for hop in augmentation.hops:
            net[hop.tail, hop.head] = net.get((hop.tail, hop.head), 0) + augmentation.bottleneck
            net[hop.head, hop.tail] = net.get((hop.head, hop.tail), 0) - augmentation.bottleneck

    return net


def test_edmonds_karp_clrs():
    run = edmonds_karp(_nodes(CLRS), CLRS, "s", "t", True)
    assert run.value == 23
    assert [a.nodes for a in run.augmentations] == [
        ["s", "v1", "v3", "t"], ["s", "v2", "v4", "t"], ["s", "v2", "v4", "v3", "t"]]
    assert [a.bottleneck for a in run.augmentations] == [12, 4, 7]
    assert run.source_side == ["s", "v1", "v2", "v4"]
    assert [CLRS[i][:2] for i in run.cut_edges] == [
        ("v1", "v3"), ("v4", "v3"), ("v4", "t")]
    _check_flow(run, _nodes(CLRS))
    _check_cut(run)


def test_edmonds_karp_undirected():
    run = edmonds_karp(_nodes(CLRS), CLRS, "s", "t", False)
    assert run.value == _oracle(_nodes(CLRS), CLRS, "s", "t", False) == 24
    _check_flow(run, _nodes(CLRS))
    _check_cut(run)


def test_edmonds_karp_backward_hop():
    # The shortest path s-a-b-t fills b→t; the second path can reach t only
    # by pushing the unit on a→b back, over the hop b→a.
    edges = [("s", "a", 1), ("a", "b", 1), ("b", "t", 1), ("a", "e", 1),
             ("e", "t", 1), ("s", "c", 1), ("c", "d", 1), ("d", "b", 1)]
    run = edmonds_karp(_nodes(edges), edges, "s", "t", True)
    assert run.value == 2
    assert [a.nodes for a in run.augmentations] == [
        ["s", "a", "b", "t"], ["s", "c", "d", "b", "a", "e", "t"]]
    assert [hop.backward for hop in run.augmentations[1].hops] == [
        False, False, False, True, False, False]
    assert run.flows[1] == 0
    _check_flow(run, _nodes(edges))
    _check_cut(run)


def test_edmonds_karp_disconnected_sink():
    edges = [("s", "a", 3), ("b", "t", 2)]
    run = edmonds_karp(_nodes(edges), edges, "s", "t", True)
    assert run.value == 0
    assert run.augmentations == []
    assert run.source_side == ["a", "s"]
    assert run.cut_edges == []


def test_edmonds_karp_exact_fractions():
    edges = [("s", "a", 0.1), ("s", "b", 0.2), ("a", "t", 0.3), ("b", "t", 0.3)]
    run = edmonds_karp(_nodes(edges), edges, "s", "t", True)
    assert run.value == Fraction(0.1) + Fraction(0.2)
    assert run.cut_capacity == run.value


def test_edmonds_karp_opposite_edges():
    edges = [("s", "a", 5), ("a", "b", 3), ("b", "a", 2), ("b", "t", 4),
             ("s", "b", 1), ("a", "t", 1)]
    run = edmonds_karp(_nodes(edges), edges, "s", "t", True)
    assert run.value == _oracle(_nodes(edges), edges, "s", "t", True)
    _check_flow(run, _nodes(edges))
    _check_cut(run)


def test_exact_whole_and_fraction():
    assert exact(4.0) == 4 and isinstance(exact(4.0), int)
    assert exact(0.5) == Fraction(1, 2)


@st.composite
def networks(draw, integral=True):
    size = draw(st.integers(min_value=2, max_value=9))
    names = [f"n{index}" for index in range(size)]
    pairs = draw(st.lists(
        st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)),
        max_size=3 * size, unique_by=lambda pair: (min(pair), max(pair))))
    if integral:
        capacity = st.integers(min_value=0, max_value=20)
    else:
        capacity = st.floats(min_value=0, max_value=10, allow_nan=False,
                             allow_infinity=False)
    edges = [(names[a], names[b], draw(capacity)) for a, b in pairs]
    return names, edges


@settings(max_examples=80, deadline=None)
@given(networks(), st.booleans())
def test_edmonds_karp_matches_networkx(network, directed):
    nodes, edges = network
    run = edmonds_karp(nodes, edges, nodes[0], nodes[-1], directed)
    assert run.value == _oracle(nodes, edges, nodes[0], nodes[-1], directed)
    _check_flow(run, nodes)
    _check_cut(run)


@settings(max_examples=50, deadline=None)
@given(networks(integral=False), st.booleans())
def test_edmonds_karp_real_capacities(network, directed):
    nodes, edges = network
    run = edmonds_karp(nodes, edges, nodes[0], nodes[-1], directed)
    expected = _oracle(nodes, edges, nodes[0], nodes[-1], directed)
    assert float(run.value) == pytest.approx(expected, rel=1e-9, abs=1e-9)
    _check_flow(run, nodes)
    _check_cut(run)


@settings(max_examples=50, deadline=None)
@given(networks(), st.booleans())
def test_edmonds_karp_replay(network, directed):
    nodes, edges = network
    run = edmonds_karp(nodes, edges, nodes[0], nodes[-1], directed)
    net = _replay(run)
    for index, (tail, head, _) in enumerate(run.edges):
        if tail == head:
            continue
        forward = net.get((tail, head), 0)
        if directed:
            assert run.flows[index] == max(forward, 0)
        else:
            assert run.flows[index] == abs(forward)
    for augmentation in run.augmentations:
        assert augmentation.bottleneck > 0
        assert augmentation.nodes[0] == nodes[0]
        assert augmentation.nodes[-1] == nodes[-1]

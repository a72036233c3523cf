"""Topological sort against networkx, including the cycle case."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts import InputError
from concepts.graphs import toposort
from concepts.graphs.graph_input import natural_key
from tests.conftest import SVG_NS, parse_svg, svg_texts

CONCEPT = toposort.CONCEPT
NASTY = ["<script>alert(1)</script>", 'A&B "q"']
CYCLE_CASE = "0-1,1-2,2-3,3-4,10-11,11-12,12-10,1-10"


def run(**query):
    params = CONCEPT.schema().load({key: str(value) for key, value in query.items()})
    return CONCEPT.compute(params)


def _sorted(nodes):
    return sorted(nodes, key=natural_key)


@pytest.mark.parametrize("algorithm", ["kahn", "dfs"])
def test_toposort_cycle_no_partial_order(algorithm):
    outcome = run(edges=CYCLE_CASE, algorithm=algorithm)
    result = outcome.result
    assert result["has_cycle"] is True
    assert result["order"] is None
    assert result["position"] is None
    assert result["cycle"] == ["10", "11", "12", "10"]
    english = CONCEPT.explain(outcome, "en")
    assert "10→11→12→10" in english.markdown
    assert "No order exists" in english.markdown
    assert "10→11→12→10" in CONCEPT.explain(outcome, "zh").markdown


def test_toposort_cycle_http_200(client):
    response = client.get(f"/graph/toposort?edges={CYCLE_CASE}")
    assert response.status_code == 200
    assert response.json["result"]["order"] is None
    assert response.json["result"]["cycle"] == ["10", "11", "12", "10"]


def test_toposort_kahn_stuck_nodes():
    result = run(edges=CYCLE_CASE).result
    assert result["stuck"] == ["10", "11", "12"]


def test_toposort_kahn_textbook():
    result = run(edges=CONCEPT.example["edges"]).result
    assert result["order"] == ["shirt", "socks", "tie", "trousers", "belt", "jacket",
                               "shoes"]


def test_toposort_self_loop_cycle():
    result = run(edges="A-B,B-B").result
    assert result["cycle"] == ["B", "B"]
    assert result["order"] is None


def test_toposort_undirected_rejected():
    with pytest.raises(InputError) as error:
        run(edges="A-B", directed="false")
    message = error.value.errors["directed"]
    assert "directed=true" in message
    assert "directed=true" in message.zh


@st.composite
def digraphs(draw):
    count = draw(st.integers(1, 12))
    acyclic = draw(st.booleans())
    pairs = [(u, v) for u in range(count) for v in range(count)
             if u != v and (u < v or not acyclic)]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=25)) \
        if pairs else []
    # Shuffle names so the order is not simply the numbering.
    labels = draw(st.permutations(range(count)))
    return count, [(labels[u], labels[v]) for u, v in edges]


@settings(max_examples=100, deadline=None)
@given(digraphs(), st.sampled_from(["kahn", "dfs"]))
def test_toposort_matches_networkx(case, algorithm):
    count, edges = case
    outcome = run(edges=",".join(f"v{u}-v{v}" for u, v in edges),
                  nodes=",".join(f"v{i}" for i in range(count)), algorithm=algorithm)
    graph = nx.DiGraph()
    graph.add_nodes_from(outcome.facts.graph.nodes)
    graph.add_edges_from((f"v{u}", f"v{v}") for u, v in edges)
    result = outcome.result
    assert result["has_cycle"] == (not nx.is_directed_acyclic_graph(graph))
    if result["has_cycle"]:
        walk = result["cycle"]
        assert walk[0] == walk[-1]
        for u, v in zip(walk, walk[1:]):
            assert graph.has_edge(u, v)
        assert result["order"] is None
        return
    order = result["order"]
    assert sorted(order) == sorted(graph.nodes)
    for u, v in graph.edges:
        assert result["position"][u] < result["position"][v]
    if algorithm == "kahn":
        assert order == list(nx.lexicographical_topological_sort(graph,
                                                                 key=natural_key))
    else:
        post = list(nx.dfs_postorder_nodes(graph, sort_neighbors=_sorted))
        assert order == post[::-1]
    _check_replay(outcome, algorithm)


def _check_replay(outcome, algorithm):
    """Replay the steps and rebuild the order."""
    steps = CONCEPT.explain(outcome, "en").steps
    graph = outcome.facts.graph
    if algorithm == "kahn":
        indegree = {n: len(graph.predecessors(n)) for n in graph.nodes}
        removed = []
        for step in steps:
            node = step.values["node"]
            assert indegree[node] == 0
            assert node not in removed
            removed.append(node)
            for target, _ in graph.neighbours(node):
                indegree[target] -= 1
            assert step.values["removed"] == removed
        assert removed == outcome.result["order"]
        return
    order = []
    for step in steps:
        if step.values["event"] == "finish":
            order.insert(0, step.values["node"])
            assert step.values["order"] == order
    assert order == outcome.result["order"]


def test_toposort_explanation_numbers():
    outcome = run(edges=CYCLE_CASE)
    assert "3 arcs" in CONCEPT.explain(outcome, "en").summary
    assert "5 of 8 nodes" in CONCEPT.explain(outcome, "en").markdown
    assert "8 个节点中的 5 个" in CONCEPT.explain(outcome, "zh").markdown
    fine = run(edges="a-b,b-c")
    assert "all 3 nodes" in CONCEPT.explain(fine, "en").summary
    assert "**a, b, c**" in CONCEPT.explain(fine, "en").markdown
    assert "**a、b、c**" in CONCEPT.explain(fine, "zh").markdown


def test_toposort_svg_escapes():
    for flags in ({}, {"frames": "true"}, {"animate": "true"}):
        for algorithm in ("kahn", "dfs"):
            outcome = run(edges=f"{NASTY[0]}-{NASTY[1]}", algorithm=algorithm, **flags)
            svg = CONCEPT.draw(outcome, "en", "light")
            assert "<script>" not in svg
            texts = svg_texts(parse_svg(svg))
            assert NASTY[0] in texts
            assert NASTY[1] in texts
    assert "<script>" not in CONCEPT.explain(outcome, "en").markdown


def test_toposort_animation(client):
    response = client.get(f"/graph/toposort.svg?edges={CYCLE_CASE}&animate=true")
    assert response.status_code == 200
    root = parse_svg(response.get_data(as_text=True))
    assert list(root.iter(f"{SVG_NS}animate"))
    assert response.data == client.get(
        f"/graph/toposort.svg?edges={CYCLE_CASE}&animate=true").data


def test_toposort_self_loop_singular_arc(client):
    summary = client.get("/graph/toposort?edges=A-A").json["summary"]
    assert "a directed cycle of 1 arc." in summary

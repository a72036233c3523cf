"""Dijkstra and Bellman–Ford against networkx and scipy.sparse.csgraph."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import shortest_path as scipy_shortest_path

from concepts import InputError
from concepts.graphs import shortest_path
from concepts.text import fmt
from tests.conftest import parse_svg, strict_json, svg_texts

CONCEPT = shortest_path.CONCEPT
NASTY = ["<script>alert(1)</script>", 'A&B "q"']


def run(**query):
    params = CONCEPT.schema().load({key: str(value) for key, value in query.items()})
    return CONCEPT.compute(params)


# Cases from real bug reports -----------------------------------------------


def test_dijkstra_rejects_negative_weight():
    with pytest.raises(InputError) as error:
        run(edges="A-B:2,A-C:5,C-B:-4,B-D:1", directed="true", source="A", target="D")
    message = error.value.errors["algorithm"]
    assert "negative weight -4" in message
    assert "'C-B'" in message
    assert "algorithm=bellman-ford" in message
    assert "bellman-ford" in message.zh
    assert "负权重" in message.zh


def test_bellman_ford_negative_edge_path():
    result = run(edges="A-B:2,A-C:5,C-B:-4,B-D:1", directed="true", source="A",
                 target="D", algorithm="bellman-ford").result
    assert result["path"] == ["A", "C", "B", "D"]
    assert result["distance"] == 2


def test_dijkstra_prefers_light_long_path():
    result = run(edges="A-B:1,B-C:1,C-D:1,A-D:10", source="A", target="D").result
    assert result["path"] == ["A", "B", "C", "D"]
    assert result["distance"] == 3


def test_bellman_ford_negative_cycle():
    result = run(edges="A-B:1,B-C:-2,C-B:1,C-D:1", directed="true", source="A",
                 algorithm="bellman-ford").result
    assert result["negative_cycle"] == ["B", "C", "B"]
    assert result["cycle_weight"] == -1
    assert result["distances"] is None


def test_unreachable_target_not_error():
    result = run(edges="A-B,C-D", directed="true", source="A", target="D").result
    assert result["reachable"] is False
    assert result["path"] is None
    assert result["distance"] is None
    assert result["unreachable"] == ["C", "D"]
    assert result["distances"]["D"] is None


def test_unreachable_http_200(client):
    response = client.get("/graph/shortest-path?edges=A-B,C-D&directed=true"
                          "&source=A&target=D")
    assert response.status_code == 200
    body = strict_json(response.get_data(as_text=True))
    assert body["result"]["distances"]["D"] is None


def test_dijkstra_negative_http_400(client):
    query = "edges=A-B:2,A-C:5,C-B:-4,B-D:1&directed=true&source=A&target=D"
    response = client.get(f"/graph/shortest-path?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert "bellman-ford" in response.json["detail"]
    zh = client.get(f"/graph/shortest-path?{query}&lang=zh").json
    assert "负权重" in zh["errors"]["algorithm"]


def test_bellman_ford_undirected_negative_edge_cycle():
    result = run(edges="A-B:1,B-C:-1", source="A", algorithm="bellman-ford").result
    assert result["negative_cycle"] in (["B", "C", "B"], ["A", "B", "A"])
    assert result["cycle_weight"] == -2


def test_bellman_ford_zero_cycle_decimal_weights(client):
    # In floats 0.3 - 0.1 - 0.2 is -8.3e-17, which looked like a negative cycle.
    response = client.get("/graph/shortest-path?edges=A-B:0.3,B-C:-0.1,C-A:-0.2"
                          "&directed=true&source=A&algorithm=bellman-ford")
    assert response.status_code == 200
    body = response.json
    assert body["result"]["negative_cycle"] is None
    assert body["result"]["distances"] == {"A": 0, "B": 0.3, "C": 0.2}
    assert body["result"]["predecessors"]["A"] is None
    assert body["result"]["relaxations"] == 2
    texts = " ".join(step["text"] for step in body["steps"])
    assert "(was 0.3)" not in texts


def test_dijkstra_decimal_sums_exact(client):
    response = client.get("/graph/shortest-path?edges=A-B:0.1,B-C:0.2,C-D:0.3,A-D:0.6"
                          "&source=A&target=D")
    assert response.status_code == 200
    result = response.json["result"]
    assert result["distances"] == {"A": 0, "B": 0.1, "C": 0.3, "D": 0.6}
    assert result["distance"] == 0.6
    assert result["path"] == ["A", "D"]


def test_bellman_ford_tiny_weight_exact():
    # In floats 0.1 + 0.2 + 1e-20 equals the direct weight, so A-D was kept.
    outcome = run(edges="A-D:0.30000000000000004,A-B:1e-20,B-C:0.1,C-D:0.2",
                  directed="true", source="A", algorithm="bellman-ford")
    assert outcome.result["distances"]["C"] == 0.1
    assert outcome.result["distances"]["D"] == 0.3
    assert outcome.result["predecessors"]["D"] == "C"


def test_negative_cycle_unreachable_ignored():
    result = run(edges="A-B:1,C-D:-2,D-C:1", directed="true", source="A",
                 algorithm="bellman-ford").result
    assert result["negative_cycle"] is None
    assert result["distances"] == {"A": 0, "B": 1, "C": None, "D": None}


@pytest.mark.parametrize("query,param", [
    ("edges=A-B&source=A&target=Q", "target"),
    ("edges=A-B&source=A&algorithm=floyd", "algorithm"),
    ("edges=A-B:x&source=A", "edges"),
])
def test_shortest_path_http_invalid(client, query, param):
    response = client.get(f"/graph/shortest-path?{query}")
    assert response.status_code == 400
    assert param in response.json["errors"]


# Random graphs against the oracles ----------------------------------------


@st.composite
def weighted_graphs(draw, low):
    count = draw(st.integers(1, 10))
    directed = draw(st.booleans())
    pairs = [(u, v) for u in range(count) for v in range(count)
             if u != v and (directed or u < v)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=25)) \
        if pairs else []
    weights = draw(st.lists(st.integers(low, 9), min_size=len(chosen),
                            max_size=len(chosen)))
    source = draw(st.integers(0, count - 1))
    return count, [(u, v, w) for (u, v), w in zip(chosen, weights)], directed, source


def _query(count, edges, directed, source, algorithm):
    return {"edges": ",".join(f"v{u}-v{v}:{w}" for u, v, w in edges),
            "nodes": ",".join(f"v{i}" for i in range(count)),
            "directed": str(directed).lower(), "source": f"v{source}",
            "algorithm": algorithm}


def _nx_graph(count, edges, directed):
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(f"v{i}" for i in range(count))
    graph.add_weighted_edges_from((f"v{u}", f"v{v}", w) for u, v, w in edges)
    return graph


def _check_paths(result, graph):
    """Every predecessor chain is a real path whose weight is the distance."""
    for name, distance in result["distances"].items():
        if distance is None or name == result["source"]:
            continue
        parent = result["predecessors"][name]
        edge = graph.get_edge_data(parent, name)
        assert edge is not None
        assert result["distances"][parent] + edge["weight"] == distance


@settings(max_examples=80, deadline=None)
@given(weighted_graphs(low=0))
def test_dijkstra_matches_networkx(case):
    count, edges, directed, source = case
    outcome = run(**_query(count, edges, directed, source, "dijkstra"))
    graph = _nx_graph(count, edges, directed)
    expected = nx.single_source_dijkstra_path_length(graph, f"v{source}")
    distances = outcome.result["distances"]
    assert {k: v for k, v in distances.items() if v is not None} == expected
    _check_paths(outcome.result, graph)
    _check_replay(outcome)


@settings(max_examples=60, deadline=None)
@given(weighted_graphs(low=1))
def test_dijkstra_matches_scipy(case):
    count, edges, directed, source = case
    outcome = run(**_query(count, edges, directed, source, "dijkstra"))
    matrix = np.zeros((count, count))
    for u, v, w in edges:
        matrix[u, v] = w
    expected = scipy_shortest_path(csr_matrix(matrix), method="D", directed=directed,
                                   indices=source)
    for i in range(count):
        got = outcome.result["distances"][f"v{i}"]
        assert (math.inf if got is None else got) == expected[i]


@settings(max_examples=80, deadline=None)
@given(weighted_graphs(low=-3))
def test_bellman_ford_matches_networkx(case):
    count, edges, directed, source = case
    outcome = run(**_query(count, edges, directed, source, "bellman-ford"))
    result = outcome.result
    graph = _nx_graph(count, edges, directed)
    reached = nx.descendants(graph, f"v{source}") | {f"v{source}"}
    reachable = graph.subgraph(reached).copy()
    has_cycle = nx.negative_edge_cycle(reachable)
    assert (result["negative_cycle"] is not None) == has_cycle
    if has_cycle:
        cycle = result["negative_cycle"]
        assert cycle[0] == cycle[-1]
        total = sum(graph[u][v]["weight"] for u, v in zip(cycle, cycle[1:]))
        assert total == result["cycle_weight"]
        assert total < 0
        return
    expected = nx.single_source_bellman_ford_path_length(graph, f"v{source}")
    assert {k: v for k, v in result["distances"].items() if v is not None} == expected
    _check_paths(result, graph)
    _check_replay(outcome)


def _check_replay(outcome):
    """Apply the improving relaxations of the steps and rebuild the distances."""
    result = outcome.result
    steps = CONCEPT.explain(outcome, "en").steps
    distance = {name: None for name in result["distances"]}
    distance[result["source"]] = 0
    parent = {name: None for name in result["distances"]}
    for step in steps:
        for relax in step.values["relaxations"]:
            if relax["improved"]:
                u, v = relax["edge"]
                assert relax["candidate"] == distance[u] + relax["weight"]
                assert distance[v] is None or relax["candidate"] < distance[v]
                distance[v], parent[v] = relax["candidate"], u
    assert distance == result["distances"]
    assert parent == result["predecessors"]


def test_dijkstra_settled_in_distance_order():
    outcome = run(edges="A-B:4,A-C:1,C-B:2,B-D:5", source="A")
    result = outcome.result
    order = result["settled_order"]
    assert order == ["A", "C", "B", "D"]
    settled = [result["distances"][name] for name in order]
    assert settled == sorted(result["distances"].values())


# Text and drawing -----------------------------------------------------------


def test_shortest_path_explanation_numbers():
    outcome = run(edges="A-B:1,B-C:1,C-D:1,A-D:10", source="A", target="D")
    for lang in ("en", "zh"):
        text = CONCEPT.explain(outcome, lang)
        assert "3" in text.summary
        assert "| D | 3 | C |" in text.markdown
        assert "10" in text.markdown
    english = CONCEPT.explain(outcome, "en")
    assert "A, B, C, D, length **3**" in english.markdown
    assert "The direct edge weighs 10" in english.markdown
    assert english.steps[2].text.startswith("Settle C at distance 2.")
    assert "2 + 1 = 3 < 10" in english.steps[2].text
    chinese = CONCEPT.explain(outcome, "zh")
    assert "A、B、C、D，长度 **3**" in chinese.markdown


def test_negative_cycle_explanation():
    outcome = run(edges="A-B:1,B-C:-2,C-B:1,C-D:1", directed="true", source="A",
                  algorithm="bellman-ford")
    english = CONCEPT.explain(outcome, "en")
    assert "B→C→B" in english.markdown
    assert f"**{fmt(-1)}**" in english.markdown
    assert "negative cycle" in english.summary
    assert "负环" in CONCEPT.explain(outcome, "zh").summary
    assert "(check)" in english.steps[-1].text


def test_shortest_path_svg_escapes():
    query = {"edges": f"{NASTY[0]}-{NASTY[1]}:2", "source": NASTY[0],
             "target": NASTY[1]}
    for flags in ({}, {"frames": "true"}, {"animate": "true"}):
        outcome = run(**query, **flags)
        svg = CONCEPT.draw(outcome, "en", "light")
        texts = svg_texts(parse_svg(svg))
        assert NASTY[0] in texts
        assert NASTY[1] in texts
        assert "<script>" not in svg
    assert "<script>" not in CONCEPT.explain(outcome, "en").markdown


def test_shortest_path_deterministic(client):
    url = "/graph/shortest-path.svg?edges=A-B:1,B-C:1,C-D:1,A-D:10&source=A&target=D"
    assert client.get(url).data == client.get(url).data


def test_bellman_ford_negative_self_loop():
    result = run(edges="A-B:1,B-B:-1", directed="true", source="A",
                 algorithm="bellman-ford").result
    assert result["negative_cycle"] == ["B", "B"]
    assert result["cycle_weight"] == -1


def test_shortest_path_target_is_source():
    result = run(edges="A-B:3", source="A", target="A").result
    assert result["path"] == ["A"]
    assert result["distance"] == 0


def test_dijkstra_ignores_positive_self_loop():
    result = run(edges="A-A:2,A-B:3", source="A", target="B").result
    assert result["distances"] == {"A": 0, "B": 3}

"""Strongly connected components: textbook graph, replays and networkx."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts.graphs.graph_input import natural_key
from concepts.graphs.scc import SccInput, compute, explain
from tests.conftest import parse_svg, strict_json, svg_texts

EXAMPLE = "A-B,B-C,C-A,B-D,D-E,E-F,F-D,G-F"


def run(**params):
    return compute(SccInput().load(params))


def get(client, query: str, status: int = 200):
    response = client.get("/graph/scc?" + query)
    assert response.status_code == status, response.get_data(as_text=True)
    return strict_json(response.get_data(as_text=True))


def _as_sets(components) -> set:
    return {frozenset(group) for group in components}


def _oracle_graph(edges, nodes=()) -> nx.DiGraph:
    """Build a DiGraph whose node and successor order match the concept's name order."""
    graph = nx.DiGraph()
    names = {name for edge in edges for name in edge[:2]} | set(nodes)
    graph.add_nodes_from(sorted(names, key=natural_key))
    graph.add_edges_from(sorted(((u, v) for u, v, *_ in edges),
                                key=lambda e: (natural_key(e[0]), natural_key(e[1]))))
    return graph


@pytest.mark.parametrize("algorithm", ["tarjan", "kosaraju"])
def test_scc_textbook_components(client, algorithm):
    body = get(client, f"edges={EXAMPLE}&directed=true&algorithm={algorithm}")
    result = body["result"]
    assert _as_sets(result["components"]) == {frozenset("ABC"), frozenset("DEF"),
                                              frozenset("G")}
    assert result["component_count"] == 3
    assert result["strongly_connected"] is False
    label = {name: result["component_of"][name] for name in "ADG"}
    arcs = {tuple(edge) for edge in result["condensation"]["edges"]}
    assert arcs == {(label["A"], label["D"]), (label["G"], label["D"])}


def test_scc_tarjan_reverse_topological():
    result = run(edges=EXAMPLE, directed="true", algorithm="tarjan").result
    assert result["components"] == [["D", "E", "F"], ["A", "B", "C"], ["G"]]
    assert result["condensation"]["topological_order"] == [2, 1, 0]
    assert result["low_link"] == {"A": 0, "B": 0, "C": 0, "D": 3, "E": 3, "F": 3,
                                  "G": 6}


def test_scc_kosaraju_topological():
    result = run(edges=EXAMPLE, directed="true", algorithm="kosaraju").result
    assert result["components"] == [["G"], ["A", "B", "C"], ["D", "E", "F"]]
    assert result["finish_order"] == ["C", "F", "E", "D", "B", "A", "G"]
    assert result["condensation"]["topological_order"] == [0, 1, 2]


def test_scc_undirected_is_connected_components(client):
    body = get(client, "edges=A-B,B-C,D-E&nodes=F")
    result = body["result"]
    assert result["directed"] is False
    assert _as_sets(result["components"]) == {frozenset("ABC"), frozenset("DE"),
                                              frozenset("F")}
    assert result["condensation"]["edges"] == []
    assert "**This graph is undirected**" in body["explanation"]
    assert "3 connected components" in body["summary"]
    zh = get(client, "edges=A-B,B-C,D-E&nodes=F&lang=zh")
    assert "**这个图是无向图**" in zh["explanation"]


def test_scc_strongly_connected_cycle(client):
    body = get(client, "edges=1-2,2-3,3-1&directed=true")
    assert body["result"]["strongly_connected"] is True
    assert "strongly connected" in body["summary"]


def test_scc_self_loop_accepted():
    result = run(edges="A-A,A-B", directed="true").result
    assert result["components"] == [["B"], ["A"]]


def test_scc_steps_replay_components():
    for algorithm in ("tarjan", "kosaraju"):
        outcome = run(edges=EXAMPLE, directed="true", algorithm=algorithm)
        steps = [s.values for s in explain(outcome, "en").steps]
        found = [s["members"] for s in steps if s.get("kind") == "component"]
        assert found == outcome.result["components"]
        if algorithm == "kosaraju":
            finished = [s["node"] for s in steps if s.get("kind") == "finish"]
            assert finished == outcome.result["finish_order"]
        else:
            visited = {s["node"]: s["index"] for s in steps if s.get("kind") == "visit"}
            assert visited == outcome.result["index"]
            low = dict(visited)
            for s in steps:
                if s.get("kind") == "low":
                    low[s["node"]] = s["low_link"]
            assert low == outcome.result["low_link"]


def test_scc_text_cites_result():
    outcome = run(edges=EXAMPLE, directed="true")
    result = outcome.result
    en = explain(outcome, "en")
    assert f"{result['component_count']} strongly connected components" in en.summary
    assert f"Here there are **{result['component_count']}** components" in en.markdown
    assert "- C1: {D, E, F}" in en.markdown
    assert "C2 → C1, C3 → C1" in en.markdown
    zh = explain(outcome, "zh")
    assert f"有 {result['component_count']} 个强连通分量" in zh.summary
    assert "- C1：{D、E、F}" in zh.markdown


@pytest.mark.parametrize(
    ("query", "param", "english", "chinese"),
    [
        ("edges=A-B&algorithm=dijkstra", "algorithm", "got 'dijkstra'",
         "收到的是“dijkstra”"),
        ("edges=A-B,A-B&directed=true", "edges", "Edge 2 'A-B' repeats edge 1",
         "第 2 条边“A-B”与第 1 条边重复"),
        ("edges=A-B&directed=maybe", "directed", "got 'maybe'", "收到的是“maybe”"),
    ],
)
def test_scc_invalid_input_400(client, query, param, english, chinese):
    body = get(client, query, 400)
    assert english in body["errors"][param]
    zh = get(client, query + "&lang=zh", 400)
    assert chinese in zh["errors"][param]


def test_scc_too_many_nodes_413(client):
    nodes = ",".join(f"n{i}" for i in range(201))
    body = get(client, f"edges=&nodes={nodes}", 413)
    assert "201" in body["detail"]


def test_scc_svg_escapes_names(client):
    response = client.post("/graph/scc.svg", json={
        "edges": [["<script>alert(1)</script>", 'A&B "q"'],
                  ['A&B "q"', "<script>alert(1)</script>"]],
        "directed": True})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "<script>" not in text
    texts = svg_texts(parse_svg(text))
    assert any("<script>alert(1)</script>" in item for item in texts)
    assert any('A&B "q"' in item for item in texts)


def test_scc_markdown_escapes_names(client):
    response = client.post("/graph/scc", json={"edges": [["<b>", "x_y"]],
                                               "directed": True})
    markdown = response.json["explanation"]
    assert "&lt;b&gt;" in markdown
    assert "x\\_y" in markdown


@pytest.mark.parametrize("extra", ["", "&frames=true", "&animate=true",
                                   "&algorithm=kosaraju&lang=zh"])
def test_scc_svg_parses_and_repeats(client, extra):
    url = f"/graph/scc.svg?edges={EXAMPLE}&directed=true{extra}&theme=dark"
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == 200
    parse_svg(first.get_data(as_text=True))
    assert first.get_data() == second.get_data()


@st.composite
def digraphs(draw_value):
    count = draw_value(st.integers(1, 12))
    pairs = [(f"v{i}", f"v{j}") for i in range(count) for j in range(count)]
    edges = draw_value(st.lists(st.sampled_from(pairs), unique=True, max_size=30))
    return [f"v{i}" for i in range(count)], edges


@settings(max_examples=80, deadline=None)
@given(digraphs(), st.sampled_from(["tarjan", "kosaraju"]))
def test_scc_matches_networkx(spec, algorithm):
    nodes, edges = spec
    outcome = run(edges=[list(edge) for edge in edges], nodes=nodes, directed="true",
                  algorithm=algorithm)
    result = outcome.result
    graph = _oracle_graph(edges, nodes)
    assert _as_sets(result["components"]) == _as_sets(
        nx.strongly_connected_components(graph))
    condensed = nx.DiGraph()
    condensed.add_nodes_from(range(result["component_count"]))
    condensed.add_edges_from(tuple(e) for e in result["condensation"]["edges"])
    assert nx.is_directed_acyclic_graph(condensed)
    position = {c: i for i, c in enumerate(result["condensation"]["topological_order"])}
    for a, b in condensed.edges:
        assert position[a] < position[b]
    where = result["component_of"]
    expected = {(where[u], where[v]) for u, v in edges if where[u] != where[v]}
    assert set(condensed.edges) == expected
    if algorithm == "kosaraju":
        assert result["finish_order"] == list(nx.dfs_postorder_nodes(graph))
    else:
        preorder = list(nx.dfs_preorder_nodes(graph))
        assert [n for n, _ in sorted(result["index"].items(), key=lambda x: x[1])] \
            == preorder


def test_scc_longest_chain_over_http(client):
    # A 200-node path makes Tarjan's recursion as deep as the node limit allows.
    edges = ",".join(f"n{i}-n{i + 1}" for i in range(199)) + ",n199-n0"
    body = get(client, f"edges={edges}&directed=true")
    assert body["result"]["component_count"] == 1
    chain = ",".join(f"n{i}-n{i + 1}" for i in range(199))
    body = get(client, f"edges={chain}&directed=true&algorithm=kosaraju")
    assert body["result"]["component_count"] == 200

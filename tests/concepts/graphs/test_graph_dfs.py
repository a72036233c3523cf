"""Depth-first search against networkx's labelled DFS."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts.graphs import dfs
from concepts.graphs.graph_input import natural_key
from tests.conftest import SVG_NS, parse_svg, svg_texts

CONCEPT = dfs.CONCEPT
NASTY = ["<script>alert(1)</script>", 'A&B "q"']


def run(**query):
    params = CONCEPT.schema().load({key: str(value) for key, value in query.items()})
    return CONCEPT.compute(params)


def _sorted(nodes):
    return sorted(nodes, key=natural_key)


def oracle(edges, directed, source, count):
    """Return discovery and finish times from networkx's labelled DFS events."""
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(f"v{i}" for i in range(count))
    graph.add_edges_from(edges)
    clock, discovery, finish = 0, {}, {}
    for u, v, kind in nx.dfs_labeled_edges(graph, source, sort_neighbors=_sorted):
        if kind == "forward":
            clock += 1
            discovery[v] = clock
        elif kind == "reverse":
            clock += 1
            finish[v] = clock
    return graph, discovery, finish


def test_dfs_textbook_directed():
    result = run(edges="A-B,A-C,B-D,C-D,D-E,E-B", directed="true", source="A").result
    assert result["order"] == ["A", "B", "D", "E", "C"]
    assert result["discovery"] == {"A": 1, "B": 2, "D": 3, "E": 4, "C": 8}
    assert result["finish"] == {"A": 10, "B": 7, "D": 6, "E": 5, "C": 9}
    assert result["back_edges"] == [["E", "B"]]
    assert result["cross_edges"] == [["C", "D"]]
    assert result["forward_edges"] == []


def test_dfs_forward_edge():
    result = run(edges="A-B,B-C,A-C", directed="true", source="A").result
    assert result["forward_edges"] == [["A", "C"]]


def test_dfs_undirected_back_edge():
    result = run(edges="A-B,B-C,C-A,C-D", source="A").result
    assert result["back_edges"] == [["C", "A"]]
    assert result["tree_edges"] == [["A", "B"], ["B", "C"], ["C", "D"]]


def test_dfs_self_loop_back_edge():
    result = run(edges="A-A,A-B", source="A").result
    assert result["back_edges"] == [["A", "A"]]


def test_dfs_unreached():
    result = run(edges="A-B,C-D", directed="true", source="A").result
    assert result["unreached"] == ["C", "D"]


@st.composite
def graphs(draw):
    count = draw(st.integers(1, 12))
    directed = draw(st.booleans())
    pairs = [(u, v) for u in range(count) for v in range(count)
             if u != v and (directed or u < v)]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=30)) \
        if pairs else []
    return count, edges, directed, draw(st.integers(0, count - 1))


@settings(max_examples=80, deadline=None)
@given(graphs())
def test_dfs_matches_networkx(case):
    count, edges, directed, source = case
    text = ",".join(f"v{u}-v{v}" for u, v in edges)
    outcome = run(edges=text, nodes=",".join(f"v{i}" for i in range(count)),
                  directed=str(directed).lower(), source=f"v{source}")
    named = [(f"v{u}", f"v{v}") for u, v in edges]
    graph, discovery, finish = oracle(named, directed, f"v{source}", count)
    result = outcome.result
    assert result["discovery"] == discovery
    assert result["finish"] == finish
    back = bool(result["back_edges"])
    reached = graph.subgraph(discovery)
    if directed:
        assert back == (not nx.is_directed_acyclic_graph(reached))
    else:
        assert back == (reached.number_of_edges() >= reached.number_of_nodes())
    _check_replay(outcome, CONCEPT.explain(outcome, "en").steps)


def _check_replay(outcome, steps):
    """Replay pushes and pops of the steps and rebuild the times."""
    stack, discovery, finish, tree = [], {}, {}, []
    for step in steps:
        values = step.values
        if values["event"] == "discover":
            if values["parent"] is not None:
                assert stack[-1] == values["parent"]
                tree.append([values["parent"], values["node"]])
            stack.append(values["node"])
            discovery[values["node"]] = values["time"]
        else:
            assert stack.pop() == values["node"]
            finish[values["node"]] = values["time"]
        assert stack == values["stack"]
    assert stack == []
    assert discovery == outcome.result["discovery"]
    assert finish == outcome.result["finish"]
    assert tree == outcome.result["tree_edges"]


def test_dfs_explanation_numbers_match():
    outcome = run(edges="A-B,A-C,B-D,C-D,D-E,E-B", directed="true", source="A")
    for lang in ("en", "zh"):
        text = CONCEPT.explain(outcome, lang)
        assert "10" in text.summary
        assert "5" in text.summary
        assert "E→B" in text.markdown
        for name, time in outcome.result["finish"].items():
            assert f"| {name} | {outcome.result['discovery'][name]} | {time} |" \
                in text.markdown
    assert "back edge" in CONCEPT.explain(outcome, "en").summary
    assert "回边" in CONCEPT.explain(outcome, "zh").summary


@pytest.mark.parametrize("query,param", [
    ("edges=A-B&source=Q", "source"),
    ("edges=A-B,A-B&directed=true&source=A", "edges"),
])
def test_dfs_http_invalid(client, query, param):
    response = client.get(f"/graph/dfs?{query}")
    assert response.status_code == 400
    assert param in response.json["errors"]
    zh = client.get(f"/graph/dfs?{query}&lang=zh").json
    assert zh["errors"][param] != response.json["errors"][param]


def test_dfs_http_json(client):
    response = client.get("/graph/dfs?edges=A-B,B-C&source=A")
    assert response.status_code == 200
    assert response.json["result"]["finish_order"] == ["C", "B", "A"]


def test_dfs_svg_escapes_names():
    outcome = run(edges=f"{NASTY[0]}-{NASTY[1]},{NASTY[1]}-x,x-{NASTY[0]}",
                  source=NASTY[0], directed="true")
    for flags in ({}, {"frames": True}, {"animate": True}):
        outcome.facts.params.update({"frames": False, "animate": False, **flags})
        svg = CONCEPT.draw(outcome, "zh", "dark")
        assert "<script>" not in svg
        texts = svg_texts(parse_svg(svg))
        assert NASTY[0] in texts
        assert NASTY[1] in texts
    markdown = CONCEPT.explain(outcome, "en").markdown
    assert "<script>" not in markdown


def test_dfs_animation_present():
    outcome = run(edges="A-B,B-C", source="A", animate="true")
    root = parse_svg(CONCEPT.draw(outcome, "en", "light"))
    assert list(root.iter(f"{SVG_NS}animate"))


def test_dfs_deterministic(client):
    url = "/graph/dfs.svg?edges=A-B,A-C,B-D,C-D,D-E,E-B&directed=true&source=A"
    assert client.get(url).data == client.get(url).data

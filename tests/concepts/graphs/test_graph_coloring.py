"""Greedy colouring: textbook cases, exact chromatic numbers and networkx."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts.graphs.coloring import ColoringInput, compute, draw, explain
from tests.conftest import parse_svg, strict_json, svg_texts

PATH = "0-1,1-2,2-3"
CROWN = ",".join(f"u{i}-v{j}" for i in range(4) for j in range(4) if i != j)
CROWN_ORDER = ",".join(f"{side}{i}" for i in range(4) for side in "uv")


def run(**params):
    return compute(ColoringInput().load(params))


def get(client, query: str, status: int = 200):
    response = client.get("/graph/coloring?" + query)
    assert response.status_code == status, response.get_data(as_text=True)
    return strict_json(response.get_data(as_text=True))


def _is_proper(edges, colouring) -> bool:
    return all(colouring[u] != colouring[v] for u, v, *_ in edges)


def test_coloring_path_given_order(client):
    body = get(client, f"edges={PATH}&strategy=given-order&order=0,3,1,2")
    result = body["result"]
    assert result["coloring"] == {"0": 0, "3": 0, "1": 1, "2": 2}
    assert result["colors_used"] == 3
    assert result["order"] == ["0", "3", "1", "2"]
    assert result["chromatic_number"] == 2
    assert result["greedy_optimal"] is False
    assert "used 1 more than needed" in body["summary"]
    assert "colour 0: {0, 3}; colour 1: {1}; colour 2: {2}" in body["explanation"]
    assert body["steps"][2]["text"] == ("Node 3: no coloured neighbour, so it gets "
                                        "colour 0.")


def test_coloring_order_implies_given_order(client):
    body = get(client, f"edges={PATH}&order=0,3,1,2")
    assert body["result"]["strategy"] == "given-order"
    assert body["result"]["colors_used"] == 3


def test_coloring_path_largest_first(client):
    body = get(client, f"edges={PATH}")
    result = body["result"]
    assert result["strategy"] == "largest-first"
    assert result["colors_used"] == 2
    assert result["greedy_optimal"] is True
    assert "**optimal**" in body["explanation"]


def test_coloring_crown_upper_bound(client):
    body = get(client, f"edges={CROWN}&order={CROWN_ORDER}")
    result = body["result"]
    assert result["colors_used"] == 4
    assert result["chromatic_number"] == 2
    assert result["colors_by_strategy"]["given-order"] == 4
    assert "**upper bound**" in body["explanation"]
    assert "χ = **2**" in body["explanation"]
    optimal = result["optimal_coloring"]
    assert len(set(optimal.values())) == 2
    assert _is_proper([(f"u{i}", f"v{j}") for i in range(4) for j in range(4)
                       if i != j], optimal)
    zh = get(client, f"edges={CROWN}&order={CROWN_ORDER}&lang=zh")
    assert "**上界**" in zh["explanation"]
    assert "用了 4 种颜色" in zh["summary"]


def test_coloring_steps_replay():
    outcome = run(edges=CROWN, order=CROWN_ORDER)
    steps = [s.values for s in explain(outcome, "en").steps if "node" in s.values]
    colouring = {}
    adjacency = nx.Graph([(f"u{i}", f"v{j}") for i in range(4) for j in range(4)
                          if i != j])
    for step in steps:
        seen = sorted({colouring[n] for n in adjacency[step["node"]] if n in colouring})
        assert step["neighbour_colors"] == seen
        assert step["color"] == min(set(range(len(seen) + 1)) - set(seen))
        colouring[step["node"]] = step["color"]
    assert colouring == outcome.result["coloring"]


def test_coloring_text_cites_result():
    outcome = run(edges=CROWN, order=CROWN_ORDER)
    for lang, phrase in (("en", "uses 4 colours"), ("zh", "用了 4 种颜色")):
        text = explain(outcome, lang)
        assert phrase in text.summary
        assert text.steps[-1].values == {"colors_used": 4, "chromatic_number": 2}


def test_coloring_large_graph_no_exact():
    edges = ",".join(f"n{i}-n{i + 1}" for i in range(12))
    outcome = run(edges=edges)
    assert outcome.result["chromatic_number"] is None
    assert outcome.result["greedy_optimal"] is None
    assert "χ ≤ 2" in explain(outcome, "en").markdown


def test_coloring_directed_ignores_direction():
    outcome = run(edges="A-B,B-A,B-C", directed="true")
    assert outcome.result["colors_used"] == 2
    assert "ignores direction" in explain(outcome, "en").markdown


@pytest.mark.parametrize(
    ("query", "param", "english", "chinese"),
    [
        ("edges=A-A,A-B", "edges", "Edge 1 'A-A' is a self-loop",
         "第 1 条边“A-A”是自环"),
        ("edges=A-B&order=A", "order", "'order' leaves out 1 node: B",
         "“order”漏掉了 1 个节点：B"),
        ("edges=A-B&order=A,B,A", "order", "'order' lists 'A' twice",
         "“order”中“A”出现了两次"),
        ("edges=A-B&order=A,B,Z", "order", "'order' contains 'Z'",
         "“order”中的“Z”不是图中的节点"),
        ("edges=A-B&strategy=dsatur&order=A,B", "order",
         "'order' is used only with strategy=given-order", "只在 strategy=given-order"),
        ("edges=A-B&strategy=welsh", "strategy", "got 'welsh'", "收到的是“welsh”"),
    ],
)
def test_coloring_invalid_input_400(client, query, param, english, chinese):
    body = get(client, query, 400)
    assert english in body["errors"][param]
    zh = get(client, query + "&lang=zh", 400)
    assert chinese in zh["errors"][param]


def test_coloring_svg_escapes_names(client):
    response = client.post("/graph/coloring.svg", json={
        "edges": [["<script>alert(1)</script>", 'A&B "q"']]})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "<script>" not in text
    texts = svg_texts(parse_svg(text))
    assert any("<script>alert(1)</script>" in item for item in texts)
    assert any('A&B "q"' in item for item in texts)


def test_coloring_markdown_escapes_names(client):
    response = client.post("/graph/coloring", json={"edges": [["<i>", "a*b"]]})
    markdown = response.json["explanation"]
    assert "&lt;i&gt;" in markdown
    assert "a\\*b" in markdown


@pytest.mark.parametrize("extra", ["", "&frames=true", "&animate=true",
                                   "&strategy=dsatur&lang=zh"])
def test_coloring_svg_parses_and_repeats(client, extra):
    url = f"/graph/coloring.svg?edges={CROWN}{extra}&theme=dark"
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == 200
    parse_svg(first.get_data(as_text=True))
    assert first.get_data() == second.get_data()


def test_coloring_exact_search_complete_graph():
    # The complete graph on 12 nodes needs 12 colours: the search must try
    # k = 1 .. 11 and fail each time before it accepts 12.
    edges = ",".join(f"n{i}-n{j}" for i, j in itertools.combinations(range(12), 2))
    outcome = run(edges=edges, strategy="dsatur")
    assert outcome.result["chromatic_number"] == 12
    draw(outcome, "en", "light")


@st.composite
def graphs(draw_value):
    count = draw_value(st.integers(1, 12))
    pairs = list(itertools.combinations(range(count), 2))
    chosen = draw_value(st.lists(st.sampled_from(pairs), unique=True, max_size=30)
                        if pairs else st.just([]))
    return count, [(f"n{u}", f"n{v}") for u, v in chosen]


@settings(max_examples=80, deadline=None)
@given(graphs(), st.sampled_from(["largest-first", "dsatur", "given-order"]))
def test_coloring_matches_networkx(spec, strategy):
    count, edges = spec
    names = [f"n{i}" for i in range(count)]
    outcome = run(edges=[list(edge) for edge in edges], nodes=names,
                  strategy=strategy)
    result = outcome.result
    graph = nx.Graph()
    graph.add_nodes_from(outcome.inputs["nodes"])
    graph.add_edges_from(edges)
    assert _is_proper(edges, result["coloring"])
    assert _is_proper(edges, result["optimal_coloring"])
    nx_strategy = {"largest-first": "largest_first", "dsatur": "DSATUR",
                   "given-order": lambda g, colors: list(g)}[strategy]
    oracle = nx.greedy_color(graph, strategy=nx_strategy)
    assert result["coloring"] == oracle
    chi = result["chromatic_number"]
    assert len(set(result["optimal_coloring"].values())) == chi
    assert chi <= result["colors_used"]
    if count and edges:
        assert chi >= 2
    for k in range(1, chi):
        assert not _has_colouring(graph, k)


def _has_colouring(graph: nx.Graph, k: int) -> bool:
    """Decide k-colourability by brute force over all assignments (small graphs)."""
    nodes = list(graph.nodes)
    if k ** len(nodes) > 300_000:
        return _has_colouring_slow(graph, nodes, k, {})
    for colours in itertools.product(range(k), repeat=len(nodes)):
        assignment = dict(zip(nodes, colours))
        if all(assignment[u] != assignment[v] for u, v in graph.edges):
            return True
    return False


def _has_colouring_slow(graph, nodes, k, assignment) -> bool:
    if len(assignment) == len(nodes):
        return True
    node = nodes[len(assignment)]
    for colour in range(k):
        if all(assignment.get(other) != colour for other in graph[node]):
            assignment[node] = colour
            if _has_colouring_slow(graph, nodes, k, assignment):
                return True
            del assignment[node]
    return False

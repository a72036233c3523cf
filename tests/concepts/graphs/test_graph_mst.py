"""Minimum spanning tree and forest: textbook cases, replays and networkx."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts.graphs.mst import MstInput, compute, draw, explain
from concepts.text import fmt
from tests.conftest import parse_svg, strict_json, svg_texts

FOREST = "A-B:1,B-C:2,A-C:3,D-E:4"
EXAMPLE = "A-B:4,A-C:1,B-C:2,B-D:5,C-D:8,D-E:3"


def run(**params):
    return compute(MstInput().load(params))


def get(client, query: str, status: int = 200):
    response = client.get("/graph/mst?" + query)
    assert response.status_code == status, response.get_data(as_text=True)
    return strict_json(response.get_data(as_text=True))


def _canonical(edges) -> set:
    return {(min(u, v), max(u, v)) for u, v, *_ in edges}


@pytest.mark.parametrize("algorithm", ["kruskal", "prim"])
def test_mst_forest_case(client, algorithm):
    body = get(client, f"edges={FOREST}&algorithm={algorithm}")
    result = body["result"]
    assert _canonical(result["edges"]) == {("A", "B"), ("B", "C"), ("D", "E")}
    assert result["total_weight"] == 7
    assert result["component_count"] == 2
    assert result["components"] == [["A", "B", "C"], ["D", "E"]]
    assert result["spanning_tree"] is False
    assert "minimum spanning forest" in body["summary"]
    assert "**The graph is not connected.**" in body["explanation"]


def test_mst_forest_chinese(client):
    body = get(client, f"edges={FOREST}&lang=zh")
    assert "最小生成森林" in body["summary"]
    assert "总权重 7" in body["summary"]
    assert "**这个图不连通。**" in body["explanation"]


def test_mst_kruskal_sets_after_each_step():
    outcome = run(edges=FOREST, algorithm="kruskal")
    steps = [step.values for step in explain(outcome, "en").steps
             if "edge" in step.values]
    assert [step["accepted"] for step in steps] == [True, True, False, True]
    assert steps[0]["sets"] == [["A", "B"]]
    assert steps[2]["sets"] == [["A", "B", "C"]]
    assert steps[3]["sets"] == [["A", "B", "C"], ["D", "E"]]


def test_mst_kruskal_replay_rebuilds_tree():
    outcome = run(edges=EXAMPLE, algorithm="kruskal")
    steps = [step.values for step in explain(outcome, "en").steps
             if "edge" in step.values]
    taken = [step["edge"] for step in steps if step["accepted"]]
    assert taken == outcome.result["edges"]
    weights = [edge[2] for edge in (step["edge"] for step in steps)]
    assert weights == sorted(weights)
    graph = nx.Graph()
    graph.add_nodes_from("ABCDE")
    for u, v, _ in taken:
        assert not nx.has_path(graph, u, v)
        graph.add_edge(u, v)
    assert nx.is_tree(graph)


def test_mst_prim_replay_grows_one_tree():
    outcome = run(edges=EXAMPLE, algorithm="prim", start="D")
    steps = [step.values for step in explain(outcome, "en").steps
             if "edge" in step.values or "start" in step.values]
    assert steps[0]["start"] == "D"
    tree = {"D"}
    for step in steps[1:]:
        u, v, _ = step["edge"]
        assert (u in tree) != (v in tree)
        tree |= {u, v}
        assert set(step["tree"]) == tree
    assert outcome.result["total_weight"] == 11


def test_mst_text_numbers_match_result():
    outcome = run(edges=EXAMPLE)
    for lang in ("en", "zh"):
        text = explain(outcome, lang)
        total = fmt(outcome.result["total_weight"])
        assert total in text.summary
        assert f"**{total}**" in text.markdown
        assert text.steps[-1].values["total_weight"] == outcome.result["total_weight"]
        assert text.steps[-1].text.endswith(f"= {total}." if lang == "en"
                                             else f"= {total}。")


def test_mst_self_loop_skipped():
    outcome = run(edges="A-A:0,A-B:2")
    assert outcome.result["edges"] == [["A", "B", 2]]
    assert "self-loop A–A (0)" in explain(outcome, "en").steps[0].text


def test_mst_negative_and_float_weights():
    outcome = run(edges="A-B:-2.5,B-C:0.25,A-C:1", algorithm="prim")
    assert outcome.result["total_weight"] == pytest.approx(-2.25)


@pytest.mark.parametrize(
    ("query", "param", "english", "chinese"),
    [
        ("edges=A-B:1&directed=true", "directed", "defined for undirected graphs",
         "只对无向图有定义"),
        ("edges=A-B:1&algorithm=prim&start=Z", "start", "'start' is 'Z'",
         "“start”是“Z”"),
        ("edges=A-B:1&start=A", "start", "'start' is used only with algorithm=prim",
         "“start”只在 algorithm=prim 时使用"),
        ("edges=A-B:x", "edges", "the weight 'x' is not a number", "权重“x”不是数字"),
        ("edges=A-B:1,B-A:2", "edges", "Edge 2 'B-A' repeats edge 1", "第 2 条边“B-A”"),
        ("edges=A-B&algorithm=boruvka", "algorithm", "got 'boruvka'",
         "收到的是“boruvka”"),
    ],
)
def test_mst_invalid_input_400(client, query, param, english, chinese):
    body = get(client, query, 400)
    assert english in body["errors"][param]
    zh = get(client, query + "&lang=zh", 400)
    assert chinese in zh["errors"][param]


def test_mst_too_many_edges_413(client):
    edges = ",".join(f"n{i}-n{i + 1}" for i in range(2001))
    body = get(client, f"edges={edges}", 413)
    assert "2001 edges" in body["errors"]["edges"]


def test_mst_svg_escapes_names(client):
    response = client.post("/graph/mst.svg", json={
        "edges": [["<script>alert(1)</script>", 'A&B "q"', 2], ['A&B "q"', "C", 1]]})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "<script>" not in text
    texts = svg_texts(parse_svg(text))
    assert any("<script>alert(1)</script>" in item for item in texts)
    assert any('A&B "q"' in item for item in texts)


def test_mst_markdown_escapes_names(client):
    response = client.post("/graph/mst", json={"edges": [["<b>x</b>", "y*", 2]]})
    markdown = response.json["explanation"]
    assert "&lt;b&gt;x&lt;/b&gt;" in markdown
    assert "y\\*" in markdown


@pytest.mark.parametrize("extra", ["", "&frames=true", "&animate=true"])
def test_mst_svg_parses_and_repeats(client, extra):
    url = f"/graph/mst.svg?edges={EXAMPLE}{extra}&theme=dark"
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == 200
    parse_svg(first.get_data(as_text=True))
    assert first.get_data() == second.get_data()


def test_mst_largest_graph_answers():
    edges = ",".join(f"n{i}-n{(i + j) % 200}:{(i * j * 37) % 97}"
                     for i in range(200) for j in range(1, 11))
    oracle = nx.Graph()
    for item in edges.split(","):
        pair, weight = item.split(":")
        u, v = pair.split("-")
        if u != v and not oracle.has_edge(u, v):
            oracle.add_edge(u, v, weight=int(weight))
    expected = nx.minimum_spanning_tree(oracle).size(weight="weight")
    for algorithm in ("kruskal", "prim"):
        outcome = run(edges=edges, algorithm=algorithm)
        assert outcome.result["total_weight"] == expected
        assert explain(outcome, "en").summary
        parse_svg(draw(outcome, "en", "light"))


@st.composite
def weighted_graphs(draw_value):
    count = draw_value(st.integers(1, 9))
    pairs = [(i, j) for i in range(count) for j in range(i, count)]
    chosen = draw_value(st.lists(st.sampled_from(pairs), unique=True, max_size=18)
                        if pairs else st.just([]))
    weights = draw_value(st.lists(st.integers(-5, 20), min_size=len(chosen),
                                  max_size=len(chosen)))
    return count, [(f"v{u}", f"v{v}", w) for (u, v), w in zip(chosen, weights)]


@settings(max_examples=80, deadline=None)
@given(weighted_graphs(), st.sampled_from(["kruskal", "prim"]))
def test_mst_matches_networkx(graph_spec, algorithm):
    count, edges = graph_spec
    names = [f"v{i}" for i in range(count)]
    outcome = run(edges=[list(edge) for edge in edges], nodes=names,
                  algorithm=algorithm)
    graph = nx.Graph()
    graph.add_nodes_from(names)
    graph.add_weighted_edges_from(edges)
    oracle = nx.minimum_spanning_tree(graph)
    result = outcome.result
    assert math.isclose(result["total_weight"], oracle.size(weight="weight"))
    assert result["edge_count"] == oracle.number_of_edges()
    assert result["component_count"] == nx.number_connected_components(graph)
    assert ({frozenset(c) for c in result["components"]}
            == {frozenset(c) for c in nx.connected_components(graph)})
    forest = nx.Graph()
    forest.add_nodes_from(names)
    forest.add_edges_from((u, v) for u, v, _ in result["edges"])
    assert nx.is_forest(forest)


def test_mst_decimal_total_exact(client):
    body = get(client, "edges=A-B:0.1,B-C:0.2,C-D:0.4")
    assert body["result"]["total_weight"] == 0.7

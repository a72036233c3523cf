"""Breadth-first search against networkx, over HTTP and directly."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts.graphs import bfs
from concepts.graphs.graph_input import natural_key
from tests.conftest import SVG_NS, parse_svg, strict_json, svg_texts

CONCEPT = bfs.CONCEPT
NASTY = ["<script>alert(1)</script>", 'A&B "q"']


def run(**query):
    params = CONCEPT.schema().load({key: str(value) for key, value in query.items()})
    return CONCEPT.compute(params)


def oracle(edges, directed, source):
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_node(source)
    graph.add_edges_from(edges)
    order = [source] + [v for _, v in nx.bfs_edges(
        graph, source, sort_neighbors=lambda nodes: sorted(nodes, key=natural_key))]
    levels = nx.single_source_shortest_path_length(graph, source)
    return order, levels


def test_bfs_textbook():
    result = run(edges="A-B,A-C,B-D,C-D,C-E,D-F,E-F", source="A").result
    assert result["order"] == ["A", "B", "C", "D", "E", "F"]
    assert result["levels"] == {"A": 0, "B": 1, "C": 1, "D": 2, "E": 2, "F": 3}
    assert result["tree_edges"] == [["A", "B"], ["A", "C"], ["B", "D"], ["C", "E"],
                                    ["D", "F"]]
    assert result["depth"] == 3
    assert result["unreached"] == []


def test_bfs_neighbours_sorted_numerically():
    result = run(edges="0-10,0-2,0-1,2-3", source="0").result
    assert result["order"] == ["0", "1", "2", "10", "3"]


def test_bfs_directed_unreached():
    result = run(edges="A-B,C-A,C-D", directed="true", source="A").result
    assert result["order"] == ["A", "B"]
    assert result["unreached"] == ["C", "D"]


def test_bfs_isolated_source():
    result = run(edges="A-B", nodes="Z", source="Z").result
    assert result["order"] == ["Z"]
    assert result["depth"] == 0


@st.composite
def graphs(draw):
    count = draw(st.integers(1, 12))
    directed = draw(st.booleans())
    pairs = [(u, v) for u in range(count) for v in range(count)
             if u != v and (directed or u < v)]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=30)) \
        if pairs else []
    source = draw(st.integers(0, count - 1))
    return count, edges, directed, source


def _query(count, edges, directed):
    text = ",".join(f"v{u}-v{v}" for u, v in edges)
    return {"edges": text, "nodes": ",".join(f"v{i}" for i in range(count)),
            "directed": str(directed).lower()}


@settings(max_examples=80, deadline=None)
@given(graphs())
def test_bfs_matches_networkx(case):
    count, edges, directed, source = case
    outcome = run(**_query(count, edges, directed), source=f"v{source}")
    named = [(f"v{u}", f"v{v}") for u, v in edges]
    order, levels = oracle(named, directed, f"v{source}")
    assert outcome.result["order"] == order
    assert outcome.result["levels"] == levels
    assert sorted(outcome.result["unreached"]) == sorted(
        f"v{i}" for i in range(count) if f"v{i}" not in levels)
    _check_replay(outcome, CONCEPT.explain(outcome, "en").steps, f"v{source}")


def _check_replay(outcome, steps, source):
    """Replay the queue operations of the steps and rebuild the result."""
    queue = list(steps[0].values["queue"])
    assert queue == [source]
    order, tree, levels = [], [], {source: 0}
    for step in steps[1:]:
        node = queue.pop(0)
        assert node == step.values["node"]
        order.append(node)
        for name in step.values["discovered"]:
            tree.append([node, name])
            levels[name] = levels[node] + 1
            queue.append(name)
        assert queue == step.values["queue"]
    assert queue == []
    assert order == outcome.result["order"]
    assert tree == outcome.result["tree_edges"]
    assert levels == outcome.result["levels"]


def test_bfs_explanation_numbers_match():
    outcome = run(edges="A-B,A-C,B-D,C-D,C-E,D-F,E-F,X-Y", source="A")
    result = outcome.result
    for lang in ("en", "zh"):
        text = CONCEPT.explain(outcome, lang)
        assert str(result["reached"]) in text.summary
        assert str(result["depth"]) in text.summary
        assert "8" in text.summary
        assert len(text.steps) == result["reached"] + 1
    english = CONCEPT.explain(outcome, "en")
    assert "- level 2: D, E" in english.markdown
    assert "Not reached: X, Y" in english.markdown
    assert "2 nodes cannot be reached" in english.summary
    chinese = CONCEPT.explain(outcome, "zh")
    assert "- 第 2 层：D、E" in chinese.markdown
    assert "未到达的节点：X、Y" in chinese.markdown
    assert "广度优先搜索" in chinese.markdown


def test_bfs_http_json(client):
    response = client.get("/graph/bfs?edges=A-B,B-C&source=A")
    assert response.status_code == 200
    body = strict_json(response.get_data(as_text=True))
    assert body["result"]["order"] == ["A", "B", "C"]
    assert body["steps"][1]["values"]["queue"] == ["B"]


def test_bfs_http_post(client):
    response = client.post("/graph/bfs", json={
        "edges": [["a-1", "b", 2], ["b", "c"]], "source": "a-1"})
    assert response.status_code == 200
    assert response.json["result"]["order"] == ["a-1", "b", "c"]
    assert "edges=%5B%5B" in response.json["links"]["svg"]


@pytest.mark.parametrize("query,param,english,chinese", [
    ("edges=A-B&source=Z", "source", "'Z'", "“Z”"),
    ("edges=A-B,B-A&source=A", "edges", "repeats edge 1", "重复"),
    ("edges=A-B:heavy&source=A", "edges", "'heavy' is not a number", "不是数字"),
    ("edges=A-B", "source", "required", "必填"),
])
def test_bfs_http_invalid(client, query, param, english, chinese):
    response = client.get(f"/graph/bfs?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert english in response.json["errors"][param]
    chinese_body = client.get(f"/graph/bfs?{query}&lang=zh").json
    assert chinese in chinese_body["errors"][param]


def test_bfs_http_too_large(client):
    edges = ",".join(f"a{i}-b{i}" for i in range(150))
    response = client.get(f"/graph/bfs?edges={edges}&source=a0")
    assert response.status_code == 413
    assert "300 nodes" in response.json["errors"]["nodes"]


def test_bfs_svg_escapes_names():
    outcome = run(edges=f"{NASTY[0]}-{NASTY[1]}:2", source=NASTY[0])
    for lang in ("en", "zh"):
        for flag in ({}, {"frames": True}, {"animate": True}):
            outcome.facts.params.update({"frames": False, "animate": False, **flag})
            svg = CONCEPT.draw(outcome, lang, "light")
            assert "<script>" not in svg
            texts = svg_texts(parse_svg(svg))
            assert NASTY[0] in texts
            assert NASTY[1] in texts


def test_bfs_markdown_escapes_names():
    outcome = run(edges=f"{NASTY[0]}-{NASTY[1]}", source=NASTY[0])
    markdown = CONCEPT.explain(outcome, "en").markdown
    assert "<script>" not in markdown
    assert "&lt;script&gt;" in markdown


def test_bfs_animation_plays_steps():
    outcome = run(edges="A-B,A-C,B-D", source="A", animate="true")
    root = parse_svg(CONCEPT.draw(outcome, "en", "light"))
    assert len(list(root.iter(f"{SVG_NS}animate"))) > 4


def test_bfs_deterministic(client):
    url = "/graph/bfs.svg?edges=A-B,A-C,B-D,C-D,C-E,D-F,E-F&source=A&frames=true"
    assert client.get(url).data == client.get(url).data


def test_bfs_default_example_answers(client):
    query = "&".join(f"{k}={v}" for k, v in CONCEPT.example.items())
    response = client.get(f"/graph/bfs?{query}")
    assert response.status_code == 200


def test_bfs_summary_singular_counts():
    outcome = run(edges="A-B", nodes="C", source="A")
    summary = CONCEPT.explain(outcome, "en").summary
    assert "1 edge from the source" in summary
    assert "1 node cannot be reached" in summary

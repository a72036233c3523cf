"""The shared graph input parser and the node-link drawing."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from concepts import InputError
from concepts.draw.graphs import (EdgeMark, Frame, NodeMark, plan_graph,
                                  render_animation, render_frames, render_graph)
from concepts.graphs.graph_input import (MAX_EDGES, MAX_NODES, Edges, GraphInput,
                                         NodeName, RawEdge, build_graph, natural_key,
                                         require_node)
from tests.conftest import SVG_NS, parse_svg, svg_texts


class _Input(GraphInput):
    source = NodeName(description="start", example="A")


def load(**query):
    return _Input().load(query)


def test_edges_text_weights_and_default():
    edges = load(edges="A-B:4,B-C, C-A:-2.5")["edges"]
    assert edges == [RawEdge("A", "B", 4, True), RawEdge("B", "C", 1, False),
                     RawEdge("C", "A", -2.5, True)]
    assert isinstance(edges[0].weight, int)


def test_edges_json_array_and_numbers():
    edges = load(edges=[["A", "B", 4], [0, 1], ["x-1", "y:2", 0.5]])["edges"]
    assert edges == [RawEdge("A", "B", 4, True), RawEdge("0", "1", 1, False),
                     RawEdge("x-1", "y:2", 0.5, True)]


def test_edges_json_text_in_query():
    edges = load(edges='[["a-1","b",2]]')["edges"]
    assert edges == [RawEdge("a-1", "b", 2, True)]


def test_edges_empty_allowed_with_nodes():
    graph = build_graph(load(edges="", nodes="A,B"))
    assert graph.nodes == ["A", "B"]
    assert graph.edges == []


@pytest.mark.parametrize("value,english,chinese", [
    ("A-B-C", "not in the form A-B", "不是 A-B"),
    ("A-B:x", "weight 'x' is not a number", "不是数字"),
    ("A-B:1:2", "weight '1:2' is not a number", "不是数字"),
    ("A-:2", "node name is empty", "节点名为空"),
    ("A-" + "n" * 41, "has 41 characters", "41 个字符"),
    ("A-B:1e10", "outside", "范围"),
    ("[[1,2", "not valid JSON", "不是有效的 JSON"),
    ('[["A"]]', "must be an array [u, v]", "必须是"),
    ('[["A","B",true]]', "is not a number", "不是数字"),
    ('[["A",null]]', "must be a string or a whole number", "必须是字符串"),
    ('[["A","B\\u0007"]]', "control character", "控制字符"),
    ('[["A","B\\ud800"]]', "control character", "控制字符"),
    ('[["A","B\\ufffe"]]', "not a character", "不是字符"),
    ('[["A","B\\u0085C"]]', "control character", "控制字符"),
])
def test_edges_invalid_named(value, english, chinese):
    with pytest.raises(ValidationError) as error:
        load(edges=value)
    message = error.value.messages["edges"][0]
    assert english in message
    assert chinese in message.zh
    assert message.status == 400


def test_edges_invalid_names_edge_number():
    with pytest.raises(ValidationError) as error:
        load(edges="A-B,B-C,C-D:oops")
    message = error.value.messages["edges"][0]
    assert "Edge 3 'C-D:oops'" in message
    assert "第 3 条边" in message.zh


def test_edges_over_limit_413():
    text = ",".join(f"a{i}-b{i}" for i in range(MAX_EDGES + 1))
    with pytest.raises(ValidationError) as error:
        load(edges=text)
    message = error.value.messages["edges"][0]
    assert message.status == 413
    assert str(MAX_EDGES + 1) in message


def test_edges_at_limit_accepted():
    text = ",".join(f"n{i % 150}-m{i // 150}" for i in range(MAX_EDGES))
    graph = build_graph(load(edges=text))
    assert len(graph.edges) == MAX_EDGES
    assert len(graph.nodes) == 150 + 14


def test_nodes_over_limit_413():
    text = ",".join(f"a{i}-b{i}" for i in range(MAX_NODES // 2 + 1))
    with pytest.raises(InputError) as error:
        build_graph(load(edges=text))
    message = error.value.errors["nodes"]
    assert message.status == 413
    assert f"{MAX_NODES + 2} nodes" in message


def test_nodes_list_over_limit_413():
    with pytest.raises(ValidationError) as error:
        load(edges="", nodes=",".join(f"n{i}" for i in range(MAX_NODES + 1)))
    assert error.value.messages["nodes"][0].status == 413


def test_duplicate_undirected_reversed():
    with pytest.raises(InputError) as error:
        build_graph(load(edges="A-B,B-C,B-A"))
    message = error.value.errors["edges"]
    assert "Edge 3 'B-A' repeats edge 1" in message
    assert "undirected" in message
    assert "第 3 条边“B-A”与第 1 条边重复" in message.zh


def test_duplicate_directed_same_arc():
    graph = build_graph(load(edges="A-B,B-A", directed="true"))
    assert len(graph.edges) == 2
    with pytest.raises(InputError) as error:
        build_graph(load(edges="A-B,A-B:3", directed="true"))
    assert "Edge 2 'A-B' repeats edge 1" in error.value.errors["edges"]


def test_self_loop_rules():
    graph = build_graph(load(edges="A-A,A-B"))
    assert [edge.source for edge in graph.self_loops()] == ["A"]
    assert graph.neighbours("A") == [("A", 1), ("B", 1)]
    with pytest.raises(InputError) as error:
        build_graph(load(edges="A-A,A-B"), allow_self_loops=False)
    assert "self-loop" in error.value.errors["edges"]
    assert "自环" in error.value.errors["edges"].zh


def test_negative_rule():
    with pytest.raises(InputError) as error:
        build_graph(load(edges="A-B:-1"), allow_negative=False)
    assert "negative weight -1" in error.value.errors["edges"]


def test_no_nodes_rejected():
    with pytest.raises(InputError) as error:
        build_graph(load(edges=""))
    assert "no nodes" in error.value.errors["edges"]


def test_require_node_unknown():
    params = load(edges="A-B,B-C", source="Z")
    graph = build_graph(params)
    with pytest.raises(InputError) as error:
        require_node(graph, params, "source")
    message = error.value.errors["source"]
    assert "'Z'" in message
    assert "A, B, C" in message
    assert "“Z”" in message.zh
    assert require_node(graph, load(edges="A-B", source="B"), "source") == "B"


def test_graph_order_and_sorted_neighbours():
    graph = build_graph(load(edges="c-10,c-2,c-b,a-c", nodes="z,a"))
    assert graph.nodes == ["c", "10", "2", "b", "a", "z"]
    assert [name for name, _ in graph.neighbours("c")] == ["2", "10", "a", "b"]


def test_graph_directed_predecessors():
    graph = build_graph(load(edges="A-B:2,C-B:3", directed="true"))
    assert graph.neighbours("A") == [("B", 2)]
    assert graph.neighbours("B") == []
    assert graph.predecessors("B") == [("A", 2), ("C", 3)]


def test_natural_key_orders_numbers():
    names = ["n10", "n2", "b", "10", "2", "a", "n1"]
    assert sorted(names, key=natural_key) == ["2", "10", "a", "b", "n1", "n2", "n10"]


_NAME = st.text(st.characters(min_codepoint=32, max_codepoint=0x4e2f,
                              blacklist_categories=("Cc", "Cs")),
                min_size=1, max_size=12).map(str.strip).filter(bool)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_NAME, _NAME, st.one_of(st.none(), st.integers(-50, 50),
                                                   st.floats(-5, 5).map(
                                                       lambda x: round(x, 3)))),
                max_size=8))
def test_edges_to_query_round_trip(rows):
    field = Edges(description="edges")
    edges = [RawEdge(u, v, 1 if w is None else w, w is not None) for u, v, w in rows]
    text = field.to_query(edges)
    loaded = _Input().load({"edges": text})["edges"]
    assert [(e.source, e.target, e.weight) for e in loaded] == \
        [(e.source, e.target, e.weight) for e in edges]


def test_edges_to_query_compact_when_possible():
    field = Edges(description="edges")
    assert field.to_query([RawEdge("A", "B", 4, True), RawEdge("B", "C", 1, False)]) \
        == "A-B:4,B-C"
    assert json.loads(field.to_query([RawEdge("a-1", "b", 2, True)])) == \
        [["a-1", "b", 2]]


# Drawing ------------------------------------------------------------------

_NASTY = ["<script>alert(1)</script>", 'A&B "q"', "北京", "x"]


def _plan(edges, directed=False, kind="auto"):
    nodes = list(dict.fromkeys(name for u, v, _ in edges for name in (u, v)))
    return plan_graph(nodes, edges, directed, kind=kind)


@pytest.mark.parametrize("kind", ["circle", "layered", "force"])
def test_drawing_kinds_parse_and_escape(kind):
    edges = [(_NASTY[0], _NASTY[1], "4"), (_NASTY[1], _NASTY[2], "1"),
             (_NASTY[2], _NASTY[3], None)]
    plan = _plan(edges, directed=True, kind=kind)
    svg = render_graph(plan, title="t", desc="d", theme="dark",
                       nodes={_NASTY[0]: NodeMark(colour=0, badge="1", note="a<b")},
                       edges={(_NASTY[0], _NASTY[1]): EdgeMark(colour=2)})
    assert "<script>" not in svg
    texts = svg_texts(parse_svg(svg))
    for name in _NASTY:
        assert name in texts
    assert "a<b" in texts


def test_drawing_auto_kinds():
    assert _plan([("a", "b", None), ("b", "c", None)]).kind == "layered"
    assert _plan([("a", "b", None), ("b", "c", None), ("c", "a", None)]).kind \
        == "circle"
    ring = [(f"n{i}", f"n{(i + 1) % 20}", None) for i in range(20)]
    assert _plan(ring).kind == "force"


def test_drawing_deterministic():
    ring = [(f"n{i}", f"n{(i * 7 + 3) % 30}", None) for i in range(30)]
    first = render_graph(_plan(ring), title="t", desc="d", theme="light")
    second = render_graph(_plan(ring), title="t", desc="d", theme="light")
    assert first == second


def test_drawing_self_loop_and_antiparallel():
    plan = _plan([("a", "a", "2"), ("a", "b", "1"), ("b", "a", "3")], directed=True)
    assert plan.shapes[0].loop is not None
    assert plan.shapes[1].control is not None
    assert plan.shapes[2].control is not None
    parse_svg(render_graph(plan, title="t", desc="d", theme="light"))


def test_drawing_edge_key_undirected():
    plan = _plan([("a", "b", None)])
    assert plan.edge_key("b", "a") == 0
    directed = _plan([("a", "b", None)], directed=True)
    assert directed.edge_key("b", "a") is None


def test_drawing_frames_and_animation():
    plan = _plan([("a", "b", None), ("b", "c", None), ("c", "a", None)])
    frames = [Frame({"a": NodeMark(colour=0)}, {}, "step 1"),
              Frame({"a": NodeMark(colour=2), "b": NodeMark(colour=0)},
                    {("a", "b"): EdgeMark(colour=0)}, "step 2 <b>")]
    strip = parse_svg(render_frames(plan, frames, title="t", desc="d", theme="light"))
    assert "step 2 <b>" in svg_texts(strip)
    animated = render_animation(plan, frames, title="t", desc="d", theme="auto")
    root = parse_svg(animated)
    animations = list(root.iter(f"{SVG_NS}animate"))
    assert animations
    for animation in animations:
        assert animation.get("repeatCount") == "indefinite"
        assert animation.get("calcMode") == "discrete"
        times = [float(t) for t in animation.get("keyTimes").split(";")]
        assert times[0] == 0
        assert times == sorted(times)
        assert len(times) == len(animation.get("values").split(";"))
    assert "<script" not in animated


def test_drawing_size_modest():
    ring = [(f"n{i}", f"n{(i * 7 + 3) % 200}", "3") for i in range(200)]
    svg = render_graph(_plan(ring), title="t", desc="d", theme="light")
    assert len(svg) < 150_000
    ET.fromstring(svg)


def test_edges_to_query_bracket_name():
    field = Edges(description="edges")
    edges = [RawEdge("[a", "b", 1, False)]
    assert _Input().load({"edges": field.to_query(edges)})["edges"] == edges


@pytest.mark.parametrize("url", [
    "/graph/bfs?source=A&edges=" + "[" * 1000,
    "/graph/bfs?source=A&edges=A-B&nodes=" + "[" * 1000,
    "/graph/matching?edges=A-B&left=" + "[" * 1000,
])
def test_deeply_nested_query_json_is_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "nests deeper" in response.json["detail"]


def test_wide_star_not_drawn_as_strip(client):
    edges = ",".join(f"hub-leafnode{i}" for i in range(50))
    svg = client.get(f"/graph/bfs.svg?edges={edges}&source=hub").get_data(as_text=True)
    root = parse_svg(svg)
    assert float(root.get("width")) < 1200
    assert float(root.get("height")) > 300

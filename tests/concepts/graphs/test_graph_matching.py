"""Bipartite matching: augmenting paths and the assignment against networkx
and scipy, and the endpoint."""

from __future__ import annotations

import random
from fractions import Fraction

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from concepts.graphs import matching
from concepts.graphs.bipartite import (Sides, adjacency, maximum_matching,
                                      minimum_cost_assignment, two_colour)
from concepts.graphs.graph_input import exact
from tests.conftest import SVG_NS, parse_svg, strict_json, svg_texts

CONCEPT = matching.CONCEPT
NASTY = ["<script>alert(1)</script>", 'A&B "q"']


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


def test_assignment_below_float_resolution():
    # In floats 0.1 + 0.2 exceeds 0.3 + 1e-300, but exactly it is cheaper.
    weighted = [("a", "x", exact(0.1)), ("b", "y", exact(0.2)),
                ("a", "y", exact(0.3)), ("b", "x", exact(1e-300))]
    sides = Sides(["a", "b"], ["x", "y"], False)
    run = minimum_cost_assignment(weighted, sides)
    assert sorted(run.pairs) == [("a", "x"), ("b", "y")]
    assert run.cost == Fraction(3, 10)


def test_assignment_huge_exponents_exact():
    # Weights from 1e-300 to 1e9: Dijkstra on Fractions took 1.3 s here, on
    # scaled integers 0.1 s (2-CPU x86_64). Speed is a bench matter; this
    # checks the integer path gives the exact minimum.
    rng = random.Random(7)
    pairs = {(f"L{rng.randrange(100)}", f"R{rng.randrange(100)}") for _ in range(2600)}
    weighted = [(left, right, exact(rng.random() * 10 ** rng.randint(-300, 9)))
                for left, right in sorted(pairs)[:2000]]
    sides = Sides(sorted({edge[0] for edge in weighted}),
                  sorted({edge[1] for edge in weighted}), False)
    run = minimum_cost_assignment(weighted, sides)
    size, cost = _assignment_oracle([(u, v, float(w)) for u, v, w in weighted], sides)
    assert len(run.pairs) == size
    assert float(run.cost) == pytest.approx(cost, rel=1e-9)
    weight = {(left, right): value for left, right, value in weighted}
    assert run.cost == sum(weight[pair] for pair in run.pairs)


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


def run(**query):
    params = CONCEPT.schema().load({key: str(value) for key, value in query.items()})
    return CONCEPT.compute(params)


def test_matching_endpoint_left_right():
    result = run(edges="L1-R1,L3-R1,L2-R2", left="L1,L2,L3").result
    assert result["size"] == 2
    assert ["L2", "R2"] in result["matching"]
    assert result["right"] == ["R1", "R2"]
    assert result["sides_detected"] is False
    assert len(result["vertex_cover"]) == 2


def test_matching_endpoint_detects_sides():
    result = run(edges="L1-R1,L3-R1,L2-R2").result
    assert result["left"] == ["L1", "L2", "L3"]
    assert result["sides_detected"] is True


def test_matching_endpoint_path_maximal():
    outcome = run(edges="b-c,a-b,c-d")
    result = outcome.result
    assert result["greedy"] == [["c", "b"]]
    assert result["augmenting_paths"] == [["a", "b", "c", "d"]]
    assert sorted(result["matching"]) == [["a", "b"], ["c", "d"]]
    assert result["maximal_not_maximum"] is True
    english = CONCEPT.explain(outcome, "en")
    assert "so this matching is *maximal*" in english.markdown
    assert "It is not *maximum*" in english.markdown
    assert "adds a–b, c–d and removes c–b" in english.steps[2].text
    chinese = CONCEPT.explain(outcome, "zh")
    assert "极大" in chinese.markdown
    assert "加入 a–b、c–d，移除 c–b" in chinese.steps[2].text


def test_matching_endpoint_path_in_order():
    outcome = run(edges="a-b,b-c,c-d")
    assert outcome.result["maximal_not_maximum"] is False
    markdown = CONCEPT.explain(outcome, "en").markdown
    assert "greedy was already maximum here" in markdown
    assert "taking b–c first" in markdown


def test_matching_endpoint_isolated_nodes():
    # Each isolated node is a component of its own, so detection puts it left.
    detected = run(edges="a-x", nodes="b,y").result
    assert detected["size"] == 1
    assert detected["unmatched"] == {"left": ["b", "y"], "right": []}
    given = run(edges="a-x", nodes="b,y", left="a,b").result
    assert given["unmatched"] == {"left": ["b"], "right": ["y"]}


def test_matching_endpoint_directed_false():
    assert run(edges="a-b", directed="false").result["size"] == 1


def test_matching_endpoint_no_edges():
    outcome = run(edges="", nodes="a,b")
    assert outcome.result["size"] == 0
    assert outcome.result["vertex_cover"] == []
    assert "no edges, so nothing can be matched" in CONCEPT.explain(
        outcome, "en").markdown
    assert "没有边" in CONCEPT.explain(outcome, "zh").markdown


def test_matching_endpoint_reversed_edges():
    result = run(edges="R1-L1:3,L2-R1:1,R2-L2:5", left="L1,L2").result
    assert result["matching"] == [["L1", "R1"], ["L2", "R2"]]
    assert result["assignment"]["pairs"] == [["L1", "R1", 3], ["L2", "R2", 5]]
    assert result["assignment"]["cost"] == 8


def test_matching_endpoint_assignment():
    result = run(edges="a-x:1,a-y:10,b-x:2").result
    assert result["assignment"]["cost"] == 12
    assert sorted(result["assignment"]["pairs"]) == [["a", "y", 10], ["b", "x", 2]]
    assert [r["cost"] for r in result["assignment"]["rounds"]] == [1, 11]
    assert result["matching_cost"] == 12


def test_matching_endpoint_unweighted_no_assignment():
    result = run(edges="a-x,a-y,b-x").result
    assert "assignment" not in result


def test_matching_endpoint_decimal_weights():
    result = run(edges="a-x:0.1,b-y:0.2").result
    assert result["assignment"]["cost"] == 0.3


def test_matching_explanation_numbers_match():
    outcome = run(edges="a-x:4,a-y:1,b-x:2,b-y:5,c-y:3")
    result = outcome.result
    for lang in ("en", "zh"):
        text = CONCEPT.explain(outcome, lang)
        assert f"**{result['size']}**" in text.markdown
        assert f"**{result['assignment']['cost']}**" in text.markdown
        assert str(result["assignment"]["cost"]) in text.summary
        assert str(result["matching_cost"]) in text.markdown
        rounds = [step for step in text.steps if "cost" in step.values
                  and "path" in step.values]
        assert [step.values["total"] for step in rounds] == [
            r["total"] for r in result["assignment"]["rounds"]]
        assert text.steps[-1].values["cost"] == result["assignment"]["cost"]


@settings(max_examples=60, deadline=None)
@given(bipartite_graphs(weights=True), st.booleans())
def test_matching_endpoint_matches_oracles(graph, given_left):
    left, right, weighted = graph
    query = {"edges": ",".join(f"{u}-{v}:{w}" for u, v, w in weighted),
             "nodes": ",".join(left + right)}
    if given_left:
        query["left"] = ",".join(left)
    result = run(**query).result
    oracle = nx.Graph()
    oracle.add_nodes_from(left + right)
    oracle.add_edges_from((u, v) for u, v, _ in weighted)
    size = len(nx.max_weight_matching(oracle, maxcardinality=True))
    assert result["size"] == size
    _check_valid(result["matching"], weighted)
    if weighted:
        sides = Sides(result["left"], result["right"], False)
        oriented = [(u, v, w) if u in sides.left else (v, u, w) for u, v, w in weighted]
        assert _assignment_oracle(oriented, sides) == (
            len(result["assignment"]["pairs"]),
            pytest.approx(result["assignment"]["cost"]))


def test_matching_http_json(client):
    response = client.get("/graph/matching?edges=L1-R1,L3-R1,L2-R2&left=L1,L2,L3")
    assert response.status_code == 200
    body = strict_json(response.get_data(as_text=True))
    assert body["result"]["size"] == 2
    assert body["steps"][0]["values"]["left"] == ["L1", "L2", "L3"]


def test_matching_http_post(client):
    response = client.post("/graph/matching", json={
        "edges": [["w-1", "job", 3], ["w2", "job", 1]], "left": ["w-1", "w2"]})
    assert response.status_code == 200
    assert response.json["result"]["assignment"]["pairs"] == [["w2", "job", 1]]


@pytest.mark.parametrize("query,param,english,chinese", [
    ("edges=a-b,b-c,c-a", "edges", "odd cycle a–b–c–a", "奇环"),
    ("edges=a-b,b-c,c-d,d-e,e-a", "edges", "(5 edges)", "5 条边"),
    ("edges=a-a,a-b", "edges", "self-loop", "自环"),
    ("edges=a-b,a-c&left=a,b", "left", "joins two left nodes", "两个左侧节点"),
    ("edges=a-b,c-d&left=a", "left", "joins two right nodes", "两个右侧节点"),
    ("edges=a-b&left=z", "left", "'z', which is not a node", "“z”"),
    ("edges=a-b&directed=true", "directed", "reads every edge as undirected",
     "无向边"),
    ("edges=a-b,b-a", "edges", "repeats edge 1", "重复"),
    ("edges=a-b:x", "edges", "'x' is not a number", "不是数字"),
])
def test_matching_http_invalid(client, query, param, english, chinese):
    response = client.get(f"/graph/matching?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert english in response.json["errors"][param]
    chinese_body = client.get(f"/graph/matching?{query}&lang=zh").json
    assert chinese in chinese_body["errors"][param]


def test_matching_http_too_large(client):
    edges = ",".join(f"a{i}-b{i}" for i in range(150))
    response = client.get(f"/graph/matching?edges={edges}")
    assert response.status_code == 413
    assert "at most 200" in response.json["errors"]["nodes"]


def test_matching_svg_escapes_names():
    edges = f"{NASTY[0]}-{NASTY[1]}:2"
    for lang in ("en", "zh"):
        for flag in ({}, {"frames": "true"}, {"animate": "true"}):
            outcome = run(edges=edges, **flag)
            svg = CONCEPT.draw(outcome, lang, "light")
            assert "<script>" not in svg
            texts = svg_texts(parse_svg(svg))
            assert NASTY[0] in texts
            assert NASTY[1] in texts


def test_matching_markdown_escapes_names():
    outcome = run(edges=f"{NASTY[0]}-{NASTY[1]}:2")
    for lang in ("en", "zh"):
        markdown = CONCEPT.explain(outcome, lang).markdown
        assert "<script>" not in markdown
        assert "&lt;script&gt;" in markdown
        assert "A&amp;B &quot;q&quot;" in markdown


def test_matching_svg_columns():
    outcome = run(edges="L1-R1,L3-R1,L2-R2", left="L1,L2,L3")
    root = parse_svg(CONCEPT.draw(outcome, "en", "dark"))
    groups = {node.findtext(f"{SVG_NS}title"): node.find(f"{SVG_NS}circle")
              for node in root.iter(f"{SVG_NS}g")
              if node.find(f"{SVG_NS}title") is not None}
    left_x = {float(groups[name].get("cx")) for name in ("L1", "L2", "L3")}
    right_x = {float(groups[name].get("cx")) for name in ("R1", "R2")}
    assert len(left_x) == 1
    assert len(right_x) == 1
    assert left_x.pop() < right_x.pop()


def test_matching_svg_weight_labels():
    outcome = run(edges="a-x:4,a-y:1,b-x:2,b-y:5,c-y:3")
    texts = svg_texts(parse_svg(CONCEPT.draw(outcome, "en", "light")))
    for label in ("4", "1", "2", "5", "3"):
        assert label in texts
    caption = "Cheapest maximum matching: total cost 3. Labels show the weights."
    assert caption in " ".join(texts)


def test_matching_frames_show_path():
    outcome = run(edges="b-c,a-b,c-d", frames="true")
    texts = " ".join(svg_texts(parse_svg(CONCEPT.draw(outcome, "en", "light"))))
    assert "Augmenting path a – b – c – d: now 2 edges." in texts
    assert "Greedy pass in the given edge order: 1 edge." in texts


def test_matching_animation_plays_steps():
    outcome = run(edges="b-c,a-b,c-d", animate="true")
    root = parse_svg(CONCEPT.draw(outcome, "en", "light"))
    assert len(list(root.iter(f"{SVG_NS}animate"))) > 4


def test_matching_deterministic(client):
    url = "/graph/matching.svg?edges=a-x:4,a-y:1,b-x:2,b-y:5,c-y:3&frames=true"
    assert client.get(url).data == client.get(url).data


def test_matching_default_example_answers(client):
    query = "&".join(f"{k}={v}" for k, v in CONCEPT.example.items())
    response = client.get(f"/graph/matching?{query}")
    assert response.status_code == 200


def _label_boxes(plan):
    from concepts.draw.svg import text_width

    size = plan.font - 1
    boxes = []
    for shape in plan.shapes:
        half = text_width(shape.label, size) / 2
        x, y = shape.label_at
        boxes.append((x - half, y - size / 2, x + half, y + size / 2))
    return boxes


def test_edge_labels_spread_apart():
    from concepts.draw.edge_labels import spread_edge_labels
    from concepts.draw.graphs import plan_graph

    # Two edges that cross at their middles: both labels start there.
    positions = {"a": (0, 0), "b": (0, 1), "x": (2.6, 0), "y": (2.6, 1)}
    edges = [("a", "y", "10"), ("b", "x", "20")]
    plan = plan_graph(["a", "b", "x", "y"], edges, False, positions=positions)
    spread_edge_labels(plan)
    first, second = _label_boxes(plan)
    apart = (first[2] <= second[0] or second[2] <= first[0]
             or first[3] <= second[1] or second[3] <= first[1])
    assert apart


def test_edge_labels_keep_clear_labels():
    from concepts.draw.edge_labels import spread_edge_labels
    from concepts.draw.graphs import plan_graph

    positions = {"a": (0, 0), "b": (0, 2), "x": (2.6, 0), "y": (2.6, 2)}
    edges = [("a", "x", "10"), ("b", "y", "20")]
    plan = plan_graph(["a", "b", "x", "y"], edges, False, positions=positions)
    before = [shape.label_at for shape in plan.shapes]
    spread_edge_labels(plan)
    assert [shape.label_at for shape in plan.shapes] == before


@settings(max_examples=50, deadline=None)
@given(bipartite_graphs(weights=True))
def test_matching_json_steps_replay(graph):
    left, right, weighted = graph
    outcome = run(edges=",".join(f"{u}-{v}:{w}" for u, v, w in weighted),
                  nodes=",".join(left + right))
    result = outcome.result
    steps = CONCEPT.explain(outcome, "en").steps
    matched = {frozenset(pair) for pair in steps[1].values["greedy"]}
    for step in steps[2:]:
        path = step.values.get("path")
        if "start" not in step.values or path is None:
            continue
        matched ^= {frozenset(path[i:i + 2]) for i in range(len(path) - 1)}
        assert len(matched) == step.values["size"]
    assert matched == {frozenset(pair) for pair in result["matching"]}
    if weighted:
        chosen: set = set()
        for round_ in result["assignment"]["rounds"]:
            path = round_["path"]
            chosen ^= {frozenset(path[i:i + 2]) for i in range(len(path) - 1)}
        expected = {frozenset(pair[:2]) for pair in result["assignment"]["pairs"]}
        assert chosen == expected


def test_wrap_breaks_chinese():
    from concepts.draw.graphs import wrap
    from concepts.draw.svg import text_width

    text = "这些边是无向的；箭头表示结果中该边流量的方向（分帧图中的负号表示相反方向）。"
    lines = wrap(text, 150, 12)
    assert "".join(lines) == text
    assert len(lines) > 1
    for line in lines:
        assert text_width(line, 12) <= 150
        assert line[0] not in "，。；）"
        assert line[-1] != "（"


def test_wrap_keeps_english_words():
    from concepts.draw.graphs import wrap

    assert wrap("Maximum flow 23 = capacity 23 of the cut.", 120, 12) == [
        "Maximum flow 23 =", "capacity 23 of", "the cut."]

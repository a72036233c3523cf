"""Maximum flow: Edmonds–Karp against networkx, and the endpoint."""

from __future__ import annotations

from fractions import Fraction

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts.graphs import max_flow
from concepts.graphs.edmonds_karp import edmonds_karp, exact
from concepts.text import fmt
from tests.conftest import SVG_NS, parse_svg, strict_json, svg_texts

CONCEPT = max_flow.CONCEPT
NASTY = ["<script>alert(1)</script>", 'A&B "q"']

# CLRS 3rd ed., figure 26.1: the maximum flow from s to t is 23.
CLRS_QUERY = ("s-v1:16,s-v2:13,v1-v3:12,v2-v1:4,v2-v4:14,v3-v2:9,v3-t:20,v4-v3:7,"
              "v4-t:4")
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
        amount = augmentation.bottleneck
        for hop in augmentation.hops:
            net[hop.tail, hop.head] = net.get((hop.tail, hop.head), 0) + amount
            net[hop.head, hop.tail] = net.get((hop.head, hop.tail), 0) - amount

    return net


def test_edmonds_karp_clrs():
    run = edmonds_karp(_nodes(CLRS), CLRS, "s", "t", True)
    assert run.value == 23
    assert [a.nodes for a in run.augmentations] == [
        ["s", "v1", "v3", "t"], ["s", "v2", "v4", "t"], ["s", "v2", "v4", "v3", "t"]]
    assert [a.bottleneck for a in run.augmentations] == [12, 4, 7]
    assert all(hop.cancelled == 0 for a in run.augmentations for hop in a.hops)
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
    assert [hop.cancelled for hop in run.augmentations[1].hops] == [0, 0, 0, 1, 0, 0]
    assert run.flows[1] == 0
    _check_flow(run, _nodes(edges))
    _check_cut(run)


def test_edmonds_karp_disconnected_sink():
    edges = [("s", "a", 3), ("b", "t", 2)]
    run = edmonds_karp(_nodes(edges), edges, "s", "t", True)
    assert run.value == 0
    assert run.augmentations == []
    assert run.source_side == ["a", "s"]
    assert run.sink_side == ["b", "t"]
    assert run.cut_edges == []


def test_edmonds_karp_exact_fractions():
    edges = [("s", "a", 0.1), ("s", "b", 0.2), ("a", "t", 0.3), ("b", "t", 0.3)]
    run = edmonds_karp(_nodes(edges), edges, "s", "t", True)
    assert run.value == Fraction(3, 10)
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
    assert exact(0.1) == Fraction(1, 10)


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


def run(**query):
    params = CONCEPT.schema().load({key: str(value) for key, value in query.items()})
    return CONCEPT.compute(params)


def test_max_flow_clrs_result():
    result = run(edges=CLRS_QUERY, source="s", sink="t").result
    assert result["flow_value"] == 23
    assert result["min_cut"]["capacity"] == 23
    assert result["min_cut"]["source_side"] == ["s", "v1", "v2", "v4"]
    assert result["min_cut"]["sink_side"] == ["t", "v3"]
    assert [path["bottleneck"] for path in result["augmenting_paths"]] == [12, 4, 7]
    assert [edge["flow"] for edge in result["edges"]] == [12, 11, 12, 0, 11, 0, 19,
                                                          7, 4]


def test_max_flow_directed_by_default():
    directed = run(edges=CLRS_QUERY, source="s", sink="t")
    undirected = run(edges=CLRS_QUERY, source="s", sink="t", directed="false")
    assert directed.inputs["directed"] is True
    assert undirected.result["flow_value"] == 24


def test_max_flow_undirected_direction():
    outcome = run(edges="t-a:3,a-s:5", source="s", sink="t", directed="false")
    result = outcome.result
    assert result["flow_value"] == 3
    assert "Their capacities add up to 3, the flow value" in CONCEPT.explain(
        outcome, "en").markdown
    assert result["edges"] == [
        {"from": "a", "to": "t", "capacity": 3, "flow": 3},
        {"from": "s", "to": "a", "capacity": 5, "flow": 3}]


def test_max_flow_cancelling_text():
    outcome = run(edges="s-a,a-b,b-t,a-e,e-t,s-c,c-d,d-b", source="s", sink="t")
    assert outcome.result["augmenting_paths"][1]["cancels"] == [["a", "b", 1]]
    english = CONCEPT.explain(outcome, "en")
    assert "sends back 1 of the flow on a → b" in english.steps[2].text
    assert "Path 2 runs against earlier flow: its hop b → a" in english.markdown
    chinese = CONCEPT.explain(outcome, "zh")
    assert "退回了 a → b 上的 1 单位流量" in chinese.steps[2].text
    assert "残量网络" in chinese.markdown


def test_max_flow_zero_flow():
    outcome = run(edges="s-a:3,b-t:2", source="s", sink="t", directed="true")
    assert outcome.result["flow_value"] == 0
    assert outcome.result["augmenting_paths"] == []
    english = CONCEPT.explain(outcome, "en")
    assert "maximum flow is 0" in english.summary
    assert "no edge leads from there" in english.markdown
    assert "送不出任何流量" in CONCEPT.explain(outcome, "zh").summary


def test_max_flow_zero_capacity_cut():
    result = run(edges="s-a:0,a-t:5", source="s", sink="t").result
    assert result["flow_value"] == 0
    assert result["min_cut"]["edges"] == [{"from": "s", "to": "a", "capacity": 0}]


def test_max_flow_self_loop_carries_nothing():
    outcome = run(edges="s-s:4,s-t:2", source="s", sink="t")
    assert outcome.result["flow_value"] == 2
    assert outcome.result["edges"][0]["flow"] == 0
    assert "self-loop" in CONCEPT.explain(outcome, "en").markdown


def test_max_flow_decimal_capacities():
    result = run(edges="s-a:0.1,s-b:0.2,a-t:1,b-t:1", source="s", sink="t").result
    assert result["flow_value"] == 0.3
    assert result["min_cut"]["capacity"] == 0.3


def test_max_flow_explanation_numbers_match():
    outcome = run(edges=CLRS_QUERY, source="s", sink="t")
    result = outcome.result
    value = fmt(result["flow_value"])
    for lang in ("en", "zh"):
        text = CONCEPT.explain(outcome, lang)
        assert value in text.summary
        assert f"**{value}**" in text.markdown
        assert "12 + 7 + 4 = 23" in text.markdown
        assert len(text.steps) == len(result["augmenting_paths"]) + 3
        for step, path in zip(text.steps[1:], result["augmenting_paths"]):
            assert " → ".join(path["path"]) in step.text
            assert fmt(path["bottleneck"]) in step.text
            assert step.values["bottleneck"] == path["bottleneck"]
            assert min(step.values["room"]) == path["bottleneck"]
        assert text.steps[-1].values["capacity"] == result["flow_value"]
    assert "max-flow min-cut theorem" in CONCEPT.explain(outcome, "en").markdown
    assert ("v3 receives 12 from v1 + 7 from v4 and sends 19 to t: 19 in, 19 out"
            in CONCEPT.explain(outcome, "en").markdown)
    assert ("v3 从 v1 收到 12、从 v4 收到 7，向 t 送出 19：流入 19，流出 19"
            in CONCEPT.explain(outcome, "zh").markdown)
    assert "最大流最小割定理" in CONCEPT.explain(outcome, "zh").markdown


@settings(max_examples=60, deadline=None)
@given(networks(), st.booleans())
def test_max_flow_result_matches_networkx(network, directed):
    nodes, edges = network
    query = ",".join(f"{tail}-{head}:{capacity}" for tail, head, capacity in edges)
    outcome = run(edges=query, nodes=",".join(nodes), source=nodes[0],
                  sink=nodes[-1], directed=str(directed).lower())
    result = outcome.result
    assert result["flow_value"] == _oracle(nodes, edges, nodes[0], nodes[-1], directed)
    assert result["min_cut"]["capacity"] == result["flow_value"]
    for entry, (_, _, capacity) in zip(result["edges"], edges):
        assert entry["capacity"] == capacity
        assert 0 <= entry["flow"] <= capacity
    if result["augmenting_paths"]:
        assert result["augmenting_paths"][-1]["flow_value"] == result["flow_value"]


def test_max_flow_http_json(client):
    response = client.get(f"/graph/max-flow?edges={CLRS_QUERY}&source=s&sink=t")
    assert response.status_code == 200
    body = strict_json(response.get_data(as_text=True))
    assert body["result"]["flow_value"] == 23
    assert body["steps"][1]["values"]["path"] == ["s", "v1", "v3", "t"]


def test_max_flow_http_post(client):
    response = client.post("/graph/max-flow", json={
        "edges": [["s-1", "m", 2.5], ["m", "t", 4]], "source": "s-1", "sink": "t"})
    assert response.status_code == 200
    assert response.json["result"]["flow_value"] == 2.5


@pytest.mark.parametrize("query,param,english,chinese", [
    ("edges=s-a:2,a-t:-1&source=s&sink=t", "edges", "negative capacity -1",
     "容量 -1 为负"),
    ("edges=s-a:2,a-t:1&source=a&sink=a", "sink", "same node as 'source'",
     "同一个节点"),
    ("edges=s-a:2,a-t:1&source=s&sink=z", "sink", "'z', which is not a node",
     "“z”"),
    ("edges=s-a:2,a-t:1&source=s", "sink", "required", "必填"),
    ("edges=s-a:2,s-a:1&source=s&sink=a", "edges", "repeats edge 1", "重复"),
    ("edges=s-a:wide&source=s&sink=a", "edges", "'wide' is not a number",
     "不是数字"),
])
def test_max_flow_http_invalid(client, query, param, english, chinese):
    response = client.get(f"/graph/max-flow?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert english in response.json["errors"][param]
    chinese_body = client.get(f"/graph/max-flow?{query}&lang=zh").json
    assert chinese in chinese_body["errors"][param]


def test_max_flow_http_too_large(client):
    edges = ",".join(f"a{i}-b{i}" for i in range(150))
    response = client.get(f"/graph/max-flow?edges={edges}&source=a0&sink=b0")
    assert response.status_code == 413
    assert "at most 200" in response.json["errors"]["nodes"]


def test_max_flow_svg_escapes_names():
    edges = f"{NASTY[0]}-{NASTY[1]}:2"
    for lang in ("en", "zh"):
        for flag in ({}, {"frames": "true"}, {"animate": "true"}):
            outcome = run(edges=edges, source=NASTY[0], sink=NASTY[1], **flag)
            svg = CONCEPT.draw(outcome, lang, "light")
            assert "<script>" not in svg
            texts = svg_texts(parse_svg(svg))
            assert NASTY[0] in texts
            assert NASTY[1] in texts


def test_max_flow_markdown_escapes_names():
    outcome = run(edges=f"{NASTY[0]}-{NASTY[1]}:2", source=NASTY[0], sink=NASTY[1])
    for lang in ("en", "zh"):
        markdown = CONCEPT.explain(outcome, lang).markdown
        assert "<script>" not in markdown
        assert "&lt;script&gt;" in markdown
        assert "A&amp;B &quot;q&quot;" in markdown


def test_max_flow_svg_labels():
    outcome = run(edges=CLRS_QUERY, source="s", sink="t")
    texts = svg_texts(parse_svg(CONCEPT.draw(outcome, "en", "dark")))
    assert "12/16" in texts
    assert "0/4" in texts
    assert "7/7" in texts


def test_max_flow_undirected_note():
    outcome = run(edges=CLRS_QUERY, source="s", sink="t", directed="false")
    for flag in ("false", "true"):
        outcome.facts.params["frames"] = flag == "true"
        texts = " ".join(svg_texts(parse_svg(CONCEPT.draw(outcome, "en", "light"))))
        assert "each arrow shows the way its flow runs" in texts


def test_max_flow_frames_per_path():
    outcome = run(edges=CLRS_QUERY, source="s", sink="t", frames="true")
    texts = " ".join(svg_texts(parse_svg(CONCEPT.draw(outcome, "en", "light"))))
    assert "Path 3 of 3: s → v2 → v4 → v3 → t" in texts
    assert "bottleneck 7" in texts


def test_max_flow_animation_plays_steps():
    outcome = run(edges=CLRS_QUERY, source="s", sink="t", animate="true")
    root = parse_svg(CONCEPT.draw(outcome, "en", "light"))
    assert len(list(root.iter(f"{SVG_NS}animate"))) > 4


def test_max_flow_deterministic(client):
    url = f"/graph/max-flow.svg?edges={CLRS_QUERY}&source=s&sink=t&frames=true"
    assert client.get(url).data == client.get(url).data


def test_max_flow_default_example_answers(client):
    query = "&".join(f"{k}={v}" for k, v in CONCEPT.example.items())
    response = client.get(f"/graph/max-flow?{query}")
    assert response.status_code == 200


@settings(max_examples=50, deadline=None)
@given(networks(), st.booleans())
def test_max_flow_json_steps_replay(network, directed):
    nodes, edges = network
    query = ",".join(f"{tail}-{head}:{capacity}" for tail, head, capacity in edges)
    outcome = run(edges=query, nodes=",".join(nodes), source=nodes[0],
                  sink=nodes[-1], directed=str(directed).lower())
    steps = CONCEPT.explain(outcome, "en").steps
    net: dict[tuple[str, str], float] = {}
    for step in steps[1:-2]:
        path, amount = step.values["path"], step.values["bottleneck"]
        for tail, head in zip(path, path[1:]):
            net[tail, head] = net.get((tail, head), 0) + amount
            net[head, tail] = net.get((head, tail), 0) - amount
    for entry in outcome.result["edges"]:
        if entry["from"] == entry["to"]:
            continue
        assert entry["flow"] == max(net.get((entry["from"], entry["to"]), 0), 0)

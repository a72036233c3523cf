"""Cycle detection: DFS against networkx, Floyd and Brent against a visited table."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts import InputError
from concepts.graphs import cycle
from tests.conftest import SVG_NS, parse_svg, svg_texts

CONCEPT = cycle.CONCEPT
NASTY = ["<script>alert(1)</script>", 'A&B "q"']


def run(**query):
    params = CONCEPT.schema().load({key: str(value) for key, value in query.items()})
    return CONCEPT.compute(params)


def rho_oracle(successors, start):
    """Return (μ, λ) by remembering the first index of every value."""
    seen, value, index = {}, start, 0
    while value not in seen:
        seen[value] = index
        value, index = successors[value], index + 1
    return seen[value], index - seen[value]


# Graph method ---------------------------------------------------------------


def test_cycle_directed_textbook():
    result = run(edges="A-B,B-C,C-D,D-B", directed="true").result
    assert result["has_cycle"] is True
    assert result["cycle"] == ["B", "C", "D", "B"]
    assert result["cycle_length"] == 3


def test_cycle_undirected_triangle():
    result = run(edges="A-B,B-C,C-A").result
    assert result["cycle"] == ["A", "B", "C", "A"]


def test_cycle_undirected_path_none():
    result = run(edges="A-B,B-C,C-D").result
    assert result["has_cycle"] is False
    assert result["cycle"] is None


def test_cycle_directed_diamond_none():
    result = run(edges="A-B,A-C,B-D,C-D", directed="true").result
    assert result["has_cycle"] is False


def test_cycle_self_loop_is_cycle():
    result = run(edges="A-B,B-B").result
    assert result["cycle"] == ["B", "B"]
    assert result["cycle_length"] == 1


def test_cycle_directed_two_arcs():
    result = run(edges="A-B,B-A", directed="true").result
    assert result["cycle"] == ["A", "B", "A"]


@st.composite
def graphs(draw):
    count = draw(st.integers(1, 10))
    directed = draw(st.booleans())
    pairs = [(u, v) for u in range(count) for v in range(count)
             if (u != v or draw(st.booleans())) and (directed or u <= v)]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=14)) \
        if pairs else []
    return count, edges, directed


@settings(max_examples=100, deadline=None)
@given(graphs())
def test_cycle_matches_networkx(case):
    count, edges, directed = case
    outcome = run(edges=",".join(f"v{u}-v{v}" for u, v in edges),
                  nodes=",".join(f"v{i}" for i in range(count)),
                  directed=str(directed).lower())
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(f"v{i}" for i in range(count))
    graph.add_edges_from((f"v{u}", f"v{v}") for u, v in edges)
    try:
        nx.find_cycle(graph)
        expected = True
    except nx.NetworkXNoCycle:
        expected = False
    result = outcome.result
    assert result["has_cycle"] == expected
    if expected:
        walk = result["cycle"]
        assert walk[0] == walk[-1]
        assert len(set(walk[:-1])) == len(walk) - 1
        for u, v in zip(walk, walk[1:]):
            assert graph.has_edge(u, v)
        if not directed:
            assert len(walk) - 1 in (1,) or len(walk) - 1 >= 3
    _check_replay(outcome)


def _check_replay(outcome):
    """Replay pushes and pops; the closing edge must point into the stack."""
    stack = []
    for step in CONCEPT.explain(outcome, "en").steps:
        values = step.values
        if values["event"] == "discover":
            stack.append(values["node"])
        elif values["event"] == "finish":
            assert stack.pop() == values["node"]
        else:
            source, target = values["edge"]
            assert stack[-1] == source
            assert stack[stack.index(target):] + [target] == outcome.result["cycle"]
        assert stack == values["stack"]


# Floyd and Brent ---------------------------------------------------------------


@pytest.mark.parametrize("method", ["floyd", "brent"])
def test_rho_textbook(method):
    result = run(method=method, next="1,2,3,1").result
    assert result["mu"] == 1
    assert result["lambda"] == 3
    assert result["cycle"] == [1, 2, 3]
    assert result["sequence"] == [0, 1, 2, 3, 1]


@pytest.mark.parametrize("method", ["floyd", "brent"])
def test_rho_fixed_point(method):
    result = run(method=method, next="0", start=0).result
    assert (result["mu"], result["lambda"]) == (0, 1)


def test_brent_fewer_evaluations_long_tail():
    successors = ",".join(str(i + 1) for i in range(99)) + ",90"
    floyd = run(method="floyd", next=successors).result
    brent = run(method="brent", next=successors).result
    assert (floyd["mu"], floyd["lambda"]) == (90, 10)
    assert (brent["mu"], brent["lambda"]) == (90, 10)
    assert brent["evaluations"] < floyd["evaluations"]


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 60).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, n - 1), min_size=n, max_size=n), st.integers(0, n - 1))),
    st.sampled_from(["floyd", "brent"]))
def test_rho_matches_oracle(case, method):
    successors, start = case
    outcome = run(method=method, next=",".join(map(str, successors)), start=start)
    mu, lam = rho_oracle(successors, start)
    assert outcome.result["mu"] == mu
    assert outcome.result["lambda"] == lam
    steps = CONCEPT.explain(outcome, "en").steps
    value = {0: start}

    def x(index):
        while index not in value:
            last = max(value)
            value[last + 1] = successors[value[last]]
        return value[index]

    for step in steps:
        assert step.values["tortoise"] == x(step.values["tortoise_index"])
        assert step.values["hare"] == x(step.values["hare_index"])
    final = steps[-1].values
    assert final["tortoise"] == final["hare"]
    if method == "floyd":
        assert final["hare_index"] - final["tortoise_index"] == lam
    else:
        assert final["tortoise_index"] == mu


@pytest.mark.parametrize("query,param,english", [
    ({"method": "floyd", "next": "1,2,5"}, "next", "from 0 to 2"),
    ({"method": "floyd", "next": "1,0.5"}, "next", "whole number"),
    ({"method": "brent", "next": "1,2,0", "start": 5}, "start", "'start' is 5"),
    ({"method": "floyd"}, "next", "required"),
    ({"method": "floyd", "next": "0", "edges": "A-B"}, "edges", "not used"),
    ({"method": "graph", "next": "0", "edges": "A-B"}, "next", "only used"),
    ({"method": "graph"}, "edges", "required"),
])
def test_cycle_invalid_combinations(query, param, english):
    with pytest.raises(InputError) as error:
        run(**query)
    message = error.value.errors[param]
    assert english in message
    assert message.zh != str(message)


def test_cycle_http_next_too_long(client):
    response = client.get("/graph/cycle?method=floyd&next=" + ",".join(["0"] * 201))
    assert response.status_code == 413


def test_cycle_http_json(client):
    response = client.get("/graph/cycle?method=brent&next=1,2,3,1&start=0")
    assert response.status_code == 200
    assert response.json["result"]["lambda"] == 3
    assert "next=1,2,3,1" in response.json["links"]["svg"]


# Text and drawing -------------------------------------------------------------


def test_cycle_explanation_numbers():
    outcome = run(method="floyd", next="1,2,3,1")
    for lang in ("en", "zh"):
        text = CONCEPT.explain(outcome, lang)
        assert "μ = 1" in text.summary
        assert "λ = 3" in text.summary
        assert str(outcome.result["evaluations"]) in text.summary
        assert "1 → 2 → 3 → 1" in text.markdown
    graph = run(edges="A-B,B-C,C-D,D-B", directed="true")
    assert "B→C→D→B" in CONCEPT.explain(graph, "en").markdown
    assert "3 edges" in CONCEPT.explain(graph, "en").summary
    assert "3 条边" in CONCEPT.explain(graph, "zh").summary
    dag = run(edges="A-B", directed="true")
    assert "DAG" in CONCEPT.explain(dag, "en").summary


def test_cycle_svg_escapes():
    for flags in ({}, {"frames": "true"}, {"animate": "true"}):
        outcome = run(edges=f"{NASTY[0]}-{NASTY[1]},{NASTY[1]}-{NASTY[0]}",
                      directed="true", **flags)
        svg = CONCEPT.draw(outcome, "en", "dark")
        assert "<script>" not in svg
        texts = svg_texts(parse_svg(svg))
        assert NASTY[0] in texts
        assert NASTY[1] in texts
    assert "<script>" not in CONCEPT.explain(outcome, "en").markdown


def test_cycle_rho_svg():
    for flags in ({}, {"frames": "true"}, {"animate": "true"}):
        outcome = run(method="brent", next="1,2,3,4,5,3", **flags)
        root = parse_svg(CONCEPT.draw(outcome, "zh", "light"))
        assert "5" in svg_texts(root)
    assert list(root.iter(f"{SVG_NS}animate"))


def test_cycle_deterministic(client):
    url = "/graph/cycle.svg?method=floyd&next=1,2,3,4,2&frames=true"
    assert client.get(url).data == client.get(url).data

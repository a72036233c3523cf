"""Default examples, formats and size limits shared by the traversal endpoints."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from concepts import load_all
from concepts.graphs.graph_input import MAX_FRAME_EDGES, MAX_FRAME_NODES
from tests.conftest import parse_svg, strict_json

ENDPOINTS = ["graph/bfs", "graph/dfs", "graph/shortest-path", "graph/cycle",
             "graph/toposort"]
CONCEPTS = load_all()


@pytest.mark.parametrize("name", ENDPOINTS)
def test_example_complete(client, name):
    concept = CONCEPTS[name]
    query = urlencode(concept.example, safe=",")
    client.get(f"/{name}?{query}")
    response = client.get(f"/{name}?{query}")
    assert response.status_code == 200
    body = strict_json(response.get_data(as_text=True))
    assert body["steps"]
    assert body["summary"]
    assert body["explanation"]
    parse_svg(body["svg"])


@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize("extension", ["svg", "md", "html"])
def test_example_formats(client, name, extension):
    query = urlencode(CONCEPTS[name].example, safe=",")
    response = client.get(f"/{name}.{extension}?{query}&lang=zh")
    assert response.status_code == 200
    assert response.data == client.get(f"/{name}.{extension}?{query}&lang=zh").data


@pytest.mark.parametrize("name", ENDPOINTS)
def test_concept_metadata(name):
    concept = CONCEPTS[name]
    assert concept.family == "graph algorithms"
    assert len(concept.description) < 300
    assert concept.limits["nodes"] == 200
    assert concept.limits["edges"] == 2000
    for field in concept.schema().fields.values():
        assert field.metadata["description"]
        assert "example" in field.metadata


@pytest.mark.parametrize("flag", ["frames", "animate"])
def test_frames_over_limit_413(client, flag):
    nodes = ",".join(f"n{i}-n{i + 1}" for i in range(MAX_FRAME_NODES))
    response = client.get(f"/graph/bfs?edges={nodes}&source=n0&{flag}=true")
    assert response.status_code == 413
    message = response.json["errors"][flag]
    assert f"{MAX_FRAME_NODES + 1} nodes" in message
    assert str(MAX_FRAME_EDGES) in message
    plain = client.get(f"/graph/bfs?edges={nodes}&source=n0")
    assert plain.status_code == 200


def test_frames_at_limit_ok(client):
    nodes = ",".join(f"n{i}-n{i + 1}" for i in range(MAX_FRAME_NODES - 1))
    response = client.get(f"/graph/bfs.svg?edges={nodes}&source=n0&animate=true")
    assert response.status_code == 200


def test_sequence_frames_over_limit_413(client):
    successors = ",".join(str(i + 1) for i in range(MAX_FRAME_NODES)) + ",0"
    response = client.get(f"/graph/cycle?method=floyd&next={successors}&frames=true")
    assert response.status_code == 413


def test_unknown_parameter_named(client):
    response = client.get("/graph/bfs?edges=A-B&source=A&target=B")
    assert response.status_code == 400
    assert "target" in response.json["errors"]

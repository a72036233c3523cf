"""Tool definitions for assistants, generated from the concept schemas."""

from __future__ import annotations

import re

import pytest

from concepts import load_all
from service.tools import input_schema, tool_definitions, tool_name

CONCEPTS = load_all()


def test_tools_one_per_concept(client):
    tools = client.get("/tools.json").json["tools"]
    assert len(tools) == len(CONCEPTS)
    for tool, concept in zip(tools, CONCEPTS.values()):
        assert re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", tool["name"])
        assert tool["description"] == concept.description
        assert tool["input_schema"]["type"] == "object"


def test_tools_openai_style(client):
    tools = client.get("/tools.json?style=openai").json["tools"]
    assert {tool["type"] for tool in tools} == {"function"}
    assert tools[0]["function"]["parameters"]["type"] == "object"


def test_tools_unknown_style(client):
    response = client.get("/tools.json?style=xml")
    assert response.status_code == 400
    assert "style" in response.json["errors"]


@pytest.mark.parametrize("name", list(CONCEPTS))
def test_tool_schema_matches_fields(name):
    concept = CONCEPTS[name]
    schema = input_schema(concept)
    keys = {field.data_key or key for key, field in concept.schema().fields.items()}
    assert set(schema["properties"]) == keys | {"lang"}
    for key in schema.get("required", []):
        assert key in keys


@pytest.mark.parametrize("name", list(CONCEPTS))
def test_tool_example_is_valid_input(client, name):
    concept = CONCEPTS[name]
    tool = next(t for t in tool_definitions(CONCEPTS) if t["name"] == tool_name(concept))
    for key in concept.example:
        assert key in tool["input_schema"]["properties"]
    response = client.post(f"/{name}", json=concept.example)
    assert response.status_code == 200

"""The OpenAPI 3.1 document, generated from the concept registry.

apispec assembles the document. The schemas come from each field's own
``openapi()`` and ``openapi_body()``, because our list fields take text
in a URL and arrays in a body and no generic converter describes that.
Run ``python -m service --write-openapi`` to rewrite ``openapi.yaml``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from apispec import APISpec

from concepts.base import Concept
from concepts.draw.theme import THEMES

from .negotiation import FORMATS
from .problems import PROBLEM_SCHEMA

VERSION = "0.1.0"
SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"

_COMMON = [
    {"name": "lang", "in": "query", "required": False,
     "description": "Language of the text: en (English) or zh (Chinese). When "
                    "absent, Accept-Language decides, else English.",
     "schema": {"type": "string", "enum": ["en", "zh"]}, "example": "en"},
    {"name": "theme", "in": "query", "required": False,
     "description": "Colours of the drawing: light, dark, or auto (follows the "
                    "reader's colour scheme). Default light; auto for html.",
     "schema": {"type": "string", "enum": list(THEMES)}, "example": "light"},
    {"name": "format", "in": "query", "required": False,
     "description": "Response format: json (default), svg, md (Markdown for "
                    "chat) or html. Also chosen by a .svg/.md/.html path suffix "
                    "or the Accept header.",
     "schema": {"type": "string", "enum": list(FORMATS)}, "example": "json"},
]

_INFINITY_NOTE = (
    "JSON has no infinity, so an infinite value is sent as the string "
    '"Infinity" (or "-Infinity"), as in the protobuf JSON mapping. '
    "NaN never appears."
)


def build_spec(concepts: dict[str, Concept]) -> dict:
    """Return the OpenAPI document for ``concepts`` as a dict."""
    spec = APISpec(
        title="Intuitive explanations API",
        version=VERSION,
        openapi_version="3.1.0",
        info={"description": (
            "Send a concept and your own numbers; get the computed result, the "
            "steps, an explanation in English or Chinese, and an SVG picture. "
            + _INFINITY_NOTE)},
        servers=[{"url": "http://127.0.0.1:8000", "description": "Local default"}],
    )
    spec.components.schema("Problem", PROBLEM_SCHEMA)
    for concept in concepts.values():
        spec.components.schema(_result_name(concept), concept.result_schema)
        spec.path(path=f"/{concept.name}", operations=_operations(concept))

    _add_service_paths(spec)
    return spec.to_dict()


def _result_name(concept: Concept) -> str:
    name = concept.operation_id
    return name[0].upper() + name[1:] + "Response"


def _operations(concept: Concept) -> dict:
    schema = concept.schema()
    parameters = []
    properties = {}
    required = []
    for name, field in schema.fields.items():
        key = field.data_key or name
        parameter = {
            "name": key,
            "in": "query",
            "required": bool(field.required),
            "description": field.metadata["description"],
            "schema": field.openapi(),
        }
        if "example" in field.metadata:
            parameter["example"] = field.metadata["example"]
        parameters.append(parameter)
        properties[key] = {**field.openapi_body(),
                           "description": field.metadata["description"]}
        if field.required:
            required.append(key)

    responses = _responses(concept)
    body = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        body["required"] = required
    title = concept.title["en"]
    return {
        "get": {
            "operationId": concept.operation_id,
            "summary": title,
            "description": concept.description,
            "tags": [concept.family],
            "parameters": parameters + _COMMON,
            "responses": responses,
        },
        "post": {
            "operationId": concept.operation_id + "Post",
            "summary": title + " (JSON body)",
            "description": concept.description + " Same as GET, with a JSON body.",
            "tags": [concept.family],
            "parameters": _COMMON,
            "requestBody": {"required": True, "content": {
                "application/json": {"schema": body, "example": concept.example}}},
            "responses": responses,
        },
    }


def _responses(concept: Concept) -> dict:
    envelope = {
        "type": "object",
        "required": ["concept", "title", "inputs", "result", "steps", "summary",
                     "explanation", "svg", "links"],
        "properties": {
            "concept": {"type": "string", "const": concept.name},
            "title": {"type": "string"},
            "lang": {"type": "string", "enum": ["en", "zh"]},
            "inputs": {"type": "object", "description": "The input after normalisation."},
            "result": {"$ref": f"#/components/schemas/{_result_name(concept)}"},
            "steps": {"type": "array", "items": {
                "type": "object", "required": ["text", "values"],
                "properties": {"text": {"type": "string"},
                               "values": {"type": "object"}}}},
            "summary": {"type": "string"},
            "explanation": {"type": "string", "description": "Markdown."},
            "svg": {"type": "string", "description": "A self-contained SVG document."},
            "links": {"type": "object", "description": "URLs of every format.",
                      "additionalProperties": {"type": "string"}},
        },
    }
    problem = {"application/problem+json": {
        "schema": {"$ref": "#/components/schemas/Problem"}}}
    return {
        "200": {"description": "The explanation. " + _INFINITY_NOTE, "content": {
            "application/json": {"schema": envelope},
            "image/svg+xml": {"schema": {"type": "string"}},
            "text/markdown": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        }},
        "304": {"description": "Not modified (the ETag in If-None-Match matches)."},
        "400": {"description": "Invalid input; the body names the parameter, the "
                               "value and what is accepted.", "content": problem},
        "406": {"description": "No format in Accept is available.", "content": problem},
        "413": {"description": "Input over a size limit.", "content": problem},
    }


def _add_service_paths(spec: APISpec) -> None:
    spec.path(path="/concepts", operations={"get": {
        "operationId": "listConcepts",
        "summary": "List every concept",
        "description": "Every concept with its parameters, limits and an example "
                       "URL. Call it first to see what this service can explain.",
        "responses": {"200": {"description": "The concepts.", "content": {
            "application/json": {"schema": {"type": "object"}}}}},
    }})
    spec.path(path="/tools.json", operations={"get": {
        "operationId": "listTools",
        "summary": "Function-calling tool definitions",
        "description": "One tool per concept with its JSON input schema, for "
                       "assistants that take tool definitions instead of OpenAPI.",
        "parameters": [{
            "name": "style", "in": "query", "required": False,
            "description": "anthropic gives name/description/input_schema; openai "
                           "gives type function with name/description/parameters.",
            "schema": {"type": "string", "enum": ["anthropic", "openai"]},
            "example": "anthropic"}],
        "responses": {
            "200": {"description": "The tools.", "content": {
                "application/json": {"schema": {"type": "object"}}}},
            "400": {"description": "Unknown style.", "content": {
                "application/problem+json": {
                    "schema": {"$ref": "#/components/schemas/Problem"}}}}},
    }})
    spec.path(path="/healthz", operations={"get": {
        "operationId": "health",
        "summary": "Health check",
        "description": "Returns status ok while the service can answer.",
        "responses": {"200": {"description": "Healthy.", "content": {
            "application/json": {"schema": {"type": "object", "properties": {
                "status": {"type": "string", "const": "ok"}}}}}}},
    }})


def to_yaml(document: dict) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=88)


def write_spec() -> None:
    """Rewrite openapi.yaml at the repository root from the registry."""
    from concepts import load_all

    SPEC_PATH.write_text(to_yaml(build_spec(load_all())), encoding="utf-8")
    print(f"wrote {SPEC_PATH}", file=sys.stderr)

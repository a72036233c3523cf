"""Function-calling tool definitions, generated from the concept schemas.

The same JSON Schemas as the OpenAPI request bodies, in the two shapes
that chat assistants read: ``{"name", "description", "input_schema"}``
(Anthropic's Messages API and the Model Context Protocol) and
``{"type": "function", "function": {"name", "description", "parameters"}}``
(OpenAI's Chat Completions API).
"""

from __future__ import annotations

from concepts.base import Concept

STYLES = ("anthropic", "openai")


def input_schema(concept: Concept) -> dict:
    """Return the JSON Schema of a concept's parameters plus ``lang``."""
    schema = concept.schema()
    properties = {}
    required = []
    for name, field in schema.fields.items():
        key = field.data_key or name
        properties[key] = {**field.openapi_body(),
                           "description": field.metadata["description"]}
        if field.required:
            required.append(key)

    properties["lang"] = {"type": "string", "enum": ["en", "zh"],
                          "description": "Language of the explanation (default en)."}
    result = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        result["required"] = required
    return result


def tool_name(concept: Concept) -> str:
    """Return a tool name that fits the common limit of ``^[a-zA-Z0-9_-]{1,64}$``."""
    return "explain_" + concept.name.replace("/", "_").replace("-", "_")


def tool_definitions(concepts: dict[str, Concept], style: str = "anthropic") -> list[dict]:
    """Return one tool definition per concept in ``style``."""
    tools = []
    for concept in concepts.values():
        name, description = tool_name(concept), concept.description
        schema = input_schema(concept)
        if style == "openai":
            tools.append({"type": "function", "function": {
                "name": name, "description": description, "parameters": schema}})
        else:
            tools.append({"name": name, "description": description,
                          "input_schema": schema})

    return tools

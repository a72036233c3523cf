"""The MCP server, called through the SDK's client in-process and over stdio."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("mcp")

from mcp import Client  # noqa: E402
from mcp.client.stdio import StdioServerParameters  # noqa: E402

from concepts import load_all  # noqa: E402
from service.mcp_server import create_server  # noqa: E402
from service.tools import input_schema, tool_name  # noqa: E402
from tests.conftest import parse_svg, strict_json  # noqa: E402

CONCEPTS = load_all()
ROOT = Path(__file__).resolve().parents[2]
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
async def client():
    # "legacy" runs the initialize handshake and JSON-RPC over memory
    # streams, as a stdio client does, rather than the direct in-process
    # dispatch that skips serialisation.
    async with Client(create_server(CONCEPTS), mode="legacy") as connected:
        yield connected


@pytest.mark.anyio
async def test_tools_one_per_concept(client):
    tools = (await client.list_tools()).tools
    assert len(tools) == len(CONCEPTS)
    by_name = {tool.name: tool for tool in tools}
    for concept in CONCEPTS.values():
        tool = by_name[tool_name(concept)]
        assert re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", tool.name)
        assert tool.description == concept.description
        assert tool.input_schema == input_schema(concept)


@pytest.mark.anyio
async def test_entropy_result(client):
    result = await client.call_tool("explain_entropy", {"p": [0.5, 0.25, 0.25]})
    assert not result.is_error
    assert result.structured_content["entropy"] == pytest.approx(1.5)

    text, data, picture = result.content
    assert text.type == "text"
    assert "1.5 bits" in text.text
    assert "## Steps" in text.text
    assert data.type == "text"
    assert strict_json(data.text) == result.structured_content
    assert picture.type == "resource"
    assert picture.resource.mime_type == "image/svg+xml"
    parse_svg(picture.resource.text)


@pytest.mark.anyio
async def test_entropy_infinity_is_strict_json(client):
    result = await client.call_tool("explain_entropy", {"p": "0.5,0.5", "q": "1,0"})
    assert not result.is_error
    data = strict_json(result.content[1].text)
    assert data["kl_divergence"] == "Infinity"
    assert result.structured_content["kl_divergence"] == "Infinity"


@pytest.mark.anyio
@pytest.mark.parametrize("name", list(CONCEPTS))
async def test_example_call_succeeds(client, name):
    concept = CONCEPTS[name]
    result = await client.call_tool(tool_name(concept), dict(concept.example))
    assert not result.is_error, result.content[0].text
    assert len(result.content) == 3


@pytest.mark.anyio
@pytest.mark.parametrize("arguments, parameter", [
    ({"p": "abc"}, "p"),
    ({}, "p"),
    ({"p": [0.5, 0.5], "theme": "dark"}, "theme"),
    ({"p": [0.5, 0.5], "q": [0.2, 0.3, 0.5]}, "q"),
    ({"p": [0.5, 0.5], "lang": "fr"}, "lang"),
])
async def test_invalid_input_is_error(client, arguments, parameter):
    result = await client.call_tool("explain_entropy", arguments)
    assert result.is_error
    assert parameter in result.structured_content["errors"]
    assert result.content[0].text.startswith(f"{parameter}: ")


@pytest.mark.anyio
async def test_unknown_tool_is_error(client):
    result = await client.call_tool("explain_nothing", {})
    assert result.is_error
    assert "explain_nothing" in result.content[0].text


@pytest.mark.anyio
async def test_chinese_explanation(client):
    result = await client.call_tool("explain_entropy",
                                    {"p": [0.5, 0.25, 0.25], "lang": "zh"})
    assert not result.is_error
    assert CHINESE.search(result.content[0].text)
    assert "## 步骤" in result.content[0].text


@pytest.mark.anyio
async def test_chinese_error_message(client):
    result = await client.call_tool("explain_entropy", {"p": "abc", "lang": "zh"})
    assert result.is_error
    assert CHINESE.search(result.content[0].text)


@pytest.mark.anyio
async def test_steps_capped_in_text(client):
    values = ",".join(str(value) for value in range(30, 0, -1))
    result = await client.call_tool("explain_sorting",
                                    {"algorithm": "quick", "values": values})
    assert not result.is_error
    assert "\n40. " in result.content[0].text
    assert "\n41. " not in result.content[0].text
    assert "more steps are not shown" in result.content[0].text


@pytest.mark.anyio
async def test_stdio_command_serves_tools():
    # Runs the real command, so it also catches any print to stdout,
    # which would corrupt the protocol stream.
    server = StdioServerParameters(command=sys.executable,
                                   args=["-m", "service.mcp_server"], cwd=str(ROOT))
    async with Client(server, mode="legacy") as client:
        tools = (await client.list_tools()).tools
        assert len(tools) == len(CONCEPTS)
        result = await client.call_tool("explain_entropy", {"p": [0.5, 0.25, 0.25]})
        assert result.structured_content["entropy"] == pytest.approx(1.5)

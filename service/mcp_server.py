"""A Model Context Protocol server with one tool per concept.

Start it with ``python -m service.mcp_server``. It speaks MCP over stdio,
so an assistant such as Claude Desktop launches it as a subprocess. Each
tool takes the concept's parameters as JSON (the same input schema as
``/tools.json``), validates them with the same code and messages as the
HTTP service, and returns the explanation, the result and the SVG.
"""

from __future__ import annotations

import logging
from typing import Any

import anyio
import anyio.to_thread
import mcp_types as types
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server

from concepts.base import Concept, InputError, load_all
from concepts.text import LANGUAGES, Message, md_escape

from .encoding import dumps, to_plain
from .negotiation import _choice_message
from .problems import Problem, problem_from_errors
from .render import MARKDOWN_STEP_LIMIT
from .tools import input_schema, tool_name
from .views import assemble_document, load_parameters

logger = logging.getLogger("service.mcp")

SERVER_NAME = "intuitive-explanations"

# Drawings use the light theme, the HTTP default for every format but HTML.
THEME = "light"

_STEP_WORDS = {
    "en": {"steps": "Steps", "more": "more steps are not shown"},
    "zh": {"steps": "步骤", "more": "步未列出"},
}

_INTERNAL_ERROR = Message(
    "The server failed to handle this call; the error is logged on its stderr.",
    "服务器未能处理此调用；错误已记录在其标准错误输出中。")


def create_server(concepts: dict[str, Concept] | None = None) -> Server:
    """Build the MCP server for ``concepts`` (default: every registered concept)."""
    concepts = load_all() if concepts is None else concepts
    by_tool = {tool_name(concept): concept for concept in concepts.values()}
    tools = [types.Tool(name=name, description=concept.description,
                        input_schema=input_schema(concept))
             for name, concept in by_tool.items()]

    async def list_tools(ctx, params) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tools)

    async def call_tool(
        ctx, params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        concept = by_tool.get(params.name)
        if concept is None:
            message = Message(
                f"Unknown tool '{params.name}'. "
                "Call tools/list for the available tools.",
                f"未知工具“{params.name}”。请调用 tools/list 查看可用的工具。")
            logger.info("rejected a call to unknown tool %r", params.name)
            lang = _requested_language(params.arguments)
            return _error_result({"name": message}, lang)

        # compute, explain and draw are synchronous and CPU-bound, so they run
        # in a worker thread, which keeps the event loop free for pings and
        # cancellations.
        arguments = params.arguments or {}
        return await anyio.to_thread.run_sync(run_tool, concept, arguments)

    return Server(SERVER_NAME, on_list_tools=list_tools, on_call_tool=call_tool)


def run_tool(concept: Concept, arguments: dict[str, Any]) -> types.CallToolResult:
    """Validate ``arguments``, run ``concept`` and return the tool result.

    Invalid input comes back as a result with ``is_error`` set and one
    message per parameter, so the model can read it and correct the call.
    """
    lang = _requested_language(arguments)
    try:
        lang = _choose_language(arguments)
        loaded = load_parameters(concept, arguments, common=("lang",))
        try:
            outcome = concept.compute(loaded)
        except InputError as error:
            raise problem_from_errors(error.errors) from error
        document = assemble_document(concept, outcome, lang, THEME)
    except Problem as problem:
        logger.info("tool %s rejected invalid input: %s",
                    tool_name(concept), problem)
        return _error_result(problem.errors or {"input": problem.detail}, lang)
    except Exception:
        logger.exception("tool %s failed on arguments %r",
                         tool_name(concept), arguments)
        return _error_result({"server": _INTERNAL_ERROR}, lang)

    return _success_result(concept, document)


def _requested_language(arguments: dict[str, Any] | None) -> str:
    # Error messages use the requested language when it is valid, else English.
    lang = str((arguments or {}).get("lang", "en")).strip().lower()
    return lang if lang in LANGUAGES else "en"


def _choose_language(arguments: dict[str, Any]) -> str:
    value = arguments.get("lang", "en")
    lang = str(value).strip().lower()
    if lang not in LANGUAGES:
        message = _choice_message("lang", value, LANGUAGES)
        raise Problem(400, message, {"lang": message})

    return lang


def _success_result(concept: Concept, document: dict) -> types.CallToolResult:
    result = to_plain(document["result"])
    # The SVG goes out as an embedded text resource rather than ImageContent,
    # because clients pass image content to the model as an image, and the
    # Anthropic vision API accepts only JPEG, PNG, GIF and WebP
    # (docs.claude.com/en/docs/vision). A resource lets clients show or save
    # the SVG, and the model can still read its text.
    svg = types.EmbeddedResource(resource=types.TextResourceContents(
        uri=f"explain://{concept.name}.svg", mime_type="image/svg+xml",
        text=document["svg"]))
    # NOTE: no output schema is declared, because clients reject results
    # that do not match it and the result schemas are not yet checked
    # against every concept's results.
    return types.CallToolResult(
        content=[types.TextContent(text=_markdown(document)),
                 types.TextContent(text=dumps(result)),
                 svg],
        structured_content=result)


def _markdown(document: dict) -> str:
    """Format the title, summary, explanation and steps as Markdown.

    Steps are cut at the same limit as the service's Markdown format.
    """
    words = _STEP_WORDS[document["lang"]]
    lines = [
        f"# {document['title']}",
        "",
        document["summary"],
        "",
        document["explanation"],
        "",
        f"## {words['steps']}",
        "",
    ]
    steps = document["steps"]
    for number, step in enumerate(steps[:MARKDOWN_STEP_LIMIT], start=1):
        lines.append(f"{number}. {md_escape(step['text'])}")
    if len(steps) > MARKDOWN_STEP_LIMIT:
        lines.append("")
        lines.append(f"… {len(steps) - MARKDOWN_STEP_LIMIT} {words['more']}.")

    return "\n".join(lines) + "\n"


def _error_result(errors: dict[str, Message | str], lang: str) -> types.CallToolResult:
    translated = {name: message.in_language(lang) if isinstance(message, Message)
                  else str(message)
                  for name, message in errors.items()}
    text = "\n".join(f"{name}: {message}" for name, message in translated.items())
    return types.CallToolResult(content=[types.TextContent(text=text)],
                                structured_content={"errors": translated},
                                is_error=True)


async def serve_stdio() -> None:
    """Serve one MCP client over stdin and stdout until stdin closes."""
    concepts = load_all()
    server = create_server(concepts)
    logger.info("MCP server started on stdio with %d tools", len(concepts))
    async with stdio_server() as (read_stream, write_stream):
        options = server.create_initialization_options()
        await server.run(read_stream, write_stream, options)
    logger.info("MCP server stopped: stdin closed")


def main() -> None:
    # Logs go to stderr because stdout carries the protocol.
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    anyio.run(serve_stdio)


if __name__ == "__main__":
    main()

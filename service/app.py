"""The application factory: routes from the concept registry, errors, logging."""

from __future__ import annotations

import json
import logging
import os
import time

from flask import Flask, Response, current_app, g, request
from werkzeug.exceptions import HTTPException

from concepts import load_all
from concepts.text import LANGUAGES, Message

from . import pages
from .cache import ResponseCache
from .encoding import dumps
from .negotiation import FORMATS, header_language
from .openapi import build_spec, to_yaml
from .problems import Problem, problem_response
from .tools import STYLES, tool_definitions
from .views import make_view

logger = logging.getLogger("service")

DEFAULTS = {
    # Bodies over this size get a 413 before any parsing.
    "MAX_CONTENT_LENGTH": 256 * 1024,
    # Base of the URLs in "links" and /concepts, such as https://explain.example.org.
    # When empty, the request's Host header decides, which a proxy or a
    # client can set to anything: set it in production.
    "PUBLIC_URL": os.environ.get("EXPLAIN_PUBLIC_URL", ""),
    # Rendered responses kept per worker process. Only bodies up to 128 KiB
    # are stored, so the cache stays under 64 MiB per worker (default
    # examples are 5 to 20 KiB). 0 turns the cache off.
    "RESPONSE_CACHE_SIZE": 512,
}


def create_app(config: dict | None = None) -> Flask:
    """Build the Flask app serving every registered concept."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    concepts = load_all()
    app.extensions["concepts"] = concepts
    app.extensions["response_cache"] = ResponseCache(app.config["RESPONSE_CACHE_SIZE"])
    spec = build_spec(concepts)

    for concept in concepts.values():
        view = make_view(concept)
        app.add_url_rule(f"/{concept.name}", view_func=view, methods=["GET", "POST"])
        app.add_url_rule(f"/{concept.name}.<any({', '.join(FORMATS)}):extension>",
                         view_func=view, methods=["GET", "POST"],
                         endpoint=view.__name__ + "_ext")

    _add_service_routes(app, concepts, spec)
    _add_hooks(app)
    logger.info("service ready with %d concepts: %s", len(concepts), ", ".join(concepts))
    return app


def _add_service_routes(app: Flask, concepts, spec: dict) -> None:
    spec_json = json.dumps(spec, ensure_ascii=False, indent=1)
    spec_yaml = to_yaml(spec)

    @app.get("/healthz")
    def healthz():
        return Response(dumps({"status": "ok"}), mimetype="application/json")

    @app.get("/openapi.json")
    def openapi_json():
        return Response(spec_json, mimetype="application/json")

    @app.get("/openapi.yaml")
    def openapi_yaml():
        return Response(spec_yaml, mimetype="application/yaml")

    @app.get("/docs")
    def docs():
        return Response(pages.docs(spec), mimetype="text/html")

    @app.get("/tools.json")
    def tools():
        style = str(request.args.get("style", "anthropic")).lower()
        if style not in STYLES:
            message = Message(
                f"'style' must be one of {', '.join(STYLES)}; got '{style}'.",
                f"“style”必须是 {'、'.join(STYLES)} 之一，收到的是“{style}”。")
            raise Problem(400, message, {"style": message})
        return Response(dumps({"tools": tool_definitions(concepts, style)}),
                        mimetype="application/json")

    @app.get("/concepts")
    def list_concepts():
        return Response(dumps({"concepts": [_describe(c, spec) for c in concepts.values()]}),
                        mimetype="application/json")

    @app.get("/")
    def gallery():
        from .negotiation import choose_language

        lang = choose_language(request, dict(request.args))
        summaries = {}
        for concept in concepts.values():
            outcome = concept.compute(concept.schema().load(concept.example))
            summaries[concept.name] = concept.explain(outcome, lang).summary
        return Response(pages.gallery(concepts, lang, summaries), mimetype="text/html")


def _describe(concept, spec: dict) -> dict:
    operation = spec["paths"][f"/{concept.name}"]["get"]
    return {
        "name": concept.name,
        "title": concept.title,
        "family": concept.family,
        "description": concept.description,
        "parameters": [{key: parameter[key] for key in
                        ("name", "required", "description", "schema", "example")
                        if key in parameter}
                       for parameter in operation["parameters"]],
        "limits": concept.limits,
        "example_url": f"{(current_app.config['PUBLIC_URL'] or request.host_url).rstrip('/')}"
                       f"/{concept.name}?"
                       f"{pages.example_query(concept)}",
    }


def _add_hooks(app: Flask) -> None:
    @app.before_request
    def start_timer():
        g.started = time.perf_counter()

    @app.after_request
    def add_headers(response: Response) -> Response:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = (
            "Content-Type, Accept, Accept-Language, If-None-Match")
        response.headers["Access-Control-Expose-Headers"] = "ETag, Content-Language"
        response.headers["X-Content-Type-Options"] = "nosniff"
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        logger.info("%s %s %d %.1fms", request.method, request.path,
                    response.status_code, elapsed)
        return response

    @app.errorhandler(Problem)
    def handle_problem(problem: Problem):
        return problem_response(problem, _language(), request.path)

    @app.errorhandler(HTTPException)
    def handle_http(error: HTTPException):
        return problem_response(_http_problem(error), _language(), request.path)

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        logger.exception("unhandled error on %s %s", request.method, request.full_path)
        problem = Problem(500, Message(
            "The server failed to handle this request; the error is logged.",
            "服务器未能处理此请求；错误已记录。"))
        return problem_response(problem, _language(), request.path)


def _language() -> str:
    """Pick the language of an error response; an invalid ``lang`` falls back."""
    lang = request.environ.get("service.lang")
    if lang:
        return lang

    requested = str(request.args.get("lang", "")).lower()
    if requested in LANGUAGES:
        return requested

    return header_language(request)


def _http_problem(error: HTTPException) -> Problem:
    status = error.code or 500
    if status == 404:
        return Problem(404, Message(
            f"No endpoint at '{request.path}'. GET /concepts lists every concept, "
            "and /docs describes the API.",
            f"“{request.path}”处没有端点。GET /concepts 列出所有概念，/docs 说明了 API。"))
    if status == 405:
        allowed = ", ".join(error.valid_methods or [])
        return Problem(405, Message(
            f"Method {request.method} is not allowed on '{request.path}'; use {allowed}.",
            f"“{request.path}”不支持 {request.method} 方法；请使用 {allowed}。"),
            headers={"Allow": allowed})
    if status == 413:
        limit = (request.max_content_length or 0) // 1024
        return Problem(413, Message(
            f"The request body is over the {limit} KiB limit.",
            f"请求体超过了 {limit} KiB 的上限。"))

    return Problem(status, Message(error.description or error.name,
                                   error.description or error.name))

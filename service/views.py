"""The one view that serves every concept, in every format."""

from __future__ import annotations

import hashlib
import json
from urllib.parse import urlencode

from flask import Request, Response, current_app, request
from marshmallow import ValidationError

from concepts.base import Concept, InputError
from concepts.text import Message, pick

from . import render
from .negotiation import (COMMON_PARAMETERS, FORMATS, choose_format, choose_language,
                          choose_theme)
from .problems import Problem, problem_from_errors

CACHE_CONTROL = "public, max-age=3600"


def make_view(concept: Concept):
    """Return the Flask view function for ``concept``."""

    def view(extension: str | None = None) -> Response:
        params = read_parameters(request)
        lang = choose_language(request, params)
        request.environ["service.lang"] = lang
        output = choose_format(request, extension, params)
        theme = choose_theme(params, "auto" if output == "html" else "light")
        cache = current_app.extensions["response_cache"]
        key = _cache_key(concept, params, lang, theme, output)
        body = cache.get(key)
        if body is None:
            body = _render(concept, params, lang, theme, output).encode("utf-8")
            cache.put(key, body)

        return finish(Response(body, mimetype=FORMATS[output]), lang)

    view.__name__ = f"concept_{concept.operation_id}"
    return view


def _render(concept: Concept, params: dict, lang: str, theme: str, output: str) -> str:
    """Validate, compute, explain, draw and format one request."""
    loaded = load_parameters(concept, params)
    try:
        outcome = concept.compute(loaded)
    except InputError as error:
        raise problem_from_errors(error.errors) from error

    document = build_document(concept, outcome, loaded, params, lang, theme)
    return render.FORMATTERS[output](document, outcome)


def _cache_key(concept: Concept, params: dict, lang: str, theme: str,
               output: str) -> tuple:
    """Return a key that determines the response body completely.

    The body depends on the raw parameters, the negotiated language, theme
    and format, and on the base URL in its links.
    """
    root = current_app.config.get("PUBLIC_URL") or request.host_url
    raw = json.dumps(params, sort_keys=True, ensure_ascii=False, default=str)
    return (concept.name, output, lang, theme, root, raw)


def read_parameters(req: Request) -> dict:
    """Merge the query string and, for POST, the JSON body (the body wins)."""
    params = {}
    for key in req.args:
        values = req.args.getlist(key)
        if len(values) > 1:
            message = Message(f"'{key}' is given {len(values)} times; give it once.",
                              f"“{key}”出现了 {len(values)} 次；只能给一次。")
            raise Problem(400, message, {key: message})
        params[key] = values[0]

    if req.method == "POST":
        body = _json_body(req)
        if not isinstance(body, dict):
            message = Message(
                "The POST body must be a JSON object of parameters, sent with "
                "Content-Type: application/json.",
                "POST 请求体必须是由参数组成的 JSON 对象，并带有 "
                "Content-Type: application/json。")
            raise Problem(400, message, {"body": message})
        params.update(body)

    return params


def _json_body(req: Request):
    """Parse the JSON body, raising a Problem with the error position if invalid."""
    if not req.is_json:
        return None

    try:
        body = json.loads(req.get_data(as_text=True))
        _reject_surrogates(body)
        return body
    except json.JSONDecodeError as error:
        message = Message(
            f"The request body is not valid JSON: {error.msg} at line {error.lineno}, "
            f"column {error.colno}.",
            f"请求体不是有效的 JSON：第 {error.lineno} 行第 {error.colno} 列出错"
            f"（{error.msg}）。")
    except (RecursionError, UnicodeError):
        message = Message(
            "The request body is not valid JSON text: it is not UTF-8, contains an "
            "unpaired surrogate escape such as \\ud800, or nests deeper than the "
            "parser allows.",
            "请求体不是有效的 JSON 文本：它不是 UTF-8 编码、含有不成对的代理项转义"
            "（如 \\ud800），或嵌套层数超过了解析器的上限。")

    raise Problem(400, message, {"body": message})


def _reject_surrogates(value) -> None:
    """Raise UnicodeError for a string with an unpaired surrogate (from a \\u escape).

    Python's JSON parser accepts them, but they cannot be encoded as UTF-8
    in any response.
    """
    if isinstance(value, str):
        value.encode("utf-8")
    elif isinstance(value, dict):
        for key, item in value.items():
            _reject_surrogates(key)
            _reject_surrogates(item)
    elif isinstance(value, list):
        for item in value:
            _reject_surrogates(item)


def load_parameters(concept: Concept, params: dict,
                    common: tuple[str, ...] = COMMON_PARAMETERS) -> dict:
    """Validate the concept's own parameters with its schema.

    Keys in ``common`` are read elsewhere and skipped here, and any other
    unknown key raises a Problem, as do values the schema rejects.
    """
    schema = concept.schema()
    accepted = [field.data_key or name for name, field in schema.fields.items()]
    unknown = [key for key in params if key not in accepted and key not in common]
    if unknown:
        listed = ", ".join(accepted + list(common))
        errors = {key: Message(
            f"Unknown parameter '{key}'. /{concept.name} accepts: {listed}.",
            f"未知参数“{key}”。/{concept.name} 接受的参数有：{listed}。")
            for key in unknown}
        raise problem_from_errors(errors)

    own = {key: value for key, value in params.items() if key in accepted}
    try:
        return schema.load(own)
    except ValidationError as error:
        raise problem_from_errors(_flatten(error.messages)) from error


_MISSING = Message("This parameter is required.", "此参数为必填项。")


def _flatten(messages: dict) -> dict[str, Message | str]:
    errors = {}
    for key, value in messages.items():
        first = value[0] if isinstance(value, list) and value else value
        if isinstance(first, str) and first.startswith("Missing data for required field"):
            first = Message(f"'{key}' is required.", f"“{key}”是必填参数。")
        elif isinstance(first, str) and first.startswith("Field may not be null"):
            first = Message(f"'{key}' must not be null; leave it out to use the default.",
                            f"“{key}”不能为 null；不给它就会使用默认值。")
        errors[key] = first if isinstance(first, str) else str(first)

    return errors


def build_document(concept, outcome, loaded, params, lang, theme) -> dict:
    """Assemble the JSON response body that every format is rendered from."""
    document = assemble_document(concept, outcome, lang, theme)
    document["links"] = _links(concept, loaded, params, lang)
    return document


def assemble_document(concept: Concept, outcome, lang: str, theme: str) -> dict:
    """Assemble the response document without ``links``, which need the Flask request."""
    explanation = concept.explain(outcome, lang)
    svg = concept.draw(outcome, lang, theme)
    return {
        "concept": concept.name,
        "title": pick(concept.title, lang),
        "lang": lang,
        "inputs": outcome.inputs,
        "result": outcome.result,
        "steps": [{"text": step.text, "values": step.values}
                  for step in explanation.steps],
        "summary": explanation.summary,
        "explanation": explanation.markdown,
        "svg": svg,
    }


# Links longer than this are left out: common servers reject request lines
# over about 8 KB (gunicorn's maximum limit_request_line is 8190 bytes).
MAX_LINK_LENGTH = 8000


def _links(concept: Concept, loaded: dict, params: dict, lang: str) -> dict:
    """Return the URL of every format for the same input, or {} if too long.

    The language goes into the links whenever it is not English, also when
    Accept-Language chose it, so a fetched picture speaks the same language.
    """
    schema = concept.schema()
    query = []
    for name, field in schema.fields.items():
        key = field.data_key or name
        if key in params and loaded.get(name) is not None:
            query.append((key, field.to_query(loaded[name])))
    if "lang" in params or lang != "en":
        query.append(("lang", lang))
    if "theme" in params:
        query.append(("theme", str(params["theme"]).strip().lower()))

    suffix = ("?" + urlencode(query, safe=",;:")) if query else ""
    root = current_app.config.get("PUBLIC_URL") or request.host_url
    links = {name: f"{root.rstrip('/')}/{concept.name}"
                   f"{'' if name == 'json' else '.' + name}{suffix}"
             for name in FORMATS}
    if max(len(link) for link in links.values()) > MAX_LINK_LENGTH:
        return {}
    return links


def finish(response: Response, lang: str) -> Response:
    """Add the caching headers and return 304 when If-None-Match matches."""
    digest = hashlib.sha256(response.get_data()).hexdigest()[:32]
    response.set_etag(digest)
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.headers["Content-Language"] = lang
    response.vary.update(("Accept", "Accept-Language"))
    return response.make_conditional(request)


"""Problem Details (RFC 9457) responses for every failure."""

from __future__ import annotations

from flask import Response

from concepts.text import Message

from .encoding import dumps

PROBLEM_TYPE = "application/problem+json"

_TITLES = {
    400: {"en": "Invalid input", "zh": "输入无效"},
    404: {"en": "Not found", "zh": "未找到"},
    405: {"en": "Method not allowed", "zh": "不支持该方法"},
    406: {"en": "Format not available", "zh": "不支持该格式"},
    413: {"en": "Input too large", "zh": "输入过大"},
    500: {"en": "Internal error", "zh": "内部错误"},
}

_SLUGS = {400: "invalid-input", 404: "not-found", 405: "method-not-allowed",
          406: "not-acceptable", 413: "too-large", 500: "internal-error"}


class Problem(Exception):
    """A failure to report as problem+json.

    ``errors`` maps each offending parameter to a ``Message`` (or a plain
    English string) and is sent translated into the caller's language.
    """

    def __init__(self, status: int, detail: Message | str,
                 errors: dict[str, Message | str] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(str(detail))
        self.status = status
        self.detail = detail
        self.errors = errors or {}
        self.headers = headers or {}


def _translate(message: Message | str, lang: str) -> str:
    if isinstance(message, Message):
        return message.in_language(lang)
    return str(message)


def problem_response(problem: Problem, lang: str, instance: str) -> Response:
    """Build the problem+json response for ``problem`` in ``lang``."""
    body = {
        "type": f"/docs#problem-{_SLUGS.get(problem.status, 'error')}",
        "title": _TITLES.get(problem.status, _TITLES[400])[lang],
        "status": problem.status,
        "detail": _translate(problem.detail, lang),
        "instance": instance,
    }
    if problem.errors:
        body["errors"] = {name: _translate(message, lang)
                          for name, message in problem.errors.items()}

    response = Response(dumps(body), status=problem.status, mimetype=PROBLEM_TYPE)
    response.headers["Content-Language"] = lang
    response.headers["Cache-Control"] = "no-store"
    for key, value in problem.headers.items():
        response.headers[key] = value
    return response


def problem_from_errors(errors: dict[str, Message | str]) -> Problem:
    """Build one Problem from per-parameter messages; any 413 message makes it a 413."""
    status = max((getattr(message, "status", 400) for message in errors.values()),
                 default=400)
    # Parameters can share one message (such as "give 'values' or 'n', not
    # both"). ``detail`` states each text once, and ``errors`` keeps them all.
    texts = dict.fromkeys((str(message), _translate(message, "zh"))
                          for message in errors.values())
    english = " ".join(en for en, _ in texts)
    chinese = "".join(zh for _, zh in texts)
    return Problem(status, Message(english, chinese), errors)


PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "description": "A URI reference naming the problem kind."},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string",
                   "description": "What is wrong: the parameter, the value and what is accepted."},
        "instance": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": {"type": "string"},
                   "description": "One message per offending parameter."},
    },
}

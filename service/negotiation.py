"""Reading the common parameters: format, language and theme."""

from __future__ import annotations

from flask import Request

from concepts.draw.theme import THEMES
from concepts.text import LANGUAGES, Message

from .problems import Problem

FORMATS = {
    "json": "application/json",
    "svg": "image/svg+xml",
    "md": "text/markdown",
    "html": "text/html",
}
COMMON_PARAMETERS = ("lang", "theme", "format")


def choose_language(request: Request, params: dict) -> str:
    """Pick ``lang`` from the parameters, else from Accept-Language, else English."""
    lang = params.get("lang")
    if lang is not None:
        text = str(lang).strip().lower()
        if text not in LANGUAGES:
            raise Problem(400, _choice_message("lang", lang, LANGUAGES),
                          {"lang": _choice_message("lang", lang, LANGUAGES)})
        return text

    return header_language(request)


def header_language(request: Request) -> str:
    """Pick the first supported language in Accept-Language, else English."""
    for value, _quality in request.accept_languages:
        primary = value.lower().split("-")[0]
        if primary in LANGUAGES:
            return primary

    return "en"


def choose_theme(params: dict, default: str) -> str:
    theme = params.get("theme")
    if theme is None:
        return default

    text = str(theme).strip().lower()
    if text not in THEMES:
        message = _choice_message("theme", theme, THEMES)
        raise Problem(400, message, {"theme": message})

    return text


def choose_format(request: Request, extension: str | None, params: dict) -> str:
    """Pick the response format: path extension, then ``format``, then Accept."""
    if extension is not None:
        requested = params.get("format")
        if requested is not None and str(requested).strip().lower() != extension:
            message = Message(
                f"The path asks for .{extension} but 'format' is '{requested}'; "
                "give only one of them.",
                f"路径要求 .{extension}，但“format”是“{requested}”；只给其中一个。")
            raise Problem(400, message, {"format": message})
        return extension

    requested = params.get("format")
    if requested is not None:
        text = str(requested).strip().lower()
        if text not in FORMATS:
            message = _choice_message("format", requested, tuple(FORMATS))
            raise Problem(400, message, {"format": message})
        return text

    if not request.accept_mimetypes or request.accept_mimetypes.best == "*/*":
        return "json"

    offered = list(FORMATS.values())
    best = request.accept_mimetypes.best_match(offered)
    if best is None:
        raise Problem(406, Message(
            "None of the formats in the Accept header is available; this endpoint "
            "serves " + ", ".join(offered) + ".",
            "Accept 头中的格式都不可用；此端点提供 " + "、".join(offered) + "。"))

    return next(name for name, mime in FORMATS.items() if mime == best)


def _choice_message(name: str, value, accepted: tuple[str, ...]) -> Message:
    listed = ", ".join(accepted)
    return Message(f"'{name}' must be one of {listed}; got '{value}'.",
                   f"“{name}”必须是 {listed} 之一，收到的是“{value}”。")

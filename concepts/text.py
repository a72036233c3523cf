"""Bilingual messages and number formatting shared by every concept."""

from __future__ import annotations

import math

LANGUAGES = ("en", "zh")


class Message(str):
    """An English message string that also carries its Chinese text.

    It subclasses ``str`` so that marshmallow and logs treat it as the
    English text, while the service can pick ``zh`` for Chinese callers.
    ``status`` is the HTTP status the message calls for (413 for input
    over a size limit, otherwise 400).
    """

    zh: str
    status: int

    def __new__(cls, en: str, zh: str, status: int = 400) -> "Message":
        message = super().__new__(cls, en)
        message.zh = zh
        message.status = status
        return message

    def in_language(self, lang: str) -> str:
        return self.zh if lang == "zh" else str(self)


def pick(texts: dict[str, str], lang: str) -> str:
    """Select the text for ``lang`` from ``{"en": ..., "zh": ...}``."""
    return texts.get(lang) or texts["en"]


def count_noun(count: int, singular: str, plural: str | None = None) -> str:
    """Write an English count with its noun: "1 edge", "3 edges"."""
    noun = singular if count == 1 else (plural or singular + "s")
    return f"{count} {noun}"


def fmt(value: float, digits: int = 4) -> str:
    """Format a number for prose with ``digits`` significant digits.

    Trailing zeros are dropped, -0 prints as 0, numbers from 1 to a million
    print in full (12350, not 1.235×10^4), others in scientific notation
    such as 2.5×10^-7, and infinities print as the infinity sign. Every
    number the explanations cite reads the same way, so tests can match it
    against the result.
    """
    if isinstance(value, bool):
        return str(value).lower()

    if isinstance(value, int):
        return str(value)

    if math.isinf(value):
        return "∞" if value > 0 else "-∞"

    if value == 0:
        return "0"

    text = f"{value:.{digits}g}"
    rounded = float(text)
    if "e" in text and 1 <= abs(rounded) < 1e6:
        # Whole numbers below a million read better in full: 1200, not 1.2×10^3.
        return str(int(rounded))

    if "e" in text:
        mantissa, exponent = text.split("e")
        mantissa = _strip_zeros(mantissa)
        return f"{mantissa}×10^{int(exponent)}"

    return _strip_zeros(text)


def _strip_zeros(text: str) -> str:
    if "." in text:
        text = text.rstrip("0").rstrip(".")

    return "0" if text in ("-0", "") else text


_MARKDOWN_SPECIAL = set("\\`*_[]|~")


def md_escape(text: str) -> str:
    """Escape caller text for Markdown so it shows literally.

    HTML-significant characters become entities and Markdown punctuation
    gets a backslash, so a label can neither inject markup into a chat
    client nor into the HTML page built from the Markdown.
    """
    out = []
    for char in str(text):
        if char == "&":
            out.append("&amp;")
        elif char == "<":
            out.append("&lt;")
        elif char == ">":
            out.append("&gt;")
        elif char == '"':
            out.append("&quot;")
        elif char in _MARKDOWN_SPECIAL:
            out.append("\\" + char)
        elif char in "\r\n":
            out.append(" ")
        else:
            out.append(char)

    return "".join(out)

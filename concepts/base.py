"""The concept contract and the registry that the service reads.

A concept module builds one ``Concept`` and passes it to ``register``.
The service never names a concept: it imports every module below
``concepts`` (``load_all``) and serves whatever registered itself.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Callable

from marshmallow import Schema

from .text import Message


class InputError(Exception):
    """Invalid input found after the schema loaded (for example two lists
    of different lengths). ``errors`` maps each parameter to its message.
    """

    def __init__(self, errors: dict[str, Message]):
        super().__init__("; ".join(f"{key}: {value}" for key, value in errors.items()))
        self.errors = errors

    @property
    def status(self) -> int:
        return max(getattr(message, "status", 400) for message in self.errors.values())


@dataclass
class Step:
    """One step of a computation: its text for the reader and the values it uses."""

    text: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    """The result of ``compute``.

    ``inputs`` is the normalised input and ``result`` the numbers, both
    JSON-ready apart from floats (the service writes non-finite floats as
    the strings "Infinity" and "-Infinity"). ``facts`` contains anything else
    that ``explain`` and ``draw`` need, and is never sent.
    """

    inputs: dict[str, Any]
    result: dict[str, Any]
    facts: Any = None


@dataclass
class Explanation:
    """The text of one outcome in one language: summary, Markdown and steps."""

    summary: str
    markdown: str
    steps: list[Step]


@dataclass(frozen=True)
class Concept:
    """One endpoint's definition.

    Parameters
    ----------
    name : str
        The URL path without the leading slash, such as ``entropy`` or
        ``graph/bfs``.
    title : dict
        ``{"en": ..., "zh": ...}``.
    description : str
        Under 300 characters: when an assistant should call this endpoint.
    schema : type[Schema]
        The marshmallow input schema built from ``concepts.fields``.
    compute : callable
        ``compute(params) -> Outcome``; raises ``InputError`` for input
        that the schema alone cannot reject.
    explain : callable
        ``explain(outcome, lang) -> Explanation``.
    draw : callable
        ``draw(outcome, lang, theme) -> str``, a complete SVG document.
    example : dict
        The default example as query parameters (strings), used by the
        gallery, ``/concepts`` and the OpenAPI examples.
    limits : dict
        Human-readable input limits, listed by ``/concepts``.
    result_schema : dict
        JSON Schema of the ``result`` object for the OpenAPI document.
    """

    name: str
    title: dict[str, str]
    description: str
    schema: type[Schema]
    compute: Callable[[dict], Outcome]
    explain: Callable[[Outcome, str], Explanation]
    draw: Callable[[Outcome, str, str], str]
    example: dict[str, str]
    limits: dict[str, Any]
    result_schema: dict[str, Any] = field(default_factory=lambda: {"type": "object"})
    family: str = "general"

    @property
    def operation_id(self) -> str:
        parts = self.name.replace("-", "/").split("/")
        return parts[0] + "".join(part.capitalize() for part in parts[1:])


_REGISTRY: dict[str, Concept] = {}


def register(concept: Concept) -> Concept:
    """Add ``concept`` to the registry; a second concept with the same name is a bug."""
    if concept.name in _REGISTRY:
        raise ValueError(f"Concept '{concept.name}' is registered twice.")
    if len(concept.description) >= 300:
        raise ValueError(f"Concept '{concept.name}' has a description over 300 characters.")

    _REGISTRY[concept.name] = concept
    return concept


def load_all() -> dict[str, Concept]:
    """Import every module below ``concepts`` and return the registry by name."""
    import concepts

    for module in pkgutil.walk_packages(concepts.__path__, "concepts."):
        importlib.import_module(module.name)

    return dict(sorted(_REGISTRY.items()))

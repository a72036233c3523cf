"""Shared fixtures: the app built by its factory, and helpers for strict parsing."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from service import create_app


@pytest.fixture(scope="session")
def app():
    return create_app({"TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def strict_json(text: str):
    """Parse JSON, failing on NaN and Infinity tokens that Python would accept."""
    return json.loads(text, parse_constant=_reject_constant)


SVG_NS = "{http://www.w3.org/2000/svg}"


def parse_svg(text: str) -> ET.Element:
    """Parse an SVG document and check the parts every drawing must have."""
    root = ET.fromstring(text)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("role") == "img"
    assert root.find(f"{SVG_NS}title") is not None
    assert root.find(f"{SVG_NS}desc") is not None
    return root


def svg_texts(root: ET.Element) -> list[str]:
    """Return the text content of every <text> and <title> element."""
    return ["".join(node.itertext()) for node in root.iter()
            if node.tag in (f"{SVG_NS}text", f"{SVG_NS}title", f"{SVG_NS}desc")]

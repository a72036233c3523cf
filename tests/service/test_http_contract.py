"""The HTTP contract, checked on every registered concept's default example."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
import yaml

from concepts import load_all
from service.openapi import SPEC_PATH, build_spec, to_yaml
from tests.conftest import parse_svg, strict_json

CONCEPTS = load_all()
NAMES = list(CONCEPTS)
FIELDS = {"concept", "title", "inputs", "result", "steps", "summary", "explanation",
          "svg", "links"}


def example_url(name: str, suffix: str = "", **extra) -> str:
    query = {**CONCEPTS[name].example, **extra}
    return f"/{name}{suffix}?{urlencode(query, safe=',;:')}"


@pytest.mark.parametrize("name", NAMES)
def test_example_json_fields(client, name):
    response = client.get(example_url(name))
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = strict_json(response.get_data(as_text=True))
    assert FIELDS <= set(body)
    assert body["concept"] == name
    assert body["steps"], "a concept must show at least one step"
    for step in body["steps"]:
        assert isinstance(step["text"], str) and step["text"]
        assert isinstance(step["values"], dict)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_example_svg_parses(client, name, lang):
    response = client.get(example_url(name, ".svg", lang=lang))
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    text = response.get_data(as_text=True)
    parse_svg(text)
    assert "<script" not in text
    assert "href=\"http" not in text


@pytest.mark.parametrize("name", NAMES)
def test_example_deterministic(client, name):
    first = client.get(example_url(name)).get_data()
    second = client.get(example_url(name)).get_data()
    assert first == second


@pytest.mark.parametrize("name", NAMES)
def test_example_chinese_text(client, name):
    body = client.get(example_url(name, lang="zh")).json
    assert body["lang"] == "zh"
    assert any("\u4e00" <= char <= "\u9fff" for char in body["summary"])
    assert any("\u4e00" <= char <= "\u9fff" for char in body["explanation"])


@pytest.mark.parametrize("name", NAMES)
def test_example_post_equals_get(client, name):
    get = client.get(example_url(name)).json
    post = client.post(f"/{name}", json=CONCEPTS[name].example).json
    assert post["result"] == get["result"]
    assert post["links"] == get["links"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt,mime", [("svg", "image/svg+xml"), ("md", "text/markdown"),
                                      ("html", "text/html")])
def test_formats_by_suffix_param_accept(client, name, fmt, mime):
    by_suffix = client.get(example_url(name, f".{fmt}"))
    by_param = client.get(example_url(name, format=fmt))
    by_accept = client.get(example_url(name), headers={"Accept": mime})
    for response in (by_suffix, by_param, by_accept):
        assert response.status_code == 200
        assert response.mimetype == mime


@pytest.mark.parametrize("name", NAMES)
def test_links_point_to_every_format(client, name):
    body = client.get(example_url(name)).json
    assert set(body["links"]) == {"json", "svg", "md", "html"}
    for fmt, url in body["links"].items():
        path = url.split("localhost", 1)[1]
        response = client.get(path)
        assert response.status_code == 200, (fmt, url)


def test_language_from_accept_language(client):
    body = client.get("/entropy?p=0.5,0.5", headers={"Accept-Language": "zh-CN,zh;q=0.9"}).json
    assert body["lang"] == "zh"
    body = client.get("/entropy?p=0.5,0.5&lang=en",
                      headers={"Accept-Language": "zh-CN"}).json
    assert body["lang"] == "en"
    body = client.get("/entropy?p=0.5,0.5", headers={"Accept-Language": "fr"}).json
    assert body["lang"] == "en"


def test_etag_answers_304(client):
    first = client.get("/entropy?p=0.5,0.25,0.25")
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"].startswith("public")
    second = client.get("/entropy?p=0.5,0.25,0.25", headers={"If-None-Match": etag})
    assert second.status_code == 304
    assert second.get_data() == b""
    other = client.get("/entropy?p=0.5,0.5", headers={"If-None-Match": etag})
    assert other.status_code == 200


def test_cors_header_everywhere(client):
    assert client.get("/entropy?p=0.5,0.5").headers["Access-Control-Allow-Origin"] == "*"
    assert client.get("/nowhere").headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/entropy")
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_concepts_lists_every_concept(client):
    body = client.get("/concepts").json
    names = [item["name"] for item in body["concepts"]]
    assert names == NAMES
    for item in body["concepts"]:
        assert item["example_url"].startswith("http://localhost/")
        assert item["parameters"]
        assert item["limits"]


def test_gallery_shows_every_picture(client):
    page = client.get("/").get_data(as_text=True)
    for name in NAMES:
        assert f'<img src="/{name}.svg?' in page


def test_docs_page_offline(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "<script" not in page
    assert "cdn" not in page.lower()
    for concept in CONCEPTS.values():
        assert concept.operation_id in page


def test_openapi_matches_committed_file(app):
    generated = to_yaml(build_spec(CONCEPTS))
    committed = SPEC_PATH.read_text(encoding="utf-8")
    assert committed == generated, "openapi.yaml is stale: run python -m service --write-openapi"


def test_openapi_served_both_ways(client):
    as_yaml = yaml.safe_load(client.get("/openapi.yaml").get_data(as_text=True))
    as_json = json.loads(client.get("/openapi.json").get_data(as_text=True))
    assert as_yaml == as_json
    assert as_json["openapi"].startswith("3.1")


def test_openapi_operations_documented():
    spec = build_spec(CONCEPTS)
    ids = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            ids.append(operation["operationId"])
            assert len(operation["description"]) < 300, (path, method)
            for parameter in operation.get("parameters", []):
                assert parameter["description"], (path, parameter["name"])
                assert "example" in parameter, (path, parameter["name"])
    assert len(ids) == len(set(ids))

"""Every failure is problem+json with the parameter, the value and what is accepted."""

from __future__ import annotations

import pytest

from tests.conftest import strict_json


def problem(response, status):
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = strict_json(response.get_data(as_text=True))
    assert body["status"] == status
    for key in ("type", "title", "detail"):
        assert body[key]
    return body


def test_unknown_parameter_lists_accepted(client):
    body = problem(client.get("/entropy?p=0.5,0.5&colour=red"), 400)
    assert "colour" in body["errors"]
    assert "p, q, base, labels" in body["detail"]


def test_unknown_parameter_chinese(client):
    body = problem(client.get("/entropy?p=0.5,0.5&colour=red&lang=zh"), 400)
    assert "未知参数" in body["detail"]
    assert body["title"] == "输入无效"


def test_missing_required_parameter(client):
    body = problem(client.get("/entropy"), 400)
    assert "'p' is required" in body["errors"]["p"]


def test_repeated_parameter(client):
    body = problem(client.get("/entropy?p=0.5,0.5&p=1"), 400)
    assert "given 2 times" in body["errors"]["p"]


@pytest.mark.parametrize("query,name,fragment", [
    ("p=abc", "p", "'abc'"),
    ("p=0.5,nan", "p", "'nan'"),
    ("p=0.5,inf", "p", "'inf'"),
    ("p=0.5,0.5&base=3", "base", "got '3'"),
    ("p=0.5,0.5&lang=fr", "lang", "got 'fr'"),
    ("p=0.5,0.5&theme=pink", "theme", "got 'pink'"),
    ("p=0.5,0.5&format=pdf", "format", "got 'pdf'"),
])
def test_invalid_values_named(client, query, name, fragment):
    body = problem(client.get(f"/entropy?{query}"), 400)
    assert name in body["errors"]
    assert fragment in body["errors"][name]


def test_unknown_route(client):
    body = problem(client.get("/no-such-concept"), 404)
    assert "/concepts" in body["detail"]


def test_wrong_method(client):
    response = client.delete("/entropy")
    problem(response, 405)
    assert "GET" in response.headers["Allow"]


def test_post_body_not_object(client):
    body = problem(client.post("/entropy", json=[1, 2]), 400)
    assert "JSON object" in body["detail"]
    problem(client.post("/entropy", data="p=1", content_type="text/plain"), 400)


def test_body_too_large(client):
    body = problem(client.post("/entropy", json={"p": [0.001] * 60000}), 413)
    assert "KiB" in body["detail"]


def test_list_too_long_is_413(client):
    values = ",".join(["1"] * 1001)
    body = problem(client.get(f"/entropy?p={values}"), 413)
    assert "at most 1000" in body["errors"]["p"]


def test_unavailable_format_is_406(client):
    response = client.get("/entropy?p=0.5,0.5", headers={"Accept": "application/pdf"})
    problem(response, 406)


def test_error_headers_not_cached(client):
    response = client.get("/entropy?p=-1,2")
    assert response.headers["Cache-Control"] == "no-store"


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


@pytest.mark.parametrize("url", [
    "/entropy?p=abc",
    "/entropy?p=0.5,-0.1,0.6",
    "/entropy?p=0.5,0.5&q=0.2,0.3,0.5",
    "/entropy?p=0.5,0.5&base=3",
    "/entropy?p=" + ",".join(["1"] * 1001),
    "/entropy?p=0.5,0.5&colour=red",
    "/entropy?p=0.5,0.5&theme=pink",
    "/entropy",
    "/fisher?distribution=bernoulli&p=0",
    "/no-such-concept",
])
def test_errors_in_chinese(client, url):
    english = client.get(url)
    chinese = client.get(url, headers={"Accept-Language": "zh-CN"})
    assert english.status_code == chinese.status_code
    assert english.status_code in (400, 404, 413)
    body = strict_json(chinese.get_data(as_text=True))
    assert _has_chinese(body["title"])
    assert _has_chinese(body["detail"])
    for message in body.get("errors", {}).values():
        assert _has_chinese(message), message

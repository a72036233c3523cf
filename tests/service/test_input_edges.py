"""Edge cases of request parsing, links and negotiation found by trying the service."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from service import create_app
from service.__main__ import main as serve_main
from tests.conftest import parse_svg, strict_json


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def test_deeply_nested_json_is_400(client):
    body = '{"p": ' + "[" * 5000 + "]" * 5000 + "}"
    response = client.post("/entropy", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "not valid JSON" in response.json["detail"]


def test_malformed_json_says_where(client):
    response = client.post("/entropy", data='{"p": [1,', content_type="application/json")
    assert response.status_code == 400
    assert "line 1, column" in response.json["detail"]


def test_null_parameter_named(client):
    response = client.post("/entropy", json={"p": [0.5, 0.5], "base": None})
    assert response.status_code == 400
    assert "'base' must not be null" in response.json["errors"]["base"]


def test_json_values_quoted_as_json(client):
    response = client.post("/entropy", json={"p": [True, False]})
    assert response.status_code == 400
    assert "'true'" in response.json["errors"]["p"]


def test_singular_entry_in_messages(client):
    response = client.get("/entropy?p=0.5,0.5&labels=a")
    assert "has 1 entry but" in response.json["errors"]["labels"]


def test_suffix_and_format_conflict(client):
    response = client.get("/entropy.svg?p=0.5,0.5&format=md")
    assert response.status_code == 400
    assert "format" in response.json["errors"]
    assert client.get("/entropy.svg?p=0.5,0.5&format=svg").status_code == 200


def test_labels_with_commas_round_trip(client):
    labels = ["A&B", "<b>", "c,d", "back\\slash"]
    body = client.post("/entropy", json={"p": [3, 1, 1, 1], "labels": labels}).json
    linked = client.get(path_of(body["links"]["json"]))
    assert linked.status_code == 200
    assert linked.json["inputs"]["labels"] == labels
    assert client.get(path_of(body["links"]["svg"])).status_code == 200


def test_long_input_drops_links(client):
    p = [round(0.001 + i * 1e-7, 9) for i in range(1000)]
    response = client.post("/entropy", json={"p": p})
    assert response.status_code == 200
    assert response.json["links"] == {}
    markdown = client.post("/entropy?format=md", json={"p": p}).get_data(as_text=True)
    assert "![" not in markdown
    page = client.post("/entropy?format=html", json={"p": p})
    assert page.status_code == 200


def test_negotiated_language_in_links(client):
    body = client.get("/entropy?p=0.5,0.5", headers={"Accept-Language": "zh-CN"}).json
    assert body["links"]["svg"].endswith("lang=zh")
    english = client.get("/entropy?p=0.5,0.5").json
    assert "lang=" not in english["links"]["svg"]


def test_public_url_used_in_links():
    app = create_app({"TESTING": True, "PUBLIC_URL": "https://explain.example.org/"})
    client = app.test_client()
    body = client.get("/entropy?p=0.5,0.5", headers={"Host": "evil.test"}).json
    assert body["links"]["json"] == "https://explain.example.org/entropy?p=0.5,0.5"
    concepts = client.get("/concepts", headers={"Host": "evil.test"}).json
    assert concepts["concepts"][0]["example_url"].startswith("https://explain.example.org/")


def test_huge_counts_rejected_not_500(client):
    response = client.get("/entropy?p=1e308,1e308")
    assert response.status_code == 400
    assert "Entry 1 of 'p'" in response.json["errors"]["p"]
    fine = client.get("/entropy?p=1e300,1e300")
    assert fine.status_code == 200
    assert fine.json["result"]["entropy"] == 1.0


def test_infinite_cross_entropy_in_legend(client):
    text = client.get("/entropy.svg?p=0.3,0.3,0.4&q=0.5,0.5,0").get_data(as_text=True)
    parse_svg(text)
    assert "H(p,q) = ∞" in text


def test_small_probabilities_scale_axis(client):
    text = client.get("/entropy.svg?p=" + ",".join(["1"] * 60)).get_data(as_text=True)
    assert ">0.02<" in text or ">0.01<" in text


def test_strict_json_everywhere(client):
    body = client.get("/entropy?p=0.5,0.5,0&q=0.5,0.5,0").get_data(as_text=True)
    assert strict_json(body)["result"]["surprisal"][2] == "Infinity"
    assert json.loads(body) == strict_json(body)


@pytest.mark.parametrize("argv", [["--port", "99999"], ["--workers", "0"], ["--port", "x"]])
def test_server_arguments_validated(argv, capsys):
    with pytest.raises(SystemExit) as error:
        serve_main(argv)
    assert error.value.code == 2
    message = capsys.readouterr().err
    assert "must be from" in message or "invalid whole number" in message


@pytest.mark.parametrize("body", [
    '{"p": [0.5, 0.5], "labels": ["\\ud800", "b"]}',
    '{"p": [0.5, 0.5], "\\udc00": 1}',
])
def test_lone_surrogate_is_400(client, body):
    response = client.post("/entropy", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "surrogate" in response.json["detail"]


def test_markdown_summary_escaped(client):
    body = {"p": [0.5, 0.5], "q": [1, 0], "labels": ["a", "<img src=x onerror=alert(1)>"]}
    markdown = client.post("/entropy?format=md", json=body).get_data(as_text=True)
    assert "<img" not in markdown
    assert "&lt;img src=x onerror=alert(1)&gt;" in markdown

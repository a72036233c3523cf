"""Entropy, cross-entropy and KL divergence against scipy.stats.entropy."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError
from scipy.stats import entropy as scipy_entropy

from concepts import InputError, load_all
from concepts.text import fmt
from tests.conftest import SVG_NS, parse_svg, strict_json, svg_texts

CONCEPT = load_all()["entropy"]
BASES = {"2": 2, "e": math.e, "10": 10}


def run(**query):
    params = CONCEPT.schema().load({key: str(value) for key, value in query.items()})
    return CONCEPT.compute(params)


@pytest.mark.parametrize("query,expected", [
    ({"p": "0.5,0.25,0.25"}, 1.5),
    ({"p": "1,1,1,1"}, 2.0),
    ({"p": "1,1,1,1", "base": "e"}, 1.386294),
    ({"p": "0.5,0.5,0"}, 1.0),
    ({"p": "0.5"}, 1.0),
    ({"p": "1"}, 0.0),
    ({"p": "0.5,0.5", "base": "10"}, math.log10(2)),
])
def test_entropy_textbook_values(query, expected):
    result = run(**query).result
    assert result["entropy"] == pytest.approx(expected, abs=1e-6)


def test_entropy_single_one_not_negative_zero():
    value = run(p="1").result["entropy"]
    assert value == 0.0
    assert math.copysign(1.0, value) == 1.0


def test_entropy_counts_normalised_and_said():
    outcome = run(p="1,1,1,1")
    assert outcome.result["normalised"] == {"p": True, "p_total": 4.0}
    text = CONCEPT.explain(outcome, "en").markdown
    assert "summed to 4" in text
    assert "总和" in CONCEPT.explain(outcome, "zh").markdown


def test_entropy_exact_distribution_not_normalised():
    assert run(p="0.5,0.25,0.25").result["normalised"] == {"p": False}


def test_entropy_negative_entry_rejected():
    with pytest.raises(InputError) as error:
        run(p="0.5,-0.1,0.6")
    message = error.value.errors["p"]
    assert "Entry 2" in message
    assert "-0.1" in message
    assert "第 2 项" in message.zh


@pytest.mark.parametrize("query,name", [
    ({"p": "0,0,0"}, "p"),
    ({"p": "1.5"}, "p"),
    ({"p": "0.5,0.5", "q": "0.2,0.3,0.5"}, "q"),
    ({"p": "0.5,0.5", "labels": "a,b,c"}, "labels"),
])
def test_entropy_invalid_combinations(query, name):
    with pytest.raises(InputError) as error:
        run(**query)
    assert name in error.value.errors


def test_entropy_schema_rejects_text():
    with pytest.raises(ValidationError) as error:
        CONCEPT.schema().load({"p": "0.5,x"})
    assert "Entry 2 of 'p'" in error.value.messages["p"][0]


def test_cross_entropy_textbook():
    result = run(p="0.5,0.5", q="0.9,0.1").result
    assert result["cross_entropy"] == pytest.approx(1.737, abs=5e-4)
    assert result["kl_divergence"] == pytest.approx(0.737, abs=5e-4)
    assert result["kl_divergence"] == pytest.approx(
        scipy_entropy([0.5, 0.5], [0.9, 0.1], base=2), rel=1e-12)


def test_kl_zero_in_p_is_finite():
    nats = run(p="0,0.1,0.9", q="0.1,0.1,0.8", base="e").result
    bits = run(p="0,0.1,0.9", q="0.1,0.1,0.8").result
    assert nats["kl_divergence"] == pytest.approx(0.106005, abs=1e-6)
    assert bits["kl_divergence"] == pytest.approx(0.152933, abs=1e-6)


def test_kl_zero_in_p_log_five_thirds():
    result = run(p="0.5,0.5,0", q="0.3,0.3,0.4", base="e").result
    assert result["kl_divergence"] == pytest.approx(math.log(5 / 3), abs=1e-12)


def test_kl_infinite_names_outcome():
    outcome = run(p="0.3,0.3,0.4", q="0.5,0.5,0")
    assert math.isinf(outcome.result["kl_divergence"])
    assert math.isinf(outcome.result["cross_entropy"])
    assert outcome.result["infinite_because"] == ["x3"]
    english = CONCEPT.explain(outcome, "en")
    assert "x3" in english.markdown
    assert "infinite" in english.markdown
    assert "smoothed" in english.markdown
    assert "无穷大" in CONCEPT.explain(outcome, "zh").markdown


def test_kl_infinite_encoded_as_string(client):
    response = client.get("/entropy?p=0.3,0.3,0.4&q=0.5,0.5,0")
    body = strict_json(response.get_data(as_text=True))
    assert body["result"]["kl_divergence"] == "Infinity"
    assert body["result"]["cross_entropy"] == "Infinity"


def test_zero_probability_surprisal_infinite(client):
    body = strict_json(client.get("/entropy?p=0.5,0.5,0").get_data(as_text=True))
    assert body["result"]["surprisal"] == [1.0, 1.0, "Infinity"]
    assert body["result"]["entropy"] == 1.0


def test_identity_in_steps():
    outcome = run(p="0.5,0.5", q="0.9,0.1")
    steps = CONCEPT.explain(outcome, "en").steps
    identity = steps[-1]
    values = identity.values
    assert values["cross_entropy"] == pytest.approx(values["entropy"] + values["kl_divergence"])
    assert "H(p,q) - H(p)" in identity.text


def test_steps_replay_to_entropy():
    outcome = run(p="3,1,0,4")
    steps = CONCEPT.explain(outcome, "en").steps
    contributions = [step.values["contribution"] for step in steps
                     if "contribution" in step.values]
    assert math.fsum(contributions) == pytest.approx(outcome.result["entropy"])


probabilities = st.lists(st.floats(min_value=0, max_value=1000, allow_nan=False),
                         min_size=2, max_size=30).filter(lambda xs: sum(xs) > 1e-6)


@settings(max_examples=100, deadline=None)
@given(p=probabilities, base=st.sampled_from(["2", "e", "10"]))
def test_entropy_matches_scipy(p, base):
    outcome = CONCEPT.compute(CONCEPT.schema().load({"p": p, "base": base}))
    expected = scipy_entropy(p, base=BASES[base])
    assert outcome.result["entropy"] == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert 0 <= outcome.result["entropy"] <= outcome.result["max_entropy"] + 1e-12


@settings(max_examples=100, deadline=None)
@given(data=st.data(), base=st.sampled_from(["2", "e", "10"]))
def test_kl_matches_scipy(data, base):
    p = data.draw(probabilities)
    q = data.draw(st.lists(st.floats(min_value=0, max_value=1000, allow_nan=False),
                           min_size=len(p), max_size=len(p)).filter(lambda xs: sum(xs) > 1e-6))
    outcome = CONCEPT.compute(CONCEPT.schema().load({"p": p, "q": q, "base": base}))
    expected = scipy_entropy(p, q, base=BASES[base])
    result = outcome.result
    if math.isinf(expected):
        assert math.isinf(result["kl_divergence"])
        assert math.isinf(result["cross_entropy"])
    else:
        assert result["kl_divergence"] == pytest.approx(expected, rel=1e-7, abs=1e-9)
        assert result["cross_entropy"] == pytest.approx(
            result["entropy"] + result["kl_divergence"], rel=1e-9, abs=1e-9)


_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:×10\^-?\d+)?")


def _cited_numbers(text: str) -> set[str]:
    return set(_NUMBER.findall(text))


def _result_numbers(outcome) -> set[str]:
    found = set()

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            found.add(fmt(value))
            found.add(fmt(value, 3))

    walk(outcome.result)
    walk(outcome.inputs)
    return found


@pytest.mark.parametrize("query", [
    {"p": "0.5,0.25,0.25"},
    {"p": "0.5,0.5", "q": "0.9,0.1"},
    {"p": "1,1,1,1", "base": "e"},
    {"p": "0.3"},
    {"p": "0,0.1,0.9", "q": "0.1,0.1,0.8", "base": "10"},
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explanation_numbers_match_result(query, lang):
    outcome = run(**query)
    explanation = CONCEPT.explain(outcome, lang)
    known = _result_numbers(outcome)
    # Small counts ("4 outcomes") and the constants of the formulas are not results.
    allowed = known | {"0", "1", "2", "10", "100", "3", "4", "5"}
    for text in (explanation.summary, explanation.markdown):
        cited = {number for number in _cited_numbers(text) if number not in allowed}
        percentages = {fmt(100 * outcome.result["entropy"] / outcome.result["max_entropy"], 3)
                       if outcome.result["max_entropy"] else "0"}
        assert cited <= percentages, cited - percentages


HOSTILE = ["<img src=x onerror=alert(1)>", 'A&B "q"', "</text><script>alert(2)</script>"]


@pytest.mark.parametrize("theme", ["light", "dark", "auto"])
def test_labels_escaped_in_svg(theme):
    params = CONCEPT.schema().load({"p": [0.2, 0.3, 0.5], "labels": HOSTILE})
    outcome = CONCEPT.compute(params)
    text = CONCEPT.draw(outcome, "en", theme)
    root = parse_svg(text)
    assert "<script" not in text
    assert "<img" not in text
    titles = ["".join(node.itertext()) for node in root.iter(f"{SVG_NS}title")]
    for label in HOSTILE:
        assert label in titles or label in svg_texts(root), label


def test_labels_escaped_in_every_format(client):
    body = {"p": [0.2, 0.3, 0.5], "labels": HOSTILE}
    for fmt_name in ("json", "svg", "md", "html"):
        response = client.post(f"/entropy?format={fmt_name}", json=body)
        assert response.status_code == 200
        text = response.get_data(as_text=True)
        assert "<script>" not in text, fmt_name
        assert "<img src=x" not in text, fmt_name
    page = client.post("/entropy?format=html", json=body).get_data(as_text=True)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_svg_deterministic_and_small():
    outcome = run(p="0.5,0.25,0.25")
    first = CONCEPT.draw(outcome, "en", "light")
    second = CONCEPT.draw(run(p="0.5,0.25,0.25"), "en", "light")
    assert first == second
    assert len(first.encode()) < 12_000


def test_bernoulli_draws_binary_curve():
    root = parse_svg(CONCEPT.draw(run(p="0.3"), "en", "light"))
    texts = svg_texts(root)
    assert "Binary entropy H(p)" in texts
    assert any(text.startswith("p = 0.3, H(p) = 0.8813") for text in texts)


def test_dark_theme_uses_dark_background():
    text = CONCEPT.draw(run(p="0.5,0.5"), "en", "dark")
    assert ".bg{fill:#16181d}" in text
    auto = CONCEPT.draw(run(p="0.5,0.5"), "en", "auto")
    assert "prefers-color-scheme:dark" in auto


def test_large_input_draws_without_overlap():
    outcome = run(p=",".join(str(i + 1) for i in range(1000)))
    root = ET.fromstring(CONCEPT.draw(outcome, "en", "light"))
    assert root is not None
    assert outcome.result["max_entropy"] == pytest.approx(np.log2(1000))

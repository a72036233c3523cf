"""The /sorting endpoint: results, steps, texts, drawings and input errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts.sorting.algorithms import ALGORITHMS, run
from concepts.sorting.sorting import (MAX_ANIMATED, MAX_STEPS, MAX_VALUES,
                                      MAX_VALUES_ALL, generate)
from service import create_app

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def client():
    return create_app().test_client()


def get(client, query: str, path: str = "/sorting"):
    return client.get(f"{path}?{query}")


def replay_steps(values, steps):
    a = list(values)
    for step in steps:
        event = step["values"]
        if event["kind"] == "swap":
            a[event["i"]], a[event["j"]] = a[event["j"]], a[event["i"]]
        elif event["kind"] == "write":
            a[event["i"]] = event["value"]
    return a


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def test_sorting_default_example(client):
    response = get(client, "algorithm=quick&values=5,2,9,1,5,6")
    body = response.json
    assert response.status_code == 200
    assert body["concept"] == "sorting"
    assert body["result"]["sorted"] == [1, 2, 5, 5, 6, 9]
    assert body["inputs"]["values"] == [5, 2, 9, 1, 5, 6]
    assert body["inputs"]["pivot"] == "last"
    assert replay_steps([5, 2, 9, 1, 5, 6], body["steps"]) == [1, 2, 5, 5, 6, 9]


def test_quick_sorted_eight_case(client):
    body = get(client, "algorithm=quick&values=1,2,3,4,5,6,7,8&pivot=last").json
    result = body["result"]
    assert result["comparisons"] == 28
    assert result["recursion_depth"] == 7
    assert result["pivot"] == "last"
    assert "28 comparisons" in body["summary"]
    assert "Pivot rule: last element" in body["summary"]
    assert "recursion depth 7" in body["summary"]
    assert "depth 7 = n - 1" in body["explanation"]


def test_quick_sorted_1500_case(client):
    response = get(client, "algorithm=quick&n=1500&pattern=sorted&pivot=last")
    result = response.json["result"]
    assert response.status_code == 200
    assert result["comparisons"] == 1_124_250
    assert result["recursion_depth"] == 1499
    assert result["sorted"] == list(range(1, 1501))
    assert result["steps_truncated"] is True
    assert result["steps_shown"] == MAX_STEPS
    assert len(response.json["steps"]) == MAX_STEPS
    assert result["events"] > 1_124_250
    assert "1124250 comparisons" in response.json["summary"]
    assert f"the first {MAX_STEPS}" in response.json["explanation"]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_sorting_result_fields(client, algorithm):
    result = get(client, f"algorithm={algorithm}&values=3,1,2,3,0").json["result"]
    assert result["algorithm"] == algorithm
    assert result["n"] == 5
    assert result["sorted"] == [0, 1, 2, 3, 3]
    assert set(result["complexity"]) == {"best", "average", "worst", "space"}
    assert result["stability"]["equal_keys"] is True
    assert result["steps_truncated"] is False
    assert ("recursion_depth" in result) == (algorithm in ("quick", "merge"))


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explanation_numbers_equal_result(client, algorithm, lang):
    body = get(client, f"algorithm={algorithm}&values=4,-1,7.5,2,2,9,0&lang={lang}").json
    result = body["result"]
    if lang == "en":
        comparisons = plural(result["comparisons"], "comparison")
        swaps = plural(result["swaps"], "swap")
        writes = plural(result["writes"], "array write")
        assert f"{comparisons}, {swaps} and {writes}" in body["summary"]
        assert f"**{comparisons}**" in body["explanation"]
        assert f"**{writes}**" in body["explanation"]
        assert f"all {result['events']} events" in body["explanation"]
    else:
        assert f"{result['comparisons']} 次比较" in body["summary"]
        assert f"{result['writes']} 次数组写入" in body["summary"]
        assert f"**{result['swaps']} 次交换**" in body["explanation"]
        assert f"全部 {result['events']} 个事件" in body["explanation"]
    assert "n(n-1)/2 = 21" in body["explanation"]
    assert result["complexity"]["worst"] in body["explanation"]


@pytest.mark.parametrize("lang,words", [
    ("en", ["Compare", "Swap", "Partition"]), ("zh", ["比较", "交换", "枢轴"])])
def test_steps_text_language(client, lang, words):
    steps = get(client, f"algorithm=quick&values=3,9,1,5&lang={lang}").json["steps"]
    texts = " ".join(step["text"] for step in steps)
    for word in words:
        assert word in texts


def test_summary_singular_counts(client):
    summary = get(client, "algorithm=bubble&values=2,1").json["summary"]
    assert "2 values with 1 comparison, 1 swap and 2 array writes." in summary


def test_step_text_cites_values(client):
    steps = get(client, "algorithm=bubble&values=2.5,-1").json["steps"]
    assert steps[0]["text"] == "Compare a[0] = 2.5 with a[1] = -1."
    assert steps[0]["values"] == {"kind": "compare", "i": 0, "j": 1,
                                  "values": [2.5, -1]}
    assert steps[1]["text"] == "Swap a[0] = 2.5 and a[1] = -1."


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stability_shown_in_text(client, lang):
    body = get(client, f"algorithm=selection&values=5,5,1&lang={lang}").json
    stability = body["result"]["stability"]
    assert stability["order_kept"] is False
    assert stability["example"] == {"value": 5, "positions": [1, 0]}
    phrase = ("the 5 from input position 1 ended up before the one from position 0"
              if lang == "en" else "来自输入位置 1 的 5 排到了来自位置 0 的那个前面")
    assert phrase in body["explanation"]


def test_stable_algorithm_keeps_order(client):
    result = get(client, "algorithm=merge&values=5,5,1").json["result"]
    assert result["stable"] is True
    assert result["stability"] == {"equal_keys": True, "order_kept": True}


@pytest.mark.parametrize("values", ["", "7"])
def test_sorting_tiny_input(client, values):
    response = get(client, f"algorithm=heap&values={values}")
    body = response.json
    expected = [] if values == "" else [7]
    assert response.status_code == 200
    assert body["result"]["sorted"] == expected
    assert body["result"]["comparisons"] == 0
    assert "nothing to compare" in body["explanation"]
    ET.fromstring(body["svg"])


def test_sorting_post_json(client):
    response = client.post("/sorting", json={"algorithm": "insertion",
                                             "values": [3, 1, 2]})
    assert response.status_code == 200
    assert response.json["result"]["sorted"] == [1, 2, 3]


@pytest.mark.parametrize("pattern", ["random", "sorted", "reversed", "few-unique",
                                     "nearly-sorted"])
def test_generated_patterns(client, pattern):
    body = get(client, f"algorithm=merge&n=30&pattern={pattern}&seed=4").json
    values = body["inputs"]["values"]
    assert len(values) == 30
    assert body["inputs"]["pattern"] == pattern
    assert body["result"]["sorted"] == sorted(values)
    assert values == generate(30, pattern, 4)
    if pattern == "sorted":
        assert values == list(range(1, 31))
    if pattern == "reversed":
        assert values == list(range(30, 0, -1))
    if pattern == "few-unique":
        assert set(values) <= {25, 50, 75, 100}


def test_all_table_matches_single_runs(client):
    body = get(client, "algorithm=all&values=4,1,3,1,5,9,2,6&pivot=first&gaps=knuth").json
    table = body["result"]["table"]
    assert [row["algorithm"] for row in table] == list(ALGORITHMS)
    for row in table:
        single = get(client, f"algorithm={row['algorithm']}&values=4,1,3,1,5,9,2,6"
                     + ("&pivot=first" if row["algorithm"] == "quick" else "")
                     + ("&gaps=knuth" if row["algorithm"] == "shell" else "")).json
        for key in ("comparisons", "swaps", "writes", "events"):
            assert row[key] == single["result"][key]
    assert len(body["steps"]) == 7
    assert body["result"]["gaps"] == [4, 1]
    assert "| Quicksort |" in body["explanation"]


def test_all_counts_cited_in_text(client):
    body = get(client, "algorithm=all&n=40&lang=zh").json
    table = body["result"]["table"]
    fewest = min(row["comparisons"] for row in table)
    most = max(row["comparisons"] for row in table)
    assert f"（{fewest} 次）" in body["summary"]
    assert f"（{most} 次）" in body["summary"]
    for row, step in zip(table, body["steps"]):
        assert f"{row['comparisons']} 次比较" in step["text"]


@settings(max_examples=30, deadline=None)
@given(values=st.lists(st.integers(-50, 50) | st.floats(-100, 100, allow_nan=False),
                       max_size=25),
       algorithm=st.sampled_from(ALGORITHMS))
def test_sorting_http_replay(client, values, algorithm):
    response = client.post("/sorting", json={"algorithm": algorithm, "values": values})
    body = response.json
    assert response.status_code == 200
    assert body["result"]["sorted"] == sorted(values)
    assert replay_steps(body["inputs"]["values"], body["steps"]) == sorted(values)


@pytest.mark.parametrize("query,param,words", [
    ("values=1,2&n=3", "values", ["'values' or 'n'"]),
    ("algorithm=merge&values=1,2&pivot=first", "pivot",
     ["'pivot=first'", "algorithm=merge", "algorithm=quick"]),
    ("algorithm=quick&values=1,2&gaps=knuth", "gaps", ["'gaps=knuth'", "algorithm=quick"]),
    ("values=1,2&pattern=sorted", "pattern", ["'pattern=sorted'", "'n'"]),
    ("values=1,2&seed=3", "seed", ["'seed=3'"]),
    ("algorithm=all&n=10&animate=true", "animate", ["algorithm=all"]),
    ("algorithm=quick", "values", ["'values' is missing"]),
    ("values=1,abc,3", "values", ["'values'", "'abc'"]),
    ("values=1,2&algorithm=bogo", "algorithm", ["'bogo'", "selection"]),
    ("values=1,2&pivot=middle", "pivot", ["'middle'", "median-of-three"]),
    ("n=-1", "n", ["-1"]),
    ("values=1,2&animate=maybe", "animate", ["'maybe'"]),
])
def test_sorting_invalid_input(client, query, param, words):
    response = get(client, query)
    problem = response.json
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert param in problem["errors"]
    for word in words:
        assert word in problem["detail"] or word in problem["errors"][param]


def test_sorting_invalid_input_chinese(client):
    problem = get(client, "algorithm=merge&values=1,2&pivot=first&lang=zh").json
    assert "不适用于 algorithm=merge" in problem["errors"]["pivot"]


def test_sorting_over_limit_chinese(client):
    response = get(client, f"algorithm=quick&n={MAX_ANIMATED + 1}&animate=true&lang=zh")
    assert response.status_code == 413
    assert f"动画最多 {MAX_ANIMATED} 个数" in response.json["errors"]["n"]


def test_sorting_script_value_rejected(client):
    response = get(client, "values=1,<script>alert(1)</script>")
    assert response.status_code == 400
    assert "<script>alert(1)</script>" in response.json["errors"]["values"]


@pytest.mark.parametrize("query,param", [
    (f"n={MAX_VALUES + 1}", "n"),
    ("values=" + ",".join(["1"] * (MAX_VALUES + 1)), "values"),
    (f"algorithm=all&n={MAX_VALUES_ALL + 1}", "n"),
    (f"algorithm=bubble&n={MAX_ANIMATED + 1}&animate=true", "n"),
    ("animate=true&values=" + ",".join(["2"] * (MAX_ANIMATED + 1)), "values"),
])
def test_sorting_over_limit_413(client, query, param):
    response = get(client, query)
    assert response.status_code == 413
    assert param in response.json["errors"]


def test_sorting_at_limit_ok(client):
    assert get(client, f"algorithm=all&n={MAX_VALUES_ALL}&pattern=reversed").status_code == 200
    response = get(client, f"algorithm=bubble&n={MAX_ANIMATED}&pattern=reversed"
                   "&animate=true")
    assert response.status_code == 200
    assert response.json["result"]["events"] == 2 * (64 * 63 // 2)


@pytest.mark.parametrize("query", [
    "algorithm=quick&values=5,2,9,1,5,6",
    "algorithm=shell&n=300&gaps=ciura",
    "algorithm=insertion&values=3,-2.5,0,7,-1,2&animate=true",
    "algorithm=all&n=50&pattern=few-unique",
    "algorithm=heap&n=1500&theme=dark&lang=zh",
])
def test_sorting_svg_parses(client, query):
    response = get(client, query, "/sorting.svg")
    assert response.status_code == 200
    root = ET.fromstring(response.data)
    assert root.find(f"{SVG}title").text
    assert root.find(f"{SVG}desc").text == get(client, query).json["summary"]
    assert len(response.data) < 200_000


def test_animated_svg_has_smil(client):
    animated = get(client, "algorithm=bubble&values=3,1,2&animate=true",
                   "/sorting.svg").data.decode()
    static = get(client, "algorithm=bubble&values=3,1,2", "/sorting.svg").data.decode()
    root = ET.fromstring(animated)
    transforms = root.findall(f".//{SVG}animateTransform")
    assert transforms
    assert all(t.get("repeatCount") == "indefinite" for t in transforms)
    assert "<script" not in animated
    assert "<animate" not in static


def test_animated_bars_end_sorted(client):
    # The last value of each bar's animation is the bar of the sorted array.
    animated = get(client, "algorithm=selection&values=3,1,2&animate=true",
                   "/sorting.svg").data.decode()
    root = ET.fromstring(animated)
    bars = [rect for rect in root.iter(f"{SVG}rect")
            if rect.get("class") == "s0" and rect.get("height") == "1"]
    finals = []
    for bar in bars:
        motion = bar.find(f"{SVG}animateTransform")
        scale = motion.get("values").split(";")[-1] if motion is not None \
            else bar.get("transform")[6:-1]
        finals.append(float(scale.split()[1]))
    assert len(finals) == 3
    assert finals[0] > finals[1] > finals[2]


@pytest.mark.parametrize("query", ["algorithm=quick&n=40&pattern=random&seed=9",
                                   "algorithm=all&n=20",
                                   "algorithm=merge&n=20&animate=true"])
def test_sorting_deterministic(client, query):
    for path in ("/sorting", "/sorting.svg", "/sorting.md"):
        assert get(client, query, path).data == get(client, query, path).data


@pytest.mark.parametrize("path", ["/sorting.md", "/sorting.html"])
def test_sorting_other_formats(client, path):
    response = get(client, "algorithm=shell&values=9,8,7,6,5,4,3,2,1", path)
    assert response.status_code == 200
    assert b"Shell sort" in response.data


def test_quick_random_pivot_uses_seed(client):
    base = "algorithm=quick&n=200&pivot=random"
    one = get(client, base + "&seed=1").json["result"]
    same = get(client, base + "&seed=1").json["result"]
    assert one["comparisons"] == same["comparisons"]
    values = get(client, base + "&seed=1").json["inputs"]["values"]
    trace = run("quick", values, pivot="random", seed=1)
    assert one["comparisons"] == trace.comparisons


def test_sorting_listed_in_concepts(client):
    listing = client.get("/concepts").json
    text = str(listing)
    assert "sorting" in text
    assert str(MAX_ANIMATED) in text


def test_description_and_field_docs():
    from concepts.sorting.sorting import CONCEPT, SortingInput

    assert len(CONCEPT.description) < 300
    for name, field in SortingInput().fields.items():
        assert field.metadata.get("description"), name
        assert field.metadata.get("example") is not None, name


def test_merge_depth_in_text(client):
    body = get(client, "algorithm=merge&n=64&pattern=reversed").json
    depth = body["result"]["recursion_depth"]
    assert depth == 6
    assert re.search(rf"went {depth} levels deep", body["explanation"])


def frame_captions(svg: bytes) -> list[tuple[int, str]]:
    """Return (step number, caption) for each "after step N of M" frame."""
    texts = [element.text or "" for element in ET.fromstring(svg).iter(f"{SVG}text")]
    frames = []
    for head, caption in zip(texts, texts[1:]):
        match = re.fullmatch(r"after step (\d+) of \d+", head)
        if match:
            frames.append((int(match.group(1)), caption))
    return frames


@pytest.mark.parametrize("query,name,values", [
    ("algorithm=bubble&n=250&pattern=reversed", "bubble", list(range(250, 0, -1))),
    ("algorithm=insertion&n=1500&pattern=reversed", "insertion",
     list(range(1500, 0, -1))),
    ("algorithm=quick&n=600&pattern=sorted", "quick", list(range(1, 601))),
])
def test_key_frames_captioned_past_cap(client, query, name, values):
    from concepts.sorting.drawing import _caption

    frames = frame_captions(get(client, query, "/sorting.svg").data)
    full = run(name, values, event_cap=10**9)
    assert len(frames) == 6
    for number, caption in frames:
        assert number > MAX_STEPS
        assert caption == _caption(full.events[number - 1], "en")


def test_values_and_n_detail_once(client):
    for lang, phrase in (("en", "Give either 'values' or 'n', not both"),
                         ("zh", "“values”和“n”只能给一个")):
        problem = get(client, f"values=1,2&n=3&lang={lang}").json
        assert problem["detail"].count(phrase) == 1
        assert phrase in problem["errors"]["values"]
        assert phrase in problem["errors"]["n"]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("values", ["", "5"])
def test_tiny_input_no_plural_errors(client, algorithm, values):
    body = get(client, f"algorithm={algorithm}&values={values}").json
    text = body["explanation"] + body["svg"]
    assert "This run had no events, so there are no steps." in body["explanation"]
    assert not re.search(r"(?<![\w-])1 [a-z]+s\b", text)
    animated = get(client, f"algorithm={algorithm}&values={values}&animate=true").json
    assert "There are no steps; the array stays" in animated["svg"]


def test_two_values_singular_counts(client):
    merge = get(client, "algorithm=merge&values=2,1").json["explanation"]
    assert "n(n-1)/2 = 1 comparison," in merge
    assert "The halving went 1 level deep" in merge
    quick = get(client, "algorithm=quick&values=2,1").json["explanation"]
    assert "log2 n ≈ 1 level." in quick
    single = get(client, "algorithm=all&values=5").json
    assert "sorted the same 1 value." in single["explanation"]
    assert "on the same 1 value<" in single["svg"]

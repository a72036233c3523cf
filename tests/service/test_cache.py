"""The response cache: same bytes as without it, bounded, and skips errors."""

from __future__ import annotations

from service import create_app
from service.cache import ResponseCache


def test_cache_same_bytes_as_uncached():
    cached = create_app({"TESTING": True}).test_client()
    uncached = create_app({"TESTING": True, "RESPONSE_CACHE_SIZE": 0}).test_client()
    for url in ("/entropy?p=0.5,0.25,0.25", "/entropy.svg?p=0.3&theme=dark",
                "/entropy.md?p=1,1&lang=zh"):
        first = cached.get(url).get_data()
        second = cached.get(url).get_data()
        assert first == second
        assert first == uncached.get(url).get_data()


def test_cache_separates_language_and_host():
    client = create_app({"TESTING": True}).test_client()
    english = client.get("/entropy?p=0.5,0.5").json
    chinese = client.get("/entropy?p=0.5,0.5", headers={"Accept-Language": "zh"}).json
    assert english["lang"] == "en"
    assert chinese["lang"] == "zh"
    other_host = client.get("/entropy?p=0.5,0.5", headers={"Host": "other.test"}).json
    assert other_host["links"]["json"].startswith("http://other.test/")


def test_cache_errors_not_stored():
    app = create_app({"TESTING": True})
    client = app.test_client()
    assert client.get("/entropy?p=-1,2").status_code == 400
    assert client.get("/entropy?p=-1,2").status_code == 400
    assert len(app.extensions["response_cache"]._entries) == 0


def test_cache_evicts_least_recent():
    cache = ResponseCache(max_entries=2)
    cache.put(("a",), b"1")
    cache.put(("b",), b"2")
    assert cache.get(("a",)) == b"1"
    cache.put(("c",), b"3")
    assert cache.get(("b",)) is None
    assert cache.get(("a",)) == b"1"
    assert cache.get(("c",)) == b"3"


def test_cache_skips_large_bodies():
    cache = ResponseCache(max_entries=4, max_body_bytes=10)
    cache.put(("big",), b"x" * 11)
    assert cache.get(("big",)) is None


def test_cache_disabled():
    cache = ResponseCache(max_entries=0)
    cache.put(("a",), b"1")
    assert cache.get(("a",)) is None

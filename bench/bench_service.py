"""Requests per second through the app against a bare Flask endpoint.

Both apps run in this process through Werkzeug's test client, one after
the other, so the ratio shows what validation, computing, explaining,
drawing and encoding cost over Flask's own routing, first with the
response cache off and then with a repeated request served from it. No sockets are
involved, and a real server adds the same network cost to both. Run from the repository root:

    .venv/bin/python bench/bench_service.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

from urllib.parse import urlencode

from flask import Flask, jsonify

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service import create_app  # noqa: E402


def bare_app() -> Flask:
    app = Flask("bare")

    @app.get("/ping")
    def ping():
        return jsonify(status="ok", value=1.5)

    return app


def rate(client, url: str, seconds: float, headers: dict | None = None) -> float:
    """Return requests per second for ``url`` over about ``seconds``."""
    for _ in range(20):
        client.get(url, headers=headers)
    count = 0
    started = time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        for _ in range(10):
            response = client.get(url, headers=headers)
        count += 10
    assert response.status_code in (200, 304), (url, response.status_code)
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0,
                        help="measuring time per URL (default 3)")
    args = parser.parse_args()

    # Uncached: every request computes, explains, draws and encodes.
    app = create_app({"RESPONSE_CACHE_SIZE": 0})
    client = app.test_client()
    cached = create_app().test_client()
    bare = rate(bare_app().test_client(), "/ping", args.seconds)
    print(f"python {platform.python_version()} on {platform.machine()}")
    print(f"{'endpoint (uncached unless marked)':48} {'req/s':>9} {'vs bare':>8}")
    print(f"{'bare Flask /ping':48} {bare:9.0f} {1:8.2f}")
    for name, concept in app.extensions["concepts"].items():
        query = urlencode(concept.example, safe=",;:")
        for suffix in ("", ".svg"):
            url = f"/{name}{suffix}?{query}"
            measured = rate(client, url, args.seconds)
            print(f"{url[:48]:48} {measured:9.0f} {measured / bare:8.2f}")
        measured = rate(cached, f"/{name}?{query}", args.seconds)
        print(f"{(name + ' from the response cache')[:48]:48} {measured:9.0f} "
              f"{measured / bare:8.2f}")
        etag = cached.get(f"/{name}?{query}").headers["ETag"]
        measured = rate(cached, f"/{name}?{query}", args.seconds,
                        headers={"If-None-Match": etag})
        print(f"{(name + ' cached, If-None-Match (304)')[:48]:48} {measured:9.0f} "
              f"{measured / bare:8.2f}")


if __name__ == "__main__":
    main()

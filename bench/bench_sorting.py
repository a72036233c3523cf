"""Time /sorting at its largest accepted inputs, per algorithm.

Each case is a full request through Werkzeug's test client (validation,
sorting, explanation, drawing and JSON encoding), repeated and reported
as the median, plus the response and SVG sizes. The inputs are each
algorithm's worst case at the limit: reversed input for the quadratic
sorts, sorted input for quicksort with the last-element pivot. Run from
the repository root:

    .venv/bin/python bench/bench_sorting.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from concepts.sorting.sorting import MAX_ANIMATED, MAX_VALUES, MAX_VALUES_ALL  # noqa: E402
from service import create_app  # noqa: E402

WORST = {"selection": "reversed", "bubble": "reversed", "insertion": "reversed",
         "shell": "reversed", "merge": "reversed", "quick": "sorted",
         "heap": "random"}


def cases() -> list[tuple[str, str]]:
    rows = []
    for algorithm, pattern in WORST.items():
        rows.append((f"{algorithm}, n={MAX_VALUES} {pattern}",
                     f"/sorting?algorithm={algorithm}&n={MAX_VALUES}&pattern={pattern}"))
    rows.append((f"all, n={MAX_VALUES_ALL} reversed",
                 f"/sorting?algorithm=all&n={MAX_VALUES_ALL}&pattern=reversed"))
    for algorithm in ("bubble", "insertion", "quick"):
        pattern = "sorted" if algorithm == "quick" else "reversed"
        rows.append((f"{algorithm} animated, n={MAX_ANIMATED} {pattern}",
                     f"/sorting?algorithm={algorithm}&n={MAX_ANIMATED}"
                     f"&pattern={pattern}&animate=true"))
    rows.append(("default example", "/sorting?algorithm=quick&values=5,2,9,1,5,6"))
    return rows


def measure(client, url: str, repeat: int) -> tuple[float, int, int]:
    """Return the median seconds, the JSON size and the SVG size for ``url``."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), len(response.data), len(response.json["svg"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5,
                        help="requests per case; the median is reported (default 5)")
    args = parser.parse_args()

    client = create_app({"RESPONSE_CACHE_SIZE": 0}).test_client()
    print(f"python {platform.python_version()} on {platform.machine()}, "
          f"{os.cpu_count()} CPUs")
    print("| case | median time | JSON | SVG |")
    print("|---|---|---|---|")
    for name, url in cases():
        seconds, json_size, svg_size = measure(client, url, args.repeat)
        print(f"| {name} | {seconds * 1000:.0f} ms | {json_size / 1000:.0f} kB "
              f"| {svg_size / 1000:.0f} kB |")


if __name__ == "__main__":
    main()

"""SVG build time: our builder against matplotlib for an equivalent chart.

The chart is the entropy drawing of the default example (three bars of
p over their surprisals). matplotlib draws the same two bar panels with
labels. Its SVG backend keeps text as text and uses a fixed hash salt,
so its output is deterministic too. Needs the bench extra (matplotlib):

    .venv/bin/pip install '.[bench]' && .venv/bin/python bench/bench_svg.py
"""

from __future__ import annotations

import io
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from concepts import load_all  # noqa: E402


def ours(concept, outcome) -> str:
    return concept.draw(outcome, "en", "light")


def with_matplotlib(outcome) -> str:
    import matplotlib

    matplotlib.use("svg")
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = "bench"
    import matplotlib.pyplot as plt

    labels = outcome.facts.labels
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(4, 4.7))
    bars = top.bar(labels, outcome.result["p"])
    top.bar_label(bars, fmt="%.3g")
    top.set_ylabel("probability")
    bars = bottom.bar(labels, outcome.result["surprisal"])
    bottom.bar_label(bars, fmt="%.3g")
    bottom.axhline(outcome.result["entropy"], linestyle="--", color="black")
    bottom.set_ylabel("surprisal (bits)")
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    return buffer.getvalue()


def main() -> None:
    concept = load_all()["entropy"]
    outcome = concept.compute(concept.schema().load(concept.example))
    runs = 2000
    ours_time = min(timeit.repeat(lambda: ours(concept, outcome), number=runs, repeat=3)) / runs
    ours_size = len(ours(concept, outcome).encode())
    print(f"ours:       {ours_time * 1e6:8.1f} µs per drawing, {ours_size} bytes")
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print("matplotlib is not installed: pip install '.[bench]'")
        return
    runs = 30
    mpl_time = min(timeit.repeat(lambda: with_matplotlib(outcome), number=runs, repeat=3)) / runs
    mpl_size = len(with_matplotlib(outcome).encode())
    print(f"matplotlib: {mpl_time * 1e6:8.1f} µs per drawing, {mpl_size} bytes")
    print(f"ratio:      {mpl_time / ours_time:8.1f}x faster")


if __name__ == "__main__":
    main()

"""Time every graph endpoint on the largest graph its limits allow.

Each case sends requests through the app's test client (no sockets).
JSON and the SVG picture use the largest graph allowed: 200 nodes and
2,000 edges. Frames and the SMIL animation use the largest graph they are
drawn for: 60 nodes and 300 edges. The script reports the median time of
several runs and the response size. Graphs are random with a fixed seed
and weights 1 to 100. Run from the repository root:

    .venv/bin/python bench/bench_graphs.py [--repeat 5] [--only graph/bfs]

To add an endpoint, append one ``Case`` to ``CASES``.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service import create_app  # noqa: E402

NODES, EDGES = 200, 2000
FRAME_NODES, FRAME_EDGES = 60, 300
SEED = 20240601


def random_graph(*, directed: bool, acyclic: bool = False, nodes: int = NODES,
                 edges: int = EDGES) -> list[list]:
    """Return ``edges`` distinct edges on ``nodes`` nodes as [u, v, w] rows.

    A path through n0, n1, … comes first so that every node is reachable
    from n0; ``acyclic`` keeps every arc from a lower to a higher number.
    """
    rng = random.Random(SEED)
    pairs = {(i, i + 1) for i in range(nodes - 1)}
    while len(pairs) < edges:
        u, v = rng.sample(range(nodes), 2)
        if acyclic or not directed:
            u, v = min(u, v), max(u, v)
        pairs.add((u, v))
    return [[f"n{u}", f"n{v}", rng.randint(1, 100)] for u, v in sorted(pairs)]


def random_bipartite(*, nodes: int = NODES, edges: int = EDGES) -> list[list]:
    """Return ``edges`` distinct edges from n0 … n(k-1) to nk … (k = nodes / 2),
    starting with n0-nk, n1-n(k+1), … so that every node has an edge.
    """
    rng = random.Random(SEED)
    half = nodes // 2
    pairs = {(i, half + i) for i in range(half)}
    while len(pairs) < edges:
        pairs.add((rng.randrange(half), rng.randrange(half, nodes)))
    return [[f"n{u}", f"n{v}", rng.randint(1, 100)] for u, v in sorted(pairs)]


def many_paths_network(*, nodes: int = NODES, edges: int = EDGES) -> list[list]:
    """Return a network s → a_i → b_j → t whose middle edges have capacities
    1 to 9, so Edmonds–Karp needs about one augmenting path per unit of flow.
    """
    rng = random.Random(SEED)
    width = (nodes - 2) // 2
    rows = [["s", f"a{i}", 1000] for i in range(width)]
    rows += [[f"b{i}", "t", 1000] for i in range(width)]
    middle = [(i, j) for i in range(width) for j in range(width)]
    rng.shuffle(middle)
    rows += [[f"a{i}", f"b{j}", rng.randint(1, 9)]
             for i, j in middle[:edges - len(rows)]]
    return rows


def random_maze(size: int = 60, walls: float = 0.3) -> str:
    """Return a ``size`` × ``size`` grid= maze with S top left and E bottom right.

    The grid maze draws frames and animations at its full size limit, so one
    maze serves every request kind.
    """
    rng = random.Random(SEED)
    rows = ["".join("#" if rng.random() < walls else "." for _ in range(size))
            for _ in range(size)]
    rows[0] = "S" + rows[0][1:]
    rows[-1] = rows[-1][:-1] + "E"
    return ";".join(rows)


def long_tail_successors(count: int) -> str:
    """Return next= for x → x+1 whose last value points back to 3/4 of the way."""
    successors = [i + 1 for i in range(count - 1)] + [count * 3 // 4]
    return ",".join(str(x) for x in successors)


@dataclass
class Case:
    """One benchmark: the endpoint, a label, and the body for the largest
    picture (``body``) and for the largest frames and animation (``small``).
    ``{graph}`` in a body stands for the edge list of that size.
    """

    endpoint: str
    label: str
    body: dict
    graph: str = "undirected"


GRAPHS = {
    kind: (random_graph(directed=kind != "undirected", acyclic=kind == "dag"),
           random_graph(directed=kind != "undirected", acyclic=kind == "dag",
                        nodes=FRAME_NODES, edges=FRAME_EDGES))
    for kind in ("undirected", "directed", "dag")
}
GRAPHS["bipartite"] = (random_bipartite(),
                       random_bipartite(nodes=FRAME_NODES, edges=FRAME_EDGES))
GRAPHS["many paths"] = (many_paths_network(),
                        many_paths_network(nodes=FRAME_NODES, edges=FRAME_EDGES))

CASES = [
    Case("graph/bfs", "", {"source": "n0"}),
    Case("graph/dfs", "directed", {"directed": True, "source": "n0"}, "directed"),
    Case("graph/shortest-path", "dijkstra", {"source": "n0", "target": "n59"}),
    Case("graph/shortest-path", "bellman-ford, DAG",
         {"directed": True, "source": "n0", "target": "n59",
          "algorithm": "bellman-ford"}, "dag"),
    Case("graph/cycle", "graph, DAG (no cycle, full search)", {"directed": True},
         "dag"),
    Case("graph/cycle", "floyd, next=", {"method": "floyd"}, "sequence"),
    Case("graph/cycle", "brent, next=", {"method": "brent"}, "sequence"),
    Case("graph/toposort", "kahn, DAG", {}, "dag"),
    Case("graph/toposort", "dfs, DAG", {"algorithm": "dfs"}, "dag"),
    Case("graph/max-flow", "directed, n0 to n59",
         {"directed": True, "source": "n0", "sink": "n59"}, "directed"),
    Case("graph/max-flow", "s to t, many augmenting paths",
         {"directed": True, "source": "s", "sink": "t"}, "many paths"),
    Case("graph/matching", "weighted, with assignment", {}, "bipartite"),
    Case("graph/mst", "kruskal", {}),
    Case("graph/mst", "prim", {"algorithm": "prim"}),
    Case("graph/scc", "tarjan, directed", {"directed": True}, "directed"),
    Case("graph/scc", "kosaraju, directed", {"directed": True, "algorithm": "kosaraju"},
         "directed"),
    Case("graph/scc", "tarjan, DAG (every node its own component)", {"directed": True},
         "dag"),
    Case("graph/coloring", "largest-first", {}),
    Case("graph/coloring", "dsatur", {"strategy": "dsatur"}),
    Case("grid-search", "both, 60 x 60 maze, 30% walls (all kinds)",
         {"algorithm": "both"}, "maze"),
]


def request_body(case: Case, large: bool) -> dict:
    """Return the POST body at the picture limit or at the frames limit."""
    if case.graph == "maze":
        return {**case.body, "grid": random_maze()}
    if case.graph == "sequence":
        return {**case.body, "next": long_tail_successors(NODES if large else
                                                          FRAME_NODES)}
    edges = GRAPHS[case.graph][0 if large else 1]
    return {**case.body, "edges": edges}

VARIANTS = {"json": ("", {}, True), "svg": (".svg", {}, True),
            "frames": (".svg", {"frames": True}, False),
            "animate": (".svg", {"animate": True}, False)}


def measure(client, case: Case, variant: str, repeat: int,
            clock=time.perf_counter) -> tuple[float, int]:
    """Return the median milliseconds and the byte size of one request kind."""
    suffix, extra, large = VARIANTS[variant]
    body = {**request_body(case, large), **extra}
    times = []
    for _ in range(repeat):
        started = clock()
        response = client.post(f"/{case.endpoint}{suffix}", json=body)
        times.append((clock() - started) * 1000)
        assert response.status_code == 200, (case.endpoint, response.get_data()[:300])
    return statistics.median(times), len(response.get_data())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs per request kind; the median is shown (default 5)")
    parser.add_argument("--only", help="run only cases of this endpoint")
    parser.add_argument("--cpu", action="store_true",
                        help="report this process's CPU time instead of wall time, "
                             "which other load on the machine disturbs less")
    args = parser.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter

    client = create_app({"RESPONSE_CACHE_SIZE": 0}).test_client()
    print(f"python {platform.python_version()} on {platform.machine()}, "
          f"{os.cpu_count()} CPUs; median of {args.repeat} runs; "
          f"{'CPU' if args.cpu else 'wall'} time")
    print(f"json and svg: {NODES} nodes, {EDGES} edges (next= of {NODES}); frames "
          f"and animate: {FRAME_NODES} nodes, {FRAME_EDGES} edges (next= of "
          f"{FRAME_NODES})")
    print("| endpoint | case | json ms | svg ms | frames ms | animate ms | "
          "json KB | svg KB | frames KB | animate KB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for case in CASES:
        if args.only and case.endpoint != args.only:
            continue
        numbers = {variant: measure(client, case, variant, args.repeat, clock)
                   for variant in VARIANTS}
        times = " | ".join(f"{numbers[v][0]:.0f}" for v in VARIANTS)
        sizes = " | ".join(f"{numbers[v][1] / 1024:.0f}" for v in VARIANTS)
        print(f"| {case.endpoint} | {case.label} | {times} | {sizes} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

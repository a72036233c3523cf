"""Grid maze search: the textbook maze, errors, and networkx as the oracle."""

from __future__ import annotations

from collections import deque

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts.graphs.grid_search import MOVES, GridSearchInput, compute, draw, explain
from tests.conftest import parse_svg, strict_json, svg_texts

MAZE = "S...;##.#;....;.##E"
# DFS tries right before down, so it runs along the top, down the right
# column and back along the bottom: 8 moves where BFS needs 2.
DETOUR = "S...;.##.;E..."


def run(**params):
    loaded = GridSearchInput().load(params)
    return compute(loaded)


def get(client, query: str, status: int = 200):
    response = client.get("/grid-search?" + query.replace("#", "%23"))
    assert response.status_code == status, response.get_data(as_text=True)
    return strict_json(response.get_data(as_text=True))


def test_grid_textbook_bfs(client):
    body = get(client, f"grid={MAZE}")
    bfs = body["result"]["searches"]["bfs"]
    assert bfs["length"] == 6
    assert bfs["cells_on_path"] == 7
    assert body["result"]["length_counts"] == "moves"
    assert bfs["path"] == [[0, 0], [0, 1], [0, 2], [1, 2], [2, 2], [2, 3], [3, 3]]
    assert bfs["expanded"] == 9


def test_grid_textbook_both(client):
    body = get(client, f"grid={MAZE}&algorithm=both")
    result = body["result"]
    assert result["searches"]["dfs"]["length"] == 6
    assert result["searches"]["dfs"]["expanded"] == 8
    assert result["comparison"]["fewer_expanded"] == "dfs"
    assert "8 against 9" in body["explanation"]


def test_grid_detour_dfs_longer(client):
    body = get(client, f"grid={DETOUR}&algorithm=both")
    result = body["result"]
    assert result["searches"]["bfs"]["length"] == 2
    assert result["searches"]["dfs"]["length"] == 8
    assert result["comparison"]["dfs_extra_moves"] == 6
    assert result["comparison"]["fewer_expanded"] == "bfs"
    assert "BFS's path has 2 moves and DFS's has 8 moves, 6 more" in body[
        "explanation"]
    assert "DFS expanded more cells (9 against 5): 9 cells on its own path," in body[
        "explanation"]


def test_grid_length_convention_text(client):
    body = get(client, f"grid={MAZE}")
    assert "**length counts moves**" in body["explanation"]
    assert "6 moves (7 cells counting S and E)" in body["summary"]
    zh = get(client, f"grid={MAZE}&lang=zh")
    assert "**长度按移动步数计算**" in zh["explanation"]
    assert "6 步的路径（连同 S 和 E 共 7 个格子）" in zh["summary"]


def test_grid_start_equals_end(client):
    body = get(client, "grid=S..&start=0,1&end=0,1&algorithm=both")
    for search in body["result"]["searches"].values():
        assert search["length"] == 0
        assert search["path"] == [[0, 1]]
        assert search["expanded"] == 1


def test_grid_no_path_is_200(client):
    body = get(client, "grid=S#.;##.;..E&algorithm=both")
    result = body["result"]
    assert result["reachable"] is False
    assert result["shortest_length"] is None
    for search in result["searches"].values():
        assert search["found"] is False
        assert search["length"] is None
        assert search["path"] == []
    assert "no path" in body["explanation"]


@pytest.mark.parametrize(
    ("query", "param", "english", "chinese"),
    [
        (f"grid={MAZE}&start=1,0", "start", "'start' is 1,0, which is a wall",
         "“start”是 1,0，那里是墙"),
        (f"grid={MAZE}&end=1,3", "end", "'end' is 1,3, which is a wall",
         "“end”是 1,3，那里是墙"),
        (f"grid={MAZE}&start=4,0", "start", "'start' is 4,0, outside the grid",
         "“start”是 4,0，超出了网格范围"),
        ("grid=S.x;..E", "grid", "'grid' has 'x' at row 0, column 2",
         "“grid”在第 0 行第 2 列是“x”"),
        ("grid=S..;.E", "grid", "Row 1 of 'grid' has 2 cells but row 0 has 3",
         "“grid”的第 1 行有 2 个格子，而第 0 行有 3 个"),
        ("grid=S..;;..E", "grid", "Row 1 of 'grid' is empty", "“grid”的第 1 行是空的"),
        ("grid=S.S;..E", "grid", "The grid has 2 'S' cells", "网格里有 2 个“S”"),
        ("grid=S..;...", "grid", "The grid has no 'E' cell", "网格里没有“E”"),
        ("grid=S..E&start=a,1", "start", "got 'a,1'", "收到的是“a,1”"),
        ("grid=S..E&algorithm=astar", "algorithm", "got 'astar'", "收到的是“astar”"),
        ("grid=<script>alert(1)</script>", "grid", "'grid' has '<' at row 0, column 0",
         "“grid”在第 0 行第 0 列是“<”"),
    ],
)
def test_grid_invalid_input_400(client, query, param, english, chinese):
    body = get(client, query, 400)
    assert english in body["errors"][param]
    assert english in body["detail"]
    zh = get(client, query + "&lang=zh", 400)
    assert chinese in zh["errors"][param]


@pytest.mark.parametrize(
    ("grid", "size"),
    [
        (";".join(["." * 5] * 61), "61 rows"),
        ("S" + "." * 60, "a row of 61 cells"),
        ("." * 10_000, "10000 characters"),
    ],
)
def test_grid_too_large_413(client, grid, size):
    body = get(client, f"grid={grid}", 413)
    assert f"too large ({size})" in body["errors"]["grid"]
    assert "at most 60 rows of 60 cells" in body["errors"]["grid"]


def test_grid_post_empty_array_400(client):
    response = client.post("/grid-search", json={"grid": []})
    assert response.status_code == 400
    assert "'grid' has no rows" in response.json["errors"]["grid"]


def test_grid_post_rows_array(client):
    response = client.post("/grid-search", json={
        "grid": MAZE.split(";"), "start": [0, 0], "algorithm": "dfs"})
    assert response.status_code == 200
    assert response.json["result"]["searches"]["dfs"]["length"] == 6
    assert response.json["inputs"]["grid"] == MAZE


def test_grid_links_round_trip(client):
    body = get(client, f"grid={MAZE}&start=0,0&algorithm=both")
    assert "grid=S...;%23%23.%23;....;.%23%23E" in body["links"]["svg"]
    assert "start=0,0" in body["links"]["svg"]


def test_grid_svg_parses_both_themes(client):
    for theme in ("light", "dark"):
        response = client.get(f"/grid-search.svg?grid={MAZE.replace('#', '%23')}"
                              f"&algorithm=both&theme={theme}&lang=zh")
        assert response.status_code == 200
        root = parse_svg(response.get_data(as_text=True))
        assert root.get("width") is not None


def test_grid_output_deterministic(client):
    first = client.get(f"/grid-search?grid={MAZE.replace('#', '%23')}&algorithm=both")
    second = client.get(f"/grid-search?grid={MAZE.replace('#', '%23')}&algorithm=both")
    assert first.get_data() == second.get_data()


def test_grid_largest_is_small():
    rows = ["." * 60 for _ in range(60)]
    rows[0] = "S" + rows[0][1:]
    rows[59] = rows[59][:59] + "E"
    outcome = run(grid=";".join(rows), algorithm="both")
    svg = draw(outcome, "en", "light")
    explain(outcome, "zh")
    assert outcome.result["searches"]["bfs"]["length"] == 118
    assert len(svg) < 100_000


def test_grid_steps_replay_frontier():
    for name in ("bfs", "dfs"):
        outcome = run(grid=DETOUR, algorithm=name)
        steps = explain(outcome, "en").steps
        events = [step.values for step in steps if "cell" in step.values]
        frontier = deque([[0, 0]])
        expanded = set()
        for values in events:
            for stale in values["skipped"]:
                dropped = frontier.popleft() if name == "bfs" else frontier.pop()
                assert dropped == stale
                assert tuple(stale) in expanded
            cell = frontier.popleft() if name == "bfs" else frontier.pop()
            assert cell == values["cell"]
            expanded.add(tuple(cell))
            added = values["added"] if name == "bfs" else values["added"][::-1]
            frontier.extend(added)
            key = "queue" if name == "bfs" else "stack"
            assert list(frontier) == values[key]
        order = outcome.result["searches"][name]["visit_order"]
        assert [values["cell"] for values in events] == order


def test_grid_numbers_in_text_match_result():
    outcome = run(grid=DETOUR, algorithm="both")
    result = outcome.result
    for lang in ("en", "zh"):
        text = explain(outcome, lang)
        for search in result["searches"].values():
            assert f"{search['length']} " in text.summary
            assert f"{search['expanded']} " in text.summary
            assert f"{search['expanded']} " in text.markdown


def _maze_graph(rows: list[str]) -> nx.DiGraph:
    """Build the maze as a DiGraph whose successor order is the move order."""
    graph = nx.DiGraph()
    for r, row in enumerate(rows):
        for c, char in enumerate(row):
            if char == "#":
                continue
            graph.add_node((r, c))
            for _, dr, dc in MOVES:
                nr, nc = r + dr, c + dc
                if 0 <= nr < len(rows) and 0 <= nc < len(row) and rows[nr][nc] != "#":
                    graph.add_edge((r, c), (nr, nc))
    return graph


def _prefix_through(order, end):
    return order[: order.index(end) + 1] if end in order else order


def _path_from(predecessors, start, end):
    path = [end]
    while path[-1] != start:
        path.append(predecessors[path[-1]])
    return path[::-1]


@st.composite
def mazes(draw_value):
    height = draw_value(st.integers(1, 9))
    width = draw_value(st.integers(1, 9))
    cells = draw_value(st.lists(st.sampled_from(".#."), min_size=height * width,
                                max_size=height * width))
    rows = ["".join(cells[r * width:(r + 1) * width]) for r in range(height)]
    free = [(r, c) for r in range(height) for c in range(width) if rows[r][c] != "#"]
    if not free:
        rows[0] = "." + rows[0][1:]
        free = [(0, 0)]
    start = draw_value(st.sampled_from(free))
    end = draw_value(st.sampled_from(free))
    return rows, start, end


@settings(max_examples=80, deadline=None)
@given(mazes())
def test_grid_matches_networkx(maze):
    rows, start, end = maze
    outcome = run(grid=";".join(rows), start=f"{start[0]},{start[1]}",
                  end=f"{end[0]},{end[1]}", algorithm="both")
    result = outcome.result
    graph = _maze_graph(rows)
    reachable = nx.has_path(graph, start, end)
    assert result["reachable"] == reachable
    bfs, dfs = result["searches"]["bfs"], result["searches"]["dfs"]
    bfs_order = [start] + [v for _, v in nx.bfs_edges(graph, start)]
    dfs_order = list(nx.dfs_preorder_nodes(graph, start))
    assert [tuple(c) for c in bfs["visit_order"]] == _prefix_through(bfs_order, end)
    assert [tuple(c) for c in dfs["visit_order"]] == _prefix_through(dfs_order, end)
    if not reachable:
        assert bfs["length"] is None
        assert dfs["length"] is None
        assert bfs["expanded"] == len(nx.descendants(graph, start)) + 1
        return

    assert bfs["length"] == nx.shortest_path_length(graph, start, end)
    assert result["shortest_length"] == bfs["length"]
    assert dfs["length"] >= bfs["length"]
    bfs_parent = dict(nx.bfs_predecessors(graph, start))
    dfs_parent = nx.dfs_predecessors(graph, start)
    assert [tuple(c) for c in bfs["path"]] == _path_from(bfs_parent, start, end)
    assert [tuple(c) for c in dfs["path"]] == _path_from(dfs_parent, start, end)
    for path in (bfs["path"], dfs["path"]):
        for (r1, c1), (r2, c2) in zip(path, path[1:]):
            assert abs(r1 - r2) + abs(c1 - c2) == 1
            assert rows[r2][c2] != "#"


def test_grid_animation_reveals_in_order(client):
    response = client.get(f"/grid-search.svg?grid={MAZE.replace('#', '%23')}"
                          "&algorithm=both&animate=true")
    assert response.status_code == 200
    root = parse_svg(response.get_data(as_text=True))
    animations = list(root.iter("{http://www.w3.org/2000/svg}animate"))
    # BFS expands 9 cells and DFS 8, one frame each; the first cell of each
    # panel shows from the start and each path appears after its last cell.
    assert len(animations) == (9 - 1) + (8 - 1) + 2
    starts = [float(a.get("keyTimes").split(";")[1]) for a in animations]
    assert starts[:8] == sorted(starts[:8])


def test_grid_frames_strip_counts(client):
    response = client.get(f"/grid-search.svg?grid={MAZE.replace('#', '%23')}"
                          "&algorithm=both&frames=true")
    assert response.status_code == 200
    root = parse_svg(response.get_data(as_text=True))
    texts = svg_texts(root)
    assert "after 1 cell" in texts
    assert "after 9 cells" in texts
    assert "after 8 cells" in texts
    uses = list(root.iter("{http://www.w3.org/2000/svg}use"))
    # Frame k of a row reuses the k earlier segments and the walls.
    assert len(uses) == 2 * sum(k + 2 for k in range(6))


def test_grid_snapshot_counts_spread():
    from concepts.draw.grids import snapshot_counts

    assert snapshot_counts(4) == [1, 2, 3, 4]
    assert snapshot_counts(2543) == [1, 509, 1018, 1526, 2035, 2543]

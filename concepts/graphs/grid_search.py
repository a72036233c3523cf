"""Breadth-first and depth-first search on a grid maze.

Notes
-----
Each free cell is a node, and a move goes one cell up, right, down or
left (in that order) onto another free cell. Breadth-first search (BFS)
takes cells from a first-in, first-out queue, so it reaches every cell
at distance d from the start before any cell at distance d + 1. The
first path it finds to the end therefore has the fewest moves. Depth-first search
(DFS) takes cells from a last-in, first-out stack, so it follows one
corridor until it is blocked and only then backs up. Its path is a valid
path but often not a shortest one.

Both searches here mark a cell visited when it is taken from the
frontier and stop when the end cell is taken. The DFS pushes the
neighbours in reverse order, so it visits cells in exactly the order of
the recursive DFS that tries up, right, down, left.

References
----------
T. H. Cormen, C. E. Leiserson, R. L. Rivest and C. Stein, "Introduction
to Algorithms", 3rd ed., sections 22.2 and 22.3.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from marshmallow import Schema, ValidationError

from ..base import Concept, Explanation, InputError, Outcome, Step, register
from ..draw.grids import GridPanel, draw_grid_figure, draw_grid_strip
from ..fields import Boolean, Choice, Field, _show
from ..text import Message

MAX_ROWS = 60
MAX_COLUMNS = 60
MAX_TRACED_STEPS = 80
WALL, START, END = "#", "S", "E"
# Moves in the order both searches try them: (name, row change, column change).
MOVES = (("up", -1, 0), ("right", 0, 1), ("down", 1, 0), ("left", 0, -1))


# Only these characters are stripped around rows, so that the patterns in
# the OpenAPI document describe exactly the text that is accepted.
_SPACE = " \t\r"
_ROW_PATTERN = r"^[ \t\r]*[.#SE]+[ \t\r]*$"
_GRID_PATTERN = r"^[ \t\r]*[.#SE]+[ \t\r]*([;\n][ \t\r]*[.#SE]+[ \t\r]*)*$"
_CELL_PATTERN = r"^[ \t\r]*[0-9]+[ \t\r]*,[ \t\r]*[0-9]+[ \t\r]*$"


class GridText(Field):
    """A maze: rows of ``.#SE`` separated by ``;`` (or a JSON array of rows)."""

    def _deserialize(self, value, attr, data, **kwargs) -> list[str]:
        name = self.param_name
        if isinstance(value, str):
            if len(value) > MAX_ROWS * (MAX_COLUMNS + 1) + 1000:
                raise ValidationError(_too_large(name, f"{len(value)} characters"))
            text = value.strip(_SPACE).replace("\n", ";")
            rows = [row.strip(_SPACE) for row in text.split(";")]
        elif isinstance(value, list) and all(isinstance(row, str) for row in value):
            rows = [row.strip(_SPACE) for row in value]
        else:
            raise ValidationError(Message(
                f"'{name}' must be rows of . # S E separated by ';' (or a JSON array "
                f"of row strings); got {_show(value)}.",
                f"“{name}”必须是用“;”分隔的由 . # S E 组成的行（或由行字符串组成的 "
                f"JSON 数组），收到的是 {_show(value)}。"))

        _check_rows(name, rows)
        return rows

    def _openapi_extra(self) -> dict:
        return {"pattern": _GRID_PATTERN}

    def openapi_body(self) -> dict:
        row = {"type": "string", "pattern": _ROW_PATTERN}
        array = {"type": "array", "items": row, "minItems": 1, "maxItems": MAX_ROWS}
        return {"anyOf": [self.openapi(), array]}

    def to_query(self, value) -> str:
        return ";".join(value)


def _too_large(name: str, size: str) -> Message:
    return Message(
        f"'{name}' is too large ({size}); at most {MAX_ROWS} rows of "
        f"{MAX_COLUMNS} cells are accepted.",
        f"“{name}”过大（{size}）；最多接受 {MAX_ROWS} 行、每行 {MAX_COLUMNS} 个格子。",
        413)


def _check_rows(name: str, rows: list[str]) -> None:
    if not rows:
        raise ValidationError(Message(
            f"'{name}' has no rows; give at least one row such as S..E.",
            f"“{name}”没有任何行；请至少给出一行，例如 S..E。"))
    if len(rows) > MAX_ROWS:
        raise ValidationError(_too_large(name, f"{len(rows)} rows"))
    widest = max(len(row) for row in rows)
    if widest > MAX_COLUMNS:
        raise ValidationError(_too_large(name, f"a row of {widest} cells"))

    for index, row in enumerate(rows):
        if row == "":
            raise ValidationError(Message(
                f"Row {index} of '{name}' is empty; every row needs at least one "
                "cell, and rows are separated by a single ';'.",
                f"“{name}”的第 {index} 行是空的；每行至少要有一个格子，行与行之间"
                "只用一个“;”分隔。"))
        match = re.search(r"[^.#SE]", row)
        if match:
            char, column = match.group(), match.start()
            raise ValidationError(Message(
                f"'{name}' has '{char}' at row {index}, column {column}; cells must "
                "be '.' (free), '#' (wall), 'S' (start) or 'E' (end).",
                f"“{name}”在第 {index} 行第 {column} 列是“{char}”；格子只能是"
                "“.”（空地）、“#”（墙）、“S”（起点）或“E”（终点）。"))
        if len(row) != len(rows[0]):
            raise ValidationError(Message(
                f"Row {index} of '{name}' has {len(row)} cells but row 0 has "
                f"{len(rows[0])}; every row must have the same length.",
                f"“{name}”的第 {index} 行有 {len(row)} 个格子，而第 0 行有 "
                f"{len(rows[0])} 个；每行长度必须相同。"))


class CellText(Field):
    """A cell as ``row,col`` counted from 0 at the top left (or a JSON pair)."""

    def _deserialize(self, value, attr, data, **kwargs) -> tuple[int, int]:
        parts = value if isinstance(value, list) else str(value).split(",")
        texts = [str(part).strip(_SPACE) for part in parts]
        if (len(texts) != 2 or any(isinstance(part, bool) for part in parts)
                or not all(re.fullmatch(r"[0-9]{1,4}", text) for text in texts)):
            name = self.param_name
            raise ValidationError(Message(
                f"'{name}' must be a cell as row,col with whole numbers from 0, such "
                f"as 0,0; got '{_show(value)}'.",
                f"“{name}”必须是“行,列”形式的格子（从 0 开始的整数，例如 0,0），"
                f"收到的是“{_show(value)}”。"))

        return int(texts[0]), int(texts[1])

    def _openapi_extra(self) -> dict:
        return {"pattern": _CELL_PATTERN}

    def openapi_body(self) -> dict:
        part = {"anyOf": [{"type": "integer", "minimum": 0},
                          {"type": "string", "pattern": r"^[ \t\r]*[0-9]+[ \t\r]*$"}]}
        pair = {"type": "array", "items": part, "minItems": 2, "maxItems": 2}
        return {"anyOf": [self.openapi(), pair]}

    def to_query(self, value) -> str:
        return f"{value[0]},{value[1]}"


class GridSearchInput(Schema):
    grid = GridText(
        required=True,
        description=(
            "The maze as rows separated by ';': '.' free, '#' wall, 'S' start, "
            f"'E' end. At most {MAX_ROWS} rows of {MAX_COLUMNS} cells, all rows "
            "the same length."
        ),
        example="S...;##.#;....;.##E",
    )
    start = CellText(
        description=(
            "Start cell as row,col counted from 0 at the top left; overrides the "
            "'S' in the grid."
        ),
        example="0,0",
    )
    end = CellText(
        description=(
            "End cell as row,col counted from 0 at the top left; overrides the "
            "'E' in the grid."
        ),
        example="3,3",
    )
    algorithm = Choice(
        choices=("bfs", "dfs", "both"),
        load_default="bfs",
        description=(
            "bfs (breadth-first, finds a path with the fewest moves), dfs "
            "(depth-first), or both side by side with a comparison."
        ),
        example="both",
    )
    frames = Boolean(
        load_default=False,
        description=(
            "true draws each search as a strip of small frames after more and "
            "more expanded cells instead of one picture."
        ),
        example="false",
    )
    animate = Boolean(
        load_default=False,
        description=(
            "true returns an SVG whose SMIL animation reveals the cells in visit "
            "order and then the path, in a loop (also inside <img>)."
        ),
        example="false",
    )


@dataclass
class Search:
    """One search's trace and result. ``events`` holds, for the first
    ``MAX_TRACED_STEPS`` cells taken from the frontier, the cell, the stale
    entries skipped before it, the cells it added and the frontier after it.
    """

    name: str
    order: list[tuple[int, int]]
    parent: dict[tuple[int, int], tuple[int, int] | None]
    path: list[tuple[int, int]]
    events: list[dict]

    @property
    def found(self) -> bool:
        return bool(self.path)

    @property
    def length(self) -> int | None:
        return len(self.path) - 1 if self.path else None


@dataclass
class _Facts:
    rows: list[str]
    start: tuple[int, int]
    end: tuple[int, int]
    searches: list[Search]
    distance: dict[tuple[int, int], int]
    animate: bool = False
    frames: bool = False


def compute(params: dict) -> Outcome:
    """Run BFS, DFS or both from the start cell until the end cell is taken."""
    rows = params["grid"]
    start = _locate(rows, START, params.get("start"), "start")
    end = _locate(rows, END, params.get("end"), "end")
    names = ("bfs", "dfs") if params["algorithm"] == "both" else (params["algorithm"],)
    searches = [_search(rows, start, end, name) for name in names]
    distance = _distances(rows, start)
    result = {
        "rows": len(rows),
        "columns": len(rows[0]),
        "start": list(start),
        "end": list(end),
        "move_order": [name for name, _, _ in MOVES],
        "length_counts": "moves",
        "reachable": end in distance,
        "shortest_length": distance.get(end),
        "reachable_cells": len(distance),
        "searches": {search.name: _search_result(search) for search in searches},
    }
    if len(searches) == 2:
        result["comparison"] = _comparison(*searches)

    inputs = {"grid": ";".join(rows), "start": list(start), "end": list(end),
              "algorithm": params["algorithm"]}
    facts = _Facts(rows, start, end, searches, distance, params["animate"],
                   params["frames"])
    return Outcome(inputs=inputs, result=result, facts=facts)


def _locate(rows, letter, given, param) -> tuple[int, int]:
    """Find the start or end cell from its parameter or its letter in the grid."""
    found = [(r, c) for r, row in enumerate(rows) for c, char in enumerate(row)
             if char == letter]
    if given is None:
        if len(found) != 1:
            raise InputError({"grid": _letter_message(letter, param, len(found))})
        return found[0]

    row, column = given
    if row >= len(rows) or column >= len(rows[0]):
        raise InputError({param: Message(
            f"'{param}' is {row},{column}, outside the grid of {len(rows)} rows "
            f"(0 to {len(rows) - 1}) and {len(rows[0])} columns "
            f"(0 to {len(rows[0]) - 1}).",
            f"“{param}”是 {row},{column}，超出了网格范围：共 {len(rows)} 行"
            f"（0 到 {len(rows) - 1}）、{len(rows[0])} 列（0 到 {len(rows[0]) - 1}）。")})
    if rows[row][column] == WALL:
        raise InputError({param: _wall_message(param, row, column)})

    return row, column


def _letter_message(letter: str, param: str, count: int) -> Message:
    if count == 0:
        return Message(
            f"The grid has no '{letter}' cell; mark the {param} with '{letter}' or "
            f"give '{param}' as row,col.",
            f"网格里没有“{letter}”；请用“{letter}”标出{_ZH_ROLE[param]}，或用 "
            f"“{param}=行,列”给出。")
    return Message(
        f"The grid has {count} '{letter}' cells; mark exactly one, or give "
        f"'{param}' as row,col to choose.",
        f"网格里有 {count} 个“{letter}”；只能标一个，或用“{param}=行,列”指定。")


_ZH_ROLE = {"start": "起点", "end": "终点"}


def _wall_message(param: str, row: int, column: int) -> Message:
    return Message(
        f"'{param}' is {row},{column}, which is a wall ('#'); the {param} must be "
        "a free cell.",
        f"“{param}”是 {row},{column}，那里是墙（“#”）；{_ZH_ROLE[param]}必须是空地。")


def _neighbours(rows, cell):
    row, column = cell
    for _, dr, dc in MOVES:
        r, c = row + dr, column + dc
        if 0 <= r < len(rows) and 0 <= c < len(rows[0]) and rows[r][c] != WALL:
            yield r, c


def _search(rows, start, end, name) -> Search:
    """Run one search; BFS pops the queue's front and DFS the stack's top."""
    frontier = deque([(start, None)])
    parent, order, events = {}, [], []
    while frontier:
        cell, came_from, skipped = _pop(frontier, parent, name)
        if cell is None:
            break

        parent[cell] = came_from
        order.append(cell)
        added = [] if cell == end else _push(rows, frontier, parent, cell, name)
        if len(events) < MAX_TRACED_STEPS:
            events.append({"cell": cell, "skipped": skipped, "added": added,
                           "frontier": [entry for entry, _ in frontier]})
        if cell == end:
            break

    path = _walk_back(parent, end) if end in parent else []
    return Search(name, order, parent, path, events)


def _pop(frontier, parent, name):
    """Take the next unvisited cell; DFS may hold stale copies of visited cells."""
    skipped = []
    while frontier:
        cell, came_from = frontier.popleft() if name == "bfs" else frontier.pop()
        if cell not in parent:
            return cell, came_from, skipped
        skipped.append(cell)

    return None, None, skipped


def _push(rows, frontier, parent, cell, name) -> list[tuple[int, int]]:
    queued = {entry for entry, _ in frontier} if name == "bfs" else set()
    added = [next_cell for next_cell in _neighbours(rows, cell)
             if next_cell not in parent and next_cell not in queued]
    # The stack's top must be the first neighbour in move order, so DFS
    # pushes them in reverse and tries up, right, down, left.
    for next_cell in (added if name == "bfs" else reversed(added)):
        frontier.append((next_cell, cell))

    return added


def _walk_back(parent, end) -> list[tuple[int, int]]:
    path = [end]
    while parent[path[-1]] is not None:
        path.append(parent[path[-1]])

    return path[::-1]


def _distances(rows, start) -> dict[tuple[int, int], int]:
    """Return the fewest moves from the start to every reachable cell."""
    distance = {start: 0}
    queue = deque([start])
    while queue:
        cell = queue.popleft()
        for next_cell in _neighbours(rows, cell):
            if next_cell not in distance:
                distance[next_cell] = distance[cell] + 1
                queue.append(next_cell)

    return distance


def _search_result(search: Search) -> dict:
    return {
        "found": search.found,
        "length": search.length,
        "cells_on_path": len(search.path),
        "path": [list(cell) for cell in search.path],
        "expanded": len(search.order),
        "visit_order": [list(cell) for cell in search.order],
    }


def _comparison(bfs: Search, dfs: Search) -> dict:
    on_path = set(dfs.path)
    return {
        "same_length": bfs.length == dfs.length,
        "dfs_extra_moves": (dfs.length - bfs.length) if bfs.found else None,
        "bfs_expanded": len(bfs.order),
        "dfs_expanded": len(dfs.order),
        "fewer_expanded": _fewer(len(bfs.order), len(dfs.order)),
        "dfs_expanded_off_path": sum(cell not in on_path for cell in dfs.order),
    }


def _fewer(bfs_count: int, dfs_count: int) -> str:
    if bfs_count == dfs_count:
        return "tie"
    return "bfs" if bfs_count < dfs_count else "dfs"


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and the steps in ``lang``."""
    facts: _Facts = outcome.facts
    writer = _ZH if lang == "zh" else _EN
    return Explanation(
        summary=writer.summary(facts, outcome.result),
        markdown=writer.markdown(facts, outcome.result),
        steps=_steps(facts, writer),
    )


def _steps(facts: _Facts, writer) -> list[Step]:
    steps = [Step(writer.setup(facts), {"start": list(facts.start),
                                        "end": list(facts.end),
                                        "move_order": [m for m, _, _ in MOVES]})]
    budget = MAX_TRACED_STEPS // len(facts.searches)
    for search in facts.searches:
        for number, event in enumerate(search.events[:budget], start=1):
            steps.append(Step(writer.event(search.name, number, event, facts.end),
                              _event_values(search.name, number, event)))
        hidden = len(search.order) - budget
        if hidden > 0:
            steps.append(Step(writer.hidden(search.name, hidden),
                              {"algorithm": search.name, "untraced": hidden}))
        steps.append(Step(writer.finish(search, facts),
                          {"algorithm": search.name, "found": search.found,
                           "length": search.length, "expanded": len(search.order),
                           "path": [list(cell) for cell in search.path]}))

    return steps


def _event_values(name: str, number: int, event: dict) -> dict:
    frontier_name = "queue" if name == "bfs" else "stack"
    return {
        "algorithm": name,
        "expanded": number,
        "cell": list(event["cell"]),
        "skipped": [list(cell) for cell in event["skipped"]],
        "added": [list(cell) for cell in event["added"]],
        frontier_name: [list(cell) for cell in event["frontier"]],
    }


def _cell(cell) -> str:
    return f"({cell[0]}, {cell[1]})"


def _cells(cells, limit: int = 12) -> str:
    shown = " → ".join(_cell(cell) for cell in cells[:limit])
    return shown + (" → …" if len(cells) > limit else "")


def _frontier(event: dict) -> str:
    cells = event["frontier"]
    if not cells:
        return "—"
    shown = " ".join(_cell(cell) for cell in cells[-10:])
    return ("… " if len(cells) > 10 else "") + shown


def _cell_list(cells, joiner: str) -> str:
    return joiner.join(_cell(cell) for cell in cells)


class _EN:
    @staticmethod
    def summary(facts: _Facts, result: dict) -> str:
        parts = []
        for search in facts.searches:
            name = search.name.upper()
            if search.found:
                parts.append(f"{name} finds a path of {_moves(search.length)} "
                             f"({len(search.path)} cells counting S and E) after "
                             f"expanding {len(search.order)} cells.")
            else:
                parts.append(f"{name} expands all {len(search.order)} cells reachable "
                             "from S and finds no path to E.")
        return " ".join(parts)

    @staticmethod
    def setup(facts: _Facts) -> str:
        return (f"Start at S {_cell(facts.start)}, end at E {_cell(facts.end)}. "
                "Cells are (row, column) from 0 at the top left; moves are tried in "
                "the order up, right, down, left.")

    @staticmethod
    def event(name: str, number: int, event: dict, end) -> str:
        frontier = "queue" if name == "bfs" else "stack"
        text = f"{name.upper()} {number}: "
        if event["skipped"]:
            text += (f"drop {_cell_list(event['skipped'], ', ')} from the {frontier} "
                     "(already expanded), then ")
        text += f"take {_cell(event['cell'])} from the {frontier}"
        if event["cell"] == end:
            return text + ": it is E, so the search stops."
        if not event["added"]:
            text += "; it has no new free neighbours"
        elif name == "bfs":
            text += f" and add {_cell_list(event['added'], ', ')} at the back"
        elif len(event["added"]) == 1:
            text += f" and push {_cell(event['added'][0])}"
        else:
            pushed = _cell_list(event["added"][::-1], ", ")
            text += (f" and push {pushed}, so {_cell(event['added'][0])}, the first "
                     "in move order, is on top")
        order = "front to back" if name == "bfs" else "bottom to top"
        return text + f". {frontier.capitalize()} ({order}): {_frontier(event)}."

    @staticmethod
    def hidden(name: str, count: int) -> str:
        return (f"{name.upper()}: {count} more cells are expanded by the same rule; "
                "visit_order in the result lists them all.")

    @staticmethod
    def finish(search: Search, facts: _Facts) -> str:
        name = search.name.upper()
        if not search.found:
            return (f"{name}: the frontier is empty after "
                    f"{_count(len(search.order), 'cell')}, so E cannot be reached.")
        if search.length == 0:
            return f"{name}: S is E, so the path is the single cell {_cell(facts.end)}."
        return (f"{name}: follow each cell back to the cell that added it, from E to "
                f"S, and reverse: {_cells(search.path)}, {_moves(search.length)}.")

    @staticmethod
    def markdown(facts: _Facts, result: dict) -> str:
        parts = [
            "The maze is a graph: each free cell is a node, and one move up, right, "
            "down or left onto a free cell is an edge. Path **length counts moves**, "
            "so a path of n moves passes through n + 1 cells, S and E included. "
            "Both searches try moves in the order up, right, down, left, and stop "
            "when they take E from their frontier.",
        ]
        for search in facts.searches:
            parts.append(_EN._search_paragraph(search, facts, result))
        if "comparison" in result:
            parts.append(_EN._comparison_paragraph(facts, result))

        return "\n\n".join(parts)

    @staticmethod
    def _search_paragraph(search: Search, facts: _Facts, result: dict) -> str:
        if search.name == "bfs":
            text = ("**Breadth-first search** keeps its frontier in a first-in, "
                    "first-out queue, so it expands every cell 1 move from S, then "
                    "every cell 2 moves away, and so on, like a ripple. The first "
                    "time it reaches E it has used the fewest possible moves.")
        else:
            text = ("**Depth-first search** keeps its frontier in a last-in, "
                    "first-out stack, so it follows one corridor as far as it goes "
                    "and backs up only at a dead end. It keeps the first path it "
                    "finds, which need not be the shortest.")
        if not search.found:
            return text + (f" Here it expanded all {len(search.order)} cells "
                           f"reachable from S {_cell(facts.start)} without meeting E "
                           f"{_cell(facts.end)}: walls separate them, so there is no "
                           "path. That is an answer, not an error.")
        if search.length == 0:
            return text + " Here S and E are the same cell, so the path has 0 moves."

        text += (f" Here it expanded {len(search.order)} cells and found a path of "
                 f"**{_moves(search.length)}** ({len(search.path)} cells): "
                 f"{_cells(search.path)}.")
        if search.name == "dfs" and "comparison" not in result:
            shortest = result["shortest_length"]
            if search.length > shortest:
                text += (f" The shortest path has {_moves(shortest)}, so this one is "
                         f"{search.length - shortest} longer.")
            else:
                text += " That happens to be a shortest path."
        return text

    @staticmethod
    def _comparison_paragraph(facts: _Facts, result: dict) -> str:
        bfs, dfs = facts.searches
        comparison = result["comparison"]
        if bfs.length == 0:
            return ("**Comparison.** S is E, so both searches stop at the first cell "
                    "with a path of 0 moves.")
        if not bfs.found:
            return (f"**Comparison.** Neither search can reach E, so both expand the "
                    f"same {_count(len(bfs.order), 'cell')} reachable from S, in "
                    "different orders.")
        if comparison["same_length"]:
            length = (f"Both paths have {_moves(bfs.length)}: DFS's first choices "
                      "happened to lead along a shortest route.")
        else:
            length = (f"BFS's path has {_moves(bfs.length)} and DFS's has "
                      f"{_moves(dfs.length)}, {comparison['dfs_extra_moves']} more. "
                      "DFS takes the first open direction in the order up, right, "
                      "down, left and never revisits a cell, so it keeps whichever "
                      "route it found first.")
        return f"**Comparison.** {length} {_EN._expanded_sentence(facts, comparison)}"

    @staticmethod
    def _expanded_sentence(facts: _Facts, comparison: dict) -> str:
        bfs, dfs = facts.searches
        closer = _cells_closer(facts, bfs.length)
        ring = (f"BFS must expand every cell fewer than {_moves(bfs.length)} from S "
                f"({_count(closer, 'cell')}) before it can take E")
        off = _count(comparison["dfs_expanded_off_path"], "cell")
        if comparison["fewer_expanded"] == "dfs":
            strayed = (f"strayed into only {off} off its path"
                       if comparison["dfs_expanded_off_path"] else
                       "expanded no cell off its path")
            return (f"DFS expanded fewer cells ({len(dfs.order)} against "
                    f"{len(bfs.order)}): {ring}, while DFS followed its corridors "
                    f"and {strayed}.")
        if comparison["fewer_expanded"] == "bfs":
            detours = (f" and {off} off it, in dead ends and detours it explored "
                       "fully before backing up"
                       if comparison["dfs_expanded_off_path"] else "")
            return (f"DFS expanded more cells ({len(dfs.order)} against "
                    f"{len(bfs.order)}): {_count(len(dfs.path), 'cell')} on its own "
                    f"path{detours}, while BFS never looks beyond E's distance "
                    f"({ring}).")
        if comparison["dfs_expanded_off_path"] == 0:
            return (f"Both expanded {len(bfs.order)} cells: {ring}, and DFS "
                    "expanded no cell off its path.")
        return (f"Both expanded {len(bfs.order)} cells: {ring}, and DFS's detours "
                f"({off} off its path) cost the same amount here.")


def _cells_closer(facts: _Facts, length: int) -> int:
    return sum(1 for value in facts.distance.values() if value < length)


def _moves(count: int) -> str:
    return _count(count, "move")


def _count(count: int, noun: str) -> str:
    return f"1 {noun}" if count == 1 else f"{count} {noun}s"


class _ZH:
    @staticmethod
    def summary(facts: _Facts, result: dict) -> str:
        parts = []
        for search in facts.searches:
            name = search.name.upper()
            if search.found:
                parts.append(f"{name} 扩展了 {len(search.order)} 个格子，找到一条 "
                             f"{search.length} 步的路径（连同 S 和 E 共 "
                             f"{len(search.path)} 个格子）。")
            else:
                parts.append(f"{name} 扩展了从 S 出发能到达的全部 "
                             f"{len(search.order)} 个格子，没有通往 E 的路径。")
        return "".join(parts)

    @staticmethod
    def setup(facts: _Facts) -> str:
        return (f"起点 S 是 {_cell(facts.start)}，终点 E 是 {_cell(facts.end)}。格子写作"
                "（行, 列），从左上角的 0 开始数；每次按上、右、下、左的顺序尝试移动。")

    @staticmethod
    def event(name: str, number: int, event: dict, end) -> str:
        frontier = "队列" if name == "bfs" else "栈"
        text = f"{name.upper()} 第 {number} 步："
        if event["skipped"]:
            text += (f"从{frontier}中丢弃已扩展过的 {_cell_list(event['skipped'], '、')}，"
                     "然后")
        text += f"从{frontier}取出 {_cell(event['cell'])}"
        if event["cell"] == end:
            return text + "：它就是 E，搜索结束。"
        if not event["added"]:
            text += "，它没有新的空邻格"
        elif name == "bfs":
            text += f"，把 {_cell_list(event['added'], '、')} 加到队尾"
        elif len(event["added"]) == 1:
            text += f"，压入 {_cell(event['added'][0])}"
        else:
            pushed = _cell_list(event["added"][::-1], "、")
            text += (f"，依次压入 {pushed}，使按移动顺序排第一的 "
                     f"{_cell(event['added'][0])} 在栈顶")
        order = "从队首到队尾" if name == "bfs" else "从栈底到栈顶"
        return text + f"。{frontier}（{order}）：{_frontier(event)}。"

    @staticmethod
    def hidden(name: str, count: int) -> str:
        return (f"{name.upper()}：按同样的规则又扩展了 {count} 个格子；"
                "结果中的 visit_order 列出了全部格子。")

    @staticmethod
    def finish(search: Search, facts: _Facts) -> str:
        name = search.name.upper()
        if not search.found:
            return (f"{name}：扩展 {len(search.order)} 个格子后边界已空，"
                    "所以到不了 E。")
        if search.length == 0:
            return f"{name}：S 就是 E，路径只有一个格子 {_cell(facts.end)}。"
        return (f"{name}：从 E 开始，沿着“是谁把它加进来的”一路回溯到 S，再倒过来："
                f"{_cells(search.path)}，共 {search.length} 步。")

    @staticmethod
    def markdown(facts: _Facts, result: dict) -> str:
        parts = [
            "迷宫就是一张图：每个空格子是一个节点，向上、右、下、左移动一格到另一个"
            "空格子就是一条边。路径**长度按移动步数计算**，所以 n 步的路径经过 n + 1 "
            "个格子（含 S 和 E）。两种搜索都按上、右、下、左的顺序尝试移动，"
            "从边界中取出 E 时停止。",
        ]
        for search in facts.searches:
            parts.append(_ZH._search_paragraph(search, facts, result))
        if "comparison" in result:
            parts.append(_ZH._comparison_paragraph(facts, result))

        return "\n\n".join(parts)

    @staticmethod
    def _search_paragraph(search: Search, facts: _Facts, result: dict) -> str:
        if search.name == "bfs":
            text = ("**广度优先搜索**（BFS）把边界放在先进先出的队列里，所以它先扩展"
                    "离 S 1 步的所有格子，再扩展 2 步的，依此类推，像水波一样向外扩散。"
                    "它第一次到达 E 时，用的步数一定最少。")
        else:
            text = ("**深度优先搜索**（DFS）把边界放在后进先出的栈里，所以它沿着一条"
                    "通道一直走到底，走进死胡同才退回。它保留最先找到的路径，"
                    "不一定最短。")
        if not search.found:
            return text + (f"这里它扩展了从 S {_cell(facts.start)} 能到达的全部 "
                           f"{len(search.order)} 个格子，仍没有遇到 E "
                           f"{_cell(facts.end)}：墙把两者隔开了，所以没有路径。"
                           "这是一个正常的答案，不是错误。")
        if search.length == 0:
            return text + "这里 S 和 E 是同一个格子，所以路径是 0 步。"

        text += (f"这里它扩展了 {len(search.order)} 个格子，找到一条 "
                 f"**{search.length} 步**的路径（{len(search.path)} 个格子）："
                 f"{_cells(search.path)}。")
        if search.name == "dfs" and "comparison" not in result:
            shortest = result["shortest_length"]
            if search.length > shortest:
                text += (f"最短路径只有 {shortest} 步，所以这条多走了 "
                         f"{search.length - shortest} 步。")
            else:
                text += "它恰好也是一条最短路径。"
        return text

    @staticmethod
    def _comparison_paragraph(facts: _Facts, result: dict) -> str:
        bfs, dfs = facts.searches
        comparison = result["comparison"]
        if bfs.length == 0:
            return "**比较。** S 就是 E，所以两种搜索都在第一个格子停下，路径为 0 步。"
        if not bfs.found:
            return (f"**比较。** 两种搜索都到不了 E，所以都扩展了从 S 能到达的同样 "
                    f"{len(bfs.order)} 个格子，只是顺序不同。")
        if comparison["same_length"]:
            length = (f"两条路径都是 {bfs.length} 步：DFS 一开始的选择恰好沿着一条"
                      "最短路线。")
        else:
            length = (f"BFS 的路径是 {bfs.length} 步，DFS 的是 {dfs.length} 步，多了 "
                      f"{comparison['dfs_extra_moves']} 步。DFS 按上、右、下、左的顺序"
                      "走第一个能走的方向，而且从不重访格子，所以它保留的是最先找到的"
                      "路线。")
        return f"**比较。** {length}{_ZH._expanded_sentence(facts, comparison)}"

    @staticmethod
    def _expanded_sentence(facts: _Facts, comparison: dict) -> str:
        bfs, dfs = facts.searches
        closer = _cells_closer(facts, bfs.length)
        ring = (f"BFS 必须先扩展离 S 不到 {bfs.length} 步的全部 {closer} 个格子，"
                "才能取到 E")
        off = comparison["dfs_expanded_off_path"]
        if comparison["fewer_expanded"] == "dfs" and off:
            return (f"DFS 扩展的格子更少（{len(dfs.order)} 个对 {len(bfs.order)} 个）："
                    f"{ring}；而 DFS 顺着通道走下去，只误入了 {off} 个不在它路径上"
                    "的格子。")
        if comparison["fewer_expanded"] == "dfs":
            return (f"DFS 扩展的格子更少（{len(dfs.order)} 个对 {len(bfs.order)} 个）："
                    f"{ring}；而 DFS 顺着通道走下去，没有扩展任何不在它路径上的格子。")
        if comparison["fewer_expanded"] == "bfs":
            detours = (f"，另有 {off} 个不在路径上，是它退回之前完整探索过的死胡同和弯路"
                       if off else "")
            return (f"DFS 扩展的格子更多（{len(dfs.order)} 个对 {len(bfs.order)} 个）："
                    f"其中 {len(dfs.path)} 个在它自己的路径上{detours}；而 BFS 从不看比 E "
                    f"更远的地方（{ring}）。")
        if off == 0:
            return (f"两者都扩展了 {len(bfs.order)} 个格子：{ring}；DFS 没有扩展任何"
                    "不在它路径上的格子。")
        return (f"两者都扩展了 {len(bfs.order)} 个格子：{ring}；DFS 的弯路"
                f"（{off} 个不在路径上的格子）在这里恰好花费相同。")


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw the maze shaded by visit order with the path on top, one panel
    per search.
    """
    facts: _Facts = outcome.facts
    words = _DRAW_WORDS[lang]
    panels = []
    for search in facts.searches:
        if search.found:
            caption = words["found"].format(name=search.name.upper(),
                                            length=search.length,
                                            expanded=len(search.order))
        else:
            caption = words["none"].format(name=search.name.upper(),
                                           expanded=len(search.order))
        panels.append(GridPanel(caption, search.order, search.path))

    writer = _ZH if lang == "zh" else _EN
    summary = writer.summary(facts, outcome.result)
    if facts.frames and not facts.animate:
        return draw_grid_strip(facts.rows, facts.start, facts.end, panels,
                               title=words["title"], desc=summary, words=words,
                               theme=theme)
    return draw_grid_figure(facts.rows, facts.start, facts.end, panels,
                            title=words["title"], desc=summary, words=words,
                            theme=theme, animated=facts.animate)


_DRAW_WORDS = {
    "en": {"title": "Grid maze search",
           "found": "{name}: {length} moves, {expanded} cells expanded",
           "none": "{name}: no path, {expanded} cells expanded",
           "early": "expanded early", "late": "late", "path": "path",
           "wall": "wall", "after": "after {count} cells",
           "after_one": "after 1 cell"},
    "zh": {"title": "网格迷宫搜索",
           "found": "{name}：{length} 步，扩展 {expanded} 个格子",
           "none": "{name}：无路径，扩展 {expanded} 个格子",
           "early": "先扩展", "late": "后扩展", "path": "路径", "wall": "墙",
           "after": "扩展 {count} 格后", "after_one": "扩展 1 格后"},
}

_CELL = {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2,
         "description": "[row, column], counted from 0 at the top left."}
_CELLS = {"type": "array", "items": _CELL}
_SEARCH = {
    "type": "object",
    "properties": {
        "found": {"type": "boolean"},
        "length": {"type": ["integer", "null"],
                   "description": "Moves on the path (cells on it minus one); null "
                                  "when there is no path."},
        "cells_on_path": {"type": "integer"},
        "path": {**_CELLS, "description": "From start to end; empty when not found."},
        "expanded": {"type": "integer",
                     "description": "Cells taken from the frontier, the end included."},
        "visit_order": {**_CELLS, "description": "Cells in the order they were "
                                                 "taken from the frontier."},
    },
}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["rows", "columns", "start", "end", "searches", "shortest_length"],
    "properties": {
        "rows": {"type": "integer"},
        "columns": {"type": "integer"},
        "start": _CELL,
        "end": _CELL,
        "move_order": {"type": "array", "items": {"type": "string"}},
        "length_counts": {"type": "string", "enum": ["moves"]},
        "reachable": {"type": "boolean"},
        "shortest_length": {"type": ["integer", "null"]},
        "reachable_cells": {"type": "integer",
                            "description": "Free cells reachable from the start."},
        "searches": {"type": "object",
                     "properties": {"bfs": _SEARCH, "dfs": _SEARCH}},
        "comparison": {
            "type": "object",
            "description": "Only for algorithm=both.",
            "properties": {
                "same_length": {"type": "boolean"},
                "dfs_extra_moves": {"type": ["integer", "null"]},
                "bfs_expanded": {"type": "integer"},
                "dfs_expanded": {"type": "integer"},
                "fewer_expanded": {"type": "string", "enum": ["bfs", "dfs", "tie"]},
                "dfs_expanded_off_path": {"type": "integer"},
            },
        },
    },
}

CONCEPT = register(Concept(
    name="grid-search",
    title={"en": "BFS and DFS on a grid maze", "zh": "网格迷宫上的 BFS 与 DFS"},
    description=(
        "Breadth-first and depth-first search on a grid maze given as rows of "
        ". # S E: visit order, cells expanded, the path and its length in moves, "
        "and a BFS-versus-DFS comparison. Call it to show why BFS finds shortest "
        "paths in a maze."
    ),
    schema=GridSearchInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"grid": "S...;##.#;....;.##E", "algorithm": "both"},
    limits={"rows": MAX_ROWS, "columns": MAX_COLUMNS},
    result_schema=RESULT_SCHEMA,
    family="graph algorithms",
))

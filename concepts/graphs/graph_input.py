"""The one graph input parser shared by every graph endpoint.

A graph arrives as ``edges=A-B:4,B-C:1,C-A`` in a URL (the weight after
the colon, 1 when left out), as the same text in a JSON body, or as a
JSON array of ``[u, v]`` / ``[u, v, w]`` arrays. ``nodes=`` adds
isolated nodes and ``directed=true`` reads ``A-B`` as the arc A→B.

Node names
----------
A name is 1 to 40 characters after surrounding spaces are stripped, with
no control characters. In the compact text form a name cannot contain
``-``, ``,``, ``:`` or ``;`` because those separate names, edges and
weights. JSON arrays accept any other name, and a JSON number such as
``0`` is read as the name ``"0"``. The text of a query parameter may
also be a JSON array (``edges=[["a-1","b",2]]``), so every graph that a
POST body can express also has a URL.

Schemas of graph endpoints subclass ``GraphInput`` and add their own
fields; ``compute`` calls ``build_graph(params)`` and, for a start node,
``require_node(graph, params, "source")``.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from marshmallow import Schema, ValidationError

from ..base import InputError
from ..fields import Boolean, Field
from ..text import Message

MAX_NODES = 200
MAX_EDGES = 2000
MAX_NAME_CHARS = 40
# With |weight| <= 1e9 and at most 200 nodes, a path sum of whole weights stays
# below 2**53, so integer distances are exact even when stored as floats.
MAX_ABS_WEIGHT = 1e9

# Frames and animations redraw the graph once per step. They are drawn only
# for graphs up to this size, and larger graphs get the single picture.
MAX_FRAME_NODES = 60
MAX_FRAME_EDGES = 300

LIMITS = {
    "nodes": MAX_NODES,
    "edges": MAX_EDGES,
    "name_characters": MAX_NAME_CHARS,
    "max_abs_weight": MAX_ABS_WEIGHT,
    "frames_or_animate_nodes": MAX_FRAME_NODES,
    "frames_or_animate_edges": MAX_FRAME_EDGES,
}

_SEPARATORS = "-,:;"
_NUMBER = r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?"
_NAME = r"[^-,:;\x00-\x1f]+"
EDGES_PATTERN = (
    rf"^\s*(\[.*\]|({_NAME}-{_NAME}(:\s*{_NUMBER})?\s*"
    rf"(,\s*{_NAME}-{_NAME}(:\s*{_NUMBER})?\s*)*)?)\s*$"
)


def _show(value: Any, limit: int = 60) -> str:
    """Quote caller input in a message, with unusable code points as \\uXXXX."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = "".join(f"\\u{ord(char):04x}" if _unusable(char) else char
                   for char in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def natural_key(name: str) -> tuple:
    """Sort key that compares runs of digits as numbers, so "2" < "10" < "a"."""
    parts = re.split(r"([0-9]+)", name)
    return tuple((0, int(part), part) if part.isascii() and part.isdigit()
                 else (1, 0, part) for part in parts if part != "")


def _invalid(en: str, zh: str, status: int = 400) -> ValidationError:
    return ValidationError(Message(en, zh, status))


class _Later:
    """Text built only when formatted, such as where a value sits in the input.

    Messages need it only on error, and building it for each of 2,000 valid
    edges cost more than the parsing itself.
    """

    def __init__(self, build):
        self._build = build

    def __format__(self, spec: str) -> str:
        return format(self._build(), spec)


def _node_name(raw: Any, where_en, where_zh) -> str:
    """Validate one node name given as a string or a whole JSON number."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str):
        raise _invalid(f"{where_en}: a node name must be a string or a whole number; "
                       f"got {_show(raw)}.",
                       f"{where_zh}：节点名必须是字符串或整数，收到的是 {_show(raw)}。")

    name = raw.strip()
    if not name:
        raise _invalid(f"{where_en}: a node name is empty.",
                       f"{where_zh}：节点名为空。")
    if len(name) > MAX_NAME_CHARS:
        raise _invalid(f"{where_en}: the node name '{_show(name)}' has {len(name)} "
                       f"characters; at most {MAX_NAME_CHARS} are accepted.",
                       f"{where_zh}：节点名“{_show(name)}”有 {len(name)} 个字符，"
                       f"最多接受 {MAX_NAME_CHARS} 个。")
    if any(_unusable(char) for char in name):
        raise _invalid(f"{where_en}: the node name '{_show(name)}' contains a control "
                       "character or a code point that is not a character.",
                       f"{where_zh}：节点名“{_show(name)}”含有控制字符或不是字符的码位。")

    return name


def _unusable(char: str) -> bool:
    """Return True for control characters, lone surrogates and U+FFFE/U+FFFF.

    None of them can appear in XML (so in SVG), and a lone surrogate cannot
    even be encoded as UTF-8 for a response or a link.
    """
    return unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff"


def _weight(raw: Any, where_en, where_zh) -> int | float:
    """Validate an edge weight; whole numbers stay ``int`` so sums print exactly."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise _invalid(f"{where_en}: the weight {_show(raw)} is not a number.",
                       f"{where_zh}：权重 {_show(raw)} 不是数字。")
    if isinstance(raw, str):
        text = raw.strip()
        if not re.fullmatch(_NUMBER, text):
            raise _invalid(f"{where_en}: the weight '{_show(text)}' is not a number; "
                           "write it like 4, -2 or 0.5.",
                           f"{where_zh}：权重“{_show(text)}”不是数字，"
                           "应写成 4、-2 或 0.5 这样的形式。")
        raw = float(text)

    value = float(raw)
    if not abs(value) <= MAX_ABS_WEIGHT:
        raise _invalid(f"{where_en}: the weight {_show(raw)} is outside "
                       f"[-{MAX_ABS_WEIGHT:g}, {MAX_ABS_WEIGHT:g}].",
                       f"{where_zh}：权重 {_show(raw)} 不在 "
                       f"[-{MAX_ABS_WEIGHT:g}, {MAX_ABS_WEIGHT:g}] 范围内。")

    return int(value) if value.is_integer() else value


def exact(value: float) -> Fraction | int:
    """Convert a weight to an exact number: an int when whole, else the
    Fraction of its shortest decimal form, so 0.1 + 0.2 adds to 3/10.
    """
    if float(value).is_integer():
        return int(value)

    return Fraction(repr(float(value)))


def exact_weights(weights: list[float]) -> tuple[list[int], int]:
    """Convert weights to exact integers in units of 1/scale; return them and scale.

    Scale is the smallest power of ten that makes every weight's shortest
    decimal form whole, so 0.1 and 0.25 become 10 and 25 with scale 100.
    A float's shortest form has at most 17 significant digits and no digit
    beyond 10**-325, so scaled weights have at most about 340 digits. Such
    integers add and compare without the gcd that each Fraction operation
    takes, so sums stay exact and fast.
    """
    digits = 0
    for weight in weights:
        if isinstance(weight, float) and not weight.is_integer():
            exponent = Decimal(repr(weight)).as_tuple().exponent
            digits = max(digits, -exponent)
    scale = 10 ** digits
    return [int(exact(weight) * scale) for weight in weights], scale


def plain_number(value: Fraction | float, scale: int = 1) -> int | float:
    """Convert an exact amount in units of 1/scale to a JSON number.

    A whole amount becomes an int, and any other the float nearest to it, so
    0.1 + 0.2 gives 0.3. Infinity passes through unchanged.
    """
    if isinstance(value, float):
        if math.isinf(value):
            return value
        value = exact(value)
    if isinstance(value, int):
        # Python's int / int is correctly rounded, and faster than a Fraction.
        whole, rest = divmod(value, scale)
        return whole if rest == 0 else value / scale

    amount = value / scale
    if amount.denominator == 1:
        return amount.numerator
    return float(amount)


@dataclass(frozen=True)
class RawEdge:
    """One edge as the caller wrote it; ``weighted`` is true when a weight was given."""

    source: str
    target: str
    weight: int | float
    weighted: bool


def _needs_json(names: list[str]) -> bool:
    """Tell whether names can only be written as JSON in a query string."""
    if names and names[0].startswith("["):
        return True
    return any(char in _SEPARATORS for name in names for char in name)


def _load_json(text: str, name: str):
    """Parse a query value written as JSON, raising a 400 that names the error."""
    try:
        return json.loads(text)
    except ValueError as error:
        raise _invalid(
            f"'{name}' starts with '[' but is not valid JSON: "
            f"{error.msg} at character {error.pos + 1}.",
            f"“{name}”以“[”开头，但不是有效的 JSON："
            f"第 {error.pos + 1} 个字符处出错（{error.msg}）。") from error
    except RecursionError as error:
        raise _invalid(
            f"'{name}' starts with '[' but is not valid JSON: it nests deeper than "
            "the parser allows.",
            f"“{name}”以“[”开头，但不是有效的 JSON：嵌套层数超过了解析器的上限。"
        ) from error


class Edges(Field):
    """The edge list: ``A-B:4,B-C`` in a URL, or a JSON array of ``[u, v, w]``."""

    def _deserialize(self, value, attr, data, **kwargs) -> list[RawEdge]:
        if isinstance(value, str) and value.strip().startswith("["):
            value = _load_json(value, self.param_name)

        if isinstance(value, str):
            return self._parse_text(value)
        if isinstance(value, (list, tuple)):
            return self._parse_array(value)

        raise _invalid(
            f"'{self.param_name}' must be text such as A-B:4,B-C or a JSON array "
            f"such as [[\"A\",\"B\",4]]; got {_show(value)}.",
            f"“{self.param_name}”必须是 A-B:4,B-C 这样的文本，或 "
            f"[[\"A\",\"B\",4]] 这样的 JSON 数组，收到的是 {_show(value)}。")

    def _check_count(self, count: int) -> None:
        if count > MAX_EDGES:
            raise _invalid(f"'{self.param_name}' has {count} edges; at most "
                           f"{MAX_EDGES} are accepted.",
                           f"“{self.param_name}”有 {count} 条边，最多接受 "
                           f"{MAX_EDGES} 条。", 413)

    def _parse_text(self, text: str) -> list[RawEdge]:
        if not text.strip():
            return []

        items = text.split(",")
        self._check_count(len(items))
        edges = []
        for number, item in enumerate(items, start=1):
            where_en = _Later(lambda: f"Edge {number} '{_show(item.strip())}' of "
                                      f"'{self.param_name}'")
            where_zh = _Later(lambda: f"“{self.param_name}”的第 {number} 条边"
                                      f"“{_show(item.strip())}”")
            pair, colon, weight_text = item.partition(":")
            ends = pair.split("-")
            if len(ends) != 2:
                raise _invalid(
                    f"{where_en} is not in the form A-B or A-B:4. Names cannot "
                    "contain '-', ',', ':' or ';' in this form; send a JSON array "
                    "for such names.",
                    f"{where_zh}不是 A-B 或 A-B:4 的形式。这种写法中节点名不能含有"
                    "“-”“,”“:”“;”；这样的名字请用 JSON 数组发送。")
            source = _node_name(ends[0], where_en, where_zh)
            target = _node_name(ends[1], where_en, where_zh)
            weight = _weight(weight_text, where_en, where_zh) if colon else 1
            edges.append(RawEdge(source, target, weight, bool(colon)))

        return edges

    def _parse_array(self, items: list) -> list[RawEdge]:
        self._check_count(len(items))
        edges = []
        for number, item in enumerate(items, start=1):
            where_en = _Later(lambda: f"Edge {number} {_show(item)} of "
                                      f"'{self.param_name}'")
            where_zh = _Later(lambda: f"“{self.param_name}”的第 {number} 条边 "
                                      f"{_show(item)}")
            if not isinstance(item, (list, tuple)) or len(item) not in (2, 3):
                raise _invalid(f"{where_en} must be an array [u, v] or [u, v, weight].",
                               f"{where_zh}必须是 [u, v] 或 [u, v, 权重] 形式的数组。")
            source = _node_name(item[0], where_en, where_zh)
            target = _node_name(item[1], where_en, where_zh)
            weighted = len(item) == 3
            weight = _weight(item[2], where_en, where_zh) if weighted else 1
            edges.append(RawEdge(source, target, weight, weighted))

        return edges

    def openapi(self) -> dict:
        return {"type": "string", "pattern": EDGES_PATTERN}

    def openapi_body(self) -> dict:
        name = {"oneOf": [{"type": "string", "minLength": 1,
                           "maxLength": MAX_NAME_CHARS}, {"type": "integer"}]}
        edge = {"type": "array", "minItems": 2, "maxItems": 3,
                "prefixItems": [name, name, {"type": "number"}]}
        array = {"type": "array", "items": edge, "maxItems": MAX_EDGES}
        return {"anyOf": [self.openapi(), array]}

    def to_query(self, value: list[RawEdge]) -> str:
        names = [name for edge in value for name in (edge.source, edge.target)]
        if _needs_json(names):
            rows = [[edge.source, edge.target, edge.weight] if edge.weighted
                    else [edge.source, edge.target] for edge in value]
            return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))

        parts = []
        for edge in value:
            weight = f":{edge.weight}" if edge.weighted else ""
            parts.append(f"{edge.source}-{edge.target}{weight}")
        return ",".join(parts)


class Nodes(Field):
    """Extra node names (isolated nodes), comma-separated or a JSON array."""

    def _deserialize(self, value, attr, data, **kwargs) -> list[str]:
        if isinstance(value, str) and value.strip().startswith("["):
            value = _load_json(value, self.param_name)
        if isinstance(value, str):
            items = [] if not value.strip() else value.split(",")
        elif isinstance(value, (list, tuple)):
            items = list(value)
        else:
            raise _invalid(f"'{self.param_name}' must be comma-separated names or a "
                           f"JSON array of names; got {_show(value)}.",
                           f"“{self.param_name}”必须是逗号分隔的名字或名字组成的 JSON "
                           f"数组，收到的是 {_show(value)}。")

        if len(items) > MAX_NODES:
            raise _invalid(f"'{self.param_name}' has {len(items)} names; at most "
                           f"{MAX_NODES} nodes are accepted.",
                           f"“{self.param_name}”有 {len(items)} 个名字，最多接受 "
                           f"{MAX_NODES} 个节点。", 413)

        return [_node_name(item, f"Entry {number} of '{self.param_name}'",
                           f"“{self.param_name}”的第 {number} 项")
                for number, item in enumerate(items, start=1)]

    def openapi_body(self) -> dict:
        array = {"type": "array", "maxItems": MAX_NODES,
                 "items": {"oneOf": [{"type": "string", "maxLength": MAX_NAME_CHARS},
                                     {"type": "integer"}]}}
        return {"anyOf": [self.openapi(), array]}

    def to_query(self, value: list[str]) -> str:
        if _needs_json(value):
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return ",".join(value)


class NodeName(Field):
    """One node name, such as the ``source`` of a traversal."""

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        return _node_name(value, f"'{self.param_name}'", f"“{self.param_name}”")

    def openapi_body(self) -> dict:
        return {"oneOf": [{"type": "string", "maxLength": MAX_NAME_CHARS},
                          {"type": "integer"}]}


class GraphInput(Schema):
    """Fields shared by every graph endpoint; endpoints subclass and add theirs."""

    edges = Edges(
        required=True,
        description=(
            "Edges as u-v or u-v:weight, comma-separated (weight 1 when left out), "
            "or a JSON array of [u, v] or [u, v, weight]. Names in the text form "
            f"cannot contain - , : ;. At most {MAX_EDGES} edges."
        ),
        example="A-B:4,A-C:1,C-B:2,B-D:5",
    )
    nodes = Nodes(
        description=(
            "Extra nodes, comma-separated, for nodes without edges. At most "
            f"{MAX_NODES} nodes in all."
        ),
        example="E",
    )
    directed = Boolean(
        load_default=False,
        description="true reads u-v as the arc u→v; false (default) as an undirected "
                    "edge.",
        example="false",
    )
    frames = Boolean(
        load_default=False,
        description="true draws the steps as a strip of small frames instead of one "
                    "picture of the result.",
        example="false",
    )
    animate = Boolean(
        load_default=False,
        description="true returns an SVG whose SMIL animation plays the steps in a "
                    "loop (also inside <img>); it takes precedence over frames.",
        example="false",
    )


@dataclass(frozen=True)
class Edge:
    """An edge of a ``Graph``; ``index`` is its position in the caller's list."""

    source: str
    target: str
    weight: int | float
    index: int


class Graph:
    """A validated graph.

    ``nodes`` lists the nodes in order of first appearance: the edges from
    left to right, then the ``nodes`` parameter. ``neighbours(u)`` returns
    the out-neighbours (every neighbour when undirected) sorted by
    ``natural_key``, which is the order in which every algorithm here
    visits them. An undirected self-loop appears once in its node's list.
    """

    def __init__(self, nodes: list[str], edges: list[Edge], directed: bool,
                 weighted: bool):
        self.nodes = nodes
        self.edges = edges
        self.directed = directed
        self.weighted = weighted
        self.position = {name: index for index, name in enumerate(nodes)}
        self._out: dict[str, list[tuple[str, int | float]]] = {n: [] for n in nodes}
        self._in: dict[str, list[tuple[str, int | float]]] = {n: [] for n in nodes}
        for edge in edges:
            self._out[edge.source].append((edge.target, edge.weight))
            self._in[edge.target].append((edge.source, edge.weight))
            if not directed and edge.source != edge.target:
                self._out[edge.target].append((edge.source, edge.weight))
                self._in[edge.source].append((edge.target, edge.weight))
        keys = {name: natural_key(name) for name in nodes}
        for table in (self._out, self._in):
            for items in table.values():
                items.sort(key=lambda item: keys[item[0]])

    def neighbours(self, node: str) -> list[tuple[str, int | float]]:
        """Return the ``(neighbour, weight)`` pairs one edge away, sorted by name."""
        return self._out[node]

    def predecessors(self, node: str) -> list[tuple[str, int | float]]:
        """Return ``(u, weight)`` for every edge into ``node``, sorted by name."""
        return self._in[node]

    def sorted_nodes(self) -> list[str]:
        return sorted(self.nodes, key=natural_key)

    def weight(self, source: str, target: str) -> int | float | None:
        for name, weight in self._out[source]:
            if name == target:
                return weight
        return None

    def self_loops(self) -> list[Edge]:
        return [edge for edge in self.edges if edge.source == edge.target]


def build_graph(params: dict, *, allow_self_loops: bool = True,
                allow_negative: bool = True) -> Graph:
    """Build a ``Graph`` from loaded ``GraphInput`` parameters.

    Raises ``InputError`` for a repeated edge, a self-loop or negative
    weight where the endpoint does not accept one, a graph with no node,
    and (413) more than ``MAX_NODES`` nodes or frames of a graph larger
    than ``MAX_FRAME_NODES`` / ``MAX_FRAME_EDGES``.
    """
    raw_edges: list[RawEdge] = params.get("edges") or []
    directed = bool(params.get("directed", False))
    nodes: dict[str, None] = {}
    seen: dict[tuple[str, str], int] = {}
    edges = []
    for index, raw in enumerate(raw_edges):
        _check_edge(raw, index, seen, directed, allow_self_loops, allow_negative)
        nodes.setdefault(raw.source)
        nodes.setdefault(raw.target)
        edges.append(Edge(raw.source, raw.target, raw.weight, index))

    for name in params.get("nodes") or []:
        nodes.setdefault(name)

    if not nodes:
        raise InputError({"edges": Message(
            "The graph has no nodes; give at least one edge in 'edges' or one name "
            "in 'nodes'.",
            "图中没有节点；请在“edges”中至少给出一条边，或在“nodes”中至少给出一个名字。")})
    if len(nodes) > MAX_NODES:
        raise InputError({"nodes": Message(
            f"The graph has {len(nodes)} nodes; at most {MAX_NODES} are accepted.",
            f"图中有 {len(nodes)} 个节点，最多接受 {MAX_NODES} 个。", 413)})

    check_step_drawing(params, len(nodes), len(edges))
    weighted = any(raw.weighted for raw in raw_edges)
    return Graph(list(nodes), edges, directed, weighted)


def check_step_drawing(params: dict, node_count: int, edge_count: int) -> None:
    """Raise a 413 ``InputError`` when frames or an animation would be too large."""
    flag = "animate" if params.get("animate") else "frames" if params.get("frames") \
        else None
    if flag is None:
        return
    if node_count <= MAX_FRAME_NODES and edge_count <= MAX_FRAME_EDGES:
        return

    raise InputError({flag: Message(
        f"'{flag}=true' draws the graph once per step, which is offered for up to "
        f"{MAX_FRAME_NODES} nodes and {MAX_FRAME_EDGES} edges; this graph has "
        f"{node_count} nodes and {edge_count} edges. Leave '{flag}' out for the "
        "single picture; the JSON steps list every step.",
        f"“{flag}=true”会为每一步画一次图，只支持最多 {MAX_FRAME_NODES} 个节点、"
        f"{MAX_FRAME_EDGES} 条边的图；这个图有 {node_count} 个节点、{edge_count} "
        f"条边。去掉“{flag}”即可得到单张图；JSON 中的 steps 列出了每一步。", 413)})


def _check_edge(raw: RawEdge, index: int, seen: dict, directed: bool,
                allow_self_loops: bool, allow_negative: bool) -> None:
    label = f"{raw.source}-{raw.target}"
    key = (raw.source, raw.target)
    if not directed and raw.target < raw.source:
        key = (raw.target, raw.source)
    if key in seen:
        first = seen[key]
        how_en = "" if directed else " (the graph is undirected, so u-v and v-u are " \
                                     "the same edge)"
        how_zh = "" if directed else "（无向图中 u-v 与 v-u 是同一条边）"
        raise InputError({"edges": Message(
            f"Edge {index + 1} '{label}' repeats edge {first + 1}{how_en}; give each "
            "edge once.",
            f"第 {index + 1} 条边“{label}”与第 {first + 1} 条边重复{how_zh}；"
            "每条边只能给一次。")})
    seen[key] = index

    if raw.source == raw.target and not allow_self_loops:
        raise InputError({"edges": Message(
            f"Edge {index + 1} '{label}' is a self-loop, which this algorithm does not "
            "accept; remove it.",
            f"第 {index + 1} 条边“{label}”是自环，此算法不接受自环；请删除它。")})
    if raw.weight < 0 and not allow_negative:
        raise InputError({"edges": Message(
            f"Edge {index + 1} '{label}' has the negative weight {raw.weight}; this "
            "algorithm needs weights of 0 or more.",
            f"第 {index + 1} 条边“{label}”的权重 {raw.weight} 为负；此算法要求权重"
            "不小于 0。")})


def require_node(graph: Graph, params: dict, name: str) -> str:
    """Return ``params[name]`` if it is a node of ``graph``; else raise ``InputError``.

    The message lists up to 20 node names so the caller can correct the value.
    """
    node = params[name]
    if node in graph.position:
        return node

    known = graph.sorted_nodes()
    listed = ", ".join(known[:20]) + (", …" if len(known) > 20 else "")
    raise InputError({name: Message(
        f"'{name}' is '{node}', which is not a node of the graph. Nodes: {listed}.",
        f"“{name}”是“{node}”，但它不是图中的节点。图中的节点：{listed}。")})

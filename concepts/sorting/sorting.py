"""Sorting: seven algorithms run on the caller's numbers, step by step.

Notes
-----
Every comparison, swap, array write, pivot choice, merge and heapify is
an event (see ``concepts.sorting.algorithms``). ``steps`` lists the first
``MAX_STEPS`` of them, but the counts in ``result`` include every event.
A swap counts as two array writes.

Options that do not apply to the chosen algorithm are rejected with a
400 instead of being ignored silently. ``pivot`` needs quick sort and
``gaps`` needs shell sort, and both also apply to ``all``. ``pattern``
needs ``n``, ``seed`` needs ``n`` or ``pivot=random``, and
``animate=true`` needs a single algorithm.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from marshmallow import Schema

from ..base import Concept, InputError, Outcome, Step, register
from ..fields import Boolean, Choice, Integer, NumberList
from ..text import Message
from . import algorithms, prose
from .algorithms import ALGORITHMS, GAPS, PIVOTS, STABLE
from .drawing import draw

MAX_VALUES = 1500
MAX_VALUES_ALL = 500
MAX_ANIMATED = 64
MAX_STEPS = 1000
# Events recorded per run. Steps need the first MAX_STEPS. An animation
# needs every event, and every input of up to MAX_ANIMATED values makes
# fewer than ANIMATED_EVENT_CAP: the worst cases at 64 values stay under
# 8,000 (insertion sort on reversed input makes 4,095). Key frames past the
# cap take their events from the snapshots.
EVENT_CAP = MAX_STEPS
ANIMATED_EVENT_CAP = 20_000
# Snapshots kept per run for the key frames: between 16 and 32, evenly spaced.
SNAPSHOTS = 16
PATTERNS = ("random", "sorted", "reversed", "few-unique", "nearly-sorted")

COMPLEXITY = {
    "selection": ("O(n²)", "O(n²)", "O(n²)", "O(1)"),
    "bubble": ("O(n)", "O(n²)", "O(n²)", "O(1)"),
    "insertion": ("O(n)", "O(n²)", "O(n²)", "O(1)"),
    "merge": ("O(n log n)", "O(n log n)", "O(n log n)", "O(n)"),
    "quick": ("O(n log n)", "O(n log n)", "O(n²)", "O(log n) average, O(n) worst"),
    "heap": ("O(n log n)", "O(n log n)", "O(n log n)", "O(1)"),
}
# Shell sort's bounds depend on the gaps; average cases have no proven bound.
SHELL_COMPLEXITY = {
    "shell": ("O(n log n)", "no proven bound", "O(n²)", "O(1)"),
    "knuth": ("O(n log n)", "no proven bound", "O(n^1.5)", "O(1)"),
    "ciura": ("O(n log n)", "no proven bound", "no proven bound", "O(1)"),
}


class _Values(NumberList):
    """A ``NumberList`` whose empty form (``values=``) is valid: it sorts to []."""

    def _openapi_extra(self) -> dict:
        pattern = super()._openapi_extra()["pattern"]
        return {"pattern": r"^\s*$|" + pattern}


class SortingInput(Schema):
    algorithm = Choice(
        choices=ALGORITHMS + ("all",),
        load_default="quick",
        description=("Sorting algorithm to run, or all to compare the seven on the "
                     "same input; default quick."),
        example="quick",
    )
    values = _Values(
        min_length=0,
        max_length=MAX_VALUES,
        description=(f"Numbers to sort, comma-separated; duplicates allowed. At most "
                     f"{MAX_VALUES} ({MAX_VALUES_ALL} with algorithm=all, "
                     f"{MAX_ANIMATED} with animate=true). Give values or n; an empty "
                     "values= is valid and sorts to []."),
        example="5,2,9,1,5,6",
    )
    n = Integer(
        minimum=0,
        maximum=MAX_VALUES,
        too_large=True,
        description="Generate this many values instead of giving values.",
        example="20",
    )
    pattern = Choice(
        choices=PATTERNS,
        description="Order of the generated values (with n); default random.",
        example="random",
    )
    seed = Integer(
        minimum=0,
        maximum=2**32 - 1,
        description=("Seed for generated values (with n) and for pivot=random; "
                     "default 1."),
        example="1",
    )
    gaps = Choice(
        choices=GAPS,
        description=("Shell sort gap sequence: shell (n/2, n/4, …, 1), knuth "
                     "(…, 13, 4, 1) or ciura (…, 23, 10, 4, 1); default shell."),
        example="ciura",
    )
    pivot = Choice(
        choices=PIVOTS,
        description=("Quicksort pivot rule for the Lomuto partition; default last. "
                     "random uses seed."),
        example="last",
    )
    animate = Boolean(
        load_default=False,
        description=(f"true draws a SMIL-animated SVG that plays every step "
                     f"(at most {MAX_ANIMATED} values, one algorithm)."),
        example="false",
    )


@dataclass
class Run:
    """One algorithm's trace on the input, with its options."""

    algorithm: str
    trace: algorithms.Trace
    stability: dict
    pivot: str | None
    gaps: str | None


@dataclass
class Facts:
    values: list
    runs: list[Run]
    animate: bool
    generated: dict | None


def compute(params: dict) -> Outcome:
    """Sort the input with the chosen algorithm (or all seven) and count."""
    algorithm = params["algorithm"]
    _check_options(params)
    values, generated = _input_values(params)
    _check_size(params, len(values))
    pivot = params.get("pivot", "last")
    gaps = params.get("gaps", "shell")
    seed = params.get("seed", 1)
    names = ALGORITHMS if algorithm == "all" else (algorithm,)
    cap = ANIMATED_EVENT_CAP if params["animate"] else EVENT_CAP
    runs = [_run(name, values, pivot, gaps, seed, cap) for name in names]

    inputs = {"algorithm": algorithm, "values": values, "animate": params["animate"]}
    if generated:
        inputs.update(generated)
    if algorithm in ("quick", "all"):
        inputs["pivot"] = pivot
    if algorithm in ("shell", "all"):
        inputs["gaps"] = gaps
    if "seed" in params or generated:
        inputs["seed"] = seed

    result = _all_result(runs) if algorithm == "all" else _single_result(runs[0])
    facts = Facts(values, runs, params["animate"], generated)
    return Outcome(inputs=inputs, result=result, facts=facts)


def _check_options(params: dict) -> None:
    algorithm = params["algorithm"]
    errors = {}
    if "pivot" in params and algorithm not in ("quick", "all"):
        errors["pivot"] = _not_applicable("pivot", params["pivot"], algorithm,
                                          "algorithm=quick or all",
                                          "algorithm=quick 或 all")
    if "gaps" in params and algorithm not in ("shell", "all"):
        errors["gaps"] = _not_applicable("gaps", params["gaps"], algorithm,
                                         "algorithm=shell or all",
                                         "algorithm=shell 或 all")
    if params["animate"] and algorithm == "all":
        errors["animate"] = Message(
            "'animate=true' needs a single algorithm; with algorithm=all the "
            "drawing shows the seven side by side. Choose one algorithm or drop "
            "animate.",
            "“animate=true”只能用于单个算法；algorithm=all 时图中并排展示七种算法。"
            "请选择一个算法，或去掉 animate。")
    errors.update(_check_input_options(params))
    if errors:
        raise InputError(errors)


def _check_input_options(params: dict) -> dict:
    errors = {}
    if "values" in params and "n" in params:
        both = Message(
            "Give either 'values' or 'n', not both: 'values' lists the numbers to "
            "sort and 'n' generates that many.",
            "“values”和“n”只能给一个：“values”列出要排序的数，“n”生成这么多个数。")
        errors.update(values=both, n=both)
    elif "values" not in params and "n" not in params:
        errors["values"] = Message(
            "'values' is missing: give the numbers to sort (values=5,2,9,1) or "
            "'n' to generate them (n=20).",
            "缺少“values”：请给出要排序的数（values=5,2,9,1），或用“n”生成"
            "（n=20）。")
    if "pattern" in params and "n" not in params:
        errors["pattern"] = Message(
            f"'pattern={params['pattern']}' shapes generated input and needs 'n'; "
            "with 'values' the order is the one you gave.",
            f"“pattern={params['pattern']}”用于生成输入，需要同时给出“n”；"
            "给出“values”时顺序就是你给的顺序。")
    if ("seed" in params and "n" not in params
            and params.get("pivot") != "random"):
        errors["seed"] = Message(
            f"'seed={params['seed']}' is used only with 'n' (generated values) or "
            "pivot=random; drop it or use one of those.",
            f"“seed={params['seed']}”只在给出“n”（生成输入）或 pivot=random 时使用；"
            "请去掉它，或使用其中之一。")
    return errors


def _not_applicable(name, value, algorithm, needed_en, needed_zh) -> Message:
    return Message(
        f"'{name}={value}' does not apply to algorithm={algorithm}; it is used "
        f"only with {needed_en}.",
        f"“{name}={value}”不适用于 algorithm={algorithm}，只在 {needed_zh} 时使用。")


def _check_size(params: dict, count: int) -> None:
    key = "values" if "values" in params else "n"
    if params["algorithm"] == "all" and count > MAX_VALUES_ALL:
        raise InputError({key: Message(
            f"algorithm=all runs seven sorts on {count} values; at most "
            f"{MAX_VALUES_ALL} are accepted (up to {MAX_VALUES} for one algorithm).",
            f"algorithm=all 要对 {count} 个数运行七种排序；最多接受 "
            f"{MAX_VALUES_ALL} 个（单个算法最多 {MAX_VALUES} 个）。", 413)})
    if params["animate"] and count > MAX_ANIMATED:
        raise InputError({key: Message(
            f"animate=true draws every step of {count} values; at most "
            f"{MAX_ANIMATED} values can be animated (up to {MAX_VALUES} without "
            "animate).",
            f"animate=true 要画出 {count} 个数的每一步；动画最多 {MAX_ANIMATED} "
            f"个数（不加 animate 时最多 {MAX_VALUES} 个）。", 413)})


def _input_values(params: dict) -> tuple[list, dict | None]:
    if "values" in params:
        return [_plain(value) for value in params["values"]], None

    pattern = params.get("pattern", "random")
    seed = params.get("seed", 1)
    n = params["n"]
    return generate(n, pattern, seed), {"n": n, "pattern": pattern}


def _plain(value: float):
    """Return whole numbers as int so that 5 reads as 5, not 5.0."""
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def generate(n: int, pattern: str, seed: int) -> list[int]:
    """Return ``n`` integers in ``pattern`` order; the same seed gives the same list."""
    rng = random.Random(seed)
    if pattern == "random":
        high = max(99, n)
        return [rng.randint(1, high) for _ in range(n)]
    if pattern == "few-unique":
        return [rng.choice((25, 50, 75, 100)) for _ in range(n)]
    if pattern == "reversed":
        return list(range(n, 0, -1))

    values = list(range(1, n + 1))
    if pattern == "nearly-sorted":
        # About one element in ten moves up to three places.
        for _ in range(max(1, n // 10) if n > 1 else 0):
            i = rng.randrange(n - 1)
            j = min(n - 1, i + rng.randint(1, 3))
            values[i], values[j] = values[j], values[i]
    return values


def _run(name, values, pivot, gaps, seed, event_cap) -> Run:
    trace = algorithms.run(name, values, gaps=gaps, pivot=pivot, seed=seed,
                           event_cap=event_cap, snapshot_count=SNAPSHOTS)
    return Run(name, trace, algorithms.stability(trace.a, trace.ids),
               pivot if name == "quick" else None, gaps if name == "shell" else None)


def _counts(run: Run) -> dict:
    trace = run.trace
    counts = {"comparisons": trace.comparisons, "swaps": trace.swaps,
              "writes": trace.writes}
    if run.algorithm in ("quick", "merge"):
        counts["recursion_depth"] = trace.depth
    return counts


def _single_result(run: Run) -> dict:
    trace = run.trace
    result = {"algorithm": run.algorithm, "n": len(trace.a), "sorted": trace.a,
              **_counts(run)}
    if run.pivot:
        result.update(pivot=run.pivot, partition="lomuto")
    if run.gaps:
        result.update(gap_sequence=run.gaps, gaps=trace.gaps)
    result.update(
        stable=STABLE[run.algorithm],
        stability=run.stability,
        complexity=complexity(run.algorithm, run.gaps),
        events=trace.total,
        steps_shown=min(trace.total, MAX_STEPS),
        steps_truncated=trace.total > MAX_STEPS,
    )
    return result


def _all_result(runs: list[Run]) -> dict:
    table = []
    for run in runs:
        row = {"algorithm": run.algorithm, **_counts(run),
               "stable": STABLE[run.algorithm],
               "order_kept": run.stability["order_kept"], "events": run.trace.total}
        table.append(row)

    quick = next(run for run in runs if run.algorithm == "quick")
    shell = next(run for run in runs if run.algorithm == "shell")
    return {"algorithm": "all", "n": len(runs[0].trace.a), "sorted": runs[0].trace.a,
            "pivot": quick.pivot, "gap_sequence": shell.gaps,
            "gaps": shell.trace.gaps, "table": table}


def complexity(algorithm: str, gaps: str | None = None) -> dict:
    """Return the textbook best, average and worst time and extra space."""
    row = SHELL_COMPLEXITY[gaps or "shell"] if algorithm == "shell" else COMPLEXITY[algorithm]
    return dict(zip(("best", "average", "worst", "space"), row))


def explain(outcome: Outcome, lang: str):
    """Write the summary, the Markdown explanation and the steps in ``lang``."""
    facts: Facts = outcome.facts
    writer = prose.WRITERS[lang]
    if outcome.result["algorithm"] == "all":
        steps = [Step(writer.table_row(row), dict(row))
                 for row in outcome.result["table"]]
        return prose.explanation(writer.all_summary(outcome.result),
                                 writer.all_markdown(outcome.result, facts), steps)

    run = facts.runs[0]
    steps = [Step(writer.event(event), prose.event_values(event))
             for event in run.trace.events[:MAX_STEPS]]
    return prose.explanation(writer.summary(outcome.result),
                             writer.markdown(outcome.result, MAX_STEPS), steps)


_COUNTS = {"comparisons": {"type": "integer"}, "swaps": {"type": "integer"},
           "writes": {"type": "integer", "description": "Stores into the array; a "
                      "swap is two."},
           "recursion_depth": {"type": "integer", "description": "Quick and merge "
                               "sort only: deepest nesting of calls on two or more "
                               "elements."}}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["algorithm", "n", "sorted"],
    "properties": {
        "algorithm": {"type": "string", "enum": list(ALGORITHMS) + ["all"]},
        "n": {"type": "integer"},
        "sorted": {"type": "array", "items": {"type": "number"}},
        **_COUNTS,
        "pivot": {"type": "string", "enum": list(PIVOTS)},
        "partition": {"type": "string", "enum": ["lomuto"]},
        "gap_sequence": {"type": "string", "enum": list(GAPS)},
        "gaps": {"type": "array", "items": {"type": "integer"}},
        "stable": {"type": "boolean"},
        "stability": {
            "type": "object",
            "description": "Whether equal values kept their input order in this run.",
            "properties": {"equal_keys": {"type": "boolean"},
                           "order_kept": {"type": ["boolean", "null"]},
                           "example": {"type": "object"}}},
        "complexity": {"type": "object",
                       "properties": {key: {"type": "string"} for key in
                                      ("best", "average", "worst", "space")}},
        "events": {"type": "integer", "description": "All events of the run."},
        "steps_shown": {"type": "integer"},
        "steps_truncated": {"type": "boolean",
                            "description": f"True when there were more than "
                                           f"{MAX_STEPS} events."},
        "table": {"type": "array", "description": "algorithm=all: counts per "
                  "algorithm.", "items": {"type": "object", "properties": {
                      "algorithm": {"type": "string"}, **_COUNTS,
                      "stable": {"type": "boolean"},
                      "order_kept": {"type": ["boolean", "null"]},
                      "events": {"type": "integer"}}}},
    },
}

CONCEPT = register(Concept(
    name="sorting",
    title={"en": "Sorting algorithms, step by step", "zh": "排序算法，一步一步"},
    description=(
        "Sorts given or generated numbers with selection, bubble, insertion, shell, "
        "merge, quick or heap sort, or compares all seven: each compare, swap and "
        "write, exact counts, stability, complexity and an animated SVG. Call it to "
        "explain or compare sorting algorithms."
    ),
    schema=SortingInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"algorithm": "quick", "values": "5,2,9,1,5,6"},
    limits={"values": MAX_VALUES, "values_with_all": MAX_VALUES_ALL,
            "values_animated": MAX_ANIMATED, "steps_listed": MAX_STEPS},
    result_schema=RESULT_SCHEMA,
    family="sorting",
))

"""The instrumented sorts against Python's sorted, closed forms and a
separate counting implementation of each algorithm written here.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts.sorting.algorithms import (ALGORITHMS, GAPS, PIVOTS, STABLE, gap_sequence,
                                         replay, run, stability)

small_ints = st.lists(st.integers(-20, 20), max_size=40)
mixed = st.lists(st.one_of(st.integers(-1000, 1000),
                           st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)),
                 max_size=40)
OPTIONS = ([("shell", {"gaps": g}) for g in GAPS]
           + [("quick", {"pivot": p, "seed": 7}) for p in PIVOTS]
           + [(name, {}) for name in ALGORITHMS if name not in ("shell", "quick")])


# Independent counting implementations: plain textbook code with a
# counter dict, sharing nothing with concepts.sorting.algorithms.

def oracle_selection(values):
    a, c = list(values), {"comparisons": 0, "swaps": 0}
    for i in range(len(a) - 1):
        m = i
        for j in range(i + 1, len(a)):
            c["comparisons"] += 1
            if a[j] < a[m]:
                m = j
        if m != i:
            a[i], a[m] = a[m], a[i]
            c["swaps"] += 1
    c["writes"] = 2 * c["swaps"]
    return a, c


def oracle_bubble(values):
    a, c = list(values), {"comparisons": 0, "swaps": 0}
    n = len(a)
    while n > 1:
        last_swap = 0
        for j in range(1, n):
            c["comparisons"] += 1
            if a[j - 1] > a[j]:
                a[j - 1], a[j] = a[j], a[j - 1]
                c["swaps"] += 1
                last_swap = j
        if last_swap == 0:
            break
        n -= 1
    c["writes"] = 2 * c["swaps"]
    return a, c


def oracle_gapped_insertion(a, c, h):
    for i in range(h, len(a)):
        key, j = a[i], i
        while j >= h:
            c["comparisons"] += 1
            if a[j - h] <= key:
                break
            a[j] = a[j - h]
            c["writes"] += 1
            j -= h
        if j != i:
            a[j] = key
            c["writes"] += 1


def oracle_insertion(values):
    a, c = list(values), {"comparisons": 0, "swaps": 0, "writes": 0}
    oracle_gapped_insertion(a, c, 1)
    return a, c


def oracle_shell(values, gaps):
    a, c = list(values), {"comparisons": 0, "swaps": 0, "writes": 0}
    for h in gaps:
        oracle_gapped_insertion(a, c, h)
    return a, c


def oracle_merge(values):
    c = {"comparisons": 0, "swaps": 0, "writes": 0}

    def sort(part, depth):
        if len(part) < 2:
            return part, depth - 1
        half = len(part) // 2
        left, d1 = sort(part[:half], depth + 1)
        right, d2 = sort(part[half:], depth + 1)
        out = []
        while left and right:
            c["comparisons"] += 1
            out.append(left.pop(0) if left[0] <= right[0] else right.pop(0))
        out += left + right
        c["writes"] += len(out)
        return out, max(depth, d1, d2)

    a, depth = sort(list(values), 1)
    c["recursion_depth"] = max(depth, 0)
    return a, c


def oracle_quick(values, pivot="last", seed=7):
    a, c = list(values), {"comparisons": 0, "swaps": 0, "recursion_depth": 0}
    rng = random.Random(seed)

    def swap(i, j):
        a[i], a[j] = a[j], a[i]
        c["swaps"] += 1

    def less(x, y):
        c["comparisons"] += 1
        return x < y

    def choose(lo, hi):
        if pivot == "first":
            return lo
        if pivot == "random":
            return rng.randint(lo, hi)
        if pivot == "last" or hi - lo < 2:
            return hi
        mid = (lo + hi) // 2
        low, high = (mid, lo) if less(a[mid], a[lo]) else (lo, mid)
        if less(a[hi], a[low]):
            return low
        return high if less(a[high], a[hi]) else hi

    def sort(lo, hi, depth):
        if lo >= hi:
            return
        c["recursion_depth"] = max(c["recursion_depth"], depth)
        p = choose(lo, hi)
        if p != hi:
            swap(p, hi)
        store = lo
        for j in range(lo, hi):
            c["comparisons"] += 1
            if a[j] <= a[hi]:
                if store != j:
                    swap(store, j)
                store += 1
        if store != hi:
            swap(store, hi)
        sort(lo, store - 1, depth + 1)
        sort(store + 1, hi, depth + 1)

    sort(0, len(a) - 1, 1)
    c["writes"] = 2 * c["swaps"]
    return a, c


def oracle_heap(values):
    a, c = list(values), {"comparisons": 0, "swaps": 0}

    def sift(root, size):
        while True:
            largest = root
            left, right = 2 * root + 1, 2 * root + 2
            if left >= size:
                return
            child = left
            if right < size:
                c["comparisons"] += 1
                if a[left] < a[right]:
                    child = right
            c["comparisons"] += 1
            if not a[largest] < a[child]:
                return
            a[root], a[child] = a[child], a[root]
            c["swaps"] += 1
            root = child

    for root in reversed(range(len(a) // 2)):
        sift(root, len(a))
    for end in reversed(range(1, len(a))):
        a[0], a[end] = a[end], a[0]
        c["swaps"] += 1
        sift(0, end)
    c["writes"] = 2 * c["swaps"]
    return a, c


def oracle(name, values, options):
    if name == "shell":
        return oracle_shell(values, gap_sequence(options["gaps"], len(values)))
    if name == "quick":
        return oracle_quick(values, options["pivot"], options["seed"])
    return {"selection": oracle_selection, "bubble": oracle_bubble,
            "insertion": oracle_insertion, "merge": oracle_merge,
            "heap": oracle_heap}[name](values)


def inversions(values):
    return sum(1 for i in range(len(values)) for j in range(i + 1, len(values))
               if values[i] > values[j])


@pytest.mark.parametrize("name,options", OPTIONS)
@settings(max_examples=60, deadline=None)
@given(values=mixed)
def test_sort_output_equals_sorted(name, options, values):
    trace = run(name, values, **options)
    assert trace.a == sorted(values)


@pytest.mark.parametrize("name,options", OPTIONS)
@settings(max_examples=60, deadline=None)
@given(values=small_ints)
def test_sort_replay_gives_output(name, options, values):
    trace = run(name, values, **options)
    assert trace.total <= trace.event_cap
    assert replay(values, trace.events) == trace.a


@pytest.mark.parametrize("name,options", OPTIONS)
@settings(max_examples=60, deadline=None)
@given(values=small_ints)
def test_sort_counts_match_oracle(name, options, values):
    trace = run(name, values, **options)
    expected_output, expected = oracle(name, values, options)
    assert trace.a == expected_output
    assert trace.comparisons == expected["comparisons"]
    assert trace.swaps == expected["swaps"]
    assert trace.writes == expected["writes"]
    if "recursion_depth" in expected:
        assert trace.depth == expected["recursion_depth"]


@pytest.mark.parametrize("name,options", OPTIONS)
@settings(max_examples=40, deadline=None)
@given(values=small_ints)
def test_sort_events_carry_true_values(name, options, values):
    # Every compare and swap names the values the array held at that moment
    # (merge compares name the slots where the merge found them).
    a = list(values)
    merge_range = None
    for event in run(name, values, **options).events:
        kind = event[0]
        if kind == "merge":
            merge_range = (event[1], event[3], list(a[event[1]:event[3]]))
        elif kind == "compare" and event[2] is not None and merge_range is None:
            assert (a[event[1]], a[event[2]]) == (event[3], event[4])
        elif kind == "compare" and event[2] is None:
            assert a[event[1]] == event[3]
        elif kind == "swap":
            assert (a[event[1]], a[event[2]]) == (event[3], event[4])
            a[event[1]], a[event[2]] = a[event[2]], a[event[1]]
        elif kind == "write":
            a[event[1]] = event[2]
        elif kind == "pivot":
            assert a[event[1]] == event[2]


@pytest.mark.parametrize("name,options", OPTIONS)
@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.integers(0, 4), max_size=30))
def test_sort_stability_report(name, options, values):
    trace = run(name, values, **options)
    report = stability(trace.a, trace.ids)
    stable_order = sorted(range(len(values)), key=lambda i: values[i])
    assert report["equal_keys"] == (len(set(values)) < len(values))
    if report["equal_keys"]:
        assert report["order_kept"] == (trace.ids == stable_order)
    else:
        assert report["order_kept"] is None
    if STABLE[name]:
        assert trace.ids == stable_order


def test_stability_example_positions():
    report = stability([1, 5, 5], [2, 1, 0])
    assert report == {"equal_keys": True, "order_kept": False,
                      "example": {"value": 5, "positions": [1, 0]}}


@pytest.mark.parametrize("name", ["selection", "quick", "heap", "shell"])
def test_unstable_sort_shows_it(name):
    values = [2, 2, 1, 2, 1, 3, 1, 2] * 3
    trace = run(name, values)
    assert stability(trace.a, trace.ids)["order_kept"] is False


@pytest.mark.parametrize("n", [0, 1, 2, 5, 17, 64])
def test_selection_comparisons_closed_form(n):
    values = random.Random(n).sample(range(1000), n)
    assert run("selection", values).comparisons == n * (n - 1) // 2


@pytest.mark.parametrize("n", [2, 10, 100])
def test_bubble_sorted_input_one_pass(n):
    trace = run("bubble", list(range(n)))
    assert trace.comparisons == n - 1
    assert trace.swaps == 0


@settings(max_examples=60, deadline=None)
@given(values=small_ints)
def test_bubble_swaps_equal_inversions(values):
    assert run("bubble", values).swaps == inversions(values)


@settings(max_examples=60, deadline=None)
@given(values=small_ints)
def test_insertion_shifts_equal_inversions(values):
    trace = run("insertion", values)
    moved = sum(1 for event in trace.events if event[0] == "write")
    placed = sum(1 for i in range(len(values))
                 if any(values[j] > values[i] for j in range(i)))
    assert moved == inversions(values) + placed


def test_quick_sorted_eight_lomuto():
    trace = run("quick", list(range(1, 9)), pivot="last")
    assert trace.comparisons == 28
    assert trace.depth == 7
    assert trace.a == list(range(1, 9))


def test_quick_sorted_1500_explicit_stack():
    trace = run("quick", list(range(1, 1501)), pivot="last", event_cap=100)
    assert trace.comparisons == 1_124_250
    assert trace.depth == 1499
    assert trace.a == list(range(1, 1501))
    assert len(trace.events) == 100
    assert trace.total > 1_124_250


def test_quick_median_of_three_sorted_depth_small():
    trace = run("quick", list(range(1, 1501)), pivot="median-of-three")
    assert trace.depth < 20


def test_merge_depth_log2():
    assert run("merge", list(range(1000, 0, -1))).depth == 10


@pytest.mark.parametrize("name,n,expected", [
    ("shell", 10, [5, 2, 1]), ("shell", 1, []), ("knuth", 100, [40, 13, 4, 1]),
    ("knuth", 10, [4, 1]), ("knuth", 2, [1]), ("ciura", 100, [57, 23, 10, 4, 1]),
    ("ciura", 2, [1]), ("ciura", 4000, [3937, 1750, 701, 301, 132, 57, 23, 10, 4, 1]),
])
def test_gap_sequence_values(name, n, expected):
    assert gap_sequence(name, n) == expected


def test_quick_random_pivot_repeatable():
    values = random.Random(3).sample(range(500), 200)
    first = run("quick", values, pivot="random", seed=5)
    again = run("quick", values, pivot="random", seed=5)
    other = run("quick", values, pivot="random", seed=6)
    assert first.events == again.events
    assert first.events != other.events


def test_snapshots_evenly_spaced():
    trace = run("insertion", list(range(300, 0, -1)), snapshot_count=8, event_cap=10)
    numbers = [number for number, _ in trace.snapshots]
    assert numbers[0] == 0
    assert numbers[-1] == trace.total
    assert 8 <= len(numbers) <= 17
    assert trace.snapshots[-1][1] == list(range(1, 301))
    gaps = {b - a for a, b in zip(numbers[:-2], numbers[1:-1])}
    assert len(gaps) == 1


def test_snapshot_matches_replay():
    values = random.Random(1).sample(range(100), 40)
    trace = run("heap", values, snapshot_count=8)
    for number, array in trace.snapshots:
        assert replay(values, trace.events[:number]) == array


PAST_CAP_INPUTS = [list(range(120, 0, -1)), list(range(1, 121)),
                   random.Random(2).choices(range(-30, 30), k=150),
                   [3, 3.0, 1, 2.5, 3, 0, 1] * 20]


@pytest.mark.parametrize("name,options", OPTIONS)
@pytest.mark.parametrize("values", PAST_CAP_INPUTS)
@pytest.mark.parametrize("cap", [0, 37, 1000])
def test_past_cap_run_matches_full_run(name, options, values, cap):
    # Past the cap the sorts skip stretches of events; everything they
    # report must equal a run that records every event.
    short = run(name, values, event_cap=cap, snapshot_count=16, **options)
    full = run(name, values, event_cap=10**9, snapshot_count=16, **options)
    assert short.a == full.a
    assert [type(x) for x in short.a] == [type(x) for x in full.a]
    assert short.ids == full.ids
    assert (short.total, short.comparisons, short.swaps, short.writes) == \
        (full.total, full.comparisons, full.swaps, full.writes)
    assert short.depth == full.depth
    assert short.events == full.events[:cap]
    assert short.snapshots == full.snapshots
    for number, _ in short.snapshots:
        if cap < number < short.total:
            assert short.snapshot_events[number] == full.events[number - 1]


def test_bubble_past_cap_counts_at_limit():
    trace = run("bubble", list(range(1500, 0, -1)), event_cap=1000, snapshot_count=16)
    assert trace.comparisons == 1500 * 1499 // 2
    assert trace.swaps == 1500 * 1499 // 2
    assert trace.total == 2 * (1500 * 1499 // 2)
    assert trace.a == list(range(1, 1501))
    assert trace.ids == list(range(1499, -1, -1))

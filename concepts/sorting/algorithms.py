"""Seven instrumented sorting algorithms that record what they do.

Each algorithm sorts a ``Trace`` in place through its three operations,
``less``/``greater`` (a comparison), ``swap`` and ``write``, so every
comparison and every store into the array is counted and recorded as an
event. Replaying the recorded swaps and writes on the input gives the
sorted output.

Events are tuples whose first item is the kind:

- ``("compare", i, j, a[i], a[j])`` compares two positions;
  ``("compare", i, None, a[i], key)`` compares a position with a key
  held aside (insertion and shell sort).
- ``("swap", i, j, a[i], a[j])`` exchanges two positions (values before).
- ``("write", k, value)`` stores ``value`` at position ``k``.
- ``("pivot", p, value, lo, hi)`` picks ``a[p]`` to partition ``a[lo..hi]``.
- ``("merge", lo, mid, hi)`` merges ``a[lo..mid-1]`` with ``a[mid..hi-1]``.
- ``("heapify", root, size)`` sifts ``a[root]`` down in a heap of ``size``.
- ``("gap", h)`` starts a shell sort pass over elements ``h`` apart.

Notes
-----
A swap counts as one swap and two array writes. Copies into merge sort's
buffer are not writes into the array. Quicksort runs on an explicit stack,
so already-sorted input with a last-element pivot (recursion depth n - 1)
cannot overflow CPython's recursion limit. ``depth`` is still the depth
that the recursive version would reach, counting only calls on ranges of
two or more elements.

References
----------
T. H. Cormen, C. E. Leiserson, R. L. Rivest and C. Stein, "Introduction
to Algorithms", 3rd ed., chapters 2, 6 and 7 (insertion, merge, heap and
quick sort with the Lomuto partition).
R. Sedgewick and K. Wayne, "Algorithms", 4th ed., section 2.1 (selection
and shell sort, Knuth's 3h+1 gaps).
M. Ciura, "Best Increments for the Average Case of Shellsort", 2001.
"""

from __future__ import annotations

import random

ALGORITHMS = ("selection", "bubble", "insertion", "shell", "merge", "quick", "heap")
GAPS = ("shell", "knuth", "ciura")
PIVOTS = ("last", "first", "median-of-three", "random")
STABLE = {"selection": False, "bubble": True, "insertion": True, "shell": False,
          "merge": True, "quick": False, "heap": False}
_CIURA = (1, 4, 10, 23, 57, 132, 301, 701, 1750)


class Trace:
    """An array being sorted, with counters, recorded events and snapshots.

    Parameters
    ----------
    values : list
        The input; ``a`` is sorted in place and ``ids`` follows each value's
        original position, so stability can be checked afterwards.
    event_cap : int
        Events past this many are counted in ``total`` but not recorded.
    snapshot_count : int
        About how many evenly spaced copies of the array to keep while
        sorting, for drawing key frames of inputs whose events are not all
        recorded. 0 keeps none.
    """

    # The operations below run up to a few million times per request, so
    # they update plain slots inline instead of calling shared helpers.
    __slots__ = ("a", "ids", "events", "event_cap", "total", "comparisons", "swaps",
                 "writes", "depth", "gaps", "snapshots", "snapshot_count",
                 "_stride", "_next_snapshot")

    def __init__(self, values: list, event_cap: int = 10_000, snapshot_count: int = 0):
        self.a = list(values)
        self.ids = list(range(len(self.a)))
        self.events = []
        self.event_cap = event_cap
        self.total = self.comparisons = self.swaps = self.writes = self.depth = 0
        self.gaps = []
        self.snapshot_count = snapshot_count
        self.snapshots = [(0, list(self.a))] if snapshot_count else []
        self._stride = 1
        self._next_snapshot = 1 if snapshot_count else -1

    def record(self, event: tuple) -> None:
        """Count ``event`` and keep it while under the cap."""
        self.total += 1
        if self.total <= self.event_cap:
            self.events.append(event)
        if self.total == self._next_snapshot:
            self._snapshot()

    def _snapshot(self) -> None:
        # Keep snapshots at multiples of a stride that doubles whenever
        # there are twice as many as requested, so they stay evenly spaced
        # without knowing the number of events in advance.
        self.snapshots.append((self.total, list(self.a)))
        if len(self.snapshots) > 2 * self.snapshot_count:
            self._stride *= 2
            self.snapshots = [item for item in self.snapshots
                              if item[0] % self._stride == 0]
        self._next_snapshot = self.total + self._stride

    def less(self, i: int, j: int) -> bool:
        """Compare ``a[i] < a[j]``."""
        x, y = self.a[i], self.a[j]
        self.comparisons += 1
        self.total += 1
        if self.total <= self.event_cap:
            self.events.append(("compare", i, j, x, y))
        if self.total == self._next_snapshot:
            self._snapshot()
        return x < y

    def greater(self, i: int, j: int) -> bool:
        """Compare ``a[i] > a[j]``."""
        x, y = self.a[i], self.a[j]
        self.comparisons += 1
        self.total += 1
        if self.total <= self.event_cap:
            self.events.append(("compare", i, j, x, y))
        if self.total == self._next_snapshot:
            self._snapshot()
        return x > y

    def greater_than_key(self, i: int, key) -> bool:
        """Compare ``a[i] > key`` for a key held outside the array."""
        x = self.a[i]
        self.comparisons += 1
        self.total += 1
        if self.total <= self.event_cap:
            self.events.append(("compare", i, None, x, key))
        if self.total == self._next_snapshot:
            self._snapshot()
        return x > key

    def swap(self, i: int, j: int) -> None:
        a, ids = self.a, self.ids
        self.swaps += 1
        self.writes += 2
        self.total += 1
        if self.total <= self.event_cap:
            self.events.append(("swap", i, j, a[i], a[j]))
        a[i], a[j] = a[j], a[i]
        ids[i], ids[j] = ids[j], ids[i]
        if self.total == self._next_snapshot:
            self._snapshot()

    def write(self, k: int, value, identity: int) -> None:
        """Store ``value`` (originally at input position ``identity``) at ``k``."""
        self.writes += 1
        self.total += 1
        if self.total <= self.event_cap:
            self.events.append(("write", k, value))
        self.a[k] = value
        self.ids[k] = identity
        if self.total == self._next_snapshot:
            self._snapshot()

    def finish(self) -> None:
        if self.snapshot_count and self.snapshots[-1][0] != self.total:
            self.snapshots.append((self.total, list(self.a)))


def run(algorithm: str, values: list, *, gaps: str = "shell", pivot: str = "last",
        seed: int = 0, event_cap: int = 10_000, snapshot_count: int = 0) -> Trace:
    """Sort a copy of ``values`` with ``algorithm`` and return its trace."""
    trace = Trace(values, event_cap, snapshot_count)
    if algorithm == "shell":
        shell_sort(trace, gaps)
    elif algorithm == "quick":
        quick_sort(trace, pivot, seed)
    else:
        _SORTS[algorithm](trace)

    trace.finish()
    return trace


def selection_sort(t: Trace) -> None:
    n = len(t.a)
    for i in range(n - 1):
        smallest = i
        for j in range(i + 1, n):
            if t.less(j, smallest):
                smallest = j
        if smallest != i:
            t.swap(i, smallest)


def bubble_sort(t: Trace) -> None:
    """Bubble sort that stops after the first pass without a swap."""
    n = len(t.a)
    for end in range(n - 1, 0, -1):
        swapped = False
        for j in range(end):
            if t.greater(j, j + 1):
                t.swap(j, j + 1)
                swapped = True
        if not swapped:
            return


def insertion_sort(t: Trace) -> None:
    _gapped_insertion(t, 1)


def shell_sort(t: Trace, gaps: str) -> None:
    t.gaps = gap_sequence(gaps, len(t.a))
    for h in t.gaps:
        t.record(("gap", h))
        _gapped_insertion(t, h)


def _gapped_insertion(t: Trace, h: int) -> None:
    """Insertion sort on the elements ``h`` apart, shifting instead of swapping."""
    a, ids = t.a, t.ids
    for i in range(h, len(a)):
        key, identity = a[i], ids[i]
        j = i
        while j >= h and t.greater_than_key(j - h, key):
            t.write(j, a[j - h], ids[j - h])
            j -= h
        if j != i:
            t.write(j, key, identity)


def gap_sequence(name: str, n: int) -> list[int]:
    """Return the shell sort gaps for ``n`` elements, largest first."""
    if n < 2:
        return []

    if name == "shell":
        gaps, h = [], n // 2
        while h > 0:
            gaps.append(h)
            h //= 2
        return gaps

    if name == "knuth":
        # Knuth's 3h+1 gaps, starting from the first one at or above n/3.
        gaps, h = [], 1
        while 3 * h < n:
            h = 3 * h + 1
        while h >= 1:
            gaps.append(h)
            h //= 3
        return gaps

    gaps = list(_CIURA)
    while gaps[-1] * 9 // 4 < n:
        gaps.append(gaps[-1] * 9 // 4)
    return [h for h in gaps if h < n][::-1] or [1]


def merge_sort(t: Trace) -> None:
    """Top-down merge sort; recursion depth is about log2 n, so recursion is safe."""
    _merge_sort(t, 0, len(t.a), 1)


def _merge_sort(t: Trace, lo: int, hi: int, depth: int) -> None:
    if hi - lo < 2:
        return

    t.depth = max(t.depth, depth)
    mid = (lo + hi) // 2
    _merge_sort(t, lo, mid, depth + 1)
    _merge_sort(t, mid, hi, depth + 1)
    _merge(t, lo, mid, hi)


def _merge(t: Trace, lo: int, mid: int, hi: int) -> None:
    t.record(("merge", lo, mid, hi))
    values, ids = t.a[lo:hi], t.ids[lo:hi]
    i, j = 0, mid - lo
    for k in range(lo, hi):
        if i < mid - lo and j < hi - lo:
            # Positions lo + i and lo + j are where the two candidates were
            # when the merge began. Equal keys take the left one (stable).
            t.comparisons += 1
            t.record(("compare", lo + i, lo + j, values[i], values[j]))
            take_left = values[i] <= values[j]
        else:
            take_left = i < mid - lo
        if take_left:
            t.write(k, values[i], ids[i])
            i += 1
        else:
            t.write(k, values[j], ids[j])
            j += 1


def quick_sort(t: Trace, pivot: str, seed: int) -> None:
    """Quicksort with the Lomuto partition, iterating over an explicit stack.

    The right range is pushed before the left one, so ranges are
    partitioned in the same order as by the recursive version.
    """
    chooser = random.Random(seed)
    stack = [(0, len(t.a) - 1, 1)]
    while stack:
        lo, hi, depth = stack.pop()
        if hi <= lo:
            continue
        t.depth = max(t.depth, depth)
        p = _partition(t, lo, hi, _choose_pivot(t, lo, hi, pivot, chooser))
        stack.append((p + 1, hi, depth + 1))
        stack.append((lo, p - 1, depth + 1))


def _choose_pivot(t: Trace, lo: int, hi: int, rule: str, chooser) -> int:
    if rule == "last":
        return hi
    if rule == "first":
        return lo
    if rule == "random":
        return chooser.randint(lo, hi)

    mid = (lo + hi) // 2
    if hi - lo < 2:
        return hi

    # Median of a[lo], a[mid], a[hi] with two or three comparisons.
    if t.less(mid, lo):
        low, high = mid, lo
    else:
        low, high = lo, mid
    if t.less(hi, low):
        return low
    if t.less(high, hi):
        return high
    return hi


def _partition(t: Trace, lo: int, hi: int, p: int) -> int:
    """Lomuto partition of ``a[lo..hi]`` around ``a[p]``; return its final index."""
    a = t.a
    t.record(("pivot", p, a[p], lo, hi))
    if p != hi:
        t.swap(p, hi)
    store = lo
    for j in range(lo, hi):
        # CLRS moves a[j] <= pivot to the left part; a[j] > pivot stays.
        if not t.greater(j, hi):
            if store != j:
                t.swap(store, j)
            store += 1
    if store != hi:
        t.swap(store, hi)
    return store


def heap_sort(t: Trace) -> None:
    """Build a max-heap bottom-up, then move the maximum to the end n - 1 times."""
    n = len(t.a)
    for root in range(n // 2 - 1, -1, -1):
        _sift_down(t, root, n)
    for end in range(n - 1, 0, -1):
        t.swap(0, end)
        _sift_down(t, 0, end)


def _sift_down(t: Trace, root: int, size: int) -> None:
    t.record(("heapify", root, size))
    while 2 * root + 1 < size:
        child = 2 * root + 1
        if child + 1 < size and t.less(child, child + 1):
            child += 1
        if not t.less(root, child):
            return
        t.swap(root, child)
        root = child


_SORTS = {"selection": selection_sort, "bubble": bubble_sort,
          "insertion": insertion_sort, "merge": merge_sort, "heap": heap_sort}


def replay(values: list, events: list) -> list:
    """Apply the swaps and writes of ``events`` to a copy of ``values``."""
    a = list(values)
    for event in events:
        if event[0] == "swap":
            _, i, j, _, _ = event
            a[i], a[j] = a[j], a[i]
        elif event[0] == "write":
            a[event[1]] = event[2]

    return a


def stability(values: list, ids: list) -> dict:
    """Report whether equal values kept their input order.

    Returns ``equal_keys`` (whether any value occurs twice),
    ``order_kept`` (None without equal keys) and, when the order changed,
    ``example``: one value whose copies changed order, with their input
    positions in output order.
    """
    last_seen: dict = {}
    equal_keys = False
    for value, identity in zip(values, ids):
        if value in last_seen:
            equal_keys = True
            if identity < last_seen[value]:
                return {"equal_keys": True, "order_kept": False,
                        "example": {"value": value,
                                    "positions": [last_seen[value], identity]}}
        last_seen[value] = identity

    return {"equal_keys": equal_keys, "order_kept": True if equal_keys else None}

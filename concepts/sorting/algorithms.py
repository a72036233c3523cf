"""Seven instrumented sorting algorithms that record what they do.

Each algorithm sorts a ``Trace`` in place through its operations
``less`` (a comparison), ``swap`` and ``write``, or through inline code
that counts the same way (see ``Trace.note``). So every comparison and
every store into the array is counted and, up to the cap, recorded as an
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
from bisect import bisect_right, insort
from itertools import compress, repeat
from operator import gt

ALGORITHMS = ("selection", "bubble", "insertion", "shell", "merge", "quick", "heap")
GAPS = ("shell", "knuth", "ciura")
PIVOTS = ("last", "first", "median-of-three", "random")
STABLE = {"selection": False, "bubble": True, "insertion": True, "shell": False,
          "merge": True, "quick": False, "heap": False}
_CIURA = (1, 4, 10, 23, 57, 132, 301, 701, 1750)
# A mark past any event count this module can reach.
_NEVER = 1 << 62


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
        recorded. 0 keeps none. The event that led to each snapshot is kept
        in ``snapshot_events``, so key frames can be captioned past the cap.
    """

    # The sorts run up to a few million events per request. They update
    # the counters inline and build an event tuple only when ``total``
    # reaches ``mark``: the next event that is recorded (under the cap) or
    # snapshotted. ``note`` handles that event and returns the next mark.
    __slots__ = ("a", "ids", "events", "event_cap", "total", "comparisons", "swaps",
                 "writes", "depth", "gaps", "snapshots", "snapshot_count",
                 "snapshot_events", "mark", "_stride", "_next_snapshot", "_planned")

    def __init__(self, values: list, event_cap: int = 10_000, snapshot_count: int = 0):
        self.a = list(values)
        self.ids = list(range(len(self.a)))
        self.events = []
        self.event_cap = event_cap
        self.total = self.comparisons = self.swaps = self.writes = self.depth = 0
        self.gaps = []
        self.snapshot_count = snapshot_count
        self.snapshots = [(0, list(self.a))] if snapshot_count else []
        self.snapshot_events = {}
        self._stride = 1
        self._next_snapshot = 1 if snapshot_count else -1
        self._planned = None
        self.mark = self._following_mark()

    def _following_mark(self) -> int:
        if self.total < self.event_cap:
            return self.total + 1
        if self._next_snapshot > self.total:
            return self._next_snapshot
        return _NEVER

    def note(self, event: tuple) -> int:
        """Record or snapshot event number ``total`` and return the next mark.

        Call it after the event has changed the array, so a snapshot shows
        the array after the event.
        """
        if self.total <= self.event_cap:
            self.events.append(event)
        if self.total == self._next_snapshot:
            self.snapshot_events[self.total] = event
            self._snapshot()
        self.mark = self._following_mark()
        return self.mark

    def record(self, event: tuple) -> None:
        """Count ``event``, an event that leaves the array unchanged."""
        self.total += 1
        if self.total == self.mark:
            self.note(event)

    def count_unchanged(self, count: int, event_at) -> None:
        """Count ``count`` events that leave the array unchanged, building
        only the ones at marks: ``event_at(k)`` returns the k-th, from 0.
        """
        start = self.total
        end = start + count
        while self.mark <= end:
            self.total = self.mark
            self.note(event_at(self.total - start - 1))
        self.total = end

    def expect_total(self, final_total: int) -> None:
        """Take from now on only the snapshots that the run will keep, given
        that it ends after ``final_total`` events.

        Call it past the event cap. The snapshots kept are the same as
        without the call, but the sort can skip the stretches between them.
        """
        if not self.snapshot_count:
            return
        # Replay the stride doubling of _snapshot on event numbers alone.
        numbers = [number for number, _ in self.snapshots]
        stride, following = self._stride, self._next_snapshot
        while following <= final_total:
            numbers.append(following)
            if len(numbers) > 2 * self.snapshot_count:
                stride *= 2
                numbers = [number for number in numbers if number % stride == 0]
            following += stride
        kept = set(numbers)
        self.snapshots = [item for item in self.snapshots if item[0] in kept]
        self.snapshot_events = {number: event for number, event
                                in self.snapshot_events.items() if number in kept}
        self._planned = [number for number in numbers if number > self.total][::-1]
        self._next_snapshot = self._planned.pop() if self._planned else -1
        self.mark = self._following_mark()

    def _snapshot(self) -> None:
        if self._planned is not None:
            self.snapshots.append((self.total, list(self.a)))
            self._next_snapshot = self._planned.pop() if self._planned else -1
            return
        # Keep snapshots at multiples of a stride that doubles whenever
        # there are twice as many as requested, so they stay evenly spaced
        # without knowing the number of events in advance.
        self.snapshots.append((self.total, list(self.a)))
        if len(self.snapshots) > 2 * self.snapshot_count:
            self._stride *= 2
            self.snapshots = [item for item in self.snapshots
                              if item[0] % self._stride == 0]
            self.snapshot_events = {number: event for number, event
                                    in self.snapshot_events.items()
                                    if number % self._stride == 0}
        self._next_snapshot = self.total + self._stride

    def less(self, i: int, j: int) -> bool:
        """Compare ``a[i] < a[j]``."""
        x, y = self.a[i], self.a[j]
        self.comparisons += 1
        self.total += 1
        if self.total == self.mark:
            self.note(("compare", i, j, x, y))
        return x < y

    def swap(self, i: int, j: int) -> None:
        a, ids = self.a, self.ids
        x, y = a[i], a[j]
        self.swaps += 1
        self.writes += 2
        self.total += 1
        a[i], a[j] = y, x
        ids[i], ids[j] = ids[j], ids[i]
        if self.total == self.mark:
            self.note(("swap", i, j, x, y))

    def write(self, k: int, value, identity: int) -> None:
        """Store ``value`` (originally at input position ``identity``) at ``k``."""
        self.writes += 1
        self.total += 1
        self.a[k] = value
        self.ids[k] = identity
        if self.total == self.mark:
            self.note(("write", k, value))

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
    a = t.a
    n = len(a)
    for i in range(n - 1):
        if t.total < t.event_cap:
            smallest = i
            for j in range(i + 1, n):
                if t.less(j, smallest):
                    smallest = j
        else:
            # Past the cap, only a few compares are snapshotted, so find the
            # pass's minimum at C speed and build just those events. Like
            # the loop above, min() and list.index keep the first of equal
            # minima.
            smallest = a.index(min(a[i:]), i)
            t.comparisons += n - 1 - i
            t.count_unchanged(n - 1 - i,
                              lambda k, i=i: _selection_compare(a, i, i + 1 + k))
        if smallest != i:
            t.swap(i, smallest)


def _selection_compare(a: list, i: int, j: int) -> tuple:
    """Return selection sort's compare of a[j] with the smallest of a[i..j-1]."""
    smallest = a.index(min(a[i:j]), i)
    return ("compare", j, smallest, a[j], a[smallest])


def bubble_sort(t: Trace) -> None:
    """Bubble sort that stops after the first pass without a swap."""
    a = t.a
    n = len(a)
    for end in range(n - 1, 0, -1):
        if t.total >= t.event_cap:
            _bubble_past_cap(t, end)
            return
        if not _bubble_pass(t, end):
            return


def _bubble_pass(t: Trace, end: int) -> int:
    """Bubble a[0..end] once; return the number of swaps."""
    a, ids = t.a, t.ids
    total, mark, swaps = t.total, t.mark, 0
    for j in range(end):
        x = a[j]
        y = a[j + 1]
        total += 1
        if total == mark:
            t.total = total
            mark = t.note(("compare", j, j + 1, x, y))
        if x > y:
            a[j] = y
            a[j + 1] = x
            ids[j], ids[j + 1] = ids[j + 1], ids[j]
            swaps += 1
            total += 1
            if total == mark:
                t.total = total
                mark = t.note(("swap", j, j + 1, x, y))
    t.total = total
    t.comparisons += end
    t.swaps += swaps
    t.writes += 2 * swaps
    return swaps


def _bubble_past_cap(t: Trace, end: int) -> None:
    """Finish bubble sort from the pass over a[0..end], simulating only the
    passes that contain a kept snapshot.

    Each pass moves every value that has a greater value before it one
    place left, so after q passes a value with c greater values before it
    has max(c - q, 0) of them. That gives every pass's swap count, and the
    array before any pass, without simulating the passes in between.
    Equal values never swap, so they are ranked by position and the array
    behaves like a permutation of ranks. The tests compare this with a run
    that simulates every pass.
    """
    a, ids = t.a, t.ids
    n = len(a)
    order = sorted(range(n), key=a.__getitem__)
    rank_values = [a[k] for k in order]
    rank_ids = [ids[k] for k in order]
    ranks = [0] * n
    for rank, position in enumerate(order):
        ranks[position] = rank
    greater_before, seen = [0] * n, []
    for rank in ranks:
        greater_before[rank] = len(seen) - bisect_right(seen, rank)
        insort(seen, rank)

    # Passes q = 0, 1, ... over a[0..end - q]; pass q makes
    # swaps[q] = #{c > q} swaps, and the first pass without one is the last.
    still_moving = [0] * (n + 1)
    for count in greater_before:
        still_moving[count] += 1
    for q in range(n - 1, -1, -1):
        still_moving[q] += still_moving[q + 1]
    passes = []
    for q in range(end):
        swaps = still_moving[q + 1]
        passes.append((end - q, swaps))
        if not swaps:
            break
    t.expect_total(t.total + sum(width + swaps for width, swaps in passes))

    valid = 0
    for q, (width, swaps) in enumerate(passes):
        if t.total + width + swaps < t.mark:
            t.total += width + swaps
            t.comparisons += width
            t.swaps += swaps
            t.writes += 2 * swaps
            continue
        if valid != q:
            _bubble_state(a, ids, greater_before, q, rank_values, rank_ids)
        _bubble_pass(t, width)
        valid = q + 1
    _bubble_state(a, ids, greater_before, n, rank_values, rank_ids)


def _bubble_state(a: list, ids: list, greater_before: list, passes: int,
                  rank_values: list, rank_ids: list) -> None:
    """Set a and ids to the array after ``passes`` more bubble passes."""
    ranks = []
    # Insert the ranks from the greatest: rank r goes after the
    # max(c - passes, 0) greater ranks that stay before it.
    for rank in range(len(a) - 1, -1, -1):
        ranks.insert(max(greater_before[rank] - passes, 0), rank)
    a[:] = [rank_values[rank] for rank in ranks]
    ids[:] = [rank_ids[rank] for rank in ranks]


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
        if h == 1:
            # a[0..i-1] is sorted, so the values greater than the key are
            # the ones after its bisect_right point. Without a mark among
            # this key's events, shift them with one slice assignment.
            place = bisect_right(a, key, 0, i)
            shifts = i - place
            compares = shifts + (place > 0)
            writes = shifts + (shifts > 0)
            if t.total + compares + writes < t.mark:
                if shifts:
                    a[place + 1:i + 1] = a[place:i]
                    ids[place + 1:i + 1] = ids[place:i]
                    a[place] = key
                    ids[place] = identity
                t.total += compares + writes
                t.comparisons += compares
                t.writes += writes
                continue
        _insert_key(t, h, i, key, identity)


def _insert_key(t: Trace, h: int, i: int, key, identity: int) -> None:
    """Shift the values h apart that are greater than ``key`` and place it."""
    a, ids = t.a, t.ids
    total, mark = t.total, t.mark
    comparisons = writes = 0
    j = i
    while j >= h:
        x = a[j - h]
        comparisons += 1
        total += 1
        if total == mark:
            t.total = total
            mark = t.note(("compare", j - h, None, x, key))
        if not x > key:
            break
        a[j] = x
        ids[j] = ids[j - h]
        writes += 1
        total += 1
        if total == mark:
            t.total = total
            mark = t.note(("write", j, x))
        j -= h
    if j != i:
        a[j] = key
        ids[j] = identity
        writes += 1
        total += 1
        if total == mark:
            t.total = total
            t.note(("write", j, key))
    t.total = total
    t.comparisons += comparisons
    t.writes += writes


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
            t.total += 1
            if t.total == t.mark:
                t.note(("compare", lo + i, lo + j, values[i], values[j]))
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
    a, ids = t.a, t.ids
    t.record(("pivot", p, a[p], lo, hi))
    if p != hi:
        t.swap(p, hi)
    pivot = a[hi]
    # CLRS moves a[j] <= pivot to the left part; a[j] > pivot stays. Up to
    # the first a[j] > pivot, store == j, so those steps are compares only
    # and are counted at once (all of them on sorted input).
    segment = a[lo:hi]
    if not segment or max(segment) <= pivot:
        first_greater = hi
    else:
        first_greater = next(compress(range(lo, hi), map(gt, segment, repeat(pivot))))
    t.comparisons += first_greater - lo
    t.count_unchanged(first_greater - lo,
                      lambda k: ("compare", lo + k, hi, a[lo + k], pivot))
    store = first_greater
    total, mark = t.total, t.mark
    comparisons = swaps = 0
    for j in range(first_greater, hi):
        x = a[j]
        comparisons += 1
        total += 1
        if total == mark:
            t.total = total
            mark = t.note(("compare", j, hi, x, pivot))
        if not x > pivot:
            if store != j:
                y = a[store]
                a[store] = x
                a[j] = y
                ids[store], ids[j] = ids[j], ids[store]
                swaps += 1
                total += 1
                if total == mark:
                    t.total = total
                    mark = t.note(("swap", store, j, y, x))
            store += 1
    t.total = total
    t.comparisons += comparisons
    t.swaps += swaps
    t.writes += 2 * swaps
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

"""SMIL helpers: the value an element shows at each frame is the one set last."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concepts.draw.animation import animate, changes, progress, timeline

updates_strategy = st.lists(st.tuples(st.integers(0, 300), st.integers(0, 3)),
                            max_size=80).map(sorted)


def value_at(element, frame: int, slots: int) -> str:
    """Evaluate a discrete SMIL animation in the middle of ``frame``, as a
    browser would; key times are rounded, so frame starts are not exact.
    """
    values = element.get("values").split(";")
    times = element.get("keyTimes")
    moment = (frame + 0.5) / slots
    if times is None:
        return values[int(moment * len(values))]
    starts = [float(t) for t in times.split(";")]
    index = max(i for i, start in enumerate(starts) if start <= moment)
    return values[index]


def expected_at(initial, updates, frame: int):
    value = initial
    for when, new in updates:
        if when <= frame:
            value = new
    return value


@settings(max_examples=80, deadline=None)
@given(updates=updates_strategy, initial=st.integers(0, 3))
def test_animate_value_at_every_frame(updates, initial):
    clock = timeline(301)
    values, frames = changes(initial, updates)
    element = ET.fromstring(animate("x", values, frames, clock))
    for frame in range(clock.slots):
        expected = expected_at(initial, updates, min(frame, 300))
        assert value_at(element, frame, clock.slots) == str(expected)


def test_changes_drops_repeats():
    values, frames = changes(0, [(1, 0), (2, 5), (2, 0), (3, 7), (4, 7)])
    assert values == [0, 7]
    assert frames == [0, 3]


def test_animate_sparse_uses_key_times():
    clock = timeline(1000)
    element = ET.fromstring(animate("x", [0, 1], [0, 500], clock))
    assert element.get("keyTimes") is not None
    assert element.get("calcMode") == "discrete"
    assert element.get("repeatCount") == "indefinite"


def test_animate_dense_without_key_times():
    clock = timeline(4)
    element = ET.fromstring(animate("x", [0, 1, 2, 3], [0, 1, 2, 3], clock))
    assert element.get("keyTimes") is None
    assert len(element.get("values").split(";")) == clock.slots


@pytest.mark.parametrize("frames", [1, 10, 120, 5000])
def test_timeline_bounds(frames):
    clock = timeline(frames)
    assert clock.step <= 0.5
    assert clock.frames * clock.step <= 60 + 1e-9
    assert abs(clock.hold - 2.0) <= clock.step
    times = [float(clock.key_time(frame)) for frame in range(clock.slots)]
    assert times == sorted(set(times))


def test_animate_rejects_bad_frames():
    with pytest.raises(ValueError, match="from frame 0"):
        animate("x", [1, 2], [1, 2], timeline(3))


def test_progress_ends_full():
    clock = timeline(10)
    element = ET.fromstring(progress("width", 0, 640, clock))
    assert element.get("values") == "0;640;640"
    assert element.get("keyTimes").split(";")[1] == clock.key_time(10)

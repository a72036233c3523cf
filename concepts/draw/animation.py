"""SMIL helpers for drawings that change step by step.

A ``Timeline`` spreads numbered frames evenly over a loop: frame k starts
at ``k * step`` seconds, the last frame stays for ``hold_frames`` more
steps and then the loop repeats. ``animate`` and ``animate_transform`` return the
markup of one SMIL element that switches an attribute to a new value at
given frames. They write a value only where it changes, so an element
that changes at 40 of 4,000 frames costs 40 entries, not 4,000.

SMIL (``<animate>``) needs no script, so the drawings keep playing when a
page embeds them with ``<img>``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

from .svg import esc, num


@dataclass(frozen=True)
class Timeline:
    """``frames`` equal steps of ``step`` seconds, then ``hold_frames`` more
    steps that keep the last frame before the loop repeats.
    """

    frames: int
    step: float
    hold_frames: int = 1

    @property
    def slots(self) -> int:
        return self.frames + self.hold_frames

    @property
    def duration(self) -> float:
        return self.slots * self.step

    @property
    def hold(self) -> float:
        return self.hold_frames * self.step

    @cached_property
    def _digits(self) -> int:
        # Enough decimals to keep neighbouring frames apart after rounding.
        return max(3, math.ceil(math.log10(self.slots + 1)) + 1)

    def key_time(self, frame: int) -> str:
        """Return the start of ``frame`` as a fraction of the loop, as text."""
        text = f"{frame / self.slots:.{self._digits}f}".rstrip("0").rstrip(".")
        return text or "0"


def timeline(frames: int, *, longest: float = 60.0, slowest: float = 0.5,
             hold: float = 2.0) -> Timeline:
    """Build a timeline that gives each frame ``slowest`` seconds, or less
    when that would make the frames last longer than ``longest`` seconds.
    The last frame stays for about ``hold`` seconds.
    """
    frames = max(frames, 1)
    step = min(slowest, longest / frames)
    return Timeline(frames, step, max(1, round(hold / step)))


def changes(initial, updates) -> tuple[list, list[int]]:
    """Reduce ``(frame, value)`` updates to the values and frames where the
    value changes, starting with ``initial`` at frame 0.

    Several updates in the same frame keep the last one.
    """
    values, frames = [initial], [0]
    for frame, value in updates:
        if frames[-1] == frame:
            values[-1] = value
            if len(values) > 1 and values[-2] == value:
                values.pop()
                frames.pop()
        elif value != values[-1]:
            values.append(value)
            frames.append(frame)

    return values, frames


def animate(attribute: str, values: list, frames: list[int], clock: Timeline) -> str:
    """Return an ``<animate>`` that sets ``attribute`` to ``values[i]`` from
    frame ``frames[i]`` on, looping forever; ``frames`` starts with 0.
    """
    return _element("animate", f'attributeName="{esc(attribute)}"', values,
                    frames, clock)


def animate_transform(kind: str, values: list, frames: list[int],
                      clock: Timeline) -> str:
    """Return an ``<animateTransform>`` of type ``kind`` (translate, scale, …)
    whose values are transform arguments such as ``"12 0"``.
    """
    head = f'attributeName="transform" type="{esc(kind)}"'
    return _element("animateTransform", head, values, frames, clock)


def progress(attribute: str, start: float, end: float, clock: Timeline) -> str:
    """Return an ``<animate>`` that moves ``attribute`` linearly from
    ``start`` to ``end`` over the frames and keeps ``end`` during the hold.
    """
    done = clock.key_time(clock.frames)
    return (f'<animate attributeName="{esc(attribute)}" '
            f'values="{num(start)};{num(end)};{num(end)}" keyTimes="0;{done};1" '
            f'dur="{num(clock.duration)}s" repeatCount="indefinite"/>')


def _element(tag: str, head: str, values: list, frames: list[int],
             clock: Timeline) -> str:
    if len(values) != len(frames) or not frames or frames[0] != 0:
        raise ValueError("values and frames must have the same length, from frame 0.")

    texts = [_value(value) for value in values]
    sparse_values = ";".join(texts)
    sparse_times = ";".join(clock.key_time(frame) for frame in frames)
    # Without keyTimes the values share the loop evenly, one per slot. That
    # is shorter for an element that changes in most frames. Its length is
    # counted first, so the long text is built only when it is used.
    ends = frames[1:] + [clock.slots]
    dense_length = sum((len(text) + 1) * (end - start)
                       for text, start, end in zip(texts, frames, ends)) - 1
    if dense_length <= len(sparse_values) + len(sparse_times) + 11:
        dense = ";".join(";".join([text] * (end - start))
                         for text, start, end in zip(texts, frames, ends))
        timing = f'values="{esc(dense)}"'
    else:
        timing = f'values="{esc(sparse_values)}" keyTimes="{sparse_times}"'

    return (f'<{tag} {head} {timing} dur="{num(clock.duration)}s" '
            'calcMode="discrete" repeatCount="indefinite"/>')


def _value(value) -> str:
    if isinstance(value, float):
        return num(value)
    return str(value)

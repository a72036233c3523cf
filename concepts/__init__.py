"""Concepts: pure computations, explanations and drawings, with no web code.

Nothing below this package imports Flask. Each concept module registers
a ``Concept`` (see ``concepts.base``); ``load_all()`` finds them all.
"""

from .base import Concept, Explanation, InputError, Outcome, Step, load_all, register

__all__ = ["Concept", "Explanation", "InputError", "Outcome", "Step", "load_all", "register"]

"""Strict JSON encoding.

Python's encoder writes ``NaN`` and ``Infinity``, which are not JSON.
We follow the protobuf JSON mapping instead: an infinite float becomes
the string ``"Infinity"`` or ``"-Infinity"``, and the OpenAPI document
declares it. NaN has no meaning in any result, so meeting one is a bug
and raises ``ValueError``. Numpy scalars and arrays become plain values
and -0.0 becomes 0.0.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np


def to_plain(value: Any) -> Any:
    """Convert ``value`` to JSON-ready Python values, encoding infinities."""
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items()}

    if isinstance(value, (list, tuple)):
        return [to_plain(item) for item in value]

    if isinstance(value, np.ndarray):
        return to_plain(value.tolist())

    if isinstance(value, (bool, np.bool_)):
        return bool(value)

    if isinstance(value, (int, np.integer)):
        return int(value)

    if isinstance(value, (float, np.floating)):
        number = float(value)
        if math.isnan(number):
            raise ValueError("NaN in a response: a computation produced an undefined value.")
        if math.isinf(number):
            return "Infinity" if number > 0 else "-Infinity"
        return number + 0.0

    return value


def dumps(value: Any) -> str:
    """Encode ``value`` as strict JSON text (UTF-8, no NaN or Infinity tokens).

    ``<``, ``>`` and ``&`` are written as \\u escapes, which parse to the
    same strings but cannot close a ``<script>`` block if a page inlines
    the JSON.
    """
    text = json.dumps(to_plain(value), allow_nan=False, ensure_ascii=False,
                      separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

"""An in-memory LRU cache of rendered responses.

Responses are deterministic for the same input, so a repeated request
(or a conditional one that gets a 304) can skip computing, explaining
and drawing. The cache lives in each worker process. It is bounded by
entry count and skips large bodies so its memory stays small.
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class ResponseCache:
    """A thread-safe least-recently-used map from request keys to bodies.

    Parameters
    ----------
    max_entries : int
        Entries kept; 0 disables the cache.
    max_body_bytes : int
        Bodies larger than this are not stored.
    """

    def __init__(self, max_entries: int, max_body_bytes: int = 128 * 1024):
        self.max_entries = max_entries
        self.max_body_bytes = max_body_bytes
        self._entries: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        if self.max_entries <= 0:
            return None

        with self._lock:
            body = self._entries.get(key)
            if body is not None:
                self._entries.move_to_end(key)
            return body

    def put(self, key: tuple, body: bytes) -> None:
        if self.max_entries <= 0 or len(body) > self.max_body_bytes:
            return

        with self._lock:
            self._entries[key] = body
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

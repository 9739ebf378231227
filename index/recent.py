"""What was worked out for the questions asked last, so that one asked again is not worked out
again."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


class Recent(Generic[Key, Value]):
    """Values kept by key while the key is among the last `size` asked for (the least recently
    asked goes first). The values are shared with every later asker, so they must not change:
    frozen dataclasses, read-only arrays."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[Key, Value] = OrderedDict()
        self._lock = threading.Lock()  # the bot asks from several worker threads at once

    def get(self, key: Key, make: Callable[[], Value]) -> Value:
        """The value kept for `key`, or `make()`'s, kept from now on."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        value = make()  # outside the lock: another thread may make the same value meanwhile
        with self._lock:
            self._kept[key] = value
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._kept)

"""Paged sources for the lazy table model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

R = TypeVar("R")


class ListSource(Generic[R]):
    """A small register (staff, equipment, proposals: hundreds of rows) loaded once per query.

    Sorting uses Python keys so Vietnamese name order (QCollator-like) is exact; large registers
    (dossiers) use an SQL source instead.
    """

    def __init__(self, load: Callable[[], Sequence[R]], sort_keys: dict[str, Callable[[R], Any]]) -> None:
        self._load = load
        self._rows: list[R] | None = None
        self._sort_keys = sort_keys
        self._sorted_by: tuple[str | None, bool] = (None, False)

    def _all(self) -> list[R]:
        if self._rows is None:
            self._rows = list(self._load())
        return self._rows

    def count(self) -> int:
        return len(self._all())

    def fetch(self, offset: int, limit: int, sort_key: str | None, descending: bool) -> Sequence[R]:
        rows = self._all()
        if (sort_key, descending) != self._sorted_by and sort_key in self._sort_keys:
            key = self._sort_keys[sort_key]
            # Blank values last in both directions (a descending sort of "days waiting" starts with the longest).
            rows.sort(key=lambda r: ((key(r) is None) != descending, key(r)), reverse=descending)
            self._sorted_by = (sort_key, descending)
        return rows[offset : offset + limit]

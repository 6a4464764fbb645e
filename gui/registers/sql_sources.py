"""Paged sources backed by SQL for the big registers: counting, filtering and sorting happen in SQLite.

A register of 100,000 dossiers keeps only the pages the user scrolled to (LazyTableModel asks for
``batch`` rows at a time); each page is one short read through storage.dossier_queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from gui.context import AppContext
from storage.dossier_queries import DossierFilter, DossierRow, count_dossiers, list_dossiers

DEFAULT_SORT = "received_at"  # newest dossiers first until the user clicks a header


class DossierSource:
    """Dossiers matching one filter, with their state on ``on`` computed by storage.status."""

    def __init__(self, ctx: AppContext, dossier_filter: DossierFilter, on: date | None = None) -> None:
        self._ctx = ctx
        self.filter = dossier_filter
        self.on = on or date.today()
        self._count: int | None = None

    def count(self) -> int:
        """How many dossiers match (cached: the model asks again after every page)."""
        if self._count is None:
            f = self.filter
            self._count = self._ctx.read(lambda s: count_dossiers(s, f))
        return self._count

    def fetch(self, offset: int, limit: int, sort_key: str | None, descending: bool) -> Sequence[DossierRow]:
        """One page; with no sort chosen yet, the most recently received come first."""
        if limit <= 0:
            return []
        if sort_key is None:
            sort_key, descending = DEFAULT_SORT, True
        rules = self._ctx.rules()
        f, on = self.filter, self.on
        return self._ctx.read(
            lambda s: list_dossiers(
                s,
                f,
                on=on,
                calendar=rules.calendar,
                counting=rules.rules.withdrawn_counting,
                sort=sort_key,
                descending=descending,
                offset=offset,
                limit=limit,
            )
        )

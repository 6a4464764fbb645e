"""Importing CSV and Excel files into Commune Desk: dossiers, staff, equipment, proposals,
the procedure catalog and the holiday calendar (formats: docs/import-formats.md).

``preview_import`` checks a file and reports every problem by row and column;
``run_import`` stores all rows or none; ``write_template`` writes the blank template a
clerk fills in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storage.importing.api import KINDS, ImportResult, KindLabel, preview_import, run_import

_API = {"KINDS", "ImportResult", "KindLabel", "preview_import", "run_import"}


def __getattr__(name: str) -> Any:
    """The importers load on first use: the start of the program needs only storage.importing.values."""
    if name in _API:
        from storage.importing import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def write_template(kind: str, path: Path | str) -> Path:
    """Write the import template for ``kind`` (.xlsx or .csv by extension); see storage.importing.templates."""
    # Imported here so that `python -m storage.importing.templates` does not import the module twice.
    from storage.importing.templates import write_template as write

    return write(kind, path)


__all__ = ["KINDS", "ImportResult", "KindLabel", "preview_import", "run_import", "write_template"]

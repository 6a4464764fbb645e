"""Report files for the province screens' tests: real ones made by a commune database, and bad ones.

The commune files come from a copy of the Lượng Minh demo (its own key, which the province demo
does not trust: the province demo's communes signed with keys of databases that no longer exist).
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from reports.exchange.report_file import export_report_file
from storage.db import open_database
from storage.periods import PeriodKind, period_for


@dataclass(frozen=True)
class CommuneFiles:
    """Lượng Minh's files: November 2025 sent twice (v2 replaces v1), December 2025 sent late."""

    nov_v1: Path
    nov_v2: Path
    dec_v1: Path


@pytest.fixture(scope="session")
def commune_files(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> CommuneFiles:
    folder = tmp_path_factory.mktemp("commune-files")
    db_path = folder / "commune.sqlite"
    shutil.copy(demo_template, db_path)
    db = open_database(db_path)
    nov, dec = period_for(PeriodKind.MONTH, 2025, 11), period_for(PeriodKind.MONTH, 2025, 12)
    made = []
    try:
        # 14/11 is November's last day (official cut-off): on time; 19/12 is after December's deadline 16/12.
        for period, when in (
            (nov, datetime(2025, 11, 14, 16)),
            (nov, datetime(2025, 11, 20, 9)),
            (dec, datetime(2025, 12, 19, 9)),
        ):
            with db.sessions.begin() as s:
                made.append(export_report_file(s, period, folder / "out", now=when).path)
    finally:
        db.close()
    return CommuneFiles(*made)


def put(folder: Path, *files: Path) -> Path:
    """Copy ``files`` into ``folder`` (made if needed); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def truncated(src: Path, out: Path) -> Path:
    """The first half of a good file, as a broken copy from a USB stick pulled out too early."""
    data = src.read_bytes()
    out.write_bytes(data[: len(data) // 2])
    return out


def random_bytes(out: Path, size: int = 4000) -> Path:
    out.write_bytes(os.urandom(size))
    return out


def tampered(src: Path, out: Path) -> Path:
    """The same archive with one figure of payload.json changed after signing (manifest and signature kept)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "payload.json":
                changed = data.replace(b'"received_total": ', b'"received_total": 1', 1)
                assert changed != data
                data = changed
            zout.writestr(info.filename, data)
    out.write_bytes(buf.getvalue())
    return out

"""Shared fixtures: every test gets its own temporary database and data folder, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy.orm import Session

from storage.db import Database, open_database


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the user data/config folders at tmp_path so no test touches real user files."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture(autouse=True)
def _demo_login(monkeypatch: pytest.MonkeyPatch) -> None:
    """Command-line runs log in as the demo administrator (demo databases have accounts; README)."""
    monkeypatch.setenv("COMMUNE_DESK_USER", "quantri")
    monkeypatch.setenv("COMMUNE_DESK_PASSWORD", "demo2025")
    monkeypatch.delenv("COMMUNE_DESK_NEW_PASSWORD", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database file."""
    database = open_database(tmp_path / "test.sqlite")
    yield database
    database.close()


@pytest.fixture
def session(db: Database) -> Iterator[Session]:
    """A session in a transaction committed at the end of the test (so tests can reopen the file)."""
    with db.sessions.begin() as s:
        yield s


@pytest.fixture
def catalog_session(session: Session) -> Session:
    """A session on a database holding the shipped procedure catalog."""
    from storage.catalog import seed_catalog

    seed_catalog(session)
    return session


@pytest.fixture(scope="session")
def luong_minh_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database (Lượng Minh up to 31/10/2026) made once per session; copy it before changing it."""
    from datetime import date

    from storage.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "luong-minh-2026-10.sqlite"
    database = open_database(path)
    try:
        with database.sessions.begin() as s:
            load_demo(s, "luong-minh", until=date(2026, 10, 31))
    finally:
        database.close()
    return path


@pytest.fixture
def luong_minh_db(luong_minh_demo_file: Path, tmp_path: Path) -> Path:
    """This test's own copy of the session's demo database."""
    import shutil

    target = tmp_path / "luong-minh.sqlite"
    shutil.copyfile(luong_minh_demo_file, target)
    return target


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In a pytest-xdist worker: hand this worker's robustness figures to the controller."""
    from tests import robustness_counts

    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["robustness"] = robustness_counts.export()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    """In the pytest-xdist controller: add up the figures of a worker that finished."""
    from tests import robustness_counts

    robustness_counts.merge(getattr(node, "workeroutput", {}).get("robustness", {}))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the crash and hostile-input figures (kills survived, files refused) after the run."""
    from tests.robustness_counts import SECTIONS, summary_lines

    for title, extra in SECTIONS.items():
        terminalreporter.write_sep("-", title)
        for line in extra:
            terminalreporter.write_line(line)
    lines = summary_lines()
    hostile = [
        r for r in terminalreporter.stats.get("passed", []) if r.when == "call" and "test_exchange_hostile" in r.nodeid
    ]
    if hostile:
        lines.append(f"hostile .cdesk province/response files: {len(hostile)} cases passed (test_exchange_hostile.py)")
    known = [r for r in terminalreporter.stats.get("xfailed", []) if "test_fuzz_" in r.nodeid]
    if known and lines:
        lines.append(f"  known open findings (xfail, strict): {len(known)}, crashes among them counted above")
    if lines:
        terminalreporter.write_sep("-", "robustness")
        for line in lines:
            terminalreporter.write_line(line)

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

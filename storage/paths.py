"""Where the database lives by default: importable before anything heavy (the early check at start uses it)."""

from __future__ import annotations

from pathlib import Path

APP_DIR_NAME = "CommuneDesk"
DEFAULT_DB_NAME = "commune-desk.sqlite"


def default_db_path() -> Path:
    """The database in the user's data folder (e.g. %LOCALAPPDATA%\\CommuneDesk on Windows)."""
    from platformdirs import user_data_path

    return user_data_path(APP_DIR_NAME, appauthor=False) / DEFAULT_DB_NAME

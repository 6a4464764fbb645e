"""What every screen needs, passed explicitly: the open database, preferences and a change signal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from PySide6.QtCore import QObject, Signal

from gui.settings import UiSettings
from storage.actor import Actor, act_as
from storage.db import Database
from storage.mode import DatabaseMode, database_mode
from storage.profile import ProfileRow, load_profile
from storage.rules_context import RuleContext, load_context

T = TypeVar("T")


class AppContext(QObject):
    """The open commune database and the interface preferences, shared by the screens."""

    data_changed = Signal(str)  # the kind of records that changed ("dossiers", "staff", "*", ...)
    language_changed = Signal(str)

    def __init__(self, db: Database, settings: UiSettings, lang: str = "vi", user_id: int | None = None) -> None:
        super().__init__()
        self.db, self.settings, self.lang, self.user_id = db, settings, lang, user_id
        self._rules: RuleContext | None = None
        self._mode: DatabaseMode | None = None
        self._actor: Actor | None = None

    @property
    def actor(self) -> Actor | None:
        """Who is logged in (None: nobody yet, i.e. set-up and tests act as the system)."""
        return self._actor

    @actor.setter
    def actor(self, actor: Actor | None) -> None:
        """Log in or out: every session of this database acts as ``actor`` (storage checks its role)."""
        self._actor = actor
        self.user_id = actor.user_id if actor is not None else None
        act_as(self.db.sessions, actor)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One short transaction per user action (committed on success, rolled back on error)."""
        with self.db.sessions.begin() as s:
            yield s

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run a read-only query function in its own session."""
        with self.session() as s:
            return fn(s)

    def rules(self) -> RuleContext:
        """Calendar and rule settings, cached until something changes them."""
        if self._rules is None:
            today = date.today()
            self._rules = self.read(lambda s: load_context(s, 2024, today.year + 1))
        return self._rules

    @property
    def mode(self) -> DatabaseMode:
        """Commune or province database (read once; a database never changes mode once it holds data)."""
        if self._mode is None:
            self._mode = self.read(database_mode)
        return self._mode

    @property
    def is_province(self) -> bool:
        return self.mode == DatabaseMode.PROVINCE

    def forget_mode(self) -> None:
        """Read the mode again (after the first-start wizard made this a province database)."""
        self._mode = None

    def profile(self) -> ProfileRow | None:
        return self.read(load_profile)

    def notify(self, kind: str) -> None:
        """Tell every screen that records of ``kind`` changed (calendar/rules drop the cache)."""
        if kind in ("holidays", "settings", "*"):
            self._rules = None
        self.data_changed.emit(kind)

"""Who is acting in a session: set once per session, read by the audit log and the permission checks.

A session without an actor is the system itself (migrations, demo loading, set-up before the first
account exists). The GUI and the command line always act as a logged-in user.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from sqlalchemy.orm import Session, sessionmaker

from storage.errors import UserError
from storage.vocab import UserRole

_KEY = "actor"


class Level(IntEnum):
    """Roles in increasing power: each can do what the ones below can."""

    CLERK = 1
    OFFICER = 2
    ADMIN = 3


LEVELS = {UserRole.CLERK: Level.CLERK, UserRole.OFFICER: Level.OFFICER, UserRole.ADMIN: Level.ADMIN}


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    role: UserRole
    full_name: str = ""

    @property
    def level(self) -> Level:
        return LEVELS[self.role]

    def can(self, needed: Level) -> bool:
        return self.level >= needed


def set_actor(session: Session, actor: Actor | None) -> None:
    session.info[_KEY] = actor


def current_actor(session: Session) -> Actor | None:
    return session.info.get(_KEY)


def act_as(sessions: sessionmaker[Session], actor: Actor | None) -> None:
    """Every session made from ``sessions`` from now on acts as ``actor``."""
    sessions.configure(info={_KEY: actor})


class PermissionDenied(UserError):
    """The acting user's role does not allow this change (checked in storage, not only in the GUI)."""


_ROLE_WORDS = {
    Level.CLERK: ("cán bộ nhập liệu", "a clerk"),
    Level.OFFICER: ("lãnh đạo", "an officer"),
    Level.ADMIN: ("quản trị", "an administrator"),
}


def require(session: Session, needed: Level, what_vi: str, what_en: str) -> None:
    """Refuse unless the session's actor (if any) has at least ``needed``."""
    actor = current_actor(session)
    if actor is None or actor.can(needed):
        return
    vi, en = _ROLE_WORDS[needed]
    raise PermissionDenied(
        f"Tài khoản {actor.username} ({actor.role.label()}) không có quyền {what_vi}; việc này cần quyền {vi} "
        "trở lên.",
        f"Account {actor.username} ({actor.role.label('en')}) may not {what_en}; this needs {en} or above.",
    )

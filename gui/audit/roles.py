"""Who is using the program, for screens that grey out what the role may not do (storage checks anyway)."""

from __future__ import annotations

from gui.context import AppContext
from storage.actor import Actor, Level, current_actor


def acting_user(ctx: AppContext) -> Actor | None:
    """The logged-in user (None: the program itself, before any account exists)."""
    actor = getattr(ctx, "actor", None)
    return actor if actor is not None else ctx.read(current_actor)


def may(ctx: AppContext, needed: Level) -> bool:
    actor = acting_user(ctx)
    return actor is None or actor.can(needed)

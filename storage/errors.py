"""Errors the user can understand, kept apart from bugs.

Every error raised for bad input or a bad environment (locked file, database too new,
invalid record) is a ``UserError`` carrying a Vietnamese message and its English twin;
anything else escaping storage/ is a bug and is shown as such.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of one record (or one row of an imported file)."""

    field: str
    vi: str
    en: str
    row: int | None = None

    def text(self, lang: str = "vi") -> str:
        """The message in the requested language, prefixed with the row when known."""
        msg = self.en if lang == "en" else self.vi
        if self.row is None:
            return msg
        prefix = f"Row {self.row}" if lang == "en" else f"Dòng {self.row}"
        column = f", {self.field}" if self.field else ""
        return f"{prefix}{column}: {msg}"


class UserError(Exception):
    """A failure the user can act on; ``message(lang)`` is safe to show as-is."""

    def __init__(self, vi: str, en: str | None = None) -> None:
        super().__init__(vi)
        self.vi = vi
        self.en = en or vi

    def message(self, lang: str = "vi") -> str:
        """The message in the requested language."""
        return self.en if lang == "en" else self.vi


class ValidationError(UserError):
    """A record (or an imported file) breaks one or more rules; nothing was stored."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        vi = "; ".join(p.text("vi") for p in self.problems)
        en = "; ".join(p.text("en") for p in self.problems)
        super().__init__(vi, en)

    def message(self, lang: str = "vi") -> str:
        """All problems, one per line."""
        return "\n".join(p.text(lang) for p in self.problems)


class DatabaseError(UserError):
    """The database file cannot be used: locked, read-only, corrupt, or from a newer version."""


class NotFoundError(UserError):
    """A record the user named does not exist."""

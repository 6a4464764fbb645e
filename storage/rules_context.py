"""Everything deadline computation needs, loaded once per user action or import."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from storage.calendar import WorkCalendar
from storage.calendar_store import load_calendar
from storage.deadlines import DeadlineRules
from storage.settings import RuleSettings, load_rules


@dataclass(frozen=True)
class RuleContext:
    """Working calendar plus rule settings, so a bulk import does not reload them per row."""

    calendar: WorkCalendar
    rules: RuleSettings

    @property
    def deadline_rules(self) -> DeadlineRules:
        return DeadlineRules(same_day_cutoff=self.rules.same_day_cutoff, office_end=self.rules.office_end)


def load_context(session: Session, first_year: int, last_year: int | None = None) -> RuleContext:
    """Calendar for the years (plus margins) and the stored rule settings."""
    return RuleContext(load_calendar(session, first_year, last_year or first_year), load_rules(session))

"""Rule settings kept in the database (cut-off day, 15:00 rule, withdrawn counting)."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy.orm import Session

from storage.errors import ValidationError
from storage.models import Setting
from storage.settings import RuleSettings, WithdrawnCounting, load_rules, save_rules


def test_defaults_follow_the_reference(session: Session) -> None:
    rules = load_rules(session)
    assert rules.cutoff_day == 15 and rules.official_periods
    assert rules.same_day_cutoff == time(15, 0) and rules.office_end == time(17, 0)
    assert rules.withdrawn_counting == WithdrawnCounting.ON_TIME


def test_saved_settings_round_trip(session: Session) -> None:
    want = RuleSettings(
        cutoff_day=1,
        official_periods=False,
        same_day_cutoff=time(14, 30),
        withdrawn_counting=WithdrawnCounting.BY_DATE,
        online_target_pct=80,
    )
    save_rules(session, want)
    assert load_rules(session) == want


@pytest.mark.parametrize(
    "bad",
    [
        RuleSettings(cutoff_day=0),
        RuleSettings(cutoff_day=29),
        RuleSettings(same_day_cutoff=time(18, 0)),
        RuleSettings(online_target_pct=101),
    ],
)
def test_invalid_settings_are_refused_and_nothing_stored(session: Session, bad: RuleSettings) -> None:
    with pytest.raises(ValidationError):
        save_rules(session, bad)
    assert session.query(Setting).count() == 0


def test_unreadable_stored_value_falls_back_to_default(session: Session) -> None:
    session.add(Setting(key="cutoff_day", value="mười lăm"))
    session.flush()
    assert load_rules(session).cutoff_day == 15

"""The dossier register's SQL (storage.dossier_queries) against the one Python rule, storage.status.state_on."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.calendar import WorkCalendar, default_days
from storage.catalog import list_fields, list_procedures, seed_catalog
from storage.db import Database, open_database
from storage.dossier_queries import (
    SORT_COLUMNS,
    STATUS_STATES,
    DossierFilter,
    StatusFilter,
    count_dossiers,
    list_dossiers,
    state_expression,
)
from storage.dossiers import DossierData, SupplementData, dossier_dates, save_dossier
from storage.models import Dossier
from storage.rules_context import load_context
from storage.settings import WithdrawnCounting
from storage.status import state_on
from storage.vocab import Channel, DossierState, Outcome

TODAY = date(2026, 11, 21)
DAYS_ASKED = [date(2025, 5, 20), date(2025, 7, 14), date(2025, 9, 2), TODAY]


def _random_dossier(rng: random.Random, procedure_ids: list[int], n: int) -> DossierData:
    received = datetime.combine(date(2025, 5, 1) + timedelta(days=rng.randrange(150)), time(rng.randrange(7, 18)))
    outcome = rng.choice([None, None, None, Outcome.RESOLVED, Outcome.RESOLVED, Outcome.WITHDRAWN,
                          Outcome.STOPPED, Outcome.NOT_ACCEPTED])  # fmt: skip
    finished = received.date() + timedelta(days=rng.randrange(0, 40)) if outcome is not None else None
    supplements: tuple[SupplementData, ...] = ()
    if rng.random() < 0.3:
        req = received.date() + timedelta(days=rng.randrange(0, 5))
        done: date | None = req + timedelta(days=rng.randrange(1, 10)) if rng.random() < 0.6 else None
        if finished is not None and (done is None or done > finished):
            done = finished if finished >= req else None
        if done is None and outcome == Outcome.RESOLVED:
            outcome, finished = None, None
        supplements = (SupplementData(req, done),)
    override = received.date() + timedelta(days=rng.randrange(1, 20)) if rng.random() < 0.1 else None
    return DossierData(
        procedure_id=rng.choice(procedure_ids),
        applicant_name=rng.choice(["Nguyễn Văn An", "Lô Thị Hoa", "Vi Văn Nam", "Lương Thị Thu Lan"]) + f" {n}",
        received_at=received,
        channel=rng.choice(list(Channel)),
        finished_date=finished,
        outcome=outcome,
        supplements=supplements,
        due_date_override=override,
        due_override_reason="Gia hạn theo ý kiến lãnh đạo" if override else "",
    )


@pytest.fixture(scope="module")
def dossier_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """300 random dossiers (every state occurs) on the shipped catalog, built once for these read-only tests."""
    db = open_database(tmp_path_factory.mktemp("queries") / "dossiers.sqlite")
    with db.sessions.begin() as s:
        seed_catalog(s)
        rng = random.Random(7)
        ids = [p.id for p in list_procedures(s)]
        ctx = load_context(s, 2025)
        for n in range(300):
            save_dossier(s, _random_dossier(rng, ids, n), ctx=ctx, today=TODAY)
    yield db
    db.close()


@pytest.fixture
def dossiers(dossier_db: Database) -> Iterator[Session]:
    with dossier_db.sessions() as s:
        yield s


def _states(s: Session, on: date, counting: WithdrawnCounting) -> dict[int, DossierState]:
    """Each dossier's state by the Python rule, independently of the register's SQL."""
    return {d.id: state_on(dossier_dates(d), on, counting) for d in s.scalars(select(Dossier))}


@pytest.mark.parametrize("counting", list(WithdrawnCounting))
@pytest.mark.parametrize("on", DAYS_ASKED)
def test_state_expression_is_state_on(dossiers: Session, on: date, counting: WithdrawnCounting) -> None:
    expected = _states(dossiers, on, counting)
    got: dict[int, str] = dict(dossiers.execute(select(Dossier.id, state_expression(on, counting))).all())
    assert {k: DossierState(v) for k, v in got.items()} == expected
    assert len(set(expected.values())) >= 5  # the random data reaches most branches


@pytest.mark.parametrize("status", list(StatusFilter))
@pytest.mark.parametrize("on", DAYS_ASKED)
def test_status_filter_lists_exactly_the_dossiers_in_those_states(
    dossiers: Session, status: StatusFilter, on: date
) -> None:
    expected = {i for i, st in _states(dossiers, on, WithdrawnCounting.ON_TIME).items() if st in STATUS_STATES[status]}
    f = DossierFilter(status=status, status_on=on)
    listed = list_dossiers(dossiers, f, on=on)
    assert {r.id for r in listed} == expected
    assert count_dossiers(dossiers, f) == len(expected)
    assert all(r.state in STATUS_STATES[status] for r in listed)


def test_overdue_on_today_is_the_default_day(dossiers: Session) -> None:
    overdue = count_dossiers(dossiers, DossierFilter(status=StatusFilter.OVERDUE))
    on_today = count_dossiers(dossiers, DossierFilter(status=StatusFilter.OVERDUE, status_on=date.today()))
    assert overdue == on_today > 0


def test_finished_in_a_period(dossiers: Session) -> None:
    start, end = date(2025, 6, 15), date(2025, 7, 14)
    expected = {
        d.id
        for d in dossiers.scalars(select(Dossier))
        if d.finished_date is not None and start <= d.finished_date <= end
    }
    f = DossierFilter(finished_from=start, finished_to=end)
    assert {r.id for r in list_dossiers(dossiers, f)} == expected
    assert count_dossiers(dossiers, f) == len(expected) > 0


@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_pages_join_up_to_the_whole_sorted_list(dossiers: Session, sort: str, descending: bool) -> None:
    field_id = next(f.id for f in list_fields(dossiers) if f.name == "Hộ tịch")
    for f in (DossierFilter(), DossierFilter(field_id=field_id), DossierFilter(search="nguyen van")):
        whole = list_dossiers(dossiers, f, sort=sort, descending=descending, on=TODAY)
        pages = [r for off in range(0, len(whole) + 40, 40) for r in list_dossiers(
            dossiers, f, sort=sort, descending=descending, offset=off, limit=40, on=TODAY)]  # fmt: skip
        assert [r.id for r in pages] == [r.id for r in whole]
        assert count_dossiers(dossiers, f) == len(whole) > 0
    values = [getattr(r, {"received_at": "received_at", "due_date": "due_date"}.get(sort, "id")) for r in whole]
    if sort in ("received_at", "due_date"):
        assert values == sorted(values, reverse=descending)


def test_field_filter_and_search_ignore_diacritics_and_wildcards(dossiers: Session) -> None:
    field_id = next(f.id for f in list_fields(dossiers) if f.name == "Hộ tịch")
    rows = list_dossiers(dossiers, DossierFilter(field_id=field_id))
    assert rows and all(r.field_name == "Hộ tịch" for r in rows)
    found = list_dossiers(dossiers, DossierFilter(search="luong thi THU"))
    assert found and all(r.applicant_name.startswith("Lương Thị Thu Lan") for r in found)
    assert count_dossiers(dossiers, DossierFilter(search="%")) == 0  # a typed % is a character, not "anything"
    assert count_dossiers(dossiers, DossierFilter(search="_")) == 0


def test_working_days_between_matches_counting_day_by_day() -> None:
    """The arithmetic count (storage.calendar) against the obvious day-by-day loop, with swaps and holidays."""
    cal = WorkCalendar.from_days([*default_days(2025), *default_days(2026)])
    assert date(2025, 4, 26) in cal.extra_working_days  # the Saturday worked for Friday 2 May 2025
    rng = random.Random(3)
    for _ in range(2000):
        start = date(2024, 12, 1) + timedelta(days=rng.randrange(800))
        end = start + timedelta(days=rng.randrange(-5, 400))
        slow = sum(cal.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))
        assert cal.working_days_between(start, end) == slow, (start, end)

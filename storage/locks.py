"""Reported periods are locked: finalizing a report freezes the records that fed it.

Every change passes ``check_change`` (called by the audit log's before_flush hook), so a clerk's
session cannot touch a locked period even when calling storage functions directly:
- the acting user's role must allow the table (clerk: records; officer: reports, locks;
  administrator: accounts, catalogs, settings);
- a change whose dates fall in a finalized or sent period is refused until an officer reopens it
  with a reason (audited). Which dates count is decided per kind of record below, so that, e.g.,
  finishing in August a dossier received in a locked July is allowed: July's figures counted it
  as pending at July's end and stay true.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from storage.actor import Level, PermissionDenied, current_actor, require
from storage.errors import UserError
from storage.models import (
    AppUser,
    CalendarEntry,
    CalendarYear,
    CommuneProfile,
    Dossier,
    Equipment,
    Field,
    PeriodLock,
    Procedure,
    Proposal,
    ProvinceCommune,
    ProvinceProposal,
    ReportDocument,
    ReportSent,
    Setting,
    Staff,
    StaffQuota,
    SupplementRequest,
    Unit,
)
from storage.periods import Period, PeriodKind, parse_period
from storage.vocab import Labelled, _labels


class PeriodStatus(Labelled, StrEnum):
    DRAFT = "draft"
    FINALIZED = "finalized"
    SENT = "sent"
    REOPENED = "reopened"


_labels(
    PeriodStatus,
    {
        "draft": ("Đang soạn", "Draft"),
        "finalized": ("Đã chốt", "Finalized"),
        "sent": ("Đã gửi tỉnh", "Sent"),
        "reopened": ("Đã mở lại", "Reopened"),
    },
)
LOCKING = (PeriodStatus.FINALIZED, PeriodStatus.SENT)

# --- who may write what --------------------------------------------------------------------------
_ADMIN_TABLES = {
    AppUser: ("quản lý tài khoản", "manage accounts"),
    Field: ("sửa danh mục lĩnh vực", "edit the catalog of fields"),
    Procedure: ("sửa danh mục thủ tục", "edit the catalog of procedures"),
    Unit: ("sửa danh mục đơn vị", "edit the units"),
    CalendarEntry: ("sửa lịch làm việc", "edit the working calendar"),
    CalendarYear: ("sửa lịch làm việc", "edit the working calendar"),
    Setting: ("sửa cài đặt", "change settings"),
    StaffQuota: ("sửa biên chế được giao", "edit staff quotas"),
    CommuneProfile: ("sửa thông tin xã", "edit the commune profile"),
    ProvinceCommune: ("sửa danh sách xã", "edit the commune registry"),
}
_OFFICER_TABLES = {
    PeriodLock: ("chốt hoặc mở khóa kỳ báo cáo", "finalize or reopen periods"),
    ReportSent: ("ghi sổ báo cáo đã gửi", "record reports sent"),
    ReportDocument: ("soạn văn bản báo cáo", "edit report documents"),
    ProvinceProposal: ("trả lời kiến nghị của xã", "answer communes' proposals"),
}
# Login bookkeeping (failed attempts, last login) is written by the login itself.
_SELF_SERVICE = {"failed_logins", "locked_until", "last_login_at", "password_hash", "must_change_password"}


def _needed(obj: object, op: str) -> tuple[Level, str, str] | None:
    for table, (vi, en) in _ADMIN_TABLES.items():
        if isinstance(obj, table):
            if isinstance(obj, AppUser) and op == "update":
                changed = {a.key for a in inspect(obj).attrs if a.history.has_changes()}
                if changed <= _SELF_SERVICE:
                    return None  # own password change / login: checked by storage.auth
            return Level.ADMIN, vi, en
    for table, (vi, en) in _OFFICER_TABLES.items():
        if isinstance(obj, table):
            return Level.OFFICER, vi, en
    return None


# --- which dates place a change in a period ------------------------------------------------------
def _values(obj: object, key: str) -> set[Any]:
    hist = inspect(obj).attrs[key].history
    values = {*hist.added, *hist.deleted, *hist.unchanged}
    return {v.date() if isinstance(v, datetime) else v for v in values if v is not None}


def _new_values(obj: object, key: str) -> set[Any]:
    hist = inspect(obj).attrs[key].history
    return {v for v in (*hist.added, *hist.unchanged) if v is not None}


def _changed(obj: object) -> set[str]:
    return {a.key for a in inspect(obj).attrs if a.history.has_changes()}


_DOSSIER_CLOSING = {"finished_date", "outcome", "returned_date", "apology_date", "apology_new_date", "notes"}
_PROPOSAL_FOLLOW_UP = {"status", "response_text", "response_date", "report_id"}


def _dates(obj: object, op: str) -> set[date]:
    """The dates whose periods a change touches; empty for records that no report counts."""
    if isinstance(obj, Dossier):
        if op == "update" and _changed(obj) <= _DOSSIER_CLOSING:
            return _values(obj, "finished_date") | _values(obj, "apology_date")  # closing it later is fine
        return _values(obj, "received_at") | _values(obj, "finished_date")
    if isinstance(obj, SupplementRequest):
        if op == "update" and _changed(obj) <= {"completed_date", "reason"}:
            return _new_values(obj, "completed_date")  # the citizen completing it later is fine
        return _values(obj, "requested_date") | _values(obj, "completed_date")
    if isinstance(obj, Staff):
        return _values(obj, "start_date") | _values(obj, "end_date")
    if isinstance(obj, Equipment):
        return _values(obj, "inventory_date")
    if isinstance(obj, Proposal):
        if op == "update" and _changed(obj) <= _PROPOSAL_FOLLOW_UP:
            # News arriving later (the province's newer answer) may replace an older answer; only
            # back-dating an answer into a locked period is refused.
            return _new_values(obj, "response_date")
        return _values(obj, "raised_date")
    return set()


@dataclass(frozen=True)
class LockRange:
    period_spec: str
    start: date
    end: date
    status: PeriodStatus


def locked_ranges(session: Session) -> list[LockRange]:
    """Periods whose records are frozen (finalized or sent)."""
    with session.no_autoflush:
        rows = session.execute(
            select(PeriodLock.period_spec, PeriodLock.start, PeriodLock.end, PeriodLock.status).where(
                PeriodLock.status.in_([str(s) for s in LOCKING])
            )
        ).all()
    return [LockRange(spec, s, e, PeriodStatus(st)) for spec, s, e, st in rows]


def _locked_by(ranges: Iterable[LockRange], days: Iterable[date]) -> LockRange | None:
    for d in sorted(days):
        for r in ranges:
            if r.start <= d <= r.end:
                return r
    return None


class PeriodLocked(UserError):
    """A change that would alter a finalized report."""


def period_name(spec: str, lang: str = "vi") -> str:
    """A stored period as people say it in a sentence ("tháng 7 năm 2025", "quý III năm 2025"), not "2025-07".

    A custom period is named by its dates; an unreadable spec is shown as it is.
    """
    try:
        period = parse_period(spec)
    except UserError:
        return spec
    if period.kind is PeriodKind.CUSTOM:
        return f"{period.start:%d/%m/%Y}–{period.end:%d/%m/%Y}"
    label = period.label(lang)
    return label[:1].lower() + label[1:] if lang == "vi" else label


def locked_error(r: LockRange, what: str = "") -> PeriodLocked:
    dates = f"{r.start:%d/%m/%Y}–{r.end:%d/%m/%Y}"
    vi, en = period_name(r.period_spec), period_name(r.period_spec, "en")
    if vi != dates:  # a month, quarter...: its name, then the dates it covers (official cut-off)
        vi, en = f"{vi} ({dates})", f"{en} ({dates})"
    return PeriodLocked(
        f"Kỳ {vi} đã chốt báo cáo{what}: không sửa được số liệu của kỳ này. Lãnh đạo cần mở khóa kỳ "
        "(ghi rõ lý do) trước, sau đó lập lại báo cáo.",
        f"The period {en} is finalized: its records cannot change. "
        "An officer must reopen it (with a reason) first, then re-issue the report.",
    )


def check_change(session: Session, obj: object, op: str) -> None:
    """Refuse (PermissionDenied / PeriodLocked) a change the actor may not make or that a lock forbids."""
    needed = _needed(obj, op)
    if needed is not None:
        require(session, *needed)
    days = _dates(obj, op)
    if days:
        hit = _locked_by(locked_ranges(session), days)
        if hit is not None:
            raise locked_error(hit)


def ensure_open(session: Session, days: Iterable[date], what: str = "") -> None:
    """For bulk writes that bypass the ORM (the dossier import): refuse dates in a locked period."""
    hit = _locked_by(locked_ranges(session), days)
    if hit is not None:
        raise locked_error(hit, what)


# --- finalizing and reopening -----------------------------------------------------------------------
def _lock(session: Session, period: Period) -> PeriodLock | None:
    return session.scalar(
        select(PeriodLock).where(PeriodLock.period_spec == period.spec, PeriodLock.official.is_(period.official))
    )


def period_status(session: Session, period: Period) -> tuple[PeriodStatus, int]:
    """The period's status and report revision (draft periods: revision 0)."""
    lock = _lock(session, period)
    return (PeriodStatus.DRAFT, 0) if lock is None else (PeriodStatus(lock.status), lock.revision)


def statuses(session: Session) -> dict[tuple[str, bool], tuple[PeriodStatus, int]]:
    """Every period that ever left draft, for the reports screen."""
    return {
        (spec, official): (PeriodStatus(status), rev)
        for spec, official, status, rev in session.execute(
            select(PeriodLock.period_spec, PeriodLock.official, PeriodLock.status, PeriodLock.revision)
        )
    }


def _who(session: Session) -> str:
    actor = current_actor(session)
    return actor.username if actor else ""


def finalize_period(session: Session, period: Period, *, now: datetime | None = None) -> int:
    """Finalize the period's report (officer): its records lock. Returns the report revision."""
    require(session, Level.OFFICER, "chốt báo cáo", "finalize reports")
    now = now or datetime.now()
    lock = _lock(session, period)
    if lock is None:
        lock = PeriodLock(period_spec=period.spec, official=period.official, start=period.start, end=period.end)
        lock.revision = 1
        session.add(lock)
    elif lock.status == PeriodStatus.REOPENED:
        lock.revision += 1
    elif lock.status in LOCKING:
        return lock.revision
    lock.status, lock.finalized_at, lock.finalized_by = str(PeriodStatus.FINALIZED), now, _who(session)
    session.flush()
    return lock.revision


def mark_sent(session: Session, period: Period) -> None:
    """The finalized report left for the province."""
    lock = _lock(session, period)
    if lock is None or lock.status not in LOCKING:
        finalize_period(session, period)
        lock = _lock(session, period)
    assert lock is not None
    lock.status = str(PeriodStatus.SENT)
    session.flush()


def reopen_period(session: Session, period: Period, reason: str, *, now: datetime | None = None) -> None:
    """Unlock a finalized period (officer, with a reason kept in the audit trail); the report must be re-issued."""
    require(session, Level.OFFICER, "mở khóa kỳ báo cáo", "reopen periods")
    reason = reason.strip()
    if len(reason) < 10:
        raise UserError(
            "Hãy ghi lý do mở khóa (ít nhất 10 ký tự), ví dụ «Sửa số hồ sơ nhập nhầm ngày».",
            "Give the reason for reopening (at least 10 characters).",
        )
    lock = _lock(session, period)
    if lock is None or lock.status not in LOCKING:
        raise UserError(f"Kỳ {period.label()} chưa chốt, không cần mở khóa.", f"{period.label('en')} is not locked.")
    session.info["reason"] = reason
    try:
        lock.status, lock.reopened_at, lock.reopened_by = (
            str(PeriodStatus.REOPENED),
            now or datetime.now(),
            _who(session),
        )
        lock.reason = reason
        session.flush()
    finally:
        session.info.pop("reason", None)


__all__ = ["PermissionDenied"]

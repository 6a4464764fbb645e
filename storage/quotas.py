"""Staffing quotas: posts assigned by the province (biên chế được giao) per year and staff category."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import Problem, ValidationError
from storage.models import StaffQuota
from storage.vocab import StaffCategory

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_QUOTA = 10000


@dataclass(frozen=True)
class QuotaRow:
    """One quota as listed."""

    id: int
    year: int
    category: StaffCategory
    quota: int
    decision_ref: str


def validate_quota(year: int, category: StaffCategory, quota: int, decision_ref: str = "") -> list[Problem]:
    """Rules for a quota: a sensible year, a known category, 0..10000 posts."""
    p: list[Problem] = []
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        p.append(
            Problem(
                "year",
                f"Năm giao biên chế phải từ {MIN_YEAR} đến {MAX_YEAR}.",
                f"The quota year must be {MIN_YEAR}..{MAX_YEAR}.",
            )
        )
    try:
        StaffCategory(category)
    except ValueError:
        p.append(Problem("category", "Loại cán bộ, công chức không hợp lệ.", "Invalid staff category."))
    if isinstance(quota, bool) or not isinstance(quota, int) or not 0 <= quota <= MAX_QUOTA:
        p.append(
            Problem(
                "quota",
                f"Số biên chế được giao phải là số nguyên từ 0 đến {MAX_QUOTA}.",
                f"The quota must be a whole number from 0 to {MAX_QUOTA}.",
            )
        )
    if len(decision_ref.strip()) > 120:
        p.append(
            Problem(
                "decision_ref",
                "Số, ký hiệu quyết định dài quá 120 ký tự.",
                "The decision reference is longer than 120 characters.",
            )
        )
    return p


def set_quota(
    session: Session,
    year: int,
    category: StaffCategory,
    quota: int,
    decision_ref: str = "",
    *,
    user_id: int | None = None,
) -> int:
    """Create or replace the quota of a year and category; raises ValidationError and stores nothing when invalid."""
    problems = validate_quota(year, category, quota, decision_ref)
    if problems:
        raise ValidationError(problems)
    code = str(StaffCategory(category))
    q = session.scalar(select(StaffQuota).where(StaffQuota.year == year, StaffQuota.category == code))
    if q is None:
        q = StaffQuota(year=year, category=code, created_by_id=user_id)
        session.add(q)
    q.quota, q.decision_ref, q.updated_by_id = quota, decision_ref.strip(), user_id
    session.flush()
    return q.id


def list_quotas(session: Session, year: int) -> dict[StaffCategory, int]:
    """The quotas set for a year, by category (categories without a quota are absent)."""
    return {r.category: r.quota for r in list_quota_rows(session, year)}


def list_quota_rows(session: Session, year: int | None = None) -> list[QuotaRow]:
    """Quotas for display: newest year first, categories in declaration order."""
    q = select(StaffQuota)
    if year is not None:
        q = q.where(StaffQuota.year == year)
    order = {c: i for i, c in enumerate(StaffCategory)}
    rows = [
        QuotaRow(r.id, r.year, StaffCategory(r.category), r.quota, r.decision_ref)
        for r in session.scalars(q)
        if r.category in order
    ]
    return sorted(rows, key=lambda r: (-r.year, order[r.category]))


def delete_quota(session: Session, year: int, category: StaffCategory) -> QuotaRow | None:
    """Remove the quota of a year and category; returns what was removed (for undo), None if there was none."""
    q = session.scalar(select(StaffQuota).where(StaffQuota.year == year, StaffQuota.category == str(category)))
    if q is None:
        return None
    row = QuotaRow(q.id, q.year, StaffCategory(q.category), q.quota, q.decision_ref)
    session.delete(q)
    session.flush()
    return row

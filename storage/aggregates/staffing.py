"""Staffing figures on a date: headcount per category and unit vs quota, qualifications, signatures.

The dimensions follow the staffing statistics form for communes (BM02/BNV, REFERENCE.md §7).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from storage.models import Staff, StaffQuota, Unit
from storage.periods import Period
from storage.staff import age_on, has_religion, in_post_clause, is_ethnic_minority
from storage.vocab import OFFICIAL_POSTS, StaffCategory

AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("Dưới 30", 0, 29),
    ("Từ 30 đến 40", 30, 40),
    ("Từ 41 đến 50", 41, 50),
    ("Từ 51 đến 60", 51, 60),
    ("Trên 60", 61, 200),
)


@dataclass(frozen=True)
class CategoryCount:
    """Headcount of one category against its quota (None when no quota is set)."""

    category: StaffCategory
    in_post: int
    quota: int | None

    @property
    def vacancies(self) -> int | None:
        return None if self.quota is None else max(self.quota - self.in_post, 0)

    @property
    def over_quota(self) -> int:
        return 0 if self.quota is None else max(self.in_post - self.quota, 0)


@dataclass(frozen=True)
class StaffingSummary:
    """Who is in post on ``on``, and the changes during the period."""

    on: date
    total: int
    official_posts: int  # cán bộ + công chức
    official_quota: int | None
    by_category: list[CategoryCount]
    by_unit: dict[str, int]
    service_center: int
    women: int
    party_members: int
    ethnic_minority: int
    religious: int
    professional: dict[str, int] = field(default_factory=dict)
    political_theory: dict[str, int] = field(default_factory=dict)
    it_level: dict[str, int] = field(default_factory=dict)
    foreign_language: dict[str, int] = field(default_factory=dict)
    age_bands: dict[str, int] = field(default_factory=dict)
    with_signature: int = 0
    signatures_expiring_60d: int = 0
    joined: int = 0
    left: int = 0

    @property
    def signature_coverage(self) -> float | None:
        """Share of official posts holding a valid digital-signature certificate."""
        return self.with_signature / self.official_posts if self.official_posts else None


def staffing_summary(session: Session, period: Period) -> StaffingSummary:
    """Staffing at the period's last day, with people who joined or left during the period."""
    on = period.end
    rows = session.execute(
        select(
            Staff.category, Unit.name, Staff.gender, Staff.party_member, Staff.ethnicity, Staff.religion,
            Staff.professional_level, Staff.political_theory, Staff.it_level, Staff.foreign_language,
            Staff.birth_date, Staff.works_at_center, Staff.has_signature, Staff.signature_expiry,
        )
        .outerjoin(Unit, Unit.id == Staff.unit_id)
        .where(in_post_clause(on))
    ).all()  # fmt: skip
    quotas = dict(
        session.execute(select(StaffQuota.category, StaffQuota.quota).where(StaffQuota.year == on.year)).all()
    )
    cats = Counter(r.category for r in rows)
    by_category = [CategoryCount(c, cats.get(str(c), 0), quotas.get(str(c))) for c in StaffCategory]
    official = [r for r in rows if r.category in OFFICIAL_POSTS]
    official_quota_parts = [quotas.get(str(c)) for c in OFFICIAL_POSTS]
    official_quota = None if all(q is None for q in official_quota_parts) else sum(q or 0 for q in official_quota_parts)
    valid_sig = [r for r in official if r.has_signature and (r.signature_expiry is None or r.signature_expiry >= on)]
    expiring = [r for r in valid_sig if r.signature_expiry is not None and (r.signature_expiry - on).days <= 60]
    ages = Counter()
    for r in rows:
        if r.birth_date is None:
            continue
        a = age_on(r.birth_date, on)
        for label, lo, hi in AGE_BANDS:
            if lo <= a <= hi:
                ages[label] += 1
    joined = session.scalar(
        select(func.count()).select_from(Staff).where(Staff.start_date >= period.start, Staff.start_date <= on)
    )
    left = session.scalar(
        select(func.count())
        .select_from(Staff)
        .where(and_(Staff.end_date.is_not(None), Staff.end_date >= period.start, Staff.end_date <= on))
    )
    return StaffingSummary(
        on=on,
        total=len(rows),
        official_posts=len(official),
        official_quota=official_quota,
        by_category=by_category,
        by_unit=dict(Counter(r.name or "(Chưa phân công)" for r in rows)),
        service_center=sum(1 for r in rows if r.works_at_center),
        women=sum(1 for r in rows if r.gender == "F"),
        party_members=sum(1 for r in rows if r.party_member),
        ethnic_minority=sum(1 for r in rows if is_ethnic_minority(r.ethnicity)),
        religious=sum(1 for r in rows if has_religion(r.religion)),
        professional=dict(Counter(r.professional_level for r in rows)),
        political_theory=dict(Counter(r.political_theory for r in rows)),
        it_level=dict(Counter(r.it_level for r in rows)),
        foreign_language=dict(Counter(r.foreign_language for r in rows)),
        age_bands={label: ages.get(label, 0) for label, _, _ in AGE_BANDS},
        with_signature=len(valid_sig),
        signatures_expiring_60d=len(expiring),
        joined=joined or 0,
        left=left or 0,
    )


__all__ = ["AGE_BANDS", "CategoryCount", "StaffingSummary", "staffing_summary"]

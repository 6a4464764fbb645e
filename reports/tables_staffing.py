"""Staffing tables: headcount vs quota, by unit, a BM02/BNV-style breakdown, changes, signatures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from reports.model import HeaderCell, Table
from reports.vn_text import vn_date
from storage.aggregates.staffing import AGE_BANDS, StaffingSummary
from storage.staff import StaffRow, age_on, has_religion, is_ethnic_minority
from storage.vocab import ITLevel, LanguageLevel, PoliticalTheory, ProfessionalLevel, StaffCategory

H = HeaderCell


def quota_table(st: StaffingSummary) -> Table:
    """In post on the period's last day per category, against the posts assigned."""
    rows: list[tuple[object, ...]] = []
    for i, c in enumerate((c for c in st.by_category if c.in_post or c.quota), start=1):
        rows.append((i, c.category.label(), c.in_post, c.quota, c.vacancies, c.over_quota or None))
    quota = st.official_quota
    rows.append(
        (
            "",
            "Cộng biên chế (cán bộ, công chức)",
            st.official_posts,
            quota,
            None if quota is None else max(quota - st.official_posts, 0),
            None if quota is None else (max(st.official_posts - quota, 0) or None),
        )
    )
    rows.append(("", "Tổng số người làm việc", st.total, None, None, None))
    return Table(
        title=f"Số lượng cán bộ, công chức, người lao động tại ngày {vn_date(st.on)}",
        header=((H("STT"), H("Loại"), H("Hiện có"), H("Được giao"), H("Còn thiếu"), H("Vượt")),),
        rows=tuple(rows),  # type: ignore[arg-type]
        widths=(5, 42, 11, 11, 11, 9),
        kinds=("text", "text", "int", "int", "int", "int"),
        bold_rows=frozenset({len(rows) - 2, len(rows) - 1}),
    )


def unit_table(st: StaffingSummary) -> Table:
    rows = [(i, unit, n) for i, (unit, n) in enumerate(sorted(st.by_unit.items()), start=1)]
    rows.append(("", "Tổng số", st.total))  # type: ignore[arg-type]
    return Table(
        title="Phân bổ theo đơn vị",
        header=((H("STT"), H("Đơn vị"), H("Số người")),),
        rows=tuple(rows),  # type: ignore[arg-type]
        widths=(5, 50, 12),
        kinds=("text", "text", "int"),
        bold_rows=frozenset({len(rows) - 1}),
    )


def _age_band(lo: int, hi: int) -> Callable[[StaffRow, date], bool]:
    return lambda r, on: r.birth_date is not None and lo <= age_on(r.birth_date, on) <= hi


_DIMENSIONS: tuple[tuple[str, Callable[[StaffRow, date], bool]], ...] = (
    ("Nữ", lambda r, _on: r.gender.value == "F"),
    ("Đảng viên", lambda r, _on: r.party_member),
    ("Dân tộc thiểu số", lambda r, _on: is_ethnic_minority(r.ethnicity)),
    ("Tôn giáo", lambda r, _on: has_religion(r.religion)),
    ("Sau đại học", lambda r, _on: r.professional_level in (ProfessionalLevel.DOCTOR, ProfessionalLevel.MASTER)),
    ("Đại học", lambda r, _on: r.professional_level == ProfessionalLevel.UNIVERSITY),
    ("Cao đẳng", lambda r, _on: r.professional_level == ProfessionalLevel.COLLEGE),
    ("Trung cấp", lambda r, _on: r.professional_level == ProfessionalLevel.INTERMEDIATE),
    (
        "Sơ cấp, chưa đào tạo",
        lambda r, _on: r.professional_level in (ProfessionalLevel.ELEMENTARY, ProfessionalLevel.NONE),
    ),
    ("Cử nhân, cao cấp", lambda r, _on: r.political_theory in (PoliticalTheory.BACHELOR, PoliticalTheory.ADVANCED)),
    ("Trung cấp ", lambda r, _on: r.political_theory == PoliticalTheory.INTERMEDIATE),
    ("Sơ cấp", lambda r, _on: r.political_theory == PoliticalTheory.ELEMENTARY),
    ("Tin học", lambda r, _on: r.it_level != ITLevel.NONE),
    ("Ngoại ngữ", lambda r, _on: r.foreign_language != LanguageLevel.NONE),
    *((label, _age_band(lo, hi)) for label, lo, hi in AGE_BANDS),
)


def breakdown_table(staff: Sequence[StaffRow], on: date) -> Table:
    """Counts per category along the staffing-form dimensions (REFERENCE.md §7, BM02/BNV)."""
    cats = [c for c in StaffCategory if any(r.category == c for r in staff)]
    rows: list[tuple[object, ...]] = []
    for i, cat in enumerate(cats, start=1):
        people = [r for r in staff if r.category == cat]
        rows.append((i, cat.label(), len(people), *(sum(1 for r in people if f(r, on)) for _, f in _DIMENSIONS)))
    rows.append(("", "Tổng số", len(staff), *(sum(1 for r in staff if f(r, on)) for _, f in _DIMENSIONS)))
    header = (
        (
            H("STT", rowspan=2),
            H("Loại", rowspan=2),
            H("Tổng số", rowspan=2),
            H("Trong đó", colspan=4),
            H("Trình độ chuyên môn", colspan=5),
            H("Lý luận chính trị", colspan=3),
            H("Chứng chỉ", colspan=2),
            H("Độ tuổi", colspan=len(AGE_BANDS)),
        ),
        tuple(H(label.strip()) for label, _ in _DIMENSIONS),
    )
    return Table(
        title=f"Cơ cấu, trình độ tại ngày {vn_date(on)}",
        header=header,
        rows=tuple(rows),  # type: ignore[arg-type]
        widths=(4, 24, 7, *([6.5] * len(_DIMENSIONS))),
        kinds=("text", "text", *(["int"] * (1 + len(_DIMENSIONS)))),
        bold_rows=frozenset({len(rows) - 1}),
        landscape=True,
    )


def changes_table(all_staff: Sequence[StaffRow], start: date, end: date) -> Table | None:
    """Who joined or left during the period (None when nobody did)."""
    rows: list[tuple[object, ...]] = []
    for r in all_staff:
        if start <= r.start_date <= end:
            rows.append((r.full_name, r.position, r.category.label(), "Bắt đầu công tác", vn_date(r.start_date)))
        if r.end_date is not None and start <= r.end_date <= end:
            rows.append((r.full_name, r.position, r.category.label(), "Thôi công tác", vn_date(r.end_date)))
    if not rows:
        return None
    return Table(
        title="Biến động trong kỳ",
        header=((H("STT"), H("Họ và tên"), H("Chức vụ"), H("Loại"), H("Biến động"), H("Từ ngày")),),
        rows=tuple((i, *row) for i, row in enumerate(rows, start=1)),
        widths=(5, 26, 34, 22, 16, 12),
        kinds=("text", "text", "text", "text", "text", "date"),
    )


def signatures_table(staff: Sequence[StaffRow], on: date, within_days: int = 60) -> Table | None:
    """Digital-signature certificates expired or expiring soon (None when there are none)."""
    rows = [
        (
            r.full_name,
            r.position,
            vn_date(r.signature_expiry),
            "Đã hết hạn" if r.signature_expiry < on else f"Còn {(r.signature_expiry - on).days} ngày",
        )
        for r in staff
        if r.has_signature and r.signature_expiry is not None and (r.signature_expiry - on).days <= within_days
    ]
    if not rows:
        return None
    return Table(
        title="Chữ ký số hết hạn hoặc sắp hết hạn",
        header=((H("STT"), H("Họ và tên"), H("Chức vụ"), H("Hết hạn"), H("Tình trạng")),),
        rows=tuple((i, *row) for i, row in enumerate(rows, start=1)),
        widths=(5, 28, 40, 12, 16),
        kinds=("text", "text", "text", "date", "text"),
    )

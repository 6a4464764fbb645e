"""Synthetic staff of a demo commune, shaped by the published headcounts."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from storage.demo.communes import DemoCommune
from storage.demo.names import person
from storage.quotas import set_quota
from storage.staff import StaffData, save_staff
from storage.units import list_units
from storage.vocab import (
    Gender,
    ITLevel,
    LanguageLevel,
    PoliticalTheory,
    ProfessionalLevel,
    StaffCategory,
    StaffOrigin,
)

START = date(2025, 7, 1)  # the new commune's first day (two-tier government)
SEMI_PRO_END = date(2026, 6, 1)  # kept until 31/05/2026 (REFERENCE.md §7); first day out of post

LEADERS = (
    ("Bí thư Đảng ủy, Chủ tịch HĐND", "LĐ"),
    ("Phó Bí thư Thường trực Đảng ủy", "LĐ"),
    ("Chủ tịch UBND", "LĐ"),
    ("Phó Chủ tịch UBND, Giám đốc Trung tâm Phục vụ hành chính công", "TTPVHCC"),
    ("Phó Chủ tịch UBND", "LĐ"),
    ("Phó Chủ tịch HĐND", "LĐ"),
    ("Chủ tịch Ủy ban MTTQ Việt Nam xã", "LĐ"),
    ("Phó Chủ tịch Ủy ban MTTQ, Chủ tịch Hội Phụ nữ", "LĐ"),
    ("Phó Chủ tịch Ủy ban MTTQ, Bí thư Đoàn Thanh niên", "LĐ"),
    ("Phó Chủ tịch Ủy ban MTTQ, Chủ tịch Hội Nông dân", "LĐ"),
    ("Phó Chủ tịch Ủy ban MTTQ, Chủ tịch Hội Cựu chiến binh", "LĐ"),
    ("Phó Chủ tịch HĐND (kiêm nhiệm)", "LĐ"),
    ("Phó Bí thư Đảng ủy", "LĐ"),
    ("Ủy viên UBND", "LĐ"),
)
OFFICE_POSTS = (
    ("Chánh Văn phòng HĐND và UBND", "VP"),
    ("Trưởng phòng Kinh tế", "PKT"),
    ("Trưởng phòng Văn hóa – Xã hội", "PVHXH"),
    ("Phó Chánh Văn phòng HĐND và UBND", "VP"),
    ("Phó Trưởng phòng Kinh tế", "PKT"),
    ("Phó Trưởng phòng Văn hóa – Xã hội", "PVHXH"),
    ("Chuyên viên Tư pháp – Hộ tịch", "VP"),
    ("Chuyên viên Văn thư – Lưu trữ", "VP"),
    ("Chuyên viên Tài chính – Kế toán", "VP"),
    ("Chuyên viên Địa chính – Xây dựng", "PKT"),
    ("Chuyên viên Nông nghiệp và Môi trường", "PKT"),
    ("Chuyên viên Lao động – Thương binh – Xã hội", "PVHXH"),
    ("Chuyên viên Văn hóa – Thông tin", "PVHXH"),
    ("Chuyên viên Giáo dục – Y tế", "PVHXH"),
    ("Chuyên viên Chỉ huy quân sự", "VP"),
)
CENTER_POST = "Công chức tiếp nhận và trả kết quả"
SEMI_POSTS = (
    "Phó Chỉ huy trưởng Quân sự",
    "Nhân viên thú y",
    "Nhân viên văn phòng Đảng ủy",
    "Phó Chủ tịch Hội Người cao tuổi",
    "Nhân viên khuyến nông",
    "Nhân viên Đài truyền thanh",
)


def _qualifications(rng: random.Random, category: StaffCategory) -> dict[str, object]:
    official = category in (StaffCategory.CAN_BO, StaffCategory.CONG_CHUC)
    prof = rng.choices(
        [
            ProfessionalLevel.MASTER,
            ProfessionalLevel.UNIVERSITY,
            ProfessionalLevel.COLLEGE,
            ProfessionalLevel.INTERMEDIATE,
        ],
        [8, 80, 6, 6] if official else [0, 30, 20, 50],
    )[0]
    pol = rng.choices(
        [PoliticalTheory.ADVANCED, PoliticalTheory.INTERMEDIATE, PoliticalTheory.ELEMENTARY, PoliticalTheory.NONE],
        [10, 55, 25, 10] if category == StaffCategory.CAN_BO else [2, 30, 40, 28],
    )[0]
    it = rng.choices([ITLevel.UNIVERSITY, ITLevel.ADVANCED, ITLevel.BASIC, ITLevel.NONE], [5, 10, 70, 15])[0]
    lang = rng.choices([LanguageLevel.UNIVERSITY, LanguageLevel.CERTIFICATE, LanguageLevel.NONE], [5, 60, 35])[0]
    return {"professional_level": prof, "political_theory": pol, "it_level": it, "foreign_language": lang}


def load_staff(session: Session, c: DemoCommune, rng: random.Random, until: date) -> dict[str, int]:
    """Create the staff in post on 01/07/2025 (plus a few later changes); returns ids by role."""
    units = {u.short_name: u.id for u in list_units(session)}
    made: dict[str, int] = {}
    leaders = list(LEADERS[: c.can_bo])
    office = list(OFFICE_POSTS[: c.cong_chuc - c.center_officials])
    while len(office) < c.cong_chuc - c.center_officials:
        office.append(("Chuyên viên", rng.choice(["VP", "PKT", "PVHXH"])))
    plan: list[tuple[StaffCategory, str, str, bool]] = (
        [(StaffCategory.CAN_BO, pos, unit, "Trung tâm" in pos) for pos, unit in leaders]
        + [(StaffCategory.CONG_CHUC, pos, unit, False) for pos, unit in office]
        + [(StaffCategory.CONG_CHUC, CENTER_POST, "TTPVHCC", True)] * c.center_officials
        + [
            (StaffCategory.KHONG_CHUYEN_TRACH, SEMI_POSTS[i % len(SEMI_POSTS)], "VP", False)
            for i in range(c.semi_professional)
        ]
    )
    for i, (category, position, unit, at_center) in enumerate(plan):
        female = rng.random() < (0.55 if at_center else 0.4)
        name, ethnicity = person(rng, female)
        if c.key == "luong-minh" and i == 0:
            name, ethnicity, female = "Nguyễn Văn Thắng", "Kinh", False  # named in the news article
        if position == "Chủ tịch UBND":
            name, female = c.chairman, False
        birth = date(rng.randrange(1968, 1999), rng.randrange(1, 13), rng.randrange(1, 29))
        signature = category != StaffCategory.KHONG_CHUYEN_TRACH and (at_center or rng.random() < 0.55)
        semi = category == StaffCategory.KHONG_CHUYEN_TRACH
        data = StaffData(
            full_name=name,
            gender=Gender.FEMALE if female else Gender.MALE,
            category=category,
            start_date=START,
            birth_date=birth,
            ethnicity=ethnicity,
            party_member=category == StaffCategory.CAN_BO or rng.random() < 0.6,
            position=position,
            unit_id=units.get(unit),
            works_at_center=at_center,
            origin=rng.choice([StaffOrigin.MERGED_COMMUNE, StaffOrigin.MERGED_COMMUNE, StaffOrigin.FORMER_DISTRICT]),
            has_signature=signature,
            signature_expiry=date(2026, rng.randrange(1, 13), 28) + timedelta(days=365 * rng.randrange(0, 2))
            if signature
            else None,
            end_date=SEMI_PRO_END if semi and until >= SEMI_PRO_END else None,
            end_reason="Thôi bố trí người hoạt động không chuyên trách cấp xã"
            if semi and until >= SEMI_PRO_END
            else "",
            phone=f"09{rng.randrange(10**7, 10**8)}",
            **_qualifications(rng, category),  # type: ignore[arg-type]
        )
        sid = save_staff(session, data, today=until)
        made.setdefault(position, sid)
        if at_center:
            made.setdefault("center", sid)
    # Later movements, so staffing changes show in 2026 periods.
    for when, position, unit in (
        (date(2026, 3, 2), "Chuyên viên Địa chính – Xây dựng", "PKT"),
        (date(2026, 9, 1), "Chuyên viên Chuyển đổi số", "VP"),
    ):
        if when <= until:
            name, ethnicity = person(rng, rng.random() < 0.5)
            save_staff(
                session,
                StaffData(
                    full_name=name,
                    gender=Gender.MALE,
                    category=StaffCategory.CONG_CHUC,
                    start_date=when,
                    birth_date=date(1997, 5, 12),
                    ethnicity=ethnicity,
                    position=position,
                    unit_id=units.get(unit),
                    origin=StaffOrigin.NEW_RECRUIT,
                    professional_level=ProfessionalLevel.UNIVERSITY,
                    it_level=ITLevel.ADVANCED,
                    foreign_language=LanguageLevel.CERTIFICATE,
                ),
                today=until,
            )
    for year in (2025, 2026):
        set_quota(session, year, StaffCategory.CAN_BO, c.can_bo + 1, "Quyết định giao biên chế (dữ liệu mẫu)")
        set_quota(session, year, StaffCategory.CONG_CHUC, c.cong_chuc + 2, "Quyết định giao biên chế (dữ liệu mẫu)")
    return made

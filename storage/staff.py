"""Staff records: validation, saving, listing and the one definition of "in post on a date".

``end_date`` is the first day a person is no longer in post ("thôi công tác kể từ ngày"):
someone is in post on D iff ``start_date <= D`` and (no end date or ``D < end_date``). That rule
lives in exactly two places kept in step by tests: ``in_post`` (Python) and ``in_post_clause`` (SQL).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError, Problem, UserError, ValidationError
from storage.models import Dossier, Staff, Unit
from storage.textsearch import fold, name_sort_key
from storage.vocab import (
    Gender,
    ITLevel,
    LanguageLevel,
    PoliticalTheory,
    ProfessionalLevel,
    StaffCategory,
    StaffOrigin,
)

#: Digits and spaces, with an optional leading "+" (e.g. "0912 345 678", "+84 912 345 678").
PHONE_PATTERN = re.compile(r"^\+?[0-9 ]*$")
MIN_AGE_AT_START, MAX_AGE_AT_START = 15, 80
#: How far ahead a start date may be entered (an appointment decided in advance).
MAX_START_AHEAD = timedelta(days=366)


def in_post(start: date, end: date | None, on: date) -> bool:
    """Whether someone who started on ``start`` and left from ``end`` (first day out) is in post on ``on``."""
    return start <= on and (end is None or on < end)


def in_post_clause(on: date) -> ColumnElement[bool]:
    """SQL twin of ``in_post`` over the Staff columns, for every headcount query."""
    return and_(Staff.start_date <= on, or_(Staff.end_date.is_(None), Staff.end_date > on))


def is_ethnic_minority(ethnicity: str | None) -> bool:
    """Any recorded ethnicity other than Kinh (the staffing form's "dân tộc thiểu số")."""
    return bool(ethnicity and ethnicity.strip()) and ethnicity.strip().lower() != "kinh"


def has_religion(religion: str | None) -> bool:
    """A recorded religion ("không" — none — does not count)."""
    return bool(religion and religion.strip()) and religion.strip().lower() != "không"


def age_on(birth: date, on: date) -> int:
    """Age in completed years on a date."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class StaffData:
    """What a clerk enters for a person."""

    full_name: str
    gender: Gender
    category: StaffCategory
    start_date: date
    birth_date: date | None = None
    ethnicity: str = "Kinh"
    religion: str = ""
    party_member: bool = False
    position: str = ""
    unit_id: int | None = None
    origin: StaffOrigin = StaffOrigin.OTHER
    origin_note: str = ""
    end_date: date | None = None
    end_reason: str = ""
    professional_level: ProfessionalLevel = ProfessionalLevel.NONE
    professional_field: str = ""
    political_theory: PoliticalTheory = PoliticalTheory.NONE
    it_level: ITLevel = ITLevel.NONE
    foreign_language: LanguageLevel = LanguageLevel.NONE
    ethnic_language: bool = False
    works_at_center: bool = False
    has_signature: bool = False
    signature_expiry: date | None = None
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True)
class StaffRow:
    """A person as listed (never the ORM object)."""

    id: int
    full_name: str
    gender: Gender
    birth_date: date | None
    category: StaffCategory
    unit_id: int | None
    unit_name: str
    position: str
    start_date: date
    end_date: date | None
    works_at_center: bool
    has_signature: bool
    signature_expiry: date | None
    professional_level: ProfessionalLevel
    political_theory: PoliticalTheory
    it_level: ITLevel
    foreign_language: LanguageLevel
    ethnic_language: bool
    ethnicity: str
    religion: str
    party_member: bool
    origin: StaffOrigin
    phone: str

    def in_post(self, on: date) -> bool:
        """Whether this person is in post on a date (same rule as the SQL queries)."""
        return in_post(self.start_date, self.end_date, on)

    def age_on(self, on: date) -> int | None:
        """Age in completed years on a date, None without a birth date."""
        return age_on(self.birth_date, on) if self.birth_date else None


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _not_found(staff_id: int) -> NotFoundError:
    return NotFoundError(f"Không tìm thấy nhân sự số {staff_id}.", f"Staff record {staff_id} not found.")


_ENUM_FIELDS: tuple[tuple[str, type[Enum], str, str], ...] = (
    ("gender", Gender, "Giới tính", "gender"),
    ("category", StaffCategory, "Loại cán bộ, công chức", "category"),
    ("origin", StaffOrigin, "Nguồn", "origin"),
    ("professional_level", ProfessionalLevel, "Trình độ chuyên môn", "professional level"),
    ("political_theory", PoliticalTheory, "Lý luận chính trị", "political theory"),
    ("it_level", ITLevel, "Tin học", "IT level"),
    ("foreign_language", LanguageLevel, "Ngoại ngữ", "foreign language"),
)


def _enum_ok(enum: type[Enum], value: object) -> bool:
    try:
        enum(value)
    except ValueError:
        return False
    return True


def validate_staff(
    session: Session, data: StaffData, staff_id: int | None = None, *, today: date | None = None
) -> list[Problem]:
    """Every rule a staff record must satisfy, with Vietnamese messages naming the field."""
    today = today or date.today()
    p: list[Problem] = []
    name = " ".join(data.full_name.split())
    if not name:
        p.append(Problem("full_name", "Chưa nhập họ và tên.", "The full name is empty."))
    elif len(name) > 200:
        p.append(Problem("full_name", "Họ và tên dài quá 200 ký tự.", "The full name is longer than 200 characters."))
    for field, enum, vi, en in _ENUM_FIELDS:
        if not _enum_ok(enum, getattr(data, field)):
            p.append(Problem(field, f"{vi} không hợp lệ.", f"Invalid {en}."))
    start = data.start_date
    if start > today + MAX_START_AHEAD:
        p.append(
            Problem(
                "start_date",
                f"Ngày bắt đầu công tác {_d(start)} quá xa trong tương lai (quá 1 năm).",
                f"The start date {_d(start)} is more than a year in the future.",
            )
        )
    if data.end_date is not None and data.end_date <= start:
        p.append(
            Problem(
                "end_date",
                f"Ngày thôi công tác {_d(data.end_date)} phải sau ngày bắt đầu công tác {_d(start)}.",
                f"The end date {_d(data.end_date)} must be after the start date {_d(start)}.",
            )
        )
    if data.end_date is None and data.end_reason.strip():
        p.append(
            Problem(
                "end_reason",
                "Có lý do thôi công tác nhưng chưa nhập ngày thôi công tác.",
                "An end reason needs an end date.",
            )
        )
    _validate_birth(data, today, p)
    if data.signature_expiry is not None and not data.has_signature:
        p.append(
            Problem(
                "signature_expiry",
                "Có ngày hết hạn chữ ký số nhưng chưa đánh dấu \u201cCó chữ ký số\u201d.",
                "A signature expiry date needs \u201cHas a digital signature\u201d ticked.",
            )
        )
    if data.unit_id is not None and session.get(Unit, data.unit_id) is None:
        p.append(Problem("unit", "Đơn vị không có trong danh sách đơn vị của xã.", "Unknown unit."))
    if not PHONE_PATTERN.match(data.phone.strip()):
        p.append(
            Problem(
                "phone",
                f"Số điện thoại \u201c{data.phone.strip()}\u201d chỉ được gồm chữ số, dấu cách và dấu + ở đầu.",
                f"The phone number \u201c{data.phone.strip()}\u201d may contain only digits, spaces and a leading +.",
            )
        )
    return p


def _validate_birth(data: StaffData, today: date, p: list[Problem]) -> None:
    birth, start = data.birth_date, data.start_date
    if birth is None:
        return
    if birth > today:
        p.append(
            Problem(
                "birth_date", f"Ngày sinh {_d(birth)} ở tương lai.", f"The birth date {_d(birth)} is in the future."
            )
        )
    elif birth >= start:
        p.append(
            Problem(
                "birth_date",
                f"Ngày sinh {_d(birth)} phải trước ngày bắt đầu công tác {_d(start)}.",
                f"The birth date {_d(birth)} must be before the start date {_d(start)}.",
            )
        )
    else:
        age = age_on(birth, start)
        if not MIN_AGE_AT_START <= age <= MAX_AGE_AT_START:
            p.append(
                Problem(
                    "birth_date",
                    f"Tuổi khi bắt đầu công tác là {age}, phải từ {MIN_AGE_AT_START} đến {MAX_AGE_AT_START} "
                    "— kiểm tra lại ngày sinh và ngày bắt đầu công tác.",
                    f"Age at start is {age}; it must be {MIN_AGE_AT_START}..{MAX_AGE_AT_START} "
                    "— check the birth and start dates.",
                )
            )


def save_staff(
    session: Session,
    data: StaffData,
    staff_id: int | None = None,
    *,
    user_id: int | None = None,
    today: date | None = None,
) -> int:
    """Create or update a staff record; raises ValidationError and stores nothing when invalid."""
    s = session.get(Staff, staff_id) if staff_id else None
    if staff_id and s is None:
        raise _not_found(staff_id)
    problems = validate_staff(session, data, staff_id, today=today)
    if problems:
        raise ValidationError(problems)
    if s is None:
        s = Staff(created_by_id=user_id)
        session.add(s)
    _apply(s, data, user_id)
    session.flush()
    return s.id


def _apply(s: Staff, data: StaffData, user_id: int | None) -> None:
    s.full_name = unicodedata.normalize("NFC", " ".join(data.full_name.split()))
    s.search_name = fold(s.full_name)
    s.gender, s.category, s.origin = (
        str(Gender(data.gender)),
        str(StaffCategory(data.category)),
        str(StaffOrigin(data.origin)),
    )
    s.birth_date, s.start_date, s.end_date = data.birth_date, data.start_date, data.end_date
    s.ethnicity, s.religion, s.party_member = data.ethnicity.strip(), data.religion.strip(), data.party_member
    s.position, s.unit_id, s.origin_note = data.position.strip(), data.unit_id, data.origin_note.strip()
    s.end_reason = data.end_reason.strip()
    s.professional_level, s.professional_field = (
        str(ProfessionalLevel(data.professional_level)),
        data.professional_field.strip(),
    )
    s.political_theory, s.it_level = str(PoliticalTheory(data.political_theory)), str(ITLevel(data.it_level))
    s.foreign_language, s.ethnic_language = str(LanguageLevel(data.foreign_language)), data.ethnic_language
    s.works_at_center, s.has_signature, s.signature_expiry = (
        data.works_at_center,
        data.has_signature,
        data.signature_expiry,
    )
    s.phone, s.notes, s.updated_by_id = " ".join(data.phone.split()), data.notes, user_id


def load_staff(session: Session, staff_id: int) -> StaffData:
    """The stored record as editable data."""
    s = session.get(Staff, staff_id)
    if s is None:
        raise _not_found(staff_id)
    return StaffData(
        full_name=s.full_name,
        gender=Gender(s.gender),
        category=StaffCategory(s.category),
        start_date=s.start_date,
        birth_date=s.birth_date,
        ethnicity=s.ethnicity,
        religion=s.religion,
        party_member=s.party_member,
        position=s.position,
        unit_id=s.unit_id,
        origin=StaffOrigin(s.origin),
        origin_note=s.origin_note,
        end_date=s.end_date,
        end_reason=s.end_reason,
        professional_level=ProfessionalLevel(s.professional_level),
        professional_field=s.professional_field,
        political_theory=PoliticalTheory(s.political_theory),
        it_level=ITLevel(s.it_level),
        foreign_language=LanguageLevel(s.foreign_language),
        ethnic_language=s.ethnic_language,
        works_at_center=s.works_at_center,
        has_signature=s.has_signature,
        signature_expiry=s.signature_expiry,
        phone=s.phone,
        notes=s.notes,
    )


def delete_staff(session: Session, staff_id: int) -> StaffData:
    """Delete a record entered by mistake and return its data for undo.

    Refused while dossiers name the person as handler: deleting would silently clear them;
    someone who left is recorded with an end date instead.
    """
    data = load_staff(session, staff_id)
    n = session.scalar(select(func.count()).select_from(Dossier).where(Dossier.handler_id == staff_id)) or 0
    if n:
        raise UserError(
            f"Không thể xóa \u201c{data.full_name}\u201d: đang là người xử lý của {n} hồ sơ. "
            "Nếu người này đã thôi công tác, hãy ghi ngày thôi công tác thay vì xóa.",
            f"Cannot delete \u201c{data.full_name}\u201d: handler of {n} dossier(s). "
            "If the person has left, record an end date instead.",
        )
    session.delete(session.get_one(Staff, staff_id))  # through the ORM: audited and lock-checked
    session.flush()
    return data


def _row(s: Staff, unit_name: str | None) -> StaffRow:
    return StaffRow(
        id=s.id,
        full_name=s.full_name,
        gender=Gender(s.gender),
        birth_date=s.birth_date,
        category=StaffCategory(s.category),
        unit_id=s.unit_id,
        unit_name=unit_name or "",
        position=s.position,
        start_date=s.start_date,
        end_date=s.end_date,
        works_at_center=s.works_at_center,
        has_signature=s.has_signature,
        signature_expiry=s.signature_expiry,
        professional_level=ProfessionalLevel(s.professional_level),
        political_theory=PoliticalTheory(s.political_theory),
        it_level=ITLevel(s.it_level),
        foreign_language=LanguageLevel(s.foreign_language),
        ethnic_language=s.ethnic_language,
        ethnicity=s.ethnicity,
        religion=s.religion,
        party_member=s.party_member,
        origin=StaffOrigin(s.origin),
        phone=s.phone,
    )


def _like_word(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def list_staff(
    session: Session,
    *,
    on: date | None = None,
    unit_id: int | None = None,
    category: StaffCategory | None = None,
    search: str = "",
) -> list[StaffRow]:
    """Staff (all, or those in post on ``on``), filtered, in Vietnamese name order (by given name).

    ``search`` ignores case and diacritics and matches every word anywhere in the name.
    """
    q = select(Staff, Unit.name).outerjoin(Unit, Staff.unit_id == Unit.id)
    if on is not None:
        q = q.where(in_post_clause(on))
    if unit_id is not None:
        q = q.where(Staff.unit_id == unit_id)
    if category is not None:
        q = q.where(Staff.category == str(StaffCategory(category)))
    for word in fold(search).split():
        q = q.where(Staff.search_name.like(_like_word(word), escape="\\"))
    rows = [_row(s, unit_name) for s, unit_name in session.execute(q)]
    return sorted(rows, key=lambda r: (name_sort_key(r.full_name), r.birth_date or date.min, r.id))


def get_staff(session: Session, staff_id: int) -> StaffRow | None:
    """One person by id."""
    row = session.execute(
        select(Staff, Unit.name).outerjoin(Unit, Staff.unit_id == Unit.id).where(Staff.id == staff_id)
    ).first()
    return _row(*row) if row else None


def find_staff(session: Session, full_name: str, birth_date: date | None) -> int | None:
    """The record of a person by name (ignoring case and diacritics) and birth date, for re-imports.

    Without a birth date only records without one match. When several match (a person
    re-employed under a new record), the most recent start wins.
    """
    key = fold(full_name)
    if not key:
        return None
    birth = Staff.birth_date.is_(None) if birth_date is None else Staff.birth_date == birth_date
    return session.scalar(
        select(Staff.id)
        .where(Staff.search_name == key, birth)
        .order_by(Staff.start_date.desc(), Staff.id.desc())
        .limit(1)
    )

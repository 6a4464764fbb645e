"""Units of the commune (Decree 150/2025/NĐ-CP: office, economic and socio-cultural departments,
service center), plus the leadership group the chairman and vice-chairmen are filed under."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError, Problem, UserError, ValidationError
from storage.models import Equipment, Staff, Unit
from storage.staff import in_post_clause
from storage.textsearch import fold, vietnamese_sort_key


@dataclass(frozen=True)
class UnitData:
    """What a user enters for a unit."""

    name: str
    short_name: str = ""
    is_service_center: bool = False
    sort_order: int = 0
    active: bool = True
    notes: str = ""


@dataclass(frozen=True)
class UnitRow:
    """A unit as listed."""

    id: int
    name: str
    short_name: str
    is_service_center: bool
    sort_order: int
    active: bool

    def label(self) -> str:
        """The name as shown in pickers."""
        return self.name


#: The units of Decree 150/2025 (REFERENCE.md §1) with the leadership first: (name, short name, service center).
DEFAULT_UNITS: tuple[tuple[str, str, bool], ...] = (
    ("Lãnh đạo HĐND, UBND", "LĐ", False),
    ("Văn phòng HĐND và UBND", "VP", False),
    ("Phòng Kinh tế", "PKT", False),
    ("Phòng Văn hóa – Xã hội", "PVHXH", False),
    ("Trung tâm Phục vụ hành chính công", "TTPVHCC", True),
)
#: In wards the economic department also covers infrastructure and urban affairs.
WARD_ECONOMIC_UNIT = ("Phòng Kinh tế, Hạ tầng và Đô thị", "PKTHTĐT", False)

_NAME_MAX, _SHORT_MAX = 200, 40


def _not_found(unit_id: int) -> NotFoundError:
    return NotFoundError(f"Không tìm thấy đơn vị số {unit_id}.", f"Unit {unit_id} not found.")


def validate_unit(
    session: Session, data: UnitData, unit_id: int | None = None, *, today: date | None = None
) -> list[Problem]:
    """Rules for a unit: a unique name and short name, one service center, no staff left when deactivated."""
    today = today or date.today()
    p: list[Problem] = []
    name, short = data.name.strip(), data.short_name.strip()
    if not name:
        p.append(Problem("name", "Chưa nhập tên đơn vị.", "The unit name is empty."))
    elif len(name) > _NAME_MAX:
        p.append(
            Problem(
                "name",
                f"Tên đơn vị dài quá {_NAME_MAX} ký tự.",
                f"The unit name is longer than {_NAME_MAX} characters.",
            )
        )
    if len(short) > _SHORT_MAX:
        p.append(
            Problem(
                "short_name",
                f"Tên viết tắt dài quá {_SHORT_MAX} ký tự.",
                f"The short name is longer than {_SHORT_MAX} characters.",
            )
        )
    if not 0 <= data.sort_order <= 9999:
        p.append(Problem("sort_order", "Thứ tự sắp xếp phải từ 0 đến 9999.", "The sort order must be 0..9999."))
    others = [u for u in session.scalars(select(Unit)) if u.id != unit_id]
    if name and any(fold(u.name) == fold(name) for u in others):
        p.append(
            Problem("name", f"Đơn vị \u201c{name}\u201d đã có.", f"A unit named \u201c{name}\u201d already exists.")
        )
    if short and any(u.short_name and fold(u.short_name) == fold(short) for u in others):
        p.append(
            Problem(
                "short_name",
                f"Tên viết tắt \u201c{short}\u201d đã dùng cho đơn vị khác.",
                f"The short name \u201c{short}\u201d is already used by another unit.",
            )
        )
    if data.is_service_center and data.active:
        center = next((u for u in others if u.is_service_center and u.active), None)
        if center is not None:
            p.append(
                Problem(
                    "is_service_center",
                    f"Xã chỉ có một Trung tâm Phục vụ hành chính công (đã có \u201c{center.name}\u201d).",
                    f"The commune has one public administrative service center already (\u201c{center.name}\u201d).",
                )
            )
    if not data.active and unit_id is not None:
        in_post = session.scalar(
            select(func.count()).select_from(Staff).where(Staff.unit_id == unit_id, in_post_clause(today))
        )
        if in_post:
            p.append(
                Problem(
                    "active",
                    f"Đơn vị còn {in_post} người đang công tác; chuyển họ sang đơn vị khác trước khi ngừng sử dụng.",
                    f"{in_post} staff are still in post in this unit; move them before deactivating it.",
                )
            )
    return p


def save_unit(
    session: Session,
    data: UnitData,
    unit_id: int | None = None,
    *,
    user_id: int | None = None,
    today: date | None = None,
) -> int:
    """Create or update a unit; raises ValidationError and stores nothing when invalid."""
    u = session.get(Unit, unit_id) if unit_id else None
    if unit_id and u is None:
        raise _not_found(unit_id)
    problems = validate_unit(session, data, unit_id, today=today)
    if problems:
        raise ValidationError(problems)
    if u is None:
        u = Unit(created_by_id=user_id)
        session.add(u)
    u.name, u.short_name = data.name.strip(), data.short_name.strip()
    u.is_service_center, u.sort_order, u.active = data.is_service_center, data.sort_order, data.active
    u.notes, u.updated_by_id = data.notes, user_id
    session.flush()
    return u.id


def _row(u: Unit) -> UnitRow:
    return UnitRow(u.id, u.name, u.short_name, u.is_service_center, u.sort_order, u.active)


def list_units(session: Session, *, active_only: bool = False) -> list[UnitRow]:
    """Units by sort order, then Vietnamese alphabet order of the name."""
    q = select(Unit)
    if active_only:
        q = q.where(Unit.active.is_(True))
    units = sorted(session.scalars(q), key=lambda u: (u.sort_order, vietnamese_sort_key(u.name), u.id))
    return [_row(u) for u in units]


def find_unit(session: Session, text: str) -> UnitRow | None:
    """A unit by its name or short name, ignoring case and diacritics ("phong kinh te", "pkt")."""
    key = fold(text)
    if not key:
        return None
    units = list_units(session)
    for u in units:
        if fold(u.name) == key:
            return u
    for u in units:
        if u.short_name and fold(u.short_name) == key:
            return u
    return None


def load_unit(session: Session, unit_id: int) -> UnitData:
    """The stored unit as editable data."""
    u = session.get(Unit, unit_id)
    if u is None:
        raise _not_found(unit_id)
    return UnitData(u.name, u.short_name, u.is_service_center, u.sort_order, u.active, u.notes)


def delete_unit(session: Session, unit_id: int) -> UnitData:
    """Delete a unit nobody references and return its data for undo; refuse while staff or equipment use it."""
    data = load_unit(session, unit_id)
    n_staff = session.scalar(select(func.count()).select_from(Staff).where(Staff.unit_id == unit_id)) or 0
    n_equip = session.scalar(select(func.count()).select_from(Equipment).where(Equipment.unit_id == unit_id)) or 0
    if n_staff or n_equip:
        vi_parts = ([f"{n_staff} nhân sự"] if n_staff else []) + ([f"{n_equip} thiết bị"] if n_equip else [])
        en_parts = ([f"{n_staff} staff record(s)"] if n_staff else []) + (
            [f"{n_equip} equipment line(s)"] if n_equip else []
        )
        raise UserError(
            f"Không thể xóa đơn vị \u201c{data.name}\u201d: còn {' và '.join(vi_parts)} thuộc đơn vị này "
            "(kể cả người đã thôi công tác). Hãy chuyển sang đơn vị khác, hoặc ngừng sử dụng đơn vị thay vì xóa.",
            f"Cannot delete unit \u201c{data.name}\u201d: {' and '.join(en_parts)} still belong to it "
            "(including former staff). Move them to another unit, or deactivate the unit instead.",
        )
    u = session.get(Unit, unit_id)
    session.delete(u)
    session.flush()
    return data


def seed_default_units(session: Session, *, ward: bool = False) -> int:
    """Insert the Decree 150/2025 units that are not there yet (by name or short name); returns how many.

    ``ward=True`` names the economic department as in wards ("Phòng Kinh tế, Hạ tầng và Đô thị").
    """
    defaults = list(DEFAULT_UNITS)
    if ward:
        defaults[2] = WARD_ECONOMIC_UNIT
    existing = list(session.scalars(select(Unit)))
    names = {fold(u.name) for u in existing}
    shorts = {fold(u.short_name) for u in existing if u.short_name}
    has_center = any(u.is_service_center and u.active for u in existing)
    added = 0
    for order, (name, short, center) in enumerate(defaults, start=1):
        if fold(name) in names or fold(short) in shorts or (center and has_center):
            continue
        session.add(Unit(name=name, short_name=short, is_service_center=center, sort_order=order))
        names.add(fold(name))
        shorts.add(fold(short))
        added += 1
    session.flush()
    return added

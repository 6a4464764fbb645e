"""The IT equipment checklist (REFERENCE.md §9): what each unit needs, has and can actually use.

One line per kind of equipment (and optionally per unit and description). The shortage of a
line is ``required − working`` and never below zero; it is defined once in Python
(``shortage``) and once in SQL (``shortage_clause``), and every query uses the SQL one so
that lists, filters and report totals cannot disagree.

The equipment table has no folded search column, so searching and the importer's
"same line" lookup fold in Python: a commune's checklist is a few dozen lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from numbers import Integral, Real

from sqlalchemy import ColumnElement, case, select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError, Problem, ValidationError
from storage.models import Equipment, Unit
from storage.textsearch import fold, matches, vietnamese_sort_key
from storage.vocab import EquipmentKind

MAX_COUNT = 100_000
_MAX_COUNT_VI = f"{MAX_COUNT:,}".replace(",", ".")  # Vietnamese thousands separator
MAX_DESCRIPTION = 300
_KIND_ORDER = {kind: i for i, kind in enumerate(EquipmentKind)}
_COUNT_LABELS = {
    "required": ("Số lượng cần có", "The required quantity"),
    "available": ("Số hiện có", "The available quantity"),
    "working": ("Số đang hoạt động", "The working quantity"),
}


@dataclass(frozen=True)
class EquipmentData:
    """One checklist line as entered (or imported)."""

    kind: EquipmentKind
    inventory_date: date
    required: int = 0
    available: int = 0
    working: int = 0
    description: str = ""
    unit_id: int | None = None
    condition_notes: str = ""
    expiry_date: date | None = None  # digital-signature certificates only


@dataclass(frozen=True)
class EquipmentRow:
    """A checklist line for lists and reports; ``broken`` and ``shortage`` are derived."""

    id: int
    kind: EquipmentKind
    kind_label: str
    description: str
    unit_id: int | None
    unit_name: str
    required: int
    available: int
    working: int
    broken: int
    shortage: int
    condition_notes: str
    inventory_date: date
    expiry_date: date | None

    def days_to_expiry(self, on: date) -> int | None:
        """Days from ``on`` until the certificate expires (negative once expired); None without a date."""
        return None if self.expiry_date is None else (self.expiry_date - on).days


def shortage(required: int, working: int) -> int:
    """How many more working items a line needs: required − working, never below zero."""
    return max(required - working, 0)


def shortage_clause() -> ColumnElement[int]:
    """``shortage`` as a SQL expression on the equipment table (used by every query)."""
    return case(
        (Equipment.required > Equipment.working, Equipment.required - Equipment.working),
        else_=0,
    )


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _whole(value: object) -> int | None:
    """The value as an int when it is a whole number (3 or 3.0), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real) and float(value).is_integer():
        return int(value)
    return None


def _check_counts(data: EquipmentData, p: list[Problem]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name, (vi, en) in _COUNT_LABELS.items():
        raw = getattr(data, name)
        value = _whole(raw)
        if value is None:
            p.append(Problem(name, f"{vi} phải là số nguyên (đang là «{raw}»).", f"{en} must be a whole number."))
        elif value < 0:
            p.append(Problem(name, f"{vi} ({value}) không được âm.", f"{en} ({value}) cannot be negative."))
        elif value > MAX_COUNT:
            p.append(
                Problem(
                    name,
                    f"{vi} ({value}) quá lớn (tối đa {_MAX_COUNT_VI}).",
                    f"{en} ({value}) is too large (at most {MAX_COUNT:,}).",
                )
            )
        else:
            counts[name] = value
    return counts


def validate_equipment(
    session: Session, data: EquipmentData, equipment_id: int | None = None, *, today: date | None = None
) -> list[Problem]:
    """Every rule a checklist line must satisfy, with Vietnamese messages naming the field."""
    today = today or date.today()
    p: list[Problem] = []
    kind_ok = isinstance(data.kind, EquipmentKind)
    if not kind_ok:
        p.append(
            Problem(
                "kind",
                f"Loại thiết bị «{data.kind}» không có trong danh mục.",
                f"Unknown equipment kind «{data.kind}».",
            )
        )
    description = data.description.strip()
    if len(description) > MAX_DESCRIPTION:
        p.append(
            Problem(
                "description",
                f"Mô tả thiết bị dài quá {MAX_DESCRIPTION} ký tự.",
                f"The description is longer than {MAX_DESCRIPTION} characters.",
            )
        )
    if data.kind == EquipmentKind.OTHER and not description:
        p.append(
            Problem(
                "description",
                "Thiết bị loại «Thiết bị khác» phải ghi rõ tên thiết bị.",
                "Equipment of kind “Other” needs a description.",
            )
        )
    counts = _check_counts(data, p)
    if "working" in counts and "available" in counts and counts["working"] > counts["available"]:
        p.append(
            Problem(
                "working",
                f"Số đang hoạt động ({counts['working']}) lớn hơn số hiện có ({counts['available']}).",
                f"The working quantity ({counts['working']}) exceeds the available quantity ({counts['available']}).",
            )
        )
    inv = data.inventory_date
    if inv.year < 2000:
        p.append(
            Problem(
                "inventory_date",
                "Ngày kiểm kê không hợp lệ (trước năm 2000).",
                "The inventory date is before 2000.",
            )
        )
    if inv > today:
        p.append(
            Problem(
                "inventory_date",
                f"Ngày kiểm kê {_d(inv)} ở tương lai.",
                f"The inventory date {_d(inv)} is in the future.",
            )
        )
    if data.expiry_date is not None:
        if kind_ok and data.kind != EquipmentKind.SIGNATURE:
            p.append(
                Problem(
                    "expiry_date",
                    f"Chỉ chứng thư số, chữ ký số mới có ngày hết hạn; «{data.kind.label()}» không có.",
                    f"Only digital-signature certificates have an expiry date, not “{data.kind.label('en')}”.",
                )
            )
        elif data.expiry_date.year < 2000:
            p.append(
                Problem(
                    "expiry_date",
                    "Ngày hết hạn chứng thư số không hợp lệ (trước năm 2000).",
                    "The certificate expiry date is before 2000.",
                )
            )
    if data.unit_id is not None and session.get(Unit, data.unit_id) is None:
        p.append(Problem("unit", "Đơn vị không có trong danh sách đơn vị của xã.", "Unknown unit."))
    elif kind_ok:
        dup = find_equipment(session, data.kind, description, data.unit_id)
        if dup is not None and dup != equipment_id:
            p.append(
                Problem(
                    "description",
                    f"Đã có dòng «{data.kind.label()}{' – ' + description if description else ''}» "
                    "cho đơn vị này; hãy sửa dòng đó thay vì thêm mới.",
                    "This unit already has a line for that kind and description; edit it instead.",
                )
            )
    return p


def save_equipment(
    session: Session,
    data: EquipmentData,
    equipment_id: int | None = None,
    *,
    user_id: int | None = None,
    today: date | None = None,
) -> int:
    """Create or update a checklist line; raises ValidationError and stores nothing when invalid."""
    problems = validate_equipment(session, data, equipment_id, today=today)
    if problems:
        raise ValidationError(problems)
    e = session.get(Equipment, equipment_id) if equipment_id else None
    if equipment_id and e is None:
        raise NotFoundError(
            f"Không tìm thấy dòng thiết bị số {equipment_id}.", f"Equipment line {equipment_id} not found."
        )
    if e is None:
        e = Equipment(created_by_id=user_id)
        session.add(e)
    e.kind, e.description, e.unit_id = str(data.kind), data.description.strip(), data.unit_id
    e.required, e.available, e.working = (_whole(data.required), _whole(data.available), _whole(data.working))
    e.condition_notes, e.inventory_date, e.expiry_date = (
        data.condition_notes.strip(),
        data.inventory_date,
        data.expiry_date,
    )
    e.updated_by_id = user_id
    session.flush()
    return e.id


def load_equipment(session: Session, equipment_id: int) -> EquipmentData:
    """The stored line as editable data."""
    e = session.get(Equipment, equipment_id)
    if e is None:
        raise NotFoundError(
            f"Không tìm thấy dòng thiết bị số {equipment_id}.", f"Equipment line {equipment_id} not found."
        )
    return EquipmentData(
        kind=EquipmentKind(e.kind),
        inventory_date=e.inventory_date,
        required=e.required,
        available=e.available,
        working=e.working,
        description=e.description,
        unit_id=e.unit_id,
        condition_notes=e.condition_notes,
        expiry_date=e.expiry_date,
    )


def delete_equipment(session: Session, equipment_id: int) -> EquipmentData:
    """Delete a line and return its data, so the caller can offer to undo."""
    data = load_equipment(session, equipment_id)
    session.delete(session.get_one(Equipment, equipment_id))  # through the ORM: audited and lock-checked
    session.flush()
    return data


def _rows_query():  # type: ignore[no-untyped-def]
    return select(Equipment, Unit.name, shortage_clause().label("shortage")).outerjoin(
        Unit, Equipment.unit_id == Unit.id
    )


def _row(e: Equipment, unit_name: str | None, short: int) -> EquipmentRow:
    kind = EquipmentKind(e.kind)
    return EquipmentRow(
        id=e.id,
        kind=kind,
        kind_label=kind.label(),
        description=e.description,
        unit_id=e.unit_id,
        unit_name=unit_name or "",
        required=e.required,
        available=e.available,
        working=e.working,
        broken=e.available - e.working,
        shortage=short,
        condition_notes=e.condition_notes,
        inventory_date=e.inventory_date,
        expiry_date=e.expiry_date,
    )


def _order_key(row: EquipmentRow):  # type: ignore[no-untyped-def]
    return (_KIND_ORDER[row.kind], vietnamese_sort_key(row.description), vietnamese_sort_key(row.unit_name), row.id)


def list_equipment(
    session: Session,
    *,
    kind: EquipmentKind | None = None,
    unit_id: int | None = None,
    shortage_only: bool = False,
    search: str = "",
) -> list[EquipmentRow]:
    """Checklist lines in EquipmentKind order, then by description (Vietnamese order).

    ``search`` matches every word against the kind's label, the description and the condition
    notes, ignoring case and diacritics ("may scan" finds "Máy scan").
    """
    q = _rows_query()
    if kind is not None:
        q = q.where(Equipment.kind == str(kind))
    if unit_id is not None:
        q = q.where(Equipment.unit_id == unit_id)
    if shortage_only:
        q = q.where(shortage_clause() > 0)
    rows = [_row(e, name, short) for e, name, short in session.execute(q)]
    if search.strip():
        rows = [r for r in rows if matches(search, f"{r.kind_label} {r.description} {r.condition_notes}")]
    return sorted(rows, key=_order_key)


def get_equipment(session: Session, equipment_id: int) -> EquipmentRow | None:
    """One checklist line by id."""
    found = session.execute(_rows_query().where(Equipment.id == equipment_id)).first()
    return _row(*found) if found else None


def find_equipment(session: Session, kind: EquipmentKind, description: str, unit_id: int | None) -> int | None:
    """The line of the same kind, description (ignoring case/diacritics/spaces) and unit, if any.

    The importer uses it to update a line on re-import instead of adding a duplicate.
    """
    q = select(Equipment.id, Equipment.description).where(Equipment.kind == str(kind))
    q = q.where(Equipment.unit_id.is_(None) if unit_id is None else Equipment.unit_id == unit_id)
    key = fold(description)
    for line_id, desc in session.execute(q.order_by(Equipment.id)):
        if fold(desc) == key:
            return line_id
    return None


def expiring_signatures(session: Session, on: date, within_days: int = 60) -> list[EquipmentRow]:
    """Digital-signature lines whose certificate expires by ``on + within_days`` (already expired included).

    Ordered by expiry date, soonest (or longest expired) first.
    """
    limit = on + timedelta(days=within_days)
    q = (
        _rows_query()
        .where(Equipment.kind == str(EquipmentKind.SIGNATURE))
        .where(Equipment.expiry_date.is_not(None))
        .where(Equipment.expiry_date <= limit)
        .order_by(Equipment.expiry_date, Equipment.id)
    )
    return [_row(e, name, short) for e, name, short in session.execute(q)]

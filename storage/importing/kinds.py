"""Importers for the record kinds kept a few hundred lines at most: staff, equipment,
proposals, the procedure catalog and the holiday calendar.

Each row goes through the record's own ``validate_*`` and ``save_*`` functions, so an
imported record obeys exactly the rules of the entry form. Rows are matched to stored
records by the record's natural key (``find_*``); columns missing from the file keep the
stored values, empty cells in a present column clear them (to the form's default).
"""

from __future__ import annotations

import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable
from dataclasses import MISSING, fields, replace
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.calendar import CalendarDay, DayKind
from storage.calendar_store import MAX_YEAR, MIN_YEAR, ensure_years, save_days, validate_day
from storage.catalog import ProcedureData, get_procedure, list_fields, save_procedure, validate_procedure
from storage.deadlines import TimeUnit
from storage.equipment import EquipmentData, find_equipment, load_equipment, save_equipment, validate_equipment
from storage.errors import Problem, ValidationError
from storage.importing.columns import (
    EQUIPMENT_COLUMNS,
    HOLIDAY_COLUMNS,
    PROCEDURE_COLUMNS,
    PROPOSAL_COLUMNS,
    STAFF_COLUMNS,
    Column,
    header_key,
)
from storage.models import CalendarEntry, Procedure
from storage.proposals import ProposalData, find_proposal, load_proposal, save_proposal, validate_proposal
from storage.staff import StaffData, find_staff, load_staff, save_staff, validate_staff
from storage.textsearch import fold
from storage.units import find_unit, list_units


class FieldError(Exception):
    """A cell that parsed but names something unknown (a unit, a procedure, a field...)."""

    def __init__(self, key: str, vi: str, en: str) -> None:
        super().__init__(vi)
        self.key, self.vi, self.en = key, vi, en


class KindImporter(ABC):
    """One kind of file: checks rows block by block, then stores all of them or none.

    With ``write=False`` (preview) nothing is written. With ``write=True`` rows may be written
    as they pass, inside the caller's savepoint, until ``failed`` is set; the caller rolls the
    savepoint back when any row had a problem.
    """

    kind: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]
    #: Problem.field names of the validators that differ from the column keys.
    field_columns: ClassVar[dict[str, str]] = {}

    def __init__(
        self, session: Session, *, today: date, user_id: int | None, present: frozenset[str], write: bool
    ) -> None:
        self.session, self.today, self.user_id, self.present, self.write = session, today, user_id, present, write
        self.failed = False  # set by the caller as soon as any row has a problem
        self.created = self.updated = self.unchanged = 0
        self._headers = {c.key: c.header for c in self.columns}

    def header(self, field: str) -> str:
        """The column header a validator's field name refers to ("" when no column matches)."""
        key = self.field_columns.get(field, field)
        return self._headers.get(key, "")

    def problem(self, field: str, vi: str, en: str, row: int) -> Problem:
        return Problem(self.header(field), vi, en, row)

    def relabel(self, problems: list[Problem], row: int) -> list[Problem]:
        """Validator problems with the file's row number and column headers."""
        return [Problem(self.header(p.field), p.vi, p.en, row) for p in problems]

    @abstractmethod
    def check_block(self, rows: list[tuple[int, dict[str, Any]]]) -> list[Problem]:
        """Check parsed rows (values of the present columns, None for empty cells)."""
        ...

    def finish(self) -> list[Problem]:
        """After the last row: write what is pending (when writing and nothing failed)."""
        return []

    def close(self) -> None:  # noqa: B027 - an optional hook, empty by default
        """Always called at the end, even after an error (undo temporary connection settings)."""


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(unicodedata.normalize("NFC", value).split())
    return value


def same_data(a: Any, b: Any) -> bool:
    """Two records equal field by field, ignoring differences in spaces only."""
    return all(_norm(getattr(a, f.name)) == _norm(getattr(b, f.name)) for f in fields(a))


class RecordImporter(KindImporter):
    """A kind stored record by record through its own save function."""

    data_class: ClassVar[type]
    #: Column key -> dataclass field when they differ (look-ups such as unit -> unit_id).
    renames: ClassVar[dict[str, str]] = {}
    #: Value of an empty cell when the dataclass has no default for the field.
    empty_values: ClassVar[dict[str, Any]] = {}
    #: Column whose cell is blamed for a duplicate key.
    key_column: ClassVar[str]

    def __init__(self, session: Session, **kw: Any) -> None:
        super().__init__(session, **kw)
        self._seen: dict[Hashable, int] = {}
        self._pending: list[tuple[int, Any, int | None]] = []
        self._defaults = {
            f.name: (f.default if f.default is not MISSING else self.empty_values.get(f.name))
            for f in fields(self.data_class)
        }

    # --- per kind ---------------------------------------------------------------------
    def lookup(self, key: str, value: Any) -> Any:
        """Turn a cell of a look-up column into the stored id (raise FieldError when unknown)."""
        return value

    @abstractmethod
    def key(self, f: dict[str, Any]) -> Hashable: ...

    def duplicate_message(self, first_row: int) -> tuple[str, str]:
        return (
            f"Trùng với dòng {first_row} (cùng một bản ghi xuất hiện hai lần trong tệp).",
            f"Same record as row {first_row} (it appears twice in the file).",
        )

    @abstractmethod
    def find(self, key: Hashable, f: dict[str, Any]) -> int | None: ...

    @abstractmethod
    def load(self, record_id: int) -> Any: ...

    @abstractmethod
    def validate(self, data: Any, record_id: int | None) -> list[Problem]: ...

    @abstractmethod
    def save(self, data: Any, record_id: int | None) -> None: ...

    # --- shared -----------------------------------------------------------------------
    def to_fields(self, values: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in values.items():
            name = self.renames.get(key, key)
            if value is None:
                out[name] = self._defaults.get(name)
            else:
                out[name] = self.lookup(key, value)
        return out

    def check_block(self, rows: list[tuple[int, dict[str, Any]]]) -> list[Problem]:
        problems: list[Problem] = []
        for row, values in rows:
            problems.extend(self.add(row, values))
        return problems

    def add(self, row: int, values: dict[str, Any]) -> list[Problem]:
        try:
            f = self.to_fields(values)
        except FieldError as e:
            return [self.problem(e.key, e.vi, e.en, row)]
        key = self.key(f)
        first = self._seen.get(key)
        if first is not None:
            vi, en = self.duplicate_message(first)
            return [Problem(self._headers[self.key_column], vi, en, row)]
        self._seen[key] = row
        record_id = self.find(key, f)
        current = self.load(record_id) if record_id is not None else None
        data = replace(current, **f) if current is not None else self.data_class(**{**self._defaults, **f})
        problems = self.validate(data, record_id)
        if problems:
            return self.relabel(problems, row)
        if current is not None and same_data(current, data):
            self.unchanged += 1
            return []
        if record_id is None:
            self.created += 1
        else:
            self.updated += 1
        self._pending.append((row, data, record_id))
        return []

    def finish(self) -> list[Problem]:
        if not self.write or self.failed:
            return []
        for row, data, record_id in self._pending:
            try:
                self.save(data, record_id)
            except ValidationError as e:  # a rule between two rows of the same file
                return self.relabel(e.problems, row)
        return []


def _unit_lookup(session: Session, cache: dict[str, int]) -> Callable[[str, str], int]:
    def find(key: str, text: str) -> int:
        folded = fold(text)
        if folded not in cache:
            unit = find_unit(session, text)
            if unit is None:
                names = "; ".join(u.name for u in list_units(session)) or "(chưa có đơn vị nào)"
                raise FieldError(
                    key,
                    f"Đơn vị «{text}» không có trong danh sách đơn vị của xã. Các đơn vị: {names}.",
                    f"Unit «{text}» is not one of the commune's units. Units: {names}.",
                )
            cache[folded] = unit.id
        return cache[folded]

    return find


class StaffImporter(RecordImporter):
    kind = "staff"
    columns = STAFF_COLUMNS
    data_class = StaffData
    renames: ClassVar[dict[str, str]] = {"unit": "unit_id"}
    empty_values: ClassVar[dict[str, Any]] = {"full_name": ""}
    key_column = "full_name"

    def __init__(self, session: Session, **kw: Any) -> None:
        super().__init__(session, **kw)
        self._unit = _unit_lookup(session, {})

    def lookup(self, key: str, value: Any) -> Any:
        return self._unit(key, value) if key == "unit" else value

    def key(self, f: dict[str, Any]) -> Hashable:
        return fold(f["full_name"]), f.get("birth_date")

    def duplicate_message(self, first_row: int) -> tuple[str, str]:
        return (
            f"Người này (cùng họ tên và ngày sinh) đã có ở dòng {first_row}.",
            f"The same person (name and birth date) is already on row {first_row}.",
        )

    def find(self, key: Hashable, f: dict[str, Any]) -> int | None:
        return find_staff(self.session, f["full_name"], f.get("birth_date"))

    def load(self, record_id: int) -> Any:
        return load_staff(self.session, record_id)

    def validate(self, data: Any, record_id: int | None) -> list[Problem]:
        return validate_staff(self.session, data, record_id, today=self.today)

    def save(self, data: Any, record_id: int | None) -> None:
        save_staff(self.session, data, record_id, user_id=self.user_id, today=self.today)


class EquipmentImporter(RecordImporter):
    kind = "equipment"
    columns = EQUIPMENT_COLUMNS
    data_class = EquipmentData
    renames: ClassVar[dict[str, str]] = {"unit": "unit_id"}
    key_column = "kind"

    def __init__(self, session: Session, **kw: Any) -> None:
        super().__init__(session, **kw)
        self._unit = _unit_lookup(session, {})

    def lookup(self, key: str, value: Any) -> Any:
        return self._unit(key, value) if key == "unit" else value

    def key(self, f: dict[str, Any]) -> Hashable:
        return f["kind"], fold(f.get("description") or ""), f.get("unit_id")

    def duplicate_message(self, first_row: int) -> tuple[str, str]:
        return (
            f"Dòng {first_row} đã có thiết bị cùng loại, cùng mô tả và cùng đơn vị; hãy gộp hai dòng.",
            f"Row {first_row} already has this kind, description and unit; merge the two rows.",
        )

    def find(self, key: Hashable, f: dict[str, Any]) -> int | None:
        return find_equipment(self.session, f["kind"], f.get("description") or "", f.get("unit_id"))

    def load(self, record_id: int) -> Any:
        return load_equipment(self.session, record_id)

    def validate(self, data: Any, record_id: int | None) -> list[Problem]:
        return validate_equipment(self.session, data, record_id, today=self.today)

    def save(self, data: Any, record_id: int | None) -> None:
        save_equipment(self.session, data, record_id, user_id=self.user_id, today=self.today)


class ProposalImporter(RecordImporter):
    kind = "proposals"
    columns = PROPOSAL_COLUMNS
    data_class = ProposalData
    key_column = "title"

    def key(self, f: dict[str, Any]) -> Hashable:
        return fold(f["title"]), f["raised_date"]

    def duplicate_message(self, first_row: int) -> tuple[str, str]:
        return (
            f"Kiến nghị cùng tiêu đề và cùng ngày nêu đã có ở dòng {first_row}.",
            f"A proposal with the same title and date is already on row {first_row}.",
        )

    def find(self, key: Hashable, f: dict[str, Any]) -> int | None:
        return find_proposal(self.session, f["title"], f["raised_date"])

    def load(self, record_id: int) -> Any:
        return load_proposal(self.session, record_id)

    def validate(self, data: Any, record_id: int | None) -> list[Problem]:
        return validate_proposal(self.session, data, record_id, today=self.today)

    def save(self, data: Any, record_id: int | None) -> None:
        save_proposal(self.session, data, record_id, user_id=self.user_id, today=self.today)


class ProcedureImporter(RecordImporter):
    kind = "procedures"
    columns = PROCEDURE_COLUMNS
    data_class = ProcedureData
    renames: ClassVar[dict[str, str]] = {"field": "field_id"}
    empty_values: ClassVar[dict[str, Any]] = {"days_direct": 0}
    key_column = "code"
    field_columns: ClassVar[dict[str, str]] = {"field_id": "field"}

    def __init__(self, session: Session, **kw: Any) -> None:
        super().__init__(session, **kw)
        self._fields = list_fields(session)
        self._ids = {c.lower(): i for c, i in session.execute(select(Procedure.code, Procedure.id)).all()}

    def lookup(self, key: str, value: Any) -> Any:
        if key == "time_unit":
            return TimeUnit(str(value.value))
        if key != "field":
            return value
        # Letters and digits only: "Xây dựng - Nhà ở" typed with a hyphen names "Xây dựng – Nhà ở".
        wanted = header_key(value)
        for f in self._fields:
            if wanted in (header_key(f.code), header_key(f.name)):
                return f.id
        names = "; ".join(f.name for f in self._fields)
        raise FieldError(
            key,
            f"Lĩnh vực «{value}» không có trong danh mục. Các lĩnh vực: {names}.",
            f"Field «{value}» is not in the catalog. Fields: {names}.",
        )

    def key(self, f: dict[str, Any]) -> Hashable:
        return f["code"].strip().lower()

    def duplicate_message(self, first_row: int) -> tuple[str, str]:
        return (f"Mã thủ tục trùng với dòng {first_row}.", f"Same procedure code as row {first_row}.")

    def find(self, key: Hashable, f: dict[str, Any]) -> int | None:
        return self._ids.get(str(key))

    def load(self, record_id: int) -> Any:
        p = get_procedure(self.session, record_id)
        assert p is not None
        return ProcedureData(p.code, p.name, p.field_id, p.time_unit, p.days_direct, p.days_online, p.days_postal,
                             p.posting_url, p.active, p.notes)  # fmt: skip

    def validate(self, data: Any, record_id: int | None) -> list[Problem]:
        return validate_procedure(self.session, data, record_id)

    def save(self, data: Any, record_id: int | None) -> None:
        save_procedure(self.session, data, record_id, user_id=self.user_id)


class HolidayImporter(RecordImporter):
    kind = "holidays"
    columns = HOLIDAY_COLUMNS
    data_class = CalendarDay
    empty_values: ClassVar[dict[str, Any]] = {"name": ""}
    key_column = "day"

    def __init__(self, session: Session, **kw: Any) -> None:
        super().__init__(session, **kw)
        self._years: set[int] = set()

    def key(self, f: dict[str, Any]) -> Hashable:
        return f["day"]

    def duplicate_message(self, first_row: int) -> tuple[str, str]:
        return (f"Ngày này đã có ở dòng {first_row}.", f"This date is already on row {first_row}.")

    def find(self, key: Hashable, f: dict[str, Any]) -> int | None:
        day: date = f["day"]
        if day.year not in self._years and MIN_YEAR <= day.year <= MAX_YEAR:
            # The year is pre-filled before comparing, as saving would do (inside the import's savepoint).
            ensure_years(self.session, [day.year])
            self._years.add(day.year)
        found = self.session.scalar(select(func.count()).select_from(CalendarEntry).where(CalendarEntry.day == day))
        return day.toordinal() if found else None

    def load(self, record_id: int) -> Any:
        e = self.session.get(CalendarEntry, date.fromordinal(record_id))
        assert e is not None
        return CalendarDay(e.day, DayKind(e.kind), e.name)

    def validate(self, data: Any, record_id: int | None) -> list[Problem]:
        return validate_day(data)

    def save(self, data: Any, record_id: int | None) -> None:
        save_days(self.session, [data])


IMPORTERS: dict[str, type[KindImporter]] = {
    cls.kind: cls for cls in (StaffImporter, EquipmentImporter, ProposalImporter, ProcedureImporter, HolidayImporter)
}

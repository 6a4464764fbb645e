"""Reading and editing the procedure catalog (fields and procedures)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.catalog_defaults import FIELDS, PROCEDURES
from storage.deadlines import TimeUnit
from storage.errors import NotFoundError, Problem, UserError, ValidationError
from storage.models import Dossier, Field, Procedure
from storage.textsearch import fold
from storage.vocab import Channel


@dataclass(frozen=True)
class FieldRow:
    """A field of procedures (one row of the results form)."""

    id: int
    code: str
    name: str
    sort_order: int
    active: bool


@dataclass(frozen=True)
class ProcedureRow:
    """A procedure with its field and legal durations."""

    id: int
    code: str
    name: str
    field_id: int
    field_name: str
    time_unit: TimeUnit
    days_direct: int
    days_online: int | None
    days_postal: int | None
    posting_url: str
    active: bool
    notes: str

    def days_for(self, channel: Channel) -> int:
        """Legal duration for a channel, falling back to the direct one."""
        if channel == Channel.ONLINE and self.days_online is not None:
            return self.days_online
        if channel == Channel.POSTAL and self.days_postal is not None:
            return self.days_postal
        return self.days_direct


@dataclass(frozen=True)
class ProcedureData:
    """What a user enters for a procedure."""

    code: str
    name: str
    field_id: int
    time_unit: TimeUnit
    days_direct: int
    days_online: int | None = None
    days_postal: int | None = None
    posting_url: str = ""
    active: bool = True
    notes: str = ""


def seed_catalog(session: Session) -> None:
    """Insert the shipped fields and procedures that are not there yet (by code)."""
    have_fields = {c: i for c, i in session.execute(select(Field.code, Field.id)).all()}
    for order, (code, name) in enumerate(FIELDS, start=1):
        if code not in have_fields:
            f = Field(code=code, name=name, sort_order=order)
            session.add(f)
            session.flush()
            have_fields[code] = f.id
    have_procs = set(session.scalars(select(Procedure.code)))
    for p in PROCEDURES:
        if p.code not in have_procs:
            session.add(
                Procedure(
                    code=p.code,
                    name=p.name,
                    search_name=fold(p.name),
                    field_id=have_fields[p.field_code],
                    time_unit=p.time_unit,
                    days_direct=p.days,
                    notes=p.notes,
                )
            )
    session.flush()


def list_fields(session: Session, *, active_only: bool = False) -> list[FieldRow]:
    """Fields in form order."""
    q = select(Field).order_by(Field.sort_order, Field.id)
    if active_only:
        q = q.where(Field.active.is_(True))
    return [FieldRow(f.id, f.code, f.name, f.sort_order, f.active) for f in session.scalars(q)]


def _proc_row(p: Procedure, field_name: str) -> ProcedureRow:
    return ProcedureRow(
        p.id,
        p.code,
        p.name,
        p.field_id,
        field_name,
        TimeUnit(p.time_unit),
        p.days_direct,
        p.days_online,
        p.days_postal,
        p.posting_url,
        p.active,
        p.notes,
    )


def list_procedures(session: Session, *, active_only: bool = False) -> list[ProcedureRow]:
    """Procedures ordered by field then name."""
    q = select(Procedure, Field.name).join(Field).order_by(Field.sort_order, Procedure.name)
    if active_only:
        q = q.where(Procedure.active.is_(True))
    return [_proc_row(p, fname) for p, fname in session.execute(q).all()]


def get_procedure(session: Session, procedure_id: int) -> ProcedureRow | None:
    """One procedure by id."""
    row = session.execute(select(Procedure, Field.name).join(Field).where(Procedure.id == procedure_id)).first()
    return _proc_row(*row) if row else None


def find_procedure(session: Session, text: str) -> ProcedureRow | None:
    """A procedure by its code or its name, ignoring case and diacritics (for imports)."""
    text = text.strip()
    if not text:
        return None
    row = session.execute(
        select(Procedure, Field.name).join(Field).where(func.lower(Procedure.code) == text.lower())
    ).first()
    if row is None:
        row = session.execute(
            select(Procedure, Field.name).join(Field).where(Procedure.search_name == fold(text))
        ).first()
    return _proc_row(*row) if row else None


def find_field(session: Session, text: str) -> FieldRow | None:
    """A field by code or name, ignoring case and diacritics."""
    key = fold(text)
    for f in list_fields(session):
        if key in (fold(f.code), fold(f.name)):
            return f
    return None


def validate_procedure(session: Session, data: ProcedureData, procedure_id: int | None = None) -> list[Problem]:
    """Rules for a procedure: unique code, known field, sensible durations."""
    problems: list[Problem] = []
    if not data.code.strip():
        problems.append(Problem("code", "Chưa nhập mã thủ tục.", "The procedure code is empty."))
    if not data.name.strip():
        problems.append(Problem("name", "Chưa nhập tên thủ tục.", "The procedure name is empty."))
    if session.get(Field, data.field_id) is None:
        problems.append(Problem("field", "Lĩnh vực không có trong danh mục.", "Unknown field."))
    for name, days in (
        ("days_direct", data.days_direct),
        ("days_online", data.days_online),
        ("days_postal", data.days_postal),
    ):
        if days is not None and not 0 <= days <= 365:
            problems.append(
                Problem(name, "Thời hạn giải quyết phải từ 0 đến 365 ngày.", "Processing time must be 0..365 days.")
            )
    if data.time_unit != TimeUnit.SAME_DAY and data.days_direct == 0:
        problems.append(
            Problem(
                "days_direct",
                "Thủ tục tính theo ngày phải có thời hạn lớn hơn 0.",
                "A procedure counted in days needs a duration above 0.",
            )
        )
    dup = session.scalar(select(Procedure.id).where(func.lower(Procedure.code) == data.code.strip().lower()))
    if dup is not None and dup != procedure_id:
        problems.append(
            Problem(
                "code", f"Mã thủ tục {data.code} đã có trong danh mục.", f"Procedure code {data.code} already exists."
            )
        )
    return problems


def save_procedure(
    session: Session, data: ProcedureData, procedure_id: int | None = None, user_id: int | None = None
) -> int:
    """Create or update a procedure; raises ValidationError and stores nothing when invalid."""
    problems = validate_procedure(session, data, procedure_id)
    if problems:
        raise ValidationError(problems)
    p = session.get(Procedure, procedure_id) if procedure_id else None
    if p is None:
        p = Procedure(created_by_id=user_id)
        session.add(p)
    p.code, p.name, p.search_name = data.code.strip(), data.name.strip(), fold(data.name)
    p.field_id, p.time_unit = data.field_id, str(data.time_unit)
    p.days_direct, p.days_online, p.days_postal = data.days_direct, data.days_online, data.days_postal
    p.posting_url, p.active, p.notes, p.updated_by_id = data.posting_url, data.active, data.notes, user_id
    session.flush()
    return p.id


def load_procedure(session: Session, procedure_id: int) -> ProcedureData:
    """The stored procedure as editable data."""
    p = get_procedure(session, procedure_id)
    if p is None:
        raise NotFoundError(f"Không tìm thấy thủ tục số {procedure_id}.", f"Procedure {procedure_id} not found.")
    return ProcedureData(p.code, p.name, p.field_id, p.time_unit, p.days_direct, p.days_online, p.days_postal,
                         p.posting_url, p.active, p.notes)  # fmt: skip


def delete_procedure(session: Session, procedure_id: int) -> ProcedureData:
    """Delete a procedure no dossier uses (e.g. one added by mistake) and return it for undo.

    A procedure with dossiers is refused: the dossiers and the reports built on them need it,
    so the user is told to mark it "no longer used" instead.
    """
    data = load_procedure(session, procedure_id)
    n = session.scalar(select(func.count()).select_from(Dossier).where(Dossier.procedure_id == procedure_id)) or 0
    if n:
        raise UserError(
            f"Không thể xóa thủ tục \u201c{data.name}\u201d: đã có {n} hồ sơ thuộc thủ tục này. "
            "Hãy chọn \u201cNgừng sử dụng\u201d để thủ tục không còn hiện khi nhận hồ sơ mới.",
            f"Cannot delete procedure \u201c{data.name}\u201d: {n} dossier(s) belong to it. "
            "Mark it \u201cno longer used\u201d so it is not offered for new dossiers.",
        )
    session.delete(session.get(Procedure, procedure_id))
    session.flush()
    return data

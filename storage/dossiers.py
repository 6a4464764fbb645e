"""Dossier records: validation, due dates, codes, saving and listing.

Due dates are computed here from the procedure's legal duration and stored (so period
aggregates stay one SQL query); status is derived on demand by storage.status.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.catalog import ProcedureRow, get_procedure
from storage.deadlines import Pause, due_date
from storage.errors import NotFoundError, Problem, ValidationError
from storage.models import CommuneProfile, Dossier, Staff, SupplementRequest
from storage.rules_context import RuleContext, load_context
from storage.status import DossierDates
from storage.textsearch import fold
from storage.vocab import Channel, Outcome

CODE_PATTERN = re.compile(r"^(?P<unit>[^\s]+)-(?P<day>\d{6})-(?P<seq>\d{4})$")


@dataclass(frozen=True)
class SupplementData:
    """A supplement request as entered."""

    requested: date
    completed: date | None = None
    reason: str = ""


@dataclass(frozen=True)
class DossierData:
    """What a clerk enters for a dossier; ``code`` empty means "generate the provincial code"."""

    procedure_id: int
    applicant_name: str
    received_at: datetime
    channel: Channel = Channel.DIRECT
    code: str = ""
    applicant_address: str = ""
    applicant_phone: str = ""
    due_date_override: date | None = None
    due_override_reason: str = ""
    finished_date: date | None = None
    outcome: Outcome | None = None
    returned_date: date | None = None
    apology_date: date | None = None
    apology_new_date: date | None = None
    handler_id: int | None = None
    notes: str = ""
    supplements: tuple[SupplementData, ...] = field(default_factory=tuple)


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def validate_dossier(
    session: Session,
    data: DossierData,
    dossier_id: int | None = None,
    *,
    today: date | None = None,
    procedure: ProcedureRow | None = None,
    check_code: bool = True,
) -> list[Problem]:
    """Every rule a dossier must satisfy, with Vietnamese messages naming the field."""
    today = today or date.today()
    p: list[Problem] = []
    received = data.received_at.date()
    if not data.applicant_name.strip():
        p.append(Problem("applicant_name", "Chưa nhập tên người nộp hồ sơ.", "The applicant's name is empty."))
    if procedure is None:
        procedure = get_procedure(session, data.procedure_id)
    if procedure is None:
        p.append(Problem("procedure", "Thủ tục hành chính không có trong danh mục.", "Unknown procedure."))
    if received.year < 2000:
        p.append(
            Problem("received_at", "Ngày tiếp nhận không hợp lệ (trước năm 2000).", "The received date is before 2000.")
        )
    if received > today:
        p.append(
            Problem(
                "received_at",
                f"Ngày tiếp nhận {_d(received)} ở tương lai.",
                f"The received date {_d(received)} is in the future.",
            )
        )
    code = data.code.strip()
    if code and (len(code) > 60 or any(ch.isspace() for ch in code)):
        p.append(
            Problem(
                "code",
                "Mã hồ sơ không được chứa khoảng trắng và dài tối đa 60 ký tự.",
                "The dossier code may not contain spaces and is at most 60 characters.",
            )
        )
    elif code and check_code:
        dup = session.scalar(select(Dossier.id).where(Dossier.code == code))
        if dup is not None and dup != dossier_id:
            p.append(Problem("code", f"Mã hồ sơ {code} đã tồn tại.", f"Dossier code {code} already exists."))
    _validate_finish(data, received, today, p)
    _validate_supplements(data, received, p)
    if data.due_date_override is not None:
        if data.due_date_override < received:
            p.append(
                Problem(
                    "due_date_override",
                    "Hạn giải quyết điều chỉnh trước ngày tiếp nhận.",
                    "The overridden due date is before the received date.",
                )
            )
        if not data.due_override_reason.strip():
            p.append(
                Problem(
                    "due_override_reason",
                    "Điều chỉnh hạn giải quyết phải ghi rõ lý do.",
                    "Overriding the due date needs a reason.",
                )
            )
    if data.apology_new_date is not None and data.apology_date is None:
        p.append(
            Problem(
                "apology_date",
                "Có ngày hẹn mới nhưng chưa nhập ngày văn bản xin lỗi.",
                "A new return date needs the apology letter's date.",
            )
        )
    if data.apology_date is not None:
        if data.apology_date < received:
            p.append(
                Problem(
                    "apology_date",
                    "Ngày văn bản xin lỗi trước ngày tiếp nhận.",
                    "The apology letter is dated before the received date.",
                )
            )
        if data.apology_new_date is not None and data.apology_new_date < data.apology_date:
            p.append(
                Problem(
                    "apology_new_date",
                    "Ngày hẹn trả mới trước ngày văn bản xin lỗi.",
                    "The new return date is before the apology letter.",
                )
            )
    if data.handler_id is not None and session.get(Staff, data.handler_id) is None:
        p.append(Problem("handler", "Người xử lý không có trong danh sách nhân sự.", "Unknown handler."))
    return p


def _validate_finish(data: DossierData, received: date, today: date, p: list[Problem]) -> None:
    fin = data.finished_date
    if data.outcome is not None and fin is None:
        p.append(
            Problem(
                "finished_date",
                f"Kết quả \u201c{data.outcome.label()}\u201d cần có ngày kết thúc xử lý.",
                f"Outcome \u201c{data.outcome.label('en')}\u201d needs a finish date.",
            )
        )
    if fin is not None:
        if fin < received:
            p.append(
                Problem(
                    "finished_date",
                    f"Ngày giải quyết {_d(fin)} trước ngày tiếp nhận {_d(received)}.",
                    f"The resolved date {_d(fin)} is before the received date {_d(received)}.",
                )
            )
        if fin > today:
            p.append(
                Problem(
                    "finished_date",
                    f"Ngày giải quyết {_d(fin)} ở tương lai.",
                    f"The resolved date {_d(fin)} is in the future.",
                )
            )
    if data.returned_date is not None:
        if fin is None:
            p.append(
                Problem(
                    "returned_date",
                    "Có ngày trả kết quả nhưng hồ sơ chưa giải quyết xong.",
                    "A return date needs the dossier to be resolved first.",
                )
            )
        elif data.returned_date < fin:
            p.append(
                Problem(
                    "returned_date",
                    "Ngày trả kết quả trước ngày giải quyết.",
                    "The return date is before the resolved date.",
                )
            )
        if data.returned_date > today:
            p.append(Problem("returned_date", "Ngày trả kết quả ở tương lai.", "The return date is in the future."))


def _validate_supplements(data: DossierData, received: date, p: list[Problem]) -> None:
    open_count = 0
    for i, s in enumerate(sorted(data.supplements, key=lambda s: s.requested), start=1):
        if s.requested < received:
            p.append(
                Problem(
                    "supplements",
                    f"Yêu cầu bổ sung lần {i} trước ngày tiếp nhận.",
                    f"Supplement request {i} is before the received date.",
                )
            )
        if s.completed is None:
            open_count += 1
        elif s.completed < s.requested:
            p.append(
                Problem(
                    "supplements",
                    f"Lần bổ sung {i}: ngày bổ sung xong trước ngày yêu cầu.",
                    f"Supplement {i}: completed before it was requested.",
                )
            )
        elif data.finished_date is not None and s.completed > data.finished_date:
            p.append(
                Problem(
                    "supplements",
                    f"Lần bổ sung {i}: ngày bổ sung xong sau ngày giải quyết.",
                    f"Supplement {i}: completed after the dossier was resolved.",
                )
            )
    if open_count > 1:
        p.append(
            Problem(
                "supplements",
                "Chỉ có thể có một yêu cầu bổ sung đang chờ.",
                "Only one supplement request can be open at a time.",
            )
        )
    if open_count and data.outcome == Outcome.RESOLVED:
        p.append(
            Problem(
                "supplements",
                "Hồ sơ đang chờ bổ sung không thể ghi là đã giải quyết.",
                "A dossier waiting for a supplement cannot be resolved.",
            )
        )


def compute_due(data: DossierData, procedure: ProcedureRow, ctx: RuleContext) -> date:
    """The legal due date, moved by completed supplement waits (open ones stop the clock)."""
    pauses = [Pause(s.requested, s.completed) for s in data.supplements if s.completed is not None]
    return due_date(
        data.received_at,
        procedure.time_unit,
        procedure.days_for(data.channel),
        ctx.calendar,
        ctx.deadline_rules,
        pauses,
    )


def unit_identifier(session: Session) -> str:
    """The receiving unit's identifier used as the dossier-code prefix."""
    profile = session.scalar(select(CommuneProfile))
    if profile is None:
        return "XA"
    return profile.dossier_unit_id or profile.code


def next_code(session: Session, received: date, unit_id: str | None = None) -> str:
    """Next code of the provincial form <unit>-<yyMMdd>-<NNNN>; the sequence restarts daily."""
    unit_id = unit_id or unit_identifier(session)
    prefix = f"{unit_id}-{received:%y%m%d}-"
    last = session.scalar(
        select(func.max(Dossier.code)).where(Dossier.code.like(prefix.replace("_", r"\_") + "%", escape="\\"))
    )
    seq = 1
    if last:
        m = CODE_PATTERN.match(last)
        if m:
            seq = int(m.group("seq")) + 1
    return f"{prefix}{seq:04d}"


def save_dossier(
    session: Session,
    data: DossierData,
    dossier_id: int | None = None,
    *,
    user_id: int | None = None,
    ctx: RuleContext | None = None,
    today: date | None = None,
    procedure: ProcedureRow | None = None,
) -> int:
    """Create or update a dossier after validation; nothing is stored when a rule is broken.

    ``procedure`` may be passed by bulk callers that already hold the catalog row.
    """
    if procedure is None or procedure.id != data.procedure_id:
        procedure = get_procedure(session, data.procedure_id)
    problems = validate_dossier(session, data, dossier_id, today=today, procedure=procedure)
    if problems:
        raise ValidationError(problems)
    assert procedure is not None
    ctx = ctx or load_context(session, data.received_at.year)
    d = session.get(Dossier, dossier_id) if dossier_id else None
    if dossier_id and d is None:
        raise NotFoundError(f"Không tìm thấy hồ sơ số {dossier_id}.", f"Dossier {dossier_id} not found.")
    code = data.code.strip() or (d.code if d is not None else next_code(session, data.received_at.date()))
    if d is None:
        d = Dossier(created_by_id=user_id)
        session.add(d)
    d.code = code
    _apply(d, data, compute_due(data, procedure, ctx), user_id)
    session.flush()
    return d.id


def _apply(d: Dossier, data: DossierData, due: date, user_id: int | None) -> None:
    d.procedure_id = data.procedure_id
    d.applicant_name = data.applicant_name.strip()
    d.search_text = fold(f"{d.code} {d.applicant_name}")
    d.applicant_address, d.applicant_phone = data.applicant_address.strip(), data.applicant_phone.strip()
    d.received_at, d.channel = data.received_at.replace(second=0, microsecond=0), int(data.channel)
    d.due_date_computed = due
    if d.due_date_override != data.due_date_override:
        d.due_override_by_id = user_id if data.due_date_override else None
    d.due_date_override, d.due_override_reason = data.due_date_override, data.due_override_reason.strip()
    outcome = data.outcome if data.outcome is not None or data.finished_date is None else Outcome.RESOLVED
    d.finished_date, d.outcome = data.finished_date, int(outcome) if outcome is not None else None
    d.returned_date, d.apology_date, d.apology_new_date = data.returned_date, data.apology_date, data.apology_new_date
    d.handler_id, d.notes, d.updated_by_id = data.handler_id, data.notes, user_id
    wanted = sorted(data.supplements, key=lambda s: s.requested)
    if [(r.requested_date, r.completed_date, r.reason) for r in d.supplements] == [
        (s.requested, s.completed, s.reason) for s in wanted
    ]:
        return  # unchanged rows stay: replacing them would touch their (maybe locked) period and the audit log
    d.supplements = [
        SupplementRequest(
            requested_date=s.requested, completed_date=s.completed, reason=s.reason, created_by_id=user_id
        )
        for s in wanted
    ]


def delete_dossier(session: Session, dossier_id: int) -> DossierData:
    """Delete a dossier and return its data, so the caller can offer to undo."""
    data = load_dossier(session, dossier_id)
    session.delete(session.get_one(Dossier, dossier_id))  # through the ORM: audited and lock-checked
    session.flush()
    return data


def load_dossier(session: Session, dossier_id: int) -> DossierData:
    """The stored dossier as editable data."""
    d = session.get(Dossier, dossier_id)
    if d is None:
        raise NotFoundError(f"Không tìm thấy hồ sơ số {dossier_id}.", f"Dossier {dossier_id} not found.")
    return DossierData(
        procedure_id=d.procedure_id,
        applicant_name=d.applicant_name,
        received_at=d.received_at,
        channel=Channel(d.channel),
        code=d.code,
        applicant_address=d.applicant_address,
        applicant_phone=d.applicant_phone,
        due_date_override=d.due_date_override,
        due_override_reason=d.due_override_reason,
        finished_date=d.finished_date,
        outcome=Outcome(d.outcome) if d.outcome is not None else None,
        returned_date=d.returned_date,
        apology_date=d.apology_date,
        apology_new_date=d.apology_new_date,
        handler_id=d.handler_id,
        notes=d.notes,
        supplements=tuple(SupplementData(s.requested_date, s.completed_date, s.reason) for s in d.supplements),
    )


def dossier_dates(d: Dossier) -> DossierDates:
    """The status-relevant facts of a stored dossier."""
    return DossierDates(
        received=d.received_at.date(),
        due=d.due_date_override or d.due_date_computed,
        finished=d.finished_date,
        outcome=Outcome(d.outcome) if d.outcome is not None else None,
        returned=d.returned_date,
        supplements=tuple((s.requested_date, s.completed_date) for s in d.supplements),
    )


def recompute_due_dates(session: Session, since: date | None = None, ctx: RuleContext | None = None) -> int:
    """Recompute stored due dates after the calendar or rules changed; returns how many changed."""
    from storage.catalog import list_procedures

    procs = {p.id: p for p in list_procedures(session)}
    q = select(Dossier)
    if since is not None:
        q = q.where(Dossier.received_at >= datetime.combine(since, datetime.min.time()))
    changed = 0
    first = session.scalar(select(func.min(Dossier.received_at)))
    last = session.scalar(select(func.max(Dossier.received_at)))
    if first is None or last is None:
        return 0
    ctx = ctx or load_context(session, first.year, last.year)
    for d in session.scalars(q):
        data = load_dossier(session, d.id)
        due = compute_due(data, procs[d.procedure_id], ctx)
        if due != d.due_date_computed:
            d.due_date_computed = due
            changed += 1
    session.flush()
    return changed


def pauses_of(data: DossierData) -> Sequence[Pause]:
    """Supplement requests as deadline pauses."""
    return [Pause(s.requested, s.completed) for s in data.supplements]

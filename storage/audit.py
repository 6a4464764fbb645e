"""The audit trail: every create, update and delete, with who, when, old and new values, hash-chained.

Recorded by SQLAlchemy session events, so no storage function can forget it: ``before_flush``
checks the acting user's role and the period locks (storage.locks) and captures old values;
``after_flush`` appends the entries (ids of new rows are known by then). Each entry's hash covers
the previous entry's hash and its own content; ``verify_chain`` finds the first entry that does
not match. Bulk writes that bypass the ORM (the fast dossier import) call ``record`` themselves.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.actor import Level, current_actor, require
from storage.errors import UserError
from storage.models import AuditLog, Base, InstallKey

GENESIS = "0" * 64
_SKIP_TABLES = {"audit_log", "install_key", "alembic_version"}
_HIDDEN = {"password_hash": "(đã đổi)", "archive": "(tệp)", "payload": "(dữ liệu tệp)", "private_key": "(khóa)"}
_SKIP_COLUMNS = {"search_text", "search_name", "search_name_folded", "created_at", "updated_at"}
_PENDING = "_audit_pending"
_AT = "_audit_at"  # one timestamp per flush: a dossier and its supplement requests share it
_CREATE_AS = "_audit_create_as"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"({len(value)} bytes)"
    return value


def _values(obj: Base, *, committed: bool = False) -> dict[str, Any]:
    state = inspect(obj)
    out: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIP_COLUMNS:
            continue
        if committed:
            hist = state.attrs[key].history
            value = hist.deleted[0] if hist.deleted else (hist.unchanged[0] if hist.unchanged else None)
        else:
            value = state.attrs[key].value
        out[key] = _HIDDEN.get(key, _plain(value)) if key in _HIDDEN and value else _plain(value)
    return out


def _changes(obj: Base) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIP_COLUMNS:
            continue
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        before = hist.deleted[0] if hist.deleted else None
        after = hist.added[0] if hist.added else None
        if before == after:
            continue
        if key in _HIDDEN:
            old[key], new[key] = "", _HIDDEN[key]
        else:
            old[key], new[key] = _plain(before), _plain(after)
    return old, new


def _record_id(obj: Base) -> str:
    state = inspect(obj)
    # A row inserted by this flush has no identity key yet in after_flush; its primary key is set already.
    identity = state.identity or state.mapper.primary_key_from_instance(obj)
    return ",".join(str(v) for v in identity) if identity and None not in identity else ""


def _summary(obj: Base) -> str:
    for name in ("full_name", "title", "code", "name", "username", "period_spec", "description", "key"):
        value = getattr(obj, name, None)
        if isinstance(value, str) and value:
            return value[:300]
    return ""


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    """SHA-256 over the previous hash and the entry's content in a canonical JSON form."""
    body = json.dumps({"prev": prev_hash, **fields}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _hashed_fields(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("at", "user_id", "username", "action", "table_name", "record_id", "summary", "old_values", "new_values")
    out = {k: row[k] for k in (*keys, "reason")}
    out["at"] = _plain(out["at"])
    return out


def _append(session: Session, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    conn = session.connection()
    prev = conn.execute(select(AuditLog.hash).order_by(AuditLog.id.desc()).limit(1)).scalar() or GENESIS
    for row in rows:
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(prev, _hashed_fields(row))
    conn.execute(insert(AuditLog.__table__), rows)


def _entry(session: Session, action: str, table: str, record_id: str, summary: str, old: Any, new: Any) -> dict:
    actor = current_actor(session)
    return {
        "at": session.info.get(_AT) or datetime.now().replace(microsecond=0),
        "user_id": actor.user_id if actor else None,
        "username": actor.username if actor else "",
        "action": action,
        "table_name": table,
        "record_id": record_id,
        "summary": summary,
        "old_values": json.dumps(old, ensure_ascii=False, sort_keys=True) if old else "",
        "new_values": json.dumps(new, ensure_ascii=False, sort_keys=True) if new else "",
        "reason": str(session.info.get("reason", "")),
    }


def record(
    session: Session, action: str, table: str, summary: str, *, record_id: str = "", new: dict[str, Any] | None = None
) -> None:
    """An explicit entry for work that bypasses the ORM (bulk imports) or is not a row change (login)."""
    _append(session, [_entry(session, action, table, record_id, summary[:300], None, new)])


def _audited(obj: object) -> bool:
    return isinstance(obj, Base) and obj.__table__.name not in _SKIP_TABLES and not isinstance(obj, InstallKey)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    from storage.locks import check_change

    session.info[_AT] = datetime.now().replace(microsecond=0)
    pending = session.info.setdefault(_PENDING, [])
    for obj in list(session.new):
        if _audited(obj):
            check_change(session, obj, "create")
    for obj in list(session.dirty):
        if _audited(obj) and session.is_modified(obj, include_collections=False):
            check_change(session, obj, "update")
            old, new = _changes(obj)
            if old or new:
                pending.append(_entry(session, "update", obj.__table__.name, _record_id(obj), _summary(obj), old, new))
    for obj in list(session.deleted):
        if _audited(obj):
            check_change(session, obj, "delete")
            pending.append(
                _entry(
                    session,
                    "delete",
                    obj.__table__.name,
                    _record_id(obj),
                    _summary(obj),
                    _values(obj, committed=True),
                    None,
                )
            )


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _ctx: Any) -> None:
    rows = session.info.pop(_PENDING, [])
    action = session.info.get(_CREATE_AS, "create")  # "restore" while restore_deleted flushes
    for obj in session.new:
        if _audited(obj):
            rows.append(_entry(session, action, obj.__table__.name, _record_id(obj), _summary(obj), None, _values(obj)))
    _append(session, rows)
    session.info.pop(_AT, None)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_AT, None)


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    first_broken: int | None  # id of the first entry whose hash or link does not match

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def verify_chain(session: Session) -> ChainCheck:
    """Recompute every entry's hash in order; an edited, inserted or removed entry breaks the chain there."""
    prev = GENESIS
    n = 0
    cols = [AuditLog.id, AuditLog.prev_hash, AuditLog.hash, AuditLog.reason]
    cols += [getattr(AuditLog, k) for k in ("at", "user_id", "username", "action", "table_name", "record_id")]
    cols += [AuditLog.summary, AuditLog.old_values, AuditLog.new_values]
    for row in session.execute(select(*cols).order_by(AuditLog.id)).mappings():
        n += 1
        if row["prev_hash"] != prev or entry_hash(prev, _hashed_fields(dict(row))) != row["hash"]:
            return ChainCheck(n, row["id"])
        prev = row["hash"]
    return ChainCheck(n, None)


# --- reading the trail ---------------------------------------------------------------------------
@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    table_name: str
    record_id: str
    summary: str
    old_values: dict[str, Any]
    new_values: dict[str, Any]
    reason: str


def _loads(text: str) -> dict[str, Any]:
    return json.loads(text) if text else {}


def list_entries(
    session: Session,
    *,
    username: str | None = None,
    since: date | None = None,
    until: date | None = None,
    table: str | None = None,
    record_id: str | None = None,
    action: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[AuditRow]:
    """Entries newest first, filtered by user, dates (inclusive), table, record and action.

    ``username=""`` selects the system's own entries (made without a logged-in user: migrations,
    automatic backups, set-up and demo loading); ``None`` means every user.
    """
    q = select(AuditLog).order_by(AuditLog.id.desc())
    if username is not None:
        q = q.where(AuditLog.username == username)
    if since:
        q = q.where(AuditLog.at >= datetime.combine(since, time.min))
    if until:
        q = q.where(AuditLog.at <= datetime.combine(until, time.max))
    if table:
        q = q.where(AuditLog.table_name == table)
    if record_id:
        q = q.where(AuditLog.record_id == record_id)
    if action:
        q = q.where(AuditLog.action == action)
    return [
        AuditRow(
            e.id,
            e.at,
            e.username,
            e.action,
            e.table_name,
            e.record_id,
            e.summary,
            _loads(e.old_values),
            _loads(e.new_values),
            e.reason,
        )
        for e in session.scalars(q.limit(limit).offset(offset))
    ]


def history(session: Session, table: str, record_id: int | str) -> list[AuditRow]:
    """One record's history, oldest first."""
    return list(reversed(list_entries(session, table=table, record_id=str(record_id), limit=10_000)))


#: Tables whose deleted rows the "recently deleted" view offers to restore, with their Vietnamese names.
RESTORABLE = {
    "dossier": ("Hồ sơ TTHC", "Dossier"),
    "staff": ("Nhân sự", "Staff"),
    "equipment": ("Trang thiết bị", "Equipment"),
    "proposal": ("Kiến nghị", "Proposal"),
    "report_sent": ("Báo cáo đã gửi", "Report sent"),
}


def recently_deleted(session: Session, *, days: int = 90, today: date | None = None) -> list[AuditRow]:
    """Deletions of restorable records in the last ``days`` whose record has not come back since."""
    since = (today or date.today()) - timedelta(days=days)
    out = []
    for e in list_entries(session, action="delete", since=since, limit=5000):
        model = _model(e.table_name) if e.table_name in RESTORABLE else None
        if model is not None and session.get(model, _key(model, e.record_id)) is None:
            out.append(e)
    return out


def _model(table: str) -> type[Base] | None:
    for mapper in Base.registry.mappers:
        if mapper.class_.__table__.name == table:
            return mapper.class_
    return None


def _key(model: type[Base], record_id: str) -> Any:
    """The primary key of ``model`` from the log's text form (an id, or a day for the calendar)."""
    [column] = model.__table__.primary_key.columns
    return _from_plain(column, record_id) if column.type.python_type is not int else int(record_id)


def _from_plain(column: Any, value: Any) -> Any:
    if value is None:
        return None
    python_type = column.type.python_type
    if python_type is datetime:
        return datetime.fromisoformat(value)
    if python_type is date:
        return date.fromisoformat(value)
    return value


def restore_deleted(session: Session, entry_id: int) -> str:
    """Put a deleted record back with its id and values (officer; audited as "restore"); returns its summary.

    A dossier's supplement requests deleted with it come back too.
    """
    require(session, Level.OFFICER, "khôi phục bản ghi đã xóa", "restore deleted records")
    entry = session.get(AuditLog, entry_id)
    if entry is None or entry.action != "delete" or entry.table_name not in RESTORABLE:
        raise UserError("Không có bản ghi đã xóa này để khôi phục.", "No such deleted record to restore.")
    _put_back(session, entry)
    return entry.summary


#: How long the user who deleted a record may undo it alone (Ctrl+Z right after a mistaken Delete).
UNDO_WINDOW = timedelta(hours=1)
#: Tables whose deletions the screens' Ctrl+Z undoes: the registers and the catalogs.
UNDOABLE = {*RESTORABLE, "unit", "procedure", "calendar_day", "province_commune"}


def undo_delete(session: Session, table: str, record_id: int | str, *, now: datetime | None = None) -> str:
    """Ctrl+Z: put back the newest deletion of one record, with the same id and values (audited as "restore").

    Why through the log: re-creating the record would give it a new id, leave the old one listed as
    deleted (a duplicate waiting to be restored) and split its history. The user who deleted it may
    undo it within ``UNDO_WINDOW`` (even a clerk); someone else's or an older deletion needs an officer,
    as restore_deleted does. Role and period-lock checks of the table apply to the re-insert as usual.
    Returns the record's summary.
    """
    if table not in UNDOABLE:
        raise UserError(
            "Không hoàn tác được việc xóa loại bản ghi này.", "Deleting this kind of record cannot be undone."
        )
    entry = session.scalar(
        select(AuditLog)
        .where(AuditLog.action == "delete", AuditLog.table_name == table, AuditLog.record_id == str(record_id))
        .order_by(AuditLog.id.desc())
        .limit(1)
    )
    if entry is None:
        raise UserError("Không tìm thấy lần xóa bản ghi này để hoàn tác.", "No deletion of this record to undo.")
    actor = current_actor(session)
    recent = entry.at >= (now or datetime.now()) - UNDO_WINDOW
    if actor is not None and not (entry.user_id == actor.user_id and recent):
        require(
            session,
            Level.OFFICER,
            "hoàn tác việc xóa của người khác hoặc đã quá một giờ",
            "undo someone else's deletion or one older than an hour",
        )
    _put_back(session, entry)
    return entry.summary


def _put_back(session: Session, entry: AuditLog) -> None:
    """Insert the record of a delete entry again (a dossier with its supplement requests), as a "restore"."""
    model = _model(entry.table_name)
    assert model is not None
    if session.get(model, _key(model, entry.record_id)) is not None:
        restored = select(AuditLog.id).where(
            AuditLog.table_name == entry.table_name,
            AuditLog.record_id == entry.record_id,
            AuditLog.action == "restore",
            AuditLog.id > entry.id,
        )
        if session.scalar(restored.limit(1)) is not None:
            raise UserError("Bản ghi này đã được khôi phục trước đó.", "This record was already restored.")
        # SQLite gives the highest id again once its row is deleted: a record added since may hold it.
        raise UserError(
            "Không khôi phục được: mã số của bản ghi đã xóa nay thuộc một bản ghi khác thêm vào sau đó.",
            "Cannot restore: the deleted record's number now belongs to another record added since.",
        )
    session.info[_CREATE_AS] = "restore"  # the inserts below (and any autoflush between them) are restores
    try:
        _insert_from(session, model, _loads(entry.old_values))
        if entry.table_name == "dossier":
            _restore_supplements(session, entry)
        session.flush()
    except IntegrityError as exc:
        raise UserError(
            "Không khôi phục được: đã có bản ghi khác trùng thông tin (ví dụ cùng mã, cùng tên) với bản ghi đã xóa.",
            "Cannot restore: another record now has the same details (e.g. the same code or name).",
        ) from exc
    finally:
        session.info.pop(_CREATE_AS, None)


def _restore_supplements(session: Session, entry: AuditLog) -> None:
    """The supplement requests deleted together with the dossier of ``entry`` (same flush, same second)."""
    children = _model("supplement_request")
    assert children is not None
    for child in session.scalars(
        select(AuditLog).where(
            AuditLog.action == "delete", AuditLog.table_name == "supplement_request", AuditLog.at == entry.at
        )
    ):
        values = _loads(child.old_values)
        if str(values.get("dossier_id")) == entry.record_id and session.get(children, values["id"]) is None:
            _insert_from(session, children, values)


#: Search columns are not logged (derived); a restored row gets them again as its storage module makes them.
_SEARCH_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "dossier": ("search_text", ("code", "applicant_name")),
    "staff": ("search_name", ("full_name",)),
    "proposal": ("search_text", ("title", "content")),
    "procedure": ("search_name", ("name",)),
}


def _insert_from(session: Session, model: type[Base], values: dict[str, Any]) -> None:
    from storage.textsearch import fold

    columns = {c.key: c for c in model.__table__.columns}
    kwargs = {k: _from_plain(columns[k], v) for k, v in values.items() if k in columns and k not in _HIDDEN}
    search = _SEARCH_COLUMNS.get(model.__table__.name)
    if search is not None:
        column, sources = search
        kwargs[column] = fold(" ".join(str(kwargs.get(k) or "") for k in sources))
    session.add(model(**kwargs))

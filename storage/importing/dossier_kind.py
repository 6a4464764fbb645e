"""Bulk import of dossiers: tens of thousands of rows in seconds, by the rules of the entry form.

Every row is checked with ``storage.dossiers.validate_dossier`` (the procedure is looked up
once for the whole file and passed in; code uniqueness is checked here against one query)
and its due date computed with ``compute_due`` on a rule context loaded once. Rows are then
written with SQLAlchemy Core executemany, 1,000 at a time, inside the import's savepoint:
if a later row turns out to be wrong, the savepoint is rolled back and nothing stays.

``_values`` mirrors ``storage.dossiers._apply`` (how a DossierData becomes table columns);
tests/test_import_dossiers.py checks that a dossier imported here and the same dossier saved
with ``save_dossier`` are stored identically.
"""

from __future__ import annotations

import contextlib
import unicodedata
from dataclasses import replace
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from storage.catalog import ProcedureRow, list_procedures
from storage.dossiers import DossierData, SupplementData, compute_due, validate_dossier
from storage.errors import Problem, UserError
from storage.importing.columns import DOSSIER_COLUMNS, header_key
from storage.importing.kinds import FieldError, KindImporter
from storage.models import Dossier, Staff, SupplementRequest
from storage.rules_context import RuleContext, load_context
from storage.textsearch import fold
from storage.vocab import Channel, Outcome

_D = Dossier.__table__
_S = SupplementRequest.__table__
#: Columns a DossierData decides (audit columns and ids excluded).
_DATA_COLUMNS = (
    "code",
    "procedure_id",
    "applicant_name",
    "search_text",
    "applicant_address",
    "applicant_phone",
    "received_at",
    "channel",
    "due_date_computed",
    "due_date_override",
    "due_override_reason",
    "finished_date",
    "outcome",
    "returned_date",
    "apology_date",
    "apology_new_date",
    "handler_id",
    "notes",
)
_SELECT_COLUMNS = ("id", "due_override_by_id", *_DATA_COLUMNS)
_CHUNK = 500  # ids per IN (...) query, well under SQLite's variable limit
_WRITE_EVERY = 1000
_CACHE_KIB = 64 * 1024  # SQLite page cache while writing (default 2 MiB)

#: Column key -> DossierData field for the columns copied as they are.
_DIRECT = {
    "applicant_name": "applicant_name",
    "applicant_address": "applicant_address",
    "applicant_phone": "applicant_phone",
    "received_at": "received_at",
    "due_date_override": "due_date_override",
    "due_override_reason": "due_override_reason",
    "finished_date": "finished_date",
    "outcome": "outcome",
    "returned_date": "returned_date",
    "apology_date": "apology_date",
    "apology_new_date": "apology_new_date",
    "notes": "notes",
}
_TEXT_FIELDS = frozenset({"applicant_name", "applicant_address", "applicant_phone", "due_override_reason", "notes"})
_SUPPLEMENT_KEYS = ("supplement_requested", "supplement_completed", "supplement_reason")


def _values(
    data: DossierData,
    due: date,
    user_id: int | None,
    old_override: date | None = None,
    old_by: int | None = None,
    names: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The table columns save_dossier would write for ``data`` (mirror of storage.dossiers._apply)."""
    code = data.code.strip()
    applicant = data.applicant_name.strip()
    outcome = data.outcome if data.outcome is not None or data.finished_date is None else Outcome.RESOLVED
    by = old_by
    if old_override != data.due_date_override:
        by = user_id if data.due_date_override else None
    return {
        "code": code,
        "procedure_id": data.procedure_id,
        "applicant_name": applicant,
        "search_text": _search_text(code, applicant, {} if names is None else names),
        "applicant_address": data.applicant_address.strip(),
        "applicant_phone": data.applicant_phone.strip(),
        "received_at": data.received_at.replace(second=0, microsecond=0),
        "channel": int(data.channel),
        "due_date_computed": due,
        "due_date_override": data.due_date_override,
        "due_override_reason": data.due_override_reason.strip(),
        "due_override_by_id": by,
        "finished_date": data.finished_date,
        "outcome": int(outcome) if outcome is not None else None,
        "returned_date": data.returned_date,
        "apology_date": data.apology_date,
        "apology_new_date": data.apology_new_date,
        "handler_id": data.handler_id,
        "notes": data.notes,
    }


def _search_text(code: str, applicant: str, names: dict[str, str]) -> str:
    """``fold(f"{code} {applicant}")`` as save_dossier stores it, faster: codes are ASCII, names repeat."""
    if not code.isascii() or not applicant or unicodedata.combining(applicant[0]):
        return fold(f"{code} {applicant}")
    name = names.get(applicant)
    if name is None:
        name = names[applicant] = fold(applicant)
    folded_code = " ".join(code.lower().split())
    if not folded_code or not name:
        return fold(f"{code} {applicant}")
    return f"{folded_code} {name}"


#: Nullable columns without a default: left out of an INSERT they are NULL.
_OPTIONAL = tuple(
    c.name for c in _D.columns if c.nullable and not c.primary_key and c.default is None and c.server_default is None
)


def _without_empty_columns(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop the optional columns that are NULL in every row of a batch (most of them, usually).

    Fewer bound parameters per row make the executemany noticeably cheaper.
    """
    empty = [k for k in _OPTIONAL if all(r.get(k) is None for r in rows)]
    if not empty:
        return rows
    for r in rows:
        for k in empty:
            r.pop(k, None)
    return rows


def _supplement_rows(data: DossierData) -> list[tuple[date, date | None, str]]:
    return [(s.requested, s.completed, s.reason) for s in sorted(data.supplements, key=lambda s: s.requested)]


def _stored_data(row: dict[str, Any], supplements: list[tuple[date, date | None, str]]) -> DossierData:
    """A stored dossier as DossierData (mirror of storage.dossiers.load_dossier, from plain rows)."""
    return DossierData(
        procedure_id=row["procedure_id"],
        applicant_name=row["applicant_name"],
        received_at=row["received_at"],
        channel=Channel(row["channel"]),
        code=row["code"],
        applicant_address=row["applicant_address"],
        applicant_phone=row["applicant_phone"],
        due_date_override=row["due_date_override"],
        due_override_reason=row["due_override_reason"],
        finished_date=row["finished_date"],
        outcome=Outcome(row["outcome"]) if row["outcome"] is not None else None,
        returned_date=row["returned_date"],
        apology_date=row["apology_date"],
        apology_new_date=row["apology_new_date"],
        handler_id=row["handler_id"],
        notes=row["notes"],
        supplements=tuple(SupplementData(r, c, reason) for r, c, reason in supplements),
    )


class DossierImporter(KindImporter):
    kind = "dossiers"
    columns = DOSSIER_COLUMNS
    field_columns: ClassVar[dict[str, str]] = {"supplements": "supplement_requested", "handler_id": "handler"}

    def __init__(self, session: Session, **kw: Any) -> None:
        super().__init__(session, **kw)
        procs = list_procedures(session)
        self._proc_by_code = {p.code.strip().lower(): p for p in procs}
        self._proc_by_name: dict[str, ProcedureRow] = {}
        self._proc_by_letters: dict[str, ProcedureRow] = {}  # punctuation ignored: "-" for "–", commas...
        for p in procs:
            self._proc_by_name.setdefault(fold(p.name), p)
            self._proc_by_letters.setdefault(header_key(p.name), p)
        # Staff objects stay referenced so validate_dossier's session.get() finds them without a query.
        self._staff = list(session.scalars(select(Staff)))
        self._staff_by_name: dict[str, list[int]] = {}
        for s in self._staff:
            self._staff_by_name.setdefault(fold(s.full_name), []).append(s.id)
        self._ids = dict(session.execute(select(Dossier.code, Dossier.id)).all())
        self._first_row: dict[str, int] = {}
        self._folded_names: dict[str, str] = {}  # applicant name -> fold(name), for search_text
        self._ctx: RuleContext | None = None
        self._years = (0, -1)
        self._supplement_columns = any(k in self.present for k in _SUPPLEMENT_KEYS)
        self._cache_size: int | None = None
        if self.write:
            # A bigger page cache for the bulk insert (the unique code index is written in file order).
            conn = session.connection()
            self._cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar()
            conn.exec_driver_sql(f"PRAGMA cache_size=-{_CACHE_KIB}")
        # Pending writes: (values, supplements)
        self._inserts: list[tuple[dict[str, Any], list[tuple[date, date | None, str]]]] = []
        self._updates: list[tuple[dict[str, Any], list[tuple[date, date | None, str]]]] = []

    # --- reading one row --------------------------------------------------------------
    def _procedure(self, text: str) -> ProcedureRow | None:
        key = text.strip().lower()
        return (
            self._proc_by_code.get(key)
            or self._proc_by_name.get(fold(text))
            or self._proc_by_letters.get(header_key(text))
        )

    def _handler(self, text: str, row: int) -> int:
        ids = self._staff_by_name.get(fold(text), [])
        if len(ids) == 1:
            return ids[0]
        if not ids:
            raise FieldError(
                "handler",
                f"Người xử lý «{text}» không có trong danh sách nhân sự.",
                f"Handler «{text}» is not in the staff list.",
            )
        raise FieldError(
            "handler",
            f"Có {len(ids)} người tên «{text}» trong danh sách nhân sự; không biết chọn ai. "
            "Hãy để trống cột này và chọn người xử lý trong phần mềm.",
            f"{len(ids)} staff are named «{text}»; leave the cell empty and pick the handler in the application.",
        )

    def _fields(self, values: dict[str, Any], row: int) -> tuple[dict[str, Any], ProcedureRow]:
        proc = self._procedure(values["procedure"])
        if proc is None:
            raise FieldError(
                "procedure",
                f"Thủ tục «{values['procedure']}» không có trong danh mục thủ tục (nhập mã hoặc đúng tên thủ tục; "
                "xem Danh mục thủ tục).",
                f"Procedure «{values['procedure']}» is not in the catalog (give its code or exact name).",
            )
        f: dict[str, Any] = {"code": values["code"], "procedure_id": proc.id}
        for key, name in _DIRECT.items():
            if key in values:
                value = values[key]
                f[name] = ("" if name in _TEXT_FIELDS else None) if value is None else value
        if "channel" in values:
            f["channel"] = values["channel"] or Channel.DIRECT
        if "handler" in values:
            f["handler_id"] = self._handler(values["handler"], row) if values["handler"] else None
        if self._supplement_columns:
            req = values.get("supplement_requested")
            done, reason = values.get("supplement_completed"), values.get("supplement_reason") or ""
            if req is None and (done is not None or reason):
                raise FieldError(
                    "supplement_requested",
                    "Có ngày bổ sung xong hoặc lý do bổ sung nhưng chưa có ngày yêu cầu bổ sung.",
                    "A supplement completion date or reason needs the date it was requested.",
                )
            f["supplements"] = (SupplementData(req, done, reason),) if req is not None else ()
        return f, proc

    def _context(self, year: int) -> RuleContext:
        lo, hi = self._years
        if self._ctx is None or not lo <= year <= hi:
            lo, hi = (year, year) if self._ctx is None else (min(lo, year), max(hi, year))
            self._ctx, self._years = load_context(self.session, lo, hi), (lo, hi)
        return self._ctx

    # --- checking ---------------------------------------------------------------------
    def check_block(self, rows: list[tuple[int, dict[str, Any]]]) -> list[Problem]:
        existing = self._load_existing([values["code"] for _, values in rows if values.get("code") in self._ids])
        problems: list[Problem] = []
        for row, values in rows:
            problems.extend(self._check(row, values, existing))
        if problems:
            self.failed = True
        if self.write and not self.failed and len(self._inserts) + len(self._updates) >= _WRITE_EVERY:
            self._flush()
        return problems

    def _check(self, row: int, values: dict[str, Any], existing: dict[str, Any]) -> list[Problem]:
        code = values["code"]
        first = self._first_row.get(code)
        if first is not None:
            return [
                self.problem(
                    "code",
                    f"Mã hồ sơ {code} trùng với dòng {first}.",
                    f"Dossier code {code} is already on row {first}.",
                    row,
                )
            ]
        self._first_row[code] = row
        try:
            f, proc = self._fields(values, row)
        except FieldError as e:
            return [self.problem(e.key, e.vi, e.en, row)]
        dossier_id = self._ids.get(code)
        old = existing.get(code) if dossier_id is not None else None
        if old is not None:
            old_row, old_supplements = old
            data = replace(_stored_data(old_row, old_supplements), **f)
        else:
            data = DossierData(**f)
        problems = validate_dossier(self.session, data, dossier_id, today=self.today, procedure=proc, check_code=False)
        if problems:
            return self.relabel(problems, row)
        try:
            due = compute_due(data, proc, self._context(data.received_at.year))
        except UserError as e:
            return [self.problem("received_at", e.vi, e.en, row)]
        supplements = _supplement_rows(data)
        if old is None:
            self.created += 1
            if self.write and not self.failed:
                values = _values(data, due, self.user_id, names=self._folded_names)
                values["created_by_id"] = values["updated_by_id"] = self.user_id
                self._inserts.append((values, supplements))
            return []
        old_row, old_supplements = old
        new = _values(
            data, due, self.user_id, old_row["due_date_override"], old_row["due_override_by_id"], self._folded_names
        )
        if all(new[c] == old_row[c] for c in _DATA_COLUMNS) and supplements == old_supplements:
            self.unchanged += 1
            return []
        self.updated += 1
        if self.write and not self.failed:
            new["b_id"], new["updated_by_id"] = dossier_id, self.user_id
            self._updates.append((new, supplements))
        return []

    def _load_existing(self, codes: list[str]) -> dict[str, Any]:
        """Stored rows and supplements of the dossiers with these codes."""
        ids = sorted({self._ids[c] for c in codes})
        rows: dict[int, dict[str, Any]] = {}
        supplements: dict[int, list[tuple[date, date | None, str]]] = {}
        cols = [_D.c[name] for name in _SELECT_COLUMNS]
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            for r in self.session.execute(select(*cols).where(_D.c.id.in_(chunk))).mappings():
                rows[r["id"]] = dict(r)
                supplements[r["id"]] = []
            q = (
                select(_S.c.dossier_id, _S.c.requested_date, _S.c.completed_date, _S.c.reason)
                .where(_S.c.dossier_id.in_(chunk))
                .order_by(_S.c.dossier_id, _S.c.requested_date, _S.c.id)
            )
            for dossier_id, req, done, reason in self.session.execute(q):
                supplements[dossier_id].append((req, done, reason))
        return {r["code"]: (r, supplements[i]) for i, r in rows.items()}

    # --- writing ----------------------------------------------------------------------
    def close(self) -> None:
        if self._cache_size is not None:
            size, self._cache_size = int(self._cache_size), None
            # Only a performance setting: never let it hide the import's own error.
            with contextlib.suppress(SQLAlchemyError):
                self.session.connection().exec_driver_sql(f"PRAGMA cache_size={size}")

    def finish(self) -> list[Problem]:
        if self.write and not self.failed:
            self._flush()
        return []

    def _flush(self) -> None:
        from storage import audit, locks

        if not self._inserts and not self._updates:
            return  # a file of exactly N batches: nothing pending, and no empty audit entry
        rows_all = [values for values, _ in (*self._inserts, *self._updates)]
        days = {
            v.date() if isinstance(v, datetime) else v
            for values in rows_all
            for v in (values.get("received_at"), values.get("finished_date"))
            if v is not None
        }
        # The fast path writes with Core statements, which the session's hooks do not see: check and
        # audit here what the ORM path checks and audits per record.
        locks.ensure_open(self.session, days, " (có hồ sơ trong tệp thuộc kỳ này)")
        audit.record(
            self.session,
            "import",
            "dossier",
            f"Nhập tệp hồ sơ: {len(self._inserts)} hồ sơ mới, {len(self._updates)} hồ sơ cập nhật",
            new={"inserted": len(self._inserts), "updated": len(self._updates)},
        )
        conn = self.session.connection()
        user = self.user_id
        if self._inserts:
            rows = _without_empty_columns([values for values, _ in self._inserts])
            with_supplements = [(values["code"], s) for values, s in self._inserts if s]
            conn.execute(insert(_D), rows)
            if with_supplements:
                ids = self._ids_of([code for code, _ in with_supplements])
                conn.execute(
                    insert(_S),
                    [
                        {
                            "dossier_id": ids[code],
                            "requested_date": req,
                            "completed_date": done,
                            "reason": reason,
                            "created_by_id": user,
                            "updated_by_id": user,
                        }
                        for code, supplements in with_supplements
                        for req, done, reason in supplements
                    ],
                )
            self._inserts.clear()
        if self._updates:
            rows = [values for values, _ in self._updates]
            keys = [k for k in rows[0] if k != "b_id"]
            conn.execute(
                update(_D).where(_D.c.id == bindparam("b_id")).values({k: bindparam(k) for k in keys}),
                rows,
            )
            ids = [values["b_id"] for values, _ in self._updates]
            for i in range(0, len(ids), _CHUNK):
                conn.execute(delete(_S).where(_S.c.dossier_id.in_(ids[i : i + _CHUNK])))
            new_supplements = [
                {
                    "dossier_id": values["b_id"],
                    "requested_date": req,
                    "completed_date": done,
                    "reason": reason,
                    "created_by_id": user,
                    "updated_by_id": user,
                }
                for values, supplements in self._updates
                for req, done, reason in supplements
            ]
            if new_supplements:
                conn.execute(insert(_S), new_supplements)
            self._updates.clear()

    def _ids_of(self, codes: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for i in range(0, len(codes), _CHUNK):
            q = select(_D.c.code, _D.c.id).where(_D.c.code.in_(codes[i : i + _CHUNK]))
            found.update(self.session.execute(q).all())
        return found

"""The province side: preview and import a batch of .cdesk files (files, folders, USB sticks).

Each file is verified (archive.open_archive), checked for consistency, then classified against
the database (storage.province.received). The preview runs exactly the import inside a
transaction that is rolled back, so what it announces is what the import will do. The import
commits file by file: one bad file never blocks the others, and none is half-stored.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from reports.exchange.archive import KIND_REGISTRATION, KIND_REPORT, SUFFIX, Archive, open_archive, read_file
from storage.errors import UserError
from storage.exchange_errors import ExchangeError, Reason
from storage.mode import DatabaseMode, require_mode
from storage.periods import parse_period
from storage.province.received import Classification, IncomingReport, Verdict, classify, other_owner_of_key, store
from storage.province.registry import get_commune
from storage.signing import trust_key, trusted_key

log = logging.getLogger("commune_desk")
Progress = Callable[[int, int, str], bool]  # (done, total, file name) -> keep going?


@dataclass(frozen=True)
class FileResult:
    """One file of a batch: what the preview announces, or what the import did."""

    path: Path
    kind: str  # KIND_REPORT, KIND_REGISTRATION or "" when unreadable
    verdict: Verdict
    vi: str
    en: str
    reason: Reason | None = None
    commune_code: str = ""
    commune_name: str = ""
    period_spec: str = ""
    revision: int | None = None
    key_fingerprint: str = ""
    public_key: bytes = b""
    report_id: int | None = None

    @property
    def name(self) -> str:
        return self.path.name

    def message(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


def _natural_key(path: Path) -> tuple[Any, ...]:
    return tuple(int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", str(path)))


def collect_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and every .cdesk file inside given folders (recursively), in natural order."""
    found: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found.extend(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() == SUFFIX)
        else:
            found.append(p)
    unique = {str(p.resolve()) if p.exists() else str(p): p for p in found}
    return sorted(unique.values(), key=_natural_key)


def _mismatch(vi: str, en: str) -> ExchangeError:
    return ExchangeError(Reason.MISMATCH, vi, en)


_IDENTITIES = (
    ("received_total", ("received_online", "received_direct_postal", "carried_over")),
    ("received_total", ("resolved_total", "pending_total")),
    ("resolved_total", ("resolved_early", "resolved_on_time", "resolved_late")),
    ("pending_total", ("pending_in_time", "pending_overdue")),
)


def _check_report(archive: Archive) -> None:
    """What the schema cannot say: manifest and payload agree, ids are unique, the form adds up."""
    m, p = archive.manifest, archive.payload
    if m["sender"]["code"] != p["commune"]["code"]:
        raise _mismatch(
            f"Tệp tự nhận là của xã mã {m['sender']['code']} nhưng số liệu bên trong là của xã mã "
            f"{p['commune']['code']}.",
            f"The file claims commune {m['sender']['code']} but holds the data of commune {p['commune']['code']}.",
        )
    mp, pp = m["period"], p["period"]
    if any(mp[k] != pp[k] for k in ("spec", "kind", "start", "end", "official")):
        raise _mismatch("Kỳ báo cáo trong tệp không thống nhất.", "The file's period is inconsistent.")
    try:
        start, end = date.fromisoformat(mp["start"]), date.fromisoformat(mp["end"])
        datetime.fromisoformat(m["created_at"])
    except ValueError as exc:
        raise ExchangeError(
            Reason.SCHEMA, "Ngày tháng trong tệp không hợp lệ.", "A date in the file is invalid."
        ) from exc
    if end < start or (end - start).days > 400:
        raise _mismatch("Khoảng thời gian của kỳ báo cáo không hợp lệ.", "The period's dates are invalid.")
    if mp["kind"] != "custom":
        # A named period's dates follow from its name and the commune's cut-off day: "2025-07" cannot
        # carry other dates (the province files reports by that name).
        try:
            named = parse_period(mp["spec"], official=mp["official"], cutoff_day=p["rules"]["cutoff_day"])
        except UserError as exc:
            raise _mismatch(f"Kỳ báo cáo «{mp['spec']}» không hợp lệ.", f"Invalid period «{mp['spec']}».") from exc
        if (named.start, named.end, str(named.kind)) != (start, end, mp["kind"]):
            raise _mismatch(
                f"Ngày đầu, ngày cuối kỳ trong tệp không khớp với kỳ {mp['spec']}.",
                f"The file's period dates do not match period {mp['spec']}.",
            )
    if m["revision"] > 1 and m["replaces_revision"] != m["revision"] - 1:
        raise _mismatch("Số lần gửi thay thế không hợp lệ.", "The replaced revision number is invalid.")
    for (vi, en), items in (
        (("kiến nghị", "proposal"), p["proposals"]),
        (("thiết bị", "equipment"), p["equipment"]["lines"]),
    ):
        ids = [i["id"] for i in items]
        if len(ids) != len(set(ids)):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise ExchangeError(
                Reason.DUPLICATE_ID,
                f"Mã {vi} {dup} xuất hiện nhiều lần trong tệp.",
                f"The {en} id {dup} appears more than once in the file.",
            )
    rows = [*p["dossiers"]["by_field"], p["dossiers"]["total"]]
    for row in rows:
        for whole, parts in _IDENTITIES:
            if row[whole] != sum(row[x] for x in parts):
                raise _mismatch(
                    f"Số liệu hồ sơ không khớp ({row.get('field_name', 'Tổng số')}: "
                    f"{whole} ≠ tổng các cột thành phần).",
                    f"Dossier figures do not add up ({row.get('field_name', 'total')}: {whole}).",
                )
    total = p["dossiers"]["total"]
    for key, value in total.items():
        if sum(r[key] for r in p["dossiers"]["by_field"]) != value:
            raise _mismatch(
                "Dòng tổng số hồ sơ không bằng tổng các lĩnh vực.",
                "The dossier total row is not the sum of its fields.",
            )


def _incoming(path: Path, archive: Archive, data: bytes) -> IncomingReport:
    m = archive.manifest
    return IncomingReport(
        commune_code=m["sender"]["code"],
        commune_name=m["sender"]["name"],
        period_spec=m["period"]["spec"],
        period_start=date.fromisoformat(m["period"]["start"]),
        period_end=date.fromisoformat(m["period"]["end"]),
        revision=m["revision"],
        replaces_revision=m["replaces_revision"],
        created_at=datetime.fromisoformat(m["created_at"]),
        file_name=path.name,
        sha256=archive.sha256,
        public_key=archive.public_key,
        key_fingerprint=archive.key_fingerprint,
        app_version=m["app_version"],
        format_version=m["format_version"],
        payload=archive.payload,
        payload_text=archive.payload_text,
        archive=data,
    )


def _registration(session: Session, path: Path, archive: Archive, now: datetime) -> FileResult:
    m, p = archive.manifest, archive.payload
    code = m["sender"]["code"]
    base = FileResult(
        path,
        KIND_REGISTRATION,
        Verdict.NEW,
        "",
        "",
        commune_code=code,
        commune_name=m["sender"]["name"],
        key_fingerprint=archive.key_fingerprint,
        public_key=archive.public_key,
    )
    if p["commune_code"] != code:
        return replace(
            base,
            verdict=Verdict.REJECTED,
            reason=Reason.MISMATCH,
            vi="Tệp đăng ký không thống nhất.",
            en="Inconsistent.",
        )
    commune = get_commune(session, code)
    if commune is None or not commune.active:
        return replace(
            base,
            verdict=Verdict.REJECTED,
            reason=Reason.UNKNOWN_COMMUNE,
            vi=f"Xã mã {code} không có trong danh sách xã đang theo dõi của tỉnh.",
            en=f"Commune {code} is not in the province's active registry.",
        )
    trusted = trusted_key(session, code)
    if trusted is not None and trusted.fingerprint == archive.key_fingerprint:
        return replace(
            base, verdict=Verdict.DUPLICATE, vi="Khóa của xã đã được tin cậy.", en="The key is already trusted."
        )
    if trusted is not None:
        return replace(
            base,
            verdict=Verdict.REJECTED,
            reason=Reason.KEY_CHANGED,
            vi=f"CẢNH BÁO: tệp đăng ký mang khóa KHÁC với khóa đã tin cậy của {commune.name}. "
            "Hãy gọi điện xác minh với xã trước khi chấp nhận khóa mới.",
            en=f"WARNING: the registration carries a DIFFERENT key from the one trusted for {commune.name}. "
            "Call the commune before accepting the new key.",
        )
    other = other_owner_of_key(session, archive.key_fingerprint, code)
    if other is not None:
        return replace(
            base,
            verdict=Verdict.REJECTED,
            reason=Reason.KEY_OF_OTHER,
            vi=f"Tệp đăng ký tự nhận là của xã mã {code} nhưng được ký bằng khóa của xã mã {other}.",
            en=f"The registration claims commune {code} but is signed with the key of commune {other}.",
        )
    trust_key(session, code, archive.public_key, "registration", now=now)
    return replace(base, vi="Đăng ký khóa của xã: tin cậy từ nay.", en="Commune key registration: trusted from now on.")


def _process(session: Session, path: Path, now: datetime) -> FileResult:
    """Verify, classify and (for new/newer files) store one file in ``session``'s transaction."""
    try:
        data = read_file(path)
        archive = open_archive(data)
        if archive.kind == KIND_REGISTRATION:
            return _registration(session, path, archive, now)
        if archive.kind != KIND_REPORT:
            raise ExchangeError(
                Reason.NOT_EXCHANGE,
                "Đây là tệp phản hồi của tỉnh gửi xã, không phải báo cáo của xã.",
                "This is a province response file, not a commune report.",
            )
        _check_report(archive)
        incoming = _incoming(path, archive, data)
    except ExchangeError as exc:
        return FileResult(path, "", Verdict.REJECTED, exc.vi, exc.en, exc.reason)
    except UserError as exc:  # e.g. a malformed public key
        return FileResult(path, "", Verdict.REJECTED, exc.vi, exc.en, Reason.SCHEMA)
    c: Classification = classify(session, incoming, now=now)
    report_id = store(session, incoming, c, now=now) if c.verdict.will_import else None
    return FileResult(
        path,
        KIND_REPORT,
        c.verdict,
        c.vi,
        c.en,
        c.reason,
        incoming.commune_code,
        incoming.commune_name,
        incoming.period_spec,
        incoming.revision,
        incoming.key_fingerprint,
        incoming.public_key,
        report_id,
    )


def _in_savepoint(session: Session, path: Path, now: datetime) -> FileResult:
    with session.begin_nested():
        return _process(session, path, now)


def _in_transaction(sessions: sessionmaker[Session], path: Path, now: datetime) -> FileResult:
    with sessions.begin() as s:
        return _process(s, path, now)


def _guarded(step: Callable[[], FileResult], path: Path) -> FileResult:
    """One file's failure of ours (a bug, a full disk) is that file's result, never the batch's end."""
    try:
        return step()
    except Exception as exc:  # logged with its traceback; the file's transaction was rolled back
        log.exception("importing %s failed", path)
        return FileResult(
            path,
            "",
            Verdict.REJECTED,
            f"Lỗi khi xử lý tệp ({type(exc).__name__}); chưa lưu gì từ tệp này. Chi tiết đã ghi vào nhật ký.",
            f"Error while processing the file ({type(exc).__name__}); nothing stored from it. Details were logged.",
            Reason.UNREADABLE,
        )


def preview_files(
    sessions: sessionmaker[Session],
    paths: Iterable[Path],
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """What importing ``paths`` would do, file by file; nothing is stored."""
    now = now or datetime.now()
    files = collect_paths(paths)
    results: list[FileResult] = []
    with sessions() as s:
        s.begin()
        try:
            require_mode(s, DatabaseMode.PROVINCE)
            for i, path in enumerate(files):
                if progress and not progress(i, len(files), path.name):
                    break
                results.append(_guarded(lambda p=path: _in_savepoint(s, p, now), path))
        finally:
            s.rollback()
    return results


def import_files(
    sessions: sessionmaker[Session],
    paths: Iterable[Path],
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Import ``paths``: each file in its own transaction (all of it or nothing of it)."""
    now = now or datetime.now()
    files = collect_paths(paths)
    with sessions.begin() as s:
        require_mode(s, DatabaseMode.PROVINCE)
    results: list[FileResult] = []
    for i, path in enumerate(files):
        if progress and not progress(i, len(files), path.name):
            break
        results.append(_guarded(lambda p=path: _in_transaction(sessions, p, now), path))
    if progress:
        progress(len(files), len(files), "")
    return results


def accept_key_from_file(session: Session, path: Path) -> str:
    """Trust the key that signed ``path`` for its commune (after the province checked by phone).

    Returns the commune code. The file must still verify (signature and checksums).
    """
    archive = open_archive(read_file(path))
    code = archive.manifest["sender"]["code"]
    if archive.manifest["sender"]["role"] != "commune":
        raise UserError("Tệp này không phải của xã.", "This file was not made by a commune.")
    trust_key(session, code, archive.public_key, "manual")
    return code


def count_verdicts(results: Iterable[FileResult]) -> dict[Verdict, int]:
    counts = dict.fromkeys(Verdict, 0)
    for r in results:
        counts[r.verdict] += 1
    return counts

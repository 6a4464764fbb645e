"""The communes a province expects reports from: seeded from the official list, imported, edited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError, Problem, ValidationError
from storage.models import ProvinceCommune, ReceivedReport
from storage.profile import commune_by_code, commune_choices
from storage.textsearch import fold, vietnamese_sort_key
from storage.vocab import AreaType


@dataclass(frozen=True)
class CommuneEntry:
    """A commune of the registry as entered or imported."""

    code: str
    name: str
    area_type: AreaType = AreaType.UNKNOWN
    active: bool = True
    notes: str = ""


@dataclass(frozen=True)
class CommuneRow(CommuneEntry):
    id: int = 0
    area_label: str = ""
    reports: int = 0  # report files received (all revisions)


def validate_entry(entry: CommuneEntry) -> list[Problem]:
    p: list[Problem] = []
    code = entry.code.strip()
    if not code.isdigit() or not 1 <= len(code) <= 10:
        p.append(Problem("code", "Mã xã phải là dãy số (mã đơn vị hành chính).", "The code must be digits."))
    if not entry.name.strip():
        p.append(Problem("name", "Chưa nhập tên xã.", "The commune name is empty."))
    elif len(entry.name.strip()) > 200:
        p.append(Problem("name", "Tên xã dài quá 200 ký tự.", "The name is longer than 200 characters."))
    if not isinstance(entry.area_type, AreaType):
        p.append(Problem("area_type", "Loại địa bàn không hợp lệ.", "Unknown area type."))
    if len(entry.notes) > 2000:
        p.append(Problem("notes", "Ghi chú dài quá 2000 ký tự.", "Notes longer than 2000 characters."))
    return p


def save_commune(session: Session, entry: CommuneEntry, *, user_id: int | None = None) -> int:
    """Create or update (by code); raises ValidationError and stores nothing when invalid."""
    problems = validate_entry(entry)
    if problems:
        raise ValidationError(problems)
    code = entry.code.strip()
    row = session.scalar(select(ProvinceCommune).where(ProvinceCommune.code == code))
    if row is None:
        row = ProvinceCommune(code=code, created_by_id=user_id)
        session.add(row)
    row.name, row.area_type, row.active = entry.name.strip(), str(entry.area_type), entry.active
    row.notes, row.updated_by_id = entry.notes.strip(), user_id
    session.flush()
    return row.id


def seed_from_official_list(session: Session, province_code: str) -> int:
    """Add every commune and ward of the province from the official list (existing ones untouched)."""
    existing = set(session.scalars(select(ProvinceCommune.code)))
    added = 0
    for c in commune_choices(province_code):
        if c.code not in existing:
            session.add(ProvinceCommune(code=c.code, name=c.name, area_type="", active=True, notes=""))
            added += 1
    session.flush()
    return added


def official_name(code: str) -> str | None:
    """The commune's name in the official list (None for an unknown code)."""
    c = commune_by_code(code)
    return c.name if c else None


def get_commune(session: Session, code: str) -> ProvinceCommune | None:
    return session.scalar(select(ProvinceCommune).where(ProvinceCommune.code == code))


def delete_commune(session: Session, code: str) -> None:
    """Remove a commune that never reported; one with reports is only deactivated (history is kept)."""
    row = get_commune(session, code)
    if row is None:
        raise NotFoundError(f"Không tìm thấy xã mã {code}.", f"No commune with code {code}.")
    has_reports = session.scalar(select(func.count()).where(ReceivedReport.commune_code == code))
    if has_reports:
        raise ValidationError(
            [
                Problem(
                    "code",
                    "Xã đã có báo cáo gửi lên nên không xóa được; hãy bỏ đánh dấu «Đang theo dõi».",
                    "The commune has reports and cannot be deleted; untick «Active» instead.",
                )
            ]
        )
    session.delete(row)
    session.flush()


def list_communes(session: Session, *, search: str = "", active_only: bool = False) -> list[CommuneRow]:
    """The registry in Vietnamese alphabetical order of the names without "Xã"/"Phường"."""
    counts = dict(
        session.execute(select(ReceivedReport.commune_code, func.count()).group_by(ReceivedReport.commune_code)).all()
    )
    q = select(ProvinceCommune)
    if active_only:
        q = q.where(ProvinceCommune.active.is_(True))
    words = fold(search).split()
    rows = []
    for c in session.scalars(q):
        if words and not all(w in fold(f"{c.name} {c.code}") for w in words):
            continue
        area = AreaType(c.area_type) if c.area_type in {str(a) for a in AreaType} else AreaType.UNKNOWN
        rows.append(
            CommuneRow(
                code=c.code,
                name=c.name,
                area_type=area,
                active=c.active,
                notes=c.notes,
                id=c.id,
                area_label=area.label(),
                reports=counts.get(c.code, 0),
            )
        )
    rows.sort(key=lambda r: (vietnamese_sort_key(_bare(r.name)), r.code))
    return rows


def _bare(name: str) -> str:
    for prefix in ("Xã ", "Phường ", "Đặc khu "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def save_communes(session: Session, entries: Iterable[CommuneEntry]) -> int:
    """Save several entries in the caller's transaction (an import: all or nothing)."""
    n = 0
    for e in entries:
        save_commune(session, e)
        n += 1
    return n

"""Demo data for one of the three communes of the seed documents (one database holds one commune).

Everything goes through the same validated save functions a clerk's input does, so the demo
data obeys every rule; see docs/demo-data.md for which figures are published and which are made up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.auth import seed_demo_accounts
from storage.catalog import seed_catalog
from storage.demo.communes import COMMUNES, DemoCommune, find_commune
from storage.demo.dossier_flow import load_flow, load_published_window
from storage.demo.office import load_equipment, load_proposals
from storage.demo.people import load_staff
from storage.errors import UserError
from storage.models import CommuneProfile, Dossier, Staff
from storage.profile import ProfileData, save_profile
from storage.rules_context import load_context
from storage.units import seed_default_units

__all__ = ["COMMUNES", "DemoResult", "find_commune", "load_demo"]


@dataclass(frozen=True)
class DemoResult:
    """What the demo put in the database."""

    commune_name: str
    staff: int
    dossiers: int
    equipment_lines: int
    proposals: int
    until: date


def load_demo(
    session: Session, commune: str = "luong-minh", *, until: date | None = None, seed: int = 2025
) -> DemoResult:
    """Fill an empty database with the demo commune's records up to ``until`` (default yesterday)."""
    c: DemoCommune | None = find_commune(commune)
    if c is None:
        names = ", ".join(["Lượng Minh", "Con Cuông", "Chiêu Lưu"])
        raise UserError(
            f"Không có dữ liệu mẫu cho xã “{commune}”. Chọn một trong: {names}.",
            f"No demo data for “{commune}”. Choose one of: {names}.",
        )
    if (
        session.scalar(select(func.count()).select_from(CommuneProfile))
        or session.scalar(select(func.count()).select_from(Dossier))
        or session.scalar(select(func.count()).select_from(Staff))
    ):
        raise UserError(
            "Cơ sở dữ liệu này đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống (dùng --db với tệp mới).",
            "This database already holds data; demo data only goes into an empty database (use --db with a new file).",
        )
    until = until or date.today() - timedelta(days=1)
    if until < date(2025, 7, 10):
        raise UserError(
            "Ngày kết thúc dữ liệu mẫu phải từ 10/07/2025.", "The demo end date must be 10/07/2025 or later."
        )
    rng = random.Random(f"{seed}-{c.key}")
    seed_demo_accounts(session)  # quantri / lanhdao / canbo, password demo2025 (README): a demo asks to log in too
    seed_catalog(session)
    seed_default_units(session)
    people = load_staff(session, c, rng, until)
    center_head = next((n for n in people if "Trung tâm" in n), "")
    profile = save_profile(
        session,
        ProfileData(
            code=c.code,
            address=c.address,
            chairman=c.chairman,
            signer_name=c.chairman,
            signer_title="CHỦ TỊCH",
            households=c.households,
            poor_households=c.poor,
            near_poor_households=c.near_poor,
            ethnic_minority_pct=c.ethnic_minority_pct,
            mountainous=True,
            remote=c.key != "con-cuong",
            center_head=_name(session, people.get(center_head)),
            center_staff_count=c.center_officials + 1,
            established_on=date(2025, 7, 1),
        ),
        today=until,
    )
    ctx = load_context(session, 2025, until.year)
    handler = people.get("center")
    dossiers = 0
    first = date(2025, 7, 1)
    if c.key == "luong-minh":
        dossiers += load_published_window(session, ctx, rng, handler)
        first = date(2025, 7, 15)  # keeps the official July 2025 period to the published 43 dossiers
    dossiers += load_flow(session, ctx, rng, first, until, c.dossiers_per_day, handler)
    equipment = load_equipment(session, until)
    proposals = load_proposals(session, until)
    staff = session.scalar(select(func.count()).select_from(Staff)) or 0
    return DemoResult(profile.name, staff, dossiers, equipment, proposals, until)


def _name(session: Session, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    s = session.get(Staff, staff_id)
    return s.full_name if s else ""

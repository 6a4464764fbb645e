"""The commune itself: its profile, units, users and rule settings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Audited, Base


class AppUser(Base):
    """A person using the application: role, scrypt password hash, and the failed-login lock."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16), default="admin")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)


class CommuneProfile(Audited, Base):
    """One row: the commune this database belongs to (one database holds one commune)."""

    __tablename__ = "commune_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))  # official name, e.g. "Xã Lượng Minh"
    code: Mapped[str] = mapped_column(String(10))  # official ward/commune code, e.g. "16906"
    province_code: Mapped[str] = mapped_column(String(4))
    province_name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(300), default="")
    chairman: Mapped[str] = mapped_column(String(200), default="")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_title: Mapped[str] = mapped_column(String(100), default="CHỦ TỊCH")
    population: Mapped[int | None] = mapped_column(Integer)
    households: Mapped[int | None] = mapped_column(Integer)
    poor_households: Mapped[int | None] = mapped_column(Integer)
    near_poor_households: Mapped[int | None] = mapped_column(Integer)
    ethnic_minority_pct: Mapped[float | None] = mapped_column(Float)
    mountainous: Mapped[bool] = mapped_column(Boolean, default=False)
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    center_head: Mapped[str] = mapped_column(String(200), default="")
    center_staff_count: Mapped[int | None] = mapped_column(Integer)
    dossier_unit_id: Mapped[str] = mapped_column(String(40), default="")  # prefix of dossier codes
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    established_on: Mapped[date | None] = mapped_column(Date)


class Unit(Audited, Base):
    """An internal unit of the commune (office, economic department, service center, ...)."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(40), default="")
    is_service_center: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class Setting(Base):
    """A business-rule setting kept with the data (cut-off day, 15:00 rule, ...), not a UI preference."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

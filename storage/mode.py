"""Whether a database belongs to a commune or to the province (which only collects and consolidates)."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import UserError
from storage.models import CommuneProfile, Setting

_KEY = "database_mode"


class DatabaseMode(StrEnum):
    COMMUNE = "commune"
    PROVINCE = "province"


def database_mode(session: Session) -> DatabaseMode:
    """The stored mode; a database without one is a commune database (all files before province mode)."""
    value = session.scalar(select(Setting.value).where(Setting.key == _KEY))
    return DatabaseMode.PROVINCE if value == DatabaseMode.PROVINCE else DatabaseMode.COMMUNE


def set_province_mode(session: Session) -> None:
    """Make this database a province database; refused when it already holds a commune's records."""
    if database_mode(session) == DatabaseMode.PROVINCE:
        return
    if session.scalar(select(CommuneProfile.id).limit(1)) is not None:
        raise UserError(
            "Cơ sở dữ liệu này là của một xã, không dùng được cho chế độ tỉnh. Hãy chọn tệp khác (--db).",
            "This database belongs to a commune and cannot be used in province mode. Choose another file (--db).",
        )
    session.merge(Setting(key=_KEY, value=str(DatabaseMode.PROVINCE)))
    session.flush()


def require_mode(session: Session, mode: DatabaseMode) -> None:
    """Raise a clear message when a command of one mode is run on the other kind of database."""
    if database_mode(session) != mode:
        if mode == DatabaseMode.PROVINCE:
            raise UserError(
                "Đây là cơ sở dữ liệu của xã; lệnh này chỉ dùng ở chế độ tỉnh (--province với một tệp của tỉnh).",
                "This is a commune database; the command is for province mode (--province with a province file).",
            )
        raise UserError(
            "Đây là cơ sở dữ liệu của tỉnh; lệnh này chỉ dùng ở máy của xã.",
            "This is a province database; the command is for a commune installation.",
        )

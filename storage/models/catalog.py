"""The administrative-procedure catalog: fields (lĩnh vực) and procedures with legal durations."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Audited, Base


class Field(Audited, Base):
    """A field of administrative procedures; one row of the official results form."""

    __tablename__ = "field"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Procedure(Audited, Base):
    """An administrative procedure handled at commune level, with its processing time per channel.

    Durations are in ``time_unit`` (same_day, working_days, calendar_days); the online and postal
    durations fall back to the direct one when empty.
    """

    __tablename__ = "procedure"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(400))
    search_name: Mapped[str] = mapped_column(String(400))
    field_id: Mapped[int] = mapped_column(ForeignKey("field.id", ondelete="RESTRICT"), index=True)
    time_unit: Mapped[str] = mapped_column(String(16), default="working_days")
    days_direct: Mapped[int] = mapped_column(Integer, default=0)
    days_online: Mapped[int | None] = mapped_column(Integer)
    days_postal: Mapped[int | None] = mapped_column(Integer)
    posting_url: Mapped[str] = mapped_column(String(400), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")

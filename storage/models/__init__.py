"""Typed SQLAlchemy models of the commune database (import from here)."""

from storage.models.base import Base
from storage.models.calendar_day import CalendarEntry, CalendarYear
from storage.models.catalog import Field, Procedure
from storage.models.commune import AppUser, CommuneProfile, Setting, Unit
from storage.models.dossier import Dossier, SupplementRequest
from storage.models.equipment import Equipment
from storage.models.exchange import (
    InstallKey,
    ProvinceCommune,
    ProvinceProposal,
    ReceivedReport,
    ResponseFile,
    TrustedKey,
)
from storage.models.proposal import Proposal, ReportSent
from storage.models.report_document import ReportDocument
from storage.models.staff import Staff, StaffQuota
from storage.models.trust import AuditLog, PeriodLock

__all__ = [
    "AppUser",
    "AuditLog",
    "Base",
    "CalendarEntry",
    "CalendarYear",
    "CommuneProfile",
    "Dossier",
    "Equipment",
    "Field",
    "InstallKey",
    "PeriodLock",
    "Procedure",
    "Proposal",
    "ProvinceCommune",
    "ProvinceProposal",
    "ReceivedReport",
    "ReportDocument",
    "ReportSent",
    "ResponseFile",
    "Setting",
    "Staff",
    "StaffQuota",
    "SupplementRequest",
    "TrustedKey",
    "Unit",
]

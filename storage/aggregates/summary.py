"""Everything a periodic report needs, computed once (reports/ and the command line read it)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from storage.aggregates.dossier_form import DossierForm, FormRow, dossier_form
from storage.aggregates.equipment_proposals import (
    EquipmentSummary,
    ProposalSummary,
    equipment_summary,
    proposal_summary,
)
from storage.aggregates.staffing import StaffingSummary, staffing_summary
from storage.periods import Period
from storage.settings import load_rules


@dataclass(frozen=True)
class PeriodSummary:
    """The period's aggregates: dossier form, staffing, equipment and proposals."""

    period: Period
    dossiers: DossierForm
    staffing: StaffingSummary
    equipment: EquipmentSummary
    proposals: ProposalSummary

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-ready data (dates as ISO text, enums as their codes)."""
        return _plain(
            {
                "period": {
                    "spec": self.period.spec,
                    "label": self.period.label(),
                    "start": self.period.start,
                    "end": self.period.end,
                    "official": self.period.official,
                },
                "dossiers": {
                    "rows": [_with_rates(r) for r in self.dossiers.rows],
                    "total": self.dossiers.total.to_dict()
                    | {
                        "on_time_rate": self.dossiers.total.on_time_rate,
                        "online_rate": self.dossiers.total.online_rate,
                    },
                },
                "staffing": asdict(self.staffing)
                | {
                    "by_category": [
                        {"category": c.category, "in_post": c.in_post, "quota": c.quota, "vacancies": c.vacancies}
                        for c in self.staffing.by_category
                    ],
                    "signature_coverage": self.staffing.signature_coverage,
                },
                "equipment": asdict(self.equipment),
                "proposals": asdict(self.proposals),
            }
        )


def _with_rates(row: FormRow) -> dict[str, Any]:
    return row.to_dict() | {"on_time_rate": row.on_time_rate, "online_rate": row.online_rate}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def period_summary(session: Session, period: Period) -> PeriodSummary:
    """Compute all aggregates for the period with the database's rule settings."""
    rules = load_rules(session)
    return PeriodSummary(
        period=period,
        dossiers=dossier_form(session, period, rules),
        staffing=staffing_summary(session, period),
        equipment=equipment_summary(session),
        proposals=proposal_summary(session, period),
    )

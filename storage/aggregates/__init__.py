"""Period aggregates the reports are built from (dossiers, staffing, equipment, proposals)."""

from storage.aggregates.dossier_form import DossierForm, FormRow, dossier_form
from storage.aggregates.summary import PeriodSummary, period_summary

__all__ = ["DossierForm", "FormRow", "PeriodSummary", "dossier_form", "period_summary"]

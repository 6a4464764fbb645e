"""Commune Desk reports: report tables computed once from storage, written as Excel and PDF (no Qt)."""

"""Commune Desk dialogs (Qt widgets)."""

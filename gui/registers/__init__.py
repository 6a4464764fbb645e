"""Commune Desk registers (Qt widgets)."""

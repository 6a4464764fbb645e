"""Commune Desk pages (Qt widgets)."""

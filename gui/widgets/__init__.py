"""Commune Desk widgets (Qt widgets)."""

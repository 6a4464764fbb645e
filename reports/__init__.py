"""Commune Desk reports package."""

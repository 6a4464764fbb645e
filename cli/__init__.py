"""Commune Desk cli package."""

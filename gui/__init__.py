"""Commune Desk gui package."""

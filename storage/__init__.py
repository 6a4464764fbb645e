"""Commune Desk storage layer: the database, its rules and its queries (no Qt here)."""

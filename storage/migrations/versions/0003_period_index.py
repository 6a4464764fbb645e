"""Covering index for period aggregates (replaces the plain received_at index).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = [
    "received_at", "finished_date", "outcome", "channel", "procedure_id",
    "due_date_computed", "due_date_override", "apology_date",
]  # fmt: skip


def upgrade() -> None:
    op.create_index("ix_dossier_period", "dossier", COLUMNS)
    op.drop_index("ix_dossier_received_at", table_name="dossier")


def downgrade() -> None:
    op.create_index("ix_dossier_received_at", "dossier", ["received_at"])
    op.drop_index("ix_dossier_period", table_name="dossier")

"""Report documents: number, title, narrative, signer and recipients kept per period.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "report_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("period_spec", sa.String(length=40), nullable=False),
        sa.Column("official", sa.Boolean(), nullable=False),
        sa.Column("document_number", sa.String(length=60), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("narrative_json", sa.Text(), nullable=False),
        sa.Column("signer_authority", sa.String(length=100), nullable=False),
        sa.Column("signer_title", sa.String(length=100), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["app_user.id"],
            name=op.f("fk_report_document_created_by_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["app_user.id"],
            name=op.f("fk_report_document_updated_by_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_document")),
        sa.UniqueConstraint(
            "kind", "period_spec", "official", name=op.f("uq_report_document_kind_period_spec_official")
        ),
    )


def downgrade() -> None:
    op.drop_table("report_document")

"""Upward reporting: signing key, trusted keys, province registry, received files, answers.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "install_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("private_key", sa.LargeBinary(), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_install_key")),
    )
    op.create_table(
        "trusted_key",
        sa.Column("owner", sa.String(length=40), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("owner", name=op.f("pk_trusted_key")),
    )
    op.create_table(
        "province_commune",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("area_type", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["app_user.id"],
            name=op.f("fk_province_commune_created_by_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["app_user.id"],
            name=op.f("fk_province_commune_updated_by_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_province_commune")),
        sa.UniqueConstraint("code", name=op.f("uq_province_commune_code")),
    )
    op.create_table(
        "received_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commune_code", sa.String(length=10), nullable=False),
        sa.Column("period_spec", sa.String(length=40), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("replaces_revision", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("key_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("format_version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("archive", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commune_code"],
            ["province_commune.code"],
            name=op.f("fk_received_report_commune_code_province_commune"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_report")),
        sa.UniqueConstraint(
            "commune_code", "period_spec", "revision", name=op.f("uq_received_report_commune_code_period_spec_revision")
        ),
        sa.UniqueConstraint("file_sha256", name=op.f("uq_received_report_file_sha256")),
    )
    with op.batch_alter_table("received_report", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_received_report_commune_code"), ["commune_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_received_report_period_spec"), ["period_spec"], unique=False)

    op.create_table(
        "response_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commune_code", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("proposals", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commune_code"],
            ["province_commune.code"],
            name=op.f("fk_response_file_commune_code_province_commune"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_file")),
    )
    with op.batch_alter_table("response_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_response_file_commune_code"), ["commune_code"], unique=False)

    op.create_table(
        "province_proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commune_code", sa.String(length=10), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("raised_date", sa.Date(), nullable=False),
        sa.Column("addressed_to", sa.String(length=200), nullable=False),
        sa.Column("commune_status", sa.String(length=16), nullable=False),
        sa.Column("last_report_id", sa.Integer(), nullable=True),
        sa.Column("response_status", sa.String(length=16), nullable=True),
        sa.Column("response_text", sa.Text(), nullable=False),
        sa.Column("response_date", sa.Date(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("response_exported_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["commune_code"],
            ["province_commune.code"],
            name=op.f("fk_province_proposal_commune_code_province_commune"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["app_user.id"],
            name=op.f("fk_province_proposal_created_by_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["last_report_id"],
            ["received_report.id"],
            name=op.f("fk_province_proposal_last_report_id_received_report"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["app_user.id"],
            name=op.f("fk_province_proposal_updated_by_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_province_proposal")),
        sa.UniqueConstraint("commune_code", "proposal_id", name=op.f("uq_province_proposal_commune_code_proposal_id")),
    )
    with op.batch_alter_table("province_proposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_province_proposal_commune_code"), ["commune_code"], unique=False)

    with op.batch_alter_table("report_sent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("report_sent", schema=None) as batch_op:
        batch_op.drop_column("revision")

    with op.batch_alter_table("province_proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_province_proposal_commune_code"))

    op.drop_table("province_proposal")
    with op.batch_alter_table("response_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_response_file_commune_code"))

    op.drop_table("response_file")
    with op.batch_alter_table("received_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_received_report_period_spec"))
        batch_op.drop_index(batch_op.f("ix_received_report_commune_code"))

    op.drop_table("received_report")
    op.drop_table("province_commune")
    op.drop_table("trusted_key")
    op.drop_table("install_key")

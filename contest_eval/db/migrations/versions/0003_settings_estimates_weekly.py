"""model settings, estimated release dates, re-judge records, weekly runs

Revision ID: 0003_weekly
Revises: 0002_audits
"""

from alembic import op
import sqlalchemy as sa


revision = "0003_weekly"
down_revision = "0002_audits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("models") as batch:
        batch.add_column(sa.Column("settings", sa.JSON(), nullable=True))
    with op.batch_alter_table("problems") as batch:
        batch.add_column(sa.Column("release_estimate", sa.JSON(), nullable=True))
    with op.batch_alter_table("submissions") as batch:
        batch.add_column(sa.Column("rejudged", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("cpu_ms_seen", sa.JSON(), nullable=True))
    op.create_table(
        "weekly_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("plan", sa.JSON(), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("weekly_runs")
    with op.batch_alter_table("submissions") as batch:
        batch.drop_column("cpu_ms_seen")
        batch.drop_column("rejudged")
    with op.batch_alter_table("problems") as batch:
        batch.drop_column("release_estimate")
    with op.batch_alter_table("models") as batch:
        batch.drop_column("settings")

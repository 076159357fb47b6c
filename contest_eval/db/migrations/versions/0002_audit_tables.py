"""audit tables: stored contamination audits (contest-eval audit)

Revision ID: 0002_audits
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = "0002_audits"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('model_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('verdict', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['model_id'], ['models.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_audit_reports_model_kind', 'audit_reports', ['model_id', 'kind'])
    op.create_table('audit_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('model_id', sa.Integer(), nullable=False),
    sa.Column('scorer', sa.String(length=64), nullable=False),
    sa.Column('problem_id', sa.Integer(), nullable=False),
    sa.Column('text_kind', sa.String(length=16), nullable=False),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('n_tokens', sa.Integer(), nullable=False),
    sa.Column('metrics', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['model_id'], ['models.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['problem_id'], ['problems.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('model_id', 'scorer', 'problem_id', 'text_kind', 'text_hash')
    )


def downgrade() -> None:
    op.drop_table('audit_scores')
    op.drop_index('ix_audit_reports_model_kind', table_name='audit_reports')
    op.drop_table('audit_reports')

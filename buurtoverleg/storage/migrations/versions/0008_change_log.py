"""change log of actions and decisions

Revision ID: 0008
Revises: 0007_duiding
Create Date: 2026-12-02 01:30:00

Facilitator and secretary both add, edit and remove actions and decisions; each change is
kept with the role that made it and when (no typed text).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007_duiding"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name="fk_change_meeting_id_meeting", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_change_meeting_id", "change", ["meeting_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_change_meeting_id", table_name="change")
    op.drop_table("change")

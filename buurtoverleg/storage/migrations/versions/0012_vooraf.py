"""the pre-round before a meeting (vooraf per groepslid)

Revision ID: 0012_vooraf
Revises: 0011_beamer_stand
Create Date: 2026-12-02 03:00:00

Seed 003 (A2.1) has each kernteam member answer the BOB questions alone before the first
meeting. `pre_round` holds its deadline and state per meeting; `pre_round_answer` one
member's draft (texts and choices) and when it was handed in. Handed-in choices are also
stored as `response` rows with round 0, so no column of `response` changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_vooraf"
down_revision = "0011_beamer_stand"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pre_round",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="CASCADE", name="fk_pre_round_meeting_id_meeting"),
            nullable=False,
            unique=True,
        ),
        sa.Column("deadline", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("revealed", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "pre_round_answer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="CASCADE", name="fk_pre_round_answer_meeting_id_meeting"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "participant_id",
            sa.Integer(),
            sa.ForeignKey("participant.id", ondelete="CASCADE", name="fk_pre_round_answer_participant_id_participant"),
            nullable=False,
            unique=True,
        ),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("pre_round_answer")
    op.drop_table("pre_round")

"""phone: maximum participants and the result on the phone

Revision ID: 0009_telefoon
Revises: 0008
Create Date: 2026-12-02 00:30:00

Two meeting settings for the participants' phones: how many participants may join (the
facilitator sets it; a script joining 500 times from one address must not fill the beamer's
count) and whether a phone shows the verdict small after a reveal.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_telefoon"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("max_participants", sa.Integer(), nullable=False, server_default="60"))
        batch_op.add_column(sa.Column("result_on_phone", sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("result_on_phone")
        batch_op.drop_column("max_participants")

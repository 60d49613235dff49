"""signal recognition either way, and the beamer's recognition view

Revision ID: 0007_duiding
Revises: 0006
Create Date: 2026-12-02 00:30:00

'Herken ik niet' next to 'herken ik': a mark on a signal now says which of the two it is
(existing marks were all 'herken ik'). And the facilitator's switch that puts the shared
picture of the signals (which domains recognise what) on the beamer.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_duiding"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("signal_upvote", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recognised", sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("beamer_recognition", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("beamer_recognition")
    with op.batch_alter_table("signal_upvote", schema=None) as batch_op:
        batch_op.drop_column("recognised")

"""the advice's proposals frozen into a step, for the room's dot-vote on them

Revision ID: 0014_stippen
Revises: 0013_besluit
Create Date: 2026-12-02 06:00:00

A prompt can take its options from the advice (the top praktijkvoorbeelden). The advice moves
with every reveal, but the options of a vote must not move under a phone's thumb: the list is
stored with the step when it opens, per prompt id.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_stippen"
down_revision = "0013_besluit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("step_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("proposed", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("step_state", schema=None) as batch_op:
        batch_op.drop_column("proposed")

"""meeting version

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 22:00:00

The meeting's version: the sequence number of its last event. Every change that pages must
see raises it in the same transaction, and every read says which version it reflects, so a
live page can tell whether an event is already on screen or must be read again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("version")

"""attendance as the secretary corrects it

Revision ID: 0013_besluit
Revises: 0012_vooraf
Create Date: 2026-12-02 03:00:00

Joining with a phone says someone was there; the secretary (or the facilitator) corrects it:
arrived late (with the local clock time), or absent with notice (joined for the pre-round but
not in the room). Who changed it and when is kept in the change log (`change`).
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_besluit"
down_revision = "0012_vooraf"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attendance", sa.String(20), nullable=False, server_default="aanwezig"))
        batch_op.add_column(sa.Column("arrived", sa.Time(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_column("arrived")
        batch_op.drop_column("attendance")

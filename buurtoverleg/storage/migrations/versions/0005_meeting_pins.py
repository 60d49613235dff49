"""meeting pins

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 10:00:00

Optional PINs on the facilitator and secretary links, stored as "salt:scrypt-hash"
(see buurtoverleg.toegang.versleutel); NULL means: no PIN, the link alone opens the page.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("facilitator_pin_hash", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("secretary_pin_hash", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("secretary_pin_hash")
        batch_op.drop_column("facilitator_pin_hash")

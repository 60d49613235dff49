"""beamer state: on black, and the page of a long list

Revision ID: 0011_beamer_stand
Revises: 0010_meeting_details
Create Date: 2026-12-02 00:30:00

The facilitator can put the beamer on black and turn the pages of a long list of signals or
options from the console; both are meeting state that the beamer (another client) shows, so
they live with the meeting.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_beamer_stand"
down_revision = "0010_meeting_details"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("screen_blank", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("screen_page", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("screen_page")
        batch_op.drop_column("screen_blank")

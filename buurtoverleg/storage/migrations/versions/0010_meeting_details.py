"""meeting details for the minutes

Revision ID: 0010_meeting_details
Revises: 0009_telefoon
Create Date: 2026-12-02 00:40:00

What the heading of a besluitenlijst names besides buurt and date: where the meeting was,
who chaired it, who took the minutes, who sent apologies, and when it began and ended. The
start is recorded by the domain when the meeting starts (`started_at`, like `ended_at`);
`begin_time`/`end_time` are the secretary's corrections in local time and win when set.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_meeting_details"
down_revision = "0009_telefoon"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("location", sa.String(120), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("chair", sa.String(120), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("minute_taker", sa.String(120), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("absent", sa.String(1000), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("started_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("begin_time", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("end_time", sa.Time(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        for kolom in ("end_time", "begin_time", "started_at", "absent", "minute_taker", "chair", "location"):
            batch_op.drop_column(kolom)

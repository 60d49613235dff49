"""Alembic environment: runs on the connection the app hands over (see database.upgrade)."""

from alembic import context

from buurtoverleg.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("no connection handed over (database.upgrade) and no sqlalchemy.url configured")
    connection = create_engine(url).connect()

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

"""One PostgreSQL database for a test run, emptied before each test, when the run is given a server.

`.ci/run` starts Debian's PostgreSQL and runs part of the suite a second time with
`BUURTOVERLEG_TEST_POSTGRES` set to the server's URL (any database on it, e.g. `postgres`).
The run creates its own database and migrates it once (seconds); before each test every
table is emptied and its ids restart at 1 (milliseconds, where a new database per test took
two seconds), so a test sees exactly what it would see in a new SQLite file.
"""

from __future__ import annotations

import os
import uuid
from functools import cache

from sqlalchemy import Engine, create_engine, make_url, text

from buurtoverleg.storage import Database, upgrade
from buurtoverleg.storage.models import Base

POSTGRES = os.environ.get("BUURTOVERLEG_TEST_POSTGRES", "")
_NAAM = f"buurtoverleg_test_{uuid.uuid4().hex[:8]}"


@cache
def _beheer(server_url: str) -> Engine:
    return create_engine(server_url, isolation_level="AUTOCOMMIT")


@cache
def _database(server_url: str) -> str:
    """This run's database, migrated (dropped by `ruim_op` at the end of the run)."""
    with _beheer(server_url).connect() as verbinding:
        verbinding.execute(text(f'CREATE DATABASE "{_NAAM}"'))
    url = make_url(server_url).set(database=_NAAM).render_as_string(hide_password=False)
    database = Database(url)
    upgrade(database.engine)
    database.engine.dispose()
    return url


def lege_database(server_url: str) -> str:
    """The run's database with every table emptied; what an earlier test left open is closed."""
    url = _database(server_url)
    with _beheer(server_url).connect() as verbinding:
        verbinding.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :naam AND pid <> pg_backend_pid()"
            ),
            {"naam": _NAAM},
        )
    engine = create_engine(url)
    try:
        with engine.begin() as verbinding:
            tabellen = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
            verbinding.execute(text(f"TRUNCATE {tabellen} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()
    return url


def ruim_op() -> None:
    """Drop this run's database."""
    if POSTGRES and _database.cache_info().currsize:
        with _beheer(POSTGRES).connect() as verbinding:
            verbinding.execute(text(f'DROP DATABASE IF EXISTS "{_NAAM}" WITH (FORCE)'))
        _beheer(POSTGRES).dispose()

"""Engine, sessions and schema upgrades.

SQLite is the embedded default: WAL so the projector can read while phones write, and
foreign keys on so deleting a meeting removes everything that names a person.
Schema changes only go through Alembic migrations, run on every start.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

MIGRATIONS = Path(__file__).parent / "migrations"


BEZET_WACHTTIJD_S = 15.0
"""How long a write from the command line (export, clean-up, demo fill) waits for a lock another
connection holds before it gives up: nobody is waiting for it on a phone."""

INTERACTIEF_WACHTTIJD_S = 3.0
"""How long a write from the running app waits for a lock. A locked database (a backup, another
process) must not hold a phone's tap, and a pool thread, for long: after this the phone hears
"even geduld, niet opgeslagen" and can tap again, and the threads are free for the others.
Normal traffic never comes near it: one write takes a few milliseconds."""

SYNCHRONOUS = "FULL"
"""SQLite's `synchronous` level. With WAL, NORMAL survives a killed process (the commit is
in the operating system's cache) but can lose the last commits on a power cut or OS crash;
FULL fsyncs the WAL at every commit, so an answer a phone was told was received
("Ontvangen") survives a laptop whose battery dies too. The price, measured on a 2-core VM
with an SSD: 0.4 ms of fsync per commit (NORMAL: 0.02 ms), next to 2-3 ms for storing one
answer in the domain; `benchmarks/live.py --skip-browser` still stores a few hundred answers
per second, far more than a room of phones sends."""


def maak_engine(url: str, wachttijd: float = BEZET_WACHTTIJD_S) -> Engine:
    """The engine; `wachttijd` is how long a write waits for a lock (see the two constants).

    `hide_parameters`: SQLAlchemy puts a failed statement's parameters in its error message
    ("[parameters: ('Jansen', ...)]"), and an error is logged: that put signal texts and names
    in the server log (issue 21). With it, the message says only that they are hidden."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    # pysqlite's `timeout` is SQLite's busy timeout: a locked database makes a write wait
    engine = create_engine(
        url, connect_args={"timeout": wachttijd} if url.startswith("sqlite") else {}, hide_parameters=True
    )
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", functools.partial(_sqlite_pragmas, wachttijd))
    return engine


def _sqlite_pragmas(wachttijd: float, dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    # before anything is written: freed pages (an edited signal, a deleted meeting) are zeroed,
    # not left in the file; SQLite's own default is off, Debian's build has it on
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
    cursor.execute(f"PRAGMA busy_timeout={int(wachttijd * 1000)}")
    cursor.close()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; a fresh file gets the whole schema."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class DatabaseBezet(Exception):
    """A write waited `wachttijd` for the other writes of this process and was not run: the same
    as SQLite's 'database is locked' after its busy timeout, and shown the same way."""


class Database:
    """A short session per action; objects stay readable after commit."""

    def __init__(self, url: str, wachttijd: float = BEZET_WACHTTIJD_S) -> None:
        self.url = url
        self.wachttijd = wachttijd
        self.engine = maak_engine(url, wachttijd)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._schrijver: threading.Lock | None = None
        """SQLite writes one transaction at a time. Left to SQLite, threads that find its lock
        taken sleep in its busy handler for 1, 2, 5 ... 100 ms between tries, however soon the
        lock is free: eight threads storing 200 votes waited 110 ms at p95 and up to 460 ms for
        writes of 4 ms (issue 22). Waiting on this lock instead, each write starts the moment
        the one before it has committed (the same 200 votes: p95 47 ms, max 57 ms). It is taken where SQLite takes its own, at
        the transaction's first statement that writes, so the reads before it run side by side
        as before. Other processes (a backup, the command line) still meet SQLite's busy
        timeout. PostgreSQL locks rows and needs none of this."""
        self._draad = threading.local()
        """Per thread: whether it is in `transactie` ('bezig') and holds the lock ('houdt')."""
        if self.engine.dialect.name == "sqlite":
            self._schrijver = threading.Lock()
            event.listen(self.engine, "before_cursor_execute", self._voor_statement)

    @contextmanager
    def transactie(self) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on an error."""
        self._draad.bezig = True
        try:
            with self._sessions.begin() as db_sessie:
                yield db_sessie
        finally:  # committed or rolled back: the next write of this process may go
            self._draad.bezig = False
            if getattr(self._draad, "houdt", False):
                self._draad.houdt = False
                assert self._schrijver is not None
                self._schrijver.release()

    def _voor_statement(self, _verbinding: object, _cursor: object, statement: str, *_: object) -> None:
        """Before each SQL statement on SQLite: the first one that writes in a `transactie` waits
        for the other writes of this process, at most `wachttijd`."""
        if not getattr(self._draad, "bezig", False) or getattr(self._draad, "houdt", False):
            return
        if statement.lstrip()[:6].upper() == "SELECT":
            return
        assert self._schrijver is not None
        if not self._schrijver.acquire(timeout=self.wachttijd):
            raise DatabaseBezet
        self._draad.houdt = True

    @contextmanager
    def lees(self) -> Iterator[Session]:
        """A session for reading only; it writes nothing (the same transaction rules, named for its use)."""
        with self._sessions.begin() as db_sessie:
            yield db_sessie

    def bereikbaar(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - any failure means: not reachable
            return False

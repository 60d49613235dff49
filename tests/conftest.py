"""Every test gets its own data directory and database; nothing is mocked.

The database is an SQLite file, or, when `BUURTOVERLEG_TEST_POSTGRES` holds the URL of a
PostgreSQL server (as in `.ci/run`'s second run), an emptied PostgreSQL database, so
the same tests show that the README's "any SQLAlchemy URL" holds for PostgreSQL too.
Tests of what only SQLite has (its files, its backup API) are marked `alleen_sqlite`."""

from __future__ import annotations

import gc
import re
import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings
from nicegui.testing import User

from buurtoverleg.app import Context
from buurtoverleg.content import Catalogus, laad
from buurtoverleg.instellingen import Instellingen, Instellingsfout
from buurtoverleg.samenstelling import maak_dienst
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.gebeurtenissen import Gebeurtenis, LokaleBus
from buurtoverleg.storage import Database, upgrade
from tests.postgres import POSTGRES, lege_database, ruim_op

# Property tests assert what the rules say, not how fast: Hypothesis' default 200 ms deadline
# per example fails them on a loaded 2-core machine (speed belongs in benchmarks/).
settings.register_profile("buurtoverleg", deadline=None)
settings.load_profile("buurtoverleg")

TEST_INHOUD = Path(__file__).parent / "inhoud"
_APP: list[Context] = []
"""The context of the app that NiceGUI's `user` fixture started last (see tests/app_main.py)."""


def onthoud_app(ctx: Context) -> None:
    """`voor_start` for the test app: remember its context for the `app` fixture; no page to open."""
    _APP[:] = [ctx]


@pytest.fixture
def user(gemigreerde_app_database: None, user: User) -> User:
    """NiceGUI's simulated user, as a phone whose browser keeps nothing yet: the phone page asks
    the browser's localStorage for drafts (pages/concept.py, JavaScript starting with
    `return bo.`), and a simulated user has no browser to answer. The app it starts finds its
    database already migrated (see `gemigreerde_app_database`)."""
    user.javascript_rules[re.compile(r"(?s)^return bo\.")] = lambda _: None
    return user


@pytest.fixture
def app(user: User) -> Context:
    """The context of the app that NiceGUI's `user` fixture started for this test: page tests read
    links from its domain and reach its database, catalogue and settings. Request it after any
    fixture that must run before the app starts."""
    assert _APP, "no app started: tests/app_main.py did not call onthoud_app"
    return _APP[-1]


ORGANISATOR = "test-organisator-sleutel"


@pytest.fixture(scope="session")
def schema_sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to the newest schema once per run (per xdist worker).

    Running every Alembic migration on a new file takes 0.2-0.7 s; a test that needs an empty,
    migrated database gets a copy of this file instead (under a millisecond). The copy is the
    same bytes a fresh migration writes: the engine is disposed first, so SQLite has moved its
    write-ahead log into the file. The migrations themselves are tested from an empty file in
    tests/storage, and the real server in the browser tests still migrates its own new file."""
    pad = tmp_path_factory.mktemp("schema") / "sjabloon.sqlite"
    database = Database(f"sqlite:///{pad}")
    upgrade(database.engine)
    database.engine.dispose()
    assert not pad.with_name(pad.name + "-wal").exists(), "the template's WAL was not checkpointed"
    return pad


def nieuwe_sqlite(schema_sjabloon: Path, url: str) -> None:
    """Where `url` names an SQLite file that does not exist yet: a copy of the run's template
    there, so it starts migrated. Any other database is left to `upgrade`."""
    if not url.startswith("sqlite:///") or url.startswith("sqlite:///:memory:"):
        return
    pad = Path(url.removeprefix("sqlite:///"))
    if not pad.exists():
        pad.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(schema_sjabloon, pad)


@pytest.fixture
def gemigreerde_app_database(omgeving: Path, schema_sjabloon: Path) -> None:
    """Before NiceGUI's `user` fixture starts the app: the app's own SQLite file (where its
    settings put it) already holds the migrated schema, so its start-up `upgrade` finds nothing
    to do. A test that points the app at another database first gets the ordinary migration."""
    try:
        url = Instellingen.uit_omgeving().db_url
    except Instellingsfout:
        return  # the app's start reports the wrong setting itself
    nieuwe_sqlite(schema_sjabloon, url)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """This test's database: an SQLite file, or the run's emptied PostgreSQL database (see above)."""
    return lege_database(POSTGRES) if POSTGRES else f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture(autouse=True)
def omgeving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Path:
    monkeypatch.setenv("BUURTOVERLEG_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("BUURTOVERLEG_CONTENT_DIR", str(TEST_INHOUD))
    if POSTGRES:
        monkeypatch.setenv("BUURTOVERLEG_DATABASE_URL", request.getfixturevalue("database_url"))
    else:
        monkeypatch.delenv("BUURTOVERLEG_DATABASE_URL", raising=False)
    monkeypatch.delenv("BUURTOVERLEG_STORAGE_SECRET", raising=False)
    monkeypatch.setenv("BUURTOVERLEG_ADMIN_KEY", ORGANISATOR)
    return tmp_path


class Nepklok:
    """A clock the test moves by hand, so timer tests need no sleeping."""

    def __init__(self) -> None:
        self.tijd = datetime(2026, 11, 23, 19, 0, 0)

    def __call__(self) -> datetime:
        return self.tijd

    def verder(self, seconden: float) -> None:
        self.tijd += timedelta(seconds=seconden)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Every module the tests import is loaded now; those objects live as long as the run.
    `gc.freeze()` takes them out of the garbage collector's view, so the full collections
    NiceGUI's `user` fixture runs twice per test (nicegui.testing.general.nicegui_reset_globals)
    walk only what the tests made since, not the whole of NiceGUI, FastAPI, SQLAlchemy and
    ReportLab (a second or more per test on a loaded 2-core machine). Garbage made by the
    tests is still collected as before."""
    gc.collect()
    gc.freeze()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    ruim_op()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if POSTGRES:
        overslaan = pytest.mark.skip(reason="alleen voor SQLite")
        for item in items:
            if "alleen_sqlite" in item.keywords:
                item.add_marker(overslaan)


@pytest.fixture(scope="session")
def catalogus() -> Catalogus:
    return laad(TEST_INHOUD)


@pytest.fixture
def klok() -> Nepklok:
    return Nepklok()


@pytest.fixture
def gebeurtenissen() -> list[Gebeurtenis]:
    return []


@pytest.fixture
def db(database_url: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """This test's database, migrated (an SQLite file starts as a copy of the run's template;
    `upgrade` then checks it is at the newest revision, as the app does at every start)."""
    if not POSTGRES:
        nieuwe_sqlite(request.getfixturevalue("schema_sjabloon"), database_url)
    database = Database(database_url)
    upgrade(database.engine)
    yield database
    database.engine.dispose()


@pytest.fixture
def dienst(db: Database, catalogus: Catalogus, klok: Nepklok, gebeurtenissen: list[Gebeurtenis]) -> Dienst:
    bus = LokaleBus()
    bus.abonneer(gebeurtenissen.append)
    return maak_dienst(db, catalogus, bus, klok=klok)


@pytest.fixture
def overleg(dienst: Dienst):  # type: ignore[no-untyped-def]
    return dienst.aanmelding.maak("Kanaleneiland", date(2026, 11, 23), "test-kort")

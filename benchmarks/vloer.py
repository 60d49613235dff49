"""The floor (issue 22): the least a NiceGUI app can do for a room of phones, to measure
Buurtoverleg against. Not part of the product; `benchmarks/zaal.py` starts it as a server.

    .venv/bin/python benchmarks/vloer.py --port 8765 [--database-url postgresql+psycopg://...]

It does the same work per input as the app, and nothing more:
- one database write per input, in a worker thread (SQLite in WAL mode with synchronous=FULL,
  like the app's file; or any SQLAlchemy URL, e.g. the same PostgreSQL server);
- the phone (`/doe/<code>`) joins with the app's form (Naam, Organisatie, Domein, 'Meedoen'),
  waits in a lobby, then shows the choice question as buttons or the signal question with a
  text box; after a stored input its label says 'Ontvangen ✓' (the words the app uses, so the
  same light clients measure both);
- the beamer (`/scherm`) shows a live count 'K van P hebben geantwoord', a count 'N signalen' and one label
  per signal; every phone appends one label per signal under its signal box.
Updates are pushed from the writer to every page on the event loop (no polling timer). The
step changes through `GET /stap/<lobby|stemmen|signalen>`, which the benchmark calls.
Participant text goes into labels (text, never HTML).
"""

from __future__ import annotations

import argparse
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nicegui import app, run, ui
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, event, insert, select, update
from sqlalchemy.engine import Engine

KEUZEVRAAG = "In welke fase zit de buurt?"
SIGNAALVRAAG = "Wat zie of hoor je in de buurt?"
OPTIES = ("Signalering", "Verkenning", "Aanpak")
ONTVANGEN_ANTWOORD = "Ontvangen ✓ (je kunt het nog wijzigen)"
ONTVANGEN_SIGNAAL = "Ontvangen ✓ Je kunt nog een signaal toevoegen."
DOMEINEN = [
    "Gemeente",
    "Politie",
    "Welzijn / opbouwwerk",
    "Jongerenwerk",
    "Woningcorporatie",
    "Onderwijs",
    "Zorg",
    "Bewoner",
]

log = logging.getLogger("vloer")
metadata = MetaData()
deelnemers = Table(
    "deelnemer", metadata, Column("id", Integer, primary_key=True), Column("naam", String(80), nullable=False)
)
antwoorden = Table(
    "antwoord",
    metadata,
    Column("deelnemer_id", Integer, primary_key=True),
    Column("optie", String(40), nullable=False),
)
signalen = Table(
    "signaal",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("deelnemer_id", Integer, nullable=False),
    Column("tekst", String(500), nullable=False),
)


def maak_engine(url: str) -> Engine:
    engine = create_engine(url, pool_size=8, max_overflow=8) if not url.startswith("sqlite") else create_engine(url)
    if url.startswith("sqlite"):

        @event.listens_for(engine, "connect")
        def _pragma(verbinding: Any, _record: Any) -> None:
            cursor = verbinding.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.close()

    metadata.create_all(engine)
    return engine


class Zaal:
    """The room's state in memory, the database as the record; pages subscribe to changes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.fase = "lobby"
        self.deelnemers = 0
        self.antwoorden: set[int] = set()
        self.luisteraars: set[Callable[[str, Any], None]] = set()
        self.slot = threading.Lock()

    def meld(self, soort: str, waarde: Any) -> None:
        for luisteraar in list(self.luisteraars):
            try:
                luisteraar(soort, waarde)
            except Exception:  # a page that just went away must not stop the others
                log.exception("pagina bijwerken mislukt")

    def aanmelden(self, naam: str) -> int:
        with self.engine.begin() as s:
            return int(s.execute(insert(deelnemers).values(naam=naam[:80])).inserted_primary_key[0])

    def antwoord(self, deelnemer_id: int, optie: str) -> None:
        with self.engine.begin() as s:
            if (
                s.execute(
                    update(antwoorden).where(antwoorden.c.deelnemer_id == deelnemer_id).values(optie=optie)
                ).rowcount
                == 0
            ):
                s.execute(insert(antwoorden).values(deelnemer_id=deelnemer_id, optie=optie))

    def signaal(self, deelnemer_id: int, tekst: str) -> None:
        with self.engine.begin() as s:
            s.execute(insert(signalen).values(deelnemer_id=deelnemer_id, tekst=tekst[:500]))

    def alle_signalen(self) -> list[str]:
        with self.engine.connect() as s:
            return [r[0] for r in s.execute(select(signalen.c.tekst).order_by(signalen.c.id))]


def registreer(zaal: Zaal) -> None:
    def volg(ontvang: Callable[[str, Any], None]) -> None:
        """Subscribe the current page; unsubscribed when its client goes."""
        zaal.luisteraars.add(ontvang)
        ui.context.client.on_delete(lambda: zaal.luisteraars.discard(ontvang))

    @app.get("/stap/{fase}")
    async def stap(fase: str) -> dict[str, str]:  # async: on the event loop, where pages are drawn
        zaal.fase = fase
        zaal.meld("fase", fase)
        return {"fase": fase}

    @ui.page("/scherm")
    async def scherm() -> None:
        teller = ui.label().classes("text-4xl")
        aantal = ui.label()  # the count the app's beamer shows above its page of signals
        lijst = ui.column()

        def toon_teller() -> None:
            teller.set_text(f"{len(zaal.antwoorden)} van {zaal.deelnemers} hebben geantwoord")

        def ontvang(soort: str, waarde: Any) -> None:
            if soort in ("antwoord", "deelnemer"):
                toon_teller()
            elif soort == "signaal":
                with lijst:
                    ui.label(waarde)
                aantal.set_text(f"{len(lijst.default_slot.children)} signalen")

        volg(ontvang)
        toon_teller()
        with lijst:
            for tekst in await run.io_bound(zaal.alle_signalen):
                ui.label(tekst)

    @ui.page("/doe/{code}")
    async def doe(code: str) -> None:
        deelnemer_id = app.storage.user.get("deelnemer")
        if deelnemer_id is None:
            naam = ui.input("Naam")
            ui.input("Organisatie")
            ui.select(DOMEINEN, label="Domein")

            async def meedoen() -> None:
                app.storage.user["deelnemer"] = await run.io_bound(zaal.aanmelden, naam.value or "")
                zaal.deelnemers += 1
                zaal.meld("deelnemer", None)
                ui.navigate.reload()

            ui.button("Meedoen", on_click=meedoen)
            return
        vak = ui.column()

        def teken() -> None:
            vak.clear()
            with vak:
                if zaal.fase == "lobby":
                    ui.label("Welkom! Het overleg begint zo.")
                elif zaal.fase == "stemmen":
                    with ui.card():
                        ui.label(KEUZEVRAAG)
                        for optie in OPTIES:
                            ui.button(optie, on_click=lambda o=optie: kies(o))
                        bevestiging["label"] = ui.label()
                else:
                    with ui.card():
                        ui.label(SIGNAALVRAAG)
                        tekst = ui.textarea("Je signaal")
                        ui.button("Signaal versturen", on_click=lambda: stuur(tekst))
                        bevestiging["label"] = ui.label()
                        bevestiging["lijst"] = ui.column()

        bevestiging: dict[str, Any] = {}

        async def kies(optie: str) -> None:
            bevestiging["label"].set_text("Versturen…")
            await run.io_bound(zaal.antwoord, deelnemer_id, optie)
            zaal.antwoorden.add(deelnemer_id)
            zaal.meld("antwoord", None)
            bevestiging["label"].set_text(ONTVANGEN_ANTWOORD)

        async def stuur(vak_: ui.textarea) -> None:
            tekst = vak_.value or ""
            bevestiging["label"].set_text("Versturen…")
            await run.io_bound(zaal.signaal, deelnemer_id, tekst)
            vak_.set_value("")
            zaal.meld("signaal", tekst)  # appends the label on every page, this one included
            bevestiging["label"].set_text(ONTVANGEN_SIGNAAL)

        def ontvang(soort: str, waarde: Any) -> None:
            if soort == "fase":
                teken()
            elif soort == "signaal" and "lijst" in bevestiging:
                with bevestiging["lijst"]:
                    ui.label(waarde)

        volg(ontvang)
        teken()


def main() -> None:
    ap = argparse.ArgumentParser(description="the floor app for benchmarks/zaal.py")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--database-url", default="")
    args = ap.parse_args()
    args.data_dir.mkdir(parents=True, exist_ok=True)
    url = args.database_url or f"sqlite:///{(args.data_dir / 'vloer.sqlite').resolve()}"
    zaal = Zaal(maak_engine(url))
    registreer(zaal)
    app.get("/health")(lambda: {"ok": True})
    ui.run(
        host="127.0.0.1",
        port=args.port,
        reload=False,
        show=False,
        storage_secret="vloer-benchmark",
        reconnect_timeout=60.0,
    )


if __name__ in {"__main__", "__mp_main__"}:
    main()

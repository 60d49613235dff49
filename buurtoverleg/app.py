"""Wiring: settings -> database -> content -> domain -> pages. Nothing else lives here."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from fastapi.responses import JSONResponse
from nicegui import app, run, ui

from . import content, qr
from .instellingen import VERSIE, Instellingen
from .live import NiceGuiPublisher
from .sessie.dienst import Dienst
from .storage import Database, upgrade
from .toegang import Organisator, Remmer

log = logging.getLogger("buurtoverleg")
HUIDIG: "Context | None" = None
"""The context of the running app, for tests and scripts that drive it from outside."""


@dataclass
class Context:
    """What every page needs; handed to the page modules when they register."""

    instellingen: Instellingen
    db: Database
    catalogus: content.Catalogus
    dienst: Dienst
    publisher: NiceGuiPublisher
    organisator: Organisator
    remmer: Remmer
    """Failed join codes and organiser logins, per client address."""


def bouw(instellingen: Instellingen) -> Context:
    """Prepare database and content and register every page and endpoint."""
    db = Database(instellingen.db_url)
    upgrade(db.engine)
    catalogus = content.laad(instellingen.content_dir)
    for fout in catalogus.fouten:
        log.warning("inhoud: %s", fout)
    publisher = NiceGuiPublisher()
    ctx = Context(instellingen, db, catalogus, Dienst(db, catalogus, publisher), publisher,
                  Organisator(instellingen.datamap, instellingen.admin_key), Remmer())
    global HUIDIG
    HUIDIG = ctx

    from .pages import deelnemer, home, leiding, notulen, scherm
    from .pages.gedeeld import huisstijl

    huisstijl()
    if qr.lan_adres() is None and not instellingen.publieke_url:
        log.warning("geen netwerkadres gevonden: start met --public-url zodat telefoons de QR-code kunnen gebruiken")

    for module in (home, deelnemer, leiding, scherm, notulen):
        module.registreer(ctx)

    @app.get("/health")
    async def health() -> JSONResponse:
        ok = await run.io_bound(ctx.db.bereikbaar)
        body = {"status": "ok" if ok else "fout", "version": VERSIE, "database": "ok" if ok else "onbereikbaar"}
        return JSONResponse(body, status_code=200 if ok else 503)

    return ctx


def start(instellingen: Instellingen, *, show: bool = False) -> None:
    bouw(instellingen)
    ui.run(
        host=instellingen.host,
        port=instellingen.port,
        title="Buurtoverleg",
        language="nl",
        reload=False,
        show=show,
        storage_secret=instellingen.geheim(),
        reconnect_timeout=30.0,
        show_welcome_message=False,
        favicon="🏘️",
    )

"""Wiring: settings -> database -> content -> domain -> pages. Nothing else lives here."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from fastapi.responses import JSONResponse
from nicegui import app, run, ui

from . import content, qr
from .appcontext import Context
from .bestanden import besloten_datamap
from .instellingen import VERSIE, Instellingen
from .live import NiceGuiPublisher
from .samenstelling import maak_dienst
from .storage import Database, upgrade
from .storage.database import INTERACTIEF_WACHTTIJD_S
from .toegang import Organisator, Remmer

log = logging.getLogger("buurtoverleg")

GIL_INTERVAL = 0.001
"""Seconds a thread may hold Python's lock (the GIL) while another waits for it (Python's default:
0.005). The database work runs in threads and gives the lock up at every SQL call; while the event
loop was busy drawing phones, each call waited up to 5 ms to get it back, so a signal's write held
SQLite's lock for tens of milliseconds and writes queued past their wait in a room of 400 (issue 22)."""
KOEKJE_DAGEN = 7
"""How long a browser keeps its session cookie (Starlette's default is 14 days). It lets a phone
come back as the same participant and a facilitator's or secretary's browser keep its PIN during
a meeting and the week after, while the minutes are finished. Every meeting of a series has its
own code and PINs, so nothing needs it longer; a lost phone or a shared laptop forgets sooner."""


def koekje(instellingen: Instellingen) -> dict[str, object]:
    """The session cookie: `Secure` when the public address is https (behind a proxy), so the
    browser never sends it over plain http; SameSite=Lax; `KOEKJE_DAGEN` long."""
    https = (instellingen.publieke_url or "").lower().startswith("https://")
    return {"https_only": https, "max_age": KOEKJE_DAGEN * 24 * 3600, "same_site": "lax"}


def bouw_app(instellingen: Instellingen) -> Context:
    """Prepare database and content and register every page and endpoint."""
    besloten_datamap(instellingen.datamap)  # files private from the first one (the command line did it too)
    db = Database(instellingen.db_url, INTERACTIEF_WACHTTIJD_S)
    upgrade(db.engine)
    catalogus = content.laad(instellingen.content_dir)
    for fout in catalogus.fouten:
        log.warning("inhoud: %s", fout)
    publisher = NiceGuiPublisher()
    ctx = Context(
        instellingen,
        db,
        catalogus,
        maak_dienst(db, catalogus, publisher),
        publisher,
        Organisator(instellingen.datamap, instellingen.admin_key),
        Remmer(),
    )
    ctx.dienst.organisatorcontrole = ctx.organisator  # only the organiser may delete meetings
    _bewaartermijn(ctx)

    from .pages import deelnemer, home, leiding, notulen, scherm, socketwacht, vooraf, voorafbeheer
    from .pages.gedeeld import huisstijl

    huisstijl()
    socketwacht.installeer()
    if qr.lan_adres() is None and not instellingen.publieke_url:
        log.warning("geen netwerkadres gevonden: start met --public-url zodat telefoons de QR-code kunnen gebruiken")

    for module in (home, deelnemer, leiding, scherm, notulen, vooraf, voorafbeheer):
        module.registreer(ctx)

    @app.get("/health")
    async def health() -> JSONResponse:
        ok = await run.io_bound(ctx.db.bereikbaar)
        body = {"status": "ok" if ok else "fout", "version": VERSIE, "database": "ok" if ok else "onbereikbaar"}
        return JSONResponse(body, status_code=200 if ok else 503)

    return ctx


def _bewaartermijn(ctx: Context) -> None:
    """The retention period: once now, before anyone connects, then daily (a server may run for months)."""
    maanden = ctx.instellingen.bewaartermijn_maanden
    if maanden is None:
        log.info("geen bewaartermijn ingesteld: overleggen blijven tot de organisator ze verwijdert")
        return
    from .sessie.bewaren import verslag

    def ruim_op() -> None:
        try:
            opruiming = ctx.dienst.bewaren.ruim_op(
                maanden, ctx.instellingen.bewaren, exportmap=ctx.instellingen.exportmap
            )
        except Exception:
            log.exception("bewaartermijn: opruimen mislukt")
            return
        for regel in verslag(opruiming):
            log.info("bewaartermijn: %s", regel.strip())

    async def dagelijks() -> None:
        await run.io_bound(ruim_op)

    ruim_op()
    app.timer(24 * 3600, dagelijks, immediate=False)


def start(
    instellingen: Instellingen, *, show: bool = False, voor_start: Callable[[Context], str | None] | None = None
) -> None:
    """Build and run the app. `voor_start(ctx)` may prepare data and register startup work
    (the demo does); the page it returns is the one `show` opens instead of the start page."""
    ctx = bouw_app(instellingen)
    pagina = voor_start(ctx) if voor_start is not None else None
    sys.setswitchinterval(GIL_INTERVAL)
    ui.run(
        host=instellingen.host,
        port=instellingen.port,
        title="Buurtoverleg",
        language="nl",
        reload=False,
        show=(pagina or True) if show else False,
        storage_secret=instellingen.geheim(),
        session_middleware_kwargs=koekje(instellingen),
        reconnect_timeout=30.0,
        show_welcome_message=False,
        favicon="🏘️",
    )

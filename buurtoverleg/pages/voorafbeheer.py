"""The facilitator's page for the round vooraf (`/leiding/<token>/vooraf`): open it with a
deadline, send the link or QR code, see who has handed in (not what, until the deadline or
until choosing to read early), extend or close it, and download every member's A4 as one PDF.

A page of its own beside the console, opened with the same link and PIN, so the console and
the beamer stay as they are. It follows the meeting's events (a member handing in redraws the
list) and re-reads each minute, since a deadline passing is not an event.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from nicegui import ui
from starlette.requests import Request

from .. import qr
from ..appcontext import Context
from ..export.pdfvooraf import a4_pdf
from ..sessie.vooraf import Voorafleiding
from ..sessie.voorafstand import Voorafoverzicht, lokaal
from . import pincode
from .gedeeld import GETYPT, KLEUR, Mislukt, doe, kopniveau, probeer, stopt_stil
from .volgen import Deel, volg
from .vooraf import moment

Teken = Callable[[], Awaitable[None]]
"""Redraws the page from the database (after an action of this page)."""
STATUSKLEUR = {"ingeleverd": KLEUR["eensgezind"], "concept": KLEUR["verdeeld"], "nog niets": "#5f6368"}


def registreer(ctx: Context) -> None:
    dienst = ctx.dienst

    @ui.page("/leiding/{token}/vooraf")
    @stopt_stil
    async def voorafbeheer(token: str, request: Request) -> None:
        ui.page_title("Vooraf · Gespreksleider · Buurtoverleg")
        if (meeting_id := await pincode.toegang(ctx, "gespreksleider", token)) is None:
            return
        links = await doe(dienst.aanmelding.links, meeting_id)
        vergadering = await doe(dienst.lezen.vergadering, meeting_id)
        basis = qr.basis_url(str(request.base_url), ctx.instellingen.publieke_url)
        url = f"{basis}/vooraf/{links.join_code}"
        leiding = dienst.vooraf.leiding(token)
        gelezen: dict[str, int] = {}

        with ui.column().classes("w-full max-w-4xl mx-auto p-3 gap-3"):
            ui.label(f"Vooraf · {vergadering.buurt} · {vergadering.datum:%d-%m-%Y}").classes(
                f"text-2xl font-bold {GETYPT}"
            ).props(kopniveau(1))
            ui.link("Terug naar de console", f"/leiding/{token}").classes("text-sm")
            ui.label(
                "Ieder lid beantwoordt vooraf, alleen, de vragen over het beeld en het oordeel. "
                "Het overleg begint met die antwoorden als ronde 'Vooraf'."
            ).classes("text-gray-700")
            inhoud = ui.column().classes("w-full gap-3")

        async def teken() -> None:
            versie = await doe(dienst.lezen.versie, meeting_id)  # before the reads: they are never older
            overzicht = await doe(leiding.overzicht)
            stand = await doe(dienst.lezen.vergadering, meeting_id)
            inhoud.clear()
            with inhoud:
                if overzicht is None:
                    _openen(lokaal(dienst.nu()) or dienst.nu(), leiding, teken)
                else:
                    _overzicht(overzicht, url, stand.status, leiding, teken)
            gelezen["versie"] = versie

        async def herteken(_delen: frozenset[Deel]) -> int | None:
            await teken()
            return gelezen["versie"]

        await volg(ctx.publisher, meeting_id, {Deel.DEELNEMERS, Deel.VERLOOP}, herteken, dienst.lezen.versie)
        ui.timer(60, lambda: herteken(frozenset()))


def _deadlinevelden(standaard: datetime) -> tuple[ui.input, ui.input]:
    with ui.row().classes("items-end gap-2"):
        dag = ui.input("Datum", value=f"{standaard:%Y-%m-%d}").props('type=date outlined aria-label="Datum"')
        tijd = ui.input("Tijd", value=f"{standaard:%H:%M}").props('type=time outlined aria-label="Tijd"')
    return dag, tijd


def _lees(dag: ui.input, tijd: ui.input) -> datetime | None:
    try:
        return datetime.strptime(f"{dag.value} {tijd.value}", "%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        ui.notify("Kies een datum en een tijd voor de deadline.", type="warning")
        return None


def _openen(nu: datetime, leiding: Voorafleiding, teken: Teken) -> None:
    ui.label("Nog geen ronde vooraf").classes("text-xl font-bold").props(kopniveau(2))
    ui.label("Kies tot wanneer leden kunnen invullen; het overleg zelf is de laatste mogelijke dag.").classes(
        "text-gray-700"
    )
    dag, tijd = _deadlinevelden((nu + timedelta(days=3)).replace(hour=17, minute=0))

    async def open_() -> None:
        deadline = _lees(dag, tijd)
        if deadline is not None and await probeer(leiding.open, deadline):
            await teken()

    ui.button("Ronde vooraf openen", on_click=open_).props('data-testid="vooraf-openen"')


def _overzicht(o: Voorafoverzicht, url: str, status: str, leiding: Voorafleiding, teken: Teken) -> None:
    with ui.row().classes("w-full gap-6 items-start"):
        with ui.column().classes("gap-2 grow min-w-0"):
            toestand = "open" if o.open else "gesloten"
            ui.label(f"Ronde vooraf: {toestand}").classes("text-xl font-bold").props(
                f'{kopniveau(2)} data-testid="vooraf-toestand"'
            )
            ui.label(f"Deadline: {moment(o.deadline)}").classes("text-base")
            if o.gesloten_op:
                ui.label(f"Gesloten op {moment(o.gesloten_op)}").classes("text-sm text-gray-600")
            ui.label("Stuur de leden deze link of de QR-code:").classes("text-base")
            ui.label(url).classes("font-mono text-base break-all").props('data-testid="vooraf-link"')
        ui.html(qr.svg(url), sanitize=False).classes("w-48 h-48 bg-white").props('aria-label="QR-code"')

    ui.label(f"{o.ingeleverd} van {len(o.leden)} ingeleverd").classes("text-lg font-semibold").props(
        'data-testid="vooraf-teller"'
    )
    with ui.column().classes("w-full gap-1"):
        for lid in o.leden:
            with ui.row().classes("w-full items-center gap-3").props('data-testid="vooraf-lid"'):
                ui.label(lid.naam).classes(f"font-semibold min-w-0 {GETYPT}")
                ui.label(f"{lid.organisatie} · {lid.domein}" if lid.organisatie else lid.domein).classes(
                    f"text-gray-600 min-w-0 {GETYPT}"
                )
                tekst = lid.status + (f" ({moment(lid.ingeleverd_op)})" if lid.ingeleverd_op else "")
                ui.label(tekst).classes("px-2 rounded text-white text-sm").style(
                    f"background: {STATUSKLEUR[lid.status]}"
                )
        if not o.leden:
            ui.label("Nog niemand heeft de link geopend.").classes("text-gray-600")

    if status != "lobby":
        ui.label("Het overleg is begonnen: de antwoorden staan bij de stappen als ronde 'Vooraf'.").classes(
            "text-gray-700"
        )
    else:
        with ui.row().classes("items-end gap-2"):
            dag, tijd = _deadlinevelden(o.deadline)

            async def verleng() -> None:
                deadline = _lees(dag, tijd)
                if deadline is not None and await probeer(leiding.open, deadline):
                    ui.notify("Nieuwe deadline opgeslagen.", type="positive")
                    await teken()

            ui.button("Deadline wijzigen" if o.open else "Heropenen tot deze deadline", on_click=verleng).props(
                "outline"
            )
        if o.open:

            async def sluit() -> None:
                if await probeer(leiding.sluit):
                    await teken()

            ui.button("Nu sluiten", on_click=sluit).props("outline")

    if o.zichtbaar:

        async def download() -> None:
            try:
                paginas = await doe(leiding.alle_a4)
            except Mislukt:
                return
            ui.download.content(a4_pdf(paginas), "vooraf-alle-leden.pdf", "application/pdf")

        ui.button("Alle A4's downloaden (PDF)", on_click=download).props('data-testid="vooraf-alle-a4"')
    else:
        ui.label("Wat de leden schreven, lees je na de deadline; of toon het nu al.").classes("text-gray-700")

        async def toon() -> None:
            if await probeer(leiding.toon):
                await teken()

        ui.button("Antwoorden nu al tonen", on_click=toon).props("outline")

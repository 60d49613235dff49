"""The organiser's home page: the meetings with their secret links, and a form to create one.

Only an organiser sees it: after the key, or on a fresh install after choosing one on
the machine itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import app, run, ui
from starlette.requests import Request

from .. import qr
from ..appcontext import Context
from ..export import mediatype
from ..sessie.dienst import Dienst
from ..sessie.pincode import PIN_ROLLEN, schoon_pin
from ..sessie.toestand import MEETING_STATUS, Overzichtsregel
from ..toegang import te_veel
from . import pincode
from .gedeeld import KLEUR, Mislukt, antwoord_van, dialoog, doe, kopniveau, machtig, probeer, stopt_stil


def registreer(ctx: Context) -> None:
    dienst = ctx.dienst

    generatie = ctx.organisator.meld_aan  # a random session id kept in the session; the domain checks the same

    def ingelogd() -> bool:
        return ctx.organisator.erkent(app.storage.user.get("organisator"))

    @ui.page("/")
    @stopt_stil
    async def home(request: Request) -> None:
        ui.page_title("Buurtoverleg")
        client = request.client.host if request.client else "onbekend"
        with ui.column().classes("w-full max-w-4xl mx-auto p-4 gap-6"):
            ui.label("Buurtoverleg").classes("text-3xl font-bold").props(kopniveau(1))
            ui.label(
                "Signaleer, duid en pak spanningen in de buurt samen aan: de gespreksleider projecteert, "
                "deelnemers doen mee met hun telefoon, de notulist downloadt de besluiten- en actielijst."
            ).classes("text-gray-700")
            ui.link("Meedoen als deelnemer? Ga naar de code-invoer.", "/doe")
            if not ctx.organisator.ingesteld:
                _eerste_keer(ctx, client, generatie)
            elif not ingelogd():
                _inloggen(ctx, client, generatie)
            else:
                machtig("organisator")  # this page may use the meetings' facilitator links
                await _overleggen(ctx, dienst)


def _eerste_keer(ctx: Context, client: str, generatie: Callable[[], str]) -> None:
    with ui.card().classes("w-full"):
        ui.label("Eerste keer: kies een organisatorwachtwoord").classes("text-xl font-semibold").props(kopniveau(2))
        if client not in qr.LOKAAL:
            ui.label(
                "Dit kan alleen op de computer waarop Buurtoverleg draait (open http://localhost:8080), "
                "of stel BUURTOVERLEG_ADMIN_KEY in."
            )
            return
        ui.label("Met dit wachtwoord maak je overleggen aan en zie je hun geheime links.")
        een = ui.input("Wachtwoord", password=True, password_toggle_button=True).classes("w-full").mark("wachtwoord")
        twee = ui.input("Nog een keer", password=True).classes("w-full").mark("wachtwoord-herhaald")

        def bewaar() -> None:
            if een.value != twee.value:
                ui.notify("De twee wachtwoorden zijn niet gelijk.", type="warning")
                return
            try:
                ctx.organisator.stel_in(een.value or "")
            except (ValueError, PermissionError) as fout:
                ui.notify(str(fout), type="warning")
                return
            app.storage.user["organisator"] = generatie()
            ui.navigate.reload()

        ui.button("Wachtwoord instellen", on_click=bewaar).props("color=primary")


def _inloggen(ctx: Context, client: str, generatie: Callable[[], str]) -> None:
    with ui.card().classes("w-full max-w-md"):
        ui.label("Organisator").classes("text-xl font-semibold").props(kopniveau(2))
        sleutel = ui.input("Wachtwoord", password=True).classes("w-full").mark("wachtwoord")

        async def probeer() -> None:
            rem = f"login:{client}"
            wacht = ctx.remmer.poging(rem)  # claimed before the check: tries sent together count too
            if wacht > 0:
                ui.notify(te_veel(wacht, "pogingen"), type="warning")
                return
            opslag = app.storage.user  # taken before the await, from this request's context
            if not await run.io_bound(ctx.organisator.klopt, sleutel.value or ""):
                ui.notify("Dat wachtwoord klopt niet.", type="warning")
                return
            ctx.remmer.gelukt(rem)
            opslag["organisator"] = generatie()
            ui.navigate.reload()

        sleutel.on("keydown.enter", probeer)
        ui.button("Inloggen", on_click=probeer).props("color=primary")


async def _overleggen(ctx: Context, dienst: Dienst) -> None:
    with ui.card().classes("w-full"):
        ui.label("Nieuw overleg").classes("text-xl font-semibold").props(kopniveau(2))
        buurt = ui.input("Buurt of wijk").props("outlined").classes("w-full")
        datum = ui.input("Datum", value=date.today().isoformat()).props("outlined type=date")
        with ui.row().classes("w-full gap-3"):  # the heading of the minutes; the secretary can correct them
            plaats = ui.input("Plaats (optioneel)").props("outlined maxlength=120").classes("grow").mark("nieuw-plaats")
            voorzitter = (
                ui.input("Voorzitter (optioneel)")
                .props("outlined maxlength=120")
                .classes("grow")
                .mark("nieuw-voorzitter")
            )
            notulist = (
                ui.input("Notulist (optioneel)").props("outlined maxlength=120").classes("grow").mark("nieuw-notulist")
            )
        templates = {t.id: t.titel for t in ctx.catalogus.sjablonen()}
        template = (
            ui.select(templates, label="Sjabloon", value=next(iter(templates), None))
            .props("outlined")
            .classes("w-full")
        )
        rijen = await doe(dienst.aanmelding.overzicht)
        vorige = (
            ui.select(
                {0: "(geen)", **{r.id: f"{r.buurt} · {r.datum:%d-%m-%Y}" for r in rijen}},
                value=0,
                label="Vervolg op (de open acties komen mee)",
            )
            .props("outlined")
            .classes("w-full")
        )
        pins = {
            rol: ui.input(f"Pincode {rol} (optioneel, 4-8 cijfers)", password=True)
            .props("outlined inputmode=numeric autocomplete=new-password maxlength=8")
            .classes("w-64")
            .mark(f"nieuw-pin-{rol}")
            for rol in PIN_ROLLEN
        }

        async def maak() -> None:
            try:
                dag = date.fromisoformat(datum.value)
            except (TypeError, ValueError):
                ui.notify("Vul een geldige datum in.", type="warning")
                return
            if not template.value:
                ui.notify("Kies een sjabloon.", type="warning")
                return
            gekozen = {rol: veld.value.strip() for rol, veld in pins.items() if (veld.value or "").strip()}
            try:
                for pin in gekozen.values():  # a wrong PIN is refused before the meeting exists
                    await doe(schoon_pin, pin)
                links = await doe(
                    dienst.aanmelding.maak,
                    buurt.value or "",
                    dag,
                    template.value,
                    vorige.value or None,
                    plaats=plaats.value or "",
                    voorzitter=voorzitter.value or "",
                    notulist=notulist.value or "",
                )
                for rol, pin in gekozen.items():
                    stand = await doe(dienst.leiding(links.facilitator_token).stel_pin, rol, pin)
                    pincode.onthoud(app.storage.user, rol, links.meeting_id, stand)
            except Mislukt:
                return
            ui.navigate.to(f"/leiding/{links.facilitator_token}")

        ui.button("Overleg aanmaken", on_click=maak).props("color=primary")

    def afmelden() -> None:
        ctx.organisator.meld_af(app.storage.user.pop("organisator", None))
        ui.navigate.reload()

    with ui.row().classes("w-full items-center justify-between"):
        ui.label("Overleggen").classes("text-xl font-semibold").props(kopniveau(2))
        ui.button("Afmelden", on_click=afmelden).props("flat")
    if not rijen:
        ui.label("Nog geen overleggen.").classes("text-gray-600")
    for r in rijen:
        with ui.card().classes("w-full"):
            with ui.row().classes("items-center gap-4 w-full"):
                ui.label(f"{r.buurt} · {r.datum:%d-%m-%Y}").classes("text-lg font-semibold")
                ui.label(r.template_titel).classes("text-gray-700")
                ui.badge(MEETING_STATUS.get(r.status, r.status)).style(f"background: {KLEUR['primair']}")
                ui.button("Verwijderen", icon="delete", on_click=lambda r=r: _verwijderen(ctx, r)).props(
                    "flat dense color=negative"
                ).classes("ml-auto").mark(f"verwijder-{r.id}")
            with ui.row().classes("gap-4"):
                ui.link("Gespreksleider", f"/leiding/{r.links.facilitator_token}")
                ui.link("Beamer", f"/scherm/{r.links.projector_token}")
                ui.link("Notulist", f"/notulen/{r.links.secretary_token}")
                ui.label(f"Code voor deelnemers: {r.links.join_code}").classes("font-mono")
            with ui.expansion("Pincodes op de links").classes("w-full").props("dense"):
                await pincode.beheer(ctx, r.id, r.links.facilitator_token)


async def _verwijderen(ctx: Context, r: Overzichtsregel) -> None:
    """Say what goes, offer the JSON archive first, then let the domain delete (it checks the organiser)."""
    dienst, bewijs, exportmap = ctx.dienst, app.storage.user.get("organisator"), ctx.instellingen.exportmap
    try:
        inhoud = await doe(dienst.lezen.inhoud, r.id, exportmap)
    except Mislukt:
        return

    async def archief() -> None:
        try:
            naam, data = await doe(dienst.organisator(bewijs).archief, r.id)
        except Mislukt:
            return
        ui.download.content(data, naam, mediatype("json"))

    with dialoog() as venster, ui.card().classes("w-[36rem]"):
        ui.label(f"{inhoud.buurt} · {inhoud.datum:%d-%m-%Y} verwijderen?").classes("text-lg font-semibold")
        ui.label("Dit verwijdert het overleg met alle persoonsgegevens, voorgoed:")
        with ui.column().classes("gap-1 pl-2"):
            for regel in inhoud.regels():
                ui.label(f"• {regel}")
        ui.label(
            "Moet het in het dossier blijven? Download dan eerst het archief (JSON, met de notulen en de "
            "ruwe antwoorden) en bewaar het waar de gemeente haar dossiers bewaart."
        )
        with ui.row().classes("w-full justify-end gap-2"):
            ui.button("Archief downloaden (JSON)", icon="download", on_click=archief).props("outline").mark(
                "archief-downloaden"
            )
            ui.button("Annuleren", on_click=venster.close).props("flat")
            ui.button("Definitief verwijderen", on_click=lambda: venster.submit(True)).props("color=negative").mark(
                "verwijder-bevestig"
            )
    if await antwoord_van(venster) and await probeer(
        dienst.organisator(bewijs).verwijder_overleg, r.id, exportmap=exportmap
    ):
        ui.navigate.reload()

"""The participant's phone: join with the code, then one prompt per screen.

The server remembers the phone's participant id (`app.storage.user`); answers are read back
from the database, so a reload after the phone slept shows the same person with the same
answers. What is typed or picked and not yet sent stays on the phone itself (`concept.py`).
At the top of the screen: where the meeting is (stap x van y) and the time left.
"""

from __future__ import annotations

import asyncio
import time

from nicegui import app, ui
from starlette.requests import Request

from .. import aanmeldgrens
from ..appcontext import Context
from ..sessie.aanmelding import MAX_NAAM, MAX_ORGANISATIE
from ..sessie.codes import normaliseer_code
from ..sessie.toestand import DOMEINEN, Deelnemer, Stap, Vergadering
from ..toegang import te_veel
from . import concept as geheugen
from . import methode
from .actielijst import Actielijst
from .eenlezing import samen_gelezen
from .gedeeld import GETYPT, KLEUR, Mislukt, Storing, doe, kopniveau, stopt_stil
from .klok import Klokweergave
from .onverstuurd import Onverstuurd
from .telefoonvraag import GROOT, Telefoonstaat, vraag_invoer
from .volgen import Deel, volg
from .weergave import balken, duidingsblok

LUISTER_MEE = "Luister mee: hier hoef je niets in te vullen"
MELDINGEN = {
    "code": "Die code kennen we niet. Kijk nog eens op het scherm.",
    "afgelopen": "Dit overleg is afgelopen of verwijderd. Vraag de gespreksleider om de nieuwe code.",
}
"""What `/doe?fout=<code>` may say above the code field; any other value shows nothing."""


def registreer(ctx: Context) -> None:
    dienst = ctx.dienst
    geheugen.installeer()

    @ui.page("/doe")
    def code_invoeren(fout: str = "") -> None:
        ui.page_title("Meedoen · Buurtoverleg")
        # only a message the app chose: `?fout=` is a code, never text to show (issue 21: any
        # text there made the join page say "Code verlopen, ga naar http://...")
        _codeformulier(MELDINGEN.get(fout, ""))

    # After a server restart every phone in the room reloads at once; on a busy laptop building
    # thirty pages takes longer than NiceGUI's 3 s default, after which a phone would get an
    # error page instead of its question (benchmarks/storing.py measured this).
    @ui.page("/doe/{code}", reconnect_timeout=60.0, response_timeout=30.0)
    @stopt_stil
    async def meedoen(code: str, request: Request) -> None:
        ui.page_title("Meedoen · Buurtoverleg")
        gevonden = await via_code(ctx, code, request)
        if gevonden is None:
            return
        meeting_id, sleutel, adres = gevonden
        deelnemer_id = app.storage.user.get(sleutel)
        deelnemer = await doe(dienst.aanmelding.aangemeld, meeting_id, deelnemer_id) if deelnemer_id else None
        if deelnemer is None:
            await aanmeldformulier(ctx, meeting_id, sleutel, adres)
        else:
            await _telefoon(ctx, meeting_id, normaliseer_code(code), deelnemer)


WACHT_OP_CONTROLES = 10.0
"""Longest a join waits for other checks from its address before the brake's refusal stands."""


async def via_code(ctx: Context, code: str, request: Request) -> tuple[int, str, str] | None:
    """The meeting behind a typed join code, this browser's key for its participant there, and
    the caller's address; or None after drawing the code form with why. Wrong codes are braked
    per address, claimed before the check so tries sent together count too."""
    adres = request.client.host if request.client else "onbekend"
    client = f"code:{adres}"
    wacht = ctx.remmer.poging(client)
    tot = time.monotonic() + WACHT_OP_CONTROLES
    # a room behind one router opens the link together: wait for those checks, they are right
    while wacht > 0 and ctx.remmer.wordt_gecontroleerd(client) and time.monotonic() < tot:
        await asyncio.sleep(0.05)
        wacht = ctx.remmer.poging(client)
    if wacht > 0:
        _codeformulier(te_veel(wacht, "verkeerde codes"))
        return None
    try:
        meeting_id = await doe(ctx.dienst.aanmelding.via_code, code)
    except Mislukt as fout:
        if isinstance(fout, Storing):  # a fault on our side is no wrong code
            ctx.remmer.terug(client)
        else:
            ctx.remmer.beslist(client)
        _codeformulier(str(fout))
        return None
    ctx.remmer.terug(client)  # a right code is no failure
    # the code as well as the number: SQLite may hand a deleted meeting's number to a new
    # meeting, and a phone from the old one must not walk in as one of the new participants
    return meeting_id, f"deelnemer-{meeting_id}-{normaliseer_code(code)}", adres


def _codeformulier(fout: str) -> None:
    with ui.column().classes("w-full max-w-md mx-auto p-4 gap-4"):
        ui.label("Meedoen met een buurtoverleg").classes("text-2xl font-bold").props(kopniveau(1))
        if fout:
            ui.label(fout).classes("text-lg").style(f"color: {KLEUR['verdeeld']}")
        code = ui.input("Code van het scherm").props('outlined autocapitalize=characters aria-label="Code"')
        code.classes("w-full text-2xl")

        def verder() -> None:
            schoon = "".join(ch for ch in (code.value or "") if ch.isalnum())[:20]
            if not schoon:
                ui.notify("Vul de code in die op het scherm staat.", type="warning")
                return
            ui.navigate.to(f"/doe/{schoon}")

        code.on("keydown.enter", verder)
        ui.button("Verder", on_click=verder).classes(GROOT)


async def aanmeldformulier(ctx: Context, meeting_id: int, sleutel: str, adres: str) -> None:
    dienst = ctx.dienst
    vergadering = await doe(dienst.lezen.vergadering, meeting_id)
    with ui.column().classes("w-full max-w-md mx-auto p-4 gap-3"):
        ui.label(f"Buurtoverleg {vergadering.buurt}").classes(f"text-2xl font-bold {GETYPT}").props(kopniveau(1))
        ui.label("Vul in wie je bent. Je naam is alleen voor de gespreksleider zichtbaar.").classes("text-gray-700")
        naam = ui.input("Naam").props(f"outlined maxlength={MAX_NAAM}").classes("w-full")
        organisatie = ui.input("Organisatie").props(f"outlined maxlength={MAX_ORGANISATIE}").classes("w-full")
        domein = ui.select(DOMEINEN, label="Domein").props("outlined").classes("w-full")
        onthoud = ui.checkbox("Onthoud mij op deze telefoon").classes("text-base").style("min-height: 48px")
        ui.label(
            "Dan staan je naam, organisatie en domein de volgende keer al ingevuld. Alleen op deze telefoon."
        ).classes("text-sm text-gray-600")

        bezig = False
        """A double tap on 'Meedoen' must not sign the same person up twice (two people
        with the same name may, so the domain does not refuse a repeated name)."""

        async def aanmelden() -> None:
            nonlocal bezig
            if bezig:
                return
            if not domein.value:
                ui.notify("Kies je domein.", type="warning")
                return
            wacht = ctx.aanmeldgrens.wachttijd(meeting_id, adres, vergadering.max_deelnemers)
            if wacht > 0:
                ui.notify(aanmeldgrens.melding(wacht), type="warning", position="top", multi_line=True)
                return
            bezig = True
            try:
                nieuw = await doe(
                    dienst.aanmelding.aanmelden, meeting_id, naam.value or "", organisatie.value or "", domein.value
                )
            except Mislukt:
                bezig = False
                return
            ctx.aanmeldgrens.aangemeld(meeting_id, adres, vergadering.max_deelnemers)
            app.storage.user[sleutel] = nieuw
            if onthoud.value:  # opt-in; kept on this phone only, never on the server
                mij = {"naam": naam.value or "", "organisatie": organisatie.value or "", "domein": domein.value}
                geheugen.zet(geheugen.MIJ, mij)
            else:
                geheugen.wis(geheugen.MIJ)
            ui.navigate.reload()  # after the two lines above: the phone handles them in order

        ui.button("Meedoen", on_click=aanmelden).classes(GROOT)

    await ui.context.client.connected()
    mij = await geheugen.lees(geheugen.MIJ)
    if isinstance(mij, dict):  # remembered on this phone: filled in, still to be checked and sent
        naam.set_value(str(mij.get("naam", ""))[:MAX_NAAM])
        organisatie.set_value(str(mij.get("organisatie", ""))[:MAX_ORGANISATIE])
        if mij.get("domein") in DOMEINEN:
            domein.set_value(mij["domein"])
        onthoud.set_value(True)


async def _telefoon(ctx: Context, meeting_id: int, code: str, ik: Deelnemer) -> None:
    dienst = ctx.dienst
    await ui.context.client.connected()  # the drafts are on the phone: read them over the connection
    staat = Telefoonstaat(ctx, meeting_id, ik, geheugen.voorvoegsel(code, ik.id))
    for sleutel, waarde in (await geheugen.lees_alles(staat.voorvoegsel)).items():
        if sleutel.startswith("concept:") and waarde not in (None, ""):
            staat.concept[sleutel.removeprefix("concept:")] = waarde
    getoond: dict[tuple[int, int], int] = {}
    """(step, round) -> which of its prompts is on screen: one prompt per screen."""

    with ui.column().classes("w-full max-w-md mx-auto p-3 gap-3"):
        ui.label("Buurtoverleg").classes("sr-only").props(kopniveau(1))  # the step title below is level 2
        with ui.row().classes("w-full items-center justify-between"):
            ui.label(f"{ik.naam}").classes(f"text-base font-semibold min-w-0 {GETYPT}")
            ui.label(DOMEINEN.get(ik.domein, ik.domein)).classes("text-sm text-gray-600")
        with ui.row().classes("w-full items-center justify-between text-gray-700"):
            plaats = ui.label().classes("text-sm")
            with ui.row().classes("items-center gap-1"):
                tijd = ui.label("Tijd over").classes("text-sm")
                klok = Klokweergave("text-base font-mono font-semibold")

        async def ververs() -> None:
            await scherm.refresh()

        onverstuurd = Onverstuurd(staat, ververs)
        staat.na_weigering = lambda: onverstuurd.nagaan(opnieuw=False)
        ui.on("bo_weer_verbonden", lambda: onverstuurd.nagaan())
        ui.on("bo_pogingen", lambda: onverstuurd.nagaan())  # a reload, a tap lost in a redraw, a closed prompt

        gelezen: dict[str, int] = {}
        """The meeting version the phone's last full draw showed."""
        actielijsten: list[Actielijst] = []
        """The agreed actions on screen (end of the meeting, talking steps): they follow every change."""

        async def actielijst() -> None:
            lijst = Actielijst(ctx, meeting_id)
            actielijsten.append(lijst)
            await lijst.ververs()

        @ui.refreshable
        async def scherm() -> None:
            # every phone redraws on a step change: one shared read of the meeting for all of them
            vergadering = await samen_gelezen(
                ctx.publisher, ("vergadering", meeting_id), meeting_id, dienst.lezen.vergadering, meeting_id
            )
            gelezen["versie"] = vergadering.versie
            stap = vergadering.huidige_stap if vergadering.status == "stappen" else None
            plaats.set_text(f"Stap {stap.positie + 1} van {len(vergadering.stappen)}" if stap else "")
            tijd.set_visibility(stap is not None)
            klok.zet(stap)
            staat.signaallijsten.clear()
            actielijsten.clear()
            geheugen.meld_pogingen(staat.voorvoegsel)  # after every draw: taps the server never confirmed
            if vergadering.status == "lobby":
                _wacht("Welkom! Het overleg begint zo.", "Wacht op de gespreksleider.")
                return
            if vergadering.status == "afronding":
                _wacht("Alle stappen zijn geweest.", "Wacht op de gespreksleider.")
                await actielijst()
                return
            if vergadering.status == "gesloten" or stap is None:
                _wacht("Het overleg is afgelopen.", "Bedankt voor je inbreng!")
                if vergadering.status == "gesloten":
                    geheugen.wis_concepten(staat.voorvoegsel)
                await actielijst()
                return
            ui.label(stap.titel).classes("text-xl font-bold").props(kopniveau(2))
            methode.op_telefoon(stap)
            invulbaar = [v for v in stap.vragen if v.neemt_stemmen or v.neemt_signalen]
            if not invulbaar:
                for gesprek in stap.vragen:  # what the room talks about, to think along with
                    ui.label(gesprek.vraag).classes(f"text-lg font-semibold {GETYPT}")
                _wacht(LUISTER_MEE, "Kijk op het scherm en praat mee.")
                if stap.onderdeel in ("aanpak", "afronding"):
                    await actielijst()
                return
            if stap.status == "onthuld":
                _wacht("De uitslag staat op het scherm.", "Wacht op de gespreksleider.")
                if vergadering.uitslag_op_telefoon:
                    await _uitslag(ctx, vergadering, stap)
                return
            if stap.status != "open":
                _wacht("De invoer is gesloten.", "Wacht op de gespreksleider.")
                return
            if stap.ronde > 1 and any(v.neemt_stemmen for v in invulbaar):
                ui.label(f"Ronde {stap.ronde}: stem opnieuw").classes(
                    "text-lg font-bold px-3 py-1 rounded text-white"
                ).style(f"background: {KLEUR['primair']}")
            antwoorden = await samen_gelezen(  # one read for the room; this phone takes its own
                ctx.publisher, ("stapantwoorden", meeting_id), meeting_id, dienst.lezen.stapantwoorden, meeting_id
            )
            mijn = antwoorden.get(ik.id, {})
            sleutel = (stap.positie, stap.ronde)
            if sleutel not in getoond:  # the first prompt still to answer, else the first
                getoond[sleutel] = next((i for i, v in enumerate(invulbaar) if v.neemt_stemmen and v.id not in mijn), 0)
            nummer = min(getoond[sleutel], len(invulbaar) - 1)
            vraag = invulbaar[nummer]
            if len(invulbaar) > 1:
                ui.label(f"Vraag {nummer + 1} van {len(invulbaar)}").classes("text-base text-gray-700")
            volgende: list[ui.button] = []

            def ontvangen() -> None:  # answered: the way on stands out, and is in view below the acknowledgement
                for knop in volgende:
                    knop.props(remove="outline").props("color=primary")
                    ui.run_javascript(f"getHtmlElement({knop.id})?.scrollIntoView({{block: 'nearest'}})")

            with ui.card().classes("w-full"):
                ui.label(vraag.vraag).classes("text-lg font-semibold").props(kopniveau(3))
                await vraag_invoer(staat, vraag, mijn.get(vraag.id), stap.ronde, ontvangen)

            async def ga_naar(i: int) -> None:
                getoond[sleutel] = i
                await scherm.refresh()

            if len(invulbaar) > 1:
                with ui.row().classes("w-full no-wrap gap-2"):
                    if nummer > 0:
                        ui.button("← Vorige", on_click=lambda: ga_naar(nummer - 1)).props("outline no-caps").classes(
                            "text-lg py-3"
                        )
                    if nummer < len(invulbaar) - 1:
                        knop = ui.button(
                            f"Volgende vraag ({nummer + 2} van {len(invulbaar)}) →",
                            on_click=lambda: ga_naar(nummer + 1),
                        )
                        knop.props("no-caps" + ("" if vraag.id in mijn else " outline")).classes("grow text-lg py-3")
                        volgende.append(knop)
                if nummer == len(invulbaar) - 1:
                    ui.label("Dit was de laatste vraag van deze stap.").classes("text-base text-gray-700")

        async def herteken(delen: frozenset[Deel]) -> int | None:
            if Deel.VERLOOP in delen or Deel.INSTELLINGEN in delen:
                if "versie" in gelezen:
                    await scherm.refresh()
                else:
                    await scherm()  # the first draw makes the refreshable's place on the page
                return gelezen["versie"]
            for lijst in staat.signaallijsten:
                await lijst.ververs(drukte_doorgeven=True)
            if Deel.BESLUITEN in delen:
                for acties in actielijsten:
                    await acties.ververs()
            return None

        await volg(
            ctx.publisher,
            meeting_id,
            {Deel.VERLOOP, Deel.SIGNALEN, Deel.INSTELLINGEN, Deel.BESLUITEN},
            herteken,
            dienst.lezen.versie,
            telefoon=True,
        )


def _wacht(kop: str, tekst: str) -> None:
    with ui.column().classes("w-full items-center py-8 gap-2"):
        ui.label(kop).classes("text-xl text-center")
        ui.label(tekst).classes("text-gray-600 text-center")


async def _uitslag(ctx: Context, vergadering: Vergadering, stap: Stap) -> None:
    """After a reveal, the result small: the same bars and verdict words as the beamer
    (`weergave.balken` and `weergave.duidingsblok`, from `sessie.oordeel`)."""
    meeting_id = vergadering.id
    uitslagen = await samen_gelezen(
        ctx.publisher,
        ("uitslagen", meeting_id, stap.positie),
        meeting_id,
        ctx.dienst.lezen.uitslagen,
        meeting_id,
        stap.positie,
    )
    oordelen = await samen_gelezen(
        ctx.publisher,
        ("oordelen", meeting_id, stap.positie),
        meeting_id,
        ctx.dienst.lezen.oordelen,
        meeting_id,
        stap.positie,
    )
    per_vraag = {u.vraag_id: u for u in uitslagen}
    for vraag in stap.vragen:
        uitslag = per_vraag.get(vraag.id)
        if not vraag.neemt_stemmen or uitslag is None or not uitslag.zichtbaar:
            continue
        with ui.card().classes("w-full gap-2"):
            ui.label(vraag.vraag).classes("text-base font-semibold").props(kopniveau(3))
            duidingsblok(oordelen.get(vraag.id, []))
            balken(vraag, uitslag)

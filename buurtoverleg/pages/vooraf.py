"""The member's form for the round vooraf (`/vooraf/<code>`), on a phone or a laptop, days
before the meeting.

The link carries the meeting's join code, and the browser remembers the participant under the
same key as the meeting phone (`deelnemer.py`), so whoever fills this in is the same person at
`/doe/<code>` without signing up again. All questions on one scrolling page (there is no
meeting pace to follow); 'Concept bewaren' keeps the draft on the server, so it can be finished
another day, 'Inleveren' hands it in. The member's own A4 downloads from here.
"""

from __future__ import annotations

from typing import Any

from nicegui import app, ui
from starlette.requests import Request

from ..appcontext import Context
from ..export.pdfvooraf import a4_pdf
from ..sessie.codes import normaliseer_code
from ..sessie.toestand import DOMEINEN, Deelnemer, Vraag
from ..sessie.vooraf import MAX_ANTWOORD
from ..sessie.voorafstand import Mijnvooraf, Voorafstand
from .deelnemer import aanmeldformulier, via_code
from .gedeeld import GETYPT, KLEUR, Mislukt, doe, kopniveau, probeer, stopt_stil
from .telefoonvraag import GROOT

GEEN_RONDE = "Voor dit overleg is geen ronde vooraf. Doe mee tijdens het overleg met dezelfde code."


def moment(d: Any) -> str:
    return f"{d:%d-%m-%Y} om {d:%H:%M}"


def registreer(ctx: Context) -> None:
    dienst = ctx.dienst

    @ui.page("/vooraf/{code}")
    @stopt_stil
    async def vooraf(code: str, request: Request) -> None:
        ui.page_title("Vooraf invullen · Buurtoverleg")
        gevonden = await via_code(ctx, code, request)  # the same check and brake as /doe/<code>
        if gevonden is None:
            return
        meeting_id, sleutel, adres = gevonden  # the same browser key: the same participant at the meeting
        stand = await doe(dienst.vooraf.stand, meeting_id)
        if stand is None:
            with ui.column().classes("w-full max-w-md mx-auto p-4 gap-3"):
                ui.label(GEEN_RONDE).classes("text-lg")
                ui.link("Naar het overleg", f"/doe/{normaliseer_code(code)}").classes("text-lg")
            return
        deelnemer_id = app.storage.user.get(sleutel)
        ik = await doe(dienst.aanmelding.aangemeld, meeting_id, deelnemer_id) if deelnemer_id else None
        if ik is None:
            if stand.open:
                with ui.column().classes("w-full max-w-md mx-auto px-4 pt-4"):
                    ui.label(f"Vooraf invullen: invullen kan tot {moment(stand.deadline)}.").classes("text-base")
                await aanmeldformulier(ctx, meeting_id, sleutel, adres)
            else:
                with ui.column().classes("w-full max-w-md mx-auto p-4 gap-3"):
                    ui.label("De ronde vooraf is gesloten.").classes("text-xl font-bold").props(kopniveau(1))
                    ui.link("Doe mee tijdens het overleg", f"/doe/{normaliseer_code(code)}").classes("text-lg")
            return
        await _formulier(ctx, meeting_id, ik, stand)


async def _formulier(ctx: Context, meeting_id: int, ik: Deelnemer, stand: Voorafstand) -> None:
    dienst = ctx.dienst
    mijn: Mijnvooraf = await doe(dienst.vooraf.mijn, meeting_id, ik.id)
    teksten: dict[str, ui.textarea] = {}
    keuzes: dict[str, Any] = dict(mijn.keuzes)

    with ui.column().classes("w-full max-w-2xl mx-auto p-3 gap-3").props('data-testid="vooraf"'):
        ui.label(f"Vooraf · Buurtoverleg {stand.buurt}").classes(f"text-2xl font-bold {GETYPT}").props(kopniveau(1))
        ui.label(f"Overleg op {stand.datum:%d-%m-%Y}").classes("text-gray-700 -mt-2")
        with ui.row().classes("w-full items-center justify-between"):
            ui.label(ik.naam).classes(f"text-base font-semibold min-w-0 {GETYPT}")
            ui.label(DOMEINEN.get(ik.domein, ik.domein)).classes("text-sm text-gray-600")
        status = ui.label().classes("text-base font-semibold px-3 py-2 rounded").props('data-testid="voorafstatus"')

        def zet_status(m: Mijnvooraf) -> None:
            if not stand.open:
                tekst, kleur = "De ronde vooraf is gesloten. Je antwoorden staan vast.", "#555555"
            elif m.ingeleverd_op is not None:
                tekst = f"Ingeleverd op {moment(m.ingeleverd_op)}. Wijzigen kan tot {moment(stand.deadline)}."
                kleur = KLEUR["eensgezind"]
            elif m.bijgewerkt_op is not None:
                tekst = f"Concept bewaard op {moment(m.bijgewerkt_op)}. Nog niet ingeleverd."
                kleur = KLEUR["dicht bij elkaar"]  # amber: to do, not wrong
            else:
                tekst, kleur = f"Invullen kan tot {moment(stand.deadline)}.", KLEUR["primair"]
            status.set_text(tekst)
            status.style(f"color: white; background: {kleur}")

        zet_status(mijn)
        if stand.uitleg:
            ui.label(stand.uitleg).classes("text-gray-700")

        for groep in stand.groepen:
            ui.label(groep.titel).classes("text-xl font-bold mt-2").props(kopniveau(2))
            ui.label(groep.uitleg).classes("text-gray-700 -mt-2")
            for vraag in groep.vragen:
                with ui.column().classes("w-full gap-0").props(f'data-vraag="{vraag.id}"'):
                    ui.label(vraag.titel).classes("text-lg font-semibold").props(kopniveau(3))
                    if vraag.uitleg:
                        ui.label(vraag.uitleg).classes("text-sm text-gray-600")
                    veld = ui.textarea(value=mijn.teksten.get(vraag.id, ""))
                    veld.props(f"outlined autogrow maxlength={MAX_ANTWOORD}").props(f'aria-label="{vraag.titel}"')
                    veld.classes("w-full text-base").mark(f"vooraf-{vraag.id}")
                    veld.set_enabled(stand.open)
                    teksten[vraag.id] = veld

        if stand.inschattingen:
            ui.label("Jouw inschatting").classes("text-xl font-bold mt-2").props(kopniveau(2))
            ui.label("Zo ziet het overleg meteen waar de domeinen het eens en oneens zijn.").classes(
                "text-gray-700 -mt-2"
            )
            for inschatting in stand.inschattingen:
                with ui.card().classes("w-full gap-1").props(f'data-vraag="{inschatting.id}"'):
                    ui.label(inschatting.vraag).classes("text-lg font-semibold").props(kopniveau(3))
                    _keuze(inschatting, keuzes, stand.open)

        async def bewaar(inleveren: bool) -> None:
            waarden = {k: v.value or "" for k, v in teksten.items() if (v.value or "").strip()}
            gekozen = {k: v for k, v in keuzes.items() if v is not None}
            if await probeer(dienst.vooraf.bewaar, meeting_id, ik.id, waarden, gekozen, inleveren=inleveren):
                nieuw = await doe(dienst.vooraf.mijn, meeting_id, ik.id)
                zet_status(nieuw)
                inlever.set_text("Wijzigingen inleveren" if nieuw.ingeleverd_op else "Inleveren")
                concept.set_visibility(nieuw.ingeleverd_op is None)
                ui.notify("Ingeleverd." if nieuw.ingeleverd_op else "Concept bewaard.", type="positive")

        async def download() -> None:
            try:
                pagina = await doe(dienst.vooraf.a4, meeting_id, ik.id)
            except Mislukt:
                return
            ui.download.content(a4_pdf([pagina]), f"vooraf-{stand.buurt}-{stand.datum:%Y-%m-%d}.pdf", "application/pdf")

        with ui.column().classes("w-full gap-2 mt-2"):
            inlever = ui.button(
                "Wijzigingen inleveren" if mijn.ingeleverd_op else "Inleveren", on_click=lambda: bewaar(True)
            )
            inlever.classes(GROOT).set_visibility(stand.open)
            concept = ui.button("Concept bewaren", on_click=lambda: bewaar(False)).props("outline").classes(GROOT)
            concept.set_visibility(stand.open and mijn.ingeleverd_op is None)
            ui.button("Mijn A4 downloaden (PDF)", on_click=download).props("outline no-caps").classes(GROOT)
            ui.label(
                "Tijdens het overleg open je dezelfde code op deze telefoon of laptop: je bent dan al aangemeld."
            ).classes("text-sm text-gray-600")


def _keuze(vraag: Vraag, keuzes: dict[str, Any], open_: bool) -> None:
    """A scale or a single choice as radio buttons, a multiple choice as checkboxes; what is
    chosen goes into `keuzes` as the phone would send it."""

    def zet(waarde: Any) -> None:
        keuzes[vraag.id] = waarde

    if vraag.type == "meerkeuze":
        gekozen = set(keuzes.get(vraag.id) or [])
        for optie in vraag.opties:

            def wissel(e: Any, optie_id: str = optie.id) -> None:
                huidig = set(keuzes.get(vraag.id) or [])
                huidig = huidig | {optie_id} if e.value else huidig - {optie_id}
                zet([w for w in vraag.waarden() if w in huidig])

            vak = ui.checkbox(optie.titel, value=optie.id in gekozen, on_change=wissel).classes("text-base")
            vak.style("min-height: 44px").set_enabled(open_)
        return
    opties = {w: vraag.titel_van(w) for w in vraag.waarden()}
    radio = ui.radio(opties, value=keuzes.get(vraag.id), on_change=lambda e: zet(e.value)).classes("text-base")
    radio.set_enabled(open_)

"""The participant's phone: join with the code, then one question at a time.

The phone remembers only its participant id (signed cookie in `app.storage.user`);
everything else is read back from the database, so a reload after the phone slept
shows the same person with the same answers.
"""

from __future__ import annotations

from typing import Any

from nicegui import app, ui
from starlette.requests import Request

from ..appcontext import Context
from ..sessie.aanmelding import MAX_NAAM, MAX_ORGANISATIE
from ..sessie.codes import normaliseer_code
from ..sessie.dienst import Dienst
from ..sessie.signalen import MAX_SIGNAAL
from ..sessie.toestand import DOMEINEN, SIGNAALSOORTEN, Deelnemer, SignaalKaart, Vraag
from ..toegang import te_veel
from .gedeeld import GETYPT, KLEUR, Mislukt, Storing, doe, kopniveau, probeer, stopt_stil
from .signaallijst import Signaallijst
from .volgen import Deel, volg

GROOT = "w-full text-lg py-3"
MELDINGEN = {
    "code": "Die code kennen we niet. Kijk nog eens op het scherm.",
    "afgelopen": "Dit overleg is afgelopen of verwijderd. Vraag de gespreksleider om de nieuwe code.",
}
"""What `/doe?fout=<code>` may say above the code field; any other value shows nothing."""


def registreer(ctx: Context) -> None:
    dienst = ctx.dienst

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
        client = f"code:{request.client.host if request.client else 'onbekend'}"
        wacht = ctx.remmer.poging(client)  # claimed before the check: tries sent together count too
        if wacht > 0:
            _codeformulier(te_veel(wacht, "verkeerde codes"))
            return
        try:
            meeting_id = await doe(dienst.aanmelding.via_code, code)
        except Mislukt as fout:
            if isinstance(fout, Storing):  # a fault on our side is no wrong code
                ctx.remmer.terug(client)
            _codeformulier(str(fout))
            return
        ctx.remmer.terug(client)  # a right code is no failure
        # the code as well as the number: SQLite may hand a deleted meeting's number to a new
        # meeting, and a phone from the old one must not walk in as one of the new participants
        sleutel = f"deelnemer-{meeting_id}-{normaliseer_code(code)}"
        deelnemer_id = app.storage.user.get(sleutel)
        deelnemer = await doe(dienst.aanmelding.aangemeld, meeting_id, deelnemer_id) if deelnemer_id else None
        if deelnemer is None:
            await _aanmeldformulier(dienst, meeting_id, sleutel)
        else:
            await _telefoon(ctx, meeting_id, deelnemer)


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


async def _aanmeldformulier(dienst: Dienst, meeting_id: int, sleutel: str) -> None:
    vergadering = await doe(dienst.lezen.vergadering, meeting_id)
    with ui.column().classes("w-full max-w-md mx-auto p-4 gap-3"):
        ui.label(f"Buurtoverleg {vergadering.buurt}").classes(f"text-2xl font-bold {GETYPT}").props(kopniveau(1))
        ui.label("Vul in wie je bent. Je naam is alleen voor de gespreksleider zichtbaar.").classes("text-gray-700")
        naam = ui.input("Naam").props(f"outlined maxlength={MAX_NAAM}").classes("w-full")
        organisatie = ui.input("Organisatie").props(f"outlined maxlength={MAX_ORGANISATIE}").classes("w-full")
        domein = ui.select(DOMEINEN, label="Domein").props("outlined").classes("w-full")

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
            bezig = True
            try:
                nieuw = await doe(
                    dienst.aanmelding.aanmelden, meeting_id, naam.value or "", organisatie.value or "", domein.value
                )
            except Mislukt:
                bezig = False
                return
            app.storage.user[sleutel] = nieuw
            ui.navigate.reload()

        ui.button("Meedoen", on_click=aanmelden).classes(GROOT)


async def _telefoon(ctx: Context, meeting_id: int, ik: Deelnemer) -> None:
    dienst = ctx.dienst
    concept: dict[str, Any] = {}
    """What the participant is typing or picking but has not sent; survives redraws."""
    signaallijsten: list[Signaallijst] = []
    """The signal lists on screen now; a new signal only redraws these."""

    with ui.column().classes("w-full max-w-md mx-auto p-3 gap-3"):
        ui.label("Buurtoverleg").classes("sr-only").props(kopniveau(1))  # the step title below is level 2
        with ui.row().classes("w-full items-center justify-between"):
            ui.label(f"{ik.naam}").classes(f"text-base font-semibold min-w-0 {GETYPT}")
            ui.label(DOMEINEN.get(ik.domein, ik.domein)).classes("text-sm text-gray-600")

        gelezen: dict[str, int] = {}
        """The meeting version the phone's last full draw showed."""

        @ui.refreshable
        async def scherm() -> None:
            # every phone redraws on a step change: one shared read of the meeting for all of them
            vergadering = await doe(
                ctx.publisher.gedeeld, ("vergadering", meeting_id), meeting_id, dienst.lezen.vergadering, meeting_id
            )
            gelezen["versie"] = vergadering.versie
            stap = vergadering.huidige_stap
            if vergadering.status == "lobby":
                _wacht("Welkom! Het overleg begint zo.", "Wacht op de gespreksleider.")
                return
            if vergadering.status == "afronding":
                _wacht("Alle stappen zijn geweest.", "Wacht op de gespreksleider.")
                return
            if vergadering.status == "gesloten":
                _wacht("Het overleg is afgelopen.", "Bedankt voor je inbreng!")
                return
            assert stap is not None
            ui.label(stap.titel).classes("text-xl font-bold").props(kopniveau(2))
            if stap.status != "open":
                uitleg = "De uitslag staat op het scherm." if stap.status == "onthuld" else "De invoer is gesloten."
                _wacht(uitleg, "Wacht op de gespreksleider.")
                return
            if not stap.vragen:
                _wacht("Bespreking", "Kijk op het scherm en praat mee.")
                return
            signaallijsten.clear()
            mijn = await doe(dienst.deelnemer(meeting_id, ik.id).mijn_antwoorden) or {}  # None while shutting down
            for vraag in stap.vragen:
                with ui.card().classes("w-full"):
                    ui.label(vraag.vraag).classes("text-lg font-semibold").props(kopniveau(3))
                    await _vraag(ctx, meeting_id, ik, vraag, mijn.get(vraag.id), concept, signaallijsten)

        async def herteken(delen: frozenset[Deel]) -> int | None:
            if Deel.VERLOOP in delen:
                if "versie" in gelezen:
                    await scherm.refresh()
                else:
                    await scherm()  # the first draw makes the refreshable's place on the page
                return gelezen["versie"]
            for lijst in signaallijsten:
                await lijst.ververs()
            return None

        await volg(ctx.publisher, meeting_id, {Deel.VERLOOP, Deel.SIGNALEN}, herteken, dienst.lezen.versie)


def _wacht(kop: str, tekst: str) -> None:
    with ui.column().classes("w-full items-center py-10 gap-2"):
        ui.label(kop).classes("text-xl text-center")
        ui.label(tekst).classes("text-gray-600 text-center")


async def _vraag(
    ctx: Context,
    meeting_id: int,
    ik: Deelnemer,
    vraag: Vraag,
    eerder: Any,
    concept: dict[str, Any],
    signaallijsten: list[Signaallijst],
) -> None:
    dienst = ctx.dienst
    status = ui.label("Ontvangen ✓" if eerder is not None else "").classes("text-base")
    status.style(f"color: {KLEUR['eensgezind']}")

    async def stuur(waarde: Any) -> bool:
        status.set_text("Versturen…")
        if await probeer(dienst.deelnemer(meeting_id, ik.id).antwoord, vraag.id, waarde):
            status.set_text("Ontvangen ✓ (je kunt het nog wijzigen)")
            return True
        status.set_text("Niet opgeslagen")
        return False

    # How each prompt type is entered on the phone, one branch per type; what a type takes and
    # how its answer is checked and counted is in sessie/vraagtypen.py.
    if vraag.type in ("enkele-keuze", "schaal"):  # a button per option, or per point of the scale
        keuzes = [(w, vraag.titel_van(w)) for w in vraag.waarden()]
        knoppen: dict[Any, ui.button] = {}

        def markeer(gekozen: Any) -> None:
            for waarde, knop in knoppen.items():
                # colour plus a check mark: the choice must not rest on colour alone
                knop.props(
                    f"color={'primary' if waarde == gekozen else 'grey-4'} "
                    f"text-color={'white' if waarde == gekozen else 'black'}"
                )
                if waarde == gekozen:
                    knop.props("icon=check")
                else:
                    knop.props(remove="icon")

        for waarde, titel in keuzes:

            async def kies(w: Any = waarde) -> None:
                if await stuur(w):
                    markeer(w)

            knoppen[waarde] = ui.button(titel, on_click=kies).classes(GROOT + " normal-case")
        markeer(eerder)
    elif vraag.type == "meerkeuze":
        gekozen: set[str] = set(concept.get(vraag.id, eerder or []))
        vinkjes: list[ui.checkbox] = []
        for optie in vraag.opties:

            def wissel(e: Any, o: str = optie.id) -> None:
                (gekozen.add if e.value else gekozen.discard)(o)
                concept[vraag.id] = sorted(gekozen)

            vinkjes.append(
                ui.checkbox(optie.titel, value=optie.id in gekozen, on_change=wissel).classes("text-lg py-1")
            )

        async def verstuur() -> None:
            await stuur(sorted(gekozen))

        async def geen() -> None:
            if await stuur([]):
                gekozen.clear()
                concept[vraag.id] = []
                for vinkje in vinkjes:
                    vinkje.set_value(False)

        ui.button("Versturen", on_click=verstuur).classes(GROOT)
        ui.button("Geen van deze", on_click=geen).props("outline").classes(GROOT)
    elif vraag.type == "stippen":
        stippen: dict[str, int] = dict(concept.get(vraag.id, eerder or {}))
        over = ui.label().classes("text-base")

        def toon_over() -> None:
            over.set_text(f"Nog {vraag.stippen - sum(stippen.values())} van {vraag.stippen} stippen te verdelen")

        for optie in vraag.opties:
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                ui.label(optie.titel).classes("text-base grow")
                teller = ui.label(str(stippen.get(optie.id, 0))).classes("text-xl w-8 text-center shrink-0")

                def plus(d: int, o: str = optie.id, t: ui.label = teller) -> None:
                    nieuw = stippen.get(o, 0) + d
                    if nieuw < 0 or sum(stippen.values()) + d > vraag.stippen:
                        return
                    stippen[o] = nieuw
                    concept[vraag.id] = dict(stippen)
                    t.set_text(str(nieuw))
                    toon_over()

                # a screen reader says which option a button is for (set as a value: a title may hold quotes)
                minder = (
                    ui.button("−", on_click=lambda p=plus: p(-1))
                    .props("round")
                    .classes("w-12 h-12")
                    .mark(f"minder-{optie.id}")
                )
                minder.props["aria-label"] = f"Eén stip minder voor {optie.titel}"
                meer = (
                    ui.button("+", on_click=lambda p=plus: p(1))
                    .props("round")
                    .classes("w-12 h-12")
                    .mark(f"meer-{optie.id}")
                )
                meer.props["aria-label"] = f"Eén stip meer voor {optie.titel}"
        toon_over()

        async def verstuur_stippen() -> None:
            await stuur({k: v for k, v in stippen.items() if v})

        ui.button("Versturen", on_click=verstuur_stippen).classes(GROOT)
    elif vraag.type == "signaal":
        signaallijsten.append(await _signaalinvoer(ctx, meeting_id, ik, vraag, concept, status))
    elif vraag.type == "bespreking":
        pass  # the room talks: nothing to enter on the phone


async def _signaalinvoer(
    ctx: Context,
    meeting_id: int,
    ik: Deelnemer,
    vraag: Vraag,
    concept: dict[str, Any],
    status: ui.label,
) -> Signaallijst:
    dienst = ctx.dienst
    sleutel = f"{vraag.id}:tekst"
    soort = ui.toggle(SIGNAALSOORTEN, value=concept.get(f"{vraag.id}:soort", "waarneming"))
    soort.props("spread").classes("w-full").style("min-height: 48px")  # a thumb-sized tap target per half
    soort.on_value_change(lambda e: concept.__setitem__(f"{vraag.id}:soort", e.value))
    ui.label("Waarneming: wat zag of hoorde je, waar en wanneer? Duiding: wat betekent het volgens jou?").classes(
        "text-sm text-gray-600"
    )
    tekst = (
        ui.textarea("Je signaal", value=concept.get(sleutel, ""))
        .props(f"outlined autogrow counter maxlength={MAX_SIGNAAL}")
        .classes("w-full")
    )
    tekst.on_value_change(lambda e: concept.__setitem__(sleutel, e.value))
    bezig = False
    """True while a signal is being saved: a double tap would store it twice."""

    async def verstuur() -> None:
        nonlocal bezig
        if bezig:
            return
        bezig = True
        verzonden = tekst.value or ""
        status.set_text("Versturen…")
        try:
            await doe(dienst.deelnemer(meeting_id, ik.id).signaal, vraag.id, soort.value, verzonden)
        except Mislukt:
            status.set_text("Niet opgeslagen: je tekst staat er nog")
            return
        finally:
            bezig = False
        if (tekst.value or "") == verzonden:  # not what was typed since, while this one was being saved
            concept.pop(sleutel, None)
            tekst.set_value("")
        try:
            await lijst.ververs()  # first in the list: "Ontvangen" then also means "there it is"
        finally:  # stored, also when the list could not be read just now
            status.set_text("Ontvangen ✓ Je kunt nog een signaal toevoegen.")

    ui.button("Signaal versturen", on_click=verstuur).classes(GROOT)

    async def ophalen() -> list[SignaalKaart]:
        zaal = await doe(
            ctx.publisher.gedeeld,
            ("signalen", meeting_id, vraag.id),
            meeting_id,
            dienst.lezen.zaalsignalen,
            meeting_id,
            vraag_id=vraag.id,
        )
        return zaal.voor(ik.id)

    lijst = Signaallijst(ophalen, lambda signaal_id: probeer(dienst.deelnemer(meeting_id, ik.id).herken, signaal_id))
    await lijst.ververs()
    return lijst

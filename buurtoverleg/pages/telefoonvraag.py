"""One prompt on the phone: its input, and the acknowledgement right below what was sent.

How each prompt type is entered on the phone, one branch per type; what a type takes and how
its answer is checked and counted is in `sessie/vraagtypen.py`. What was picked or typed and
not sent is a draft (`Telefoonstaat.concept`), kept on the phone as well (`concept.py`), so a
redraw, a reload or a step change never loses it.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from nicegui import ui

from ..appcontext import Context
from ..sessie.redelijk import SIGNALEN_PER_MINUUT, TE_SNEL
from ..sessie.signalen import MAX_SIGNAAL
from ..sessie.toestand import SIGNAALSOORTEN, Deelnemer, SignaalKaart, Vraag
from . import concept as geheugen
from .eenlezing import samen_gelezen
from .gedeeld import KLEUR, Mislukt, Storing, doe
from .signaallijst import Signaallijst

GROOT = "w-full text-lg py-3"
ONTVANGEN = "Ontvangen ✓ (je kunt het nog wijzigen)"
NOG_NIET = "Nog niet verstuurd: tik op Versturen"


@dataclass
class Telefoonstaat:
    """What one phone page keeps between redraws."""

    ctx: Context
    meeting_id: int
    ik: Deelnemer
    voorvoegsel: str
    """This meeting's and participant's keys on the phone (`concept.voorvoegsel`)."""
    concept: dict[str, Any] = field(default_factory=dict)
    """Prompt id -> what is picked or typed and not sent; '<id>:soort' the signal kind."""
    signaallijsten: list[Signaallijst] = field(default_factory=list)
    """The signal lists on screen now; a new signal only redraws these."""
    na_weigering: Callable[[], Awaitable[None]] | None = None
    """Called when the server refused a tap: it checks whether the prompt closed meanwhile."""
    signalen_verstuurd: deque[float] = field(default_factory=lambda: deque(maxlen=SIGNALEN_PER_MINUUT))
    """When this page's last signals were stored (monotonic): a flood of taps is refused here,
    in the domain's words, instead of costing the server a transaction per tap. The domain's
    own count (`sessie.redelijk`) still decides."""

    def te_snel(self) -> bool:
        rij = self.signalen_verstuurd
        return len(rij) == rij.maxlen and time.monotonic() - rij[0] < 60

    def poging(self, vraag_id: str) -> str:
        return geheugen.poging_sleutel(self.voorvoegsel, vraag_id)

    def sleutel(self, vraag_id: str) -> str:
        return geheugen.concept_sleutel(self.voorvoegsel, vraag_id)

    def bewaar(self, vraag_id: str, waarde: Any) -> None:
        self.concept[vraag_id] = waarde
        geheugen.zet(self.sleutel(vraag_id), waarde)

    def vergeet(self, vraag_id: str) -> None:
        self.concept.pop(vraag_id, None)
        geheugen.wis(self.sleutel(vraag_id))


async def vraag_invoer(
    staat: Telefoonstaat, vraag: Vraag, eerder: Any, ronde: int, ontvangen: Callable[[], None]
) -> None:
    """The input for one prompt; `ontvangen` is called once it is stored (the page then points
    at the next prompt)."""
    dienst = staat.ctx.dienst
    rol = dienst.deelnemer(staat.meeting_id, staat.ik.id)
    bevestiging: list[ui.label] = []

    def status() -> ui.label:
        """The acknowledgement, placed right below the controls that send; a draft offered back
        (ticked but not sent before a reload) says it still has to be sent."""
        label = ui.label().classes("text-base font-semibold").props('aria-live="polite"')
        if vraag.id in staat.concept and staat.concept[vraag.id] != eerder:
            _mislukt(label, NOG_NIET)
        else:
            _gelukt(label, ONTVANGEN if eerder is not None else "")
        bevestiging.append(label)
        return label

    async def stuur(waarde: Any) -> bool:
        label = bevestiging[0]
        label.set_text("Versturen…")
        label.style("color: inherit")
        try:
            await doe(rol.antwoord, vraag.id, waarde)
        except Mislukt as fout:
            if label.is_deleted:  # redrawn meanwhile: the new draw reads the answer back and checks this tap
                return False
            _mislukt(label, "Niet opgeslagen")
            if not isinstance(fout, Storing) and staat.na_weigering is not None:
                await staat.na_weigering()
            return False
        geheugen.wis(staat.poging(vraag.id))
        staat.vergeet(vraag.id)
        if label.is_deleted:  # the step changed while this was stored: the new draw shows what is stored
            return True
        _gelukt(label, ONTVANGEN)
        ui.run_javascript(f"getHtmlElement({label.id})?.scrollIntoView({{block: 'nearest'}})")
        ontvangen()
        return True

    if vraag.type in ("enkele-keuze", "schaal"):  # a button per option, or per point of the scale
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

        for waarde in vraag.waarden():
            titel = vraag.titel_van(waarde)

            async def kies(w: Any = waarde) -> None:
                if await stuur(w):
                    markeer(w)

            knop = ui.button(titel, on_click=kies).classes(GROOT + " normal-case")
            geheugen.markeer_poging(knop, staat.poging(vraag.id), ronde, waarde=waarde, titel=titel)
            knoppen[waarde] = knop
        markeer(eerder)
        status()
    elif vraag.type == "meerkeuze":
        gekozen: set[str] = set(staat.concept.get(vraag.id, eerder or []))
        vinkjes: list[ui.checkbox] = []
        for optie in vraag.opties:

            def wissel(e: Any, o: str = optie.id) -> None:
                (gekozen.add if e.value else gekozen.discard)(o)
                staat.bewaar(vraag.id, sorted(gekozen))
                if bevestiging:
                    _mislukt(bevestiging[0], NOG_NIET)

            vinkjes.append(
                ui.checkbox(optie.titel, value=optie.id in gekozen, on_change=wissel).classes("text-lg py-1")
            )

        async def verstuur() -> None:
            await stuur(sorted(gekozen))

        async def geen() -> None:
            if await stuur([]):
                gekozen.clear()
                for vinkje in vinkjes:
                    vinkje.set_value(False)
                staat.vergeet(vraag.id)

        knop = ui.button("Versturen", on_click=verstuur).classes(GROOT)
        geheugen.markeer_poging(knop, staat.poging(vraag.id), ronde, bron=staat.sleutel(vraag.id))
        status()
        ui.button("Geen van deze", on_click=geen).props("outline").classes(GROOT)
    elif vraag.type == "stippen":
        _stippen(staat, vraag, eerder, ronde, stuur)
        status()
    elif vraag.type == "signaal":
        staat.signaallijsten.append(await _signaalinvoer(staat, vraag, status))


def _stippen(
    staat: Telefoonstaat, vraag: Vraag, eerder: Any, ronde: int, stuur: Callable[[Any], Awaitable[bool]]
) -> None:
    # a draft keeps only options still in the list (the advice's proposals can be made afresh
    # before anyone voted, `sessie.voorstellijst`): no dot counts that cannot be sent
    opties = {o.id for o in vraag.opties}
    stippen: dict[str, int] = {k: v for k, v in dict(staat.concept.get(vraag.id, eerder or {})).items() if k in opties}
    over = ui.label().classes("text-base")

    def toon_over() -> None:
        over.set_text(f"Nog {vraag.stippen - sum(stippen.values())} van {vraag.stippen} stippen te verdelen")

    for optie in vraag.opties:
        with ui.row().classes("w-full items-center justify-between no-wrap"):
            if optie.omschrijving:  # a proposed example: its name alone says little
                with ui.column().classes("grow min-w-0 gap-0"):
                    ui.label(optie.titel).classes("text-base font-semibold break-words")
                    ui.label(optie.omschrijving).classes("text-sm text-gray-700 break-words")
            else:
                ui.label(optie.titel).classes("text-base grow")
            teller = ui.label(str(stippen.get(optie.id, 0))).classes("text-xl w-8 text-center shrink-0")

            def plus(d: int, o: str = optie.id, t: ui.label = teller) -> None:
                nieuw = stippen.get(o, 0) + d
                if nieuw < 0 or sum(stippen.values()) + d > vraag.stippen:
                    return
                stippen[o] = nieuw
                staat.bewaar(vraag.id, {k: v for k, v in stippen.items() if v})
                t.set_text(str(nieuw))
                toon_over()

            # a screen reader says which option a button is for (set as a value: a title may hold quotes)
            minder = ui.button("−", on_click=lambda p=plus: p(-1)).props("round").classes("w-12 h-12")
            minder.mark(f"minder-{optie.id}").props["aria-label"] = f"Eén stip minder voor {optie.titel}"
            meer = ui.button("+", on_click=lambda p=plus: p(1)).props("round").classes("w-12 h-12")
            meer.mark(f"meer-{optie.id}").props["aria-label"] = f"Eén stip meer voor {optie.titel}"
    toon_over()

    async def verstuur_stippen() -> None:
        await stuur({k: v for k, v in stippen.items() if v})

    knop = ui.button("Versturen", on_click=verstuur_stippen).classes(GROOT)
    geheugen.markeer_poging(knop, staat.poging(vraag.id), ronde, bron=staat.sleutel(vraag.id))


async def _signaalinvoer(staat: Telefoonstaat, vraag: Vraag, status: Callable[[], ui.label]) -> Signaallijst:
    ctx, meeting_id, ik = staat.ctx, staat.meeting_id, staat.ik
    dienst = ctx.dienst
    rol = dienst.deelnemer(meeting_id, ik.id)
    soort = ui.toggle(SIGNAALSOORTEN, value=staat.concept.get(f"{vraag.id}:soort", "waarneming"))
    soort.props("spread").classes("w-full").style("min-height: 48px")  # a thumb-sized tap target per half
    soort.on_value_change(lambda e: staat.concept.__setitem__(f"{vraag.id}:soort", e.value))
    ui.label("Waarneming: wat zag of hoorde je, waar en wanneer? Duiding: wat betekent het volgens jou?").classes(
        "text-sm text-gray-600"
    )
    tekst = (
        ui.textarea("Je signaal", value=staat.concept.get(vraag.id, ""))
        .props(f"outlined autogrow counter maxlength={MAX_SIGNAAL}")
        .classes("w-full")
    )
    tekst.props["data-concept"] = staat.sleutel(vraag.id)  # the phone keeps every keystroke itself
    tekst.on_value_change(lambda e: staat.concept.__setitem__(vraag.id, e.value))
    bezig = False
    """True while a signal is being saved: a double tap would store it twice."""

    async def verstuur() -> None:
        nonlocal bezig
        if bezig:
            return
        if staat.te_snel():
            geheugen.wis(staat.poging(vraag.id))
            ui.notify(TE_SNEL, type="warning", position="top", multi_line=True)
            _mislukt(label, "Niet opgeslagen: je tekst staat er nog")
            return
        bezig = True
        verzonden = tekst.value or ""
        label.set_text("Versturen…")
        label.style("color: inherit")
        try:
            await doe(rol.signaal, vraag.id, soort.value, verzonden)
        except Mislukt as fout:
            bezig = False  # the text is still there: the next tap may send it
            if label.is_deleted:  # redrawn meanwhile (a closed step): the new draw checks unsent taps
                return
            _mislukt(label, "Niet opgeslagen: je tekst staat er nog")
            if not isinstance(fout, Storing) and staat.na_weigering is not None:
                await staat.na_weigering()
            return
        bezig = False
        staat.signalen_verstuurd.append(time.monotonic())
        geheugen.wis(staat.poging(vraag.id))
        if (tekst.value or "") == verzonden:  # not what was typed since, while this one was being saved
            staat.vergeet(vraag.id)
            tekst.set_value("")
        # stored: say so at once. The list is read after: in a full room that read waits its turn
        # behind the phones' redraws, and 'Ontvangen' waited seconds with it (issue 22)
        _gelukt(label, "Ontvangen ✓ Je kunt nog een signaal toevoegen.")
        await lijst.ververs()

    knop = ui.button("Signaal versturen", on_click=verstuur).classes(GROOT)
    geheugen.markeer_poging(knop, staat.poging(vraag.id), 0, bron=staat.sleutel(vraag.id))
    label = status()
    label.set_text("")

    async def ophalen(nieuwste: int) -> tuple[list[SignaalKaart], int]:
        zaal = await samen_gelezen(
            ctx.publisher,
            ("signalen", meeting_id, vraag.id),
            meeting_id,
            dienst.lezen.zaalsignalen,
            meeting_id,
            vraag_id=vraag.id,
        )
        return zaal.venster(ik.id, nieuwste)

    lijst = Signaallijst(
        ophalen,
        lambda signaal_id: _markeer(staat, True, signaal_id),
        lambda signaal_id: _markeer(staat, False, signaal_id),
    )
    await lijst.ververs()
    return lijst


async def _markeer(staat: Telefoonstaat, herkent: bool, signaal_id: int) -> bool:
    """'Herken ik' or 'Herken ik niet' on another's signal; False when it was not stored."""
    rol = staat.ctx.dienst.deelnemer(staat.meeting_id, staat.ik.id)
    try:
        await doe(rol.herken if herkent else rol.herken_niet, signaal_id)
    except Mislukt:
        return False
    return True


def _gelukt(label: ui.label, tekst: str) -> None:
    label.set_text(tekst)
    label.style(f"color: {KLEUR['eensgezind']}")


def _mislukt(label: ui.label, tekst: str) -> None:
    """Not stored: in the warning colour, never in the green of 'Ontvangen'."""
    label.set_text(tekst)
    label.style(f"color: {KLEUR['verdeeld']}")

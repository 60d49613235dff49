"""The secretary's page: the live draft of the minutes, notes per step, a general summary,
the privacy choice, downloads in four formats, and final versions.

The note fields are built once and never redrawn, so an event from the room cannot wipe
what the secretary is typing; only the draft around them redraws. Files are built off the
event loop (`run.cpu_bound`, or a thread when no process pool is running).
"""

from __future__ import annotations

import logging
from typing import Any

from nicegui import run, ui

from ..appcontext import Context
from ..export import FORMATEN, bestandsnaam, bouw_bestand, mediatype
from ..export import tekst as t
from ..sessie.dienst import Dienst
from ..sessie.notulen import Notulen, Stapverslag, Vraagverslag
from ..sessie.toestand import MEETING_STATUS
from . import aanwezigheid, afspraken, pincode
from .gedeeld import GETYPT, Mislukt, doe, kopniveau, oordeelkleur, probeer, stopt_stil, weigerpagina
from .overleggegevens import gegevensvak
from .volgen import Deel, volg

log = logging.getLogger("buurtoverleg.pages")


async def bestand(n: Notulen, formaat: str) -> bytes:
    """Build an export without blocking the room: in a worker process when NiceGUI has one."""
    if run.process_pool is not None:
        inhoud = await run.cpu_bound(bouw_bestand, n, formaat)
    else:
        inhoud = await run.io_bound(bouw_bestand, n, formaat)
    if inhoud is None:
        raise RuntimeError("afgebroken")
    return inhoud


def registreer(ctx: Context) -> None:
    dienst = ctx.dienst

    @ui.page("/notulen/{token}", reconnect_timeout=120.0)
    @stopt_stil
    async def notulen(token: str) -> None:
        ui.page_title("Notulen · Buurtoverleg")
        if (meeting_id := await pincode.toegang(ctx, "notulist", token)) is None:
            return  # refused, or the PIN form is showing
        try:
            n = await doe(dienst.lezen.notulen, meeting_id)
            notities = await doe(dienst.lezen.notities, meeting_id)
        except Mislukt as fout:
            weigerpagina(str(fout))
            return

        async def download(formaat: str, versie: int | None = None) -> None:
            try:
                stand = (
                    await doe(dienst.lezen.notulen, meeting_id)
                    if versie is None
                    else await doe(dienst.lezen.notulen_versie, meeting_id, versie)
                )
            except Mislukt:
                return
            try:
                inhoud = await bestand(stand, formaat)
            except Exception:
                log.exception("export %s van overleg %s mislukt", formaat, meeting_id)
                ui.notify("Het bestand kon niet worden gemaakt. Probeer het nog eens.", type="negative")
                return
            ui.download.content(inhoud, bestandsnaam(stand, formaat), mediatype(formaat))

        with ui.column().classes("w-full max-w-5xl mx-auto p-4 gap-4"):
            with ui.row().classes("w-full items-baseline justify-between"):
                ui.label(f"Notulen · {n.buurt} · {n.datum:%d-%m-%Y}").classes(
                    f"text-2xl font-bold min-w-0 {GETYPT}"
                ).props(kopniveau(1))
                statuslabel = ui.label().classes("text-gray-700")
            ui.label(n.template_titel).classes("text-gray-700 -mt-3")

            with ui.card().classes("w-full"):
                with ui.row().classes("w-full items-center gap-2"):
                    ui.label("Concept downloaden:").classes("font-semibold")
                    for formaat in FORMATEN:
                        ui.button(formaat.upper(), on_click=lambda f=formaat: download(f)).props("outline dense").mark(
                            f"download-{formaat}"
                        )
                    ui.space()
                    ui.button("Definitief maken", on_click=lambda: definitief()).props("color=primary").mark(
                        "definitief"
                    )
                ui.label(
                    "Het concept kan altijd worden gedownload, ook tijdens het overleg. 'Definitief maken' bewaart "
                    "de notulen zoals ze nu zijn als nieuwe versie; latere wijzigingen worden een volgende versie."
                ).classes("text-sm text-gray-600")
                namen = ui.switch(
                    "Namen van aanwezigen in de notulen", value=n.namen, on_change=lambda e: zet_namen(e.value)
                ).mark("namen")
                privacy = ui.label(t.privacyregel(n)).classes("text-sm text-gray-700")
                versievak = ui.column().classes("w-full gap-1")

            gegevensvak(dienst, token, n)
            with ui.card().classes("w-full"):
                ui.label("Aanwezigheid").classes("text-xl font-semibold").props(kopniveau(2))
                await aanwezigheid.paneel(ctx, meeting_id, lambda: dienst.notulist(token).aanwezigheid)

            ui.label(t.SAMENVATTING).classes("text-xl font-semibold").props(kopniveau(2))
            _notitieveld(
                dienst, token, None, notities.get(None, ""), "Samenvatting van het overleg (komt bovenaan de notulen)"
            )

            ui.label("Besluiten en acties").classes("text-xl font-semibold").props(kopniveau(2))
            ui.label(
                "Samen met de gespreksleider: wat je hier toevoegt of verbetert, staat meteen op de console."
            ).classes("text-sm text-gray-600")
            with ui.card().classes("w-full"):
                await afspraken.paneel(ctx, meeting_id, lambda: dienst.notulist(token).aanpak)

            ui.label(t.VERLOOP).classes("text-xl font-semibold").props(kopniveau(2))
            stapvakken: dict[int, Any] = {}
            for stap in n.stappen:
                with ui.card().classes("w-full"):
                    ui.label(t.stapkop(stap)).classes("text-lg font-semibold").props(kopniveau(3))
                    stapvakken[stap.positie] = ui.column().classes("w-full gap-1")
                    _notitieveld(
                        dienst,
                        token,
                        stap.positie,
                        notities.get(stap.positie, ""),
                        f"Notitie bij stap {stap.nummer}",
                    )

            restvak = ui.column().classes("w-full gap-3")

        # the stored privacy choice as last seen: a switch change that matches it is a redraw, not a choice
        bekend = {"namen": n.namen}

        async def zet_namen(aan: bool) -> None:
            if aan == bekend["namen"]:
                return
            if await probeer(dienst.notulist(token).namen_in_notulen, aan):
                bekend["namen"] = aan
            else:
                namen.set_value(bekend["namen"])

        async def definitief() -> None:
            try:
                nummer = await doe(dienst.notulist(token).maak_definitief)
            except Mislukt:
                return
            ui.notify(f"Versie {nummer} is definitief gemaakt.", type="positive")
            await teken_versies()

        async def teken_versies() -> None:
            versies = await doe(dienst.lezen.versies, meeting_id)
            versievak.clear()
            with versievak:
                if not versies:
                    ui.label("Nog geen definitieve versie.").classes("text-sm text-gray-600")
                for v in reversed(versies):
                    with ui.row().classes("w-full items-center gap-2"):
                        ui.label(f"Versie {v.nummer} · {t.moment(v.gemaakt_op)}").classes("w-56")
                        for formaat in FORMATEN:
                            ui.button(formaat.upper(), on_click=lambda f=formaat, nr=v.nummer: download(f, nr)).props(
                                "flat dense"
                            ).mark(f"versie-{v.nummer}-{formaat}")

        async def teken(_delen: frozenset[Deel]) -> None:
            stand = await doe(dienst.lezen.notulen, meeting_id)
            statuslabel.set_text(f"{MEETING_STATUS.get(stand.status, stand.status)} · {t.statusregel(stand)}")
            if namen.value != stand.namen:  # changed in another tab (or this redraw started before a click)
                bekend["namen"] = stand.namen
                namen.set_value(stand.namen)
            privacy.set_text(t.privacyregel(stand))
            for stap in stand.stappen:
                vak = stapvakken.get(stap.positie)
                if vak is not None:
                    vak.clear()
                    with vak:
                        _stap(stap)
            restvak.clear()
            with restvak:
                _rest(stand)
            await teken_versies()

        # a single answer does not change the draft (results show only after a reveal)
        await volg(ctx.publisher, meeting_id, {Deel.NOTULEN}, teken, dienst.lezen.versie)


def _notitieveld(dienst: Dienst, token: str, positie: int | None, waarde: str, label: str) -> None:
    """A note saved on leaving the field or with the button, with visible feedback."""
    opgeslagen = {"tekst": waarde}
    veld = (
        ui.textarea(label, value=waarde)
        .props("outlined autogrow")
        .classes("w-full")
        .mark("samenvatting" if positie is None else f"notitie-{positie}")
    )
    with ui.row().classes("items-center gap-2"):
        knop = ui.button("Opslaan").props("flat dense")
        melding = ui.label("").classes("text-sm text-gray-600")

    async def bewaar(_: object = None) -> None:
        tekst = veld.value or ""
        if tekst == opgeslagen["tekst"]:
            return
        melding.set_text("bezig met opslaan…")
        if await probeer(dienst.notulist(token).notitie, positie, tekst):
            opgeslagen["tekst"] = tekst
            melding.set_text("opgeslagen")
        else:
            melding.set_text("niet opgeslagen")

    veld.on("blur", bewaar)
    knop.on_click(bewaar)


def _stap(stap: Stapverslag) -> None:
    if not t.besproken(stap):
        ui.label("Nog niet behandeld.").classes("text-sm text-gray-600")
        return
    for vraag in stap.vragen:
        _vraag(vraag)


def _vraag(v: Vraagverslag) -> None:
    if v.soort.alleen_gesprek:
        ui.label(f"Besproken: {v.vraag}").classes("text-sm italic")
        return
    if v.soort.neemt_signalen:
        ui.label(f"{v.vraag} · {t.aantal(v.signalen, 'signaal', 'signalen')}").classes("text-sm italic")
        return
    ui.label(v.vraag).classes("font-semibold")
    if not v.rondes:
        ui.label("Nog geen uitslag getoond.").classes("text-sm text-gray-600")
    for i, r in enumerate(v.rondes):
        kleur = oordeelkleur(r.oordeel, "inherit")
        ui.label(t.rondekop(v, r)).style(f"color: {kleur}")
        ui.label("; ".join(f"{o.titel}: {o.aantallen[i]}" for o in v.opties if o.aantallen[i])).classes(
            "text-sm text-gray-700"
        )
        for verschil in r.verschillen if r.oordeel else ():
            ui.label(f"– {verschil}").classes("text-sm text-gray-600")
    regel = t.uitkomstregel(v)
    if regel:
        ui.label(regel).classes("font-semibold")


def _lijst(titel: str, regels: list[str], leeg: str) -> None:
    ui.label(titel).classes("text-xl font-semibold pt-2").props(kopniveau(2))
    if not regels:
        ui.label(leeg).classes("text-sm text-gray-600")
    for regel in regels:
        ui.label(regel).classes(GETYPT)


def _rest(n: Notulen) -> None:
    """The other sections of the draft, as plain text (participant text stays text)."""
    _lijst(
        t.AANWEZIG,
        [t.aanwezige(a) for a in n.aanwezig],  # as the heading of the PDF lists them
        "Nog niemand aangemeld.",
    )
    if n.vorig_overleg or n.terugblik:
        _lijst(
            t.TERUGBLIK,
            [
                f"{a.wat} · {a.uitvoerder} · {a.status}" + (f" · {a.toelichting}" if a.toelichting else "")
                for a in n.terugblik
            ],
            "Geen open acties uit het vorige overleg.",
        )
    for titel, regels in ((t.WAARNEMINGEN, n.waarnemingen), (t.DUIDINGEN, n.duidingen)):
        _lijst(
            f"{t.SIGNALEN}: {titel.lower()}",
            [f"{r.tekst}  ({t.signaalbron(r)} · herkend {r.herkend})" for r in regels],
            f"Geen {titel.lower()}.",
        )
    _lijst(
        t.GEKOZEN,
        [f"{k.soort}: {k.titel}" + (f" · {k.reden}" if k.reden else "") for k in n.gekozen],
        "Nog niets gekozen.",
    )
    _lijst(
        t.AFGEWEZEN,
        [f"{k.soort}: {k.titel}" + (f" · {k.reden}" if k.reden else "") for k in n.afgewezen],
        "Niets afgewezen.",
    )
    if n.beleid:
        _lijst(
            t.BELEID,
            [
                f"{b.richting}: gedekt: {b.gedekt or '-'}; voldoende: {b.voldoende}; witte vlekken: "
                f"{b.witte_vlekken or '-'}"
                for b in n.beleid
            ],
            "",
        )
    # decisions, actions, communication and next meeting are edited above, in "Besluiten en acties"

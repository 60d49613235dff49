"""The console's signal moderation, kept row by row.

The console redrew every moderation row per batch of signals, and each row carried a list of
every other signal as merge candidates: O(signals²) work per new signal, 48 % of the server at
50 participants (issue 22). Here the console compares what it shows with what the database
holds, like the phone's list (`signaallijst.py`): a new signal adds one row, a changed one
(recognised, hidden, edited) replaces its row, a merged or deleted one removes it. The merge
candidates are gathered when 'Samenvoegen' is tapped, from the list as it is then.
"""

from __future__ import annotations

from nicegui import ui

from ..sessie.dienst import Dienst
from ..sessie.toestand import SignaalKaart
from .gedeeld import KLEUR, Mislukt, antwoord_van, dialoog, doe, probeer
from .weergave import signaalkaart


class Moderatie:
    """The signals of the meeting with the facilitator's buttons; `ververs` after any change."""

    def __init__(self, dienst: Dienst, meeting_id: int, token: str) -> None:
        self._dienst, self._meeting_id, self._token = dienst, meeting_id, token
        self._kop = ui.label("Signalen (0)").classes("text-lg font-semibold")
        self._vak = ui.column().classes("w-full gap-2")
        self._getoond: dict[int, tuple[SignaalKaart, ui.row]] = {}
        self._kaarten: list[SignaalKaart] = []

    async def ververs(self) -> None:
        try:
            kaarten = await doe(self._dienst.lezen.signalen, self._meeting_id, alles=True)
        except Mislukt:
            return  # the notice is on screen; the rows stay until the next change
        self._toon(kaarten)

    def _toon(self, kaarten: list[SignaalKaart]) -> None:
        self._kaarten = kaarten
        self._kop.set_text(f"Signalen ({len(kaarten)})")
        nu = {kaart.id for kaart in kaarten}
        for weg in [i for i in self._getoond if i not in nu]:
            self._vak.remove(self._getoond.pop(weg)[1])
        for positie, kaart in enumerate(kaarten):
            eerder = self._getoond.get(kaart.id)
            if eerder is not None and eerder[0] == kaart:
                continue
            if eerder is not None:
                self._vak.remove(eerder[1])
            with self._vak:
                rij = self._rij(kaart)
            if positie < len(self._vak.default_slot.children) - 1:
                rij.move(target_index=positie)
            self._getoond[kaart.id] = (kaart, rij)

    def _rij(self, kaart: SignaalKaart) -> ui.row:
        leiding = self._dienst.leiding(self._token)
        with ui.row().classes("w-full items-start no-wrap gap-2") as rij:
            with ui.column().classes("grow"):
                signaalkaart(kaart, namen=True)
                if kaart.verborgen or not kaart.goedgekeurd:
                    ui.label("verborgen" if kaart.verborgen else "wacht op goedkeuring").style(
                        f"color: {KLEUR['verdeeld']}"
                    ).classes("text-sm")
            with ui.column().classes("gap-0"):
                if not kaart.goedgekeurd:
                    ui.button("Toelaten", on_click=lambda: probeer(leiding.modereer, kaart.id, goedgekeurd=True)).props(
                        "flat dense"
                    )
                ui.button(
                    "Tonen" if kaart.verborgen else "Verbergen",
                    on_click=lambda: probeer(leiding.modereer, kaart.id, verborgen=not kaart.verborgen),
                ).props("flat dense")
                ui.button(
                    "Markeer als bevestigd" if not kaart.geverifieerd else "Bevestiging weghalen",
                    on_click=lambda: probeer(leiding.modereer, kaart.id, geverifieerd=not kaart.geverifieerd),
                ).props("flat dense")
                ui.button("Bewerken", on_click=lambda: self._bewerk(kaart)).props("flat dense")
                ui.button("Samenvoegen", on_click=lambda: self._samenvoegen(kaart)).props("flat dense")
                ui.button("Verwijderen", on_click=lambda: probeer(leiding.verwijder_signaal, kaart.id)).props(
                    "flat dense color=negative"
                )
        return rij

    async def _bewerk(self, kaart: SignaalKaart) -> None:
        with dialoog() as venster, ui.card().classes("w-96"):
            veld = ui.textarea("Tekst", value=kaart.tekst).classes("w-full").mark("signaaltekst")
            with ui.row():
                ui.button("Annuleren", on_click=venster.close).props("flat").mark("bewerk-annuleren")
                ui.button("Opslaan", on_click=lambda: venster.submit(veld.value)).mark("bewerk-opslaan")
        nieuw = await antwoord_van(venster)
        if nieuw is not None:
            await probeer(self._dienst.leiding(self._token).modereer, kaart.id, tekst=nieuw)

    async def _samenvoegen(self, kaart: SignaalKaart) -> None:
        andere = {a.id: a.tekst[:40] for a in self._kaarten if a.id != kaart.id}
        if not andere:
            ui.notify("Er is nog geen ander signaal om mee samen te voegen.", type="info")
            return
        with dialoog() as venster, ui.card().classes("w-96"):
            ui.label("Dit signaal is hetzelfde als:")
            keuze = ui.select(andere).classes("w-full")
            with ui.row():
                ui.button("Annuleren", on_click=venster.close).props("flat")
                ui.button("Samenvoegen", on_click=lambda: venster.submit(keuze.value))
        doel = await antwoord_van(venster)
        if doel is not None:
            await probeer(self._dienst.leiding(self._token).voeg_samen, kaart.id, doel)

"""Taps the server never confirmed: sent again, or shown plainly with their text.

A phone that lost its Wi-Fi keeps the tap in its own browser (`concept.py`). When the phone
is back (a reconnect, a reload) or the server refused a tap, the page looks at what is left:

- the prompt is still open (a vote: in the same round): the tap is sent now, as intended;
- the prompt closed meanwhile: 'Niet verstuurd: de vraag is gesloten', with the text or the
  choice to copy, until the participant removes the notice or the prompt opens again; then
  nothing is sent behind the participant's back: a typed signal is back in its text box.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import ui

from ..sessie.toestand import Vergadering, Vraag
from . import concept as geheugen
from .eenlezing import samen_gelezen
from .gedeeld import GETYPT, KLEUR, Mislukt, doe
from .telefoonvraag import Telefoonstaat

NIET_VERSTUURD = "Niet verstuurd: de vraag is gesloten"


class Onverstuurd:
    """The notices at the top of the phone, and the check that fills them."""

    def __init__(self, staat: Telefoonstaat, ververs: Callable[[], Awaitable[None]]) -> None:
        self._staat = staat
        self._ververs = ververs
        self._vak = ui.column().classes("w-full gap-2")
        self._getoond: dict[str, ui.card] = {}
        self._bezig = asyncio.Lock()

    async def nagaan(self, *, opnieuw: bool = True) -> None:
        """Look at the taps the phone still holds; `opnieuw=False` after a refusal: a tap the
        server answered is not sent again, unless its prompt closed (then it is shown)."""
        async with self._bezig:
            staat = self._staat
            # in this page-long column: after a refusal the tap's own button may be gone in a
            # redraw (its prompt closed meanwhile), and JavaScript needs a living element's client
            with self._vak:
                bewaard = await geheugen.lees_alles(staat.voorvoegsel)
            for sleutel, waarde in bewaard.items():  # drafts typed while the server did not hear them
                if sleutel.startswith("concept:") and waarde not in (None, ""):
                    staat.concept[sleutel.removeprefix("concept:")] = waarde
            pogingen = {
                k.removeprefix("poging:"): v
                for k, v in bewaard.items()
                if k.startswith("poging:") and isinstance(v, dict) and "waarde" in v
            }
            if not pogingen:
                return
            try:
                vergadering = await samen_gelezen(  # the read every phone shares for this version
                    staat.ctx.publisher,
                    ("vergadering", staat.meeting_id),
                    staat.meeting_id,
                    staat.ctx.dienst.lezen.vergadering,
                    staat.meeting_id,
                )
            except Mislukt:
                return
            stap = vergadering.huidige_stap
            open_ = (
                {v.id: v for v in stap.vragen}
                if stap is not None and vergadering.status == "stappen" and stap.status == "open"
                else {}
            )
            verstuurd = False
            for vraag_id, poging in pogingen.items():
                vraag = open_.get(vraag_id)
                if vraag is None:
                    self._toon(vraag_id, _als_tekst(vergadering, vraag_id, poging))
                    geheugen.zet(staat.poging(vraag_id), {**poging, "getoond": True})
                    continue
                assert stap is not None
                if poging.get("getoond"):  # open again after 'Niet verstuurd': the draft is back in its box
                    geheugen.wis(staat.poging(vraag_id))
                    self._weg(vraag_id)
                    continue
                if not opnieuw or (vraag.neemt_stemmen and poging.get("ronde") != stap.ronde):
                    geheugen.wis(staat.poging(vraag_id))  # answered by the server, or an older round
                    continue
                if await self._stuur(vraag, poging["waarde"]):
                    verstuurd = True
            if verstuurd:
                await self._ververs()

    async def _stuur(self, vraag: Vraag, waarde: Any) -> bool:
        staat = self._staat
        rol = staat.ctx.dienst.deelnemer(staat.meeting_id, staat.ik.id)
        try:
            if vraag.neemt_signalen:
                soort = staat.concept.get(f"{vraag.id}:soort", "waarneming")
                await doe(rol.signaal, vraag.id, soort, str(waarde))
                if staat.concept.get(vraag.id) == waarde:
                    staat.vergeet(vraag.id)
            else:
                await doe(rol.antwoord, vraag.id, waarde)
                staat.vergeet(vraag.id)
        except Mislukt:
            geheugen.wis(staat.poging(vraag.id))  # the server answered: the notice says why
            return False
        geheugen.wis(staat.poging(vraag.id))
        self._weg(vraag.id)
        return True

    def _toon(self, vraag_id: str, tekst: str) -> None:
        if vraag_id in self._getoond:
            return
        with self._vak, ui.card().classes("w-full p-3 gap-2").style(f"border: 2px solid {KLEUR['verdeeld']}") as kaart:
            ui.label(NIET_VERSTUURD).classes("text-lg font-bold").style(f"color: {KLEUR['verdeeld']}").props(
                "role=alert"
            )
            ui.label("Dit had je verstuurd; kopieer het als je het nog wilt bewaren:").classes("text-sm")
            ui.label(tekst).classes(f"text-base select-all bg-gray-100 p-2 rounded w-full {GETYPT}").props("dir=auto")

            def weg() -> None:
                geheugen.wis(self._staat.poging(vraag_id))
                self._weg(vraag_id)

            ui.button("Weghalen", on_click=weg).props("outline no-caps").style("min-height: 48px")
        self._getoond[vraag_id] = kaart

    def _weg(self, vraag_id: str) -> None:
        kaart = self._getoond.pop(vraag_id, None)
        if kaart is not None:
            self._vak.remove(kaart)


def _als_tekst(vergadering: Vergadering, vraag_id: str, poging: dict[str, Any]) -> str:
    """What was tapped, as the participant saw it: the text, or the options' titles."""
    waarde = poging["waarde"]
    if isinstance(waarde, str) and not poging.get("titel"):
        return waarde
    vraag = next((v for s in vergadering.stappen for v in s.vragen if v.id == vraag_id), None)
    if vraag is None:
        return str(poging.get("titel") or waarde)
    if isinstance(waarde, list):
        keuze = ", ".join(vraag.titel_van(w) for w in waarde) or "Geen van deze"
    elif isinstance(waarde, dict):
        keuze = ", ".join(f"{vraag.titel_van(k)}: {n}" for k, n in waarde.items())
    else:
        keuze = vraag.titel_van(waarde)
    return f"{vraag.vraag} — {keuze}"

"""The projector: public, no controls, large type, nothing the room did not choose to show.

The view fits the window at any size (`passend`), long lists turn their pages (`bladeren`),
and the facilitator can put it on black from the console. `?voorbeeld=1` is the same page
for the console's small live preview: without the fullscreen button and the F key.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import TypedDict

from nicegui import ui
from starlette.requests import Request

from .. import qr
from ..appcontext import Context
from ..sessie.besluitbeeld import Beeldsoort, Besluitbeeld, beeldsoort
from ..sessie.duidingsbeeld import Duidingsbeeld
from ..sessie.methode import Begeleiding, voor_de_beamer
from ..sessie.oordeel import Oordeel
from ..sessie.toestand import Stap, Uitslag
from . import adviesbeeld, beamerbeeld, beamerstap, methode
from .bladeren import paginanummer
from .gedeeld import GETYPT, Mislukt, doe, kopniveau, stopt_stil, weigerpagina
from .herkenningsbeeld import herkenningsbeeld
from .klok import Klokweergave
from .passend import pas_op_scherm
from .volgen import ALLE, Deel, volg

VOLSCHERM_TOETS = """
<script>
document.addEventListener('keydown', (e) => {
  if (e.key !== 'f' && e.key !== 'F') return;
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input, textarea, select')) return;
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen().catch(() => {});
});
</script>
"""
"""F toggles fullscreen: a keydown is a user gesture, so the browser allows it."""


ZONDER_STAPWERK = frozenset({Deel.SIGNALEN, Deel.NOTULEN, Deel.BEAMER})
"""Changes that leave the step's results, verdicts, guidance and decisions as they are (see
`WAT_VERANDERT`: a signal, a recognition, a note, a page turn). In a room of 200 the signals
come ten a second; the guidance alone is several reads of the whole meeting, so on these the
wall re-reads only the meeting and the signals and keeps the rest it read for this step."""


@dataclass(frozen=True)
class _Staplezing:
    """What the beamer read about the current step besides its signals."""

    sleutel: tuple[int, str] | None
    uitslagen: list[Uitslag]
    duiding: dict[str, list[Oordeel]]
    beelden: dict[str, Duidingsbeeld]
    begeleiding: list[Begeleiding]
    besluit: Beeldsoort | None
    beslist: Besluitbeeld | None


def _sleutel(stap: Stap | None) -> tuple[int, str] | None:
    """Which step in which state a reading is of: another step or state reads anew."""
    return (stap.positie, stap.status) if stap else None


async def _lees_stap(ctx: Context, meeting_id: int, stap: Stap | None) -> _Staplezing:
    dienst = ctx.dienst
    if stap is None:
        return _Staplezing(None, [], {}, {}, [], None, None)
    besluit = beeldsoort(dienst.catalogus, stap)
    return _Staplezing(
        _sleutel(stap),
        await doe(dienst.lezen.uitslagen, meeting_id, stap.positie),
        await doe(dienst.lezen.oordelen, meeting_id, stap.positie),
        await doe(dienst.lezen.beelden, meeting_id, stap.positie) if stap.status == "onthuld" else {},
        voor_de_beamer(await doe(dienst.lezen.begeleiding, meeting_id), stap),
        besluit,
        await doe(dienst.lezen.besluitbeeld, meeting_id) if besluit else None,
    )


class _Getoond(TypedDict, total=False):
    """What the beamer last drew, so a vote can update only the counts and a page can turn."""

    lezing: _Staplezing

    stap: int | None
    stemmers: int
    zichtbaar: bool
    gekozen: int | None
    pagina: int | None
    """The page number drawn, or None when no list of this view has more than one page."""


def registreer(ctx: Context) -> None:
    dienst = ctx.dienst

    @ui.page("/scherm/{token}", reconnect_timeout=120.0)
    @stopt_stil
    async def scherm(token: str, request: Request) -> None:
        ui.page_title("Beamer · Buurtoverleg")
        try:
            meeting_id = await doe(dienst.aanmelding.via_token, "scherm", token)
        except Mislukt as fout:
            weigerpagina(str(fout))
            return
        basis = qr.basis_url(str(request.base_url), ctx.instellingen.publieke_url)
        voorbeeld = request.query_params.get("voorbeeld") == "1"
        pas_op_scherm()

        with ui.element("div").classes("beamer"):
            with ui.row().classes("w-full items-center justify-between no-wrap gap-6"):
                kop = ui.label().classes(f"text-4xl font-bold min-w-0 {GETYPT}").props(kopniveau(1))
                with ui.row().classes("items-center no-wrap gap-4 shrink-0"):
                    klok = Klokweergave("text-6xl font-mono font-bold")
                    if not voorbeeld:
                        ui.button("Volledig scherm (F)").props("outline no-caps aria-keyshortcuts=F").classes(
                            "volscherm-knop"
                        ).on("click", js_handler="() => document.documentElement.requestFullscreen()")
            hoofd = ui.element("div").classes("w-full beamer-rest flex flex-col flex-nowrap gap-3")
            voet = ui.element("div").classes("w-full")
        zwart = ui.element("div").classes("beamer-zwart").props('role=img aria-label="De beamer staat op zwart"')
        zwart.set_visibility(False)
        if not voorbeeld:
            ui.add_body_html(VOLSCHERM_TOETS)

        tellers: dict[str, ui.label] = {}
        """The 'N van M' labels of the current step: a vote only changes these."""
        vorige: _Getoond = {}

        async def teken(delen: frozenset[Deel]) -> int | None:
            if delen == {Deel.TELLERS} and vorige.get("stap") is not None and not vorige.get("zichtbaar"):
                return await tel_bij()
            vergadering = await doe(dienst.lezen.vergadering, meeting_id)
            stap = vergadering.huidige_stap if vergadering.status == "stappen" else None
            # every read before the first change on screen: a new title never stands over the old step
            lezing = vorige.get("lezing")
            if lezing is None or lezing.sleutel != _sleutel(stap) or not delen <= ZONDER_STAPWERK:
                lezing = await _lees_stap(ctx, meeting_id, stap)
            uitslagen, duiding, beelden, begeleiding, besluit, beslist = (
                lezing.uitslagen,
                lezing.duiding,
                lezing.beelden,
                lezing.begeleiding,
                lezing.besluit,
                lezing.beslist,
            )
            signalen = (
                await doe(dienst.lezen.signalen, meeting_id)
                if stap and any(v.neemt_signalen for v in stap.vragen)
                else []
            )
            herkenning = (
                await doe(dienst.lezen.herkenning, meeting_id)
                if vergadering.herkenning_op_beamer and vergadering.status == "stappen"
                else None
            )
            vorige["lezing"] = lezing
            pagina = paginanummer(vergadering.beamer_pagina, time.time())
            kop.set_text(f"{vergadering.buurt} · {stap.titel if stap else vergadering.template_titel}")
            klok.zet(stap)
            zwart.set_visibility(vergadering.beamer_zwart)
            vorige["stap"] = stap.positie if stap else None
            vorige["stemmers"] = len(vergadering.stemmers)
            vorige["zichtbaar"] = any(u.zichtbaar for u in uitslagen)
            vorige["gekozen"] = vergadering.beamer_pagina
            vorige["pagina"] = None
            tellers.clear()
            hoofd.clear()
            voet.clear()
            with hoofd:
                if herkenning is not None:  # the facilitator put the shared picture of the signals up
                    herkenningsbeeld(herkenning)
                elif vergadering.status == "lobby":
                    beamerbeeld.lobby(vergadering, basis)
                elif stap is not None:
                    # settled guidance takes the place of the items the room chose from
                    getoond, daarna = adviesbeeld.in_de_stap(besluit, stap, uitslagen, beslist, pagina)
                    getoond = replace(getoond, inhoud=()) if begeleiding else getoond
                    beeld = beamerstap.Stapbeeld(
                        vergadering, getoond, {u.vraag_id: u for u in uitslagen}, duiding, signalen, pagina, beelden
                    )
                    beamerstap.stap(beeld, tellers)
                    if daarna is not None:  # the decision phase: proposals, or the agreed actions
                        daarna()
                    methode.begeleiding_op_beamer(begeleiding)
                    if beamerstap.heeft_paginas(beeld) or adviesbeeld.heeft_paginas(besluit, beslist):
                        vorige["pagina"] = pagina
                elif vergadering.status == "afronding":
                    beamerbeeld.afronding(vergadering)
                else:
                    beamerbeeld.afgesloten()
            if stap is not None:
                with voet:
                    beamerbeeld.voet(vergadering, basis)
            return vergadering.versie

        async def tel_bij() -> int | None:
            """A vote only changes the 'N van M' lines, unless results are live: then all of it."""
            vorige.pop("lezing", None)  # the step's results changed: a page turn must not draw the old counts
            for uitslag in await doe(dienst.lezen.uitslagen, meeting_id, vorige["stap"]):
                if uitslag.zichtbaar:  # the facilitator just switched live results on
                    vorige["zichtbaar"] = True
                    return await teken(ALLE)
                if uitslag.vraag_id in tellers:
                    tellers[uitslag.vraag_id].set_text(beamerstap.teller(uitslag, vorige["stemmers"]))
            return None

        volger = await volg(ctx.publisher, meeting_id, BEAMER, teken, dienst.lezen.versie)

        def blader_vanzelf() -> None:
            """Turn the page of a long list when its time is up (the same clock as the preview's)."""
            getoond = vorige.get("pagina")
            if getoond is not None and paginanummer(vorige.get("gekozen"), time.time()) != getoond:
                volger.markeer({Deel.BEAMER})

        ui.timer(1.0, blader_vanzelf)


BEAMER = frozenset(
    {
        Deel.VERLOOP,
        Deel.TELLERS,
        Deel.UITKOMSTEN,
        Deel.DEELNEMERS,
        Deel.SIGNALEN,
        Deel.INSTELLINGEN,
        Deel.BEAMER,
        Deel.BESLUITEN,
    }
)
"""What the wall shows: the step and its results, the counts, who joined, the signals, the
guidance that follows a settled outcome, the choices and actions as they are agreed, on black
or not."""

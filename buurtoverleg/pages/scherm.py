"""The projector: public, no controls, large type, nothing the room did not choose to show."""

from __future__ import annotations

from dataclasses import replace
from typing import TypedDict

from nicegui import ui
from starlette.requests import Request

from .. import qr
from ..appcontext import Context
from ..export.tekst import aantal
from ..sessie.besluitbeeld import beeldsoort
from ..sessie.duidingsbeeld import Duidingsbeeld
from ..sessie.methode import voor_de_beamer
from ..sessie.oordeel import Oordeel
from ..sessie.toestand import DOMEINEN, SignaalKaart, Stap, Uitslag, Vergadering
from . import adviesbeeld, methode
from .duidingsbeeld import duidingsbeeld
from .gedeeld import GETYPT, KLEUR, Mislukt, doe, kopniveau, stopt_stil, weigerpagina
from .herkenningsbeeld import herkenningsbeeld
from .volgen import ALLE, Deel, volg
from .weergave import Klokweergave, agenda, balken, duidingsblok, signaalkaart


class _Getoond(TypedDict, total=False):
    """What the beamer last drew, so a vote can update only the counts."""

    stap: int | None
    stemmers: int
    zichtbaar: bool


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

        with ui.row().classes("w-full items-center justify-between px-8 pt-4 no-wrap"):
            kop = ui.label().classes(f"text-4xl font-bold min-w-0 {GETYPT}").props(kopniveau(1))
            klok = Klokweergave("text-6xl font-mono font-bold")
        hoofd = ui.column().classes("w-full px-8 gap-4")

        tellers: dict[str, ui.label] = {}
        """The 'N van M' labels of the current step: a vote only changes these."""
        vorige: _Getoond = {}

        async def teken(delen: frozenset[Deel]) -> int | None:
            if delen == {Deel.TELLERS} and vorige.get("stap") is not None and not vorige.get("zichtbaar"):
                return await tel_bij()
            vergadering = await doe(dienst.lezen.vergadering, meeting_id)
            stap = vergadering.huidige_stap
            kop.set_text(
                f"{vergadering.buurt} · {stap.titel if stap and vergadering.status == 'stappen' else vergadering.template_titel}"
            )
            klok.zet(stap if vergadering.status == "stappen" else None)
            uitslagen = (
                await doe(dienst.lezen.uitslagen, meeting_id, stap.positie)
                if stap and vergadering.status == "stappen"
                else []
            )
            duiding = (
                await doe(dienst.lezen.oordelen, meeting_id, stap.positie)
                if stap and vergadering.status == "stappen"
                else {}
            )
            beelden = (
                await doe(dienst.lezen.beelden, meeting_id, stap.positie)
                if stap and vergadering.status == "stappen" and stap.status == "onthuld"
                else {}
            )
            herkenning = (
                await doe(dienst.lezen.herkenning, meeting_id)
                if vergadering.herkenning_op_beamer and vergadering.status == "stappen"
                else None
            )
            signalen = (
                await doe(dienst.lezen.signalen, meeting_id)
                if stap and any(v.neemt_signalen for v in stap.vragen)
                else []
            )
            begeleiding = (
                voor_de_beamer(await doe(dienst.lezen.begeleiding, meeting_id), stap)
                if stap and vergadering.status == "stappen"
                else []
            )
            besluit = beeldsoort(dienst.catalogus, stap) if stap and vergadering.status == "stappen" else None
            beslist = await doe(dienst.lezen.besluitbeeld, meeting_id) if besluit else None
            vorige["stap"] = stap.positie if stap and vergadering.status == "stappen" else None
            vorige["stemmers"] = len(vergadering.stemmers)
            vorige["zichtbaar"] = any(u.zichtbaar for u in uitslagen)
            tellers.clear()
            hoofd.clear()
            with hoofd:
                if herkenning is not None:  # the facilitator put the shared picture of the signals up
                    herkenningsbeeld(herkenning)
                elif vergadering.status == "lobby":
                    _lobby(vergadering, basis)
                elif vergadering.status == "stappen" and stap is not None:
                    # settled guidance takes the place of the items the room chose from
                    getoond, daarna = adviesbeeld.in_de_stap(besluit, stap, uitslagen, beslist)
                    getoond = replace(getoond, inhoud=()) if begeleiding else getoond
                    _stap(vergadering, getoond, uitslagen, duiding, beelden, signalen, basis, tellers)
                    if daarna is not None:  # the decision phase: proposals, or the agreed actions
                        daarna()
                    methode.begeleiding_op_beamer(begeleiding)
                elif vergadering.status == "afronding":
                    ui.label("Afronding").classes("text-5xl font-bold")
                    agenda(vergadering)
                else:
                    ui.label("Het overleg is afgesloten. Bedankt!").classes("text-5xl font-bold")
            return vergadering.versie

        async def tel_bij() -> int | None:
            """A vote only changes the 'N van M' lines, unless results are live: then all of it."""
            for uitslag in await doe(dienst.lezen.uitslagen, meeting_id, vorige["stap"]):
                if uitslag.zichtbaar:  # the facilitator just switched live results on
                    vorige["zichtbaar"] = True
                    return await teken(ALLE)
                if uitslag.vraag_id in tellers:
                    tellers[uitslag.vraag_id].set_text(_teller(uitslag, vorige["stemmers"]))
            return None

        await volg(ctx.publisher, meeting_id, BEAMER, teken, dienst.lezen.versie)


BEAMER = frozenset(
    {Deel.VERLOOP, Deel.TELLERS, Deel.UITKOMSTEN, Deel.DEELNEMERS, Deel.SIGNALEN, Deel.INSTELLINGEN, Deel.BESLUITEN}
)
"""What the wall shows: the step and its results, the counts, who joined, the signals, the
guidance that follows a settled outcome, and the choices and actions as they are agreed."""


def _lobby(vergadering: Vergadering, basis: str) -> None:
    url = f"{basis}/doe/{vergadering.join_code}"
    with ui.row().classes("w-full gap-12 no-wrap items-start"):
        with ui.column().classes("items-center gap-2"):
            ui.html(qr.svg(url), sanitize=False).classes("w-[60vh] h-[60vh] bg-white").props(
                'role=img aria-label="QR-code om mee te doen"'
            )
        with ui.column().classes("gap-4"):
            ui.label("Doe mee met je telefoon").classes("text-5xl font-bold").props(kopniveau(2))
            ui.label("Scan de QR-code, of ga naar").classes("text-3xl")
            ui.label(f"{basis}/doe").classes("text-3xl font-mono")
            ui.label("en typ de code").classes("text-3xl")
            ui.label(vergadering.join_code).classes("text-8xl font-mono font-bold tracking-widest").style(
                f"color: {KLEUR['primair']}"
            )
            ui.label(aantal(len(vergadering.stemmers), "deelnemer", "deelnemers") + " aangemeld").classes(
                "text-4xl pt-4"
            )
            per_domein: dict[str, int] = {}
            for d in vergadering.deelnemers:
                per_domein[d.domein] = per_domein.get(d.domein, 0) + 1
            ui.label(" · ".join(f"{DOMEINEN.get(k, k)} {n}" for k, n in sorted(per_domein.items()))).classes(
                "text-2xl text-gray-700"
            )
            if not vergadering.aanmelden_open:
                ui.label("Aanmelden is gesloten").classes("text-2xl").style(f"color: {KLEUR['verdeeld']}")


def _teller(uitslag: Uitslag, stemmers: int) -> str:
    ronde = f" · ronde {uitslag.ronde}" if uitslag.ronde > 1 else ""
    return f"{uitslag.aantal} van {stemmers} hebben geantwoord{ronde}"


def _stap(
    vergadering: Vergadering,
    stap: Stap,
    uitslagen: list[Uitslag],
    duiding: dict[str, list[Oordeel]],
    beelden: dict[str, Duidingsbeeld],
    signalen: list[SignaalKaart],
    basis: str,
    tellers: dict[str, ui.label],
) -> None:
    if stap.uitleg:
        ui.label(stap.uitleg).classes("text-3xl text-gray-800")
    methode.op_beamer(stap, compact=bool(signalen) or any(u.zichtbaar for u in uitslagen))
    stemmers = len(vergadering.stemmers)
    per_vraag = {u.vraag_id: u for u in uitslagen}
    # two assessments in one step (ernst and urgentie) stand side by side, or the second one
    # falls off the bottom of the beamer
    naast_elkaar = sum(v.neemt_stemmen for v in stap.vragen) > 1
    vak = (
        ui.element("div").classes("w-full grid grid-cols-2 gap-x-16 gap-y-4")
        if naast_elkaar
        else ui.column().classes("w-full gap-4")
    )
    for vraag in stap.vragen:
        uitslag = per_vraag.get(vraag.id)
        with vak, ui.column().classes("w-full gap-2 min-w-0"):
            ui.label(vraag.vraag).classes("text-5xl font-semibold").props(kopniveau(2))
            if vraag.neemt_signalen:
                _signalen(vergadering, signalen, vraag.id)
                continue
            if not vraag.neemt_stemmen or uitslag is None:
                continue
            tellers[vraag.id] = ui.label(_teller(uitslag, stemmers)).classes("text-4xl").props('aria-live="polite"')
            beeld = beelden.get(vraag.id)
            if beeld is not None:  # after a reveal the picture per domain takes the bars' place
                duidingsbeeld(beeld, compact=naast_elkaar)
            elif uitslag.zichtbaar:
                balken(vraag, uitslag, groot=True)
            if stap.status == "onthuld":
                duidingsblok(duiding.get(vraag.id, []), groot=True, zin=beeld.rondes[-1].zin if beeld else None)
            elif stap.status == "open":
                wanneer = (
                    "iedereen heeft gestemd" if vergadering.auto_onthullen else "de gespreksleider de uitslag toont"
                )
                ui.label(f"De antwoorden blijven verborgen tot {wanneer}.").classes("text-2xl text-gray-700")
    # how to join stays on the bottom line, right-aligned
    with ui.row().classes("w-full items-end no-wrap gap-4 pt-2"):
        ui.element("div").classes("grow")
        ui.label(f"Meedoen: {basis}/doe · code {vergadering.join_code}").classes(
            "text-2xl font-mono text-gray-700 shrink-0"
        )


def _signalen(vergadering: Vergadering, signalen: list[SignaalKaart], vraag_id: str) -> None:
    eigen = [k for k in signalen if k.vraag_id == vraag_id]
    with ui.row().classes("w-full gap-6 no-wrap items-start"):
        for soort, kop in (("waarneming", "Waarnemingen"), ("duiding", "Duidingen")):
            with ui.column().classes("w-1/2 gap-2"):
                ui.label(kop).classes("text-3xl font-bold").style(f"color: {KLEUR[soort]}").props(kopniveau(3))
                for kaart in sorted((k for k in eigen if k.soort == soort), key=lambda k: -k.herkend):
                    signaalkaart(kaart, namen=vergadering.toon_namen, groot=True)

"""The facilitator's console: controls, agenda, who answered, results, moderation.

Every button forwards to the domain with the facilitator's link token; the domain decides.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from nicegui import ui
from nicegui.events import KeyEventArguments
from starlette.requests import Request

from .. import qr
from ..appcontext import Context
from ..sessie.dienst import Dienst
from ..sessie.oordeel import rondenaam
from ..sessie.overgangen import Handeling as H
from ..sessie.overgangen import toegestaan
from ..sessie.toestand import DOMEINEN, MEETING_STATUS, ROLLEN, STAP_STATUS, Deelnemer, Uitslag, Vergadering, Vraag
from ..sessie.uitslagen import uitkomstopties
from . import aanpak, aanwezigheid, beamervoorbeeld, methode, pincode
from .gedeeld import GETYPT, KLEUR, antwoord_van, dialoog, doe, kopniveau, probeer, stopt_stil
from .klok import Klokweergave
from .moderatie import Moderatie
from .onenigheden import vervolg
from .volgen import Deel, volg
from .weergave import agenda, balken, duidingsblok

Actie = Callable[..., Awaitable[None]]
"""`actie(naam, *args)`: call the facilitator handle's action `naam` through `probeer`."""


def registreer(ctx: Context) -> None:
    dienst = ctx.dienst

    @ui.page("/leiding/{token}", reconnect_timeout=120.0)
    @stopt_stil
    async def leiding(token: str, request: Request) -> None:
        ui.page_title("Gespreksleider · Buurtoverleg")
        if (meeting_id := await pincode.toegang(ctx, "gespreksleider", token)) is None:
            return  # refused, or the PIN form is showing
        links = await doe(dienst.aanmelding.links, meeting_id)
        basis = qr.basis_url(str(request.base_url), ctx.instellingen.publieke_url)

        leiding_ = dienst.leiding(token)  # checks the link again at every action

        async def actie(naam: str, *args: Any, **kwargs: Any) -> None:
            await probeer(getattr(leiding_, naam), *args, **kwargs)

        with ui.column().classes("w-full max-w-6xl mx-auto p-3 gap-3"):
            with ui.row().classes("w-full items-center justify-between"):
                kop = ui.label().classes(f"text-2xl font-bold min-w-0 {GETYPT}").props(kopniveau(1))
                klok = Klokweergave("text-3xl font-mono")
            with ui.row().classes("gap-4 text-sm"):
                ui.link("Beamer openen", f"/scherm/{links.projector_token}", new_tab=True)
                ui.link("Notulen", f"/notulen/{links.secretary_token}", new_tab=True)
                ui.link("Vooraf", f"/leiding/{token}/vooraf", new_tab=True)  # the pre-round (pages/voorafbeheer.py)
                ui.label(f"Deelnemers: {basis}/doe · code {links.join_code}").classes("font-mono")
            if qr.alleen_hier(ctx.instellingen.host, ctx.instellingen.publieke_url):
                ui.label(ALLEEN_HIER).classes("text-base font-semibold").style(f"color: {KLEUR['verdeeld']}").props(
                    "role=alert"
                )
            knoppen = ui.row().classes("w-full gap-2")
            ui.label(SNELTOETSEN).classes("text-sm text-gray-700")
            vorige = await doe(dienst.lezen.te_beoordelen, meeting_id)
            with ui.tabs().classes("w-full") as tabs:
                tab_stap = ui.tab("Overleg")
                tab_aanpak = ui.tab("Aanpak en acties")
                tab_vorige = ui.tab(f"Vorig overleg ({len(vorige)})") if vorige else None
            with ui.tab_panels(tabs, value=tab_stap).classes("w-full"):
                with ui.tab_panel(tab_aanpak):
                    await aanpak.paneel(ctx, meeting_id, token, lambda: doe(dienst.lezen.voorstellen, meeting_id))
                    with ui.expansion("Aanwezigheid (te laat, afgemeld)").classes("w-full"):
                        await aanwezigheid.paneel(ctx, meeting_id, lambda: dienst.leiding(token).aanwezigheid)
                if tab_vorige is not None:
                    with ui.tab_panel(tab_vorige):
                        await aanpak.terugblik(ctx, meeting_id, token)
                overlegpaneel = ui.tab_panel(tab_stap)
            with overlegpaneel, ui.row().classes("w-full gap-4 items-start"):
                with ui.column().classes("grow gap-3").style("min-width: 320px; flex: 2"):
                    stapvak = ui.column().classes("w-full gap-2")
                    onenighedenvak = ui.column().classes("w-full gap-2")
                    begeleidingvak = ui.column().classes("w-full gap-2")
                    signaalvak = ui.column().classes("w-full gap-2")
                with ui.column().classes("gap-3").style("min-width: 280px; flex: 1"):
                    await beamervoorbeeld.paneel(ctx, meeting_id, token, links.projector_token)
                    ui.label("Agenda").classes("text-lg font-semibold").props(kopniveau(2))
                    agendavak = ui.column().classes("w-full")
                    ui.label("Deelnemers").classes("text-lg font-semibold").props(kopniveau(2))
                    deelnemervak = ui.column().classes("w-full gap-1")
                    ui.label("Instellingen").classes("text-lg font-semibold").props(kopniveau(2))
                    instellingvak = ui.column().classes("w-full gap-0")
                    ui.label("Pincodes op de links").classes("text-lg font-semibold").props(kopniveau(2))
                    await pincode.beheer(ctx, meeting_id, token)

        moderatie: list[Moderatie] = []
        """The moderation list while the step takes signals (at most one)."""

        getekend: dict[str, Any] = {}
        """What the last draw showed: "v" the meeting, "regels" participant id -> label,
        "tellers" prompt id -> its 'n van m geantwoord' label."""

        async def teken(delen: frozenset[Deel]) -> int | None:
            """An answer only changes the step card and who has answered, a signal only the
            moderation list; forms stay as typed. Everything else redraws the whole console."""
            if delen == {Deel.TELLERS} and "v" in getekend and await tel_bij(getekend["v"]):
                return None
            volledig = not delen <= {Deel.TELLERS, Deel.SIGNALEN}
            v = await doe(dienst.lezen.vergadering, meeting_id)
            getekend["v"] = v
            stap = v.huidige_stap if v.status == "stappen" else None
            kop.set_text(
                f"{v.buurt} · {MEETING_STATUS.get(v.status, v.status)}"
                + (f" · stap {stap.positie + 1}: {stap.titel}" if stap else "")
            )
            klok.zet(stap)
            if volledig:
                _knoppen(knoppen, v, actie)
                teken_agenda(v)
                teken_instellingen(v)
                await teken_onenigheden()
                begeleidingvak.clear()
                with begeleidingvak:
                    methode.begeleiding_op_console(dienst, token, await doe(dienst.lezen.begeleiding, meeting_id))
            if volledig or Deel.TELLERS in delen:
                await teken_deelnemers(v)
                await teken_stap(v)
            if volledig or Deel.SIGNALEN in delen:
                if stap is not None and any(q.neemt_signalen for q in stap.vragen):
                    if not moderatie:  # kept across redraws: a signal changes one row (moderatie.py)
                        with signaalvak:
                            moderatie.append(Moderatie(dienst, meeting_id, token))
                    await moderatie[0].ververs()
                elif moderatie:
                    signaalvak.clear()
                    moderatie.clear()
            return v.versie if volledig else None

        def teken_agenda(v: Vergadering) -> None:
            stap = v.huidige_stap
            agendavak.clear()
            with agendavak:
                agenda(v, op_klik=lambda p: actie("ga_naar", p))
                if stap is not None and v.status == "stappen":
                    minuten = ui.number("Minuten voor deze stap", value=stap.klok.budget // 60, min=1, max=240)
                    minuten.props("dense outlined").classes("w-48")
                    ui.button(
                        "Tijd opslaan", on_click=lambda: actie("stel_budget", stap.positie, int(minuten.value or 1))
                    ).props("flat dense")

        async def tel_bij(v: Vergadering) -> bool:
            """An answer came in: change only the participant lines whose text changes, and the
            counts, with two reads instead of five and no rebuilt rows (issue 22: the full redraw
            cost 0.27 ms per participant, up to five times a second). The step card is drawn
            again only when it shows the distribution live. False when nothing is drawn yet."""
            if "regels" not in getekend or "tellers" not in getekend:
                return False
            stap = v.huidige_stap if v.status == "stappen" else None
            nog = {d.id for d in await doe(dienst.lezen.nog_niet_geantwoord, meeting_id)}
            for d in v.deelnemers:
                if (label := getekend["regels"].get(d.id)) is not None:
                    _regel(label, d, d.id in nog)
            if stap is None:
                return True
            uitslagen = await doe(dienst.lezen.uitslagen, meeting_id, stap.positie, voor_leiding=True)
            if any(u.zichtbaar for u in uitslagen):
                await teken_stap(v)
                return True
            for u in uitslagen:
                if u.vraag_id in getekend["tellers"]:
                    getekend["tellers"][u.vraag_id].set_text(_geantwoord(u, v, stap.vragen))
            return True

        async def teken_deelnemers(v: Vergadering) -> None:
            nog = {d.id for d in await doe(dienst.lezen.nog_niet_geantwoord, meeting_id)}
            deelnemervak.clear()
            getekend["regels"] = {}
            with deelnemervak:
                ui.label(
                    f"{len(v.stemmers)} {'stemmer' if len(v.stemmers) == 1 else 'stemmers'}, {len(v.deelnemers)} in de zaal"
                ).classes("text-sm")
                for d in v.deelnemers:
                    getekend["regels"][d.id] = _regel(ui.label(), d, d.id in nog)

        def teken_instellingen(v: Vergadering) -> None:
            instellingvak.clear()
            with instellingvak:
                for naam, label, waarde in (
                    ("auto_timer", "Tijd start vanzelf bij een nieuwe stap", v.auto_timer),
                    ("auto_onthullen", "Automatisch onthullen als iedereen heeft gestemd", v.auto_onthullen),
                    ("live_uitslag", "Open vragen: uitslag live op de beamer", v.live_uitslag),
                    ("signalen_modereren", "Signalen pas na goedkeuring op de beamer", v.signalen_modereren),
                    ("toon_namen", "Namen tonen op de beamer", v.toon_namen),
                    ("herkenning_op_beamer", "Beamer: welke signalen herkent de zaal", v.herkenning_op_beamer),
                    ("uitslag_op_telefoon", "Na onthullen: uitslag klein op de telefoons", v.uitslag_op_telefoon),
                ):
                    ui.switch(
                        label, value=waarde, on_change=lambda e, n=naam: actie("instellingen", **{n: e.value})
                    ).props("dense")
                maximum = ui.number("Maximaal aantal deelnemers", value=v.max_deelnemers, min=1, max=500, precision=0)
                maximum.props("dense outlined").classes("w-56")
                ui.button("Maximum opslaan", on_click=lambda: actie("stel_maximum", int(maximum.value or 0))).props(
                    "flat dense"
                )

        async def teken_stap(v: Vergadering) -> None:
            stap = v.huidige_stap
            stapvak.clear()
            getekend["tellers"] = {}
            with stapvak:
                if stap is None or v.status != "stappen":
                    ui.label(
                        {
                            "lobby": "Nog niet gestart. Laat iedereen aanmelden en klik op Start.",
                            "afronding": "Alle stappen geweest. Sluit af of ga terug.",
                            "gesloten": "Het overleg is afgesloten.",
                        }.get(v.status, "")
                    ).classes("text-lg")
                else:
                    ui.label(
                        f"{stap.titel} · {STAP_STATUS[stap.status]}"
                        + (f" · ronde {stap.ronde}" if stap.ronde > 1 else "")
                    ).classes("text-xl font-semibold")
                    if stap.uitleg:
                        ui.label(stap.uitleg).classes("text-gray-700")
                    methode.op_console(stap)
                    uitslagen = {
                        u.vraag_id: u
                        for u in await doe(dienst.lezen.uitslagen, meeting_id, stap.positie, voor_leiding=True)
                    }
                    duiding = await doe(dienst.lezen.oordelen, meeting_id, stap.positie)
                    uitkomsten = await doe(dienst.lezen.uitkomsten, meeting_id)
                    for vraag in stap.vragen:
                        with ui.card().classes("w-full"):
                            ui.label(vraag.vraag).classes("font-semibold")
                            u = uitslagen.get(vraag.id)
                            if u is None or not vraag.neemt_stemmen:
                                continue
                            getekend["tellers"][vraag.id] = ui.label(_geantwoord(u, v, stap.vragen))
                            if u.zichtbaar:
                                balken(vraag, u)
                            if stap.status == "onthuld":
                                duidingsblok(duiding.get(vraag.id, []))
                            if vraag.id in uitkomsten:
                                ui.label(uitkomsten[vraag.id].tekst).classes("font-semibold")
                            if vraag.id in duiding:
                                ui.button(
                                    "Uitkomst vastleggen", on_click=lambda q=vraag: _vaststellen(dienst, token, q)
                                ).props("flat dense")

        async def teken_onenigheden() -> None:
            onenighedenvak.clear()
            onenigheden = await doe(dienst.lezen.onenigheden, meeting_id)
            vragen = {q.id: q for st in (await doe(dienst.lezen.vergadering, meeting_id)).stappen for q in st.vragen}
            if onenigheden:
                with onenighedenvak:
                    ui.label(f"Open onenigheden ({len(onenigheden)})").classes("text-lg font-semibold").style(
                        f"color: {KLEUR['verdeeld']}"
                    )
                    for o in onenigheden:
                        with ui.card().classes("w-full"):
                            ui.label(f"{o.stap_titel}: {o.vraag}").classes("font-semibold")
                            ui.label(f"{rondenaam(o.ronde)}: {o.zin or o.samenvatting}")
                            vervolg(o)
                            with ui.row():
                                if o.volgende == "bespreken":
                                    ui.button(
                                        "Bespreken en opnieuw stemmen",
                                        on_click=lambda p=o.positie: actie("bespreek_opnieuw", p),
                                    ).props("outline dense")
                                vraag = vragen.get(o.vraag_id)
                                if vraag is not None and o.volgende != "nieuwe ronde":
                                    ui.button(
                                        "Uitkomst vastleggen", on_click=lambda q=vraag: _vaststellen(dienst, token, q)
                                    ).props("outline dense")

        # not while typing; a focused button does not swallow the keys (it has none of its own here)
        ui.keyboard(on_key=lambda e: _sneltoets(e, actie), repeating=False, ignore=["input", "select", "textarea"])
        await volg(ctx.publisher, meeting_id, CONSOLE, teken, dienst.lezen.versie)


def _regel(label: ui.label, d: Deelnemer, wacht: bool) -> ui.label:
    """One participant's line in the console's list; orange while they have not answered."""
    label.set_text(
        f"{d.naam} ({d.organisatie or DOMEINEN.get(d.domein, d.domein)})"
        + ("" if d.stemt else f" · {ROLLEN[d.rol]}")
        + (" · nog geen antwoord" if wacht else "")
    )
    label.classes(f"text-sm {GETYPT}")
    if wacht:
        label.classes("text-orange-800")
    else:
        label.classes(remove="text-orange-800")
    return label


def _geantwoord(u: Uitslag, v: Vergadering, vragen: Sequence[Vraag]) -> str:
    blind = any(q.id == u.vraag_id and q.blind for q in vragen) and not u.zichtbaar
    return f"{u.aantal} van {len(v.stemmers)} geantwoord" + (" · blind tot onthullen" if blind else "")


CONSOLE = frozenset({Deel.VERLOOP, Deel.TELLERS, Deel.UITKOMSTEN, Deel.DEELNEMERS, Deel.SIGNALEN, Deel.INSTELLINGEN})
"""The console's overleg tab; the approach tab and the PIN form follow their own parts."""


def _knoppen(rij: ui.row, v: Vergadering, actie: Actie) -> None:
    """The buttons the state machine allows now (`overgangen.toegestaan`), nothing derived here."""
    rij.clear()
    mag = toegestaan(v)
    with rij:
        if H.START in mag:
            ui.button("Start het overleg", on_click=lambda: actie("start")).props("color=primary")
        if H.VORIGE in mag:
            ui.button("◀ Vorige", on_click=lambda: actie("vorige")).props("outline aria-keyshortcuts=ArrowLeft")
        if H.VOLGENDE in mag:
            ui.button("Volgende ▶", on_click=lambda: actie("volgende")).props(
                "color=primary aria-keyshortcuts=ArrowRight"
            )
        if H.OPEN_INVOER in mag:
            ui.button("Invoer openen", on_click=lambda: actie("open_invoer")).props("outline aria-keyshortcuts=O")
        if H.SLUIT_INVOER in mag:
            ui.button("Invoer sluiten", on_click=lambda: actie("sluit_invoer")).props("outline aria-keyshortcuts=S")
        if H.ONTHUL in mag:
            ui.button("Uitslag tonen", on_click=lambda: actie("onthul")).props("color=secondary aria-keyshortcuts=U")
        if H.NIEUWE_RONDE in mag:
            ui.button("Nieuwe ronde", on_click=lambda: actie("nieuwe_ronde")).props("outline")
        if H.VERLENG in mag:
            ui.button("+1 min", on_click=lambda: actie("verleng", 60)).props("flat")
            ui.button("+5 min", on_click=lambda: actie("verleng", 300)).props("flat")
        if H.PAUZEER in mag:
            ui.button("Pauze", on_click=lambda: actie("pauzeer")).props("flat")
        if H.HERVAT in mag:
            ui.button("Tijd starten", on_click=lambda: actie("hervat")).props("flat")
        if H.AANMELDEN_OPEN in mag:
            if v.aanmelden_open:
                ui.button("Aanmelden sluiten", on_click=lambda: actie("aanmelden_open", False)).props("flat")
            else:
                ui.button("Aanmelden openen", on_click=lambda: actie("aanmelden_open", True)).props("flat")
        if H.BEEINDIG in mag:

            async def afsluiten() -> None:
                with dialoog() as venster, ui.card():
                    ui.label("Het overleg afsluiten? Daarna kan niemand meer iets invoeren.")
                    with ui.row():
                        ui.button("Annuleren", on_click=venster.close).props("flat")
                        ui.button("Afsluiten", on_click=lambda: venster.submit(True)).props("color=negative")
                if await antwoord_van(venster):
                    await actie("beeindig")

            ui.button("Overleg afsluiten", on_click=afsluiten).props("flat color=negative")


async def _vaststellen(dienst: Dienst, token: str, vraag: Vraag) -> None:
    """Record what the room settled on, or that it did not agree and what happens next."""
    keuzes = {"": "Geen overeenstemming", **uitkomstopties(vraag)}
    with dialoog() as venster, ui.card().classes("w-96"):
        ui.label(vraag.vraag).classes("font-semibold")
        keuze = ui.select(keuzes, label="De zaal stelt vast", value=None).classes("w-full")
        toelichting = ui.input("Toelichting (bij geen overeenstemming: wie zoekt wat uit?)").classes("w-full")
        with ui.row():
            ui.button("Annuleren", on_click=venster.close).props("flat")
            ui.button("Vastleggen", on_click=lambda: venster.submit((keuze.value, toelichting.value or "")))
    antwoord = await antwoord_van(venster)
    if antwoord is None:
        return
    optie, tekst = antwoord
    await probeer(dienst.leiding(token).stel_vast, vraag.id, optie or None, tekst)


ALLEEN_HIER = (
    "Let op: de app luistert alleen op deze computer, dus telefoons kunnen niet meedoen. "
    "Start hem met --host 0.0.0.0, of zet BUURTOVERLEG_PUBLIEKE_URL als er een proxy voor staat."
)

SNELTOETSEN = (
    "Sneltoetsen: → volgende · ← vorige · O invoer openen · S invoer sluiten · U uitslag tonen · B beamer op zwart"
)
"""Shown under the buttons; `_sneltoets` is what they do (B: `beamervoorbeeld`)."""


def _sneltoets(e: KeyEventArguments, actie: Actie) -> Awaitable[None] | None:
    """→ next, ← previous, o open, s close, u show result (uitslag)."""
    if not e.action.keydown or e.modifiers.ctrl or e.modifiers.alt or e.modifiers.meta:
        return None
    toets = {"ArrowRight": "volgende", "ArrowLeft": "vorige", "o": "open_invoer", "s": "sluit_invoer", "u": "onthul"}
    naam = toets.get(str(e.key))
    return actie(naam) if naam else None

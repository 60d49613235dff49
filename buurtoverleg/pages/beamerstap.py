"""The beamer's view of one step: its prompts open, live or revealed, and its signals.

Every size is in rem (the fit step in `passend` scales rem to the window) and no text is cut:
labels wrap. Long lists come in pages (`bladeren`). A revealed prompt ends in a flexible box,
`beamer-rest`, that takes the height left over: room for a picture of the answers.
Participant text is always a label (plain text), never HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from nicegui import ui

from ..sessie.duidingsbeeld import Duidingsbeeld
from ..sessie.oordeel import Oordeel
from ..sessie.toestand import DOMEINEN, SIGNAALSOORTEN, SignaalKaart, Stap, Uitslag, Vergadering, Vraag
from . import methode
from .bladeren import blad
from .duidingsbeeld import duidingsbeeld
from .gedeeld import GETYPT, KLEUR, kopniveau
from .weergave import duidingsblok

SIGNALEN_PER_PAGINA = 8
"""Signals on one page of one signal prompt: two columns of four cards."""
OPTIES_PER_PAGINA = 8
"""Bars on one page of one prompt alone on the screen (a checklist of twelve: two pages of six)."""
OPTIES_PER_PAGINA_NAAST = 5
"""Bars on one page of a prompt that shares the screen with others (a scale of five stays whole)."""


@dataclass(frozen=True)
class Stapbeeld:
    """What the beamer reads for a step, in one bundle."""

    vergadering: Vergadering
    stap: Stap
    uitslagen: dict[str, Uitslag]
    duiding: dict[str, list[Oordeel]]
    signalen: list[SignaalKaart]
    pagina: int
    """The page number of long lists (`bladeren.paginanummer`)."""
    beelden: dict[str, Duidingsbeeld]
    """The picture per domain of each revealed prompt: it takes the bars' place."""


def heeft_paginas(beeld: Stapbeeld) -> bool:
    """Whether any list of this step is longer than a page: only then the page turns."""
    stap = beeld.stap
    if methode.heeft_paginas(stap, compact=_methode_compact(beeld)):
        return True
    per_signaal = _signalen_per_vraag(stap)
    per_optie = _opties_per_vraag(stap)
    for vraag in stap.vragen:
        if vraag.neemt_signalen and sum(k.vraag_id == vraag.id for k in beeld.signalen) > per_signaal:
            return True
        uitslag = beeld.uitslagen.get(vraag.id)
        if uitslag is not None and uitslag.zichtbaar and len(uitslag.verdeling) > per_optie:
            return True
    return False


def _methode_compact(beeld: Stapbeeld) -> bool:
    """The method's items as one line of titles once the room's own signals or results need the wall."""
    return bool(beeld.signalen) or any(u.zichtbaar for u in beeld.uitslagen.values())


def _signalen_per_vraag(stap: Stap) -> int:
    return SIGNALEN_PER_PAGINA // max(1, sum(v.neemt_signalen for v in stap.vragen))


def _opties_per_vraag(stap: Stap) -> int:
    return OPTIES_PER_PAGINA if sum(v.neemt_stemmen for v in stap.vragen) <= 1 else OPTIES_PER_PAGINA_NAAST


def stap(beeld: Stapbeeld, tellers: dict[str, ui.label]) -> None:
    """The step: its explanation, its prompts side by side, and its method items."""
    stap = beeld.stap
    if stap.uitleg:
        ui.label(stap.uitleg).classes("text-3xl text-gray-800")
    # the method's items in full while the room reads them; one line of titles once the
    # room's own signals or results need the wall
    methode.op_beamer(stap, compact=_methode_compact(beeld), pagina=beeld.pagina)
    vragen = [v for v in stap.vragen if v.neemt_stemmen or v.neemt_signalen]
    besprekingen = [v for v in stap.vragen if not (v.neemt_stemmen or v.neemt_signalen)]
    for vraag in besprekingen:  # a discussion prompt is only its question, large
        ui.label(vraag.vraag).classes(("text-5xl" if not vragen else "text-3xl") + " font-semibold").props(kopniveau(2))
    if vragen:
        kolommen = min(len(vragen), 3)
        with (
            ui.element("div")
            .classes("w-full beamer-rest grid gap-x-12 gap-y-4")
            .style(f"grid-template-columns: repeat({kolommen}, minmax(0, 1fr))")
        ):
            for vraag in vragen:
                with ui.column().classes("w-full min-w-0 gap-2 h-full no-wrap"):
                    if vraag.neemt_signalen:
                        _signalen(beeld, vraag, naast=len(vragen) > 1)
                    else:
                        _stemvraag(beeld, vraag, tellers, naast=len(vragen) > 1)


def _stemvraag(beeld: Stapbeeld, vraag: Vraag, tellers: dict[str, ui.label], *, naast: bool) -> None:
    ui.label(vraag.vraag).classes(("text-4xl" if naast else "text-5xl") + " font-semibold").props(kopniveau(2))
    uitslag = beeld.uitslagen.get(vraag.id)
    if uitslag is None:
        return
    tellers[vraag.id] = (
        ui.label(teller(uitslag, len(beeld.vergadering.stemmers))).classes("text-3xl").props('aria-live="polite"')
    )
    per_domein = beeld.beelden.get(vraag.id)
    if per_domein is not None:  # after a reveal the picture per domain takes the bars' place
        duidingsbeeld(per_domein, compact=naast, pagina=beeld.pagina, per_pagina=_opties_per_vraag(beeld.stap))
    elif uitslag.zichtbaar:
        balken(vraag, uitslag, beeld.pagina, per_pagina=_opties_per_vraag(beeld.stap), gestapeld=naast)
    if beeld.stap.status == "onthuld":
        zin = per_domein.rondes[-1].zin if per_domein else None
        duidingsblok(beeld.duiding.get(vraag.id, []), groot=True, zin=zin)
        ruimte_voor_beeld()
    elif beeld.stap.status == "open" and not uitslag.zichtbaar:
        wanneer = "iedereen heeft gestemd" if beeld.vergadering.auto_onthullen else "de gespreksleider de uitslag toont"
        ui.label(f"De antwoorden blijven verborgen tot {wanneer}.").classes("text-2xl text-gray-700")


def ruimte_voor_beeld() -> ui.element:
    """The height left over under a revealed prompt: a picture of the answers drawn inside it
    (`with ruimte_voor_beeld(): ...`) should size itself to it (height: 100%), so the fit step
    never has to shrink the text for it."""
    return ui.element("div").classes("w-full beamer-rest")


def teller(uitslag: Uitslag, stemmers: int) -> str:
    ronde = f" · ronde {uitslag.ronde}" if uitslag.ronde > 1 else ""
    return f"{uitslag.aantal} van {stemmers} hebben geantwoord{ronde}"


def balken(vraag: Vraag, uitslag: Uitslag, pagina: int, *, per_pagina: int, gestapeld: bool) -> None:
    """A bar per option or scale value, as a share of the room; labels wrap, never '…'.
    Side by side with other prompts (`gestapeld`) the label stands above its bar."""
    totaal = max(1, vraag.soort.geheel(uitslag.verdeling, uitslag.aantal))
    rijen = list(uitslag.verdeling.items())
    if not vraag.soort.schaal and vraag.type != "enkele-keuze":  # a checklist: the most chosen on the first page
        rijen.sort(key=lambda rij: -rij[1])
    deel = blad(rijen, per_pagina, pagina)
    if deel.paginas > 1:
        ui.label(deel.kop("optie", "opties")).classes("text-2xl text-gray-700")
    with ui.column().classes("w-full gap-2"):
        for waarde, aantal in deel.items:
            titel = vraag.titel_van(waarde)
            breedte = f"width: {100 * aantal / totaal:.0f}%; background: {KLEUR['primair']}"
            if gestapeld:  # a narrow column: the label above its bar, one step smaller
                with ui.column().classes("w-full gap-0"):
                    with ui.row().classes("w-full no-wrap gap-3 items-baseline"):
                        ui.label(titel).classes("text-2xl grow min-w-0")
                        ui.label(str(aantal)).classes("text-2xl shrink-0 text-right")
                    with ui.element("div").classes("w-full h-4 bg-gray-200 rounded"):
                        ui.element("div").classes("h-4 rounded").style(breedte)
            else:
                with ui.row().classes("w-full items-center no-wrap gap-4"):
                    ui.label(titel).classes("text-3xl w-2/5 shrink-0")
                    with ui.element("div").classes("grow h-8 bg-gray-200 rounded"):
                        ui.element("div").classes("h-8 rounded").style(breedte)
                    ui.label(str(aantal)).classes("text-3xl w-16 text-right shrink-0")


def _signalen(beeld: Stapbeeld, vraag: Vraag, *, naast: bool) -> None:
    ui.label(vraag.vraag).classes(("text-3xl" if naast else "text-4xl") + " font-semibold").props(kopniveau(2))
    eigen = sorted((k for k in beeld.signalen if k.vraag_id == vraag.id), key=lambda k: (k.soort, -k.herkend))
    deel = blad(eigen, _signalen_per_vraag(beeld.stap), beeld.pagina)
    if not eigen:
        ui.label("Nog geen signalen. Stuur ze vanaf je telefoon.").classes("text-3xl text-gray-700")
        return
    ui.label(deel.kop("signaal", "signalen")).classes("text-2xl text-gray-700").props('aria-live="polite"')
    with (
        ui.element("div")
        .classes("w-full grid gap-3")
        .style(f"grid-template-columns: repeat({1 if naast else 2}, minmax(0, 1fr))")
    ):
        for kaart in deel.items:
            signaalkaart(kaart, namen=beeld.vergadering.toon_namen)


def signaalkaart(kaart: SignaalKaart, *, namen: bool) -> None:
    """One signal, large: its kind as a coloured edge and word, the text, who sent it, how many recognise it."""
    kleur = KLEUR.get(kaart.soort, "black")
    with (
        ui.element("div")
        .classes("signaalkaart w-full min-w-0 px-3 py-1 rounded bg-gray-50")
        .style(f"border-left: 0.4rem solid {kleur}")
    ):
        ui.label(kaart.tekst).classes(f"text-3xl {GETYPT}").props("dir=auto")
        afzender = kaart.auteur if namen and kaart.auteur else kaart.organisatie or DOMEINEN.get(kaart.domein, "")
        regel = f"{SIGNAALSOORTEN.get(kaart.soort, kaart.soort)} · {afzender} · herkend door {kaart.herkend}"
        if kaart.geverifieerd:
            regel += " · ✓ tweede bron"
        ui.label(regel).classes(f"text-2xl text-gray-700 {GETYPT}")
        if kaart.eenzijdig:
            ui.label("Alleen door één domein herkend: hoe zien de anderen dit?").classes("text-2xl").style(
                f"color: {KLEUR['verdeeld']}"
            )

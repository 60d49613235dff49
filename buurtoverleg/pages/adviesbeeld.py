"""The decision phase on the beamer (issue 18, part 2): the top proposals with what each is,
why it fits and the room's dots; then the chosen approach and the agreed actions, live as
they are typed (wat · wie · wanneer), so the room checks them before moving on.

Both views draw into the current NiceGUI container, so the beamer page (whatever frames the
step) decides where they go. Every size is in rem: the beamer fits its content to the wall by
setting the root font size. Titles and reasons wrap; nothing is cut off with an ellipsis.
Proposal and action text is shown as text (labels), never as HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from nicegui import ui

from ..sessie.aanpak import ActieRegel
from ..sessie.advies import Voorstel
from ..sessie.besluitbeeld import Beeldsoort, Besluitbeeld
from ..sessie.toestand import Stap, Uitslag
from . import methode
from .actielijst import LEEG, datum
from .bladeren import blad
from .gedeeld import KLEUR, kopniveau

_KOP = "font-size: 2.25rem; line-height: 1.15; font-weight: 700"
_TITEL = "font-size: 1.875rem; line-height: 1.2; font-weight: 700"
_TEKST = "font-size: 1.875rem; line-height: 1.2"
_REDEN = "font-size: 1.5rem; line-height: 1.2"
_CEL = "font-size: 1.875rem; line-height: 1.2"
"""Main text is text-3xl (1.875 rem), nothing below text-2xl (1.5 rem): the beamer's floor
for the back row (`beamermaat.KLEINSTE_TEKST`); the fit step scales rem to the wall."""
_WOORDEN = "overflow-wrap: anywhere; white-space: normal"
ACTIES_PER_PAGINA = 5
"""At most this many actions on one page of the wall; more come in pages (`bladeren`)."""
REGELS_PER_PAGINA = 12
"""Table lines a page holds at the back row's type on 1024x768, under the step's heading."""
TEKENS_PER_REGEL = {"wat": 45, "wie": 28}
"""Characters a line of the Wat and Wie columns holds at that size (measured: a 150-character
'wat' takes four lines; `tests/pages/test_actiebladeren.py`)."""


def in_de_stap(
    soort: Beeldsoort | None, stap: Stap, uitslagen: list[Uitslag], beeld: Besluitbeeld | None, pagina: int = 0
) -> tuple[Stap, Callable[[], None] | None]:
    """What of the step the beamer draws, and what to draw after it.

    While the room dot-votes, the method's cards of all directions stay (people vote on them);
    once the dots are shown, the proposals with their dots take their place and the bars. A
    step where the room votes on the proposed examples shows the proposals from the start (the
    phones vote on them), with the question and its count until the dots are shown; a step
    choosing examples without a vote shows them too; both with the method's rules of thumb as
    one line. A step that asks another question besides the dots keeps its own results: both
    do not fit at a readable size. On the action step the SMART questions guide the first
    action; once there is one, the list the room checks takes their place, in pages when long."""
    if beeld is None or soort is None:
        return stap, None
    if soort == "voorbeelden":
        # the phones vote on the proposed examples: the wall shows them from the start, the
        # question with its count while the vote runs, the dots on the cards once shown
        getoond = any(u.zichtbaar for u in uitslagen)
        vragen = tuple(v for v in stap.vragen if not (getoond and v.soort.prioriteit))
        return replace(stap, inhoud=(), vragen=vragen), lambda: _na(stap, lambda: voorstellen(beeld))
    if soort == "acties":
        if not beeld.acties:
            return stap, None
        return replace(stap, inhoud=()), lambda: _na(stap, lambda: acties(beeld, pagina))
    stemt = any(v.soort.prioriteit for v in stap.vragen)
    if stemt and not any(u.zichtbaar for u in uitslagen):
        return stap, None
    if any(v.neemt_stemmen and not v.soort.prioriteit for v in stap.vragen):
        # another result of its own (the practice cases also ask the target group): the wall
        # has no room for both at a readable size; the console keeps the advice
        return stap, None
    zonder = replace(stap, inhoud=(), vragen=tuple(v for v in stap.vragen if not v.soort.prioriteit))
    if stemt:
        return zonder, lambda: voorstellen(beeld)
    return zonder, lambda: _na(stap, lambda: voorstellen(beeld))


def _na(stap: Stap, teken: Callable[[], None]) -> None:
    """The method's items of the step as one line of titles, then the decision view."""
    methode.op_beamer(stap, compact=True)
    teken()


def stippen_tekst(aantal: int) -> str:
    return f"{aantal} {'stip' if aantal == 1 else 'stippen'}"


def voorstellen(beeld: Besluitbeeld) -> None:
    """The top directions and examples side by side, each a card; the chosen ones marked."""
    with (
        ui.element("div")
        .classes("w-full")
        .style("display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1.5rem")
        .mark("adviesbeeld")
    ):
        for kop, lijst in (("Oplossingsrichtingen", beeld.richtingen), ("Praktijkvoorbeelden", beeld.voorbeelden)):
            with ui.column().classes("min-w-0").style("gap: 0.6rem"):
                ui.label(kop).style(_KOP).props(kopniveau(2))
                if not lijst:
                    ui.label("Nog geen voorstel: eerst de analyse.").style(_TEKST).classes("text-gray-700")
                for voorstel in lijst:
                    _kaart(voorstel, beeld.stippen.get(voorstel.id, 0), voorstel.id in beeld.gekozen_ids)
                ook = beeld.ook_stippen if lijst is beeld.richtingen else beeld.ook_stippen_voorbeelden
                if ook:
                    ui.label("Ook stippen: " + "; ".join(f"{titel} ({aantal})" for titel, aantal in ook)).style(
                        f"{_TEKST}; {_WOORDEN}"
                    ).classes("text-gray-800")
    getoond = {v.id for v in (*beeld.richtingen, *beeld.voorbeelden)}
    if beeld.gekozen_ids - getoond:  # a choice below the top: the cards' badges do not show it
        gekozen_regel(beeld)


def _kaart(voorstel: Voorstel, stippen: int, gekozen: bool) -> None:
    rand = KLEUR["eensgezind"] if gekozen else "#d1d5db"
    with (
        ui.column()
        .classes("w-full min-w-0 bg-white voorstel")
        .style(f"gap: 0.35rem; padding: 0.55rem 1rem; border: 0.2rem solid {rand}; border-radius: 0.75rem")
        .mark(f"voorstel-{voorstel.id}")
    ):
        # the badges follow the title on its line, or wrap below it on a narrow wall
        with ui.row().classes("w-full items-baseline").style("gap: 0.25rem 1rem; flex-wrap: wrap"):
            ui.label(voorstel.titel).classes("grow").style(f"{_TITEL}; {_WOORDEN}; max-width: 100%")
            if stippen:
                ui.label(f"● {stippen_tekst(stippen)}").classes("shrink-0").style(
                    f"{_TEKST}; font-weight: 700; color: {KLEUR['primair']}"
                ).mark(f"stippen-{voorstel.id}")
            if gekozen:
                ui.label("Gekozen").classes("shrink-0 text-white").style(
                    f"{_TEKST}; font-weight: 700; background: {KLEUR['eensgezind']};"
                    " padding: 0 0.6rem; border-radius: 0.5rem"
                )
        if voorstel.omschrijving:
            ui.label(voorstel.omschrijving).style(f"{_TEKST}; {_WOORDEN}").classes("text-gray-900")
        for i, reden in enumerate(voorstel.redenen):
            # at the smallest type the second reason gives way (`passend`: .beamer-detail)
            ui.label(f"• {reden}").style(f"{_REDEN}; {_WOORDEN}").classes(
                "text-gray-700" + (" beamer-detail" if i else "")
            )


def gekozen_regel(beeld: Besluitbeeld) -> None:
    with ui.row().classes("w-full items-baseline").style("gap: 0.75rem").mark("gekozen-aanpak"):
        ui.label("Gekozen aanpak:").style(_TITEL)
        ui.label(" · ".join(beeld.gekozen) if beeld.gekozen else "nog niets gekozen").style(
            f"{_TEKST}; {_WOORDEN}"
        ).classes("min-w-0")


def acties_per_pagina(acties: Sequence[ActieRegel]) -> int:
    """Five short actions fit a page; long ones (a 'wat' of three sentences) take up to four
    lines each, so fewer go on a page rather than the type shrinking below the minimum."""
    regels = max(
        (
            max(-(-len(a.wat) // TEKENS_PER_REGEL["wat"]), -(-len(a.uitvoerder) // TEKENS_PER_REGEL["wie"]), 1)
            for a in acties
        ),
        default=1,
    )
    return max(1, min(ACTIES_PER_PAGINA, REGELS_PER_PAGINA // regels))


def heeft_paginas(soort: Beeldsoort | None, beeld: Besluitbeeld | None) -> bool:
    """Whether the decision view has a list longer than a page (then the page turns)."""
    return soort == "acties" and beeld is not None and len(beeld.acties) > acties_per_pagina(beeld.acties)


def acties(beeld: Besluitbeeld, pagina: int = 0) -> None:
    """The chosen approach, then the agreed actions as a table: wat · wie · wanneer. A long
    list comes in pages ("acties 1–3 van 12") that turn like the signals do, so the type
    stays readable however many actions the room agrees."""
    gekozen_regel(beeld)
    deel = blad(beeld.acties, acties_per_pagina(beeld.acties), pagina)
    with ui.row().classes("w-full items-baseline").style("gap: 0 1.5rem"):
        ui.label("Afgesproken acties").style(_KOP).props(kopniveau(2))
        if deel.paginas > 1:
            ui.label(deel.kop("actie", "acties")).style(_REDEN).classes("text-gray-700").props(
                'aria-live="polite"'
            ).mark("acties-blad")
    if not beeld.acties:
        ui.label(LEEG).style(_TEKST).classes("text-gray-700").mark("acties-leeg")
        return
    with (
        ui.element("div")
        .classes("w-full")
        .style(
            "display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr) minmax(0, 1.3fr);"
            " column-gap: 1.5rem; row-gap: 0.5rem"
        )
        .mark("actiebeeld")
    ):
        for kop in ("Wat", "Wie", "Wanneer"):
            ui.label(kop).style(f"{_CEL}; font-weight: 700; border-bottom: 0.15rem solid #9ca3af")
        for a in deel.items:
            ui.label(a.wat).style(f"{_CEL}; {_WOORDEN}").mark(f"actie-wat-{a.id}")
            ui.label(a.uitvoerder).style(f"{_CEL}; {_WOORDEN}")
            ui.label(datum(a.wanneer)).style(_CEL)

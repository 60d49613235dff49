"""The duidingsbeeld on the beamer: where each domain's answers lie, drawn so the back row
sees "Politie at incidenten, Welzijn at ongemak" without reading a sentence.

- an ordered question (fase, ernst, urgentie): a row per domain, a column per step of the
  scale, one dot per answer in the domain's colour (`kleuren.DOMEINKLEUR`);
- a choice (checklist, multiple choice): a domain x option grid, each cell shaded by the
  share of that domain that chose the option, with the count written in it;
- after a re-vote: the rounds side by side, a domain that moved marked in the later round.

Plain HTML and CSS from NiceGUI elements (every text is a label, so participant names are
text, never HTML); sizes in rem (`beamermaat`) so the picture scales with the beamer's fit step. The data
is `sessie.duidingsbeeld`; the PDF draws the same picture in `export.pdfbeeld`.
"""

from __future__ import annotations

import html

from nicegui import ui

from ..kleuren import domeinkleur, tekstkleur_op
from ..sessie.duidingsbeeld import Beeldronde, Domeinrij, Duidingsbeeld
from ..sessie.oordeel import VOORAF, rondenaam
from ..sessie.toestand import DOMEINEN
from .beamermaat import maat, tekstmaat
from .bladeren import blad
from .gedeeld import oordeelkleur

STIP = "●"
"""How the legend names a dot."""
MAX_STIPPEN = 5
"""More answers than this in one cell are drawn as one dot and '×7': a row of twelve dots
would push the scale's other steps off the screen."""


def duidingsbeeld(
    beeld: Duidingsbeeld, *, compact: bool = False, pagina: int = 0, per_pagina: int | None = None
) -> None:
    """The picture of every shown round, side by side (the last round is the current one).
    A choice with more options than `per_pagina` shows them in pages, the most chosen first
    (as the bars do), so a checklist of eleven never squeezes eleven columns onto the wall."""
    rondes = beeld.rondes[-2:]  # the wall has room for two; the minutes list every round
    schaal = 0.8 if compact or len(rondes) > 1 else 1.0
    kolommen = list(range(len(beeld.opties)))
    if beeld.vorm == "keuze" and per_pagina is not None and len(kolommen) > per_pagina:
        laatste = beeld.rondes[-1].rijen
        kolommen.sort(key=lambda i: -sum(r.aantallen[i] for r in laatste))
        deel = blad(kolommen, per_pagina, pagina)
        kolommen = list(deel.items)
        ui.label(deel.kop("optie", "opties")).classes("text-2xl text-gray-700")
    with (
        ui.row()
        .classes("w-full no-wrap items-start gap-8")
        .props(f'data-testid=duidingsbeeld data-vorm="{beeld.vorm}" data-rondes="{len(rondes)}"')
    ):
        for ronde in rondes:
            with ui.column().classes("gap-1 min-w-0 grow").props(f'data-ronde="{ronde.ronde}"'):
                if len(rondes) > 1 or ronde.ronde == VOORAF:  # alone, the pre-round still says what it is
                    _rondekop(ronde, schaal)
                later = ronde is not rondes[0]
                _raster(beeld, ronde, kolommen, schaal, toon_verschoven=ronde is not beeld.rondes[0], kort=later)
    _legenda(beeld, schaal, nummers=_nummers(beeld, schaal))


def _rondekop(ronde: Beeldronde, schaal: float) -> None:
    with ui.row().classes("items-center gap-3"):
        ui.label(rondenaam(ronde.ronde)).classes("font-bold").style(f"font-size: {tekstmaat(3.0 * schaal)}")
        ui.label(ronde.oordeel).classes("font-bold").style(
            f"font-size: {tekstmaat(2.6 * schaal)}; color: {oordeelkleur(ronde.oordeel, '#555')}"
        )


def _raster(
    beeld: Duidingsbeeld, ronde: Beeldronde, kolommen: list[int], schaal: float, *, toon_verschoven: bool, kort: bool
) -> None:
    """One round's grid. `kort`: the later of two rounds side by side names each domain by its
    colour only, in the same rows as the round beside it, so the scale gets the room."""
    with (
        ui.element("div")
        .classes("w-full")
        .style(
            f"display: grid; grid-template-columns: minmax(0, max-content) repeat({len(kolommen)}, minmax(0, 1fr));"
            f" gap: {maat(0.5 * schaal)} {maat(0.8 * schaal)}; align-items: center"
        )
    ):
        ui.label("")
        nummers = _nummers(beeld, schaal)
        for i in kolommen:
            ui.label(_nummer(beeld.opties[i]) if nummers else beeld.opties[i]).classes(
                "font-semibold text-center leading-tight"
            ).style(f"font-size: {tekstmaat(2.2 * schaal)}; overflow-wrap: anywhere")
        per_domein = {r.domein: r for r in ronde.rijen}
        for domein in beeld.domeinen:  # every round the same rows, also for a domain that did not answer
            rij = per_domein.get(domein) or Domeinrij(domein, DOMEINEN.get(domein, domein), 0, (0,) * len(beeld.opties))
            _domeinnaam(rij, schaal, toon_verschoven, kort)
            for i in kolommen:
                if beeld.vorm == "schaal":
                    _stippen(rij, i, schaal)
                else:
                    _vak(rij, i, schaal)


def _domeinnaam(rij: Domeinrij, schaal: float, toon_verschoven: bool, kort: bool) -> None:
    kleur = domeinkleur(rij.domein)
    with ui.row().classes("items-center no-wrap gap-2").props(f'data-domein="{rij.domein}"'):
        vlak = ui.element("span").style(
            f"display: inline-block; width: {maat(2.2 * schaal)}; height: {maat(2.2 * schaal)};"
            f" border-radius: 0.188rem; background: {kleur}; flex: none"
        )
        if kort:  # an empty line of the same size keeps the rows level with the round beside it
            vlak.props(f'role=img aria-label="{html.escape(rij.naam)}"')
        ui.label("\u00a0" if kort else rij.naam).classes("font-semibold whitespace-nowrap").style(
            f"font-size: {tekstmaat(2.6 * schaal)}"
        )
        if toon_verschoven and rij.verschoven:
            ui.label(f"⇄ {rij.verschoven}").classes("whitespace-nowrap").style(
                f"font-size: {tekstmaat(2.2 * schaal)}; color: #444"
            ).props(f'title="{rij.verschoven} van {rij.aantal} antwoordden anders dan de ronde ervoor"')


def _stippen(rij: Domeinrij, i: int, schaal: float) -> None:
    """One filled circle per answer, as large as a line of the beamer's text, so a row reads
    from the back of the room; above `MAX_STIPPEN` one circle with the count."""
    aantal = rij.aantallen[i]
    kleur = domeinkleur(rij.domein)
    doorsnede = maat(3.0 * schaal)
    with ui.column().classes("items-center gap-0 min-w-0").props(f'data-aantal="{aantal}"'):
        with ui.row().classes("items-center justify-center no-wrap").style(f"gap: {maat(0.5 * schaal)}"):
            if aantal == 0:
                ui.element("span").style(
                    f"width: {maat(0.8 * schaal)}; height: {maat(0.8 * schaal)}; border-radius: 50%; background: #bbb"
                )
            for _ in range(aantal if aantal <= MAX_STIPPEN else 1):
                ui.element("span").style(
                    f"width: {doorsnede}; height: {doorsnede}; border-radius: 50%; background: {kleur}; flex: none"
                )
            if aantal > MAX_STIPPEN:
                ui.label(f"×{aantal}").classes("font-bold").style(
                    f"font-size: {tekstmaat(2.6 * schaal)}; color: {kleur}"
                )
        _namen(rij, i, schaal)


def _vak(rij: Domeinrij, i: int, schaal: float) -> None:
    aantal = rij.aantallen[i]
    aandeel = aantal / rij.aantal if rij.aantal else 0.0
    kleur = domeinkleur(rij.domein)
    dekking = 0.12 + 0.88 * aandeel if aantal else 0.0
    alfa = f"{round(255 * dekking):02x}"
    tekstkleur = tekstkleur_op(kleur, dekking)
    with (
        ui.column()
        .classes("items-center justify-center gap-0 rounded min-w-0")
        .style(
            f"background: {kleur}{alfa}; border: 0.125rem solid {kleur}55; min-height: {maat(4.2 * schaal)};"
            f" padding: 0.188rem 0.25rem"
        )
        .props(f'data-aantal="{aantal}"')
    ):
        ui.label(f"{aantal} van {rij.aantal}" if aantal else "–").classes("font-semibold leading-none").style(
            f"font-size: {tekstmaat(2.4 * schaal)}; color: {tekstkleur if aantal else '#888'}"
        )
        _namen(rij, i, schaal, kleur=tekstkleur)


def _namen(rij: Domeinrij, i: int, schaal: float, kleur: str = "#333") -> None:
    """Who chose it, only when the meeting shows names (else `rij.namen` is empty)."""
    if rij.namen and rij.namen[i]:
        ui.label(", ".join(rij.namen[i])).classes("text-center leading-tight").style(
            f"font-size: {tekstmaat(1.6 * schaal)}; color: {kleur}; overflow-wrap: anywhere"
        )


def _nummers(beeld: Duidingsbeeld, schaal: float) -> bool:
    """A narrow picture of a numbered scale ('2 · Licht') heads its columns with the numbers
    only and says what they mean under it: 'Lich t' broken over two lines reads as nothing."""
    nummers = [_nummer(o) for o in beeld.opties]
    return (
        beeld.vorm == "schaal"
        and schaal < 1.0
        and all(n.isdigit() for n in nummers)
        and any(n != o for n, o in zip(nummers, beeld.opties, strict=True))
    )


def _nummer(optie: str) -> str:
    """'2' of '2 · Licht' (the scale's own numbering), or the option itself."""
    nummer, _, rest = optie.partition(" · ")
    return nummer if rest and nummer.isdigit() else optie


def _legenda(beeld: Duidingsbeeld, schaal: float, *, nummers: bool) -> None:
    if nummers:  # the steps that have a name, as the phone names them ('1 · licht; 5 · ernstig')
        ui.label("; ".join(o for o in beeld.opties if _nummer(o) != o)).classes("text-gray-700").style(
            f"font-size: {tekstmaat(1.9 * schaal)}"
        )
    uitleg = (
        f"{STIP} = één antwoord, in de kleur van het domein"
        if beeld.vorm == "schaal"
        else "Vakje: hoeveel van dat domein deze optie kozen; voller = meer"
    )
    if len(beeld.rondes) > 1:
        uitleg += " · ⇄ = zoveel antwoordden anders dan de ronde ervoor"
    ui.label(uitleg).classes("text-gray-700").style(f"font-size: {tekstmaat(1.9 * schaal)}")

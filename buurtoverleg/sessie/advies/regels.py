"""The scoring rules: every term adds (or subtracts) a fixed weight and gives one reason.

Oplossingsrichtingen
    S  signals (table `SIGNALEN`): per richting a list of content ids with a weight. Each
       listed id that the analysis contains (itself, or through one of its onderdelen) adds
       its weight once. The table is the seed's `wanneer` per richting written as ids:
       oorzaak 1.0-3.0 (3.0 where the oorzaak is the richting's core problem), locatie
       2.0 (where the richting works: portiek/galerij, or the openbare ruimte), doelgroep
       0.5-1.5, fase 1.0-1.5, verschijningsvorm, sentiment, trigger, actor 0.5-2.0. Where a
       `trefwoord` is given, the reason quotes the richting's own `wanneer` line (or, failing
       that, its interventietype) that contains it.
    I  incident phases (seed 002, "Zet niet te snel in op overbruggend contact"): in
       fase-incidenten and fase-escalatie richting-2 and richting-5 get -1.0.
    V5 vuistregel-gerichte-aanpak: serious problems (fase-incidenten, fase-escalatie or
       oorzaak C) give richting-4 (integrale, gebiedsgerichte aanpak, 4c) +1.0.

Praktijkvoorbeelden (their reference lists in the catalogue)
    P1 oplossingsrichting: the best-ranked of its oplossingsrichtingen, if that one matched
       the analysis: nr. 1 +3.0, nr. 2 +2.0, nr. 3 +1.0.
    P2 oorzaak: +2.0 per oorzaak (parent level) it shares with the analysis.
    P3 locatie: +2.0 once if one of its locaties (parent level) is in the analysis.
    P4 doelgroep: +1.5 per doelgroep it shares with the analysis; -0.5 per other doelgroep it
       is made for, if the analysis names doelgroepen at all; -2.0 if it is made for
       statushouders and the analysis does not name them (a special situation: an AZC or
       statushouders moving in, seed 001 STAP 3.1).
    P5 fase: +1.5 if its `fasen` contain the analysed fase; -0.5 if it lists fasen and the
       analysed fase is not one of them. No `fasen` means: usable in any phase, except in
       fase-incidenten and fase-escalatie, where it gets the -0.5 too: there seed 002 puts
       safety first, so only examples the seeds name for those phases should rise.
    V1 vuistregel-kleinschalig-doorlopend: schaal kleinschalig +0.5, buurt +0.25;
       doorlopend true +0.5, false (eenmalig) -0.5. One term, the sum.
    V2 vuistregel-gedeelde-belangen and vuistregel-samenwerking (one bullet in the seed):
       +0.5 for interventions built on a shared interest or working together, -0.5 for
       interventions where talking about differences is the core (table `INSTEEK`).
    V4 vuistregel-directe-woonomgeving, only when the analysis has a location in the
       directe woonomgeving: +1.0 if the intervention works there, -0.5 if it works at
       gemeente scale.
    V5 vuistregel-gerichte-aanpak, only for serious problems (see above): +1.0 for
       interventions of richting-4, -0.5 for gemeente-wide programmes.
"""

from __future__ import annotations

from ...content import Catalogus
from ...content.schema import Oplossingsrichting, Praktijkvoorbeeld
from .analyse import Analyse, _items, _per_top, _top, _uniek
from .gewichten import (
    DIRECTE_WOONOMGEVING,
    ERNSTIGE_OORZAAK,
    GEBIEDSGERICHTE_RICHTING,
    GEDEELD_BELANG,
    GEWICHT_DOELGROEP,
    GEWICHT_FASE,
    GEWICHT_LOCATIE,
    GEWICHT_OORZAAK,
    GEWICHT_RICHTING_GERICHT,
    INCIDENTFASEN,
    INSTEEK,
    MALUS_DOELGROEP,
    MALUS_FASE,
    MALUS_SITUATIE,
    RANGBONUS,
    SIGNALEN,
    SITUATIEDOELGROEPEN,
    VERSCHILLEN,
    VUISTREGEL_BELANG,
    VUISTREGEL_DICHTBIJ,
    VUISTREGEL_GERICHT,
    VUISTREGEL_KLEIN,
    VUISTREGEL_SAMEN,
)
from .teksten import _benoem, _citaat, _klein, _vuistregel
from .telling import Voorstel, _rangschik, _Telling


def _ernst(catalogus: Catalogus, analyse: Analyse, sleutels: dict[str, list[str]]) -> str | None:
    """Why the problems count as serious (vuistregel-gerichte-aanpak), or None."""
    redenen = []
    if analyse.fase in INCIDENTFASEN:
        redenen.append(f"fase: {_klein(catalogus.titel(analyse.fase))}")
    if ERNSTIGE_OORZAAK in sleutels:
        redenen.append(f"oorzaak: {_klein(catalogus.titel(ERNSTIGE_OORZAAK))}")
    return " en ".join(redenen) or None


# --- oplossingsrichtingen ------------------------------------------------------------------


def _richtingen(
    catalogus: Catalogus, sleutels: dict[str, list[str]], ernst: str | None, toegepast: set[str]
) -> tuple[list[Voorstel], set[str]]:
    tellingen = []
    for richting in _items(catalogus, "oplossingsrichting", Oplossingsrichting):
        telling = _Telling(richting.id)
        for signaal in SIGNALEN.get(richting.id, ()):
            if signaal.id not in sleutels:
                continue
            reden = _benoem(catalogus, signaal.id, sleutels[signaal.id])
            if signaal.toelichting:
                reden += f" — {signaal.toelichting}"
            elif signaal.trefwoord:
                citaat = _citaat(richting, signaal.trefwoord)
                if citaat:
                    reden += f" — {citaat}"
            telling.tel(signaal.gewicht, reden, uit_analyse=True)
        if ernst and richting.id == GEBIEDSGERICHTE_RICHTING:
            telling.tel(
                GEWICHT_RICHTING_GERICHT,
                f"{_vuistregel(catalogus, VUISTREGEL_GERICHT)}: gebiedsgerichte, integrale aanpak ({ernst})",
                uit_analyse=False,
            )
            toegepast.add(VUISTREGEL_GERICHT)
        tellingen.append(telling)
    return _rangschik(catalogus, tellingen)


# --- praktijkvoorbeelden -------------------------------------------------------------------


def _praktijkvoorbeelden(
    catalogus: Catalogus,
    analyse: Analyse,
    gekozen: dict[str, tuple[str, ...]],
    rang: dict[str, int],
    ernst: str | None,
    toegepast: set[str],
) -> tuple[list[Voorstel], set[str]]:
    oorzaken = _per_top(catalogus, gekozen["oorzaken"])
    locaties = _per_top(catalogus, gekozen["locaties"])
    dichtbij = DIRECTE_WOONOMGEVING in locaties
    tellingen = []
    for pv in _items(catalogus, "praktijkvoorbeeld", Praktijkvoorbeeld):
        telling = _Telling(pv.id)
        richtingen = {_top(catalogus, r) for r in pv.oplossingsrichtingen}

        # P1: the best-ranked of its oplossingsrichtingen.
        beste = sorted((rang[r], r) for r in richtingen if r in rang)
        if beste and beste[0][0] in RANGBONUS:
            nummer, richting_id = beste[0]
            telling.tel(
                RANGBONUS[nummer],
                f"oplossingsrichting: {_klein(catalogus.titel(richting_id))} (nr. {nummer} in dit advies)",
                uit_analyse=True,
            )
        # P2: shared oorzaken, parent level.
        for oorzaak in _uniek(_top(catalogus, o) for o in pv.oorzaken):
            if oorzaak in oorzaken:
                telling.tel(GEWICHT_OORZAAK, _benoem(catalogus, oorzaak, oorzaken[oorzaak]), uit_analyse=True)
        # P3: one of its locaties, parent level.
        gedeeld = [loc for loc in _uniek(_top(catalogus, loc) for loc in pv.locaties) if loc in locaties]
        if gedeeld:
            delen = [_benoem(catalogus, loc, locaties[loc], label=False) for loc in gedeeld]
            telling.tel(GEWICHT_LOCATIE, "past bij: " + ", ".join(delen), uit_analyse=True)
        # P4: shared doelgroepen; groups it is (also) made for that the room did not choose.
        ontbrekend = []
        for doelgroep in _uniek(pv.doelgroepen):
            if doelgroep in gekozen["doelgroepen"]:
                telling.tel(GEWICHT_DOELGROEP, _benoem(catalogus, doelgroep, [doelgroep]), uit_analyse=True)
            elif doelgroep in SITUATIEDOELGROEPEN:
                telling.tel(
                    MALUS_SITUATIE,
                    f"doelgroep: bedoeld voor {SITUATIEDOELGROEPEN[doelgroep]}, en dat staat niet in deze analyse",
                    uit_analyse=True,
                )
            else:
                ontbrekend.append(doelgroep)
        if ontbrekend and gekozen["doelgroepen"]:
            namen = ", ".join(_klein(catalogus.titel(d)) for d in ontbrekend)
            telling.tel(
                MALUS_DOELGROEP * len(ontbrekend), f"doelgroep: ook voor {namen} (niet gekozen)", uit_analyse=True
            )
        # P5: the phases it is meant for.
        if analyse.fase and pv.fasen:
            if analyse.fase in pv.fasen:
                telling.tel(GEWICHT_FASE, _benoem(catalogus, analyse.fase, [analyse.fase]), uit_analyse=True)
            else:
                bedoeld = ", ".join(_klein(catalogus.titel(f)) for f in pv.fasen)
                telling.tel(
                    MALUS_FASE,
                    f"fase: bedoeld voor {bedoeld}, niet voor {_klein(catalogus.titel(analyse.fase))}",
                    uit_analyse=True,
                )
        elif analyse.fase in INCIDENTFASEN and not pv.fasen:
            telling.tel(
                MALUS_FASE,
                f"fase: de bron noemt dit niet voor {_klein(catalogus.titel(analyse.fase))}",
                uit_analyse=True,
            )

        _vuistregels_pv(catalogus, pv, telling, richtingen, dichtbij, ernst, toegepast)
        tellingen.append(telling)
    return _rangschik(catalogus, tellingen)


def _vuistregels_pv(
    catalogus: Catalogus,
    pv: Praktijkvoorbeeld,
    telling: _Telling,
    richtingen: set[str],
    dichtbij: bool,
    ernst: str | None,
    toegepast: set[str],
) -> None:
    # V1: small and recurring over large and one-off.
    delta = 0.0
    kenmerken: list[str] = []
    if pv.schaal == "kleinschalig":
        delta, kenmerken = delta + 0.5, kenmerken + ["kleinschalig"]
    elif pv.schaal == "buurt":
        delta, kenmerken = delta + 0.25, kenmerken + ["op buurtniveau"]
    if pv.doorlopend is True:
        delta, kenmerken = delta + 0.5, kenmerken + ["doorlopend"]
    elif pv.doorlopend is False:
        delta, kenmerken = delta - 0.5, kenmerken + ["eenmalig"]
    if delta:
        telling.tel(delta, f"{_vuistregel(catalogus, VUISTREGEL_KLEIN)}: {' en '.join(kenmerken)}", uit_analyse=False)
        toegepast.add(VUISTREGEL_KLEIN)

    # V2/V3: a shared interest and working together over talking about differences.
    insteek = INSTEEK.get(pv.id)
    if insteek == GEDEELD_BELANG:
        telling.tel(
            0.5, f"{_vuistregel(catalogus, VUISTREGEL_BELANG)}: samen werken aan een gedeeld belang", uit_analyse=False
        )
        toegepast.update((VUISTREGEL_BELANG, VUISTREGEL_SAMEN))
    elif insteek == VERSCHILLEN:
        telling.tel(
            -0.5,
            f"{_vuistregel(catalogus, VUISTREGEL_BELANG)}: hier staat praten over verschillen centraal",
            uit_analyse=False,
        )
        toegepast.update((VUISTREGEL_BELANG, VUISTREGEL_SAMEN))

    # V4: close to home over larger scales, when the problem is close to home.
    if dichtbij:
        if DIRECTE_WOONOMGEVING in {_top(catalogus, loc) for loc in pv.locaties}:
            telling.tel(
                1.0,
                f"{_vuistregel(catalogus, VUISTREGEL_DICHTBIJ)}: werkt in de directe woonomgeving",
                uit_analyse=False,
            )
            toegepast.add(VUISTREGEL_DICHTBIJ)
        elif pv.schaal == "gemeente":
            telling.tel(
                -0.5, f"{_vuistregel(catalogus, VUISTREGEL_DICHTBIJ)}: werkt op gemeenteniveau", uit_analyse=False
            )
            toegepast.add(VUISTREGEL_DICHTBIJ)

    # V5: serious problems ask for a focused approach of the hotspots.
    if ernst:
        if GEBIEDSGERICHTE_RICHTING in richtingen:
            telling.tel(
                1.0,
                f"{_vuistregel(catalogus, VUISTREGEL_GERICHT)}: gerichte aanpak van de brandhaarden ({ernst})",
                uit_analyse=False,
            )
            toegepast.add(VUISTREGEL_GERICHT)
        elif pv.schaal == "gemeente":
            telling.tel(
                -0.5,
                f"{_vuistregel(catalogus, VUISTREGEL_GERICHT)}: algemeen gemeentebreed beleid ({ernst})",
                uit_analyse=False,
            )
            toegepast.add(VUISTREGEL_GERICHT)

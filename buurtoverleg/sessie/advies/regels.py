"""The scoring rules: every term adds (or subtracts) a fixed weight and gives one reason.

Oplossingsrichtingen
    S  signals (`richtingweging` content): per richting a list of content ids with a weight.
       Each listed id that the analysis contains (itself, or through one of its onderdelen)
       adds its weight once. The table is the seed's `wanneer` per richting written as ids:
       oorzaak 1.0-3.0 (3.0 where the oorzaak is the richting's core problem), locatie
       2.0 (where the richting works: portiek/galerij, or the openbare ruimte), doelgroep
       0.5-1.5, fase 1.0-1.5, verschijningsvorm, sentiment, trigger, actor 0.5-2.0. A signal
       that names one of the richting's `wanneer` (or aanpak) lines quotes that line: only
       lines the id itself asserts are named, so a reason never quotes what the room did not say.
    I  incident phases (seed 002, "Zet niet te snel in op overbruggend contact"): in
       fase-incidenten and fase-escalatie richting-2 and richting-5 get -1.0.
    V5 vuistregel-gerichte-aanpak: serious problems (fase-incidenten, fase-escalatie or
       oorzaak C) give richting-4 (integrale, gebiedsgerichte aanpak, 4c) +1.0.

Praktijkvoorbeelden (their reference lists in the catalogue). The weights below are the
built-in ones of `content/001-adviesweging.yaml`.
    P1 oplossingsrichting: the best-ranked of its oplossingsrichtingen, if that one matched
       the analysis: nr. 1 +3.0, nr. 2 +2.0, nr. 3 +1.0.
    P2 oorzaak: +2.0 per oorzaak (parent level) it shares with the analysis.
    P3 locatie: +2.0 once if one of its locaties (parent level) is in the analysis.
    P4 doelgroep: +1.5 per doelgroep it shares with the analysis; -0.5 per other doelgroep it
       is made for, if the analysis names doelgroepen at all; -2.0 if it is made for
       statushouders and the analysis does not name them (a special situation: an AZC or
       statushouders moving in, seed 001 STAP 3.1).
    P5 fase: +1.5 if its `fasen` contain the analysed fase; -1.5 if it lists fasen and the
       analysed fase is not one of them (a mismatch counts as much as a match: an example
       marked "not for incidents" must not rank high after incidents). No `fasen` means:
       usable in any phase, except in fase-incidenten and fase-escalatie, where it gets -0.5:
       there seed 002 puts safety first, so only examples the seeds name for those phases rise.
    P6 na incidenten: +3.0 in the incident phases for the examples seed 002 names there
       (Koppelwerk, Beter buren).
    P7 bemiddeling: -3.0 for a mediation example when the analysis names no conflict between
       neighbours (irritations, overlast, bottled-up annoyance, friction): nobody to mediate.
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
    GEDEELD_BELANG,
    VERSCHILLEN,
    VUISTREGEL_BELANG,
    VUISTREGEL_DICHTBIJ,
    VUISTREGEL_GERICHT,
    VUISTREGEL_KLEIN,
    VUISTREGEL_SAMEN,
    Weging,
)
from .teksten import _benoem, _citaat, _klein, _vuistregel, omschrijving
from .telling import Voorstel, _rangschik, _Telling


def _ernst(catalogus: Catalogus, w: Weging, analyse: Analyse, sleutels: dict[str, list[str]]) -> str | None:
    """Why the problems count as serious (vuistregel-gerichte-aanpak), or None."""
    redenen = []
    if analyse.fase in w.incidentfasen:
        redenen.append(f"fase: {_klein(catalogus.titel(analyse.fase))}")
    for oorzaak in sorted(w.ernstige_oorzaken & sleutels.keys()):
        redenen.append(f"oorzaak: {_klein(catalogus.titel(oorzaak))}")
    return " en ".join(redenen) or None


# --- oplossingsrichtingen ------------------------------------------------------------------


def _richtingen(
    catalogus: Catalogus, w: Weging, sleutels: dict[str, list[str]], ernst: str | None, toegepast: set[str]
) -> tuple[list[Voorstel], set[str]]:
    tellingen = []
    for richting in _items(catalogus, "oplossingsrichting", Oplossingsrichting):
        telling = _Telling(richting.id, omschrijving(richting))
        for signaal in w.signalen.get(richting.id, ()):
            if signaal.id not in sleutels:
                continue
            reden = _benoem(catalogus, signaal.id, sleutels[signaal.id])
            citaat = signaal.toelichting or _citaat(richting, signaal.wanneer, signaal.aanpak)
            if citaat:
                reden += f" — {citaat}"
            telling.tel(signaal.gewicht, reden, uit_analyse=True)
        if ernst and richting.id == w.gebiedsgerichte_richting:
            telling.tel(
                w.gewichten.richting_gericht,
                f"gebiedsgerichte, integrale aanpak bij zware problemen ({ernst}) — {_vuistregel(catalogus, VUISTREGEL_GERICHT)}",
                uit_analyse=False,
            )
            toegepast.add(VUISTREGEL_GERICHT)
        tellingen.append(telling)
    return _rangschik(catalogus, tellingen)


# --- praktijkvoorbeelden -------------------------------------------------------------------


def _praktijkvoorbeelden(
    catalogus: Catalogus,
    w: Weging,
    analyse: Analyse,
    gekozen: dict[str, tuple[str, ...]],
    sleutels: dict[str, list[str]],
    rang: dict[str, int],
    ernst: str | None,
    toegepast: set[str],
) -> tuple[list[Voorstel], set[str]]:
    g = w.gewichten
    oorzaken = _per_top(catalogus, gekozen["oorzaken"])
    locaties = _per_top(catalogus, gekozen["locaties"])
    dichtbij = w.directe_woonomgeving in locaties
    conflict = [c for c in w.conflict if c in sleutels]
    incident = analyse.fase in w.incidentfasen
    tellingen = []
    for pv in _items(catalogus, "praktijkvoorbeeld", Praktijkvoorbeeld):
        telling = _Telling(pv.id, omschrijving(pv), schaal=pv.schaal)
        richtingen = {_top(catalogus, r) for r in pv.oplossingsrichtingen}

        # P1: the best-ranked of its oplossingsrichtingen.
        beste = sorted((rang[r], r) for r in richtingen if r in rang)
        if beste and w.rangbonus(beste[0][0]):
            nummer, richting_id = beste[0]
            plek = "bovenaan dit advies" if nummer == 1 else f"op plaats {nummer} in dit advies"
            telling.tel(
                w.rangbonus(nummer),
                f"hoort bij de oplossingsrichting {plek}: {_klein(catalogus.titel(richting_id))}",
                uit_analyse=True,
            )
        # P2: shared oorzaken, parent level.
        for oorzaak in _uniek(_top(catalogus, o) for o in pv.oorzaken):
            if oorzaak in oorzaken:
                telling.tel(g.oorzaak, _benoem(catalogus, oorzaak, oorzaken[oorzaak]), uit_analyse=True)
        # P3: one of its locaties, parent level.
        gedeeld = [loc for loc in _uniek(_top(catalogus, loc) for loc in pv.locaties) if loc in locaties]
        if gedeeld:
            delen = [_benoem(catalogus, loc, locaties[loc], label=False) for loc in gedeeld]
            telling.tel(g.locatie, "past bij: " + ", ".join(delen), uit_analyse=True)
        _doelgroepen(catalogus, w, pv, gekozen["doelgroepen"], telling)
        _fase(catalogus, w, pv, analyse.fase, telling)
        # P6: what seed 002 names for after incidents (mediation only where there is a conflict).
        bemiddelt_niets = pv.id in w.bemiddeling and not conflict
        if incident and pv.id in w.na_incidenten and not bemiddelt_niets:
            telling.tel(
                g.na_incidenten,
                f"de handreiking noemt dit voorbeeld na incidenten ({_klein(catalogus.titel(analyse.fase or ''))})",
                uit_analyse=True,
            )
        # P7: mediation needs a conflict to mediate.
        if bemiddelt_niets:
            telling.tel(
                g.bemiddeling_zonder_conflict,
                "bemiddeling: de analyse noemt geen conflict tussen buren om te bemiddelen",
                uit_analyse=True,
            )

        _vuistregels_pv(catalogus, w, pv, telling, richtingen, dichtbij, ernst, toegepast)
        tellingen.append(telling)
    return _rangschik(catalogus, tellingen)


def _doelgroepen(
    catalogus: Catalogus, w: Weging, pv: Praktijkvoorbeeld, gekozen: tuple[str, ...], telling: _Telling
) -> None:
    """P4: shared doelgroepen; groups it is (also) made for that the room did not choose."""
    ontbrekend = []
    for doelgroep in _uniek(pv.doelgroepen):
        if doelgroep in gekozen:
            telling.tel(w.gewichten.doelgroep, _benoem(catalogus, doelgroep, [doelgroep]), uit_analyse=True)
        elif doelgroep in w.situatiedoelgroepen:
            telling.tel(
                w.gewichten.situatie,
                f"doelgroep: bedoeld voor {w.situatiedoelgroepen[doelgroep]}, en dat staat niet in deze analyse",
                uit_analyse=True,
            )
        else:
            ontbrekend.append(doelgroep)
    if ontbrekend and gekozen:
        namen = ", ".join(_klein(catalogus.titel(d)) for d in ontbrekend)
        telling.tel(
            w.gewichten.doelgroep_anders * len(ontbrekend),
            f"doelgroep: ook voor {namen} (niet gekozen)",
            uit_analyse=True,
        )


def _fase(catalogus: Catalogus, w: Weging, pv: Praktijkvoorbeeld, fase: str | None, telling: _Telling) -> None:
    """P5: the phases it is meant for; a mismatch weighs as much as a match."""
    if fase and pv.fasen:
        if fase in pv.fasen:
            telling.tel(w.gewichten.fase, _benoem(catalogus, fase, [fase]), uit_analyse=True)
        else:
            bedoeld = ", ".join(_klein(catalogus.titel(f)) for f in pv.fasen)
            telling.tel(
                w.gewichten.fase_anders,
                f"fase: bedoeld voor {bedoeld}, niet voor {_klein(catalogus.titel(fase))}",
                uit_analyse=True,
            )
    elif fase in w.incidentfasen and not pv.fasen:
        telling.tel(
            w.gewichten.fase_onbekend_na_incidenten,
            f"fase: de bron noemt dit niet voor {_klein(catalogus.titel(fase))}",
            uit_analyse=True,
        )


def _vuistregels_pv(
    catalogus: Catalogus,
    w: Weging,
    pv: Praktijkvoorbeeld,
    telling: _Telling,
    richtingen: set[str],
    dichtbij: bool,
    ernst: str | None,
    toegepast: set[str],
) -> None:
    g = w.gewichten
    # V1: small and recurring over large and one-off.
    delta = 0.0
    kenmerken: list[str] = []
    if pv.schaal == "kleinschalig":
        delta, kenmerken = delta + g.kleinschalig, kenmerken + ["kleinschalig"]
    elif pv.schaal == "buurt":
        delta, kenmerken = delta + g.buurtniveau, kenmerken + ["op buurtniveau"]
    if pv.doorlopend is True:
        delta, kenmerken = delta + g.doorlopend, kenmerken + ["doorlopend"]
    elif pv.doorlopend is False:
        delta, kenmerken = delta + g.eenmalig, kenmerken + ["eenmalig"]
    if delta:
        telling.tel(delta, f"{' en '.join(kenmerken)} — {_vuistregel(catalogus, VUISTREGEL_KLEIN)}", uit_analyse=False)
        toegepast.add(VUISTREGEL_KLEIN)

    # V2/V3: a shared interest and working together over talking about differences.
    if pv.insteek == GEDEELD_BELANG:
        telling.tel(
            g.gedeeld_belang,
            f"samen werken aan een gedeeld belang — {_vuistregel(catalogus, VUISTREGEL_BELANG)}",
            uit_analyse=False,
        )
        toegepast.update((VUISTREGEL_BELANG, VUISTREGEL_SAMEN))
    elif pv.insteek == VERSCHILLEN:
        telling.tel(
            g.verschillen,
            f"hier staat praten over verschillen centraal — {_vuistregel(catalogus, VUISTREGEL_BELANG)}",
            uit_analyse=False,
        )
        toegepast.update((VUISTREGEL_BELANG, VUISTREGEL_SAMEN))

    # V4: close to home over larger scales, when the problem is close to home.
    if dichtbij:
        if w.directe_woonomgeving in {_top(catalogus, loc) for loc in pv.locaties}:
            telling.tel(
                g.dichtbij,
                f"werkt in de directe woonomgeving — {_vuistregel(catalogus, VUISTREGEL_DICHTBIJ)}",
                uit_analyse=False,
            )
            toegepast.add(VUISTREGEL_DICHTBIJ)
        elif pv.schaal == "gemeente":
            telling.tel(
                g.gemeenteniveau_dichtbij,
                f"werkt op gemeenteniveau — {_vuistregel(catalogus, VUISTREGEL_DICHTBIJ)}",
                uit_analyse=False,
            )
            toegepast.add(VUISTREGEL_DICHTBIJ)

    # V5: serious problems ask for a focused approach of the hotspots.
    if ernst:
        if w.gebiedsgerichte_richting in richtingen:
            telling.tel(
                g.gericht,
                f"gerichte aanpak van de brandhaarden ({ernst}) — {_vuistregel(catalogus, VUISTREGEL_GERICHT)}",
                uit_analyse=False,
            )
            toegepast.add(VUISTREGEL_GERICHT)
        elif pv.schaal == "gemeente":
            telling.tel(
                g.gemeentebreed_bij_ernst,
                f"algemeen gemeentebreed beleid ({ernst}) — {_vuistregel(catalogus, VUISTREGEL_GERICHT)}",
                uit_analyse=False,
            )
            toegepast.add(VUISTREGEL_GERICHT)

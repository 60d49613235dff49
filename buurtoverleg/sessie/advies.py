"""From analysis to approach: which oplossingsrichtingen and praktijkvoorbeelden fit what the
room established in STAP 2 (seed 001, STAP 3 and STAP 4.2).

Pure domain code: no NiceGUI, no database. `adviseer(catalogus, analyse)` turns an `Analyse`
(content ids) into an `Advies`: all seven oplossingsrichtingen and all praktijkvoorbeelden,
ranked, each with a score and the Dutch reasons that make up that score. The advice proposes;
the room decides.

The score is a plain sum. Every term adds (or, for a few, subtracts) a fixed weight and
produces exactly one reason, so a facilitator can always say why something is on top.
Onderdelen in the analysis (`locatie-portiek`, `oorzaak-b-kinderen-8-14`) also count for
their parent (`locatie-directe-woonomgeving`, `oorzaak-b`).

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

Ranking: first everything that matched the analysis (a positive S, P1-P5 term), then the
rest; within each group by score (high first), then by id. What matched nothing gets the
reason "algemene aanpak: ..." and so is always at the bottom, with its vuistregel terms.
Reasons are listed strongest first.

In fase-incidenten and fase-escalatie the advice also lists the incidentadvies items (seed
002) and a hint to start a SAMOS kernteam with `tpl-samos-eerste` (seed 003).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..content import Catalogus

LIJSTVELDEN = ("verschijningsvormen", "locaties", "oorzaken", "doelgroepen", "sentimenten", "triggers", "actoren")
SOORT_PER_VELD = {
    "fase": "fase",
    "verschijningsvormen": "verschijningsvorm",
    "locaties": "locatie",
    "oorzaken": "oorzaak",
    "doelgroepen": "doelgroep",
    "sentimenten": "sentiment",
    "triggers": "trigger",
    "actoren": "actor",
}
INCIDENTFASEN = ("fase-incidenten", "fase-escalatie")
DIRECTE_WOONOMGEVING = "locatie-directe-woonomgeving"
ERNSTIGE_OORZAAK = "oorzaak-c"
GEBIEDSGERICHTE_RICHTING = "richting-4"
SAMOS_SJABLONEN = ("tpl-samos-eerste", "tpl-samos-vervolg", "tpl-samos-laatste")

RANGBONUS = {1: 3.0, 2: 2.0, 3: 1.0}
GEWICHT_OORZAAK = 2.0
GEWICHT_LOCATIE = 2.0
GEWICHT_DOELGROEP = 1.5
GEWICHT_FASE = 1.5
MALUS_FASE = -0.5
MALUS_DOELGROEP = -0.5
MALUS_SITUATIE = -2.0
SITUATIEDOELGROEPEN = {"doelgroep-statushouders": "de komst van statushouders of een AZC (een bijzondere situatie)"}
"""Doelgroepen that stand for a situation (seed 001, STAP 3.1: 'Een bijzondere situatie ... als
een AZC wordt gevestigd'): interventions made for them fit only when the analysis names them."""
GEWICHT_RICHTING_GERICHT = 1.0


@dataclass(frozen=True)
class Analyse:
    """What the room established, as content ids (STAP 2). Onderdelen are allowed."""

    fase: str | None = None
    verschijningsvormen: tuple[str, ...] = ()
    locaties: tuple[str, ...] = ()
    oorzaken: tuple[str, ...] = ()
    doelgroepen: tuple[str, ...] = ()
    sentimenten: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    actoren: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.fase is not None and not isinstance(self.fase, str):
            raise ValueError("fase moet één id zijn (tekst) of leeg")
        for veld in LIJSTVELDEN:
            waarde = getattr(self, veld)
            if isinstance(waarde, str) or not isinstance(waarde, (list, tuple)):
                raise ValueError(f"{veld} moet een lijst met ids zijn")
            for content_id in waarde:
                if not isinstance(content_id, str):
                    raise ValueError(f"{veld} mag alleen ids (tekst) bevatten, niet {content_id!r}")
            # Lists become tuples (hashable, frozen); repeated ids count once.
            object.__setattr__(self, veld, tuple(dict.fromkeys(waarde)))


@dataclass(frozen=True)
class Voorstel:
    id: str
    titel: str
    score: float
    redenen: tuple[str, ...]


@dataclass(frozen=True)
class Advies:
    richtingen: tuple[Voorstel, ...]
    praktijkvoorbeelden: tuple[Voorstel, ...]
    incidentadvies: tuple[str, ...] = ()
    """Top-level incidentadvies ids (their onderdelen are in the catalogue); only after incidents."""
    samos: str | None = None
    vuistregels: tuple[str, ...] = ()
    """The vuistregel ids that changed at least one score, in catalogue order."""

    def naar_dict(self) -> dict[str, Any]:
        def voorstellen(lijst: Iterable[Voorstel]) -> list[dict[str, Any]]:
            return [{"id": v.id, "titel": v.titel, "score": v.score, "redenen": list(v.redenen)} for v in lijst]

        return {
            "richtingen": voorstellen(self.richtingen),
            "praktijkvoorbeelden": voorstellen(self.praktijkvoorbeelden),
            "incidentadvies": list(self.incidentadvies),
            "samos": self.samos,
            "vuistregels": list(self.vuistregels),
        }


@dataclass(frozen=True)
class Signaal:
    """One line of `SIGNALEN`: an analysis id that points at a richting, with its weight."""

    id: str
    gewicht: float
    trefwoord: str | None = None
    """Found in the richting's `wanneer` (else its interventietypen) and quoted in the reason."""
    toelichting: str | None = None
    """Replaces the quote (used for the maluses, which have no `wanneer` line)."""


_NIET_TE_SNEL = "eerst sociale veiligheid, niet te snel groepen verbinden (incidentadvies)"

SIGNALEN: dict[str, tuple[Signaal, ...]] = {
    # 1. Beter contact met de directe buren: portiek, galerij, woonblok, stuk straat.
    "richting-1": (
        Signaal("oorzaak-a", 3.0, "vreemd"),
        Signaal("oorzaak-b", 1.0, "Kinderen geven overlast"),
        Signaal("vorm-voelen-vervreemding", 1.0, "vreemd"),
        Signaal("vorm-voelen-ongemak", 1.0, "vreemd"),
        Signaal("vorm-gedrag-ontwijken-ongemak", 1.0, "vreemd"),
        Signaal("vorm-voelen-onzeker-aanspreken", 1.0, "aan te spreken"),
        Signaal("vorm-voelen-irritaties", 1.0, "ongeschreven regels"),
        Signaal("locatie-directe-woonomgeving", 2.0),
        Signaal("doelgroep-directe-buren", 1.5),
        Signaal("fase-ongemak", 1.5),
        Signaal("fase-onderhuidse-spanningen", 1.5),
    ),
    # 2. Ontmoeting en begrip op straat-, plein- en buurtniveau.
    "richting-2": (
        Signaal("oorzaak-a", 2.0, "ongeschreven regels"),
        Signaal("oorzaak-b", 1.0, "jongeren geven overlast"),
        Signaal("vorm-voelen-vervreemding", 1.0, "vreemd"),
        Signaal("vorm-voelen-ongemak", 1.0, "vreemd"),
        Signaal("vorm-gedrag-ontwijken-ongemak", 1.0, "vreemd"),
        Signaal("vorm-voelen-onzeker-aanspreken", 1.0, "aan te spreken"),
        Signaal("vorm-voelen-irritaties", 1.0, "ongeschreven regels"),
        Signaal("sentiment-verlies-cohesie", 1.0, "buurtidentiteit"),
        Signaal("locatie-publieke-ruimte", 2.0),
        Signaal("doelgroep-buurtgenoten", 1.5),
        Signaal("doelgroep-statushouders", 1.5),
        Signaal("doelgroep-ondernemers-actieve-bewoners", 1.0),
        Signaal("fase-rust", 1.5),
        Signaal("fase-ongemak", 1.5),
        Signaal("fase-onderhuidse-spanningen", 1.5),
        Signaal("fase-incidenten", -1.0, toelichting=_NIET_TE_SNEL),
        Signaal("fase-escalatie", -1.0, toelichting=_NIET_TE_SNEL),
    ),
    # 3. Positief gedrag van kinderen en jongeren, in de openbare ruimte.
    "richting-3": (
        Signaal("oorzaak-b", 3.0, "jongeren geven overlast"),
        Signaal("oorzaak-d", 1.0, "jongeren geven overlast"),
        Signaal("vorm-gedrag-plekken-mijden", 1.0, "eisen een plein"),
        Signaal("vorm-voelen-onzeker-aanspreken", 1.0, "aan te spreken"),
        Signaal("locatie-publieke-ruimte", 2.0),
        Signaal("doelgroep-jongeren", 1.5),
        Signaal("doelgroep-kinderen-8-14", 1.5),
        Signaal("doelgroep-ouders", 1.5),
        Signaal("fase-onderhuidse-spanningen", 1.0),
        Signaal("fase-incidenten", 1.0),
    ),
    # 4. Weerbaarheid en basisveiligheid: onveiligheid, stapeling, bewoners die zich terugtrekken.
    "richting-4": (
        Signaal("oorzaak-c", 3.0, "onveiligheid"),
        Signaal("oorzaak-d", 2.0, "stapelen"),
        Signaal("oorzaak-b", 1.0, "zichtbare"),
        Signaal("oorzaak-f", 1.0, "onveiligheid"),
        Signaal("vorm-voelen-angst", 1.0, "onveiligheid"),
        Signaal("vorm-gedrag-ontwijken-angst", 1.0, "trekken zich terug"),
        Signaal("vorm-gedrag-plekken-mijden", 1.0, "trekken zich terug"),
        Signaal("vorm-gedrag-negatief", 1.0, "onveiligheid"),
        Signaal("sentiment-onveiligheid", 1.0, "onveiligheid"),
        Signaal("sentiment-afvoerputje", 1.0, "stapelen"),
        Signaal("locatie-directe-woonomgeving", 1.0),
        Signaal("locatie-publieke-ruimte", 1.0),
        Signaal("doelgroep-buurtprofessionals", 1.5),
        Signaal("doelgroep-ondernemers-actieve-bewoners", 1.0),
        Signaal("doelgroep-buurtgenoten", 0.5),
        Signaal("fase-incidenten", 1.5),
        Signaal("fase-escalatie", 1.5),
    ),
    # 5. Vooroordelen en stereotypen tegengaan: contact, dialoog, communicatie, stille midden.
    "richting-5": (
        Signaal("oorzaak-e", 3.0, "discriminatie"),
        Signaal("oorzaak-f", 1.5, "discriminatie"),
        Signaal("oorzaak-a", 1.0, "vreemd"),
        Signaal("vorm-denken-vooroordelen", 2.0, "stereotypen"),
        Signaal("vorm-denken-negatief", 1.5, "stereotypen"),
        Signaal("vorm-gedrag-ontwijken-ongemak", 1.0, "stereotypen"),
        Signaal("vorm-gedrag-ontwijken-angst", 1.0, "stereotypen"),
        Signaal("sentiment-onrechtvaardigheid", 1.0, "discriminatie"),
        Signaal("trigger-informatiebubbels", 1.0, "stille midden"),
        Signaal("trigger-polariserende-discussies", 1.0, "stille midden"),
        Signaal("trigger-nepnieuws", 1.0, "stille midden"),
        Signaal("locatie-buurtoverstijgend", 1.5),
        Signaal("doelgroep-buurtgenoten", 1.0),
        Signaal("doelgroep-statushouders", 1.0),
        Signaal("doelgroep-jongeren", 0.5),
        Signaal("fase-ongemak", 1.0),
        Signaal("fase-onderhuidse-spanningen", 1.5),
        Signaal("fase-incidenten", -1.0, toelichting=_NIET_TE_SNEL),
        Signaal("fase-escalatie", -1.0, toelichting=_NIET_TE_SNEL),
    ),
    # 6. Betere informatiepositie: signalen samen ophalen en duiden (SAMOS).
    "richting-6": (
        Signaal("oorzaak-f", 2.0, "sleutelfiguren"),
        Signaal("oorzaak-g", 1.5, "meer informatie"),
        Signaal("oorzaak-e", 1.0, "meer informatie"),
        Signaal("trigger-internationale-gebeurtenissen", 1.5, "meer informatie"),
        Signaal("trigger-nepnieuws", 0.5, "meer informatie"),
        Signaal("actor-buiten-buurt", 1.0, "meer informatie"),
        Signaal("actor-sleutelpersonen", 1.0, "sleutelfiguren"),
        Signaal("locatie-buurtoverstijgend", 1.0),
        Signaal("doelgroep-buurtprofessionals", 1.5),
        Signaal("fase-rust", 1.5),
        Signaal("fase-incidenten", 1.5),
        Signaal("fase-escalatie", 1.5),
    ),
    # 7. Weten wat leeft en win-win zoeken: bij alle buurtproblemen, en bij een AZC.
    "richting-7": (
        Signaal("oorzaak-a", 0.5, "alle buurtproblemen"),
        Signaal("oorzaak-b", 0.5, "alle buurtproblemen"),
        Signaal("oorzaak-c", 0.5, "alle buurtproblemen"),
        Signaal("oorzaak-d", 0.5, "alle buurtproblemen"),
        Signaal("oorzaak-e", 0.5, "alle buurtproblemen"),
        Signaal("oorzaak-f", 0.5, "alle buurtproblemen"),
        Signaal("oorzaak-g", 0.5, "alle buurtproblemen"),
        Signaal("sentiment-onvrede-bestuur", 2.0, "zorgen"),
        Signaal("sentiment-afvoerputje", 2.0, "zorgen"),
        Signaal("sentiment-verlies-cohesie", 1.0, "zorgen"),
        Signaal("sentiment-onveiligheid", 0.5, "zorgen"),
        Signaal("actor-kenmerk-opvattingen", 1.0, "boze of bezorgde"),
        Signaal("actor-actiegroepen", 1.0, "boze of bezorgde"),
        Signaal("doelgroep-statushouders", 1.5),
        Signaal("doelgroep-buurtgenoten", 1.0),
        Signaal("fase-onderhuidse-spanningen", 1.5),
        Signaal("fase-incidenten", 1.0),
    ),
}

GEDEELD_BELANG = "gedeeld-belang"
VERSCHILLEN = "verschillen"
INSTEEK: dict[str, str] = {
    # Built on a shared interest or on working together (seed 001, vuistregels: "een schone
    # portiek, speelveilig plein"; bindingsladder trede 3: afspraken en gezamenlijke acties).
    "pv-samen-schoon": GEDEELD_BELANG,
    "pv-portiekportiers": GEDEELD_BELANG,
    "pv-straatportiers": GEDEELD_BELANG,
    "pv-opzoomeren": GEDEELD_BELANG,
    "pv-pleingesprekken": GEDEELD_BELANG,
    "pv-gedragscodes": GEDEELD_BELANG,
    "pv-leefregels-nieuwe-huurders": GEDEELD_BELANG,
    "pv-gemeenschappelijke-identiteit": GEDEELD_BELANG,
    "pv-ronde-tafelhuis": GEDEELD_BELANG,
    "pv-kulturhuske": GEDEELD_BELANG,
    "pv-de-voorkamer": GEDEELD_BELANG,
    "pv-boost": GEDEELD_BELANG,
    "pv-haagse-huiskamer": GEDEELD_BELANG,
    "pv-inkr8": GEDEELD_BELANG,
    "pv-jongeren-preventie-teams": GEDEELD_BELANG,
    "pv-zakgeldprojecten": GEDEELD_BELANG,
    "pv-buurtpreventie": GEDEELD_BELANG,
    "pv-buurtveiligheidsteams": GEDEELD_BELANG,
    "pv-buurt-bestuurt": GEDEELD_BELANG,
    "pv-adopteer-een-bak": GEDEELD_BELANG,
    "pv-right-to-challenge": GEDEELD_BELANG,
    "pv-geef-om-de-jan-eef": GEDEELD_BELANG,
    "pv-plan-einstein": GEDEELD_BELANG,
    # Talking about differences is the core ("interculturele kennismaking of dialoog").
    "pv-dialoogtafels": VERSCHILLEN,
    "pv-interreligieuze-dialoog": VERSCHILLEN,
    "pv-dichter-bij-huis": VERSCHILLEN,
    "pv-burgertop": VERSCHILLEN,
    "pv-nieuw-wij": VERSCHILLEN,
}
"""Which interventions build on a shared interest, and which on talking about differences.

The catalogue has no field for this yet, so it is classified here from the seed's
descriptions (STAP 4.2). Interventions not listed are neutral.
"""

VUISTREGEL_KLEIN = "vuistregel-kleinschalig-doorlopend"
VUISTREGEL_BELANG = "vuistregel-gedeelde-belangen"
VUISTREGEL_SAMEN = "vuistregel-samenwerking"
VUISTREGEL_DICHTBIJ = "vuistregel-directe-woonomgeving"
VUISTREGEL_GERICHT = "vuistregel-gerichte-aanpak"

LABELS = {
    "oorzaak": "oorzaak",
    "locatie": "past bij",
    "doelgroep": "doelgroep",
    "fase": "fase",
    "verschijningsvorm": "verschijningsvorm",
    "sentiment": "sentiment",
    "trigger": "trigger",
    "actor": "betrokkenen",
}


@dataclass
class _Telling:
    """The terms of one proposal while it is being scored."""

    id: str
    termen: list[tuple[float, str]] = field(default_factory=list)
    past: bool = False
    """At least one positive term that comes from the analysis (not only a vuistregel)."""

    def tel(self, gewicht: float, reden: str, *, uit_analyse: bool) -> None:
        if gewicht == 0:
            return
        self.termen.append((gewicht, reden))
        if uit_analyse and gewicht > 0:
            self.past = True

    @property
    def score(self) -> float:
        return round(sum(g for g, _ in self.termen), 4)


def adviseer(catalogus: Catalogus, analyse: Analyse) -> Advies:
    """Rank all oplossingsrichtingen and praktijkvoorbeelden for this analysis."""
    gekozen = _valideer(catalogus, analyse)
    sleutels = _sleutels(catalogus, gekozen)
    ernst = _ernst(catalogus, analyse, sleutels)
    toegepast: set[str] = set()

    richtingen, passend = _richtingen(catalogus, sleutels, ernst, toegepast)
    rang = {v.id: n for n, v in enumerate(richtingen, start=1) if v.score > 0 and v.id in passend}
    voorbeelden, _ = _praktijkvoorbeelden(catalogus, analyse, gekozen, rang, ernst, toegepast)

    incident = analyse.fase in INCIDENTFASEN
    volgorde = catalogus.volgorde.get("vuistregel", [])
    return Advies(
        richtingen=tuple(richtingen),
        praktijkvoorbeelden=tuple(voorbeelden),
        incidentadvies=tuple(catalogus.volgorde.get("incidentadvies", [])) if incident else (),
        samos=_samos(catalogus) if incident else None,
        vuistregels=tuple(sorted(toegepast, key=lambda i: (volgorde.index(i) if i in volgorde else len(volgorde), i))),
    )


def analyse_uit_dict(data: object) -> Analyse:
    """An `Analyse` from parsed JSON: an object with the keys of `Analyse`, all optional."""
    if not isinstance(data, Mapping):
        raise ValueError("de analyse moet een JSON-object zijn, met de velden " + ", ".join(SOORT_PER_VELD))
    onbekend = sorted(str(k) for k in data if k not in SOORT_PER_VELD)
    if onbekend:
        raise ValueError(f"onbekend veld '{onbekend[0]}' (bekend: {', '.join(SOORT_PER_VELD)})")
    velden: dict[str, Any] = {}
    fase = data.get("fase")
    if fase is not None and not isinstance(fase, str):
        raise ValueError("fase moet één id zijn (tekst) of null")
    velden["fase"] = fase
    for veld in LIJSTVELDEN:
        waarde = data.get(veld, [])
        if not isinstance(waarde, list) or not all(isinstance(i, str) for i in waarde):
            raise ValueError(f"{veld} moet een lijst met ids (teksten) zijn")
        velden[veld] = tuple(waarde)
    return Analyse(**velden)


# --- analysis ------------------------------------------------------------------------------


def _valideer(catalogus: Catalogus, analyse: Analyse) -> dict[str, tuple[str, ...]]:
    """Every id exists and is of the kind its field asks for; returns the ids per field."""
    gekozen: dict[str, tuple[str, ...]] = {}
    for veld, soort in SOORT_PER_VELD.items():
        waarde = getattr(analyse, veld)
        ids = (waarde,) if isinstance(waarde, str) else () if waarde is None else waarde
        for content_id in ids:
            entry = catalogus.entries.get(content_id)
            if entry is None:
                raise ValueError(f"onbekend id '{content_id}' bij {veld}: dat staat niet in de methode")
            if entry.soort != soort:
                raise ValueError(f"'{content_id}' bij {veld} is geen {soort} maar een {entry.soort}")
        gekozen[veld] = tuple(ids)
    return gekozen


def _sleutels(catalogus: Catalogus, gekozen: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Every id the analysis stands for (each chosen id and its parents) -> the chosen ids behind it."""
    sleutels: dict[str, list[str]] = {}
    for ids in gekozen.values():
        for content_id in ids:
            for sleutel in _met_ouders(catalogus, content_id):
                sleutels.setdefault(sleutel, []).append(content_id)
    return sleutels


def _met_ouders(catalogus: Catalogus, content_id: str) -> list[str]:
    keten = [content_id]
    entry = catalogus.entries.get(content_id)
    while entry is not None and entry.ouder is not None and entry.ouder not in keten:
        keten.append(entry.ouder)
        entry = catalogus.entries.get(entry.ouder)
    return keten


def _top(catalogus: Catalogus, content_id: str) -> str:
    return _met_ouders(catalogus, content_id)[-1]


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
    for richting in catalogus.items("oplossingsrichting"):
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


def _citaat(richting: Any, trefwoord: str) -> str | None:
    """The richting's own `wanneer` line (else interventietype) that contains the keyword."""
    for kop, regels in (("wanneer", richting.wanneer), ("aanpak", richting.interventietypen)):
        for regel in regels:
            if trefwoord.lower() in regel.lower():
                return f"{kop}: {regel.rstrip('.')}"
    return None


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
    for pv in catalogus.items("praktijkvoorbeeld"):
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
    pv: Any,
    telling: _Telling,
    richtingen: set[str],
    dichtbij: bool,
    ernst: str | None,
    toegepast: set[str],
) -> None:
    # V1: small and recurring over large and one-off.
    delta, kenmerken = 0.0, []
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


def _per_top(catalogus: Catalogus, ids: Iterable[str]) -> dict[str, list[str]]:
    per_top: dict[str, list[str]] = {}
    for content_id in ids:
        per_top.setdefault(_top(catalogus, content_id), []).append(content_id)
    return per_top


# --- shared --------------------------------------------------------------------------------


def _rangschik(catalogus: Catalogus, tellingen: list[_Telling]) -> tuple[list[Voorstel], set[str]]:
    """Matched first, then by score (high first), then by id; also returns the matched ids."""
    for telling in tellingen:
        if not telling.past:
            telling.termen.append((0.0, "algemene aanpak: sluit niet direct aan bij deze analyse"))
    tellingen.sort(key=lambda t: (not t.past, -t.score, t.id))
    voorstellen = [
        Voorstel(
            id=t.id,
            titel=catalogus.titel(t.id),
            score=t.score,
            # Strongest reason first; equal weights keep the order in which they were counted.
            redenen=tuple(r for _, r in sorted(t.termen, key=lambda term: -term[0])),
        )
        for t in tellingen
    ]
    return voorstellen, {t.id for t in tellingen if t.past}


def _benoem(catalogus: Catalogus, sleutel: str, via: list[str], *, label: bool = True) -> str:
    """'oorzaak: overlast van kinderen en jongeren (overlast van kinderen van 8 tot 14)'."""
    tekst = _klein(catalogus.titel(sleutel))
    specifiek = [_klein(catalogus.titel(i)) for i in _uniek(via) if i != sleutel]
    if specifiek:
        tekst += f" ({', '.join(specifiek)})"
    if not label:
        return tekst
    soort = catalogus.entries[sleutel].soort
    return f"{LABELS.get(soort, soort)}: {tekst}"


def _vuistregel(catalogus: Catalogus, vuistregel_id: str) -> str:
    titel = catalogus.titel(vuistregel_id)
    return f"vuistregel '{titel}'" if titel != vuistregel_id else "vuistregel"


def _samos(catalogus: Catalogus) -> str:
    sjablonen = [s for s in SAMOS_SJABLONEN if catalogus.entries.get(s) and catalogus.entries[s].soort == "template"]
    hint = (
        "Er zijn incidenten of er is escalatie: bespreek de situatie ook in een SAMOS-kernteam "
        "(gestructureerde signalering en aanpak van onrust en spanningen, uit de handreiking "
        "'Omgaan met maatschappelijke spanningen')."
    )
    if sjablonen:
        eerste = sjablonen[0]
        hint += f" Begin met het sjabloon '{catalogus.titel(eerste)}' ({eerste})"
        if len(sjablonen) > 1:
            hint += ", daarna " + " en ".join(sjablonen[1:])
        hint += "."
    return hint


def _klein(titel: str) -> str:
    """A title as part of a sentence: 'B. Overlast van kinderen' -> 'overlast van kinderen'."""
    titel = re.sub(r"^[A-Z]\.\s+", "", titel)
    if len(titel) > 1 and titel[0].isupper() and titel[1].islower():
        titel = titel[0].lower() + titel[1:]
    return titel


def _uniek(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))

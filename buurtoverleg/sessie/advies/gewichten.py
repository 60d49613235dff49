"""The weights of the advice and the tables they come from, in one place to tune.

`regels` explains how each weight is used; the ids here are those of the built-in method.
"""

from __future__ import annotations

from dataclasses import dataclass

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

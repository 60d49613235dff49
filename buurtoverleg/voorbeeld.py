"""A finished example meeting, made only through the meeting domain (`Dienst`).

`buurtoverleg demo --fill` puts it in the configured database, so the minutes, the exports
and the pages can be shown without a room full of phones; tests and the minutes benchmark
build on it too. The live practice demo is `demo.py`.

The people and organisations are invented.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .sessie.dienst import Dienst
from .sessie.toestand import DOMEINEN, Links

TEMPLATE = "tpl-analyse-kort"

DEELNEMERS: tuple[tuple[str, str, str], ...] = (
    ("Eline de Vries", "Gemeente, wijkbureau Zuidwest", "gemeente"),
    ("Sander Bakker", "Politie, basisteam Zuidwest", "politie"),
    ("Mariëlle Jansen", "Buurtteam Welzijn Zuid", "welzijn"),
    ("Youssef Amrani", "Jongerenwerk Zuid", "jongerenwerk"),
    ("René Smit", "Woonstichting De Marnix", "woningcorporatie"),
    ("Chloë Peters", "Basisschool De Klimop", "onderwijs"),
    ("Ayşe Yılmaz", "Wijkteam zorg", "zorg"),
    ("Kees van Dijk", "Bewonerscommissie Marnixlaan", "bewoner"),
)
NOTULIST = ("Joke Hermans", "Gemeente, wijkbureau Zuidwest", "gemeente")

SIGNALEN: tuple[tuple[int, str, str, tuple[int, ...]], ...] = (
    # (author index, kind, text, who recognise it)
    (
        1,
        "waarneming",
        "Sinds de zomer drie meldingen van vernielde fietsen bij de portieken van de Marnixlaan 40-68.",
        (0, 4, 7),
    ),
    (
        4,
        "waarneming",
        "Bewoners van de nieuwbouw en de ‘oude’ flat groeten elkaar niet meer; de bewonersavond trok vier mensen.",
        (2, 7),
    ),
    (
        3,
        "waarneming",
        "Jongeren hangen ’s avonds bij het speelveld; buurtbewoners filmen hen en zetten dat in de buurtapp.",
        (1, 5),
    ),
    (
        7,
        "waarneming",
        "In de buurtapp gaat het over ‘die lui van de nieuwbouw’; de toon is de laatste weken harder.",
        (0, 2, 4, 6),
    ),
    (
        5,
        "waarneming",
        "Ouders op het schoolplein staan in twee groepen; een ouderavond over de ‘gezonde school’ liep uit de hand.",
        (2,),
    ),
    (
        2,
        "duiding",
        "Het gaat minder om de fietsen dan om het gevoel dat de nieuwbouw ‘voorgetrokken’ wordt "
        "(nieuwe speeltuin, € 85.000).",
        (3, 6, 7),
    ),
    (1, "duiding", "Zonder ingrijpen verwacht ik incidenten rond het speelveld; twee jongeren zijn al bekend.", (0,)),
    (
        6,
        "duiding",
        "Een deel van de ouderen voelt zich niet meer thuis; dat is eerder eenzaamheid dan onveiligheid.",
        (2, 5),
    ),
)


@dataclass(frozen=True)
class Demo:
    links: Links
    deelnemers: tuple[int, ...]


def vul(
    dienst: Dienst, buurt: str = "Kanaleneiland-Zuid", datum: date | None = None, aantal: int = len(DEELNEMERS)
) -> Demo:
    """A whole meeting from lobby to closed; returns its links. `aantal`: how many of the
    example people take part (4 gives the small meeting of issue 19)."""
    demo = begin(dienst, buurt, datum, aantal)
    signalen(dienst, demo)
    analyse(dienst, demo)
    aanpak(dienst, demo)
    afronden(dienst, demo)
    notities(dienst, demo)
    return demo


def begin(
    dienst: Dienst, buurt: str = "Kanaleneiland-Zuid", datum: date | None = None, aantal: int = len(DEELNEMERS)
) -> Demo:
    links = dienst.aanmelding.maak(
        buurt, datum or dienst.nu().date(), TEMPLATE, plaats="Buurthuis De Schakel", voorzitter="Eline de Vries"
    )
    ids = tuple(dienst.aanmelding.aanmelden(links.meeting_id, *d) for d in DEELNEMERS[:aantal])
    dienst.aanmelding.aanmelden(links.meeting_id, *NOTULIST, rol="notulist")
    dienst.leiding(links.facilitator_token).start()
    return Demo(links, ids)


def signalen(dienst: Dienst, demo: Demo) -> None:
    """Step 1: signals, split into what was seen (waarneming) and what it means (duiding)."""
    m, t, d = demo.links.meeting_id, demo.links.facilitator_token, demo.deelnemers
    for auteur, soort, tekst, herkenners in SIGNALEN:
        if auteur >= len(d):  # a smaller room (`vul(..., aantal=4)`) brings fewer signals
            continue
        signaal = dienst.deelnemer(m, d[auteur]).signaal("kort-signalen-vraag", soort, tekst)
        for wie in herkenners:
            if wie < len(d):
                dienst.deelnemer(m, d[wie]).herken(signaal)
    dienst.leiding(t).sluit_invoer()


def analyse(dienst: Dienst, demo: Demo) -> None:
    """Steps 2-5: forms, phase (divided, discussed, re-voted), severity and urgency, causes."""
    m, t, d = demo.links.meeting_id, demo.links.facilitator_token, demo.deelnemers
    dienst.leiding(t).volgende()  # verschijningsvormen
    vormen = (
        ["vorm-denken", "vorm-voelen"],
        ["vorm-gedrag"],
        ["vorm-denken", "vorm-voelen"],
        ["vorm-voelen"],
        ["vorm-denken", "vorm-voelen"],
        ["vorm-denken", "vorm-gedrag"],
        ["vorm-voelen"],
        ["vorm-denken", "vorm-voelen"],
    )
    for wie, keuze in zip(d, vormen, strict=False):
        dienst.deelnemer(m, wie).antwoord("kort-vormen-vraag", keuze)
    dienst.leiding(t).onthul()

    dienst.leiding(t).volgende()  # fase: safety and social professionals read it differently
    eerste = (
        "fase-onderhuidse-spanningen",
        "fase-incidenten",
        "fase-ongemak",
        "fase-ongemak",
        "fase-incidenten",
        "fase-ongemak",
        "fase-ongemak",
        "fase-incidenten",
    )
    for wie, fase in zip(d, eerste, strict=False):
        dienst.deelnemer(m, wie).antwoord("kort-fase-vraag", fase)
    dienst.leiding(t).onthul()
    dienst.leiding(t).nieuwe_ronde()
    tweede = (
        "fase-onderhuidse-spanningen",
        "fase-incidenten",
        "fase-onderhuidse-spanningen",
        "fase-onderhuidse-spanningen",
        "fase-onderhuidse-spanningen",
        "fase-onderhuidse-spanningen",
        "fase-ongemak",
        "fase-onderhuidse-spanningen",
    )
    for wie, fase in zip(d, tweede, strict=False):
        dienst.deelnemer(m, wie).antwoord("kort-fase-vraag", fase)
    dienst.leiding(t).onthul()
    dienst.leiding(t).stel_vast(
        "kort-fase-vraag",
        "fase-onderhuidse-spanningen",
        "Na bespreking: de incidenten zijn nog losse voorvallen; de spanning zit vooral onder de oppervlakte.",
    )

    dienst.leiding(t).volgende()  # ernst en urgentie
    for wie, ernst, urgentie in zip(d, (3, 4, 3, 3, 3, 2, 3, 4), (3, 4, 2, 2, 3, 2, 2, 4), strict=False):
        dienst.deelnemer(m, wie).antwoord("kort-ernst-vraag", ernst)
        dienst.deelnemer(m, wie).antwoord("kort-urgentie-vraag", urgentie)
    dienst.leiding(t).onthul()
    dienst.leiding(t).stel_vast("kort-ernst-vraag", "3", "Politie en bewonerscommissie schatten het ernstiger in.")
    dienst.leiding(t).stel_vast(
        "kort-urgentie-vraag",
        None,
        "Politie en bewonerscommissie willen deze week iets zien, welzijn en zorg binnen een paar "
        "maanden. De gemeente neemt het mee naar het wijkoverleg.",
    )

    dienst.leiding(t).volgende()  # oorzaken
    oorzaken = (
        ["oorzaak-a", "oorzaak-b"],
        ["oorzaak-b", "oorzaak-c"],
        ["oorzaak-a", "oorzaak-d"],
        ["oorzaak-a", "oorzaak-e"],
        ["oorzaak-a", "oorzaak-b"],
        ["oorzaak-a", "oorzaak-d"],
        ["oorzaak-d"],
        ["oorzaak-a", "oorzaak-b", "oorzaak-g"],
    )
    for wie, keuze in zip(d, oorzaken, strict=False):
        dienst.deelnemer(m, wie).antwoord("kort-oorzaken-vraag", keuze)
    dienst.leiding(t).onthul()


def aanpak(dienst: Dienst, demo: Demo) -> None:
    """Steps 6-7: dot-voting, chosen and rejected approaches, beleidsdiagnose, three SMART actions."""
    m, t, d = demo.links.meeting_id, demo.links.facilitator_token, demo.deelnemers
    dienst.leiding(t).volgende()  # oplossingsrichtingen, stippen
    stippen = (
        {"richting-1": 2, "richting-2": 1},
        {"richting-4": 2, "richting-3": 1},
        {"richting-1": 1, "richting-2": 2},
        {"richting-3": 3},
        {"richting-1": 3},
        {"richting-2": 2, "richting-3": 1},
        {"richting-1": 1, "richting-2": 1, "richting-7": 1},
        {"richting-1": 2, "richting-4": 1},
    )
    for wie, verdeling in zip(d, stippen, strict=False):
        dienst.deelnemer(m, wie).antwoord("kort-richtingen-stippen", verdeling)
    dienst.leiding(t).onthul()
    richting = dienst.leiding(t).aanpak.kies(
        "richting-1", True, "De spanning zit dicht bij huis: portieken en het speelveld."
    )
    dienst.leiding(t).aanpak.kies("richting-2", True, "Nieuwbouw en oude flat kennen elkaar niet; ontmoeting is nodig.")
    portiek = dienst.leiding(t).aanpak.kies(
        "pv-portiekgesprekken", True, "Past bij de portieken aan de Marnixlaan waar het schuurt."
    )
    dienst.leiding(t).aanpak.kies("richting-4", False, "Nog geen onveiligheid die een veiligheidsaanpak rechtvaardigt.")
    dienst.leiding(t).aanpak.kies(
        "pv-pleingesprekken", False, "Eerst de portieken; het speelveld pakt het jongerenwerk op."
    )
    dienst.leiding(t).aanpak.beleidsdiagnose(
        "richting-1",
        gedekt="Buurtbemiddeling en het buurtteam zijn actief in de wijk.",
        voldoende=False,
        witte_vlekken="Geen aanpak voor de portieken van de nieuwbouw.",
        sectoren="Woonstichting, opbouwwerk, wijkagent",
        betrokken=True,
    )

    dienst.leiding(t).volgende()  # acties
    vandaag = dienst.nu().date()
    dienst.leiding(t).aanpak.actie(
        {
            "wat": "Portiekgesprekken in de Marnixlaan 40-68",
            "resultaat": "Bewoners van nieuwbouw en flat kennen elkaar en maken samen portiekafspraken",
            "wanneer": (vandaag + timedelta(days=42)).isoformat(),
            "activiteit": "Drie avonden, per portiek één gesprek",
            "doelgroep": "Bewoners van de portieken 40-68",
            "uitvoerder": "Buurtteam Welzijn Zuid",
            "coordinator": "Woonstichting De Marnix",
            "terugkoppeling": (vandaag + timedelta(days=49)).isoformat(),
        },
        besluit_id=portiek,
    )
    dienst.leiding(t).aanpak.actie(
        {
            "wat": "Jongerenwerk aanwezig bij het speelveld op vrijdag- en zaterdagavond",
            "resultaat": "Contact met de groep jongeren; minder filmpjes in de buurtapp",
            "wanneer": (vandaag + timedelta(days=14)).isoformat(),
            "activiteit": "Ambulant jongerenwerk, 2 avonden per week",
            "doelgroep": "Jongeren 14-18 bij het speelveld",
            "uitvoerder": "Jongerenwerk Zuid",
            "coordinator": "Politie, wijkagent",
            "terugkoppeling": (vandaag + timedelta(days=28)).isoformat(),
        },
        besluit_id=richting,
    )
    dienst.leiding(t).aanpak.actie(
        {
            "wat": "Gesprek met de beheerders van de buurtapp over de toon",
            "resultaat": "Huisregels in de buurtapp; de beheerders weten wie ze kunnen bellen",
            "wanneer": (vandaag + timedelta(days=21)).isoformat(),
            "activiteit": "Eén gesprek, daarna contact per maand",
            "doelgroep": "Beheerders van de buurtapp",
            "uitvoerder": "Gemeente, wijkbureau Zuidwest",
            "coordinator": "",
            "terugkoppeling": "",
        },
    )
    dienst.leiding(t).aanpak.besluit(
        "De fase wordt over drie maanden opnieuw beoordeeld, met dezelfde partijen.",
        reden="Onderhuidse spanningen kunnen snel omslaan.",
    )


def afronden(dienst: Dienst, demo: Demo) -> None:
    """Step 8: communication agreement and next meeting; then the meeting is closed."""
    t = demo.links.facilitator_token
    dienst.leiding(t).volgende()
    dienst.leiding(t).aanpak.besluit(
        "Geen bericht naar de hele buurt; de woonstichting informeert de bewoners van de portieken "
        "per brief. Aanspreekpunt voor de pers: de wijkmanager.",
        "communicatie",
        reden="Een bericht aan de hele buurt zou de spanning groter maken.",
    )
    vervolg = dienst.nu().date() + timedelta(days=56)
    dienst.leiding(t).aanpak.besluit(
        f"Volgende bijeenkomst op {vervolg:%d-%m-%Y}, 19.30 uur, in buurthuis De Schakel: terugblik op de drie acties.",
        "vervolg",
    )
    dienst.leiding(t).volgende()
    dienst.leiding(t).beeindig()


def notities(dienst: Dienst, demo: Demo) -> None:
    """What the secretary typed during the meeting, and the details corrected afterwards."""
    n = demo.links.secretary_token
    dienst.notulist(n).gegevens(
        begintijd="19:30", eindtijd="21:15", notulist="Joke Hermans", afgemeld="Wijkteam Jeugd (ziek)"
    )
    dienst.notulist(n).notitie(
        0,
        "De signalen gaan vooral over de portieken aan de Marnixlaan en het speelveld. "
        "De wijkagent en de bewonerscommissie zien dezelfde plekken.",
    )
    dienst.notulist(n).notitie(
        2,
        "In de eerste ronde koos de politie ‘incidenten’, welzijn en jongerenwerk ‘ongemak’. "
        "Na het gesprek kwam de zaal uit op onderhuidse spanningen.",
    )
    dienst.notulist(n).notitie(6, "De woonstichting betaalt de zaalhuur voor de portiekgesprekken (ca. € 450).")
    dienst.notulist(n).notitie(
        None,
        "Het overleg ziet onderhuidse spanningen tussen bewoners van de nieuwbouw en de oude "
        "flat aan de Marnixlaan, met het speelveld als tweede brandpunt. De zaal kiest voor "
        "contact dicht bij huis (portiekgesprekken) en ontmoeting; over de urgentie is nog geen "
        "overeenstemming. Drie acties zijn afgesproken; over acht weken volgt de terugblik.",
    )


def vul_groot(
    dienst: Dienst, deelnemers: int = 40, signalen: int = 300, acties: int = 30, buurt: str = "Grote Wijk"
) -> Demo:
    """A large closed meeting for load checks on the minutes: many people, signals and actions."""

    links = dienst.aanmelding.maak(buurt, dienst.nu().date(), TEMPLATE)
    m, t = links.meeting_id, links.facilitator_token
    domeinen = [d for d in DOMEINEN if d != "anders"]
    ids = tuple(
        dienst.aanmelding.aanmelden(
            m,
            f"Deelnemer {i + 1}",
            f"Organisatie {i % 13 + 1} ({domeinen[i % len(domeinen)]})",
            domeinen[i % len(domeinen)],
        )
        for i in range(deelnemers)
    )
    dienst.leiding(t).start()
    # A room writes its signals over the step's minutes, not all in one instant: the domain refuses
    # more than a few a minute per person (sessie.redelijk). Each signal is dated as if one came in
    # every two seconds, starting an hour back, and the service's clock is given back afterwards.
    eenheid = dienst.signalen.eenheid
    klok, begin = eenheid.nu, eenheid.nu() - timedelta(hours=1)
    try:
        for i in range(signalen):
            eenheid.nu = _vast(begin + timedelta(seconds=2 * i))
            soort = "waarneming" if i % 3 else "duiding"
            tekst = (
                f"Signaal {i + 1}: bij de portieken en het speelveld ‘gebeurt’ iets wat bewoners onrustig maakt; "
                f"de één ziet overlast, de ander eenzaamheid (€ {i * 10})." + (" Meer uitleg volgt." * (i % 4))
            )
            sid = dienst.deelnemer(m, ids[i % len(ids)]).signaal("kort-signalen-vraag", soort, tekst)
            if i % 5 == 0:
                dienst.deelnemer(m, ids[(i + 1) % len(ids)]).herken(sid)
    finally:
        eenheid.nu = klok
    fasen = ("fase-ongemak", "fase-onderhuidse-spanningen", "fase-incidenten")
    dienst.leiding(t).volgende()
    for i, wie in enumerate(ids):
        dienst.deelnemer(m, wie).antwoord("kort-vormen-vraag", ["vorm-denken", "vorm-voelen"][: i % 2 + 1])
    dienst.leiding(t).onthul()
    dienst.leiding(t).volgende()
    for i, wie in enumerate(ids):
        dienst.deelnemer(m, wie).antwoord("kort-fase-vraag", fasen[i % 3])
    dienst.leiding(t).onthul()
    dienst.leiding(t).nieuwe_ronde()
    for i, wie in enumerate(ids):
        dienst.deelnemer(m, wie).antwoord("kort-fase-vraag", fasen[1] if i % 5 else fasen[2])
    dienst.leiding(t).onthul()
    dienst.leiding(t).stel_vast("kort-fase-vraag", "fase-onderhuidse-spanningen")
    dienst.leiding(t).volgende()
    for i, wie in enumerate(ids):
        dienst.deelnemer(m, wie).antwoord("kort-ernst-vraag", i % 5 + 1)
        dienst.deelnemer(m, wie).antwoord("kort-urgentie-vraag", (i * 3) % 5 + 1)
    dienst.leiding(t).onthul()
    gekozen = dienst.leiding(t).aanpak.kies("pv-portiekgesprekken", True, "Past bij de portieken.")
    vandaag = dienst.nu().date()
    for i in range(acties):
        dienst.leiding(t).aanpak.actie(
            {
                "wat": f"Actie {i + 1}: gesprek met bewoners van blok {i + 1} over de ‘gedeelde’ ruimte",
                "resultaat": "Afspraken over de portiek, vastgelegd en gedeeld met de woonstichting",
                "wanneer": (vandaag + timedelta(days=7 + i)).isoformat(),
                "activiteit": "Huisbezoeken en één bijeenkomst",
                "doelgroep": f"Bewoners blok {i + 1}",
                "uitvoerder": f"Organisatie {i % 13 + 1}",
                "coordinator": "Gemeente, wijkbureau",
                "terugkoppeling": (vandaag + timedelta(days=21 + i)).isoformat(),
            },
            besluit_id=gekozen if i % 2 else None,
        )
    dienst.leiding(t).aanpak.besluit("Over drie maanden opnieuw bijeen.", "vervolg")
    dienst.leiding(t).beeindig()
    return Demo(links, ids)


def _vast(tijd: datetime) -> Callable[[], datetime]:
    """A clock that stands still at `tijd`."""
    return lambda: tijd

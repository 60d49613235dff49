"""A four-person practice meeting (oefencasus 1) run from lobby to closed through the domain,
the meeting issue 19 measured: every step visited and voted on, the phase question re-voted,
a few signals, decisions and actions. The answers are the simulation's (`simulatie.antwoord`)."""

from __future__ import annotations

from datetime import timedelta

from buurtoverleg.demo import OEFENSJABLOON
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.fouten import Geweigerd
from buurtoverleg.sessie.toestand import Links
from buurtoverleg.simulatie import PERSONAS, SIGNALEN, antwoord


def vier_personen(dienst: Dienst, bezoek: int | None = None, sjabloon: str = OEFENSJABLOON) -> Links:
    """`bezoek`: visit only the first so many steps (the rest stay 'not discussed')."""
    links = dienst.aanmelding.maak(
        "Oefenbuurt", dienst.nu().date(), sjabloon, plaats="Wijkcentrum Het Anker", voorzitter="Inge Wolters"
    )
    m, t = links.meeting_id, links.facilitator_token
    wie = [dienst.aanmelding.aanmelden(m, p.naam, p.organisatie, p.domein) for p in PERSONAS[:4]]
    leiding = dienst.leiding(t)
    leiding.start()
    stappen = dienst.lezen.vergadering(m).stappen
    for stap in stappen[:bezoek]:
        if stap.positie > 0:
            leiding.ga_naar(stap.positie)
        for vraag in stap.vragen:
            if vraag.soort.neemt_signalen:
                for nr, s in enumerate(x for x in SIGNALEN if x.auteur < 4):
                    sid = dienst.deelnemer(m, wie[s.auteur]).signaal(vraag.id, s.soort, s.tekst)
                    for h in s.herkenners:
                        if h < 4 and h != s.auteur:
                            dienst.deelnemer(m, wie[h]).herken(sid)
                    if nr >= 3:
                        break
        rondes = 2 if any(q.id.endswith("fase-vraag") for q in stap.vragen) else 1
        for ronde in range(1, rondes + 1):
            gestemd = False
            for vraag in stap.vragen:
                if not vraag.neemt_stemmen:
                    continue
                for i, d in enumerate(wie):
                    waarde = antwoord(PERSONAS[i], i, vraag, ronde)
                    if waarde is not None:
                        dienst.deelnemer(m, d).antwoord(vraag.id, waarde)
                        gestemd = True
            if gestemd:
                leiding.onthul()
                if ronde < rondes:
                    leiding.nieuwe_ronde()
    vandaag = dienst.nu().date()
    richting = leiding.aanpak.kies("richting-1", True, "Dicht bij huis beginnen.")
    leiding.aanpak.kies("richting-4", False, "Nog geen veiligheidsaanpak nodig.")
    for nr, (wat, uitvoerder) in enumerate(
        (("Gesprek met de bewonerscommissie", "Gemeente, wijkmanager"), ("Jongerenwerk bij het plein", "Politie"))
    ):
        leiding.aanpak.actie(
            {
                "wat": wat,
                "resultaat": "Afspraken die iedereen kent",
                "wanneer": (vandaag + timedelta(days=14 * (nr + 1))).isoformat(),
                "uitvoerder": uitvoerder,
                "terugkoppeling": (vandaag + timedelta(days=28)).isoformat(),
            },
            besluit_id=richting,
        )
    leiding.aanpak.besluit("De fase wordt over drie maanden opnieuw bekeken.", reden="Het kan snel omslaan.")
    leiding.aanpak.besluit("Geen bericht aan de hele buurt.", "communicatie")
    leiding.aanpak.besluit("Volgende bijeenkomst over acht weken, zelfde plek.", "vervolg")
    try:
        leiding.beeindig()
    except Geweigerd:
        pass
    notulist = dienst.notulist(links.secretary_token)
    notulist.notitie(None, "Vier partijen zien spanning rond het plein; de aanpak begint dicht bij huis.")
    notulist.notitie(0, "De signalen gaan vooral over het plein.")
    return links

"""The wording every export shares: section headings, Dutch dates, short descriptions.

Everything here returns plain text; each renderer escapes it for its own format.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..sessie.notulen import (
    Aanwezigheid,
    Actieregel,
    Notulen,
    Optieregel,
    Ronde,
    Signaalregel,
    Stapverslag,
    Vraagverslag,
)
from ..sessie.oordeel import rondenaam

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

TITEL = "Besluitenlijst buurtoverleg"
LEEG = "Geen gegevens vastgelegd"

# The besluitenlijst: numbered sections, in this order, on the first page(s).
SAMENVATTING = "Samenvatting"
BESLUITEN = "Besluiten"
ACTIES = "Actielijst"
TERUGBLIK = "Acties uit het vorige overleg"
COMMUNICATIE = "Communicatie"
VERVOLG = "Volgende bijeenkomst"
KOPPEN = (BESLUITEN, ACTIES, TERUGBLIK, COMMUNICATIE, VERVOLG)

# The appendix: how the meeting went, step by step.
BIJLAGE = "Bijlage: Verloop van het overleg"
VERLOOP = "Verloop per stap"
AANWEZIG = "Aanwezig"
SIGNALEN = "Signalen"
WAARNEMINGEN = "Waarnemingen"
DUIDINGEN = "Duidingen"
OVERIGE_SIGNALEN = "Overige signalen"
AANPAK = "Afgewogen aanpak"
GEKOZEN = "Gekozen oplossingsrichtingen en interventies"
AFGEWEZEN = "Niet gekozen"
BELEID = "Beleidsdiagnose"
NIET_BEHANDELD = "Niet behandeld"
ACTIEKOLOMMEN = ("Nr", "Actie", "Wie", "Wanneer", "Terugkoppeling", "Status")
"""The action list's columns, in PDF and DOCX alike."""


def secties(n: Notulen) -> list[str]:
    """The numbered sections of the besluitenlijst (the review only for a follow-up)."""
    if n.leeg:
        return []
    return [k for k in KOPPEN if k != TERUGBLIK or n.terugblik or n.vorig_overleg]


def aantal(getal: int, enkelvoud: str, meervoud: str) -> str:
    """'1 stip', '2 stippen', '0 signalen': the one place the minutes count things."""
    return f"{getal} {enkelvoud if getal == 1 else meervoud}"


def datum_lang(d: date) -> str:
    return f"{DAGEN[d.weekday()]} {d.day} {MAANDEN[d.month - 1]} {d.year}"


def datum_kort(d: date | None) -> str:
    return f"{d:%d-%m-%Y}" if d else ""


def moment(d: datetime) -> str:
    return f"{d:%d-%m-%Y %H:%M}"


def statusregel(n: Notulen) -> str:
    if n.versie is None:
        return f"Concept, bijgewerkt {moment(n.gemaakt_op)}"
    return f"Definitief, versie {n.versie} van {moment(n.gemaakt_op)}"


def privacyregel(n: Notulen) -> str:
    if n.namen:
        return "Dit verslag noemt de namen van de aanwezigen."
    if n.voorzitter or n.notulist:  # typed by the organiser or the secretary, as the heading asks
        return "Dit verslag noemt van de aanwezigen alleen organisaties en domeinen; voorzitter en notulist staan erin zoals ingevuld."
    return "Dit verslag noemt alleen organisaties en domeinen, geen namen."


def aanwezigregel(n: Notulen) -> str:
    organisaties = {a.organisatie or a.domein for a in n.aanwezig}
    return f"{aantal(n.aantal_aanwezig, 'persoon', 'personen')} van {aantal(len(organisaties), 'organisatie', 'organisaties')}"


def _woorden(tekst: str) -> set[str]:
    return {w for w in re.split(r"[^\w]+", tekst.lower()) if len(w) > 2}


def aanwezige(a: Aanwezigheid) -> str:
    """One line of the attendance: the organisation, its domain only when the organisation's
    name does not already say it ('Politie, basisteam Zuid', not '... , Politie'), the role
    when it is not an ordinary participant, how many, and names when the minutes name people."""
    tekst = a.organisatie or a.domein
    if a.organisatie and a.domein and not (_woorden(a.domein) & _woorden(a.organisatie)):
        tekst += f" ({a.domein.lower()})"
    if a.rol and a.rol.lower() != "deelnemer":
        tekst += f", {a.rol.lower()}"
    if a.namen:
        tekst += ": " + ", ".join(a.namen)
    elif a.aantal > 1:
        tekst += f" ({a.aantal}×)"
    return tekst


def tijdregel(n: Notulen) -> str:
    if n.begintijd and n.eindtijd:
        return f"{n.begintijd} – {n.eindtijd} uur"
    if n.begintijd:
        return f"vanaf {n.begintijd} uur"
    if n.eindtijd:
        return f"tot {n.eindtijd} uur"
    return NIET_INGEVULD


NIET_INGEVULD = "niet ingevuld"
GEEN_AFMELDINGEN = "geen afmeldingen vastgelegd"


def kopgegevens(n: Notulen) -> list[tuple[str, str]]:
    """The heading of the besluitenlijst as (label, text), in PDF and DOCX alike (the buurt is
    the title above it); the attendance itself follows as one line per organisation (`aanwezige`)."""
    paren = [
        ("Overleg", n.template_titel),
        ("Datum", datum_lang(n.datum)),
        ("Tijd", tijdregel(n)),
        ("Plaats", n.plaats or NIET_INGEVULD),
        ("Voorzitter", n.voorzitter or NIET_INGEVULD),
        ("Notulist", n.notulist or NIET_INGEVULD),
        ("Aanwezig", aanwezigregel(n) if n.aanwezig else "niemand aangemeld"),
        ("Afgemeld", "; ".join(filter(None, (n.afgemeld.strip(), *n.afwezig_met_bericht))) or GEEN_AFMELDINGEN),
    ]
    if n.te_laat:
        paren.append(("Te laat", "; ".join(n.te_laat)))
    if n.vorig_overleg:
        paren.append(("Vorig overleg", n.vorig_overleg))
    paren.append(("Status", statusregel(n)))
    return paren


VERTROUWELIJK = "Vertrouwelijk: alleen voor de deelnemers aan dit overleg; niet verder verspreiden."


def voetregel(n: Notulen) -> str:
    delen = [f"Buurtoverleg {n.buurt}", datum_kort(n.datum)]
    if n.vertrouwelijk:
        delen.append("Vertrouwelijk")
    return " · ".join(delen)


def stapkop(s: Stapverslag) -> str:
    return f"Stap {s.nummer}. {s.titel}"


def besproken(s: Stapverslag) -> bool:
    """The room was on this step (the facilitator opened it). A step the meeting skipped is
    not 'discussed', even when the secretary wrote a note on it."""
    return s.status != "nog-niet"


def niet_behandeld(n: Notulen) -> str:
    """'Stap 7 en 8' for the steps the meeting never reached, or ''."""
    nummers = [str(s.nummer) for s in n.stappen if not besproken(s) and not s.notitie]
    if not nummers:
        return ""
    lijst = nummers[0] if len(nummers) == 1 else ", ".join(nummers[:-1]) + " en " + nummers[-1]
    return f"{'Stap' if len(nummers) == 1 else 'Stappen'} {lijst}"


def met_stemmen(v: Vraagverslag) -> list[Optieregel]:
    """The options that got at least one vote in some round; the rest fold into one line."""
    return [o for o in v.opties if any(o.aantallen)]


def zonder_stemmen(v: Vraagverslag) -> str:
    """'Geen stemmen: A, B, C.' for the options nobody chose, or ''."""
    leeg = [o.titel for o in v.opties if not any(o.aantallen)]
    if not leeg:
        return ""
    return f"Geen {v.eenheid}: " + "; ".join(leeg) + "."


def rondekop(v: Vraagverslag, r: Ronde) -> str:
    tekst = f"{rondenaam(r.ronde)} ({v.soort.rondeteller(r.aantal)})"
    if r.samenvatting:
        tekst += f": {r.samenvatting}"
    if not r.getoond:
        tekst += " (niet in de zaal onthuld)"
    return tekst


def uitkomstregel(v: Vraagverslag) -> str:
    if v.overeenstemming is True:
        return f"Vastgesteld: {v.uitkomst}" + (f". {v.toelichting}" if v.toelichting else "")
    if v.overeenstemming is False:
        return "Geen overeenstemming" + (f": {v.toelichting}" if v.toelichting else "")
    return ""


def signaalbron(s: Signaalregel) -> str:
    delen = [s.auteur] if s.auteur else []
    delen.append(s.organisatie or s.domein)
    if s.organisatie and s.domein and s.domein.lower() not in s.organisatie.lower():
        delen.append(s.domein)
    return ", ".join(d for d in delen if d)


def actiedetails(a: Actieregel) -> list[tuple[str, str]]:
    """The SMART parts besides 'wat', as (label, text), only those filled in."""
    return [
        (label, tekst)
        for label, tekst in (
            ("Resultaat", a.resultaat),
            ("Activiteit", a.activiteit),
            ("Doelgroep", a.doelgroep),
            ("Hoort bij", a.interventie),
        )
        if tekst
    ]


def wie(a: Actieregel) -> str:
    return a.uitvoerder + (f" (coördinatie: {a.coordinator})" if a.coordinator else "")

"""The wording every export shares: section headings, Dutch dates, short descriptions.

Everything here returns plain text; each renderer escapes it for its own format.
"""

from __future__ import annotations

from datetime import date, datetime

from ..sessie.notulen import Actieregel, Notulen, Ronde, Signaalregel, Stapverslag, Vraagverslag

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

TITEL = "Verslag buurtoverleg"
LEEG = "Geen gegevens vastgelegd"

# Section headings, in the order the minutes use them.
SAMENVATTING = "Samenvatting"
AANWEZIG = "Aanwezig"
TERUGBLIK = "Terugblik op het vorige overleg"
VERLOOP = "Verloop per stap"
SIGNALEN = "Signalen"
WAARNEMINGEN = "Waarnemingen"
DUIDINGEN = "Duidingen"
AANPAK = "Aanpak"
GEKOZEN = "Gekozen oplossingsrichtingen en interventies"
AFGEWEZEN = "Niet gekozen"
BELEID = "Beleidsdiagnose"
BESLUITEN = "Besluitenlijst"
ACTIES = "Actielijst"
COMMUNICATIE = "Communicatie"
VERVOLG = "Volgende bijeenkomst"

KOPPEN = (SAMENVATTING, AANWEZIG, TERUGBLIK, VERLOOP, SIGNALEN, AANPAK, BESLUITEN, ACTIES, COMMUNICATIE, VERVOLG)


def secties(n: Notulen) -> list[str]:
    """The main sections this meeting's minutes have (the review only for a follow-up)."""
    if n.leeg:
        return []
    return [k for k in KOPPEN if k != TERUGBLIK or n.terugblik or n.vorig_overleg]


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
    return "Dit verslag noemt alleen organisaties en domeinen, geen namen."


def aanwezigregel(n: Notulen) -> str:
    organisaties = {a.organisatie or a.domein for a in n.aanwezig}
    personen = "1 persoon" if n.aantal_aanwezig == 1 else f"{n.aantal_aanwezig} personen"
    return f"{personen} van {len(organisaties)} {'organisatie' if len(organisaties) == 1 else 'organisaties'}"


def voetregel(n: Notulen) -> str:
    delen = [f"Buurtoverleg {n.buurt}", datum_kort(n.datum)]
    if n.vertrouwelijk:
        delen.append("Vertrouwelijk")
    return " · ".join(delen)


def stapkop(s: Stapverslag) -> str:
    return f"Stap {s.positie + 1}. {s.titel}"


def rondekop(v: Vraagverslag, r: Ronde) -> str:
    tekst = f"Ronde {r.ronde} ({v.soort.rondeteller(r.aantal)})"
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

"""Issue 19, 'never fails': every text field the app accepts, filled to its maximum length,
as one unbroken word or as a column of line breaks, still gives a PDF and a DOCX, for the
draft, for a definitive version read back from the database, and for the follow-up meeting
that reviews the actions. ReportLab raised LayoutError on a row taller than a page (a signal
of 80 line breaks, a 4,000-character note, an action's 'wat' of 2,000 characters).

The limits are the domain's own constants, so a raised limit is tested too.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta

import docx
from pypdf import PdfReader

from buurtoverleg.export import bouw_bestand
from buurtoverleg.sessie.aanmelding import MAX_BUURT, MAX_NAAM, MAX_ORGANISATIE
from buurtoverleg.sessie.aanpak import MAX_TEKST, MAX_WIE
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.notuleren import MAX_NOTITIE
from buurtoverleg.sessie.overleggegevens import MAX_AFGEMELD, MAX_PERSOON, MAX_PLAATS
from buurtoverleg.sessie.signalen import MAX_SIGNAAL
from buurtoverleg.sessie.uitslagen import MAX_TOELICHTING
from buurtoverleg.voorbeeld import TEMPLATE


def woord(merk: str, lengte: int) -> str:
    """One unbroken word of exactly `lengte` characters that starts with `merk`."""
    return (merk + "W" * lengte)[:lengte]


def regels(merk: str, lengte: int) -> str:
    """`lengte` characters, every second one a line break, starting with `merk`."""
    tekst = merk + "\nx" * lengte
    return tekst[:lengte].rstrip("\n") + "y" * (lengte - len(tekst[:lengte].rstrip("\n")))


def _pdf(inhoud: bytes) -> tuple[str, int]:
    lezer = PdfReader(io.BytesIO(inhoud))
    return re.sub(r"\s+", "", " ".join(p.extract_text() or "" for p in lezer.pages)), len(lezer.pages)


def _docx(inhoud: bytes) -> str:
    d = docx.Document(io.BytesIO(inhoud))
    delen = [p.text for p in d.paragraphs] + [c.text for tabel in d.tables for rij in tabel.rows for c in rij.cells]
    return re.sub(r"\s+", "", " ".join(delen))


def vol_overleg(dienst: Dienst) -> tuple[int, str, int]:
    """A closed meeting with every field at its maximum, and its follow-up that reviews the
    actions; returns the meeting's id, its secretary token and the follow-up's id."""
    links = dienst.aanmelding.maak(
        woord("BUURT", MAX_BUURT),
        dienst.nu().date(),
        TEMPLATE,
        plaats=woord("PLAATS", MAX_PLAATS),
        voorzitter=woord("VOORZITTER", MAX_PERSOON),
        notulist=woord("NOTULIST", MAX_PERSOON),
    )
    m, t = links.meeting_id, links.facilitator_token
    domeinen = ("politie", "welzijn", "gemeente", "bewoner")
    wie = [
        dienst.aanmelding.aanmelden(
            m,
            woord(f"NAAM{i}", MAX_NAAM),
            woord(f"ORG{i}", MAX_ORGANISATIE) if i % 2 else ("Organisatie met veel woorden " * 9)[:MAX_ORGANISATIE],
            domeinen[i],
        )
        for i in range(4)
    ]
    leiding = dienst.leiding(t)
    leiding.start()
    for i, d in enumerate(wie):  # step 1: signals, as long words, as columns of line breaks, and 80 breaks in 160
        tekst = (woord, regels)[i % 2](f"SIGNAAL{i}", MAX_SIGNAAL) if i < 3 else regels("SIGNAAL3", 160)
        sid = dienst.deelnemer(m, d).signaal("kort-signalen-vraag", "waarneming" if i % 2 else "duiding", tekst)
        dienst.deelnemer(m, wie[(i + 1) % 4]).herken(sid)
    leiding.volgende()
    leiding.volgende()  # step 3: the phase, settled with the longest explanation
    for d, fase in zip(wie, ("fase-ongemak", "fase-incidenten", "fase-ongemak", "fase-ongemak"), strict=True):
        dienst.deelnemer(m, d).antwoord("kort-fase-vraag", fase)
    leiding.onthul()
    leiding.stel_vast("kort-fase-vraag", "fase-ongemak", regels("VASTGESTELD", MAX_TOELICHTING))
    leiding.volgende()
    for d in wie:
        dienst.deelnemer(m, d).antwoord("kort-ernst-vraag", 3)
        dienst.deelnemer(m, d).antwoord("kort-urgentie-vraag", 2)
    leiding.onthul()
    leiding.stel_vast("kort-urgentie-vraag", None, woord("GEENOVEREENSTEMMING", MAX_TOELICHTING))
    aanpak = leiding.aanpak
    gekozen = aanpak.kies("richting-1", True, regels("GEKOZEN", MAX_TEKST))
    aanpak.kies("richting-4", False, woord("AFGEWEZEN", MAX_TEKST))
    aanpak.beleidsdiagnose(
        "richting-1",
        gedekt=regels("GEDEKT", MAX_TEKST),
        voldoende=False,
        witte_vlekken=woord("WITTEVLEKKEN", MAX_TEKST),
        sectoren=regels("SECTOREN", MAX_TEKST),
        betrokken=True,
    )
    aanpak.besluit(regels("BESLUIT", MAX_TEKST), reden=woord("REDEN", MAX_TEKST))
    aanpak.besluit(woord("COMMUNICATIE", MAX_TEKST), "communicatie", reden=regels("WAAROM", MAX_TEKST))
    aanpak.besluit(regels("VERVOLG", MAX_TEKST), "vervolg")
    vandaag = dienst.nu().date()
    for i, vorm in enumerate((regels, woord)):
        aanpak.actie(
            {
                "wat": vorm(f"WAT{i}", MAX_TEKST),
                "resultaat": vorm(f"RESULTAAT{i}", MAX_TEKST),
                "activiteit": vorm(f"ACTIVITEIT{i}", MAX_TEKST),
                "doelgroep": vorm(f"DOELGROEP{i}", MAX_TEKST),
                "uitvoerder": vorm(f"UITVOERDER{i}", MAX_WIE),
                "coordinator": vorm(f"COORDINATOR{i}", MAX_WIE),
                "wanneer": (vandaag + timedelta(days=7)).isoformat(),
                "terugkoppeling": (vandaag + timedelta(days=14)).isoformat(),
            },
            besluit_id=gekozen,
        )
    leiding.beeindig()
    notulist = dienst.notulist(links.secretary_token)
    notulist.namen_in_notulen(True)
    notulist.gegevens(afgemeld=regels("AFGEMELD", MAX_AFGEMELD), begintijd="19:30", eindtijd="21:15")
    notulist.notitie(None, woord("SAMENVATTING", MAX_NOTITIE))
    stappen = len(dienst.lezen.vergadering(m).stappen)
    for positie in range(stappen):  # a note on every step, also the ones the room never reached
        notulist.notitie(positie, (regels, woord)[positie % 2](f"NOTITIE{positie}", MAX_NOTITIE))

    vervolg = dienst.aanmelding.maak("Vervolg", vandaag, TEMPLATE, m)
    for i, actie in enumerate(dienst.lezen.te_beoordelen(vervolg.meeting_id)):  # the review, longest remark
        dienst.leiding(vervolg.facilitator_token).aanpak.beoordeel_actie(
            actie.id, "bijsturen", (regels, woord)[i % 2](f"BEOORDEELD{i}", MAX_TEKST)
        )
    return m, links.secretary_token, vervolg.meeting_id


def test_elk_veld_op_zijn_maximum_geeft_een_pdf_en_een_docx(dienst):
    m, notulist, vervolg = vol_overleg(dienst)
    concept = dienst.lezen.notulen(m)
    assert len(concept.acties) == 2 and concept.samenvatting and all(s.notitie for s in concept.stappen)
    nummer = dienst.notulist(notulist).maak_definitief()
    definitief = dienst.lezen.notulen_versie(m, nummer)
    merken = ["BUURT", "PLAATS", "VOORZITTER", "NOTULIST", "AFGEMELD", "SAMENVATTING", "BESLUIT", "REDEN"]
    merken += ["COMMUNICATIE", "WAAROM", "VERVOLG", "GEKOZEN", "AFGEWEZEN", "GEDEKT", "WITTEVLEKKEN", "SECTOREN"]
    merken += ["VASTGESTELD", "GEENOVEREENSTEMMING", *(f"SIGNAAL{i}" for i in range(4))]
    merken += [f"{veld}{i}" for i in range(2) for veld in ("WAT", "RESULTAAT", "UITVOERDER", "COORDINATOR")]
    merken += [f"NOTITIE{p}" for p in range(len(concept.stappen))] + ["NAAM0", "ORG1"]
    for notulen in (concept, definitief):
        tekst, paginas = _pdf(bouw_bestand(notulen, "pdf"))
        assert paginas > 20 and f"pagina{paginas}van{paginas}" in tekst
        assert "…pagina1van" in tekst  # the 120-character buurt is cut short before the page number
        woorden = _docx(bouw_bestand(notulen, "docx"))
        for merk in merken:
            assert merk in tekst, merk
            assert merk in woorden, merk

    # the follow-up reviews both actions, with the longest remark
    vervolgnotulen = dienst.lezen.notulen(vervolg)
    assert len(vervolgnotulen.terugblik) == 2
    tekst, _ = _pdf(bouw_bestand(vervolgnotulen, "pdf"))
    woorden = _docx(bouw_bestand(vervolgnotulen, "docx"))
    for merk in ("WAT0", "WAT1", "BEOORDEELD0", "BEOORDEELD1"):
        assert merk in tekst and merk in woorden, merk

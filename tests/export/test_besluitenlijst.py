"""Issue 19: the minutes in the shape of a Dutch besluitenlijst, read back from the PDF page by
page (pypdf) and from the DOCX: decisions and actions first, the appendix after, only the
steps the room was on, counts in the right number, the same step numbers in every format."""

from __future__ import annotations

import io
import json
import re

import docx
from pypdf import PdfReader

from buurtoverleg.export import bouw_bestand
from buurtoverleg.export import tekst as t
from buurtoverleg.voorbeeld import vul
from tests.export.vier import vier_personen


def _paginas(inhoud: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(io.BytesIO(inhoud)).pages]


def _docxtekst(inhoud: bytes) -> str:
    """Paragraphs and tables in document order (python-docx lists them apart)."""
    d = docx.Document(io.BytesIO(inhoud))
    delen = []
    for blok in d.element.body.iterchildren():
        delen.append("".join(x.text or "" for x in blok.iter() if x.tag.endswith("}t")))
    return re.sub(r"\s+", " ", " ".join(delen))


def _vlak(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst)


def test_demo_heeft_besluiten_en_actielijst_op_de_eerste_twee_paginas(dienst):
    demo = vul(dienst)
    n = dienst.lezen.notulen(demo.links.meeting_id)
    paginas = _paginas(bouw_bestand(n, "pdf"))
    voorin = " ".join(paginas[:2])
    assert "1. Besluiten" in voorin and "2. Actielijst" in voorin
    assert len(n.besluiten) == 7 and len(n.acties) == 3
    for besluit in n.besluiten:
        assert _vlak(besluit.tekst) in voorin, besluit.tekst
    for actie in n.acties:
        assert _vlak(actie.wat) in voorin and t.datum_kort(actie.wanneer) in voorin, actie.wat
    # the action table's columns, as a municipality lists them
    assert "Nr Actie Wie Wanneer Terugkoppeling Status" in voorin
    # the appendix comes after the besluitenlijst, and holds the record of the steps
    alles = " ".join(paginas)
    assert alles.find(f"4. {t.VERVOLG}") < alles.find(t.BIJLAGE) < alles.find("Stap 3. Fase van polarisatie")
    assert "Stap 3. Fase van polarisatie" not in voorin
    print(f"\ndemo: {len(paginas)} pagina's")


def test_vier_personen_hooguit_vier_paginas_met_bijlage(dienst):
    links = vier_personen(dienst)
    n = dienst.lezen.notulen(links.meeting_id)
    assert n.aantal_aanwezig == 4 and all(t.besproken(s) for s in n.stappen)
    paginas = _paginas(bouw_bestand(n, "pdf"))
    print(f"\nvier personen, {len(n.stappen)} stappen: {len(paginas)} pagina's")
    assert len(paginas) <= 4
    tekst = " ".join(paginas)
    assert t.BIJLAGE in tekst and f"Stap {len(n.stappen)}." in tekst
    # the heading: place and chair from creating the meeting, the times recorded at start and end
    for stukje in ("Plaats Wijkcentrum Het Anker", "Voorzitter Inge Wolters", "Tijd 20:00 – 20:00 uur"):
        assert stukje in tekst, stukje
    # options nobody chose are folded into one line instead of a bar each
    assert "Geen stemmen:" in tekst


def test_alleen_stappen_waar_de_zaal_was_heten_besproken(dienst):
    links = vier_personen(dienst, bezoek=3)
    n = dienst.lezen.notulen(links.meeting_id)
    niet = [s for s in n.stappen if not t.besproken(s)]
    assert niet and all(s.nummer > 3 for s in niet)
    gesprek = [v.vraag for s in niet for v in s.vragen if v.soort.alleen_gesprek]
    assert gesprek, "the practice template ends with a discussion step"
    tekst = " ".join(_paginas(bouw_bestand(n, "pdf")))
    woorden = _docxtekst(bouw_bestand(n, "docx"))
    for vraag in gesprek:
        assert _vlak(vraag) not in tekst and _vlak(vraag) not in woorden
    nummers = [str(s.nummer) for s in niet]
    regel = f"{t.NIET_BEHANDELD}: stappen {', '.join(nummers[:-1])} en {nummers[-1]}."
    assert regel in tekst and regel in woorden
    for s in niet:
        assert t.stapkop(s) not in tekst


def test_enkelvoud_en_meervoud(dienst, overleg):
    assert [t.aantal(k, "stip", "stippen") for k in (0, 1, 2)] == ["0 stippen", "1 stip", "2 stippen"]
    m = overleg.meeting_id
    a = dienst.aanmelding.aanmelden(m, "Ans", "Politie", "politie")
    dienst.leiding(overleg.facilitator_token).start()
    dienst.leiding(overleg.facilitator_token).ga_naar(2)
    dienst.deelnemer(m, a).signaal("test-signalen", "waarneming", "Eén signaal")
    n = dienst.lezen.notulen(m)
    tekst = " ".join(_paginas(bouw_bestand(n, "pdf")))
    assert "1 signaal ingebracht: 1 waarneming, 0 duidingen." in tekst
    assert "1 personen" not in tekst and "1 persoon van 1 organisatie" in tekst
    assert "1 signaal ingebracht: 1 waarneming, 0 duidingen." in _docxtekst(bouw_bestand(n, "docx"))


def test_stapnummers_gelijk_in_pdf_docx_en_json(dienst):
    demo = vul(dienst)
    n = dienst.lezen.notulen(demo.links.meeting_id)
    archief = json.loads(bouw_bestand(n, "json"))
    fase = next(s for s in n.stappen if any(v.id == "kort-fase-vraag" for v in s.vragen))
    kop = f"Stap {fase.nummer}. {fase.titel}"
    assert kop in " ".join(_paginas(bouw_bestand(n, "pdf"))) and kop in _docxtekst(bouw_bestand(n, "docx"))
    assert [s["nummer"] for s in archief["stappen"]] == list(range(1, len(n.stappen) + 1))
    assert {a["stap"] for a in archief["antwoorden"] if a["vraag_id"] == "kort-fase-vraag"} == {fase.nummer}


def test_docx_volgt_de_opbouw_van_de_pdf(dienst):
    demo = vul(dienst)
    n = dienst.lezen.notulen(demo.links.meeting_id)
    pdf = " ".join(_paginas(bouw_bestand(n, "pdf")))
    woorden = _docxtekst(bouw_bestand(n, "docx"))
    volgorde = [
        "Voorzitter",
        "Afgemeld",
        t.SAMENVATTING,
        f"1. {t.BESLUITEN}",
        f"2. {t.ACTIES}",
        f"3. {t.COMMUNICATIE}",
        f"4. {t.VERVOLG}",
        t.BIJLAGE,
        "Stap 1.",
        "Stap 3. Fase van polarisatie",
        t.AANPAK,
    ]
    for tekst in (pdf, woorden):
        plekken = [tekst.find(kop) for kop in volgorde]
        assert -1 not in plekken and plekken == sorted(plekken), list(zip(volgorde, plekken, strict=True))
    for kolom in t.ACTIEKOLOMMEN:
        assert kolom in woorden

"""The duidingsbeeld in the minutes: the same words and picture as the beamer, read back."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from buurtoverleg.export import bouw_bestand
from buurtoverleg.sessie.notulen import Notulen

ARTEFACTEN = Path(__file__).resolve().parents[2] / "test-artefacten"


def _pdftekst(inhoud: bytes) -> str:
    lezer = PdfReader(io.BytesIO(inhoud))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in lezer.pages))


def test_pdf_toont_het_beeld_per_domein_en_beide_rondes(dienst, overleg):
    m, t = overleg.meeting_id, overleg.facilitator_token
    zaal = [
        dienst.aanmelding.aanmelden(m, "Agent", "Politie", "politie"),
        dienst.aanmelding.aanmelden(m, "Opbouw", "Buurtteam", "welzijn"),
        dienst.aanmelding.aanmelden(m, "Jongeren", "JoU", "jongerenwerk"),
        dienst.aanmelding.aanmelden(m, "Wijk", "Gemeente", "gemeente"),
    ]
    dienst.leiding(t).start()
    eerste = ("fase-incidenten", "fase-ongemak", "fase-onderhuidse-spanningen", "fase-onderhuidse-spanningen")
    for wie, fase in zip(zaal, eerste, strict=True):
        dienst.deelnemer(m, wie).antwoord("test-fase", fase)
    dienst.leiding(t).onthul()
    dienst.leiding(t).nieuwe_ronde()
    tweede = ("fase-incidenten", "fase-onderhuidse-spanningen", "fase-onderhuidse-spanningen", "fase-ongemak")
    for wie, fase in zip(zaal, tweede, strict=True):
        dienst.deelnemer(m, wie).antwoord("test-fase", fase)
    dienst.leiding(t).onthul()

    n = dienst.lezen.notulen(m)
    (vraag,) = n.stappen[0].vragen
    beeld = vraag.beeld
    assert beeld is not None and [r.ronde for r in beeld.rondes] == [1, 2]
    assert beeld == dienst.lezen.beelden(m, 0)["test-fase"], "the paper draws what the beamer drew"
    assert Notulen.from_dict(n.to_dict()) == n, "a final version keeps its picture"

    inhoud = bouw_bestand(n, "pdf")
    tekst = _pdftekst(inhoud)
    ARTEFACTEN.mkdir(exist_ok=True)  # for looking at it: pdftoppm renders pages 1-2
    pdf = ARTEFACTEN / "notulen-duidingsbeeld.pdf"
    pdf.write_bytes(inhoud)
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "2", str(pdf), str(pdf.with_suffix(""))], check=False
    )
    for zin in (r.zin for r in beeld.rondes):
        assert zin in tekst
    assert (
        "Politie ziet incidenten, Gemeente en Jongerenwerk onderhuidse spanningen, Welzijn / opbouwwerk ongemak: twee fasen verschil"
        in tekst
    )
    assert "Ronde 1 verdeeld" in tekst and "Ronde 2 verdeeld" in tekst, "each round of the picture has its heading"
    for domein in ("Politie", "Welzijn / opbouwwerk", "Jongerenwerk", "Gemeente"):
        assert tekst.count(domein) >= 2, domein
    assert "(2 anders)" not in tekst and "(1 anders)" in tekst, "welzijn and gemeente each moved once"
    assert "Agent" not in tekst, "no names unless the minutes name people"


def test_pdf_noemt_welke_signalen_de_zaal_herkent(dienst, overleg):
    m, t = overleg.meeting_id, overleg.facilitator_token
    agent = dienst.deelnemer(m, dienst.aanmelding.aanmelden(m, "Agent", "Politie", "politie"))
    opbouw = dienst.deelnemer(m, dienst.aanmelding.aanmelden(m, "Opbouw", "Buurtteam", "welzijn"))
    dienst.leiding(t).start()
    dienst.leiding(t).volgende()
    dienst.leiding(t).volgende()
    gedeeld = agent.signaal("test-signalen", "waarneming", "Meer meldingen in de buurtapp")
    opbouw.herken(gedeeld)
    agent.signaal("test-signalen", "duiding", "Incidenten rond het speelveld verwacht")
    splijt = opbouw.signaal("test-signalen", "duiding", "Eenzaamheid, geen onveiligheid")
    agent.herken_niet(splijt)

    n = dienst.lezen.notulen(m)
    assert n.herkenning == dienst.lezen.herkenning(m)
    assert Notulen.from_dict(n.to_dict()) == n
    tekst = _pdftekst(bouw_bestand(n, "pdf"))
    assert "Herkenning van de signalen per domein" in tekst
    i, j, k = (
        tekst.index(s)
        for s in ("Splitst de zaal (1)", "Door alle domeinen herkend (1)", "Alleen gezien door één domein (1)")
    )
    assert i < j < k, "the signals that split the room first"
    assert "Eenzaamheid, geen onveiligheid (herkend door Welzijn / opbouwwerk; niet door Politie)" in tekst
    assert "Incidenten rond het speelveld verwacht (alleen gezien door Politie)" in tekst

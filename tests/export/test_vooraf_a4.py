"""The A4 per member (issue 17): one page each, what the member wrote as text (never markup),
and still one page when every answer is as long as allowed."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from buurtoverleg.export.pdfvooraf import a4_pdf
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.vooraf import MAX_ANTWOORD

DEADLINE = datetime(2026, 11, 27, 17, 0)


def _tekst(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_een_pagina_per_lid_met_haar_eigen_antwoorden(dienst: Dienst, tmp_path: Path):
    links = dienst.aanmelding.maak("Overvecht", date(2026, 11, 30), "test-kort")
    m, t = links.meeting_id, links.facilitator_token
    dienst.vooraf.open(t, DEADLINE)
    ayse = dienst.aanmelding.aanmelden(m, "Ayşe Yılmaz", "Politie Overvecht", "politie")
    kees = dienst.aanmelding.aanmelden(m, "Kees", "", "gemeente")
    dienst.vooraf.bewaar(
        m,
        ayse,
        {"bob-beeld-gebeurd": "<b>Ruit</b> ingegooid & een tag op de muur.", "bob-oordeel-ernst": "Ernstig."},
        {"test-fase": "fase-incidenten", "test-ernst": 4, "test-vormen": []},
        inleveren=True,
    )
    vol = {v: "x" * (MAX_ANTWOORD - 10) + " einde" for v in _vragen(dienst, m)}
    dienst.vooraf.bewaar(m, kees, vol, {"test-fase": "fase-rust"}, inleveren=True)
    dienst.leiding(t).start()  # the pre-round is over: the facilitator may read every page

    eigen = a4_pdf([dienst.vooraf.a4(m, ayse)])
    (pagina,) = _tekst(eigen)
    assert "Vooraf: Ayşe Yılmaz" in pagina and "Politie Overvecht · Politie" in pagina
    assert "<b>Ruit</b> ingegooid & een tag op de muur." in pagina, "typed markup prints as typed"
    assert "Wat is er gebeurd?" in pagina and "Hoe ernstig en hoe dringend is het?" in pagina
    assert "incidenten" in pagina.lower() and "4" in pagina and "geen van deze" in pagina
    assert "(niet ingevuld)" in pagina, "an unanswered question says so"

    alle = a4_pdf(dienst.vooraf.alle_a4(t))
    paginas = _tekst(alle)
    assert len(paginas) == 2, "one page per member, also with every answer at full length"
    assert "Vooraf: Kees" in paginas[1] and paginas[1].count("einde") == len(vol)
    (tmp_path / "a4.pdf").write_bytes(alle)
    (tmp_path / "eigen.pdf").write_bytes(eigen)


def _vragen(dienst: Dienst, m: int) -> list[str]:
    stand = dienst.vooraf.stand(m)
    assert stand is not None
    return [v.id for g in stand.groepen for v in g.vragen]

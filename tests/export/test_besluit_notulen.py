"""Issue 18 in the minutes: a secretary's correction is what the PDF prints, and a chosen
direction carries the dots the room gave it."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from buurtoverleg.export import bouw_bestand
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.voorbeeld import vul
from tests.sessie.test_aanpak import _actie


def _pdftekst(inhoud: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(inhoud)).pages))


def test_de_correctie_van_de_notulist_staat_in_de_pdf(dienst: Dienst, overleg):  # type: ignore[no-untyped-def]
    m = overleg.meeting_id
    actie = dienst.leiding(overleg.facilitator_token).aanpak.actie(_actie(wat="Schouw in de Vechtstraat"))
    afspraak = dienst.leiding(overleg.facilitator_token).aanpak.besluit("Bewonersbrief in week 3", "communicatie")
    notulist = dienst.notulist(overleg.secretary_token).aanpak
    notulist.wijzig_actie(actie, _actie(wat="Schouw in de Vechtstraat met de wijkagent", uitvoerder="Politie"))
    notulist.wijzig_besluit(afspraak, "Bewonersbrief in week 4")
    pdf = _pdftekst(bouw_bestand(dienst.lezen.notulen(m), "pdf"))
    assert "Schouw in de Vechtstraat met de wijkagent" in pdf
    assert "Bewonersbrief in week 4" in pdf
    assert "Bewonersbrief in week 3" not in pdf


def test_gekozen_richting_met_de_stippen_van_de_zaal(dienst: Dienst):  # type: ignore[no-untyped-def]
    demo = vul(dienst)  # the demo's dots: richting-1 gets 2+1+3+1+2 = 9, richting-2 gets 1+2+2+1 = 6
    n = dienst.lezen.notulen(demo.links.meeting_id)
    gekozen = [b.tekst for b in n.besluiten if b.soort == "Gekozen aanpak"]
    titel1, titel2 = dienst.catalogus.titel("richting-1"), dienst.catalogus.titel("richting-2")
    assert any(t.endswith(f"{titel1} (9 stippen van de zaal)") for t in gekozen), gekozen
    assert any(t.endswith(f"{titel2} (6 stippen van de zaal)") for t in gekozen), gekozen
    (voorbeeld,) = [t for t in gekozen if "Portiekgesprekken" in t]
    assert "stip" not in voorbeeld  # nobody put dots on an example
    assert "(9 stippen van de zaal)" in _pdftekst(bouw_bestand(n, "pdf"))

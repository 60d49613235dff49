"""The secretary (or facilitator) corrects attendance; the minutes show the latest state and
the change log keeps who set it and when (issue 18, part 3)."""

from __future__ import annotations

import io
import re
from datetime import time

import docx
import pytest
from pypdf import PdfReader

from buurtoverleg.export import bouw_bestand
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.fouten import ALLEEN_NOTULIST, Geweigerd, NietGevonden
from tests.conftest import Nepklok


def _pdftekst(inhoud: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(inhoud)).pages))


def _docxtekst(inhoud: bytes) -> str:
    d = docx.Document(io.BytesIO(inhoud))
    return re.sub(
        r"\s+",
        " ",
        " ".join(
            "".join(x.text or "" for x in b.iter() if x.tag.endswith("}t")) for b in d.element.body.iterchildren()
        ),
    )


def test_te_laat_en_afgemeld_staan_in_de_notulen_met_wie_het_zette(
    dienst: Dienst, overleg, klok: Nepklok, gebeurtenissen
):  # type: ignore[no-untyped-def]
    m = overleg.meeting_id
    agent = dienst.aanmelding.aanmelden(m, "Sanne", "Politie Midden-Nederland", "politie")
    opbouw = dienst.aanmelding.aanmelden(m, "Karim", "Opbouwwerk Overvecht", "welzijn")
    dienst.aanmelding.aanmelden(m, "Els", "Woonstichting De Marnix", "woningcorporatie")

    dienst.notulist(overleg.secretary_token).aanwezigheid.zet(agent, "te-laat", "19:50")
    assert gebeurtenissen[-1].soort == "deelnemers"  # console and secretary page redraw the list
    klok.verder(120)
    dienst.leiding(overleg.facilitator_token).aanwezigheid.zet(opbouw, "afgemeld")

    n = dienst.lezen.notulen(m)
    assert n.te_laat == ("Politie Midden-Nederland — binnen om 19:50",)
    assert n.afwezig_met_bericht == ("Opbouwwerk Overvecht",)
    assert n.aantal_aanwezig == 2  # absent with notice is not counted as present
    assert "Opbouwwerk Overvecht" not in {a.organisatie for a in n.aanwezig}
    deelnemers = {d.id: d for d in dienst.lezen.vergadering(m).deelnemers}
    assert (deelnemers[agent].aanwezigheid, deelnemers[agent].aankomst) == ("te-laat", time(19, 50))

    spoor = [(w.onderwerp, w.onderwerp_id, w.rol) for w in dienst.lezen.wijzigingen(m)]
    assert spoor == [("aanwezigheid", agent, "notulist"), ("aanwezigheid", opbouw, "gespreksleider")]
    assert dienst.lezen.laatste_wijzigingen(m)[("aanwezigheid", opbouw)].op == klok.tijd

    pdf = _pdftekst(bouw_bestand(n, "pdf"))
    assert "Te laat Politie Midden-Nederland — binnen om 19:50" in pdf
    assert "Afgemeld Opbouwwerk Overvecht" in pdf
    assert "Te laat" in _docxtekst(bouw_bestand(n, "docx"))

    # the latest state wins: back to present, and the typed apologies stay apart from it
    dienst.notulist(overleg.secretary_token).aanwezigheid.zet(opbouw, "aanwezig")
    dienst.notulist(overleg.secretary_token).gegevens(afgemeld="Jongerenwerk (ziek)")
    n = dienst.lezen.notulen(m)
    assert (n.afwezig_met_bericht, n.afgemeld, n.aantal_aanwezig) == ((), "Jongerenwerk (ziek)", 3)


def test_namen_alleen_als_de_notulen_namen_noemen(dienst: Dienst, overleg):  # type: ignore[no-untyped-def]
    m = overleg.meeting_id
    agent = dienst.aanmelding.aanmelden(m, "Sanne", "Politie", "politie")
    notulist = dienst.notulist(overleg.secretary_token)
    notulist.aanwezigheid.zet(agent, "te-laat")
    assert dienst.lezen.notulen(m).te_laat == ("Politie",)  # no time given, no name by default
    notulist.namen_in_notulen(True)
    assert dienst.lezen.notulen(m).te_laat == ("Sanne (Politie)",)


def test_foute_invoer_verandert_niets(dienst: Dienst, overleg):  # type: ignore[no-untyped-def]
    m = overleg.meeting_id
    agent = dienst.aanmelding.aanmelden(m, "Sanne", "Politie", "politie")
    notulist = dienst.notulist(overleg.secretary_token).aanwezigheid
    with pytest.raises(Geweigerd, match=r"De aankomsttijd is geen tijd\. Schrijf het als 19:30\."):
        notulist.zet(agent, "te-laat", "half acht")
    with pytest.raises(Geweigerd, match=r"Kies: aanwezig, te laat of afwezig met bericht\."):
        notulist.zet(agent, "weg")
    ander = dienst.aanmelding.maak("Elders", overleg_datum := dienst.lezen.vergadering(m).datum, "test-kort")
    vreemde = dienst.aanmelding.aanmelden(ander.meeting_id, "Piet", "Gemeente", "gemeente")
    with pytest.raises(NietGevonden):
        notulist.zet(vreemde, "afgemeld")
    with pytest.raises(Geweigerd, match=ALLEEN_NOTULIST):
        dienst.notulist(overleg.facilitator_token).aanwezigheid.zet(agent, "afgemeld")
    assert overleg_datum
    assert dienst.lezen.vergadering(m).deelnemers[0].aanwezigheid == "aanwezig"
    assert dienst.lezen.wijzigingen(m) == []

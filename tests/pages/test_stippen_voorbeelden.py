"""Issue 18 on the pages: a phone sees the praktijkvoorbeelden the advice proposes, each with
what it is, and puts its dots on them; the beamer shows the proposals while the room votes
and the dots on them after the reveal."""

from __future__ import annotations

import asyncio
from datetime import date

from nicegui.testing import User

from buurtoverleg.appcontext import Context
from tests.pages.hulp import LIVE, klik, meedoen

STAP = 13  # "Praktijkvoorbeelden kiezen" in tpl-analyse-polarisatie
VRAAG = "analyse-praktijkvoorbeelden-stippen"


async def test_telefoon_verdeelt_stippen_over_de_voorgestelde_voorbeelden_en_de_beamer_toont_ze(  # type: ignore[no-untyped-def]
    user: User, create_user, app: Context
):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-analyse-polarisatie")
    m, t = links.meeting_id, links.facilitator_token
    telefoon = create_user()
    await meedoen(telefoon, links.join_code, "Sanne", "Gemeente")
    ander = dienst.aanmelding.aanmelden(m, "Kees", "", "politie")
    leiding = dienst.leiding(t)
    await asyncio.to_thread(leiding.start)
    await asyncio.to_thread(leiding.ga_naar, 3)
    await asyncio.to_thread(leiding.stel_vast, "analyse-fase-vraag", "fase-onderhuidse-spanningen")
    await asyncio.to_thread(leiding.ga_naar, 7)
    await asyncio.to_thread(leiding.stel_vast, "analyse-oorzaken-vraag", "oorzaak-b")
    beamer = user
    await beamer.open(f"/scherm/{links.projector_token}")
    await asyncio.to_thread(leiding.ga_naar, STAP)

    stap = dienst.lezen.vergadering(m).stappen[STAP]
    (vraag,) = [v for v in stap.vragen if v.id == VRAAG]
    opties = vraag.opties
    assert len(opties) == 6 and all(o.omschrijving for o in opties)

    # the phone: every proposed example with its one sentence, and a + and - for each
    await telefoon.should_see(vraag.vraag, retries=LIVE)
    for optie in opties:
        await telefoon.should_see(optie.titel, retries=LIVE)
        await telefoon.should_see(optie.omschrijving, retries=LIVE)
    gekozen, ook = opties[3], opties[0]
    for _ in range(2):
        await klik(telefoon, marker=f"meer-{gekozen.id}")
    await klik(telefoon, marker=f"meer-{ook.id}")
    await telefoon.should_see("Nog 0 van 3 stippen te verdelen", retries=LIVE)
    await klik(telefoon, "Versturen")
    await telefoon.should_see("Ontvangen", retries=LIVE)
    (sanne,) = [d for d in dienst.lezen.vergadering(m).deelnemers if d.naam == "Sanne"]
    assert dienst.deelnemer(m, sanne.id).mijn_antwoorden()[VRAAG] == {ook.id: 1, gekozen.id: 2}
    await asyncio.to_thread(dienst.deelnemer(m, ander).antwoord, VRAAG, {gekozen.id: 3})

    # while the room votes the beamer shows the proposals, without dots (they are not shown yet)
    await beamer.should_see(marker="adviesbeeld", retries=LIVE)
    await beamer.should_see("2 van 2 hebben geantwoord", retries=LIVE)
    await beamer.should_see(opties[0].omschrijving, retries=LIVE)
    await beamer.should_not_see(marker=f"stippen-{gekozen.id}", retries=5)

    # after the reveal: the example with the most dots on top of the wall, with its count
    await asyncio.to_thread(leiding.onthul)
    await beamer.should_see("● 5 stippen", retries=LIVE)
    await beamer.should_see(marker=f"stippen-{gekozen.id}", retries=LIVE)
    await beamer.should_see(gekozen.titel, retries=LIVE)
    await beamer.should_see(gekozen.omschrijving, retries=LIVE)
    await beamer.should_see("● 1 stip", retries=LIVE)  # the example that got the phone's one dot
    assert [v.id for v in dienst.lezen.besluitbeeld(m).voorbeelden][:2] == [gekozen.id, ook.id]

    # chosen, it carries the room's dots into the minutes
    await asyncio.to_thread(leiding.aanpak.kies, gekozen.id, True, "de meeste stippen")
    await beamer.should_see("Gekozen", retries=LIVE)
    gekozen_regels = [b.tekst for b in dienst.lezen.notulen(m).besluiten if b.soort == "Gekozen aanpak"]
    assert gekozen_regels == [f"Praktijkvoorbeeld: {gekozen.titel} (5 stippen van de zaal)"]


async def test_een_concept_op_een_voorstel_dat_verdween_telt_niet_mee(user: User, app: Context) -> None:
    """The step opened before the analysis (general examples); nobody voted, so entering it
    again after the analysis makes the list afresh. A phone's unsent dot on an example that
    left the list no longer counts: all three dots are free again."""
    dienst = app.dienst
    links = dienst.aanmelding.maak("Overvecht", date(2026, 12, 2), "tpl-analyse-polarisatie")
    m, leiding = links.meeting_id, dienst.leiding(links.facilitator_token)
    await meedoen(user, links.join_code, "Sanne", "Gemeente")
    await asyncio.to_thread(leiding.start)
    await asyncio.to_thread(leiding.ga_naar, STAP)
    vroeg = [o.id for v in dienst.lezen.vergadering(m).stappen[STAP].vragen if v.id == VRAAG for o in v.opties]
    await user.should_see("Nog 3 van 3 stippen te verdelen", retries=LIVE)
    for optie in vroeg:  # one unsent dot on each of three early proposals: a draft, kept on the phone
        await klik(user, marker=f"meer-{optie}")
        if optie == vroeg[2]:
            break
    await user.should_see("Nog 0 van 3 stippen te verdelen", retries=LIVE)

    await asyncio.to_thread(leiding.ga_naar, 3)
    await asyncio.to_thread(leiding.stel_vast, "analyse-fase-vraag", "fase-onderhuidse-spanningen")
    await asyncio.to_thread(leiding.ga_naar, 7)
    await asyncio.to_thread(leiding.stel_vast, "analyse-oorzaken-vraag", "oorzaak-b")
    await asyncio.to_thread(leiding.ga_naar, STAP)
    nu = [o.id for v in dienst.lezen.vergadering(m).stappen[STAP].vragen if v.id == VRAAG for o in v.opties]
    over = [i for i in vroeg[:3] if i in nu]
    assert nu != vroeg and len(over) < 3  # the list was made afresh and pushed a drafted example out
    await user.should_see(marker=f"meer-{nu[0]}", retries=LIVE)
    await user.should_see(f"Nog {3 - len(over)} van 3 stippen te verdelen", retries=LIVE)

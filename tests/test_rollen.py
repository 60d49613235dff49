"""Who may do what: every facilitator and secretary action tried with every key but the right one,
the refusal pages for wrong and expired links, the PIN on the two links, and the projector.

The domain is the only way to change a meeting. Each action of the facilitator or the secretary
takes that role's secret link token as its first argument. The lists below name every public
method of `Dienst` by who may call it; `test_elke_methode_van_dienst_is_ingedeeld` compares them
with the class, so a new method cannot be added without deciding here who may call it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing import User
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select, text

from buurtoverleg.sessie import codes
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.fouten import ALLEEN_LEIDING, Geweigerd
from buurtoverleg.sessie.gebeurtenissen import Gebeurtenis
from buurtoverleg.sessie.notulist import GEWEIGERD as ALLEEN_NOTULIST
from buurtoverleg.sessie.toestand import Links
from buurtoverleg.storage import Database
from buurtoverleg.storage.models import Meeting
from tests.conftest import klik
from tests.test_pages import LIVE, _ctx

MORGEN = "2026-11-24"  # the test clock stands on 2026-11-23
VELDEN = {"wat": "Portiekgesprekken", "wanneer": "2027-01-15", "uitvoerder": "Opbouwwerk"}


@dataclass
class Wereld:
    """Three meetings: `m` under test (a follow-up of `oud`), and `ander`, someone else's."""

    dienst: Dienst
    db: Database
    m: Links
    oud: Links
    ander: Links
    weg: Links
    """A meeting that was deleted: its links are expired."""
    ans: int
    bo: int
    signaal: int
    signaal2: int
    gekozen: int
    besluit: int
    actie: int
    oude_actie: int
    ander_deelnemer: int
    ander_signaal: int


@pytest.fixture
def w(dienst: Dienst, db: Database) -> Wereld:
    oud = dienst.maak("Oud-Zuid", date(2026, 10, 1), "test-kort")
    oude_actie = dienst.actie(oud.facilitator_token, VELDEN)
    m = dienst.maak("Kanaleneiland", date(2026, 11, 23), "test-kort", vorige=oud.meeting_id)
    ans = dienst.aanmelden(m.meeting_id, "Ans", "Politie Utrecht", "politie")
    bo = dienst.aanmelden(m.meeting_id, "Bo", "Buurtteam", "welzijn")
    dienst.start(m.facilitator_token)
    dienst.ga_naar(m.facilitator_token, 2)
    signaal = dienst.signaal(m.meeting_id, ans, "test-signalen", "waarneming", "Jongeren bij het plein")
    signaal2 = dienst.signaal(m.meeting_id, bo, "test-signalen", "waarneming", "Groep jongeren op het plein")
    gekozen = dienst.kies(m.facilitator_token, "pv-portiekgesprekken", True, "past")
    besluit = dienst.besluit(m.facilitator_token, "We gaan in gesprek")
    actie = dienst.actie(m.facilitator_token, VELDEN, besluit_id=gekozen)
    dienst.notitie(m.secretary_token, None, "Samenvatting")

    ander = dienst.maak("Overvecht", date(2026, 11, 23), "test-kort")
    ander_deelnemer = dienst.aanmelden(ander.meeting_id, "Cas", "Gemeente", "gemeente")
    dienst.start(ander.facilitator_token)
    dienst.ga_naar(ander.facilitator_token, 2)
    ander_signaal = dienst.signaal(ander.meeting_id, ander_deelnemer, "test-signalen", "duiding", "Anders")

    weg = dienst.maak("Verdwenen", date(2026, 11, 23), "test-kort")
    with db.sessie() as s:
        s.delete(s.get(Meeting, weg.meeting_id))
    return Wereld(
        dienst,
        db,
        m,
        oud,
        ander,
        weg,
        ans,
        bo,
        signaal,
        signaal2,
        gekozen,
        besluit,
        actie,
        oude_actie,
        ander_deelnemer,
        ander_signaal,
    )


Aanroep = Callable[[Wereld, Any], Any]

LEIDING: dict[str, Aanroep] = {
    "start": lambda w, t: w.dienst.start(t),
    "volgende": lambda w, t: w.dienst.volgende(t),
    "vorige": lambda w, t: w.dienst.vorige(t),
    "ga_naar": lambda w, t: w.dienst.ga_naar(t, 1),
    "open_invoer": lambda w, t: w.dienst.open_invoer(t),
    "sluit_invoer": lambda w, t: w.dienst.sluit_invoer(t),
    "onthul": lambda w, t: w.dienst.onthul(t),
    "nieuwe_ronde": lambda w, t: w.dienst.nieuwe_ronde(t),
    "verleng": lambda w, t: w.dienst.verleng(t, 60),
    "stel_budget": lambda w, t: w.dienst.stel_budget(t, 0, 10),
    "pauzeer": lambda w, t: w.dienst.pauzeer(t),
    "hervat": lambda w, t: w.dienst.hervat(t),
    "aanmelden_open": lambda w, t: w.dienst.aanmelden_open(t, False),
    "instellingen": lambda w, t: w.dienst.instellingen(t, toon_namen=True),
    "beeindig": lambda w, t: w.dienst.beeindig(t),
    "modereer": lambda w, t: w.dienst.modereer(t, w.signaal, verborgen=True, tekst="Iets anders"),
    "verwijder_signaal": lambda w, t: w.dienst.verwijder_signaal(t, w.signaal),
    "voeg_samen": lambda w, t: w.dienst.voeg_samen(t, w.signaal, w.signaal2),
    "bespreek_opnieuw": lambda w, t: w.dienst.bespreek_opnieuw(t, 0),
    "stel_vast": lambda w, t: w.dienst.stel_vast(t, "test-fase", "fase-rust", ""),
    "stel_drempels": lambda w, t: w.dienst.stel_drempels(t, betwist_min=0.3),
    "besluit": lambda w, t: w.dienst.besluit(t, "Nog een besluit"),
    "beleidsdiagnose": lambda w, t: w.dienst.beleidsdiagnose(
        t, "richting-1", gedekt="", voldoende=None, witte_vlekken="", sectoren="", betrokken=None
    ),
    "kies": lambda w, t: w.dienst.kies(t, "pv-burgertop", False, "te groot"),
    "verwijder_besluit": lambda w, t: w.dienst.verwijder_besluit(t, w.besluit),
    "actie": lambda w, t: w.dienst.actie(t, VELDEN, besluit_id=w.gekozen),
    "wijzig_actie": lambda w, t: w.dienst.wijzig_actie(t, w.actie, {**VELDEN, "wat": "Anders"}),
    "verwijder_actie": lambda w, t: w.dienst.verwijder_actie(t, w.actie),
    "beoordeel_actie": lambda w, t: w.dienst.beoordeel_actie(t, w.oude_actie, "uitgevoerd", "klaar"),
    "stel_pin": lambda w, t: w.dienst.stel_pin(t, "notulist", "4821"),
    "pins": lambda w, t: w.dienst.pins(t),
}
"""Every facilitator action, with arguments that work for the right token on meeting `m`."""

NOTULIST: dict[str, Aanroep] = {
    "notitie": lambda w, t: w.dienst.notitie(t, 0, "Een notitie"),
    "namen_in_notulen": lambda w, t: w.dienst.namen_in_notulen(t, True),
    "maak_definitief": lambda w, t: w.dienst.maak_definitief(t),
}
"""Every secretary action."""

MET_OBJECT = {
    "modereer",
    "verwijder_signaal",
    "voeg_samen",
    "verwijder_besluit",
    "actie",
    "wijzig_actie",
    "verwijder_actie",
    "beoordeel_actie",
}
"""Actions on a signal, decision or action by id: with another meeting's own link they must refuse."""

ORGANISATOR = {"archief", "verwijder_overleg"}
"""The organiser's, with the organiser proof of the home page's session as first argument."""
DEELNEMER = {"aanmelden", "antwoord", "signaal", "herken"}
"""A phone's: after the join code (page), by meeting and participant id, checked against each other."""
ZONDER_SLEUTEL = {"maak", "overzicht", "links", "ruim_op"}
"""Only called by the home page behind the organiser login, or by the command line on the server."""
LINKS = {"via_code", "via_token"}
"""Turn a join code or a secret link into a meeting; wrong ones are refused (and braked by the page)."""
LEZEN = {
    "acties",
    "advies",
    "analyse",
    "besluiten",
    "deelnemer",
    "duiding",
    "inhoud",
    "mijn_antwoorden",
    "nog_niet_geantwoord",
    "notities",
    "notulen",
    "notulen_versie",
    "versie",
    "onenigheden",
    "pin_stand",
    "probeer_pin",
    "signalen",
    "te_beoordelen",
    "uitkomsten",
    "uitslagen",
    "vergadering",
    "versies",
    "voorstellen",
    "zaalsignalen",
}
"""Reads by meeting id, after the page checked the link; they change nothing."""

AUTORISATIE = {ALLEEN_LEIDING, ALLEEN_NOTULIST}


def _publiek() -> dict[str, Any]:
    return {naam: f for naam, f in inspect.getmembers(Dienst, inspect.isfunction) if not naam.startswith("_")}


def _eerste_parameter(f: Any) -> str | None:
    namen = [p for p in inspect.signature(f).parameters if p != "self"]
    return namen[0] if namen else None


def test_elke_methode_van_dienst_is_ingedeeld():
    ingedeeld = [*LEIDING, *NOTULIST, *ORGANISATOR, *DEELNEMER, *ZONDER_SLEUTEL, *LINKS, *LEZEN]
    assert len(ingedeeld) == len(set(ingedeeld)), "a method is in two lists"
    nieuw = set(_publiek()) - set(ingedeeld)
    assert not nieuw, f"decide who may call {sorted(nieuw)} and add it to a list in tests/test_rollen.py"
    assert not set(ingedeeld) - set(_publiek()), "a listed method no longer exists"


def test_precies_de_leiding_en_notulist_acties_nemen_een_token():
    met_token = {naam for naam, f in _publiek().items() if _eerste_parameter(f) == "token"}
    assert met_token == set(LEIDING) | set(NOTULIST)
    for naam, f in _publiek().items():  # a token anywhere but first would escape the list above
        assert naam in met_token or "token" not in inspect.signature(f).parameters or naam == "via_token", naam
    for naam in ORGANISATOR:
        assert _eerste_parameter(_publiek()[naam]) == "bewijs", naam


def _momentopname(db: Database) -> dict[str, list[Any]]:
    with db.engine.connect() as c:
        tabellen = [t for t in sa_inspect(c).get_table_names() if t != "alembic_version"]
        return {t: [tuple(r) for r in c.execute(text(f'SELECT * FROM "{t}" ORDER BY 1'))] for t in tabellen}


def _verkeerde_sleutels(w: Wereld, rol: str) -> list[tuple[str, Any]]:
    """(a) a participant's identity and join code, (b) the projector link, (c) the other role's
    link and another meeting's links, (d) random and malformed tokens, and an expired link.

    Another meeting's link for the same role is no wrong key: it acts on its own meeting. That
    it cannot reach this meeting's signals, decisions and actions is tested separately."""
    goed = w.m.facilitator_token if rol == "leiding" else w.m.secretary_token
    andere_rol = w.m.secretary_token if rol == "leiding" else w.m.facilitator_token
    ander_andere = w.ander.secretary_token if rol == "leiding" else w.ander.facilitator_token
    weg = w.weg.facilitator_token if rol == "leiding" else w.weg.secretary_token
    return [
        ("deelnemer-id", w.ans),
        ("deelnemer-id als tekst", str(w.ans)),
        ("deelnemercode", w.m.join_code),
        ("overleg-id", w.m.meeting_id),
        ("beamer", w.m.projector_token),
        ("andere rol", andere_rol),
        ("ander overleg: beamer", w.ander.projector_token),
        ("ander overleg: andere rol", ander_andere),
        ("ander overleg: deelnemer", str(w.ander_deelnemer)),
        ("willekeurig", codes.token()),
        ("leeg", ""),
        ("None", None),
        ("SQL", "' OR '1'='1"),
        ("jokerteken", "%"),
        ("bijna goed", goed[:-1]),
        ("hoofdletters omgedraaid", goed.swapcase()),
        ("met spatie", goed + " "),
        ("heel lang", goed * 500),
        ("verlopen: verwijderd overleg", weg),
    ]


def _alle(rol: str, acties: dict[str, Aanroep]) -> list[Any]:
    return [pytest.param(rol, naam, id=f"{rol}-{naam}") for naam in acties]


@pytest.mark.parametrize(("rol", "naam"), _alle("leiding", LEIDING) + _alle("notulist", NOTULIST))
def test_een_verkeerde_sleutel_wordt_geweigerd_en_verandert_niets(
    w: Wereld, gebeurtenissen: list[Gebeurtenis], rol: str, naam: str
):
    aanroep = (LEIDING | NOTULIST)[naam]
    voor, gemeld = _momentopname(w.db), len(gebeurtenissen)
    for soort, sleutel in _verkeerde_sleutels(w, rol):
        with pytest.raises(Geweigerd) as fout:
            aanroep(w, sleutel)
        assert str(fout.value) in AUTORISATIE, f"{naam} with {soort}: refused for another reason: {fout.value}"
        assert _momentopname(w.db) == voor, f"{naam} with {soort} changed the database"
        assert len(gebeurtenissen) == gemeld, f"{naam} with {soort} published an event"
    # the arguments were fine: with the right link the only possible refusal is about the meeting's state
    goed = w.m.facilitator_token if rol == "leiding" else w.m.secretary_token
    try:
        aanroep(w, goed)
    except Geweigerd as fout:
        assert str(fout) not in AUTORISATIE


@pytest.mark.parametrize("naam", sorted(MET_OBJECT))
def test_de_link_van_een_ander_overleg_raakt_niets_van_dit_overleg(w: Wereld, naam: str):
    """A facilitator of meeting X naming a signal, decision or action of meeting M by its id."""
    voor = _momentopname(w.db)
    with pytest.raises(Geweigerd):
        LEIDING[naam](w, w.ander.facilitator_token)
    assert _momentopname(w.db) == voor


def test_de_link_van_een_ander_overleg_stuurt_alleen_dat_overleg(w: Wereld):
    """Without an object id, X's own link acts on X, never on M."""
    with w.db.sessie() as s:
        voor = (s.get(Meeting, w.m.meeting_id).joining_open, s.get(Meeting, w.m.meeting_id).status)
    w.dienst.aanmelden_open(w.ander.facilitator_token, False)
    w.dienst.beeindig(w.ander.facilitator_token)
    with w.db.sessie() as s:
        assert (s.get(Meeting, w.m.meeting_id).joining_open, s.get(Meeting, w.m.meeting_id).status) == voor
        assert s.get(Meeting, w.ander.meeting_id).status == "gesloten"


def test_geen_sleutel_van_een_andere_rol_is_een_organisatorbewijs(w: Wereld, tmp_path):
    from buurtoverleg.toegang import Organisator

    w.dienst.organisatorcontrole = Organisator(tmp_path, "een-organisatorsleutel")  # a real check is in place
    voor = _momentopname(w.db)
    aanroepen = {
        "archief": lambda b: w.dienst.archief(b, w.m.meeting_id),
        "verwijder_overleg": lambda b: w.dienst.verwijder_overleg(b, w.m.meeting_id),
    }
    assert set(aanroepen) == ORGANISATOR
    for naam, aanroep in aanroepen.items():
        for soort, sleutel in [
            *_verkeerde_sleutels(w, "leiding"),
            ("gespreksleider", w.m.facilitator_token),
            ("notulist", w.m.secretary_token),
        ]:
            with pytest.raises(Geweigerd):
                aanroep(sleutel)
            assert _momentopname(w.db) == voor, f"{naam} with {soort}"


def test_een_deelnemer_van_een_ander_overleg_kan_hier_niets(w: Wereld):
    voor = _momentopname(w.db)
    for aanroep in (
        lambda: w.dienst.antwoord(w.m.meeting_id, w.ander_deelnemer, "test-fase", "fase-rust"),
        lambda: w.dienst.signaal(w.m.meeting_id, w.ander_deelnemer, "test-signalen", "waarneming", "x"),
        lambda: w.dienst.herken(w.m.meeting_id, w.ander_deelnemer, w.signaal),
        lambda: w.dienst.herken(w.m.meeting_id, w.ans, w.ander_signaal),
        lambda: w.dienst.herken(w.ander.meeting_id, w.ans, w.ander_signaal),
    ):
        with pytest.raises(Geweigerd):
            aanroep()
    assert _momentopname(w.db) == voor


# ---------------------------------------------------------------------------- PIN in the domain


def test_pincode_wordt_gecontroleerd_en_gehasht_bewaard(w: Wereld):
    d, t = w.dienst, w.m.facilitator_token
    for fout in ("123", "123456789", "12a4", "١٢٣٤", "12 34", 1234):
        with pytest.raises(Geweigerd, match="4 tot 8 cijfers"):
            d.stel_pin(t, "gespreksleider", fout)  # type: ignore[arg-type]
    for zwak in ("0000", "1111", "1234", "4321", "23456789", "9876"):
        with pytest.raises(Geweigerd, match="raadt iedereen"):
            d.stel_pin(t, "gespreksleider", zwak)
    with pytest.raises(Geweigerd, match="pincode"):
        d.stel_pin(t, "scherm", "1234")  # the projector never has one
    assert d.pin_stand(w.m.meeting_id, "notulist") is None and d.probeer_pin(w.m.meeting_id, "notulist", "") == ""

    d.stel_pin(t, "notulist", " 482193 ")
    with w.db.sessie() as s:
        opgeslagen = s.scalar(select(Meeting.secretary_pin_hash).where(Meeting.id == w.m.meeting_id))
    assert "482193" not in opgeslagen and len(opgeslagen.split(":")) == 2
    stand = d.pin_stand(w.m.meeting_id, "notulist")
    assert stand and d.probeer_pin(w.m.meeting_id, "notulist", "482193") == stand
    assert d.probeer_pin(w.m.meeting_id, "notulist", "482194") is None
    assert d.probeer_pin(w.m.meeting_id, "notulist", None) is None
    assert d.pins(t) == {"gespreksleider": False, "notulist": True}

    d.stel_pin(t, "notulist", "482193")  # the same PIN again still forgets the browsers let in before
    assert d.pin_stand(w.m.meeting_id, "notulist") not in (None, stand)
    d.stel_pin(t, "notulist", None)
    assert d.pin_stand(w.m.meeting_id, "notulist") is None


# ---------------------------------------------------------------------------- pages


async def _pin_invullen(user: User, pin: str) -> None:
    user.find(marker="pincode").clear().type(pin)
    await klik(user, "Openen")


async def test_notulist_met_pincode_onthouden_en_opnieuw_na_een_wijziging(user: User, create_user):
    dienst = _ctx().dienst
    links = dienst.maak("Lombok", date(2026, 11, 23), "test-kort")
    dienst.stel_pin(links.facilitator_token, "notulist", "4821")
    await user.open(f"/notulen/{links.secretary_token}")
    await user.should_see("Pincode nodig", retries=LIVE)
    await user.should_not_see("Concept downloaden")
    await _pin_invullen(user, "0000")
    await user.should_see("Die pincode klopt niet", retries=LIVE)
    await _pin_invullen(user, "4821")
    await user.should_see("Concept downloaden", retries=LIVE)

    await user.open(f"/notulen/{links.secretary_token}")  # the same browser later: remembered
    await user.should_see("Concept downloaden", retries=LIVE)
    ander = create_user()  # another browser with the link only
    await ander.open(f"/notulen/{links.secretary_token}")
    await ander.should_see("Pincode nodig", retries=LIVE)

    dienst.stel_pin(links.facilitator_token, "notulist", "7071")  # the open page closes at once
    await user.should_see("heeft zojuist een nieuwe pincode gekregen", retries=LIVE)
    await user.should_not_see("Concept downloaden")
    await klik(user, "Pincode invullen")
    await user.should_see("Pincode nodig", retries=LIVE)
    await _pin_invullen(user, "4821")
    await user.should_see("Die pincode klopt niet", retries=LIVE)
    await _pin_invullen(user, "7071")
    await user.should_see("Concept downloaden", retries=LIVE)


async def test_een_open_pagina_vraagt_de_pincode_zodra_die_verandert(user: User, create_user):
    """A console opened with a leaked link before the PIN was set does not stay usable."""
    dienst = _ctx().dienst
    links = dienst.maak("Tuindorp", date(2026, 11, 23), "test-kort")
    await user.open(f"/leiding/{links.facilitator_token}")  # the real facilitator
    await user.should_see("Start het overleg", retries=LIVE)
    ander = create_user()  # someone else who got hold of the link
    await ander.open(f"/leiding/{links.facilitator_token}")
    await ander.should_see("Start het overleg", retries=LIVE)
    notulist = create_user()
    await notulist.open(f"/notulen/{links.secretary_token}")
    await notulist.should_see("Concept downloaden", retries=LIVE)

    await klik(user, marker="pin-gespreksleider")  # the facilitator sets a PIN on the console
    await user.should_see(marker="nieuwe-pincode", retries=LIVE)
    user.find(marker="nieuwe-pincode").type("975310")
    await klik(user, marker="pin-opslaan")
    await user.should_see("Link gespreksleider: met pincode", retries=LIVE)

    await ander.should_see("heeft zojuist een nieuwe pincode gekregen", retries=LIVE)
    await ander.should_not_see("Start het overleg")
    assert not [e for e in ander.client.elements.values() if isinstance(e, (ui.timer, ui.keyboard))], (
        "no timer or shortcut of the console left running"
    )
    await user.should_see("Start het overleg"), "whoever set the PIN keeps the console"
    await user.should_not_see("nieuwe pincode gekregen")
    await notulist.should_see("Concept downloaden"), "the other link's PIN did not change"

    dienst.stel_pin(links.facilitator_token, "notulist", "2468")  # the secretary's link too
    await notulist.should_see("heeft zojuist een nieuwe pincode gekregen", retries=LIVE)
    await klik(notulist, "Pincode invullen")
    await notulist.should_see("Pincode nodig", retries=LIVE)
    await user.should_see("Start het overleg")


async def test_pincodeformulier_toont_niets_van_de_console_en_remt_af(user: User):
    dienst = _ctx().dienst
    links = dienst.maak("Zuilen", date(2026, 11, 23), "test-kort")
    dienst.aanmelden(links.meeting_id, "Geheime Naam", "Politie", "politie")
    dienst.stel_pin(links.facilitator_token, "gespreksleider", "135790")
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Pincode nodig", retries=LIVE)
    for geheim in ("Start het overleg", "Geheime Naam", links.join_code, "Zuilen"):
        await user.should_not_see(geheim)
    assert user.client is not None
    for element in user.client.elements.values():
        for waarde in (*element.props.values(), getattr(element, "text", "")):
            assert links.projector_token not in str(waarde) and links.secretary_token not in str(waarde)

    for _ in range(5):
        await _pin_invullen(user, "111111")
    await user.should_see("Te veel verkeerde pincodes. Probeer het over 5 minuten opnieuw.", retries=LIVE)
    await _pin_invullen(user, "135790")  # even the right PIN waits until the brake is over
    await user.should_see("Te veel verkeerde pincodes", retries=LIVE)
    await user.should_not_see("Start het overleg")


async def test_gespreksleider_stelt_de_pincode_van_de_notulist_in(user: User, create_user):
    dienst = _ctx().dienst
    links = dienst.maak("Wittevrouwen", date(2026, 11, 23), "test-kort")
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Link notulist: zonder pincode", retries=LIVE)
    await klik(user, marker="pin-notulist")
    await user.should_see(marker="nieuwe-pincode", retries=LIVE)
    user.find(marker="nieuwe-pincode").type("12")
    await klik(user, marker="pin-opslaan")
    await user.should_see("Een pincode bestaat uit 4 tot 8 cijfers", retries=LIVE)
    assert dienst.pins(links.facilitator_token) == {"gespreksleider": False, "notulist": False}
    await klik(user, marker="pin-notulist")
    await user.should_see(marker="nieuwe-pincode", retries=LIVE)
    user.find(marker="nieuwe-pincode").type("2468")
    await klik(user, marker="pin-opslaan")
    await user.should_see("Link notulist: met pincode", retries=LIVE)
    assert dienst.pins(links.facilitator_token) == {"gespreksleider": False, "notulist": True}

    notulist = create_user()
    await notulist.open(f"/notulen/{links.secretary_token}")
    await notulist.should_see("Pincode nodig", retries=LIVE)
    await _pin_invullen(notulist, "2468")
    await notulist.should_see("Concept downloaden", retries=LIVE)

    await klik(user, marker="pin-weg-notulist")
    await user.should_see("Link notulist: zonder pincode", retries=LIVE)
    assert dienst.pin_stand(links.meeting_id, "notulist") is None


async def test_organisator_maakt_een_overleg_met_pincode(user: User, create_user):
    from tests.test_pages import inloggen

    await inloggen(user)
    user.find("Buurt of wijk").type("Dichterswijk")
    user.find(marker="nieuw-pin-gespreksleider").type("12")
    await klik(user, "Overleg aanmaken")
    await user.should_see("Een pincode bestaat uit 4 tot 8 cijfers", retries=LIVE)
    assert _ctx().dienst.overzicht() == [], "a wrong PIN is refused before the meeting exists"
    user.find(marker="nieuw-pin-gespreksleider").clear().type("97531")
    await klik(user, "Overleg aanmaken")
    await user.should_see("Start het overleg", retries=LIVE)  # the organiser chose it: no second prompt
    (rij,) = _ctx().dienst.overzicht()
    assert _ctx().dienst.pins(rij.links.facilitator_token) == {"gespreksleider": True, "notulist": False}

    gast = create_user()
    await gast.open(f"/leiding/{rij.links.facilitator_token}")
    await gast.should_see("Pincode nodig", retries=LIVE)
    await _pin_invullen(gast, "97531")
    await gast.should_see("Start het overleg", retries=LIVE)


# ---------------------------------------------------------------------------- wrong and expired links


async def test_verlopen_links_geven_een_nette_weigering(user: User):
    dienst = _ctx().dienst
    links = dienst.maak("Tijdelijk", date(2026, 11, 23), "test-kort")
    with _ctx().db.sessie() as s:
        s.delete(s.get(Meeting, links.meeting_id))
    for pad in (
        f"/leiding/{links.facilitator_token}",
        f"/scherm/{links.projector_token}",
        f"/notulen/{links.secretary_token}",
        "/leiding/" + "x" * 3000,
        "/notulen/%3Cscript%3E",
        "/scherm/%C3%BC%F0%9F%8E%89",
    ):
        await user.open(pad)
        await user.should_see("Dat lukt niet", retries=LIVE)
        await user.should_see("Deze link klopt niet of is verlopen. Vraag de organisator om de juiste link.")
        await user.should_not_see("Traceback")
    await user.open(f"/doe/{links.join_code}")
    await user.should_see(f"Er is geen overleg met de code '{links.join_code}'", retries=LIVE)


async def test_afgesloten_overleg_per_rol(user: User):
    dienst = _ctx().dienst
    links = dienst.maak("Klaar", date(2026, 11, 23), "test-kort")
    dienst.beeindig(links.facilitator_token)
    await user.open(f"/doe/{links.join_code}")
    await user.should_see("Dit overleg is afgelopen.", retries=LIVE)
    await user.open(f"/scherm/{links.projector_token}")
    await user.should_see("Het overleg is afgesloten. Bedankt!", retries=LIVE)
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Het overleg is afgesloten.", retries=LIVE)
    await user.open(f"/notulen/{links.secretary_token}")  # the minutes are made after the meeting
    await user.should_see("Concept downloaden", retries=LIVE)


async def test_overleg_verwijderd_terwijl_de_console_open_staat(user: User):
    dienst = _ctx().dienst
    links = dienst.maak("Straks weg", date(2026, 11, 23), "test-kort")
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Start het overleg", retries=LIVE)
    with _ctx().db.sessie() as s:
        s.delete(s.get(Meeting, links.meeting_id))
    await klik(user, "Start het overleg")
    await user.should_see("Alleen de gespreksleider mag dit doen.", retries=LIVE)


# ---------------------------------------------------------------------------- the projector


def _alle_tekst(user: User) -> str:
    assert user.client is not None
    delen = []
    for e in user.client.elements.values():
        delen += [str(getattr(e, "text", "")), *map(str, e.props.values()), str(getattr(e, "content", ""))]
    return "\n".join(delen)


async def test_beamer_toont_niets_wat_een_deelnemer_niet_mag_zien(user: User):
    dienst = _ctx().dienst
    links = dienst.maak("Transwijk", date(2026, 11, 23), "test-kort")
    t = links.facilitator_token
    zaal = [
        dienst.aanmelden(links.meeting_id, naam, org, domein)
        for naam, org, domein in (
            ("Yasmina Vertrouwelijk", "Wijkteam West", "welzijn"),
            ("Gerrit Geheim", "Politie Midden", "politie"),
            ("Ineke Intiem", "Mitros", "woningcorporatie"),
        )
    ]
    namen = ("Yasmina Vertrouwelijk", "Gerrit Geheim", "Ineke Intiem")
    await user.open(f"/scherm/{links.projector_token}")
    await user.should_see("3 deelnemers aangemeld", retries=LIVE)
    for naam in namen:
        await user.should_not_see(naam)

    dienst.instellingen(t, live_uitslag=True)  # live results never lift a blind question
    dienst.start(t)
    for deelnemer, fase in zip(zaal, ("fase-incidenten", "fase-ongemak", "fase-escalatie"), strict=False):
        dienst.antwoord(links.meeting_id, deelnemer, "test-fase", fase)
    await user.should_see("3 van 3 hebben geantwoord", retries=LIVE)
    await user.should_see("De antwoorden blijven verborgen", retries=LIVE)
    titels = [o.titel for o in dienst.vergadering(links.meeting_id).stappen[0].vragen[0].opties]
    for titel in titels:
        await user.should_not_see(titel)
    (uitslag,) = dienst.uitslagen(links.meeting_id, 0)
    assert not uitslag.zichtbaar and uitslag.verdeling == {}
    dienst.onthul(t)
    await user.should_see(titels[0], retries=LIVE)

    dienst.ga_naar(t, 2)
    dienst.instellingen(t, signalen_modereren=True)
    dienst.signaal(links.meeting_id, zaal[0], "test-signalen", "waarneming", "Wacht op goedkeuring")
    zichtbaar = dienst.signaal(links.meeting_id, zaal[1], "test-signalen", "waarneming", "Scooters op de stoep")
    verborgen = dienst.signaal(links.meeting_id, zaal[2], "test-signalen", "duiding", "Verborgen duiding")
    dienst.modereer(t, zichtbaar, goedgekeurd=True)
    dienst.modereer(t, verborgen, goedgekeurd=True)
    dienst.modereer(t, verborgen, verborgen=True)
    await user.should_see("Scooters op de stoep", retries=LIVE)
    await user.should_see("Politie Midden", retries=LIVE)  # the organisation, not the person
    for niet in ("Wacht op goedkeuring", "Verborgen duiding", *namen):
        await user.should_not_see(niet)
    alles = _alle_tekst(user)
    assert links.facilitator_token not in alles and links.secretary_token not in alles

    dienst.instellingen(t, toon_namen=True)  # the room chose to show names
    await user.should_see("Gerrit Geheim", retries=LIVE)
    await user.should_not_see("Yasmina Vertrouwelijk")  # her signal is still waiting for approval
    assert not [
        e
        for e in user.client.elements.values()
        if isinstance(e, (ui.html, ui.markdown)) and "Gerrit" in getattr(e, "content", "")
    ]

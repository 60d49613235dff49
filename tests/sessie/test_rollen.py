"""Who may do what: every facilitator and secretary action tried with every key but the right one,
the refusal pages for wrong and expired links, the PIN on the two links, and the projector.

The domain is the only way to change a meeting. A role acts through its handle: `dienst.leiding(token)`,
`dienst.notulist(token)`, `dienst.deelnemer(meeting_id, deelnemer_id)`, `dienst.organisator(bewijs)`.
The lists below name every action of every handle; `test_elke_actie_van_een_rol_is_ingedeeld`
compares them with the classes, so a new action cannot be added without deciding here who may call it.
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing import User
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select, text

from buurtoverleg.app import Context
from buurtoverleg.sessie import codes
from buurtoverleg.sessie.aanmelding import Aanmelding
from buurtoverleg.sessie.aanpakrol import Aanpakrol
from buurtoverleg.sessie.aanwezigheid import Aanwezigheidrol
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.fouten import ALLEEN_LEIDING, ALLEEN_NOTULIST, Geweigerd
from buurtoverleg.sessie.gebeurtenissen import Gebeurtenis
from buurtoverleg.sessie.rollen import Deelnemerrol, Leidingrol, Notulistrol, Organisatorrol
from buurtoverleg.sessie.toestand import Links
from buurtoverleg.storage import Database
from buurtoverleg.storage.models import Meeting
from tests.pages.hulp import LIVE, inloggen, klik

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
    oud = dienst.aanmelding.maak("Oud-Zuid", date(2026, 10, 1), "test-kort")
    oude_actie = dienst.leiding(oud.facilitator_token).aanpak.actie(VELDEN)
    m = dienst.aanmelding.maak("Kanaleneiland", date(2026, 11, 23), "test-kort", vorige=oud.meeting_id)
    ans = dienst.aanmelding.aanmelden(m.meeting_id, "Ans", "Politie Utrecht", "politie")
    bo = dienst.aanmelding.aanmelden(m.meeting_id, "Bo", "Buurtteam", "welzijn")
    dienst.leiding(m.facilitator_token).start()
    dienst.leiding(m.facilitator_token).ga_naar(2)
    signaal = dienst.deelnemer(m.meeting_id, ans).signaal("test-signalen", "waarneming", "Jongeren bij het plein")
    signaal2 = dienst.deelnemer(m.meeting_id, bo).signaal("test-signalen", "waarneming", "Groep jongeren op het plein")
    gekozen = dienst.leiding(m.facilitator_token).aanpak.kies("pv-portiekgesprekken", True, "past")
    besluit = dienst.leiding(m.facilitator_token).aanpak.besluit("We gaan in gesprek")
    actie = dienst.leiding(m.facilitator_token).aanpak.actie(VELDEN, besluit_id=gekozen)
    dienst.notulist(m.secretary_token).notitie(None, "Samenvatting")

    ander = dienst.aanmelding.maak("Overvecht", date(2026, 11, 23), "test-kort")
    ander_deelnemer = dienst.aanmelding.aanmelden(ander.meeting_id, "Cas", "Gemeente", "gemeente")
    dienst.leiding(ander.facilitator_token).start()
    dienst.leiding(ander.facilitator_token).ga_naar(2)
    ander_signaal = dienst.deelnemer(ander.meeting_id, ander_deelnemer).signaal("test-signalen", "duiding", "Anders")

    weg = dienst.aanmelding.maak("Verdwenen", date(2026, 11, 23), "test-kort")
    with db.transactie() as s:
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


Aanroep = Callable[[Any, Wereld], Any]

AANPAK: dict[str, Aanroep] = {
    "aanpak.besluit": lambda h, w: h.aanpak.besluit("Nog een besluit"),
    "aanpak.beleidsdiagnose": lambda h, w: h.aanpak.beleidsdiagnose(
        "richting-1", gedekt="", voldoende=None, witte_vlekken="", sectoren="", betrokken=None
    ),
    "aanpak.kies": lambda h, w: h.aanpak.kies("pv-burgertop", False, "te groot"),
    "aanpak.wijzig_besluit": lambda h, w: h.aanpak.wijzig_besluit(w.besluit, "Anders verwoord"),
    "aanpak.verwijder_besluit": lambda h, w: h.aanpak.verwijder_besluit(w.besluit),
    "aanpak.actie": lambda h, w: h.aanpak.actie(VELDEN, besluit_id=w.gekozen),
    "aanpak.wijzig_actie": lambda h, w: h.aanpak.wijzig_actie(w.actie, {**VELDEN, "wat": "Anders"}),
    "aanpak.verwijder_actie": lambda h, w: h.aanpak.verwijder_actie(w.actie),
    "aanpak.beoordeel_actie": lambda h, w: h.aanpak.beoordeel_actie(w.oude_actie, "uitgevoerd", "klaar"),
}
"""The approach and actions (`leiding.aanpak` and `notulist.aanpak`): both roles write them."""

AANWEZIGHEID: dict[str, Aanroep] = {
    "aanwezigheid.zet": lambda h, w: h.aanwezigheid.zet(w.ans, "te-laat", "19:45"),
}
"""Attendance (`leiding.aanwezigheid` and `notulist.aanwezigheid`): both roles correct it."""

LEIDING: dict[str, Aanroep] = {
    "start": lambda h, w: h.start(),
    "volgende": lambda h, w: h.volgende(),
    "vorige": lambda h, w: h.vorige(),
    "ga_naar": lambda h, w: h.ga_naar(1),
    "open_invoer": lambda h, w: h.open_invoer(),
    "sluit_invoer": lambda h, w: h.sluit_invoer(),
    "onthul": lambda h, w: h.onthul(),
    "nieuwe_ronde": lambda h, w: h.nieuwe_ronde(),
    "verleng": lambda h, w: h.verleng(60),
    "stel_budget": lambda h, w: h.stel_budget(0, 10),
    "pauzeer": lambda h, w: h.pauzeer(),
    "hervat": lambda h, w: h.hervat(),
    "aanmelden_open": lambda h, w: h.aanmelden_open(False),
    "instellingen": lambda h, w: h.instellingen(toon_namen=True),
    "beamer_zwart": lambda h, w: h.beamer_zwart(True),
    "blader": lambda h, w: h.blader(2),
    "beeindig": lambda h, w: h.beeindig(),
    "modereer": lambda h, w: h.modereer(w.signaal, verborgen=True, tekst="Iets anders"),
    "verwijder_signaal": lambda h, w: h.verwijder_signaal(w.signaal),
    "voeg_samen": lambda h, w: h.voeg_samen(w.signaal, w.signaal2),
    "bespreek_opnieuw": lambda h, w: h.bespreek_opnieuw(0),
    "stel_vast": lambda h, w: h.stel_vast("test-fase", "fase-rust", ""),
    "stel_drempels": lambda h, w: h.stel_drempels(betwist_min=0.3),
    "stel_maximum": lambda h, w: h.stel_maximum(40),
    "stel_pin": lambda h, w: h.stel_pin("notulist", "4821"),
    "pins": lambda h, w: h.pins(),
    "extra_stap": lambda h, w: h.extra_stap("extra-azc"),
    **AANPAK,
    **AANWEZIGHEID,
}
"""Every action of the facilitator's handle (`dienst.leiding(token)`), with arguments that work
for the right token on meeting `m`; `aanpak.x` is `leiding.aanpak.x`."""

NOTULIST: dict[str, Aanroep] = {
    "notitie": lambda h, w: h.notitie(0, "Een notitie"),
    "namen_in_notulen": lambda h, w: h.namen_in_notulen(True),
    "maak_definitief": lambda h, w: h.maak_definitief(),
    "gegevens": lambda h, w: h.gegevens(plaats="Buurthuis", begintijd="19:30"),
    **AANPAK,
    **AANWEZIGHEID,
}
"""Every action of the secretary's handle (`dienst.notulist(token)`)."""

MET_OBJECT = {
    "modereer",
    "verwijder_signaal",
    "voeg_samen",
    "aanpak.verwijder_besluit",
    "aanpak.wijzig_besluit",
    "aanpak.actie",
    "aanpak.wijzig_actie",
    "aanpak.verwijder_actie",
    "aanpak.beoordeel_actie",
    "aanwezigheid.zet",
}
"""Actions on a signal, decision or action by id: with another meeting's own link they must refuse."""

ORGANISATOR = {"archief", "verwijder_overleg"}
"""The organiser's handle (`dienst.organisator(bewijs)`), with the proof of the home page's session."""
DEELNEMER = {"wie", "antwoord", "signaal", "herken", "herken_niet", "mijn_antwoorden"}
"""A phone's handle (`dienst.deelnemer(meeting_id, deelnemer_id)`): after the join code (page),
the participant id is checked against the meeting at every action."""
AANMELDING = {"maak", "overzicht", "links", "via_code", "via_token", "aanmelden", "aangemeld"}
"""`dienst.aanmelding`: creating (the home page behind the organiser login, or the command
line), joining after the join code, and turning a join code or a link into a meeting (wrong ones
are refused, and braked by the page)."""
LEZEN = {
    "acties",
    "advies",
    "analyse",
    "beelden",
    "begeleiding",
    "besluiten",
    "besluitbeeld",
    "herkenning",
    "oordelen",
    "inhoud",
    "links",
    "nog_niet_geantwoord",
    "stapantwoorden",
    "notities",
    "notulen",
    "notulen_versie",
    "versie",
    "onenigheden",
    "overzicht",
    "signalen",
    "stippen",
    "te_beoordelen",
    "uitkomsten",
    "uitslagen",
    "vergadering",
    "versies",
    "voorstellen",
    "wijzigingen",
    "laatste_wijzigingen",
    "zaalsignalen",
}
"""`dienst.lezen`: reads by meeting id, after the page checked the link; they change nothing."""
HANDLES = {"leiding", "notulist", "deelnemer", "organisator"}
"""The only public methods of `Dienst`: one factory per role."""

AUTORISATIE = {ALLEEN_LEIDING, ALLEEN_NOTULIST}


def _methoden(klasse: type) -> set[str]:
    return {naam for naam, _f in inspect.getmembers(klasse, inspect.isfunction) if not naam.startswith("_")}


def test_elke_actie_van_een_rol_is_ingedeeld():
    gedeeld = {f"aanpak.{n}" for n in _methoden(Aanpakrol)} | {f"aanwezigheid.{n}" for n in _methoden(Aanwezigheidrol)}
    leiding = _methoden(Leidingrol) | gedeeld
    assert leiding == set(LEIDING), "decide here who may call a new facilitator action"
    assert _methoden(Notulistrol) | gedeeld == set(NOTULIST)
    assert _methoden(Deelnemerrol) == DEELNEMER
    assert _methoden(Organisatorrol) == ORGANISATOR
    assert _methoden(Aanmelding) == AANMELDING
    assert _methoden(Dienst) == HANDLES | {"nu"}, "a role's action belongs on its handle, not on Dienst"


def test_een_handle_heeft_alleen_de_acties_van_zijn_rol():
    rollen = {
        "leiding": _methoden(Leidingrol) | _methoden(Aanpakrol) | _methoden(Aanwezigheidrol),
        "notulist": _methoden(Notulistrol),
        "deelnemer": _methoden(Deelnemerrol),
        "organisator": _methoden(Organisatorrol),
    }
    for a, b in itertools.combinations(rollen, 2):
        assert not rollen[a] & rollen[b], f"{a} and {b} share {rollen[a] & rollen[b]}"


def test_een_handle_geeft_geen_weg_naar_de_dienst_of_een_andere_rol(w: Wereld):
    """Its public attributes are its own actions (and the facilitator's `aanpak` part): no
    `dienst`, no service, nothing that leads to another role's actions."""
    toegestaan = {
        "leiding": set(LEIDING) | {"aanpak", "aanwezigheid"},
        "notulist": set(NOTULIST) | {"aanpak", "aanwezigheid"},
        "deelnemer": DEELNEMER | {"meeting_id", "deelnemer_id"},
        "organisator": ORGANISATOR,
    }
    handles = {
        "leiding": w.dienst.leiding(w.m.facilitator_token),
        "notulist": w.dienst.notulist(w.m.secretary_token),
        "deelnemer": w.dienst.deelnemer(w.m.meeting_id, w.ans),
        "organisator": w.dienst.organisator("bewijs"),
    }
    for rol, handle in handles.items():
        publiek = {n for n in dir(handle) if not n.startswith("_")}
        assert publiek <= toegestaan[rol], f"{rol}: {publiek - toegestaan[rol]}"
    for rol in ("leiding", "notulist"):
        assert {n for n in dir(handles[rol].aanpak) if not n.startswith("_")} == {
            n.removeprefix("aanpak.") for n in AANPAK
        }


def test_lezen_schrijft_niets_en_is_ingedeeld(w: Wereld, gebeurtenissen: list[Gebeurtenis]):
    lezen = {n for n in vars(w.dienst.lezen) if not n.startswith("_")}
    assert lezen == LEZEN
    for naam in lezen:
        for rol in ("token", "bewijs"):
            assert rol not in inspect.signature(getattr(w.dienst.lezen, naam)).parameters, naam


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


def _handle(w: Wereld, rol: str, sleutel: Any) -> Any:
    return w.dienst.leiding(sleutel) if rol == "leiding" else w.dienst.notulist(sleutel)


def _alle(rol: str, acties: dict[str, Aanroep]) -> list[Any]:
    return [pytest.param(rol, naam, id=f"{rol}-{naam}") for naam in acties]


@pytest.mark.parametrize(("rol", "naam"), _alle("leiding", LEIDING) + _alle("notulist", NOTULIST))
def test_een_verkeerde_sleutel_wordt_geweigerd_en_verandert_niets(
    w: Wereld, gebeurtenissen: list[Gebeurtenis], rol: str, naam: str
):
    """A participant id, a join code, the projector link, the other role's link...: none of them
    makes a handle that can act as this role."""
    aanroep = (LEIDING | NOTULIST)[naam]
    voor, gemeld = _momentopname(w.db), len(gebeurtenissen)
    for soort, sleutel in _verkeerde_sleutels(w, rol):
        with pytest.raises(Geweigerd) as fout:
            aanroep(_handle(w, rol, sleutel), w)
        assert str(fout.value) in AUTORISATIE, f"{naam} with {soort}: refused for another reason: {fout.value}"
        assert _momentopname(w.db) == voor, f"{naam} with {soort} changed the database"
        assert len(gebeurtenissen) == gemeld, f"{naam} with {soort} published an event"
    # the arguments were fine: with the right link the only possible refusal is about the meeting's state
    goed = w.m.facilitator_token if rol == "leiding" else w.m.secretary_token
    try:
        aanroep(_handle(w, rol, goed), w)
    except Geweigerd as fout:
        assert str(fout) not in AUTORISATIE


@pytest.mark.parametrize("naam", sorted(MET_OBJECT))
def test_de_link_van_een_ander_overleg_raakt_niets_van_dit_overleg(w: Wereld, naam: str):
    """A facilitator of meeting X naming a signal, decision or action of meeting M by its id."""
    voor = _momentopname(w.db)
    with pytest.raises(Geweigerd):
        LEIDING[naam](w.dienst.leiding(w.ander.facilitator_token), w)
    assert _momentopname(w.db) == voor


def test_de_link_van_een_ander_overleg_stuurt_alleen_dat_overleg(w: Wereld):
    """Without an object id, X's own link acts on X, never on M."""
    with w.db.lees() as s:
        voor = (s.get(Meeting, w.m.meeting_id).joining_open, s.get(Meeting, w.m.meeting_id).status)
    w.dienst.leiding(w.ander.facilitator_token).aanmelden_open(False)
    w.dienst.leiding(w.ander.facilitator_token).beeindig()
    with w.db.lees() as s:
        assert (s.get(Meeting, w.m.meeting_id).joining_open, s.get(Meeting, w.m.meeting_id).status) == voor
        assert s.get(Meeting, w.ander.meeting_id).status == "gesloten"


@pytest.mark.alleen_sqlite  # PostgreSQL never hands out a deleted id again: the case cannot arise
def test_een_handle_zoekt_zijn_link_bij_elke_actie_opnieuw_op(dienst: Dienst, db: Database):
    """SQLite hands a deleted meeting's id to the next new meeting: a handle made for the old
    meeting must not act on the new one."""
    oud = dienst.aanmelding.maak("Eerst", date(2026, 11, 23), "test-kort")
    leiding, notulist = dienst.leiding(oud.facilitator_token), dienst.notulist(oud.secretary_token)
    leiding.instellingen(toon_namen=True)
    with db.transactie() as s:
        s.delete(s.get(Meeting, oud.meeting_id))
    nieuw = dienst.aanmelding.maak("Daarna", date(2026, 11, 23), "test-kort")
    assert nieuw.meeting_id == oud.meeting_id, "SQLite reused the id (the case this test is about)"
    with pytest.raises(Geweigerd, match=ALLEEN_LEIDING):
        leiding.start()
    with pytest.raises(Geweigerd, match=ALLEEN_NOTULIST):
        notulist.notitie(None, "Niet hier")
    assert dienst.lezen.vergadering(nieuw.meeting_id).status == "lobby"
    assert dienst.lezen.notities(nieuw.meeting_id) == {}


def test_geen_sleutel_van_een_andere_rol_is_een_organisatorbewijs(w: Wereld, tmp_path):
    from buurtoverleg.toegang import Organisator

    w.dienst.organisatorcontrole = Organisator(tmp_path, "een-organisatorsleutel")  # a real check is in place
    voor = _momentopname(w.db)
    aanroepen = {
        "archief": lambda b: w.dienst.organisator(b).archief(w.m.meeting_id),
        "verwijder_overleg": lambda b: w.dienst.organisator(b).verwijder_overleg(w.m.meeting_id),
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
        lambda: w.dienst.deelnemer(w.m.meeting_id, w.ander_deelnemer).antwoord("test-fase", "fase-rust"),
        lambda: w.dienst.deelnemer(w.m.meeting_id, w.ander_deelnemer).signaal("test-signalen", "waarneming", "x"),
        lambda: w.dienst.deelnemer(w.m.meeting_id, w.ander_deelnemer).herken(w.signaal),
        lambda: w.dienst.deelnemer(w.m.meeting_id, w.ander_deelnemer).herken_niet(w.signaal),
        lambda: w.dienst.deelnemer(w.m.meeting_id, w.ans).herken_niet(w.ander_signaal),
        lambda: w.dienst.deelnemer(w.m.meeting_id, w.ans).herken(w.ander_signaal),
        lambda: w.dienst.deelnemer(w.ander.meeting_id, w.ans).herken(w.ander_signaal),
    ):
        with pytest.raises(Geweigerd):
            aanroep()
    assert _momentopname(w.db) == voor
    assert w.dienst.deelnemer(w.m.meeting_id, w.ander_deelnemer).wie() is None


# ---------------------------------------------------------------------------- PIN in the domain


def test_pincode_wordt_gecontroleerd_en_gehasht_bewaard(w: Wereld):
    d, t = w.dienst, w.m.facilitator_token
    leiding = d.leiding(t)
    for fout in ("123", "123456789", "12a4", "١٢٣٤", "12 34", 1234):
        with pytest.raises(Geweigerd, match="4 tot 8 cijfers"):
            leiding.stel_pin("gespreksleider", fout)  # type: ignore[arg-type]
    for zwak in ("0000", "1111", "1234", "4321", "23456789", "9876"):
        with pytest.raises(Geweigerd, match="raadt iedereen"):
            leiding.stel_pin("gespreksleider", zwak)
    with pytest.raises(Geweigerd, match="pincode"):
        leiding.stel_pin("scherm", "1234")  # the projector never has one
    assert (
        d.pincodes.pin_stand(w.m.meeting_id, "notulist") is None
        and d.pincodes.probeer_pin(w.m.meeting_id, "notulist", "") == ""
    )

    leiding.stel_pin("notulist", " 482193 ")
    with w.db.transactie() as s:
        opgeslagen = s.scalar(select(Meeting.secretary_pin_hash).where(Meeting.id == w.m.meeting_id))
    assert "482193" not in opgeslagen and len(opgeslagen.split(":")) == 2
    stand = d.pincodes.pin_stand(w.m.meeting_id, "notulist")
    assert stand and d.pincodes.probeer_pin(w.m.meeting_id, "notulist", "482193") == stand
    assert d.pincodes.probeer_pin(w.m.meeting_id, "notulist", "482194") is None
    assert d.pincodes.probeer_pin(w.m.meeting_id, "notulist", None) is None
    assert leiding.pins() == {"gespreksleider": False, "notulist": True}

    leiding.stel_pin("notulist", "482193")  # the same PIN again still forgets the browsers let in before
    assert d.pincodes.pin_stand(w.m.meeting_id, "notulist") not in (None, stand)
    leiding.stel_pin("notulist", None)
    assert d.pincodes.pin_stand(w.m.meeting_id, "notulist") is None


# ---------------------------------------------------------------------------- pages


async def _pin_invullen(user: User, pin: str) -> None:
    user.find(marker="pincode").clear().type(pin)
    await klik(user, "Openen")


async def test_notulist_met_pincode_onthouden_en_opnieuw_na_een_wijziging(user: User, create_user, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Lombok", date(2026, 11, 23), "test-kort")
    dienst.leiding(links.facilitator_token).stel_pin("notulist", "4821")
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

    dienst.leiding(links.facilitator_token).stel_pin("notulist", "7071")  # the open page closes at once
    await user.should_see("heeft zojuist een nieuwe pincode gekregen", retries=LIVE)
    await user.should_not_see("Concept downloaden")
    await klik(user, "Pincode invullen")
    await user.should_see("Pincode nodig", retries=LIVE)
    await _pin_invullen(user, "4821")
    await user.should_see("Die pincode klopt niet", retries=LIVE)
    await _pin_invullen(user, "7071")
    await user.should_see("Concept downloaden", retries=LIVE)


async def test_een_open_pagina_vraagt_de_pincode_zodra_die_verandert(user: User, create_user, app: Context):
    """A console opened with a leaked link before the PIN was set does not stay usable."""
    dienst = app.dienst
    links = dienst.aanmelding.maak("Tuindorp", date(2026, 11, 23), "test-kort")
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

    dienst.leiding(links.facilitator_token).stel_pin("notulist", "2468")  # the secretary's link too
    await notulist.should_see("heeft zojuist een nieuwe pincode gekregen", retries=LIVE)
    await klik(notulist, "Pincode invullen")
    await notulist.should_see("Pincode nodig", retries=LIVE)
    await user.should_see("Start het overleg")


async def test_wie_de_pincode_zet_houdt_de_console_ook_als_de_melding_eerder_is(
    user: User, app: Context, monkeypatch: pytest.MonkeyPatch
):
    """The PIN's event can reach the setter's own page before `stel_pin`'s answer does (a busy
    machine): the page still compares against the PIN its browser just remembered."""
    import time

    from buurtoverleg.sessie.rollen import Leidingrol

    echt = Leidingrol.stel_pin

    def traag(self: Leidingrol, rol: str, pin: str | None) -> str | None:
        stand = echt(self, rol, pin)  # committed, the event is on its way
        time.sleep(1.0)  # the answer comes late
        return stand

    monkeypatch.setattr(Leidingrol, "stel_pin", traag)
    links = app.dienst.aanmelding.maak("Tuindorp", date(2026, 11, 23), "test-kort")
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Start het overleg", retries=LIVE)
    await klik(user, marker="pin-gespreksleider")
    await user.should_see(marker="nieuwe-pincode", retries=LIVE)
    user.find(marker="nieuwe-pincode").type("975310")
    await klik(user, marker="pin-opslaan")
    await user.should_see("Link gespreksleider: met pincode", retries=LIVE)
    await user.should_see("Start het overleg")
    await user.should_not_see("nieuwe pincode gekregen")


async def test_pincodeformulier_toont_niets_van_de_console_en_remt_af(user: User, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Zuilen", date(2026, 11, 23), "test-kort")
    dienst.aanmelding.aanmelden(links.meeting_id, "Geheime Naam", "Politie", "politie")
    dienst.leiding(links.facilitator_token).stel_pin("gespreksleider", "135790")
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


async def test_gespreksleider_stelt_de_pincode_van_de_notulist_in(user: User, create_user, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Wittevrouwen", date(2026, 11, 23), "test-kort")
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Link notulist: zonder pincode", retries=LIVE)
    await klik(user, marker="pin-notulist")
    await user.should_see(marker="nieuwe-pincode", retries=LIVE)
    user.find(marker="nieuwe-pincode").type("12")
    await klik(user, marker="pin-opslaan")
    await user.should_see("Een pincode bestaat uit 4 tot 8 cijfers", retries=LIVE)
    assert dienst.leiding(links.facilitator_token).pins() == {"gespreksleider": False, "notulist": False}
    await klik(user, marker="pin-notulist")
    await user.should_see(marker="nieuwe-pincode", retries=LIVE)
    user.find(marker="nieuwe-pincode").type("2468")
    await klik(user, marker="pin-opslaan")
    await user.should_see("Link notulist: met pincode", retries=LIVE)
    assert dienst.leiding(links.facilitator_token).pins() == {"gespreksleider": False, "notulist": True}

    notulist = create_user()
    await notulist.open(f"/notulen/{links.secretary_token}")
    await notulist.should_see("Pincode nodig", retries=LIVE)
    await _pin_invullen(notulist, "2468")
    await notulist.should_see("Concept downloaden", retries=LIVE)

    await klik(user, marker="pin-weg-notulist")
    await user.should_see("Link notulist: zonder pincode", retries=LIVE)
    assert dienst.pincodes.pin_stand(links.meeting_id, "notulist") is None


async def test_organisator_maakt_een_overleg_met_pincode(user: User, create_user, app: Context):
    await inloggen(user)
    user.find("Buurt of wijk").type("Dichterswijk")
    user.find(marker="nieuw-pin-gespreksleider").type("12")
    await klik(user, "Overleg aanmaken")
    await user.should_see("Een pincode bestaat uit 4 tot 8 cijfers", retries=LIVE)
    assert app.dienst.aanmelding.overzicht() == [], "a wrong PIN is refused before the meeting exists"
    user.find(marker="nieuw-pin-gespreksleider").clear().type("97531")
    await klik(user, "Overleg aanmaken")
    await user.should_see("Start het overleg", retries=LIVE)  # the organiser chose it: no second prompt
    (rij,) = app.dienst.aanmelding.overzicht()
    assert app.dienst.leiding(rij.links.facilitator_token).pins() == {"gespreksleider": True, "notulist": False}

    gast = create_user()
    await gast.open(f"/leiding/{rij.links.facilitator_token}")
    await gast.should_see("Pincode nodig", retries=LIVE)
    await _pin_invullen(gast, "97531")
    await gast.should_see("Start het overleg", retries=LIVE)


# ---------------------------------------------------------------------------- wrong and expired links


async def test_verlopen_links_geven_een_nette_weigering(user: User, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Tijdelijk", date(2026, 11, 23), "test-kort")
    with app.db.transactie() as s:
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


async def test_afgesloten_overleg_per_rol(user: User, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Klaar", date(2026, 11, 23), "test-kort")
    dienst.leiding(links.facilitator_token).beeindig()
    await user.open(f"/doe/{links.join_code}")
    await user.should_see("Dit overleg is afgelopen.", retries=LIVE)
    await user.open(f"/scherm/{links.projector_token}")
    await user.should_see("Het overleg is afgesloten. Bedankt!", retries=LIVE)
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Het overleg is afgesloten.", retries=LIVE)
    await user.open(f"/notulen/{links.secretary_token}")  # the minutes are made after the meeting
    await user.should_see("Concept downloaden", retries=LIVE)


async def test_overleg_verwijderd_terwijl_de_console_open_staat(user: User, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Straks weg", date(2026, 11, 23), "test-kort")
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Start het overleg", retries=LIVE)
    with app.db.transactie() as s:
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


async def test_beamer_toont_niets_wat_een_deelnemer_niet_mag_zien(user: User, app: Context):
    dienst = app.dienst
    links = dienst.aanmelding.maak("Transwijk", date(2026, 11, 23), "test-kort")
    t = links.facilitator_token
    zaal = [
        dienst.aanmelding.aanmelden(links.meeting_id, naam, org, domein)
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

    dienst.leiding(t).instellingen(live_uitslag=True)  # live results never lift a blind question
    dienst.leiding(t).start()
    for deelnemer, fase in zip(zaal, ("fase-incidenten", "fase-ongemak", "fase-escalatie"), strict=False):
        dienst.deelnemer(links.meeting_id, deelnemer).antwoord("test-fase", fase)
    await user.should_see("3 van 3 hebben geantwoord", retries=LIVE)
    await user.should_see("De antwoorden blijven verborgen", retries=LIVE)
    titels = [o.titel for o in dienst.lezen.vergadering(links.meeting_id).stappen[0].vragen[0].opties]
    for titel in titels:
        await user.should_not_see(titel)
    (uitslag,) = dienst.lezen.uitslagen(links.meeting_id, 0)
    assert not uitslag.zichtbaar and uitslag.verdeling == {}
    dienst.leiding(t).onthul()
    await user.should_see(titels[0].lower(), retries=LIVE)  # a step of the fase scale in the picture per domain

    dienst.leiding(t).ga_naar(2)
    dienst.leiding(t).instellingen(signalen_modereren=True)
    dienst.deelnemer(links.meeting_id, zaal[0]).signaal("test-signalen", "waarneming", "Wacht op goedkeuring")
    zichtbaar = dienst.deelnemer(links.meeting_id, zaal[1]).signaal(
        "test-signalen", "waarneming", "Scooters op de stoep"
    )
    verborgen = dienst.deelnemer(links.meeting_id, zaal[2]).signaal("test-signalen", "duiding", "Verborgen duiding")
    dienst.leiding(t).modereer(zichtbaar, goedgekeurd=True)
    dienst.leiding(t).modereer(verborgen, goedgekeurd=True)
    dienst.leiding(t).modereer(verborgen, verborgen=True)
    await user.should_see("Scooters op de stoep", retries=LIVE)
    await user.should_see("Politie Midden", retries=LIVE)  # the organisation, not the person
    for niet in ("Wacht op goedkeuring", "Verborgen duiding", *namen):
        await user.should_not_see(niet)
    alles = _alle_tekst(user)
    assert links.facilitator_token not in alles and links.secretary_token not in alles

    dienst.leiding(t).instellingen(toon_namen=True)  # the room chose to show names
    await user.should_see("Gerrit Geheim", retries=LIVE)
    await user.should_not_see("Yasmina Vertrouwelijk")  # her signal is still waiting for approval
    assert not [
        e
        for e in user.client.elements.values()
        if isinstance(e, (ui.html, ui.markdown)) and "Gerrit" in getattr(e, "content", "")
    ]

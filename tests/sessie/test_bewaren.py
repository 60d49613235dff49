"""Deleting a meeting and the retention period: nothing that names a person may stay behind,
not in any table, not in the SQLite files, not in the export files; other meetings stay as
they were; a dry run changes nothing; only the organiser deletes."""

from __future__ import annotations

import json
import logging
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from nicegui.testing import User
from pypdf import PdfReader
from sqlalchemy import select

from buurtoverleg.app import Context
from buurtoverleg.export import bouw_bestand, exporteer
from buurtoverleg.samenstelling import maak_dienst
from buurtoverleg.sessie.bewaren import verslag
from buurtoverleg.sessie.dienst import Dienst
from buurtoverleg.sessie.fouten import Geweigerd
from buurtoverleg.sessie.gebeurtenissen import Gebeurtenis
from buurtoverleg.sessie.wissen import WEGGEHAALD
from buurtoverleg.storage import Database, upgrade
from buurtoverleg.storage.models import Base, Meeting, Participant, Signal, SignalUpvote
from buurtoverleg.toegang import Organisator
from buurtoverleg.voorbeeld import DEELNEMERS, NOTULIST, vul
from tests.conftest import ORGANISATOR, Nepklok
from tests.pages.hulp import LIVE, inloggen, klik, meedoen

BEWONER = "Mevrouw Hendriks van nummer 12"
"""A resident named in a signal: not a participant, so only removing the text protects her."""
NAMEN = [d[0] for d in DEELNEMERS] + [NOTULIST[0], BEWONER]
ANDER = "Ans Visser"
"""The participant of the other meeting, which must stay as it was."""


# ---------------------------------------------------------------------- helpers


def _vol(dienst: Dienst, exportmap: Path, datum: date = date(2026, 11, 23)) -> int:
    """A finished meeting with names everywhere they can end up: participants, a signal about a
    resident, a merged signal, notes, a decision and an action that name people, a final version
    with names, and export files of the draft and of version 1."""
    demo = vul(dienst, "Kanaleneiland-Zuid", datum)
    m, t, n = demo.links.meeting_id, demo.links.facilitator_token, demo.links.secretary_token
    kaarten = dienst.lezen.signalen(m, alles=True)
    dienst.leiding(t).voeg_samen(kaarten[1].id, kaarten[0].id)
    with dienst.db.transactie() as s:
        s.add(
            Signal(
                meeting_id=m,
                participant_id=demo.deelnemers[7],
                prompt_id="kort-signalen-vraag",
                kind="waarneming",
                text=f"{BEWONER} durft 's avonds niet meer naar buiten.",
            )
        )
    dienst.leiding(t).aanpak.besluit(
        "Kees van Dijk informeert de bewonerscommissie.", reden="Eline de Vries vraagt erom."
    )
    dienst.leiding(t).aanpak.actie(
        {
            "wat": "Gesprek met Youssef Amrani over het speelveld",
            "resultaat": "Afspraken",
            "wanneer": (dienst.nu().date() + timedelta(days=30)).isoformat(),
            "uitvoerder": "Sander Bakker (wijkagent)",
            "coordinator": "sander bakker",
        },
    )
    dienst.notulist(n).notitie(1, "Sander Bakker en Eline de Vries zien het anders; Joke Hermans notuleert.")
    dienst.notulist(n).namen_in_notulen(True)
    dienst.notulist(n).maak_definitief()
    for formaat in ("pdf", "json", "csv"):
        exporteer(dienst.lezen.notulen(m), formaat, exportmap)
    exporteer(dienst.lezen.notulen_versie(m, 1), "docx", exportmap)
    return m


def _ander(dienst: Dienst, exportmap: Path, datum: date) -> int:
    links = dienst.aanmelding.maak("Overvecht", datum, "test-kort")
    a = dienst.aanmelding.aanmelden(links.meeting_id, ANDER, "Politie Utrecht", "politie")
    b = dienst.aanmelding.aanmelden(links.meeting_id, "Bo de Wit", "Buurtteam", "welzijn")
    dienst.leiding(links.facilitator_token).start()
    dienst.deelnemer(links.meeting_id, a).antwoord("test-fase", "fase-rust")
    dienst.leiding(links.facilitator_token).ga_naar(2)
    s = dienst.deelnemer(links.meeting_id, a).signaal("test-signalen", "waarneming", "Ans ziet weer graffiti.")
    dienst.deelnemer(links.meeting_id, b).herken(s)
    exporteer(dienst.lezen.notulen(links.meeting_id), "pdf", exportmap)
    return links.meeting_id


def _rijen(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, as plain data."""
    with db.engine.connect() as c:
        return {
            t.name: [dict(r._mapping) for r in c.execute(t.select().order_by(*t.primary_key))]
            for t in Base.metadata.sorted_tables
        }


def _van(db: Database, meeting_id: int) -> dict[str, list[dict[str, Any]]]:
    """The rows that belong to one meeting (by meeting id, or through its signals)."""
    alles = _rijen(db)
    signalen = {r["id"] for r in alles["signal"] if r["meeting_id"] == meeting_id}
    return {
        tabel: [
            r
            for r in rijen
            if r.get("meeting_id", r.get("id") if tabel == "meeting" else None) == meeting_id
            or (tabel == "signal_upvote" and r["signal_id"] in signalen)
        ]
        for tabel, rijen in alles.items()
    }


def _noemt(rijen: dict[str, list[dict[str, Any]]], namen: list[str]) -> list[tuple[str, str]]:
    """(table, name) for every row that contains one of the names, in any case."""
    return [
        (tabel, naam)
        for tabel, lijst in rijen.items()
        for r in lijst
        for naam in namen
        if naam.lower() in json.dumps(r, default=str, ensure_ascii=False).lower()
    ]


def _in_bestanden(map_: Path, patroon: str, namen: list[str]) -> list[tuple[str, str]]:
    """Names found in the raw bytes of files (UTF-8, and as JSON escapes, which SQLAlchemy's JSON uses)."""
    gevonden = []
    for pad in map_.glob(patroon):
        if not pad.is_file():
            continue
        ruw = pad.read_bytes()
        for naam in namen:
            vormen = {naam.encode(), json.dumps(naam)[1:-1].encode()}
            if any(v in ruw for v in vormen):
                gevonden.append((pad.name, naam))
    return gevonden


def _organisator(dienst: Dienst, tmp_path: Path) -> str:
    organisator = Organisator(tmp_path, ORGANISATOR)
    dienst.organisatorcontrole = organisator
    return organisator.meld_aan()


# ---------------------------------------------------------------------- deleting


def test_verwijderen_wist_alles_wat_een_persoon_noemt(
    dienst: Dienst, db: Database, tmp_path: Path, gebeurtenissen: list[Gebeurtenis]
):
    exportmap = tmp_path / "exports"
    bewijs = _organisator(dienst, tmp_path)
    m = _vol(dienst, exportmap)
    ander = _ander(dienst, exportmap, date(2026, 11, 20))
    voor_ander = _van(db, ander)
    assert _noemt(_rijen(db), NAMEN), "the meeting names people before it is deleted"
    assert len(list(exportmap.glob("kanaleneiland-zuid_*"))) == 4
    inhoud = dienst.lezen.inhoud(m, exportmap)
    assert (inhoud.deelnemers, inhoud.versies, len(inhoud.bestanden)) == (9, 1, 4)

    weg = dienst.organisator(bewijs).verwijder_overleg(m, exportmap=exportmap, archief=tmp_path / "archief")
    assert (gebeurtenissen[-1].meeting_id, gebeurtenissen[-1].soort) == (m, "overleg"), (
        "open pages hear that it is gone"
    )

    alles = _rijen(db)
    assert _noemt(alles, NAMEN) == []
    assert all(r.get("meeting_id") != m for rijen in alles.values() for r in rijen)
    assert m not in {r["id"] for r in alles["meeting"]}
    assert _van(db, ander) == voor_ander, "the other meeting is untouched"
    assert _in_bestanden(tmp_path, "test.sqlite*", NAMEN) == [], "no deleted name left in the SQLite files"
    assert list(exportmap.glob("kanaleneiland-zuid_*")) == []
    assert [p.name for p in exportmap.iterdir()] == [f"overvecht_2026-11-20_overleg-{ander}_concept.pdf"]
    assert weg.rijen["deelnemers"] == 9 and weg.rijen["versies"] == 1 and weg.rijen["signalen"] == inhoud.signalen
    assert weg.rijen["antwoorden"] == inhoud.antwoorden and len(weg.bestanden) == 4

    archief = weg.archief
    assert archief is not None and archief.parent == tmp_path / "archief" and archief.suffix == ".json"
    data = json.loads(archief.read_text(encoding="utf-8"))
    assert data["formaat"] == "buurtoverleg-archief" and data["buurt"] == "Kanaleneiland-Zuid"
    assert len(data["antwoorden"]) == inhoud.antwoorden


def test_alleen_de_organisator_mag_verwijderen(dienst: Dienst, db: Database, tmp_path: Path):
    m = dienst.aanmelding.maak("Lombok", date(2026, 11, 23), "test-kort")
    dienst.aanmelding.aanmelden(m.meeting_id, "Ans", "Politie", "politie")
    with pytest.raises(Geweigerd, match="Alleen de organisator"):  # no organiser wired in: nobody
        dienst.organisator(Organisator(tmp_path, ORGANISATOR).meld_aan()).verwijder_overleg(m.meeting_id)
    _organisator(dienst, tmp_path)
    anders = Organisator(tmp_path / "ander", "een-ander-wachtwoord").meld_aan()
    for bewijs in (
        m.facilitator_token,
        m.secretary_token,
        m.projector_token,
        m.join_code,
        ORGANISATOR,
        anders,
        "",
        None,
        0,
    ):
        with pytest.raises(Geweigerd, match="Alleen de organisator"):
            dienst.organisator(bewijs).verwijder_overleg(m.meeting_id)
        with pytest.raises(Geweigerd, match="Alleen de organisator"):
            dienst.organisator(bewijs).archief(m.meeting_id)
    assert dienst.lezen.inhoud(m.meeting_id).deelnemers == 1


def test_zonder_archief_geen_verwijdering(dienst: Dienst, db: Database, tmp_path: Path):
    """'Export voor verwijderen': when the archive cannot be written, nothing is deleted."""
    bewijs = _organisator(dienst, tmp_path)
    m = dienst.aanmelding.maak("Lombok", date(2026, 11, 23), "test-kort")
    dienst.aanmelding.aanmelden(m.meeting_id, "Ans", "Politie", "politie")
    (tmp_path / "geen-map").write_text("een bestand")
    with pytest.raises(Geweigerd, match="archief kon niet worden geschreven"):
        dienst.organisator(bewijs).verwijder_overleg(m.meeting_id, archief=tmp_path / "geen-map" / "archief.json")
    exportmap = tmp_path / "exports"
    exporteer(dienst.lezen.notulen(m.meeting_id), "json", exportmap)
    with pytest.raises(Geweigerd, match="andere map dan de exportmap"):
        dienst.organisator(bewijs).verwijder_overleg(m.meeting_id, exportmap=exportmap, archief=exportmap)
    assert dienst.lezen.inhoud(m.meeting_id).deelnemers == 1


# ---------------------------------------------------------------------- the retention period


@pytest.fixture
def oud_en_nieuw(dienst: Dienst, klok: Nepklok, tmp_path: Path) -> tuple[int, int]:
    """An old meeting (ended 23-11-2026) and a recent one; then the clock moves to 1-1-2028, so
    with twelve months only the first is older than the retention period (grens 1-1-2027)."""
    oud = _vol(dienst, tmp_path / "exports")
    klok.tijd = datetime(2028, 1, 1, 9, 0)
    nieuw = _ander(dienst, tmp_path / "exports", date(2027, 12, 1))
    return oud, nieuw


def test_anonimiseren_houdt_het_dossier_maar_niet_de_mensen(
    dienst: Dienst, db: Database, tmp_path: Path, oud_en_nieuw: tuple[int, int]
):
    oud, nieuw = oud_en_nieuw
    voor, voor_nieuw = _van(db, oud), _van(db, nieuw)
    uitslagen = [dienst.lezen.uitslagen(oud, st.positie) for st in dienst.lezen.vergadering(oud).stappen]
    acties = dienst.lezen.acties(oud)

    opruiming = dienst.bewaren.ruim_op(12, "anonimiseren", exportmap=tmp_path / "exports")

    assert opruiming.grens == date(2027, 1, 1)
    assert [(r.meeting_id, r.wijze) for r in opruiming.regels] == [(oud, "geanonimiseerd")]
    assert opruiming.regels[0].wijzigingen["namen"] == 9 and len(opruiming.regels[0].bestanden) == 4
    na = _van(db, oud)
    assert _noemt(na, NAMEN) == []
    assert _in_bestanden(tmp_path, "test.sqlite*", NAMEN) == []
    assert list((tmp_path / "exports").glob("kanaleneiland-zuid_*")) == []
    assert _van(db, nieuw) == voor_nieuw, "the recent meeting is untouched"

    # kept: every count, organisations and domains, answers, decisions and actions
    for tabel in ("participant", "response", "signal", "signal_upvote", "decision", "action", "minutes_version"):
        assert len(na[tabel]) == len(voor[tabel]), tabel
    assert na["response"] == voor["response"]
    assert [(p["organisation"], p["domain"], p["role"]) for p in na["participant"]] == [
        (p["organisation"], p["domain"], p["role"]) for p in voor["participant"]
    ]
    assert [p["name"] for p in na["participant"]] == [f"Deelnemer {i}" for i in range(1, 10)]
    assert [dienst.lezen.uitslagen(oud, st.positie) for st in dienst.lezen.vergadering(oud).stappen] == uitslagen
    assert [(a.id, a.wanneer, a.status, a.besluit_id) for a in dienst.lezen.acties(oud)] == [
        (a.id, a.wanneer, a.status, a.besluit_id) for a in acties
    ]
    assert {a.wat for a in dienst.lezen.acties(oud)} - {a.wat for a in acties} == {
        "Gesprek met Deelnemer 4 over het speelveld"
    }
    actie = next(a for a in dienst.lezen.acties(oud) if a.wat.startswith("Gesprek met Deelnemer"))
    assert (actie.wat, actie.uitvoerder, actie.coordinator) == (
        "Gesprek met Deelnemer 4 over het speelveld",
        "Deelnemer 2 (wijkagent)",
        "Deelnemer 2",
    )
    assert "Deelnemer 8 informeert de bewonerscommissie." in [b.tekst for b in dienst.lezen.besluiten(oud)]
    assert {k["kind"] for k in na["decision"]} == {k["kind"] for k in voor["decision"]}

    # removed: what participants typed and the secretary's notes, also in the final version
    assert {s["text"] for s in na["signal"]} == {WEGGEHAALD}
    assert dienst.lezen.notities(oud) == {}
    versie = dienst.lezen.notulen_versie(oud, 1)
    assert not versie.namen and not versie.samenvatting and all(not a.namen for a in versie.aanwezig)
    assert (versie.voorzitter, versie.notulist, versie.afgemeld) == ("", "", "")  # typed for the heading
    assert {r.tekst for r in versie.waarnemingen + versie.duidingen} == {WEGGEHAALD}
    n = dienst.lezen.notulen(oud)
    assert n.aantal_aanwezig == 9 and len(n.besluiten) == len(dienst.lezen.notulen_versie(oud, 1).besluiten)
    assert bouw_bestand(n, "pdf").startswith(b"%PDF"), "the dossier still renders"

    assert dienst.bewaren.ruim_op(12, "anonimiseren", exportmap=tmp_path / "exports").regels == (), (
        "a second run: nothing"
    )


def test_twee_overleggen_in_dezelfde_buurt_op_dezelfde_dag_houden_hun_eigen_bestanden(dienst: Dienst, tmp_path: Path):
    exportmap = tmp_path / "exports"
    bewijs = _organisator(dienst, tmp_path)
    oefen = dienst.aanmelding.maak("Overvecht", date(2026, 11, 23), "test-kort")
    echt = dienst.aanmelding.maak("Overvecht", date(2026, 11, 23), "test-kort")
    dienst.leiding(echt.facilitator_token).aanpak.besluit("Het echte besluit.")
    oefenpdf = exporteer(dienst.lezen.notulen(oefen.meeting_id), "pdf", exportmap)
    echtpdf = exporteer(dienst.lezen.notulen(echt.meeting_id), "pdf", exportmap)
    assert oefenpdf != echtpdf, "the second export must not overwrite the first"

    dienst.organisator(bewijs).verwijder_overleg(oefen.meeting_id, exportmap=exportmap, archief=tmp_path / "archief")
    assert not oefenpdf.exists() and echtpdf.exists(), "deleting the practice round keeps the real minutes"
    assert any("Het echte besluit." in (p.extract_text() or "") for p in PdfReader(echtpdf).pages)


def test_verwijderen_na_de_bewaartermijn_alleen_oude_overleggen(
    dienst: Dienst, db: Database, tmp_path: Path, oud_en_nieuw: tuple[int, int]
):
    oud, nieuw = oud_en_nieuw
    voor_nieuw = _van(db, nieuw)
    opruiming = dienst.bewaren.ruim_op(12, "verwijderen", exportmap=tmp_path / "exports")
    assert [(r.meeting_id, r.wijze) for r in opruiming.regels] == [(oud, "verwijderd")]
    assert _noemt(_rijen(db), NAMEN) == []
    assert all(rijen == [] for rijen in _van(db, oud).values())
    assert _van(db, nieuw) == voor_nieuw
    assert _in_bestanden(tmp_path, "test.sqlite*", NAMEN) == []
    assert [p.name for p in (tmp_path / "exports").iterdir()] == [f"overvecht_2027-12-01_overleg-{nieuw}_concept.pdf"]
    assert dienst.bewaren.ruim_op(36, "verwijderen").regels == (), "nothing is older than three years"


@pytest.mark.parametrize("wijze", ["anonimiseren", "verwijderen"])
def test_droog_verandert_niets(dienst: Dienst, db: Database, tmp_path: Path, oud_en_nieuw: tuple[int, int], wijze: str):
    exportmap = tmp_path / "exports"
    voor, bestanden = _rijen(db), sorted(exportmap.iterdir())
    droog = dienst.bewaren.ruim_op(12, wijze, exportmap=exportmap, droog=True)
    assert _rijen(db) == voor and sorted(exportmap.iterdir()) == bestanden
    assert verslag(droog)[-1].startswith("Droog: er is niets veranderd")
    echt = dienst.bewaren.ruim_op(12, wijze, exportmap=exportmap)
    assert droog.regels == echt.regels, "the dry run reports exactly what the real run then does"


def test_peildatum_is_het_einde_als_dat_later_is(dienst: Dienst, klok: Nepklok):
    """A meeting dated long ago that only ended recently is counted from its end."""
    links = dienst.aanmelding.maak("Zuilen", date(2025, 1, 1), "test-kort")
    dienst.aanmelding.aanmelden(links.meeting_id, "Ans", "Politie", "politie")
    klok.tijd = datetime(2026, 6, 1)
    dienst.leiding(links.facilitator_token).beeindig()
    klok.tijd = datetime(2027, 3, 1)
    assert dienst.bewaren.ruim_op(12).regels == ()
    klok.tijd = datetime(2027, 6, 2)
    assert [r.peildatum for r in dienst.bewaren.ruim_op(12).regels] == [date(2026, 6, 1)]


def test_ongeldige_bewaarinstellingen(dienst: Dienst, monkeypatch: pytest.MonkeyPatch):
    from buurtoverleg.instellingen import Instellingen

    assert Instellingen.uit_omgeving().bewaartermijn_maanden is None, "off unless the municipality chooses"
    assert Instellingen.uit_omgeving().bewaren == "anonimiseren"
    for maanden in (0, -3, True):
        with pytest.raises(Geweigerd):
            dienst.bewaren.ruim_op(maanden)  # type: ignore[arg-type]
    with pytest.raises(Geweigerd):
        dienst.bewaren.ruim_op(12, "weggooien")
    monkeypatch.setenv("BUURTOVERLEG_BEWAARTERMIJN_MAANDEN", "twee jaar")
    with pytest.raises(ValueError, match="heel aantal maanden"):
        Instellingen.uit_omgeving()
    monkeypatch.setenv("BUURTOVERLEG_BEWAARTERMIJN_MAANDEN", "24")
    monkeypatch.setenv("BUURTOVERLEG_BEWAREN", "weggooien")
    with pytest.raises(ValueError, match="anonimiseren of verwijderen"):
        Instellingen.uit_omgeving()


# ---------------------------------------------------------------------- the command line


def _oud_in_de_datamap(tmp_path: Path, catalogus) -> int:  # type: ignore[no-untyped-def]
    """A meeting from 2020 in the database the command line uses (the test's data directory)."""
    from buurtoverleg.sessie.gebeurtenissen import LokaleBus

    database = Database(_url_van_de_cli(tmp_path))
    upgrade(database.engine)
    links = maak_dienst(database, catalogus, LokaleBus()).aanmelding.maak("Zuilen", date(2020, 3, 1), "test-kort")
    maak_dienst(database, catalogus, LokaleBus()).aanmelding.aanmelden(links.meeting_id, ANDER, "Politie", "politie")
    database.engine.dispose()
    return links.meeting_id


def _url_van_de_cli(tmp_path: Path) -> str:
    """The database the command line opens: the test's PostgreSQL database, or the data directory's file."""
    return os.environ.get("BUURTOVERLEG_DATABASE_URL") or f"sqlite:///{tmp_path / 'buurtoverleg.sqlite'}"


def _namen_in(tmp_path: Path) -> list[str]:
    database = Database(_url_van_de_cli(tmp_path))
    with database.transactie() as s:
        namen = list(s.scalars(select(Participant.name)))
    database.engine.dispose()
    return namen


def test_cli_opruimen_droog_en_echt(tmp_path: Path, catalogus, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    from buurtoverleg.cli import main

    m = _oud_in_de_datamap(tmp_path, catalogus)
    assert main(["opruimen", "--droog"]) == 2
    assert "geen bewaartermijn ingesteld" in capsys.readouterr().err

    assert main(["opruimen", "--droog", "--bewaartermijn-maanden", "12"]) == 0
    uit = capsys.readouterr().out
    assert f"overleg {m} · Zuilen · 01-03-2020: wordt geanonimiseerd (1 naam)" in uit
    assert "Droog: er is niets veranderd" in uit
    assert _namen_in(tmp_path) == [ANDER]

    assert main(["opruimen", "--bewaartermijn-maanden", "12"]) == 0
    uit = capsys.readouterr().out
    assert f"overleg {m} · Zuilen · 01-03-2020: geanonimiseerd (1 naam)" in uit
    assert _namen_in(tmp_path) == ["Deelnemer 1"]

    assert main(["opruimen", "--bewaartermijn-maanden", "12", "--bewaren", "verwijderen"]) == 0
    assert f"overleg {m} · Zuilen · 01-03-2020: verwijderd" in capsys.readouterr().out
    assert _namen_in(tmp_path) == []


def test_optie_gaat_voor_de_omgeving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from buurtoverleg.instellingen import Instellingen

    monkeypatch.setenv("BUURTOVERLEG_HOST", "127.0.0.1")
    monkeypatch.setenv("BUURTOVERLEG_PORT", "8081")
    monkeypatch.setenv("BUURTOVERLEG_BEWAREN", "verwijderen")
    uit_omgeving = Instellingen.uit_omgeving(port=None, bewaren=None)  # None: the option was not given
    assert (uit_omgeving.host, uit_omgeving.port, uit_omgeving.bewaren) == ("127.0.0.1", 8081, "verwijderen")
    assert uit_omgeving.datamap == tmp_path, "BUURTOVERLEG_DATA_DIR (set for every test)"

    opties = Instellingen.uit_omgeving(port=9000, datamap=tmp_path / "optie", bewaren="anonimiseren")
    assert (opties.host, opties.port, opties.bewaren) == ("127.0.0.1", 9000, "anonimiseren")
    assert opties.datamap == tmp_path / "optie"
    monkeypatch.setenv("BUURTOVERLEG_PORT", "abc")
    assert Instellingen.uit_omgeving(port=9000).port == 9000, "a wrong variable the option replaces does not count"


@pytest.mark.parametrize(
    ("variabele", "waarde", "opdracht"),
    [
        ("BUURTOVERLEG_PORT", "abc", ["serve"]),
        ("BUURTOVERLEG_BEWAARTERMIJN_MAANDEN", "-3", ["serve"]),
        ("BUURTOVERLEG_BEWAREN", "weggooien", ["backup", "kopie.sqlite"]),
        ("BUURTOVERLEG_BEWAARTERMIJN_MAANDEN", "twee jaar", ["opruimen", "--droog"]),
        ("BUURTOVERLEG_PORT", "80 80", ["content", "check"]),
    ],
)
def test_cli_verkeerde_instelling_geeft_een_melding(  # type: ignore[no-untyped-def]
    variabele: str, waarde: str, opdracht: list[str], tmp_path: Path, monkeypatch, capsys
):
    """A wrong value stops the command before it starts anything, with a Dutch line that names
    the variable and exit code 2, like the other input errors of the command line."""
    import importlib

    from buurtoverleg.cli import main

    # the module `serve` imports start from (sys.modules, even if a test replaced the package)
    app = importlib.import_module("buurtoverleg.app")
    monkeypatch.setattr(app, "start", lambda *a, **k: pytest.fail("the app must not start"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(variabele, waarde)
    assert main(opdracht) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("fout: ") and variabele in fout and "Traceback" not in fout
    assert not (tmp_path / "kopie.sqlite").exists()


def test_cli_optie_gaat_voor_de_omgeving(tmp_path: Path, catalogus, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    from buurtoverleg.cli import main

    m = _oud_in_de_datamap(tmp_path, catalogus)
    monkeypatch.setenv("BUURTOVERLEG_BEWAARTERMIJN_MAANDEN", "1200")  # the 2020 meeting is not that old
    monkeypatch.setenv("BUURTOVERLEG_BEWAREN", "anonimiseren")
    assert main(["opruimen", "--droog", "--bewaartermijn-maanden", "12", "--bewaren", "verwijderen"]) == 0
    uit = capsys.readouterr().out
    assert uit.startswith("Bewaartermijn 12 maanden (verwijderen)")
    assert f"overleg {m} · Zuilen · 01-03-2020: wordt verwijderd" in uit


# ---------------------------------------------------------------------- the app


@pytest.fixture
def bewaartermijn(
    tmp_path: Path,
    catalogus,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    caplog: pytest.LogCaptureFixture,
) -> int:
    """Set before the app starts (request it before `user`): retention of 12 months and an old meeting."""
    monkeypatch.setenv("BUURTOVERLEG_BEWAARTERMIJN_MAANDEN", "12")
    caplog.set_level(logging.INFO, logger="buurtoverleg")
    return _oud_in_de_datamap(tmp_path, catalogus)


async def test_de_app_ruimt_op_bij_de_start(
    bewaartermijn: int, caplog: pytest.LogCaptureFixture, user: User, app: Context
):
    m = bewaartermijn
    assert [d.naam for d in app.dienst.lezen.vergadering(m).deelnemers] == ["Deelnemer 1"]
    bij_de_start = [r.getMessage() for r in caplog.get_records("setup")]
    assert f"bewaartermijn: overleg {m} · Zuilen · 01-03-2020: geanonimiseerd (1 naam)" in bij_de_start


async def test_de_organisator_verwijdert_een_overleg_met_de_knop(user: User, app: Context):
    dienst = app.dienst
    weg = dienst.aanmelding.maak("Lunetten", date(2026, 11, 23), "test-kort")
    dienst.aanmelding.aanmelden(weg.meeting_id, "Ans Visser", "Politie", "politie")
    blijft = dienst.aanmelding.maak("Tuindorp", date(2026, 11, 24), "test-kort")
    exporteer(dienst.lezen.notulen(weg.meeting_id), "pdf", app.instellingen.exportmap)
    await inloggen(user)
    await user.should_see("Lunetten · 23-11-2026", retries=LIVE)
    await klik(user, marker=f"verwijder-{weg.meeting_id}")
    await user.should_see("Lunetten · 23-11-2026 verwijderen?", retries=LIVE)
    await user.should_see("• 1 deelnemer met naam, organisatie en domein", retries=LIVE)
    await user.should_see("• 1 exportbestand in de exportmap", retries=LIVE)

    await klik(user, marker="archief-downloaden")
    archief = await user.download.next(timeout=5)
    assert json.loads(archief.content)["formaat"] == "buurtoverleg-archief"
    assert dienst.lezen.inhoud(weg.meeting_id).deelnemers == 1, "downloading deletes nothing"

    await klik(user, marker="verwijder-bevestig")
    await user.should_not_see("Lunetten · 23-11-2026", retries=LIVE)
    await user.should_see("Tuindorp · 24-11-2026", retries=LIVE)
    assert [r.id for r in dienst.aanmelding.overzicht()] == [blijft.meeting_id]
    assert list(app.instellingen.exportmap.glob("lunetten_*")) == []
    with app.db.transactie() as s:
        assert s.scalars(select(Participant.name)).all() == []


async def test_wie_geen_organisator_is_ziet_geen_knop_en_kan_niet_verwijderen(user: User, app: Context):
    links = app.dienst.aanmelding.maak("Lunetten", date(2026, 11, 23), "test-kort")
    await user.open("/")
    await user.should_see("Organisator", retries=LIVE)
    await user.should_not_see("Verwijderen")
    await user.should_not_see(marker=f"verwijder-{links.meeting_id}")
    await user.open(f"/leiding/{links.facilitator_token}")
    await user.should_see("Start het overleg", retries=LIVE)
    await user.should_not_see("Definitief verwijderen")
    for bewijs in (links.facilitator_token, links.secretary_token, "organisator"):
        with pytest.raises(Geweigerd, match="Alleen de organisator"):
            app.dienst.organisator(bewijs).verwijder_overleg(links.meeting_id)
    assert [r.id for r in app.dienst.aanmelding.overzicht()] == [links.meeting_id]


def test_samengevoegde_signalen_en_herkenningen_gaan_mee(dienst: Dienst, db: Database, tmp_path: Path):
    """Merging moves 'herken ik' and keeps the author on record: both go with the meeting."""
    bewijs = _organisator(dienst, tmp_path)
    m = _vol(dienst, tmp_path / "exports")
    with db.transactie() as s:
        samengevoegd = s.scalars(select(Signal).where(Signal.meeting_id == m, Signal.merged_into_id.is_not(None))).all()
        assert samengevoegd
        deelnemers = set(s.scalars(select(Participant.id).where(Participant.meeting_id == m)))
    dienst.organisator(bewijs).verwijder_overleg(m)
    with db.transactie() as s:
        assert s.scalars(select(SignalUpvote).where(SignalUpvote.participant_id.in_(deelnemers))).all() == []
        assert s.scalars(select(Signal).where(Signal.meeting_id == m)).all() == []
        assert s.get(Meeting, m) is None


def test_het_vervolgoverleg_houdt_zijn_terugblik_zonder_namen(dienst: Dienst, db: Database, tmp_path: Path):
    """A follow-up's final minutes froze the reviewed actions of the deleted meeting: the names of
    its people go from that section; the follow-up's own attendance (the same person) stays."""
    bewijs = _organisator(dienst, tmp_path)
    m = _vol(dienst, tmp_path / "exports")
    actie = next(a for a in dienst.lezen.acties(m) if a.uitvoerder.startswith("Sander"))
    vervolg = dienst.aanmelding.maak("Kanaleneiland-Zuid", date(2027, 1, 10), "test-kort", vorige=m)
    dienst.aanmelding.aanmelden(vervolg.meeting_id, "Sander Bakker", "Politie", "politie")
    dienst.leiding(vervolg.facilitator_token).aanpak.beoordeel_actie(
        actie.id, "uitgevoerd", "Youssef Amrani was er ook bij"
    )
    dienst.notulist(vervolg.secretary_token).maak_definitief()
    assert "Sander Bakker" in json.dumps(dienst.lezen.notulen_versie(vervolg.meeting_id, 1).to_dict()["terugblik"])

    weg = dienst.organisator(bewijs).verwijder_overleg(m)

    terugblik = json.dumps(
        dienst.lezen.notulen_versie(vervolg.meeting_id, 1).to_dict()["terugblik"], ensure_ascii=False
    )
    assert not [naam for naam in NAMEN if naam.lower() in terugblik.lower()]
    assert "[naam] (wijkagent)" in terugblik and "[naam] was er ook bij" in terugblik
    assert weg.rijen["terugblikken"] == 1
    assert [d.naam for d in dienst.lezen.vergadering(vervolg.meeting_id).deelnemers] == ["Sander Bakker"]
    with db.transactie() as s:
        assert s.get(Meeting, vervolg.meeting_id).previous_meeting_id is None


@pytest.mark.alleen_sqlite  # PostgreSQL never hands out a deleted id again: the case cannot arise
async def test_telefoon_van_een_verwijderd_overleg_is_geen_deelnemer_van_het_nieuwe(user: User, app: Context):
    """SQLite hands the highest deleted number out again: the phone's memory must not carry over."""
    dienst = app.dienst
    oud = dienst.aanmelding.maak("Lunetten", date(2026, 11, 23), "test-kort")
    await meedoen(user, oud.join_code, "Ans Visser", "Politie")

    dienst.organisator(app.organisator.meld_aan()).verwijder_overleg(oud.meeting_id)
    await user.should_see("Dit overleg bestaat niet (meer).", retries=LIVE)  # the open phone hears it
    nieuw = dienst.aanmelding.maak("Tuindorp", date(2026, 11, 24), "test-kort")
    assert nieuw.meeting_id == oud.meeting_id, "the scenario needs the number to be reused"
    jan = dienst.aanmelding.aanmelden(nieuw.meeting_id, "Jan", "Buurtteam", "welzijn")
    assert jan >= 1

    await user.open(f"/doe/{nieuw.join_code}")
    await user.should_see("Vul in wie je bent", retries=LIVE)
    await user.should_not_see("Ans Visser")
    await user.should_not_see("Jan")

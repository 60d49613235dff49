"""`buurtoverleg`: start the app, check the content. Options override environment variables."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .bestanden import Datamapfout, besloten_datamap
from .instellingen import BEWAARWIJZEN, VERSIE, Instellingen, Instellingsfout

if TYPE_CHECKING:
    from .sessie.dienst import Dienst


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="buurtoverleg",
        description="Buurtoverleg: live buurtoverleggen met beamer, telefoons en notulen.",
    )
    p.add_argument("--version", action="version", version=f"buurtoverleg {VERSIE}")
    sub = p.add_subparsers(dest="opdracht")

    serve = sub.add_parser("serve", help="start de app (standaard als je geen opdracht geeft)")
    _serve_opties(serve)

    content = sub.add_parser("content", help="de methode in content/ controleren of tonen")
    csub = content.add_subparsers(dest="content_opdracht", required=True)
    check = csub.add_parser("check", help="valideer de ingebouwde inhoud plus een extra map")
    check.add_argument(
        "map", nargs="?", type=Path, help="extra map met YAML-bestanden (standaard: BUURTOVERLEG_CONTENT_DIR)"
    )
    show = csub.add_parser("show", help="toon de geladen catalogus")
    show.add_argument("--json", action="store_true", required=True, help="als JSON (voor scripts)")

    advies = sub.add_parser("advies", help="oplossingsrichtingen en praktijkvoorbeelden bij een analyse, als JSON")
    advies.add_argument(
        "analyse", type=Path, help="JSON-bestand met de analyse (zie README, 'Advies buiten een overleg')"
    )

    export = sub.add_parser("export", help="de notulen van een overleg als bestand (pdf, docx, csv of json)")
    export.add_argument("meeting_id", metavar="MEETING_ID", type=int, help="het nummer van het overleg")
    export.add_argument(
        "--format",
        dest="formaat",
        choices=("pdf", "docx", "csv", "json"),
        default="pdf",
        help="pdf (versturen), docx (bewerken), csv (actielijst voor Excel), json (archief)",
    )
    export.add_argument("--out", type=Path, help="map voor het bestand (standaard: exports/ in de datamap)")
    export.add_argument("--versie", type=int, help="een definitieve versie in plaats van het actuele concept")
    _data_opties(export)

    demo = sub.add_parser(
        "demo",
        help="start de app met een oefenoverleg en gesimuleerde deelnemers (eigen datamap ./data-demo)",
        description="Zonder --fill: start de app (zoals serve) met een nieuw oefenoverleg en zeven gesimuleerde "
        "deelnemers, in een eigen datamap (standaard ./data-demo, los van echte overleggen; "
        "BUURTOVERLEG_DATA_DIR en BUURTOVERLEG_DATABASE_URL tellen hier niet). "
        "Met --fill: zet een afgerond demo-overleg in de ingestelde database en toon de links.",
    )
    demo.add_argument(
        "--fill", action="store_true", help="maak een volledig afgerond demo-overleg met notulen (app start niet)"
    )
    demo.add_argument("--buurt", help="naam van de buurt in het demo-overleg")
    _serve_opties(demo, datamap="zonder --fill standaard ./data-demo; met --fill BUURTOVERLEG_DATA_DIR of ./data")

    backup = sub.add_parser("backup", help="veilige kopie van de SQLite-database, ook terwijl de app draait")
    backup.add_argument(
        "doel",
        metavar="DEST",
        help="bestand, of map (bestaand of eindigend op /): dan buurtoverleg-<datum>-<tijd>.sqlite daarin",
    )
    _data_opties(backup)

    opruimen = sub.add_parser(
        "opruimen",
        help="de bewaartermijn toepassen: oude overleggen anonimiseren of verwijderen",
        description="Overleggen waarvan de datum (of het einde) langer dan de bewaartermijn geleden is, worden "
        "geanonimiseerd of verwijderd (zie README, 'Bewaren en verwijderen'). De app doet dit ook bij "
        "elke start en daarna dagelijks.",
    )
    opruimen.add_argument("--droog", action="store_true", help="alleen tonen wat er zou gebeuren; niets veranderen")
    _bewaar_opties(opruimen)
    _data_opties(opruimen)
    return p


def _bewaar_opties(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--bewaartermijn-maanden",
        type=int,
        metavar="N",
        help="overleggen ouder dan N maanden opruimen (BUURTOVERLEG_BEWAARTERMIJN_MAANDEN, standaard uit)",
    )
    p.add_argument(
        "--bewaren",
        choices=BEWAARWIJZEN,
        help="wat er na de bewaartermijn gebeurt (BUURTOVERLEG_BEWAREN, standaard anonimiseren)",
    )


def _data_opties(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data-dir", type=Path, help="map voor database en geheim (BUURTOVERLEG_DATA_DIR, standaard ./data)"
    )
    p.add_argument("--database-url", help="SQLAlchemy-URL (BUURTOVERLEG_DATABASE_URL)")
    p.add_argument(
        "--content-dir", type=Path, help="extra map met eigen inhoud en sjablonen (BUURTOVERLEG_CONTENT_DIR)"
    )


def _serve_opties(p: argparse.ArgumentParser, datamap: str = "BUURTOVERLEG_DATA_DIR, standaard ./data") -> None:
    p.add_argument(
        "--host",
        help="adres om op te luisteren (BUURTOVERLEG_HOST, standaard 0.0.0.0: ook bereikbaar voor telefoons op het wifi)",
    )
    p.add_argument("--port", type=int, help="poort (BUURTOVERLEG_PORT, standaard 8080)")
    p.add_argument("--data-dir", type=Path, help=f"map voor database en geheim ({datamap})")
    p.add_argument(
        "--database-url", help="SQLAlchemy-URL (BUURTOVERLEG_DATABASE_URL, standaard een SQLite-bestand in de datamap)"
    )
    p.add_argument(
        "--content-dir", type=Path, help="extra map met eigen inhoud en sjablonen (BUURTOVERLEG_CONTENT_DIR)"
    )
    p.add_argument(
        "--public-url", help="adres dat telefoons gebruiken, bv. http://192.168.1.20:8080 (BUURTOVERLEG_PUBLIEKE_URL)"
    )
    p.add_argument("--show", action="store_true", help="open de app in de browser")
    _bewaar_opties(p)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _opdracht(args)
    except Instellingsfout as fout:  # a wrong BUURTOVERLEG_* value: the message names it
        print(f"fout: {fout}", file=sys.stderr)
        return 2
    except Datamapfout as fout:  # a read-only or missing data directory: Dutch, no traceback
        print(f"fout: {fout}", file=sys.stderr)
        return 2


def _opdracht(args: argparse.Namespace) -> int:
    if args.opdracht == "content":
        return _content(args)
    if args.opdracht == "advies":
        return _advies(args)
    if args.opdracht == "export":
        return _export(args)
    if args.opdracht == "demo":
        return _demo(args)
    if args.opdracht == "backup":
        return _backup(args)
    if args.opdracht == "opruimen":
        return _opruimen(args)
    return _serve(args)


def _serve(args: argparse.Namespace) -> int:
    instellingen = _instellingen(args)
    besloten_datamap(instellingen.datamap)  # before anything is created in it
    _nicegui_opslag(instellingen)
    _logboek()
    from .app import start

    host = "localhost" if instellingen.host in ("0.0.0.0", "::") else instellingen.host
    print(
        f"Buurtoverleg {VERSIE} draait op http://{host}:{instellingen.port}/  (data: {instellingen.db_url})", flush=True
    )
    start(instellingen, show=bool(getattr(args, "show", False)))
    return 0


_OPTIES = {
    "host": "host",
    "port": "port",
    "datamap": "data_dir",
    "database_url": "database_url",
    "content_dir": "content_dir",
    "publieke_url": "public_url",
    "bewaartermijn_maanden": "bewaartermijn_maanden",
    "bewaren": "bewaren",
}
"""Setting -> command-line option; each subcommand has the options it needs, the rest are None."""


def _instellingen(args: argparse.Namespace, **anders: object) -> Instellingen:
    """The environment's settings, overridden by the options this subcommand was given."""
    opties: dict[str, object] = {veld: getattr(args, optie, None) for veld, optie in _OPTIES.items()}
    opties.update(anders)
    return Instellingen.uit_omgeving(**opties)


def _logboek() -> None:
    """The app's own log lines (refusals in `buurtoverleg.geweigerd`, warnings) with time and
    source on stderr; libraries only from warnings up."""
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("buurtoverleg").setLevel(logging.INFO)


def _nicegui_opslag(instellingen: Instellingen) -> None:
    """NiceGUI keeps the phones' signed storage on disk; keep it with the rest of the data.
    Must run before NiceGUI is imported."""
    os.environ.setdefault("NICEGUI_STORAGE_PATH", str((instellingen.datamap / "nicegui").resolve()))


def _domein(args: argparse.Namespace) -> tuple[Instellingen, Dienst]:
    """Settings, database (migrated) and domain for a command that works without the web app."""
    from .content import laad
    from .samenstelling import maak_dienst
    from .sessie.gebeurtenissen import LokaleBus
    from .storage import Database, upgrade

    instellingen = _instellingen(args)
    besloten_datamap(instellingen.datamap)
    db = Database(instellingen.db_url)
    upgrade(db.engine)
    catalogus = laad(instellingen.content_dir)
    for fout in catalogus.fouten:
        print(f"inhoud: {fout}", file=sys.stderr)
    return instellingen, maak_dienst(db, catalogus, LokaleBus())


def _export(args: argparse.Namespace) -> int:
    from .export import exporteer
    from .sessie.fouten import Geweigerd

    instellingen, dienst = _domein(args)
    try:
        notulen = (
            dienst.lezen.notulen_versie(args.meeting_id, args.versie)
            if args.versie
            else dienst.lezen.notulen(args.meeting_id)
        )
    except Geweigerd as fout:
        print(f"FOUT {fout}", file=sys.stderr)
        return 1
    pad = exporteer(notulen, args.formaat, args.out or instellingen.exportmap)
    print(pad)
    return 0


def _demo(args: argparse.Namespace) -> int:
    if not args.fill:
        return _demo_live(args)
    from .voorbeeld import vul

    instellingen, dienst = _domein(args)
    buurt = args.buurt or "Kanaleneiland-Zuid"
    demo = vul(dienst, buurt=buurt)
    links = demo.links
    basis = (instellingen.publieke_url or f"http://localhost:{args.port or instellingen.port}").rstrip("/")
    print(f"Demo-overleg {links.meeting_id} ({buurt}) staat in {instellingen.db_url}")
    print(f"  gespreksleider: {basis}/leiding/{links.facilitator_token}")
    print(f"  beamer:         {basis}/scherm/{links.projector_token}")
    print(f"  notulist:       {basis}/notulen/{links.secretary_token}")
    print(f"  notulen als PDF: buurtoverleg export {links.meeting_id} --format pdf")
    return 0


def _demo_live(args: argparse.Namespace) -> int:
    """The app with a practice meeting and simulated participants, in its own data directory:
    the environment's data directory or database URL would mix the demo with real meetings."""
    from .demo import OEFENBUURT, draai

    instellingen = _instellingen(args, datamap=args.data_dir or Path.cwd() / "data-demo").model_copy(
        update={"database_url": args.database_url}
    )
    besloten_datamap(instellingen.datamap)
    _nicegui_opslag(instellingen)
    _logboek()
    draai(instellingen, show=bool(args.show), buurt=args.buurt or OEFENBUURT)
    return 0


def _opruimen(args: argparse.Namespace) -> int:
    """The retention period by hand: prints per meeting what it did (or, with --droog, would do)."""
    try:
        instellingen, dienst = _domein(args)
    except ValueError as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2
    if instellingen.bewaartermijn_maanden is None:
        print(
            "Er is geen bewaartermijn ingesteld (BUURTOVERLEG_BEWAARTERMIJN_MAANDEN of --bewaartermijn-maanden); "
            "er is niets opgeruimd.",
            file=sys.stderr,
        )
        return 2
    from .sessie.bewaren import verslag

    opruiming = dienst.bewaren.ruim_op(
        instellingen.bewaartermijn_maanden, instellingen.bewaren, exportmap=instellingen.exportmap, droog=args.droog
    )
    print("\n".join(verslag(opruiming)))
    return 0


def _backup(args: argparse.Namespace) -> int:
    from .backup import maak_backup

    instellingen = _instellingen(args)
    try:
        pad = maak_backup(instellingen.db_url, args.doel)
    except (ValueError, OSError) as fout:
        print(f"FOUT {fout}", file=sys.stderr)
        return 1
    print(pad)
    return 0


def _content(args: argparse.Namespace) -> int:
    from .content import laad
    from .content.controle import controleer

    extra = getattr(args, "map", None) or Instellingen.uit_omgeving().content_dir
    catalogus = laad(extra)
    if args.content_opdracht == "check":
        return controleer(catalogus)
    json.dump(
        [
            {
                "id": e.id,
                "soort": e.soort,
                "titel": e.titel,
                "bron": e.bron,
                "ouder": e.ouder,
                "bestand": e.bestand,
                "referenties": _referenties(e.item) if e.ouder is None else {},
            }
            for e in catalogus.entries.values()
        ],
        sys.stdout,
        ensure_ascii=False,
        indent=1,
    )
    print()
    return 0


def _advies(args: argparse.Namespace) -> int:
    """Advice for an analysis in a JSON file; exit code 2 with a message if the input is wrong."""
    from .content import laad
    from .sessie.advies import adviseer, analyse_uit_dict

    pad: Path = args.analyse
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        print(f"fout: het bestand '{pad}' bestaat niet", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"fout: kan '{pad}' niet lezen ({exc})", file=sys.stderr)
        return 2
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        print(f"fout: '{pad}' is geen geldige JSON ({exc})", file=sys.stderr)
        return 2
    catalogus = laad(Instellingen.uit_omgeving().content_dir)
    try:
        advies = adviseer(catalogus, analyse_uit_dict(data))
    except ValueError as exc:
        print(f"fout in de analyse: {exc}", file=sys.stderr)
        return 2
    json.dump(advies.naar_dict(), sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


def _referenties(item: object) -> dict[str, list[str]]:
    velden = ("oplossingsrichtingen", "doelgroepen", "locaties", "oorzaken", "fasen")
    return {v: list(getattr(item, v)) for v in velden if getattr(item, v, None)}


if __name__ == "__main__":
    sys.exit(main())

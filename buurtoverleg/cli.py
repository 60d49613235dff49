"""`buurtoverleg`: start the app, check the content. Options override environment variables."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .instellingen import VERSIE, Instellingen


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
    check.add_argument("map", nargs="?", type=Path, help="extra map met YAML-bestanden (standaard: BUURTOVERLEG_CONTENT_DIR)")
    show = csub.add_parser("show", help="toon de geladen catalogus")
    show.add_argument("--json", action="store_true", required=True, help="als JSON (voor scripts)")
    return p


def _serve_opties(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", help="adres om op te luisteren (BUURTOVERLEG_HOST, standaard 0.0.0.0: ook bereikbaar voor telefoons op het wifi)")
    p.add_argument("--port", type=int, help="poort (BUURTOVERLEG_PORT, standaard 8080)")
    p.add_argument("--data-dir", type=Path, help="map voor database en geheim (BUURTOVERLEG_DATA_DIR, standaard ./data)")
    p.add_argument("--database-url", help="SQLAlchemy-URL (BUURTOVERLEG_DATABASE_URL, standaard een SQLite-bestand in de datamap)")
    p.add_argument("--content-dir", type=Path, help="extra map met eigen inhoud en sjablonen (BUURTOVERLEG_CONTENT_DIR)")
    p.add_argument("--public-url", help="adres dat telefoons gebruiken, bv. http://192.168.1.20:8080 (BUURTOVERLEG_PUBLIEKE_URL)")
    p.add_argument("--show", action="store_true", help="open de app in de browser")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.opdracht == "content":
        return _content(args)
    return _serve(args)


def _serve(args: argparse.Namespace) -> int:
    instellingen = Instellingen.uit_omgeving(
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
        datamap=getattr(args, "data_dir", None),
        database_url=getattr(args, "database_url", None),
        content_dir=getattr(args, "content_dir", None),
        publieke_url=getattr(args, "public_url", None),
    )
    # NiceGUI keeps the phones' signed storage on disk; keep it with the rest of the data.
    os.environ.setdefault("NICEGUI_STORAGE_PATH", str((instellingen.datamap / "nicegui").resolve()))
    from .app import start

    host = "localhost" if instellingen.host in ("0.0.0.0", "::") else instellingen.host
    print(f"Buurtoverleg {VERSIE} draait op http://{host}:{instellingen.port}/  (data: {instellingen.db_url})", flush=True)
    start(instellingen, show=bool(getattr(args, "show", False)))
    return 0


def _content(args: argparse.Namespace) -> int:
    from .content import laad

    extra = getattr(args, "map", None) or Instellingen.uit_omgeving().content_dir
    catalogus = laad(extra)
    if args.content_opdracht == "check":
        for fout in catalogus.fouten:
            print(f"FOUT {fout}", file=sys.stderr)
        for soort, aantal in sorted(catalogus.tellingen().items()):
            print(f"{soort}: {aantal}")
        return 1 if catalogus.fouten else 0
    json.dump(
        [
            {"id": e.id, "soort": e.soort, "titel": e.titel, "bron": e.bron, "ouder": e.ouder, "bestand": e.bestand,
             "referenties": _referenties(e.item) if e.ouder is None else {}}
            for e in catalogus.entries.values()
        ],
        sys.stdout,
        ensure_ascii=False,
        indent=1,
    )
    print()
    return 0


def _referenties(item) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    velden = ("oplossingsrichtingen", "doelgroepen", "locaties", "oorzaken", "fasen")
    return {v: list(getattr(item, v)) for v in velden if getattr(item, v, None)}


if __name__ == "__main__":
    sys.exit(main())

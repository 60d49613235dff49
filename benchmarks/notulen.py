"""How long the minutes of a large meeting take to compile and render, and how big they get.

Run from the repository root:

    .venv/bin/python benchmarks/notulen.py                     # 40 people, 300 signals, 30 actions
    .venv/bin/python benchmarks/notulen.py --deelnemers 80 --signalen 600 --acties 60

A fresh SQLite file in a temporary directory, the built-in content, the domain only (no
web app). Prints one line per step: seconds and bytes. The target for the default size is
under 2 s for the PDF on a laptop; this script prints numbers and does not judge them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from buurtoverleg.content import laad
from buurtoverleg.export import bouw_bestand
from buurtoverleg.samenstelling import maak_dienst
from buurtoverleg.sessie.gebeurtenissen import LokaleBus
from buurtoverleg.storage import Database, upgrade
from buurtoverleg.voorbeeld import vul_groot


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--deelnemers", type=int, default=40)
    p.add_argument("--signalen", type=int, default=300)
    p.add_argument("--acties", type=int, default=30)
    p.add_argument("--herhaal", type=int, default=3, help="renders per format; the best time counts")
    p.add_argument("--bewaar", type=Path, help="map om de bestanden in te bewaren")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        upgrade(db.engine)
        dienst = maak_dienst(db, laad(), LokaleBus())
        start = time.perf_counter()
        demo = vul_groot(dienst, args.deelnemers, args.signalen, args.acties)
        print(
            f"overleg vullen ({args.deelnemers} deelnemers, {args.signalen} signalen, {args.acties} acties): "
            f"{time.perf_counter() - start:.2f} s"
        )
        tijden = []
        for _ in range(args.herhaal):
            start = time.perf_counter()
            notulen = dienst.lezen.notulen(demo.links.meeting_id)
            tijden.append(time.perf_counter() - start)
        print(f"notulen samenstellen: {min(tijden):.3f} s")
        for formaat in ("pdf", "docx", "csv", "json"):
            tijden = []
            for _ in range(args.herhaal):
                start = time.perf_counter()
                inhoud = bouw_bestand(notulen, formaat)
                tijden.append(time.perf_counter() - start)
            extra = ""
            if formaat == "pdf":
                from io import BytesIO

                from pypdf import PdfReader

                extra = f", {len(PdfReader(BytesIO(inhoud)).pages)} pagina's"
            print(
                f"{formaat:>4}: {min(tijden):.3f} s (slechtste {max(tijden):.3f} s), {len(inhoud) / 1024:.0f} kB{extra}"
            )
            if args.bewaar:
                args.bewaar.mkdir(parents=True, exist_ok=True)
                (args.bewaar / f"groot.{formaat}").write_bytes(inhoud)
        db.engine.dispose()


if __name__ == "__main__":
    main()

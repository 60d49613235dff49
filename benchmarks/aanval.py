"""The adversarial scenarios of issue 21, rerun against the real server on 127.0.0.1. A script
that prints tried / held counts and timings, not a test (the regression tests are in
tests/pages/test_aanval.py, tests/storage/test_geheimhouding.py, tests/test_bestanden.py).

    .venv/bin/python benchmarks/aanval.py
    .venv/bin/python benchmarks/aanval.py --codes 300 --pins 120 --storm 10 --vloed 1000

In this order (the code limiter is per address, and every client here is 127.0.0.1):

1. locked database: another connection takes SQLite's write lock; `--storm` phones tap
   "Meedoen" together; meanwhile /health, the beamer page and the join page are timed; each
   phone must hear "even geduld", nothing is stored;
2. a copied client id: a phone's socket sends the facilitator's "Start het overleg" ids;
3. a flood of `--vloed` made-up socket events from one phone: log lines and bytes added;
4. `--codes` GET /doe/<code> at once, the right code last: how many were checked;
5. `--pins` PIN tries at once, each from its own connection, the right PIN last;
6. text in /doe?fout=, the server log grepped for typed text and SQL parameters, file modes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import stat
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

HIER = Path(__file__).resolve().parent
if str(HIER) not in sys.path:
    sys.path.insert(0, str(HIER))

from live import DOMEIN_LABELS, INHOUD, TEMPLATE, Server, free_port, log  # noqa: E402
from storing import LichteClient  # noqa: E402

from buurtoverleg.content import laad  # noqa: E402
from buurtoverleg.samenstelling import maak_dienst  # noqa: E402
from buurtoverleg.sessie.gebeurtenissen import LokaleBus  # noqa: E402
from buurtoverleg.storage import Database  # noqa: E402

PIN = "2580"
NAAM = "Geheimnaam"
"""Typed into every join form of the storm; must never appear in the server log."""


async def _get(sessie: Any, url: str) -> tuple[int, str, float]:
    begin = time.monotonic()
    async with sessie.get(url) as antwoord:
        tekst = await antwoord.text()
        return antwoord.status, tekst, time.monotonic() - begin


async def storm(server: Server, code: str, beamer: str, n: int) -> None:
    import aiohttp

    telefoons = [LichteClient(server.url, f"/doe/{code}") for _ in range(n)]
    for i, tel in enumerate(telefoons):
        if not await tel.open() or not await tel.wacht_op(lambda t=tel: t.veld("Naam"), 20):
            raise RuntimeError("aanmeldformulier laadt niet")
        await tel.stuur(tel.veld("Naam") or "", "update:value", f"{NAAM}{i} Jansen")
        await tel.stuur(tel.veld("Domein") or "", "update:modelValue", {"value": 7, "label": DOMEIN_LABELS[7]})
    await asyncio.sleep(0.5)
    slot = sqlite3.connect(server.db_path, isolation_level=None)
    slot.execute("BEGIN IMMEDIATE")
    try:
        for tel in telefoons:
            await tel.stuur(tel.knop("Meedoen") or "", "click")
        await asyncio.sleep(0.3)
        async with aiohttp.ClientSession() as sessie:
            health = await _get(sessie, f"{server.url}/health")
            scherm = await _get(sessie, f"{server.url}/scherm/{beamer}")
            doe = await _get(sessie, f"{server.url}/doe/{code}")
        gehoord = 0
        for tel in telefoons:
            if await tel.wacht_op(lambda t=tel: any("Even geduld" in m for m in t.meldingen), 30):
                gehoord += 1
    finally:
        slot.rollback()
        slot.close()
    opgeslagen = sqlite3.connect(server.db_path).execute("SELECT count(*) FROM participant").fetchone()[0]
    print(f"1. vergrendelde database, {n} aanmeldingen tegelijk:")
    print(f"   /health {health[0]} in {health[2]:.2f} s; beamer {scherm[0]} in {scherm[2]:.2f} s; ", end="")
    print(f"aanmeldpagina {doe[0]} in {doe[2]:.2f} s")
    print(f"   'even geduld' gehoord: {gehoord} van {n}; opgeslagen tijdens het slot: {opgeslagen}")
    for tel in telefoons:
        await tel.sluit()


async def gekopieerd(server: Server, code: str, leiding: str) -> None:
    console = LichteClient(server.url, f"/leiding/{leiding}")
    telefoon = LichteClient(server.url, f"/doe/{code}")
    if not await console.open() or not await console.wacht_op(lambda: console.knop("Start het overleg"), 20):
        raise RuntimeError("console laadt niet")
    if not await telefoon.open():
        raise RuntimeError("telefoon laadt niet")
    knop = console.knop("Start het overleg") or ""
    luisteraar = next(e["listener_id"] for e in console.els[knop]["events"] if e["type"] == "click")
    bericht = {"id": int(knop), "client_id": console.client_id, "listener_id": luisteraar, "args": []}
    for _ in range(5):
        await telefoon.sio.emit("event", bericht)
    await asyncio.sleep(1.5)
    status = sqlite3.connect(server.db_path).execute("SELECT status FROM meeting").fetchone()[0]
    print(f"2. gekopieerde client-id: 5 starts via de socket van een telefoon; status daarna: {status}")
    await console.sluit()
    await telefoon.sluit()


async def vloed(server: Server, n: int) -> None:
    telefoon = LichteClient(server.url, "/doe")
    if not await telefoon.open():
        raise RuntimeError("telefoon laadt niet")
    voor = server.logfile.stat().st_size
    regels_voor = len(server.logfile.read_text(errors="replace").splitlines())
    begin = time.monotonic()
    veld = int(telefoon.veld("Code van het scherm") or 0)  # a real element, a made-up handler id
    for i in range(n):
        element = veld if i % 2 else 90_000 + i
        await telefoon.sio.emit(
            "event", {"id": element, "client_id": telefoon.client_id, "listener_id": f"verzonnen-{i}", "args": []}
        )
    await asyncio.sleep(1.0)
    duur = time.monotonic() - begin
    regels = server.logfile.read_text(errors="replace").splitlines()[regels_voor:]
    print(
        f"3. vloed: {n} verzonnen socketberichten in {duur:.1f} s: {len(regels)} logregel(s), "
        f"{server.logfile.stat().st_size - voor} bytes; verbinding open: {telefoon.verbonden}"
    )
    await telefoon.sluit()


async def codes(server: Server, code: str, n: int) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as sessie:
        pogingen = [_get(sessie, f"{server.url}/doe/FOUT{i:03d}") for i in range(n - 1)]
        pogingen.append(_get(sessie, f"{server.url}/doe/{code}"))
        begin = time.monotonic()
        antwoorden = await asyncio.gather(*pogingen)
        duur = time.monotonic() - begin
    afgeremd = sum("Te veel verkeerde codes" in a[1] for a in antwoorden)
    goed = "Vul in wie je bent" in antwoorden[-1][1]
    print(
        f"4. codes: {n} tegelijk in {duur:.1f} s; gecontroleerd {n - afgeremd}, afgeremd {afgeremd}; "
        f"juiste code (de laatste) geopend: {'ja' if goed else 'nee'}"
    )


async def pins(server: Server, notulist: str, n: int) -> None:
    clients = [LichteClient(server.url, f"/notulen/{notulist}") for _ in range(n)]

    async def open_(c: LichteClient) -> None:
        if not await c.open() or not await c.wacht_op(lambda: c.veld("Pincode"), 30):
            raise RuntimeError("pincodepagina laadt niet")

    for begin in range(0, n, 20):  # the pages first (opening one is no try), twenty at a time
        await asyncio.gather(*(open_(c) for c in clients[begin : begin + 20]))
    for i, c in enumerate(clients):
        await c.stuur(c.veld("Pincode") or "", "update:value", PIN if i == n - 1 else f"{1000 + i:04d}")
    await asyncio.sleep(0.5)
    begin = time.monotonic()
    await asyncio.gather(*(c.stuur(c.knop("Openen") or "", "click") for c in clients))

    def uitkomst(c: LichteClient) -> str | None:
        if c.herlaad_gevraagd:
            return "binnen"
        tekst = " ".join(c.teksten())
        if "Die pincode klopt niet" in tekst:  # checked (and maybe now too many)
            return "fout"
        if "Te veel verkeerde pincodes" in tekst:  # not checked
            return "afgeremd"
        if not c.verbonden:
            return "weg"
        return None

    uitkomsten = [await c.wacht_op(lambda c=c: uitkomst(c), 10) for c in clients]
    duur = time.monotonic() - begin
    print(
        f"5. pincodes: {n} tegelijk (elk een eigen verbinding) in {duur:.1f} s; gecontroleerd "
        f"{uitkomsten.count('fout') + uitkomsten.count('binnen')}, afgeremd {uitkomsten.count('afgeremd')}, "
        f"verbinding weg {uitkomsten.count('weg')}, zonder uitkomst {uitkomsten.count(None)}; juiste pincode (de laatste) binnen: "
        f"{'ja' if uitkomsten[-1] == 'binnen' else 'nee'}"
    )
    for c in clients:
        await c.sluit()


async def rest(server: Server, data: Path) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as sessie:
        _, tekst, _ = await _get(
            sessie, f"{server.url}/doe?fout=Code%20verlopen,%20ga%20naar%20http://kwaadaardig.example"
        )
    print(f"6. /doe?fout=<vrije tekst> getoond: {'ja' if 'kwaadaardig' in tekst else 'nee'}")
    logtekst = server.logfile.read_text(errors="replace")
    print(
        f"   serverlog: {len(logtekst.splitlines())} regels; '{NAAM}' {logtekst.count(NAAM)}x, "
        f"'[parameters' {logtekst.count('[parameters')}x, pincode {logtekst.count(PIN)}x, "
        f"Traceback {logtekst.count('Traceback')}x"
    )
    modi = {}
    for pad in [data, *sorted(data.rglob("*"))]:
        modi.setdefault(f"{'map' if pad.is_dir() else 'bestand'} {oct(stat.S_IMODE(pad.stat().st_mode))}", []).append(
            pad.name
        )
    print("   rechten in de datamap: " + "; ".join(f"{k}: {len(v)}" for k, v in sorted(modi.items())))


async def hoofd(args: argparse.Namespace) -> None:
    os.environ["BUURTOVERLEG_ADMIN_KEY"] = "aanval-organisator-sleutel"
    tmp = Path(tempfile.mkdtemp(prefix="aanval-"))
    server = Server(tmp, free_port())
    server.start()
    try:
        dienst = maak_dienst(Database(server.db_url), laad(INHOUD), LokaleBus())
        links = dienst.aanmelding.maak("Aanval", date.today(), TEMPLATE)
        dienst.leiding(links.facilitator_token).stel_pin("notulist", PIN)
        await storm(server, links.join_code, links.projector_token, args.storm)
        await gekopieerd(server, links.join_code, links.facilitator_token)
        await vloed(server, args.vloed)
        await codes(server, links.join_code, args.codes)
        await pins(server, links.secretary_token, args.pins)
        await rest(server, tmp / "data")
    finally:
        server.stop()
    log(f"serverlog: {server.logfile}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--codes", type=int, default=300)
    p.add_argument("--pins", type=int, default=120)
    p.add_argument("--storm", type=int, default=10)
    p.add_argument("--vloed", type=int, default=1000)
    asyncio.run(hoofd(p.parse_args()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A room of 50 to 400 phones (issue 22): Buurtoverleg and the floor app side by side, with the
same light clients, and one table. A script that prints numbers, not a test.

Run from the repository root (loopback only; every wait is bounded; the servers stop by themselves):

    .venv/bin/python benchmarks/zaal.py                       # 50, 100 and 200 participants
    .venv/bin/python benchmarks/zaal.py --deelnemers 50       # one size
    .venv/bin/python benchmarks/zaal.py --deelnemers 400 --alleen app
    .venv/bin/python benchmarks/zaal.py --postgres            # both apps on a throwaway PostgreSQL (.ci/postgres)
    .venv/bin/python benchmarks/zaal.py --py-spy /tmp/profiel # also py-spy's raw stacks of each server, per phase
    .venv/bin/python benchmarks/zaal.py --fasen stemmen       # the vote phase only

For each size and each app (Buurtoverleg, then the floor, `benchmarks/vloer.py`), a fresh server
on 127.0.0.1 and a fresh database:

1. P light phones (benchmarks/storing.py's `LichteClient`: NiceGUI's own socket.io protocol,
   no browser) join through the app's form; a light beamer is on; for Buurtoverleg the
   facilitator console is open as a light client as well (it moves the meeting on), as in a
   real room.
2. Votes: every phone taps one option of the choice question once, spread over `--spreiding`
   seconds. Ack: from the tap until the phone's label says 'Ontvangen'. Beamer: from the K-th
   tap until the beamer's count first says K or more.
3. Signals: every phone sends two signals (the second after the first is acknowledged, a
   second or more later), spread over `--spreiding-signalen` seconds. Ack as above; beamer:
   until the signal's text is on the beamer; every phone: until the last phone that shows
   it has it (a phone that never shows it is not waited for).
4. The database is read afterwards: lost = acknowledged but not stored; duplicated = a
   signal stored twice, or two answers of one participant.

Server CPU seconds and peak RSS are per phase, read from /proc. The load average is printed
with each run: other work on the machine changes every number.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

HIER = Path(__file__).resolve().parent
if str(HIER) not in sys.path:
    sys.path.insert(0, str(HIER))

from live import INHOUD, ROOT, TEMPLATE, cpu_seconds, free_port, log, pct, rss_mb, wait_until  # noqa: E402
from sqlalchemy import create_engine, make_url, text  # noqa: E402
from storing import KEUZEVRAAG, SIGNAALSTAP, Leiding, LichteClient, LichteTelefoon  # noqa: E402
from vloer import OPTIES  # noqa: E402

from buurtoverleg.content import laad  # noqa: E402
from buurtoverleg.samenstelling import maak_dienst  # noqa: E402
from buurtoverleg.sessie.gebeurtenissen import LokaleBus  # noqa: E402
from buurtoverleg.storage import Database  # noqa: E402

TELLER = re.compile(r"^(\d+) van \d+ hebben geantwoord")
SIGNAALTEKST = "Zaalsignaal"
SIGNAALKOP = re.compile(r"^(?:signalen \d+–\d+ van (\d+)|(\d+) signa(?:al|len))$")
"""The beamer's count above its page of signals ('signalen 1–4 van 37', '3 signalen'). The
beamer shows the room's signals a page at a time (the beamer issue), so a new signal may wait a
few turns before its card is up; the count says at once that the wall has it."""
WACHT_ACK = 90.0
"""Longest wait for one input's acknowledgement before it counts as unacknowledged."""
WACHT_ZICHT = 30.0
"""How long after the last input the beamer and phones may take to show it."""


@dataclass
class Fase:
    naam: str
    acks: list[float] = field(default_factory=list)
    zonder_ack: int = 0
    beamer: list[float] = field(default_factory=list)
    beamer_mist: int = 0
    telefoons: list[float] = field(default_factory=list)
    cpu: float = 0.0
    rss_piek: float = 0.0
    duur: float = 0.0
    load: float = 0.0


@dataclass
class Run:
    app: str
    deelnemers: int
    aangemeld: int = 0
    fasen: dict[str, Fase] = field(default_factory=dict)
    verloren: int = 0
    dubbel: int = 0
    herladen: int = 0
    verbroken: int = 0
    rss_eind: float = 0.0
    bezet: int = 0
    """Server log lines saying a call was refused as too busy ('even geduld')."""
    druk: int = 0
    """Of those, refused because too many calls were waiting (the rest waited too long for the database)."""
    fout: str = ""


GESTART: list[subprocess.Popen[Any]] = []
"""Every server and profiler this run started: stopped at exit, also when the run is stopped."""


@atexit.register
def _ruim_op() -> None:
    for proces in GESTART:
        if proces.poll() is None:
            proces.kill()


class Server:
    """One server process (the app or the floor) with its own data dir, stopped in `stop`."""

    def __init__(self, opdracht: list[str], tmp: Path, database_url: str) -> None:
        self.port = free_port()
        self.tmp = tmp
        self.logbestand = tmp / "server.log"
        env = dict(os.environ, BUURTOVERLEG_CONTENT_DIR=str(INHOUD))
        for k in ("BUURTOVERLEG_PUBLIEKE_URL", "BUURTOVERLEG_HOST", "BUURTOVERLEG_PORT", "BUURTOVERLEG_DATABASE_URL"):
            env.pop(k, None)
        if database_url:
            env["BUURTOVERLEG_DATABASE_URL"] = database_url
        with open(self.logbestand, "w") as uit:
            self.proc = subprocess.Popen(
                [*opdracht, "--port", str(self.port), "--data-dir", str(tmp / "data")],
                cwd=ROOT,
                env=env,
                stdout=uit,
                stderr=subprocess.STDOUT,
            )
        GESTART.append(self.proc)

        def gezond() -> bool:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server stopte: {self.logbestand.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as r:
                    return r.status == 200
            except OSError:
                return False

        wait_until(gezond, 60, 0.2, "GET /health")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


class Meter:
    """Looks at each update a page gets (only the changed elements) and notes what it sees when."""

    def __init__(self, client: LichteClient, zichtbaar: dict[str, float]) -> None:
        self.client = client
        self.zichtbaar = zichtbaar
        """signal text -> when this page first showed it"""
        self.verstuurd: float | None = None
        self.ack: float | None = None
        self.teller: list[tuple[int, float]] = []
        self.signalen: list[tuple[int, float]] = []
        """(how many signals the beamer says it has, when): it pages them, see SIGNAALKOP"""
        client.na_bericht = self._bericht

    def _bericht(self) -> None:
        nu = time.monotonic()
        for element in self.client.laatste_update.values():
            if not isinstance(element, dict):
                continue
            # a label's words are its text; a phone's signal cards are a list in one prop
            for kaart in (element.get("props") or {}).get("kaarten") or []:
                if isinstance(kaart, dict) and str(kaart.get("tekst", "")).startswith(SIGNAALTEKST):
                    self.zichtbaar.setdefault(kaart["tekst"], nu)
            tekst = element.get("text")
            if not isinstance(tekst, str) or not tekst:
                continue
            if tekst.startswith(SIGNAALTEKST):
                self.zichtbaar.setdefault(tekst, nu)
            elif (kop := SIGNAALKOP.match(tekst)) is not None:
                self.signalen.append((int(kop.group(1) or kop.group(2)), nu))
            elif tekst.startswith("Ontvangen") and self.verstuurd is not None and self.ack is None:
                self.ack = nu - self.verstuurd
            elif (gevonden := TELLER.match(tekst)) is not None:
                self.teller.append((int(gevonden.group(1)), nu))

    async def wacht_ack(self) -> float | None:
        await self.client.wacht_op(lambda: self.ack is not None, WACHT_ACK)
        return self.ack


def _op_de_beamer(fase: Fase, verstuurd: list[float], getoond: list[tuple[int, float]]) -> None:
    """The beamer's time per input: the k-th input sent is on the wall once the wall's count
    (answers, or signals: it pages them) first says k or more."""
    for k, t in enumerate(sorted(verstuurd), start=1):
        eerst = next((tijd for aantal, tijd in getoond if aantal >= k), None)
        if eerst is None:
            fase.beamer_mist += 1
        else:
            fase.beamer.append(max(0.0, eerst - t) * 1000)


class Kamer:
    """One run: one app, one size."""

    def __init__(self, app: str, deelnemers: int, args: argparse.Namespace, tmp: Path, database_url: str) -> None:
        self.app, self.args, self.tmp, self.database_url = app, args, tmp, database_url
        self.run = Run(app, deelnemers)
        self.rng = random.Random(22)
        self.telefoons: list[LichteTelefoon] = []
        self.meters: dict[str, Meter] = {}
        self.zichtbaar_telefoons: dict[str, dict[str, float]] = {}
        self.verstuurd: dict[str, float] = {}
        self.acks: dict[str, str] = {}
        """input key -> what was acknowledged (the option title or the signal text)"""

    # ---------------------------------------------------------------- start

    def start_server(self) -> None:
        if self.app == "app":
            opdracht = [sys.executable, "-m", "buurtoverleg", "serve", "--host", "127.0.0.1"]
        else:
            opdracht = [sys.executable, str(HIER / "vloer.py")]
            if self.database_url:
                opdracht += ["--database-url", self.database_url]
        self.server = Server(opdracht, self.tmp, self.database_url if self.app == "app" else "")
        self.db_url = self.database_url or (
            f"sqlite:///{(self.tmp / 'data' / ('buurtoverleg.sqlite' if self.app == 'app' else 'vloer.sqlite')).resolve()}"
        )
        log(f"{self.app}: server op {self.server.url} (pid {self.server.proc.pid})")

    async def opzetten(self) -> None:
        await asyncio.to_thread(self.start_server)
        if self.app == "app":
            self.dienst = maak_dienst(Database(self.db_url), laad(INHOUD), LokaleBus())
            links = self.dienst.aanmelding.maak("Zaaltest", date.today(), TEMPLATE)
            self.meeting_id = links.meeting_id
            v = self.dienst.lezen.vergadering(links.meeting_id)
            keuze = next(q for st in v.stappen for q in st.vragen if q.vraag == KEUZEVRAAG)
            self.opties = [o.titel for o in keuze.opties]
            self.code = links.join_code
            self.dienst.leiding(links.facilitator_token).stel_maximum(max(self.run.deelnemers, 60))
            self.leiding: Leiding | None = Leiding(self.server.url, links.facilitator_token)
            if not await self.leiding.client.open():
                raise RuntimeError("de console laadt niet")
            self.beamer = LichteClient(self.server.url, f"/scherm/{links.projector_token}")
        else:
            self.opties = list(OPTIES)
            self.code = "vloer"
            self.leiding = None
            self.beamer = LichteClient(self.server.url, "/scherm")
        if not await self.beamer.open():
            raise RuntimeError("de beamer laadt niet")
        self.beamer_meter = Meter(self.beamer, {})  # the wall is measured by its counts, not its cards
        for i in range(self.run.deelnemers):
            tel = LichteTelefoon(f"Licht {i:03d}", i, self.server.url)
            tel.bron = f"127.0.{2 + i // 250}.{1 + i % 250}"  # every phone its own address, as on the Wi-Fi
            self.telefoons.append(tel)
        tegelijk = asyncio.Semaphore(20)

        async def een(tel: LichteTelefoon) -> LichteTelefoon | None:
            async with tegelijk:
                try:
                    await tel.meld_aan(self.code)
                except Exception as fout:  # noqa: BLE001 - counted; the run goes on with who joined
                    log(f"{tel.naam}: aanmelden mislukt: {fout}"[:200])
                    return None
            assert tel.client is not None
            self.zichtbaar_telefoons[tel.naam] = {}
            self.meters[tel.naam] = Meter(tel.client, self.zichtbaar_telefoons[tel.naam])
            return tel

        t0 = time.monotonic()
        self.alle_telefoons = list(self.telefoons)
        self.telefoons = [t for t in await asyncio.gather(*(een(t) for t in self.telefoons)) if t is not None]
        self.run.aangemeld = len(self.telefoons)
        log(f"{self.app}: {len(self.telefoons)} telefoons aangemeld in {time.monotonic() - t0:.0f} s")

    async def naar(self, fase: str) -> None:
        """Move the room on: the console's buttons for the app, GET /stap for the floor."""
        if self.leiding is None:
            await asyncio.to_thread(urllib.request.urlopen, f"{self.server.url}/stap/{fase}", None, 10)
            return
        mid = self.meeting_id

        def op(positie: int) -> Any:
            def klopt() -> bool:
                v = self.dienst.lezen.vergadering(mid)
                return v.huidige == positie and v.stappen[positie].status == "open"

            return klopt

        if fase == "stemmen":
            await self.leiding.klik("Start het overleg", op(0))
        else:
            for positie in range(1, SIGNAALSTAP + 1):
                await self.leiding.klik("Volgende ▶", op(positie))

    # ---------------------------------------------------------------- phases

    async def meet(self, fase: Fase, werk: Any) -> None:
        """Run `werk`, with CPU seconds and peak RSS of the server over it."""
        pid = self.server.proc.pid
        spion = self.spioneer(fase.naam)
        cpu0, t0 = cpu_seconds(pid), time.monotonic()
        klaar = asyncio.Event()

        async def rss() -> None:
            while not klaar.is_set():
                fase.rss_piek = max(fase.rss_piek, rss_mb(pid))
                await asyncio.sleep(0.5)

        bewaker = asyncio.create_task(rss())
        try:
            await werk
        finally:
            klaar.set()
            await bewaker
            if spion is not None:  # py-spy writes its stacks when interrupted
                spion.send_signal(signal.SIGINT)
                await asyncio.to_thread(spion.wait, 60)
        fase.cpu = cpu_seconds(pid) - cpu0
        fase.duur = time.monotonic() - t0
        fase.load = os.getloadavg()[0]
        self.run.fasen[fase.naam] = fase

    def spioneer(self, fase: str) -> subprocess.Popen[bytes] | None:
        """With --py-spy: record the server's stacks, 50 a second, over one phase only."""
        if not self.args.py_spy:
            return None
        doel = Path(self.args.py_spy) / f"{self.app}-{self.run.deelnemers}-{fase}.txt"
        doel.parent.mkdir(parents=True, exist_ok=True)
        opdracht = [PY_SPY, "record", "--pid", str(self.server.proc.pid), "--format", "raw", "--rate", "50", "-o"]
        spion = subprocess.Popen([*opdracht, str(doel)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        GESTART.append(spion)
        return spion

    async def wacht_op_kaart(self, tel: LichteTelefoon, label: str) -> str | None:
        c = tel.client
        assert c is not None
        return await c.wacht_op(lambda: c.knop(label), 60)

    async def stemmen(self) -> None:
        fase = Fase("stemmen")
        await self.naar("stemmen")
        tikken: list[float] = []

        async def een(n: int, tel: LichteTelefoon) -> None:
            titel = self.opties[n % len(self.opties)]
            knop = await self.wacht_op_kaart(tel, titel)
            await asyncio.sleep(self.rng.uniform(0, self.args.spreiding))
            assert tel.client is not None
            knop = tel.client.knop(titel) or knop
            meter = self.meters[tel.naam]
            if knop is None:
                fase.zonder_ack += 1
                return
            meter.ack, meter.verstuurd = None, time.monotonic()
            tikken.append(meter.verstuurd)
            await tel.client.stuur(knop, "click")
            ack = await meter.wacht_ack()
            if ack is None:
                fase.zonder_ack += 1
            else:
                fase.acks.append(ack * 1000)
                self.acks[f"stem:{tel.naam}"] = titel

        async def werk() -> None:
            await asyncio.gather(*(een(n, t) for n, t in enumerate(self.telefoons)))
            n = len(tikken)
            await self.beamer.wacht_op(lambda: any(k >= n for k, _ in self.beamer_meter.teller), WACHT_ZICHT)

        await self.meet(fase, werk())
        _op_de_beamer(fase, tikken, self.beamer_meter.teller)

    async def signalen(self) -> None:
        fase = Fase("signalen")
        await self.naar("signalen")

        async def een(tel: LichteTelefoon) -> None:
            c = tel.client
            assert c is not None
            await c.wacht_op(lambda: c.knop("Signaal versturen"), 60)
            meter = self.meters[tel.naam]
            for k in (1, 2):
                await asyncio.sleep(self.rng.uniform(1.0, self.args.spreiding_signalen / 2))
                tekst = f"{SIGNAALTEKST} {k} van {tel.naam}: drukte bij het plein"
                veld, knop = c.veld("Je signaal"), c.knop("Signaal versturen")
                if veld is None or knop is None:
                    fase.zonder_ack += 1
                    continue
                meter.ack, meter.verstuurd = None, time.monotonic()
                self.verstuurd[tekst] = meter.verstuurd
                await c.stuur(veld, "update:value", tekst)
                await c.stuur(knop, "click")
                ack = await meter.wacht_ack()
                if ack is None:
                    fase.zonder_ack += 1
                else:
                    fase.acks.append(ack * 1000)
                    self.acks[f"signaal:{tekst}"] = tekst

        async def werk() -> None:
            await asyncio.gather(*(een(t) for t in self.telefoons))
            n = len(self.verstuurd)
            await self.beamer.wacht_op(lambda: any(k >= n for k, _ in self.beamer_meter.signalen), WACHT_ZICHT)
            tot = time.monotonic() + WACHT_ZICHT  # the phones: until each shows the newest signal
            laatste = max(self.verstuurd, key=lambda t: self.verstuurd[t], default="")
            while time.monotonic() < tot and any(laatste not in z for z in self.zichtbaar_telefoons.values()):
                await asyncio.sleep(0.2)

        await self.meet(fase, werk())
        _op_de_beamer(fase, list(self.verstuurd.values()), self.beamer_meter.signalen)
        for tekst, t in self.verstuurd.items():
            gezien = [z[tekst] for z in self.zichtbaar_telefoons.values() if tekst in z]
            if gezien:
                fase.telefoons.append(max(0.0, max(gezien) - t) * 1000)

    # ---------------------------------------------------------------- the end

    def lees_database(self) -> None:
        engine = create_engine(self.db_url)
        try:
            with engine.connect() as s:
                if self.app == "app":
                    stemmen = s.execute(
                        text(
                            "SELECT p.name, count(*) FROM response r JOIN participant p ON p.id = r.participant_id "
                            "WHERE r.meeting_id = :m GROUP BY p.name"
                        ),
                        {"m": self.meeting_id},
                    ).all()
                    signalen = s.execute(
                        text("SELECT text, count(*) FROM signal WHERE meeting_id = :m GROUP BY text"),
                        {"m": self.meeting_id},
                    ).all()
                else:
                    stemmen = s.execute(
                        text(
                            "SELECT d.naam, count(*) FROM antwoord a JOIN deelnemer d ON d.id = a.deelnemer_id GROUP BY d.naam"
                        )
                    ).all()
                    signalen = s.execute(text("SELECT tekst, count(*) FROM signaal GROUP BY tekst")).all()
        finally:
            engine.dispose()
        per_naam = {naam: n for naam, n in stemmen}
        per_tekst = {t: n for t, n in signalen}
        for sleutel in self.acks:
            soort, _, wat = sleutel.partition(":")
            if (soort == "stem" and wat not in per_naam) or (soort == "signaal" and wat not in per_tekst):
                self.run.verloren += 1
        self.run.dubbel = sum(n - 1 for n in per_naam.values() if n > 1) + sum(
            n - 1 for n in per_tekst.values() if n > 1
        )

    async def draai(self) -> Run:
        try:
            await self.opzetten()
            await self.stemmen()
            if "signalen" in self.args.fasen:
                await self.signalen()
            self.run.rss_eind = rss_mb(self.server.proc.pid)
            self.run.herladen = sum(tel.client.versie - 1 for tel in self.telefoons if tel.client) - len(self.telefoons)
            self.run.verbroken = sum(1 for tel in self.telefoons if tel.client and not tel.client.verbonden)
            await asyncio.to_thread(self.lees_database)
        except Exception as fout:  # noqa: BLE001 - reported in the table; the next run goes on
            self.run.fout = f"{type(fout).__name__}: {fout}"[:200]
            log(f"{self.app}: {self.run.fout}")
        finally:
            for tel in getattr(self, "alle_telefoons", self.telefoons):
                await tel.sluit()
            await self.beamer.sluit()
            if self.leiding is not None:
                await self.leiding.client.sluit()
            await asyncio.to_thread(self.server.stop)
            if self.server.logbestand.exists():
                regels = self.server.logbestand.read_text(errors="replace").splitlines()
                self.run.bezet = sum("niet uitgevoerd" in r for r in regels)
                self.run.druk = sum("te veel wachtende" in r for r in regels)
        return self.run


# ====================================================================== the table


def regels(runs: list[Run]) -> list[str]:
    kop = (
        f"{'app':5} {'P':>4} {'fase':9} {'ack p50':>8} {'ack p95':>8} {'beamer p95':>10} {'tel. p95':>9} "
        f"{'CPU s':>6} {'CPU ms/inv':>10} {'RSS MB':>7} {'geen ack':>8} {'load':>5}"
    )
    uit = [kop, "-" * len(kop)]
    for r in runs:
        for f in r.fasen.values():
            invoer = max(1, len(f.acks) + f.zonder_ack)
            uit.append(
                f"{r.app:5} {r.deelnemers:>4} {f.naam:9} {pct(f.acks, 50):>6.0f}ms {pct(f.acks, 95):>6.0f}ms "
                f"{pct(f.beamer, 95):>8.0f}ms {pct(f.telefoons, 95) if f.telefoons else float('nan'):>7.0f}ms "
                f"{f.cpu:>6.1f} {f.cpu * 1000 / invoer:>10.1f} {f.rss_piek:>7.0f} {f.zonder_ack:>8} {f.load:>5.1f}"
            )
        uit.append(
            f"{r.app:5} {r.deelnemers:>4} {'totaal':9} aangemeld {r.aangemeld}, verloren {r.verloren}, dubbel {r.dubbel}, "
            f"herladen {r.herladen}, verbroken {r.verbroken}, beamer mist "
            f"{sum(f.beamer_mist for f in r.fasen.values())}, RSS eind {r.rss_eind:.0f} MB, bezet {r.bezet} (wachtrij vol {r.druk})"
            + (f", FOUT {r.fout}" if r.fout else "")
        )
    return uit


# ====================================================================== PostgreSQL


class Postgres:
    """A throwaway server from .ci/postgres; one fresh database per run."""

    def __init__(self) -> None:
        uit = subprocess.run([str(ROOT / ".ci" / "postgres")], check=True, capture_output=True, text=True)
        self.map = uit.stdout.strip().splitlines()[-1]
        self.server_url = f"postgresql+psycopg://buurtoverleg@/postgres?host={self.map}&port=54329"

    def nieuwe_database(self) -> str:
        naam = f"zaal_{uuid.uuid4().hex[:8]}"
        engine = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as s:
            s.execute(text(f'CREATE DATABASE "{naam}"'))
        engine.dispose()
        return make_url(self.server_url).set(database=naam).render_as_string(hide_password=False)

    def stop(self) -> None:
        subprocess.run([str(ROOT / ".ci" / "postgres"), "stop", self.map], check=False)


async def hoofd(args: argparse.Namespace) -> list[Run]:
    runs: list[Run] = []
    pg = Postgres() if args.postgres else None
    try:
        for p in args.deelnemers:
            for app in args.alleen:
                tmp = Path(tempfile.mkdtemp(prefix=f"buurtoverleg-zaal-{app}-{p}-"))
                database_url = pg.nieuwe_database() if pg else ""
                if app == "app" and database_url:
                    from buurtoverleg.storage import upgrade

                    upgrade(Database(database_url).engine)
                log(f"== {app}, {p} deelnemers, load average {os.getloadavg()[0]:.1f}")
                kamer = Kamer(app, p, args, tmp, database_url)
                runs.append(await kamer.draai())
                for regel in regels(runs[-1:])[2:]:
                    print(regel, flush=True)
                shutil.rmtree(tmp, ignore_errors=True)
    finally:
        if pg is not None:
            pg.stop()
    return runs


PY_SPY = str(Path(sys.executable).parent / "py-spy")
"""py-spy from the same environment as this script (`pip install py-spy`; not a test dependency)."""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--deelnemers", default="50,100,200", help="aantallen, komma's ertussen (standaard 50,100,200)")
    ap.add_argument("--alleen", default="app,vloer", help="app, vloer of beide (standaard app,vloer)")
    ap.add_argument("--spreiding", type=float, default=10.0, help="seconden waarover de stemmen vallen")
    ap.add_argument("--spreiding-signalen", type=float, default=20.0, help="seconden waarover de signalen vallen")
    ap.add_argument(
        "--fasen", default="stemmen,signalen", help="stemmen, of stemmen,signalen (standaard); stemmen gaan altijd voor"
    )
    ap.add_argument("--postgres", action="store_true", help="op een wegwerp-PostgreSQL (.ci/postgres)")
    ap.add_argument("--py-spy", default="", help="map voor py-spy's ruwe stapels van elke server")
    args = ap.parse_args()
    args.deelnemers = [int(x) for x in args.deelnemers.split(",")]
    args.alleen = [x for x in args.alleen.split(",") if x in ("app", "vloer")]
    if args.py_spy and not Path(PY_SPY).exists():
        ap.error(f"--py-spy: py-spy staat niet in {Path(PY_SPY).parent} (pip install py-spy)")
    os.chdir(ROOT)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `timeout` or kill: the servers stop too (atexit)
    load0 = os.getloadavg()
    runs = asyncio.run(hoofd(args))
    print()
    print("=" * 100)
    print(
        f"ZAAL: Buurtoverleg naast de vloer ({os.cpu_count()} cores; load average bij de start "
        f"{load0[0]:.1f}, aan het eind {os.getloadavg()[0]:.1f}; {'PostgreSQL' if args.postgres else 'SQLite'})"
    )
    print("=" * 100)
    for regel in regels(runs):
        print(regel)
    print()
    return 0 if all(not r.fout and r.verloren == 0 and r.dubbel == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Live-meeting benchmark for Buurtoverleg: domain throughput and end-to-end latency.

Run from the repository root:

    .venv/bin/python benchmarks/live.py               # 30 phones (about 2-3 minutes)
    .venv/bin/python benchmarks/live.py --quick       # smoke check: 5 phones, small domain run
    .venv/bin/python benchmarks/live.py --phones 60   # more phones
    .venv/bin/python benchmarks/live.py --phones 30,60  # one fresh server per size, one table

Part 1 (domain): a fresh SQLite file, `Dienst` + `LokaleBus` and the test template
(tests/inhoud). N participants answer and change their answer; inputs stored per second
with 1 thread and with 4 threads (the app runs domain calls in a thread pool), and a
"double tap" race where 4 threads answer for the same participant at the same moment.
Afterwards the Response rows must be exactly one per participant per prompt per round,
each holding the participant's last answer.

Part 2 (end to end): the real server as a subprocess on 127.0.0.1, the projector and the
facilitator console in one headless Chromium, P phones as windows spread over a few more
Chromium instances. Each phone window lives in its own browser context (CDP
Target.createBrowserContext), so every phone has its own cookie jar and therefore its own
participant, as real phones would. Phones join through the real /doe/<code> form; the
facilitator clicks "Start het overleg". A MutationObserver in the projector records
Date.now() when "K van P hebben geantwoord" first shows each K; each phone records
Date.now() right before its button click. Same machine, same clock.

Every wait is bounded; the server and all browsers are stopped in `finally`.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from buurtoverleg.content import laad  # noqa: E402
from buurtoverleg.samenstelling import maak_dienst  # noqa: E402
from buurtoverleg.sessie.fouten import Geweigerd  # noqa: E402
from buurtoverleg.sessie.gebeurtenissen import LokaleBus  # noqa: E402
from buurtoverleg.storage import Database, upgrade  # noqa: E402

INHOUD = ROOT / "tests" / "inhoud"
TEMPLATE = "test-kort"
STEMTYPEN = ("enkele-keuze", "schaal", "meerkeuze", "stippen")
KNOPTYPEN = ("enkele-keuze", "schaal")
DOMEIN_LABELS = [
    "Gemeente",
    "Politie",
    "Welzijn / opbouwwerk",
    "Jongerenwerk",
    "Woningcorporatie",
    "Onderwijs",
    "Zorg",
    "Bewoner",
]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-extensions",
    "--mute-audio",
]


LOAD_AT_START = os.getloadavg()


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def wait_until(fn: Callable[[], Any], timeout: float, interval: float = 0.05, what: str = "") -> Any:
    """Poll fn until it returns something truthy; bounded by `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last_exc: Exception | None = None
    while time.monotonic() < deadline:
        try:
            result = fn()
            if result:
                return result
        except Exception as exc:  # noqa: BLE001 - retried until the deadline
            last_exc = exc
        time.sleep(interval)
    raise TimeoutError(
        f"timed out after {timeout:.0f}s waiting for {what or fn}" + (f" ({last_exc!r})" if last_exc else "")
    )


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def pss_mb(pid: int) -> float:
    """Proportional set size: shared pages divided among the processes sharing them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def descendants(*root_pids: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d.name))
    out: list[int] = []
    seen: set[int] = set()
    todo = list(root_pids)
    while todo and len(out) < 5000:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def tree_cpu_seconds(*root_pids: int) -> float:
    """CPU seconds used so far by process trees (exited children not counted)."""
    return sum(c for c in (cpu_seconds(p) for p in descendants(*root_pids)) if c == c)


def chromium_cpu(browsers: list[Browser]) -> float:
    return tree_cpu_seconds(*[b.service.process.pid for b in browsers if b.service.process])


def tree_pss_mb(root_pid: int) -> float:
    """PSS summed over a process and all its descendants (Chromium's processes under chromedriver)."""
    return sum(r for r in (pss_mb(p) for p in descendants(root_pid)) if r == r)  # NaN: process gone


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ====================================================================== part 1: the domain


@dataclass
class DomainResult:
    participants: int
    phases: list[tuple[str, int, int, float, dict[str, int], list[float]]] = field(default_factory=list)
    """(name, threads, calls, seconds, errors by kind, per-call ms)"""
    checks: list[tuple[str, bool, str]] = field(default_factory=list)
    read_ms: dict[str, float] = field(default_factory=dict)


def domain_benchmark(n: int, tmp: Path) -> DomainResult:
    res = DomainResult(n)
    db = Database(f"sqlite:///{tmp / 'domein.sqlite'}")
    upgrade(db.engine)
    catalogus = laad(INHOUD)
    if catalogus.fouten:
        log(f"content warnings: {catalogus.fouten}")
    dienst = maak_dienst(db, catalogus, LokaleBus())
    links = dienst.aanmelding.maak("Benchmark", date.today(), TEMPLATE)
    mid, tok = links.meeting_id, links.facilitator_token
    deelnemers = [dienst.aanmelding.aanmelden(mid, f"Deelnemer {i}", "Org", "bewoner") for i in range(n)]
    dienst.leiding(tok).start()
    # what every participant ends with, per (prompt, round): participant -> value
    verwacht: dict[tuple[str, int], dict[int, Any]] = {}
    v = dienst.lezen.vergadering(mid)
    stemstappen = [st for st in v.stappen if any(q.type in STEMTYPEN for q in st.vragen)]
    if not stemstappen:
        raise RuntimeError(f"template {TEMPLATE} has no step with a voting prompt")
    eerste = [q for q in stemstappen[0].vragen if q.type in STEMTYPEN]
    tweede = [q for q in (stemstappen[1].vragen if len(stemstappen) > 1 else ()) if q.type in STEMTYPEN]
    if stemstappen[0].positie != 0:
        dienst.leiding(tok).ga_naar(stemstappen[0].positie)

    def tap(pid: int, vraag: str, waarde: Any, fouten: dict[str, int]) -> bool:
        for _ in range(1):  # no retries: a refused tap is counted, like a phone showing "Niet opgeslagen"
            try:
                dienst.deelnemer(mid, pid).antwoord(vraag, waarde)
                return True
            except Geweigerd as exc:
                fouten[f"Geweigerd: {exc}"[:90]] = fouten.get(f"Geweigerd: {exc}"[:90], 0) + 1
            except Exception as exc:  # noqa: BLE001 - e.g. sqlite 'database is locked'
                key = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"[:90]
                fouten[key] = fouten.get(key, 0) + 1
        return False

    def run_phase(name: str, threads: int, work: list[list[tuple[int, str, Any]]], serialiseer: bool = False) -> None:
        """work: one list of (participant, prompt, value) per thread, run in order.
        serialiseer: one Python lock around every call (diagnostic: contention vs. CPU)."""
        fouten: dict[str, int] = {}
        lock = threading.Lock()
        barrier = threading.Barrier(threads)
        een_tegelijk = threading.Lock() if serialiseer else None

        duur: list[float] = []

        def worker(items: list[tuple[int, str, Any]]) -> None:
            local: dict[str, int] = {}
            ms: list[float] = []
            barrier.wait(timeout=30)
            for pid, vraag, waarde in items:
                t = time.perf_counter()
                if een_tegelijk is not None:
                    with een_tegelijk:
                        tap(pid, vraag, waarde, local)
                else:
                    tap(pid, vraag, waarde, local)
                ms.append((time.perf_counter() - t) * 1000)
            with lock:
                duur.extend(ms)
                for k, v in local.items():
                    fouten[k] = fouten.get(k, 0) + v

        t0 = time.perf_counter()
        if threads == 1:
            worker(work[0])
        else:
            with ThreadPoolExecutor(threads) as pool:
                for f in [pool.submit(worker, w) for w in work]:
                    f.result(timeout=600)
        dt = time.perf_counter() - t0
        calls = sum(len(w) for w in work)
        res.phases.append((name, threads, calls, dt, fouten, duur))
        log(f"domain {name}: {calls} inputs in {dt:.2f}s = {calls / dt:.0f}/s, errors {sum(fouten.values())}")

    def plan(vragen, ronde: int, threads: int, shift: int) -> list[list[tuple[int, str, Any]]]:
        """Each participant answers every prompt, then changes it; one participant per thread."""
        work: list[list[tuple[int, str, Any]]] = [[] for _ in range(threads)]
        for i, p in enumerate(deelnemers):
            for q in vragen:
                work[i % threads].append((p, q.id, waarde(q, i)))
            for q in vragen:
                work[i % threads].append((p, q.id, waarde(q, i + shift)))
        for q in vragen:
            verwacht[(q.id, ronde)] = {p: waarde(q, i + shift) for i, p in enumerate(deelnemers)}
        return work

    # A: one thread, round 1: answer, then change
    run_phase("1 thread, answer+change", 1, plan(eerste, 1, 1, 1))

    # B: four threads, round 2; each participant belongs to one thread
    dienst.leiding(tok).sluit_invoer()
    dienst.leiding(tok).nieuwe_ronde()
    run_phase("4 threads, answer+change", 4, plan(eerste, 2, 4, 2))

    # B': the same, but one call at a time (a Python lock): if this is faster than B, the
    # threads lose time to SQLite's lock/busy-wait or the GIL rather than doing work
    dienst.leiding(tok).sluit_invoer()
    dienst.leiding(tok).nieuwe_ronde()
    run_phase("4 threads, answer+change, serialized", 4, plan(eerste, 3, 4, 1), serialiseer=True)

    # E: a burst as the app sees it: every participant taps at once, each tap one
    # run.io_bound call in NiceGUI's default pool (min(32, cores + 4) workers)
    dienst.leiding(tok).sluit_invoer()
    dienst.leiding(tok).nieuwe_ronde()
    workers = min(32, (os.cpu_count() or 1) + 4)
    fouten_e: dict[str, int] = {}
    klaar_ms: list[float] = []
    t0 = time.perf_counter()

    def burst_tap(p: int, w: Any) -> None:
        tap(p, eerste[0].id, w, fouten_e)
        klaar_ms.append((time.perf_counter() - t0) * 1000)

    with ThreadPoolExecutor(workers) as pool:
        futs = [pool.submit(burst_tap, p, waarde(eerste[0], i)) for i, p in enumerate(deelnemers)]
        for f in futs:
            f.result(timeout=600)
    dt = time.perf_counter() - t0
    res.phases.append(
        (f"burst: all at once into a {workers}-worker pool", workers, len(deelnemers), dt, fouten_e, klaar_ms)
    )
    verwacht[(eerste[0].id, 4)] = {p: waarde(eerste[0], i) for i, p in enumerate(deelnemers)}
    log(f"domain burst: {len(deelnemers)} taps done after {dt:.2f}s")

    # C: four threads, round 5, all four answer for the SAME participant at about the same time
    # (a nervous double tap on four devices at once); whichever commits last wins
    dienst.leiding(tok).sluit_invoer()
    dienst.leiding(tok).nieuwe_ronde()
    run_phase(
        "4 threads, same participant racing",
        4,
        [[(p, q.id, waarde(q, t)) for p in deelnemers for q in eerste] for t in range(4)],
    )
    verwachte_sleutels = [(q.id, r) for r in (1, 2, 3) for q in eerste] + [(eerste[0].id, 4)]
    verwachte_sleutels += [(q.id, 5) for q in eerste]

    # D: four threads, the next voting step (more prompts), answer+change each
    if tweede:
        dienst.leiding(tok).ga_naar(stemstappen[1].positie)
        run_phase(f"4 threads, {len(tweede)} prompts answer+change", 4, plan(tweede, 1, 4, 1))
        verwachte_sleutels += [(q.id, 1) for q in tweede]
    redraw_positie = (stemstappen[1] if tweede else stemstappen[0]).positie

    # what one projector redraw costs in domain reads at this size
    for naam, fn in (
        ("vergadering()", lambda: dienst.lezen.vergadering(mid)),
        ("uitslagen()", lambda: dienst.lezen.uitslagen(mid, redraw_positie)),
        ("nog_niet_geantwoord()", lambda: dienst.lezen.nog_niet_geantwoord(mid)),
    ):
        t0 = time.perf_counter()
        for _ in range(20):
            fn()
        res.read_ms[naam] = (time.perf_counter() - t0) / 20 * 1000

    # verification, straight from the SQLite file
    with sqlite3.connect(tmp / "domein.sqlite") as con:
        rows = con.execute(
            "SELECT prompt_id, round, participant_id, value FROM response WHERE meeting_id=?", (mid,)
        ).fetchall()
    per_key: dict[tuple[str, int], list[tuple[int, Any]]] = {}
    for prompt, rnd, pid, value in rows:
        per_key.setdefault((prompt, rnd), []).append((pid, json.loads(value) if isinstance(value, str) else value))
    expected_keys = verwachte_sleutels
    for key in expected_keys:
        got = per_key.get(key, [])
        pids = [p for p, _ in got]
        ok = len(got) == n and set(pids) == set(deelnemers)
        detail = f"{len(got)} rows, {len(set(pids))} distinct participants (expected {n})"
        if key in verwacht:
            wrong = sum(1 for p, v in got if verwacht[key].get(p) != v)
            ok = ok and wrong == 0
            detail += f", {wrong} rows not holding the last answer"
        res.checks.append((f"{key[0]} round {key[1]}", ok, detail))
    extra = set(per_key) - set(expected_keys)
    res.checks.append(
        ("no rows for other prompts/rounds", not extra, f"extra keys: {sorted(extra)}" if extra else "none")
    )
    db.engine.dispose()
    return res


def waarde(vraag: Any, k: int) -> Any:
    """The k-th valid answer to a prompt (cycling through its options)."""
    w = vraag.waarden()
    if vraag.type in ("enkele-keuze", "schaal"):
        return w[k % len(w)]
    if vraag.type == "meerkeuze":
        return [w[k % len(w)]]
    if vraag.type == "stippen":
        return {w[k % len(w)]: 1}
    raise ValueError(vraag.type)


# ====================================================================== part 2: browsers and server


class Server:
    def __init__(self, tmp: Path, port: int) -> None:
        self.tmp, self.port = tmp, port
        self.logfile = tmp / "server.log"
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = dict(os.environ, BUURTOVERLEG_CONTENT_DIR=str(INHOUD))
        for k in ("BUURTOVERLEG_DATABASE_URL", "BUURTOVERLEG_PUBLIEKE_URL", "BUURTOVERLEG_HOST", "BUURTOVERLEG_PORT"):
            env.pop(k, None)
        with open(self.logfile, "a") as out:  # a restart on the same data dir (storing.py) keeps the log
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "buurtoverleg",
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--data-dir",
                    str(self.tmp / "data"),
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

        def healthy() -> bool:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as r:
                    return r.status == 200
            except OSError:
                return False

        t0 = time.monotonic()
        wait_until(healthy, 60, 0.2, "GET /health 200")
        log(f"server up (pid {self.proc.pid}) in {time.monotonic() - t0:.1f}s")

    @property
    def db_url(self) -> str:
        return f"sqlite:///{(self.tmp / 'data' / 'buurtoverleg.sqlite').resolve()}"

    @property
    def db_path(self) -> Path:
        return self.tmp / "data" / "buurtoverleg.sqlite"

    def rss(self) -> float:
        return rss_mb(self.proc.pid) if self.proc else float("nan")

    def cpu(self) -> float:
        return cpu_seconds(self.proc.pid) if self.proc else float("nan")

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.logfile.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def errors_in_log(self) -> list[str]:
        try:
            lines = self.logfile.read_text(errors="replace").splitlines()
        except OSError:
            return []
        return [ln for ln in lines if "Traceback" in ln or "ERROR" in ln or "Exception" in ln][:20]

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)


class Browser:
    """One headless Chromium (via chromedriver) plus a browser-level CDP socket for contexts."""

    def __init__(self, name: str, tmp: Path, window: tuple[int, int]) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.name = name
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for flag in CHROME_FLAGS:
            opts.add_argument(flag)
        opts.add_argument(f"--window-size={window[0]},{window[1]}")
        self.profile = tmp / f"profile-{name}"
        opts.add_argument(f"--user-data-dir={self.profile}")
        self.service = Service(CHROMEDRIVER)
        self.driver = webdriver.Chrome(options=opts, service=self.service)
        self.driver.set_script_timeout(30)
        self.driver.set_page_load_timeout(60)
        self._ws = None
        self._n = 0
        self.current: str | None = self.driver.current_window_handle

    def _cdp(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        import websocket  # websocket-client, a dependency of selenium

        if self._ws is None:
            dbg = self.driver.capabilities["goog:chromeOptions"]["debuggerAddress"]
            with urllib.request.urlopen(f"http://{dbg}/json/version", timeout=10) as r:
                ws_url = json.load(r)["webSocketDebuggerUrl"]
            self._ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self._n += 1
        self._ws.send(json.dumps({"id": self._n, "method": method, "params": params}))
        for _ in range(10000):
            msg = json.loads(self._ws.recv())
            if msg.get("id") == self._n:
                if "error" in msg:
                    raise RuntimeError(f"CDP {method}: {msg['error']}")
                return msg["result"]
        raise RuntimeError(f"CDP {method}: no answer")

    def isolated_window(self, url: str, width: int = 390, height: int = 844) -> str:
        """A new window in a fresh browser context (own cookies): one more phone."""
        ctx = self._cdp("Target.createBrowserContext", {"disposeOnDetach": False})["browserContextId"]
        target = self._cdp(
            "Target.createTarget",
            {"url": url, "browserContextId": ctx, "newWindow": True, "width": width, "height": height},
        )["targetId"]
        wait_until(lambda: target in self.driver.window_handles, 20, 0.05, "new window handle")
        return target

    def switch(self, handle: str) -> None:
        if self.current != handle:
            self.driver.switch_to.window(handle)
            self.current = handle

    def js(self, handle: str, script: str, *args: Any) -> Any:
        self.switch(handle)
        return self.driver.execute_script(script, *args)

    def has_text(self, handle: str, text: str) -> bool:
        return bool(
            self.js(
                handle,
                "return !!document.getElementById('app') && "
                "document.getElementById('app').textContent.includes(arguments[0])",
                text,
            )
        )

    def click_button(self, handle: str, text: str) -> int | None:
        """Click the button with exactly this text; returns Date.now() taken right before the click."""
        return self.js(
            handle,
            """
            const b = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === arguments[0]);
            if (!b) return null;
            const t = Date.now(); b.click(); return t;""",
            text,
        )

    def chromium_cpu(self) -> float:
        return tree_cpu_seconds(self.service.process.pid) if self.service.process else float("nan")

    def chromium_rss(self) -> float:
        return tree_pss_mb(self.service.process.pid) if self.service.process else float("nan")

    def quit(self) -> None:
        try:
            if self._ws is not None:
                self._ws.close()
        except Exception:  # noqa: BLE001
            pass
        try:
            self.driver.quit()
        except Exception:  # noqa: BLE001
            try:
                if self.service.process:
                    self.service.process.kill()
            except Exception:  # noqa: BLE001
                pass


@dataclass
class Phone:
    index: int
    browser: Browser
    handle: str = ""
    participant_name: str = ""
    option: int = 0
    """index of the button (answer option) this phone taps in round 1; round 2 taps the next one"""
    joined: bool = False
    join_seconds: float = float("nan")
    error: str = ""


OBSERVER_JS = """
window.__seen = {};
window.__lastText = '';
const idx = arguments[0];
const check = () => {
  const el = document.querySelectorAll('[aria-live="polite"]')[idx];
  if (!el) return;
  const txt = el.textContent;
  if (txt === window.__lastText) return;
  window.__lastText = txt;
  const m = txt.match(/(\\d+) van (\\d+) hebben geantwoord/);
  if (m && !(m[1] in window.__seen)) window.__seen[m[1]] = Date.now();
};
if (window.__obs) window.__obs.disconnect();
window.__obs = new MutationObserver(check);
window.__obs.observe(document.getElementById('app'), {childList: true, subtree: true, characterData: true});
check();
return Date.now();
"""


ACK_JS = """
window.__ackT = null;
const ackCard = document.querySelectorAll('.q-card')[arguments[0]];
if (window.__ackObs) window.__ackObs.disconnect();
window.__ackObs = new MutationObserver(() => {
  if (window.__ackT === null && ackCard.textContent.includes('je kunt het nog wijzigen')) window.__ackT = Date.now();
});
window.__ackObs.observe(ackCard, {childList: true, subtree: true, characterData: true});
"""
TAP_JS = (
    ACK_JS
    + """
const b = ackCard.querySelectorAll('button')[arguments[1]];
if (!b) return null;
const t = Date.now(); b.click(); return t;
"""
)


@dataclass
class E2EResult:
    phones: int
    browsers: int
    ok: bool = False
    error: str = ""
    joined: int = 0
    join_wall_s: float = float("nan")
    join_p50_s: float = float("nan")
    join_max_s: float = float("nan")
    lobby_count_s: float = float("nan")
    start_to_all_buttons_s: float = float("nan")
    rss_empty_mb: float = float("nan")
    rss_before_mb: float = float("nan")
    rss_after_mb: float = float("nan")
    rss_end_mb: float = float("nan")
    idle_cpu_pct: float = float("nan")
    chromium_mb: float = float("nan")
    seq_lat: list[float] = field(default_factory=list)
    seq_ack: list[float] = field(default_factory=list)
    burst_ack: list[float] = field(default_factory=list)
    seq_sent: int = 0
    seq_seen_max: int = 0
    seq_counts_skipped: int = 0
    burst_lat: list[float] = field(default_factory=list)
    burst_all_in_ms: float = float("nan")
    burst_sent: int = 0
    burst_seen_max: int = 0
    burst_spread_ms: float = float("nan")
    stored: dict[int, tuple[int, int]] = field(default_factory=dict)
    """round -> (rows, distinct participants)"""
    participants_db: int = 0
    phones_ontvangen: dict[int, int] = field(default_factory=dict)
    server_cpu_s: float = float("nan")
    cpu_start_s: float = float("nan")
    cpu_seq_s: float = float("nan")
    cpu_burst_s: float = float("nan")
    chrome_cpu_seq_s: float = float("nan")
    chrome_cpu_burst_s: float = float("nan")
    burst_window_s: float = float("nan")
    seq_window_s: float = float("nan")
    cpu_join_s: float = float("nan")
    wall_s: float = float("nan")
    server_errors: list[str] = field(default_factory=list)
    load_before: float = field(default_factory=lambda: os.getloadavg()[0])
    console: bool = True


def join_phone(ph: Phone, url: str, code: str) -> None:
    b = ph.browser
    t0 = time.monotonic()
    ph.handle = b.isolated_window(f"{url}/doe/{code}")
    h = ph.handle
    wait_until(
        lambda: b.js(h, "return !!document.querySelector('input[aria-label=\"Naam\"]')"),
        45,
        0.1,
        f"join form on phone {ph.index}",
    )
    b.switch(h)
    from selenium.webdriver.common.by import By

    d = b.driver
    d.find_element(By.CSS_SELECTOR, 'input[aria-label="Naam"]').send_keys(ph.participant_name)
    d.find_element(By.CSS_SELECTOR, 'input[aria-label="Organisatie"]').send_keys(f"Org {ph.index % 7}")
    domein = DOMEIN_LABELS[ph.index % len(DOMEIN_LABELS)]
    d.find_element(By.CSS_SELECTOR, 'input[aria-label="Domein"]').click()
    wait_until(
        lambda: b.js(
            h,
            """
        const it = [...document.querySelectorAll('.q-menu .q-item')].find(e => e.textContent.trim() === arguments[0]);
        if (!it) return false; it.click(); return true;""",
            domein,
        ),
        20,
        0.05,
        f"domain menu on phone {ph.index}",
    )
    wait_until(
        lambda: b.js(
            h,
            """
        const f = document.querySelector('input[aria-label="Domein"]').closest('.q-field');
        return f.textContent.includes(arguments[0]) && !document.querySelector('.q-menu');""",
            domein,
        ),
        20,
        0.05,
        f"domain chosen on phone {ph.index}",
    )
    wait_until(lambda: b.click_button(h, "Meedoen") is not None, 20, 0.1, "Meedoen button")
    wait_until(
        lambda: b.js(
            h,
            """const app = document.getElementById('app');
        return app.textContent.includes('Het overleg begint zo') || !!app.querySelector('.q-card');""",
        ),
        45,
        0.1,
        f"lobby or question on phone {ph.index}",
    )
    ph.join_seconds = time.monotonic() - t0
    ph.joined = True


def e2e_benchmark(p: int, tabs_per_browser: int, gap_ms: tuple[int, int], tmp: Path, console: bool = True) -> E2EResult:
    """console=False (diagnostic): no facilitator console open; the meeting is started and the
    round changed through the domain, and the projector and phones are reloaded to see it."""
    n_browsers = max(1, math.ceil(p / tabs_per_browser))
    res = E2EResult(p, n_browsers)
    res.console = console
    t_start = time.monotonic()
    tmp.mkdir(parents=True, exist_ok=True)
    server = Server(tmp, free_port())
    browsers: list[Browser] = []
    try:
        server.start()
        res.rss_empty_mb = server.rss()
        dienst = maak_dienst(Database(server.db_url), laad(INHOUD), LokaleBus())
        links = dienst.aanmelding.maak("Benchmark", date.today(), TEMPLATE)
        code, mid = links.join_code, links.meeting_id
        v = dienst.lezen.vergadering(mid)
        kandidaten = [(st, q) for st in v.stappen for q in st.vragen if q.type in KNOPTYPEN]
        if not kandidaten:
            raise RuntimeError(f"template {TEMPLATE} has no step with a button question (enkele-keuze/schaal)")
        stap, vraag = kandidaten[0]
        card_idx = list(stap.vragen).index(vraag)
        label_idx = [q for q in stap.vragen if q.type not in ("signaal", "bespreking")].index(vraag)
        n_opts = len(vraag.waarden())
        log(f"phones answer '{vraag.vraag}' ({vraag.type}, {n_opts} buttons) in step {stap.positie + 1} '{stap.titel}'")
        tok = links.facilitator_token
        if not console:  # no page is open yet, so nobody needs to hear about it
            dienst.leiding(tok).start()
            if stap.positie != 0:
                dienst.leiding(tok).ga_naar(stap.positie)

        # the room: projector (1920x1080) and facilitator console in one Chromium
        zaal = Browser("zaal", tmp, (1920, 1080))
        browsers.append(zaal)
        proj = zaal.driver.current_window_handle
        zaal.driver.get(f"{server.url}/scherm/{links.projector_token}")
        lead = ""
        if console:
            zaal.driver.switch_to.new_window("window")
            zaal.driver.set_window_size(1280, 900)
            lead = zaal.driver.current_window_handle
            zaal.current = lead
            zaal.driver.get(f"{server.url}/leiding/{links.facilitator_token}")
            wait_until(lambda: zaal.has_text(lead, "Start het overleg"), 45, 0.1, "facilitator console")
        wait_until(
            lambda: zaal.has_text(proj, "0 deelnemers aangemeld" if console else "0 van 0 hebben geantwoord"),
            45,
            0.1,
            "projector",
        )
        time.sleep(1.0)
        res.rss_before_mb = server.rss()
        log(
            f"projector{' + console' if console else ''} open; server RSS {res.rss_before_mb:.0f} MB (empty {res.rss_empty_mb:.0f} MB)"
        )

        # phone browsers, started in parallel
        with ThreadPoolExecutor(n_browsers) as pool:
            futs = [pool.submit(Browser, f"tel{i}", tmp, (390, 844)) for i in range(n_browsers)]
            for f in futs:
                browsers.append(f.result(timeout=120))
        phone_browsers = browsers[1:]
        phones = [
            Phone(i, phone_browsers[i % n_browsers], participant_name=f"Telefoon {i:02d}", option=i % n_opts)
            for i in range(p)
        ]
        log(f"{n_browsers} phone browsers up; joining {p} phones through /doe/{code}")

        # join: one thread per browser, phones of one browser one after another
        def join_all(b: Browser) -> None:
            for ph in phones:
                if ph.browser is b:
                    try:
                        join_phone(ph, server.url, code)
                    except Exception as exc:  # noqa: BLE001 - reported, the run goes on with who joined
                        ph.error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:150]}"

        t0 = time.monotonic()
        c_join = server.cpu()
        with ThreadPoolExecutor(n_browsers) as pool:
            for f in [pool.submit(join_all, b) for b in phone_browsers]:
                f.result(timeout=900)
        res.join_wall_s = time.monotonic() - t0
        res.cpu_join_s = server.cpu() - c_join
        joined = [ph for ph in phones if ph.joined]
        res.joined = len(joined)
        js_ = [ph.join_seconds for ph in joined]
        res.join_p50_s, res.join_max_s = pct(js_, 50), max(js_, default=float("nan"))
        for ph in phones:
            if ph.error:
                log(f"phone {ph.index} failed to join: {ph.error}")
        log(
            f"{res.joined}/{p} joined in {res.join_wall_s:.1f}s (per phone p50 {res.join_p50_s:.1f}s, max {res.join_max_s:.1f}s)"
        )
        if not joined:
            raise RuntimeError("no phone could join")

        t0 = time.monotonic()
        wait_until(
            lambda: zaal.has_text(
                proj, f"{res.joined} deelnemers aangemeld" if console else f"0 van {res.joined} hebben geantwoord"
            ),
            30,
            0.1,
            "count on projector",
        )
        res.lobby_count_s = time.monotonic() - t0
        time.sleep(2.0)
        res.rss_after_mb = server.rss()
        c0, w0 = server.cpu(), time.monotonic()
        time.sleep(5.0)
        res.idle_cpu_pct = 100 * (server.cpu() - c0) / (time.monotonic() - w0)
        res.chromium_mb = sum(b.chromium_rss() for b in browsers)
        log(
            f"server RSS {res.rss_after_mb:.0f} MB with {res.joined} phones; idle server CPU {res.idle_cpu_pct:.0f}% "
            f"of a core; all Chromium PSS {res.chromium_mb:.0f} MB"
        )

        # start the meeting from the console
        cpu_start = server.cpu()
        if console:
            assert zaal.click_button(lead, "Start het overleg") is not None, "no start button"
        t0 = time.monotonic()
        if console and stap.positie != 0:  # go to the step through the console's agenda
            wait_until(
                lambda: zaal.js(
                    lead,
                    """
                const el = [...document.querySelectorAll('.cursor-pointer')].find(e => e.textContent.trim() === arguments[0]);
                if (!el) return false; el.click(); return true;""",
                    f"{stap.positie + 1}. {stap.titel}",
                ),
                20,
                0.1,
                "agenda item",
            )
        wait_until(lambda: zaal.has_text(proj, f"0 van {res.joined} hebben geantwoord"), 30, 0.1, "projector step 1")
        pending = list(joined)
        deadline = time.monotonic() + 60
        while pending and time.monotonic() < deadline:
            pending = [
                ph
                for ph in pending
                if not ph.browser.js(
                    ph.handle,
                    """
                const card = document.querySelectorAll('.q-card')[arguments[0]];
                return !!card && card.querySelectorAll('button').length >= arguments[1];""",
                    card_idx,
                    n_opts,
                )
            ]
            if pending:
                time.sleep(0.1)
        if pending:
            raise RuntimeError(f"{len(pending)} phones never showed the question")
        res.start_to_all_buttons_s = time.monotonic() - t0 if console else float("nan")
        log(f"meeting started; all phones show the buttons after {res.start_to_all_buttons_s:.2f}s")

        # ---------------- sequential taps
        res.cpu_start_s = server.cpu() - cpu_start
        c_seq = server.cpu()
        cc_seq, w_seq = chromium_cpu(browsers), time.monotonic()
        zaal.js(proj, OBSERVER_JS, label_idx)
        rng = random.Random(7)
        taps: list[int] = []
        tapped: list[tuple[Phone, int]] = []
        for ph in joined:
            t = ph.browser.js(ph.handle, TAP_JS, card_idx, ph.option)
            if t is None:
                log(f"phone {ph.index}: button not found")
                continue
            taps.append(t)
            tapped.append((ph, t))
            time.sleep(rng.uniform(gap_ms[0], gap_ms[1]) / 1000)
        res.seq_sent = len(taps)
        try:
            wait_until(
                lambda: zaal.js(proj, "return window.__seen[arguments[0]] || 0", str(res.seq_sent)),
                30,
                0.05,
                "projector shows all sequential answers",
            )
        except TimeoutError as exc:
            log(str(exc))
        seen = {int(k): v for k, v in zaal.js(proj, "return window.__seen").items()}
        res.seq_seen_max = max(seen, default=0)
        res.seq_counts_skipped = sum(1 for k in range(1, res.seq_sent + 1) if k not in seen)
        res.seq_lat = latencies(taps, seen)
        res.phones_ontvangen[1] = sum(1 for ph in joined if ph.browser.has_text(ph.handle, "Ontvangen ✓"))
        res.seq_ack = ack_latencies(tapped)
        res.cpu_seq_s = server.cpu() - c_seq
        res.chrome_cpu_seq_s = chromium_cpu(browsers) - cc_seq
        res.seq_window_s = time.monotonic() - w_seq
        log(
            f"sequential: sent {res.seq_sent}, projector reached {res.seq_seen_max}; latency p50 "
            f"{pct(res.seq_lat, 50):.0f} ms, p95 {pct(res.seq_lat, 95):.0f} ms, max {max(res.seq_lat, default=0):.0f} ms"
        )

        # ---------------- burst: new round, everybody taps at the same moment
        if console:
            assert zaal.click_button(lead, "Invoer sluiten") is not None, "no 'Invoer sluiten'"
            wait_until(lambda: zaal.click_button(lead, "Nieuwe ronde") is not None, 20, 0.1, "'Nieuwe ronde' button")
        else:  # through the domain; the pages cannot hear that, so reload them
            dienst.leiding(tok).sluit_invoer()
            dienst.leiding(tok).nieuwe_ronde()
            for b, h in [(zaal, proj)] + [(ph.browser, ph.handle) for ph in joined]:
                b.switch(h)
                b.driver.refresh()
        wait_until(
            lambda: zaal.has_text(proj, f"0 van {res.joined} hebben geantwoord · ronde 2"), 30, 0.1, "projector round 2"
        )
        pending = list(joined)
        deadline = time.monotonic() + 60
        while pending and time.monotonic() < deadline:
            pending = [
                ph
                for ph in pending
                if not ph.browser.js(
                    ph.handle,
                    """
                const card = document.querySelectorAll('.q-card')[arguments[0]];
                return !!card && !card.textContent.includes('Ontvangen') &&
                  card.querySelectorAll('button').length >= arguments[1];""",
                    card_idx,
                    n_opts,
                )
            ]
            if pending:
                time.sleep(0.1)
        if pending:
            raise RuntimeError(f"{len(pending)} phones never showed round 2")
        zaal.js(proj, OBSERVER_JS, label_idx)
        fire_at = int(time.time() * 1000) + 2000 + 80 * len(joined)
        for ph in joined:
            ph.browser.js(
                ph.handle,
                ACK_JS
                + """
                window.__tapT = null;
                const card = arguments[0], opt = arguments[2];
                setTimeout(() => {
                  const c = document.querySelectorAll('.q-card')[card];
                  const b = c && c.querySelectorAll('button')[opt];
                  if (!b) { window.__tapT = -1; return; }
                  window.__tapT = Date.now(); b.click();
                }, Math.max(0, arguments[1] - Date.now()));""",
                card_idx,
                fire_at,
                (ph.option + 1) % n_opts,
            )
        c_burst = server.cpu()
        cc_burst = chromium_cpu(browsers)
        if time.time() > fire_at / 1000:
            log(f"warning: scheduling the burst took longer than planned ({time.time() - fire_at / 1000:.1f}s late)")
        time.sleep(max(0.0, fire_at / 1000 - time.time()))
        w_burst = time.monotonic()
        try:
            wait_until(
                lambda: zaal.js(proj, "return window.__seen[arguments[0]] || 0", str(len(joined))),
                40,
                0.05,
                "projector shows all burst answers",
            )
        except TimeoutError as exc:
            log(str(exc))
        res.cpu_burst_s = server.cpu() - c_burst
        res.chrome_cpu_burst_s = chromium_cpu(browsers) - cc_burst
        res.burst_window_s = time.monotonic() - w_burst
        btapped = [(ph, ph.browser.js(ph.handle, "return window.__tapT")) for ph in joined]
        btapped = [(ph, t) for ph, t in btapped if isinstance(t, int) and t > 0]
        btaps = [t for _, t in btapped]
        res.burst_sent = len(btaps)
        seen = {int(k): v for k, v in zaal.js(proj, "return window.__seen").items()}
        res.burst_seen_max = max(seen, default=0)
        res.burst_lat = latencies(sorted(btaps), seen)
        res.burst_spread_ms = (max(btaps) - min(btaps)) if btaps else float("nan")
        if res.burst_seen_max in seen and btaps:
            res.burst_all_in_ms = seen[res.burst_seen_max] - min(btaps)
        time.sleep(1.0)
        res.phones_ontvangen[2] = sum(1 for ph in joined if ph.browser.has_text(ph.handle, "Ontvangen ✓"))
        res.burst_ack = ack_latencies(btapped)
        log(
            f"burst: sent {res.burst_sent} (taps spread over {res.burst_spread_ms:.0f} ms), projector reached "
            f"{res.burst_seen_max}; latency p50 {pct(res.burst_lat, 50):.0f} ms, p95 {pct(res.burst_lat, 95):.0f} ms, "
            f"all in after {res.burst_all_in_ms:.0f} ms"
        )
        res.server_cpu_s = server.cpu() - cpu_start
        res.rss_end_mb = server.rss()

        # ---------------- what was stored, read from the SQLite file itself
        with sqlite3.connect(server.db_path, timeout=15) as con:
            for rnd, rows, distinct in con.execute(
                "SELECT round, COUNT(*), COUNT(DISTINCT participant_id) FROM response "
                "WHERE meeting_id=? AND prompt_id=? GROUP BY round",
                (mid, vraag.id),
            ):
                res.stored[rnd] = (rows, distinct)
            res.participants_db = con.execute("SELECT COUNT(*) FROM participant WHERE meeting_id=?", (mid,)).fetchone()[
                0
            ]
        res.ok = (
            res.joined == p
            and res.stored.get(1) == (res.joined, res.joined)
            and res.stored.get(2) == (res.joined, res.joined)
            and res.participants_db == res.joined
            and res.seq_seen_max == res.joined
            and res.burst_seen_max == res.joined
        )
    except Exception as exc:  # noqa: BLE001 - reported in the table
        res.error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}"
        log(f"E2E with {p} phones failed: {res.error}")
        traceback.print_exc()
        log("server log tail:\n" + server.log_tail())
    finally:
        res.server_errors = server.errors_in_log()
        for b in browsers:
            b.quit()
        server.stop()
        res.wall_s = time.monotonic() - t_start
    return res


def ack_latencies(tapped: list[tuple[Phone, int]]) -> list[float]:
    """Tap -> the phone itself shows 'Ontvangen ✓' (server round trip including the database write)."""
    out = []
    for ph, t in tapped:
        ack = ph.browser.js(ph.handle, "return window.__ackT")
        if isinstance(ack, int):
            out.append(float(ack - t))
    return out


def latencies(taps: list[int], seen: dict[int, int]) -> list[float]:
    """Tap i (in time order) is in the projector's count once it shows any K >= i+1."""
    out = []
    for i, t in enumerate(taps):
        later = [v for k, v in seen.items() if k >= i + 1]
        if later:
            out.append(float(min(later) - t))
    return out


# ====================================================================== output


def summary(dom: DomainResult | None, runs: list[E2EResult], args: argparse.Namespace) -> None:
    print()
    print("=" * 100)
    print(
        f"BUURTOVERLEG LIVE BENCHMARK   ({os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{'quick' if args.quick else 'full'} run; load average at start {LOAD_AT_START[0]:.1f}, "
        f"now {os.getloadavg()[0]:.1f})"
    )
    print("=" * 100)
    if dom is not None:
        print(f"\n1. Domain throughput (Dienst + LokaleBus, SQLite file, {dom.participants} participants)")
        print(
            f"   {'phase':40} {'threads':>7} {'inputs':>7} {'seconds':>8} {'inputs/s':>9} "
            f"{'call ms p50/p99/max':>20} {'refused':>8}"
        )
        print("   (for the burst: ms from submitting all taps to each tap's completion)")
        for name, threads, calls, dt, fouten, duur in dom.phases:
            print(
                f"   {name:40} {threads:>7} {calls:>7} {dt:>8.2f} {calls / dt:>9.0f} "
                f"{pct(duur, 50):>6.1f}/{pct(duur, 99):>5.1f}/{max(duur):>6.1f} {sum(fouten.values()):>8}"
            )
            for k, v in sorted(fouten.items(), key=lambda kv: -kv[1]):
                print(f"   {'':40}   {v} x {k}")
        print("   reads per projector/console redraw: " + ", ".join(f"{k} {v:.1f} ms" for k, v in dom.read_ms.items()))
        print("   stored rows (one per participant per prompt per round, holding the last answer):")
        for name, ok, detail in dom.checks:
            print(f"     [{'OK ' if ok else 'BAD'}] {name}: {detail}")
    for r in runs:
        print(
            f"\n2. End to end, real server + headless Chromium: {r.phones} phones "
            + ("" if r.console else "[DIAGNOSTIC: no facilitator console open] ")
            + f"({r.browsers} phone browsers x <= {math.ceil(r.phones / r.browsers)} windows, each its own "
            f"browser context) + 1 browser for projector/console"
        )
        if r.error:
            print(f"   FAILED: {r.error}")
        rows = [
            (
                "phones joined via /doe/<code>",
                f"{r.joined}/{r.phones} in {r.join_wall_s:.1f}s wall "
                f"(per phone p50 {r.join_p50_s:.1f}s, max {r.join_max_s:.1f}s)",
            ),
            ("projector lobby count caught up", f"{r.lobby_count_s:.2f}s after the last join"),
            ("start -> every phone shows buttons", f"{r.start_to_all_buttons_s:.2f}s"),
            (
                f"sequential taps (gap {args.gap[0]}-{args.gap[1]} ms)",
                f"sent {r.seq_sent}, projector reached {r.seq_seen_max}, counts skipped {r.seq_counts_skipped}",
            ),
            ("  tap -> projector count, ms", fmt_lat(r.seq_lat)),
            ("  tap -> phone shows 'Ontvangen', ms", fmt_lat(r.seq_ack)),
            (
                "burst (all phones tap at once)",
                f"sent {r.burst_sent} within {r.burst_spread_ms:.0f} ms, "
                f"projector reached {r.burst_seen_max}, all in after {r.burst_all_in_ms:.0f} ms",
            ),
            ("  tap -> projector count, ms", fmt_lat(r.burst_lat)),
            ("  tap -> phone shows 'Ontvangen', ms", fmt_lat(r.burst_ack)),
            (
                "stored Response rows (round: rows/distinct)",
                ", ".join(f"r{k}: {a}/{b}" for k, (a, b) in sorted(r.stored.items()))
                + f"; participants in DB {r.participants_db}",
            ),
            ("phones showing 'Ontvangen'", ", ".join(f"r{k}: {v}" for k, v in sorted(r.phones_ontvangen.items()))),
            (
                "server RSS MB empty / room open / +phones / end",
                f"{r.rss_empty_mb:.0f} / {r.rss_before_mb:.0f} / {r.rss_after_mb:.0f} / {r.rss_end_mb:.0f}",
            ),
            (
                "server MB per connected participant",
                f"{(r.rss_after_mb - r.rss_before_mb) / r.joined:.2f}" if r.joined else "-",
            ),
            ("server CPU idle with phones connected", f"{r.idle_cpu_pct:.0f}% of one core"),
            (
                "server CPU s: joins / start / seq taps / burst",
                f"{r.cpu_join_s:.1f} / {r.cpu_start_s:.1f} / "
                f"{r.cpu_seq_s:.1f} / {r.cpu_burst_s:.1f}  (burst: from the taps until the projector showed all)",
            ),
            (
                "server CPU ms per tap: seq / burst",
                f"{1000 * r.cpu_seq_s / max(1, r.seq_sent):.0f} / {1000 * r.cpu_burst_s / max(1, r.burst_sent):.0f}",
            ),
            (
                "Chromium CPU s in the seq / burst window",
                f"{r.chrome_cpu_seq_s:.1f} in {r.seq_window_s:.1f}s / "
                f"{r.chrome_cpu_burst_s:.1f} in {r.burst_window_s:.1f}s wall (2 cores = 2 CPU s per s)",
            ),
            (
                "all Chromium processes (PSS)",
                f"{r.chromium_mb:.0f} MB ({r.chromium_mb / max(1, r.joined):.0f} MB/phone)",
            ),
            ("wall time of this run", f"{r.wall_s:.0f}s (load average before it {r.load_before:.1f})"),
            ("result", "OK" if r.ok else "NOT OK"),
        ]
        for k, v in rows:
            print(f"   {k:46} {v}")
        if r.server_errors:
            print("   server log errors:")
            for ln in r.server_errors[:10]:
                print(f"     {ln}")
    if len(runs) > 1:
        print("\n3. Scaling")
        print(
            f"   {'phones':>6} {'joined':>6} {'ok':>4} {'seq p50/p95/max ms':>22} {'burst p50/p95/max ms':>22} "
            f"{'all in ms':>9} {'MB/phone srv':>12} {'idle CPU%':>9} {'wall s':>6}"
        )
        for r in runs:
            mbp = (r.rss_after_mb - r.rss_before_mb) / r.joined if r.joined else float("nan")
            print(
                f"   {r.phones:>6} {r.joined:>6} {'yes' if r.ok else 'no':>4} {short_lat(r.seq_lat):>22} "
                f"{short_lat(r.burst_lat):>22} {r.burst_all_in_ms:>9.0f} {mbp:>12.2f} {r.idle_cpu_pct:>9.0f} {r.wall_s:>6.0f}"
            )
        good = [r.phones for r in runs if r.ok]
        print(f"   largest P that worked: {max(good) if good else 'none'}")
    print()


def fmt_lat(v: list[float]) -> str:
    if not v:
        return "-"
    return f"p50 {pct(v, 50):.0f}, p95 {pct(v, 95):.0f}, max {max(v):.0f}, mean {statistics.mean(v):.0f} (n={len(v)})"


def short_lat(v: list[float]) -> str:
    return f"{pct(v, 50):.0f}/{pct(v, 95):.0f}/{max(v):.0f}" if v else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--phones", default="30", help="phones in Chromium; a comma list runs each size (e.g. 30,60)")
    ap.add_argument("--quick", action="store_true", help="smoke check: 5 phones, 40 domain participants")
    ap.add_argument("--participants", type=int, default=None, help="participants in the domain benchmark (300)")
    ap.add_argument("--tabs-per-browser", type=int, default=10, help="phone windows per Chromium instance")
    ap.add_argument(
        "--gap",
        type=int,
        nargs=2,
        default=(150, 300),
        metavar=("MIN_MS", "MAX_MS"),
        help="pause between sequential taps",
    )
    ap.add_argument(
        "--no-console",
        action="store_true",
        help="diagnostic: no facilitator console open (meeting driven through the domain, pages reloaded)",
    )
    ap.add_argument("--skip-domain", action="store_true")
    ap.add_argument("--skip-browser", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temp directory (logs, SQLite files)")
    args = ap.parse_args()
    os.chdir(ROOT)
    sizes = [5] if args.quick else [int(x) for x in str(args.phones).split(",") if x.strip()]
    if any(s < 1 or s > 300 for s in sizes):
        ap.error("--phones must be between 1 and 300")
    n_dom = args.participants or (40 if args.quick else 300)
    tmp = Path(tempfile.mkdtemp(prefix="buurtoverleg-bench-"))
    dom: DomainResult | None = None
    runs: list[E2EResult] = []
    try:
        if not args.skip_domain:
            log(f"domain benchmark with {n_dom} participants")
            dom = domain_benchmark(n_dom, tmp)
        if not args.skip_browser:
            for i, size in enumerate(sizes):
                log(f"end-to-end benchmark with {size} phones")
                runs.append(
                    e2e_benchmark(
                        size,
                        args.tabs_per_browser,
                        tuple(args.gap),
                        tmp / f"e2e-{i}-{size}",
                        console=not args.no_console,
                    )
                )
    except KeyboardInterrupt:
        log("interrupted")
    finally:
        summary(dom, runs, args)
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    ok = (dom is None or all(c[1] for c in dom.checks)) and all(r.ok for r in runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

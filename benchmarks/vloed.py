"""Signal flood (issue 20): one phone sends signals as fast as it can; does another phone still
get its acknowledgement quickly, and does the server's memory stay flat?

Run from the repository root:

    .venv/bin/python benchmarks/vloed.py              # 40 s flood (about 1.5 minutes in all)
    .venv/bin/python benchmarks/vloed.py --seconden 10

What it does: the real server (`python -m buurtoverleg serve`) in a subprocess with the test
content; a meeting on its signal step, prepared through the domain before any page opens; two
phones in headless Chromium (360x640) join through the real form. Phone A types and taps
'Signaal versturen' in a loop inside its own page (fill the box, tap, 50 ms, again) for the
whole flood. Phone B meanwhile taps 'Herken ik' on one of A's signals every 0.3 s and sends a
signal of its own every 10 s; for each tap it measures, in its page, the time until the
acknowledgement shows (the button's label changes; the text box empties). The server's RSS is
read from /proc before, during and after. At the end the database says how many of A's
signals were stored: the limits (sessie/redelijk.py) say at most 6 a minute and 20 a step.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from buurtoverleg import content  # noqa: E402
from buurtoverleg.samenstelling import maak_dienst  # noqa: E402
from buurtoverleg.sessie.gebeurtenissen import LokaleBus  # noqa: E402
from buurtoverleg.sessie.redelijk import SIGNALEN_PER_MINUUT, SIGNALEN_PER_STAP  # noqa: E402
from buurtoverleg.storage import Database  # noqa: E402
from tests.pages.browser import TEST_INHOUD, Browser, draai_server, maak_browser  # noqa: E402

EERSTE = "Eerste signaal: brommers over de stoep bij de school"

VLOED_JS = """
const [seconden] = arguments;
window.vloed = {pogingen: 0, klaar: false};
const einde = Date.now() + seconden * 1000;
const slaap = ms => new Promise(r => setTimeout(r, ms));
(async () => {
  while (Date.now() < einde) {
    const vak = document.querySelector('textarea');
    const knop = [...document.querySelectorAll('button')].find(b => b.textContent.includes('Signaal versturen'));
    if (vak && knop) {
      vak.value = 'Vloed ' + (++window.vloed.pogingen) + ' ' + Math.random().toString(36).slice(2);
      vak.dispatchEvent(new Event('input', {bubbles: true}));
      await slaap(10);
      knop.click();
    }
    await slaap(50);
  }
  window.vloed.klaar = true;
})();
"""

HERKEN_JS = """
const [tekst, klaar] = [arguments[0], arguments[arguments.length - 1]];
const vind = () => {
  const kaart = [...document.querySelectorAll('.q-card')].find(k => k.textContent.includes(tekst));
  return kaart && [...kaart.querySelectorAll('button')].find(b => b.textContent.includes('Herken ik'));
};
const knop = vind();
if (!knop) return klaar(null);
const voor = knop.textContent;
const t0 = performance.now();
knop.click();
const kijk = () => {
  const nu = vind();
  if (nu && nu.textContent !== voor) return klaar(performance.now() - t0);
  if (performance.now() - t0 > 10000) return klaar(-1);
  setTimeout(kijk, 5);
};
kijk();
"""

SIGNAAL_JS = """
const [tekst, klaar] = [arguments[0], arguments[arguments.length - 1]];
const vak = document.querySelector('textarea');
const knop = [...document.querySelectorAll('button')].find(b => b.textContent.includes('Signaal versturen'));
if (!vak || !knop) return klaar(null);
vak.value = tekst;
vak.dispatchEvent(new Event('input', {bubbles: true}));
setTimeout(() => {
  const t0 = performance.now();
  knop.click();
  const kijk = () => {
    if (vak.value === '') return klaar(performance.now() - t0);
    if (performance.now() - t0 > 10000) return klaar(-1);
    setTimeout(kijk, 5);
  };
  kijk();
}, 50);
"""


def rss_mb(pid: int) -> float:
    for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
        if regel.startswith("VmRSS:"):
            return int(regel.split()[1]) / 1024
    return float("nan")


def pct(waarden: list[float], p: float) -> float:
    if not waarden:
        return float("nan")
    s = sorted(waarden)
    return s[min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))]


def aanmelden(telefoon: Browser, url: str, naam: str) -> None:
    telefoon.open(url)
    telefoon.zie("Vul in wie je bent")
    telefoon.typ("Naam", naam)
    telefoon.kies("Domein", "Bewoner")
    telefoon.knop("Meedoen")
    telefoon.zie("Wat zie of hoor je in de buurt?", timeout=30)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconden", type=float, default=40.0, help="duur van de vloed (standaard 40 s)")
    ap.add_argument(
        "--zonder-vloed", action="store_true", help="nulmeting: telefoon A stuurt niets, B meet net zo lang"
    )
    args = ap.parse_args()
    os.chdir(ROOT)
    tmp = Path(tempfile.mkdtemp(prefix="buurtoverleg-vloed-"))
    with draai_server(tmp) as server:
        dienst = maak_dienst(Database(server.database_url), content.laad(TEST_INHOUD), LokaleBus())
        links = dienst.aanmelding.maak("Vloedbuurt", date(2026, 12, 2), "test-telefoon")
        dienst.leiding(links.facilitator_token).start()
        dienst.leiding(links.facilitator_token).ga_naar(2)
        url = f"{server.url}/doe/{links.join_code}"
        a = maak_browser("telefoon-a", 360, 640, mobiel=True)
        b = maak_browser("telefoon-b", 360, 640, mobiel=True)
        try:
            aanmelden(a, url, "Vloed")
            aanmelden(b, url, "Meter")
            a.typ("Je signaal", EERSTE)
            a.knop("Signaal versturen")
            b.zie(EERSTE)
            time.sleep(2)  # let the joins settle before the baseline
            rss_voor = rss_mb(server.proces.pid)
            rss_piek = rss_voor
            a.js(VLOED_JS, 0 if args.zonder_vloed else args.seconden)
            herken: list[float] = []
            eigen: list[float] = []
            verloren = 0
            begin = time.monotonic()
            volgend_signaal = begin + 5
            n = 0
            while time.monotonic() - begin < args.seconden:
                if time.monotonic() >= volgend_signaal:
                    n += 1
                    ms = b.driver.execute_async_script(SIGNAAL_JS, f"Meter {n}: de lantaarnpaal is weer kapot")
                    volgend_signaal += 10
                    (eigen.append(ms) if ms and ms > 0 else None)
                else:
                    ms = b.driver.execute_async_script(HERKEN_JS, EERSTE)
                    if ms is None or ms < 0:
                        verloren += 1
                    else:
                        herken.append(ms)
                rss_piek = max(rss_piek, rss_mb(server.proces.pid))
                time.sleep(0.3)
            a.wacht(lambda: a.js("return window.vloed.klaar"), "vloed klaar", timeout=30)
            vloed = a.js("return window.vloed")
            time.sleep(3)
            rss_na = rss_mb(server.proces.pid)
            a.screenshot("vloed-telefoon-a")
        finally:
            a.sluit()
            b.sluit()
        db = Path(server.database_url.removeprefix("sqlite:///"))
        with sqlite3.connect(db) as con:
            van_a = con.execute(
                "SELECT count(*) FROM signal s JOIN participant p ON p.id = s.participant_id WHERE p.name='Vloed'"
            ).fetchone()[0]
            weigeringen = server.log.read_text(errors="replace").count("Rustig aan")
            van_b = con.execute(
                "SELECT count(*) FROM signal s JOIN participant p ON p.id = s.participant_id WHERE p.name='Meter'"
            ).fetchone()[0]
    alle = herken + eigen
    print()
    print("=" * 80)
    print(
        f"BUURTOVERLEG SIGNAALVLOED{' (NULMETING)' if args.zonder_vloed else ''}  ({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})"
    )
    print("=" * 80)
    regels = [
        ("duur van de vloed", f"{args.seconden:.0f} s"),
        ("telefoon A: pogingen", f"{vloed['pogingen']} (tik op 'Signaal versturen')"),
        ("telefoon A: opgeslagen", f"{van_a} (grens {SIGNALEN_PER_MINUUT}/minuut, {SIGNALEN_PER_STAP}/stap)"),
        ("telefoon A: door de server geweigerd", f"{weigeringen} (serverlog); de rest weigert de pagina zelf"),
        ("telefoon B: signalen opgeslagen", f"{van_b} van {len(eigen)} verstuurd"),
        (
            "telefoon B: 'herken ik' -> label, ms",
            f"n={len(herken)} p50 {pct(herken, 50):.0f} p95 {pct(herken, 95):.0f} max {max(herken, default=0):.0f}",
        ),
        (
            "telefoon B: signaal -> 'Ontvangen', ms",
            f"n={len(eigen)} p50 {pct(eigen, 50):.0f} p95 {pct(eigen, 95):.0f} max {max(eigen, default=0):.0f}",
        ),
        ("telefoon B: alle bevestigingen p95", f"{pct(alle, 95):.0f} ms; zonder bevestiging: {verloren}"),
        ("server RSS", f"voor {rss_voor:.0f} MB, piek {rss_piek:.0f} MB, na {rss_na:.0f} MB"),
    ]
    for k, v in regels:
        print(f"  {k:42} {v}")
    ok = van_a <= SIGNALEN_PER_STAP and pct(alle, 95) < 500 and verloren == 0
    print(f"  {'uitkomst':42} {'OK' if ok else 'NIET OK'}: p95 onder 0,5 s en de vloed begrensd")
    print()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

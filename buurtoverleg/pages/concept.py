"""What a phone keeps in its own browser: drafts, taps not yet confirmed, and 'onthoud mij'.

Why the browser's localStorage and not NiceGUI's `app.storage`: `app.storage.user` and
`app.storage.tab` live on the server, so a tap made while the Wi-Fi is gone never reaches
them, and what a participant typed would be written to a file on the laptop (participant
text belongs in the meeting's database or nowhere). `app.storage.browser` is a signed cookie
the server can only write while answering a page request. localStorage is written by the
phone itself, on every keystroke and every tap, also without a connection; it survives a
reload, a reconnect and a server restart, and it stays on this phone only.

Three kinds of entries, all under the prefix `bo:` (one key per meeting code, participant and
prompt, so two meetings or two people on one phone never mix):

- `concept:<vraag>`: what was typed or picked and not sent; offered back when the prompt is
  on screen again. The small script below writes typed text itself (`data-concept`).
- `poging:<vraag>`: a tap on a send button the server has not confirmed yet (`data-poging`),
  with the value and the round; cleared by the server when the answer is stored. One left
  over after a reconnect or a reload is either sent again (the prompt is still open) or shown
  as 'Niet verstuurd: de vraag is gesloten' with its text.
- `bo:mij`: name, organisation and domain, only when the participant asked to be remembered.
"""

from __future__ import annotations

import json
from typing import Any

from nicegui import Client, ui

SCRIPT = """<script>
window.bo = {
  zet(k, v) { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) {} },
  lees(k) { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } },
  wis(k) { try { localStorage.removeItem(k); } catch (e) {} },
  pogingen(prefix) {  // after a redraw: only a phone that holds an unconfirmed tap asks the server to look
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && k.startsWith(prefix + 'poging:')) return emitEvent('bo_pogingen');
    }
  },
  alles(prefix) {
    const uit = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && k.startsWith(prefix)) uit[k.slice(prefix.length)] = bo.lees(k);
    }
    return uit;
  },
};
// typed text is kept on every keystroke, by the phone itself: also while the connection is down
document.addEventListener('input', (e) => {
  const veld = e.target.closest && e.target.closest('[data-concept]');
  if (veld) bo.zet(veld.dataset.concept, e.target.value);
}, true);
// a tap on a send button is kept until the server confirms it (capture: before NiceGUI sends it)
document.addEventListener('click', (e) => {
  const knop = e.target.closest && e.target.closest('[data-poging]');
  if (!knop) return;
  const waarde = knop.dataset.waarde !== undefined ? JSON.parse(knop.dataset.waarde) : bo.lees(knop.dataset.bron);
  if (waarde === null || waarde === '') return;
  bo.zet(knop.dataset.poging, {waarde, ronde: Number(knop.dataset.ronde || 0), titel: knop.dataset.titel || ''});
}, true);
// after the connection comes back, the page checks which taps did not arrive
(function wachtOpSocket() {
  if (!window.socket) return setTimeout(wachtOpSocket, 200);
  let eerste = true;
  window.socket.on('connect', () => {
    if (eerste) { eerste = false; return; }
    setTimeout(() => emitEvent('bo_weer_verbonden'), 500);
  });
})();
</script>"""

MIJ = "bo:mij"
"""The key of 'onthoud mij op deze telefoon'."""


def installeer() -> None:
    """The script, once per page (shared: NiceGUI sends it with every page's head)."""
    if SCRIPT not in Client.shared_head_html:
        ui.add_head_html(SCRIPT, shared=True)


def voorvoegsel(code: str, deelnemer_id: int) -> str:
    """One meeting's entries for one participant on this phone."""
    return f"bo:{code}:{deelnemer_id}:"


def concept_sleutel(voorvoegsel_: str, vraag_id: str) -> str:
    return f"{voorvoegsel_}concept:{vraag_id}"


def poging_sleutel(voorvoegsel_: str, vraag_id: str) -> str:
    return f"{voorvoegsel_}poging:{vraag_id}"


async def lees_alles(voorvoegsel_: str) -> dict[str, Any]:
    """Everything this phone kept for this meeting and participant ({} when the phone does not
    answer in time: the page then simply starts empty)."""
    try:
        uit = await ui.run_javascript(f"return bo.alles({json.dumps(voorvoegsel_)})", timeout=3.0)
    except TimeoutError:
        return {}
    return uit if isinstance(uit, dict) else {}


async def lees(sleutel: str) -> Any:
    try:
        return await ui.run_javascript(f"return bo.lees({json.dumps(sleutel)})", timeout=3.0)
    except TimeoutError:
        return None


def meld_pogingen(voorvoegsel_: str) -> None:
    """Ask the phone to say so (event 'bo_pogingen') if it holds a tap the server never confirmed.
    Most phones hold none after most redraws: asking each one for everything it kept, and waiting
    for the answer, cost an eighth of the server's time when 400 phones drew a new step (issue 22)."""
    ui.run_javascript(f"bo.pogingen({json.dumps(voorvoegsel_)})")


def zet(sleutel: str, waarde: Any) -> None:
    """Keep a value on the phone (sent without waiting for an answer)."""
    ui.run_javascript(f"bo.zet({json.dumps(sleutel)}, {json.dumps(waarde)})")


def wis(sleutel: str) -> None:
    ui.run_javascript(f"bo.wis({json.dumps(sleutel)})")


def wis_concepten(voorvoegsel_: str) -> None:
    """Forget this meeting's drafts on the phone: once the meeting is closed they are of no use,
    and a phone may be shared. Undelivered taps stay until their 'Niet verstuurd' notice is
    removed: that text was meant to be sent."""
    prefix = json.dumps(voorvoegsel_)
    ui.run_javascript(
        f"Object.keys(bo.alles({prefix})).filter(k => k.startsWith('concept:')).forEach(k => bo.wis({prefix} + k))"
    )


def markeer_poging(
    knop: ui.button, sleutel: str, ronde: int, *, waarde: Any = None, bron: str | None = None, titel: str = ""
) -> None:
    """Make a send button keep its tap on the phone until the server confirms it: with the
    value itself (`waarde`: an option) or with what a draft key holds at the moment of the tap
    (`bron`: typed text, ticked boxes)."""
    knop.props["data-poging"] = sleutel
    knop.props["data-ronde"] = str(ronde)
    if bron is not None:
        knop.props["data-bron"] = bron
    else:
        knop.props["data-waarde"] = json.dumps(waarde)
    if titel:
        knop.props["data-titel"] = titel

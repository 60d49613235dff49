"""What every page shares: running an action off the event loop, refusals as notices,
the page frame, and the few colours and words used everywhere."""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import weakref
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from nicegui import Client, app, context, translations, ui
from sqlalchemy.exc import OperationalError

from ..kleuren import KLEUR, OORDEELKLEUR
from ..sessie.fouten import Geweigerd
from ..sessie.rollen import Aanpakrol, Leidingrol, Notulistrol
from ..sessie.vooraf import Voorafleiding
from ..storage import DatabaseBezet
from . import socketwacht, uitvoering

log = logging.getLogger("buurtoverleg.pages")
geweigerd_log = logging.getLogger("buurtoverleg.geweigerd")
"""One line per refusal: which meeting, which action, the reason; never what was typed."""
STORING = "Er ging iets mis aan onze kant; dit is niet opgeslagen. Probeer het over een paar tellen nog eens."
BEZET = "Even geduld: het is nu te druk, dit is niet opgeslagen. Probeer het over een paar tellen opnieuw."
"""When the database stayed locked past the short wait, or too many calls were waiting."""
GEEN_TOEGANG = "Dit mag deze pagina niet (meer). Open de link opnieuw."
T = TypeVar("T")


def oordeelkleur(oordeel: str, anders: str) -> str:
    """The colour of a verdict word; `anders` for 'te weinig antwoorden' and for '' (no
    verdict: dot-voting)."""
    return OORDEELKLEUR.get(oordeel, anders)


translations.translations.setdefault(
    "nl",
    {
        "connection_lost": "Verbinding weg.",
        "trying_to_reconnect": "We proberen opnieuw…",
        "message_too_long": "Bericht te groot",
        "message_too_long_body": "Dit bericht is te groot om te versturen. Maak het korter.",
    },
)

GETYPT = "whitespace-pre-wrap wrap-anywhere"
"""Classes for every label that shows typed text (names, organisations, signals, notes): line
breaks stay, and a word of 1000 letters wraps (`overflow-wrap: anywhere`, which unlike
`break-words` also lets a flex item shrink) instead of widening the phone or the beamer."""

# Markdown in a string from a participant must never become markup; this is why all
# participant text goes through ui.label (text), never ui.html or ui.markdown.


def huisstijl() -> None:
    """Quasar's colours from the one palette above (NiceGUI's default blue is too light for white text),
    and what WCAG 2.1 AA asks of every page beyond that."""
    app.colors(primary=KLEUR["primair"], secondary="#3b3b3b", negative=KLEUR["verdeeld"], positive=KLEUR["eensgezind"])
    # NiceGUI's link blue (#3b82f6) has a contrast of 3.7:1 on white; 4.5:1 is the minimum.
    # "Verbinding weg" must stand out on a phone: its own border is a faint grey.
    css = (
        f"<style>.nicegui-link {{ color: {KLEUR['primair']}; }}"
        f" .nicegui-error-popup {{ border: 2px solid {KLEUR['verdeeld']}; }}</style>"
    )
    if css not in Client.shared_head_html:
        ui.add_head_html(css, shared=True)
    # Quasar's loading bar is a progressbar; a screen reader needs its name
    app.config.quasar_config.setdefault("loadingBar", {})["aria-label"] = "Bezig met laden"


class Mislukt(Exception):
    """Raised by `doe` after it told the user why; callers just stop."""


class Storing(Mislukt):
    """A `Mislukt` that was no refusal but a fault on our side (a bug, the database): not the
    user's doing, so it must not count as a wrong code or PIN."""


class Bezet(Storing):
    """Nothing went wrong but it was too busy (the database's lock, a full pool): the same call
    a moment later can succeed, so a live page tries its redraw again (`volgen.Volger`)."""


async def doe(functie: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a domain action off the event loop; a refusal becomes a visible Dutch notice.

    It runs in the pages' own bounded pools (`uitvoering`). A database locked for longer than
    the short busy timeout, or too many waiting calls, ends in "even geduld, niet opgeslagen"
    (`BEZET`); anything else that goes wrong (a bug) is logged with its traceback and also ends
    in a Dutch notice: whatever a phone sends, its page keeps working and never claims that
    something was stored. Neither log line carries what was typed (the engine hides SQL
    parameters).
    """
    _gemachtigd(functie)
    uitkomst: list[T] = []  # filled only when the action ran

    def voer_uit() -> None:
        uitkomst.append(functie(*args, **kwargs))

    if app.is_stopping:  # the pools are going away with the app
        raise asyncio.CancelledError
    try:
        await uitvoering.voer_uit(functie, voer_uit)
    except Geweigerd as fout:
        _log_weigering(functie, args, fout)
        ui.notify(str(fout), type="warning", position="top", multi_line=True)
        raise Mislukt(str(fout)) from None
    except (uitvoering.Druk, DatabaseBezet, OperationalError) as fout:
        if isinstance(fout, OperationalError) and not _bezet(fout):
            log.exception("%s ging mis", getattr(functie, "__name__", functie))
            ui.notify(STORING, type="negative", position="top", multi_line=True)
            raise Storing(STORING) from None
        # busy, not broken: one line, no traceback (nothing of what was typed is in it anyway)
        waarom = "te veel wachtende verzoeken" if isinstance(fout, uitvoering.Druk) else "de database is bezet"
        log.warning("%s niet uitgevoerd: %s", getattr(functie, "__name__", "?"), waarom)
        ui.notify(BEZET, type="warning", position="top", multi_line=True)
        raise Bezet(BEZET) from None
    except Exception:
        log.exception("%s ging mis", getattr(functie, "__name__", functie))
        ui.notify(STORING, type="negative", position="top", multi_line=True)
        raise Storing(STORING) from None
    if not uitkomst:  # defensive: the pool returned without running the action
        raise asyncio.CancelledError
    return uitkomst[0]


_MACHTIGINGEN: weakref.WeakKeyDictionary[Client, str] = weakref.WeakKeyDictionary()
"""Per page (NiceGUI client): the role it was opened for with a valid link (and PIN), or as
the logged-in organiser. Kept beside the client, never sent to the browser."""

_LINKROLLEN = (Leidingrol, Notulistrol, Aanpakrol, Voorafleiding)
"""Domain handles made from a secret link: only a page that was let in may call them."""


def machtig(rol: str) -> None:
    """The page being built was let in for `rol` (pincode.toegang, the organiser's home page)."""
    _MACHTIGINGEN[context.client] = rol


def ontmachtig(client: Client) -> None:
    """The page lost its right (a new PIN it does not hold): its actions are refused from now on."""
    _MACHTIGINGEN.pop(client, None)


def _gemachtigd(functie: Callable[..., Any]) -> None:
    """Checked on every action, not only when the page was built (issue 21): the socket message
    that triggered it came from this page's own connection (`socketwacht.AFZENDER`), and an
    action on a secret link's handle runs only on a page that was let in for it. A client id
    copied from another page is then of no use: its events are not this connection's."""
    client = context.client
    afzender = socketwacht.AFZENDER.get()
    eigen = afzender is None or afzender is client  # None: a page build or a timer, not a message
    if not eigen or (isinstance(getattr(functie, "__self__", None), _LINKROLLEN) and client not in _MACHTIGINGEN):
        log.warning("actie %s geweigerd: pagina niet gemachtigd", getattr(functie, "__name__", "?"))
        ui.notify(GEEN_TOEGANG, type="warning", position="top", multi_line=True)
        raise Mislukt(GEEN_TOEGANG)


def _bezet(fout: OperationalError) -> bool:
    """SQLite's 'database is locked' (or 'busy'): another connection held the lock past the wait."""
    tekst = str(fout.orig).lower()
    return "locked" in tekst or "busy" in tekst


def _log_weigering(functie: Callable[..., Any], args: tuple[Any, ...], fout: Geweigerd) -> None:
    """Log a refusal for the administrator (AVG): the meeting id (the phone's handle carries it, or
    the first argument of a call by meeting id; a secret link is never logged), the action and the
    reason, with anything the domain quoted from the input ('...') left out, so no typed text lands
    in the log."""
    eerste = getattr(getattr(functie, "__self__", None), "meeting_id", args[0] if args else None)
    overleg = eerste if isinstance(eerste, int) and not isinstance(eerste, bool) else "-"
    reden = re.sub(r"'[^']*'", "'…'", str(fout))
    geweigerd_log.info("overleg=%s actie=%s reden=%s", overleg, getattr(functie, "__name__", "?"), reden)


async def probeer(functie: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
    """`doe` for buttons: True when it worked, False after the notice was shown."""
    try:
        await doe(functie, *args, **kwargs)
        return True
    except Mislukt:
        return False


def stopt_stil(bouw: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    """For a page function (under `@ui.page`): a build that `doe` stopped halfway ends quietly.

    NiceGUI sends a page as soon as the phone connects and finishes building it afterwards;
    a meeting deleted in that gap makes a later `doe` fail. The user has had the notice, so
    the half-built page stays as it is instead of becoming an error page and a logged error.
    """

    @functools.wraps(bouw)  # NiceGUI reads the parameters (token, request) through __wrapped__
    async def pagina(*args: Any, **kwargs: Any) -> None:
        try:
            await bouw(*args, **kwargs)
        except Mislukt:
            pass

    return pagina


def dialoog() -> ui.dialog:
    """A dialog for one question, made at the page's top level instead of where the button is.

    A button sits in a part of the page that redraws when the room changes something (a new
    signal redraws the moderation list): a dialog made there would vanish with it, and take what
    the facilitator was typing along."""
    with context.client.content:
        return ui.dialog()


async def antwoord_van(dialoog: ui.dialog) -> Any:
    """Open a dialog made for one question, wait for the answer (None when cancelled) and remove
    it. A dialog is made per click; kept, each one would stay in the page, and in the browser,
    for the rest of a three-hour meeting."""
    try:
        return await dialoog
    finally:
        if not dialoog.is_deleted:  # the page itself may be gone (a new PIN empties it)
            dialoog.delete()


def kopniveau(niveau: int) -> str:
    """Props that make a label a heading (level 1-3) for screen readers: ui.label is a <div>,
    and a page needs its title and section titles as headings (WCAG 1.3.1)."""
    return f"role=heading aria-level={niveau}"


def weigerpagina(melding: str, *, terug: str | None = None) -> None:
    with ui.column().classes("w-full max-w-xl mx-auto p-6 gap-4"):
        ui.label("Dat lukt niet").classes("text-2xl font-bold").props(kopniveau(1))
        ui.label(melding).classes("text-lg")
        if terug:
            ui.link("Terug", terug).classes("text-lg")

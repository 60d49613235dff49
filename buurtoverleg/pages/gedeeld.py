"""What every page shares: running an action off the event loop, refusals as notices,
the page frame, and the few colours and words used everywhere."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from nicegui import app, run, translations, ui

from ..sessie.fouten import Geweigerd

log = logging.getLogger("buurtoverleg.pages")
T = TypeVar("T")

KLEUR = {
    "primair": "#1d4e89",
    "verdeeld": "#b3261e",
    "eensgezind": "#1b6e3a",
    "over-tijd": "#b3261e",
    "waarneming": "#1d4e89",
    "duiding": "#7a3e00",
}

translations.translations.setdefault(
    "nl",
    {
        "connection_lost": "Verbinding weg.",
        "trying_to_reconnect": "We proberen opnieuw…",
        "message_too_long": "Bericht te groot",
        "message_too_long_body": "Dit bericht is te groot om te versturen. Maak het korter.",
    },
)

# Markdown in a string from a participant must never become markup; this is why all
# participant text goes through ui.label (text), never ui.html or ui.markdown.


def huisstijl() -> None:
    """Quasar's colours from the one palette above (NiceGUI's default blue is too light for white text)."""
    app.colors(primary=KLEUR["primair"], secondary="#3b3b3b", negative=KLEUR["verdeeld"], positive=KLEUR["eensgezind"])


class Mislukt(Exception):
    """Raised by `doe` after it told the user why; callers just stop."""


async def doe(functie: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a domain action off the event loop; a refusal becomes a visible Dutch notice."""
    try:
        return await run.io_bound(functie, *args, **kwargs)
    except Geweigerd as fout:
        log.info("geweigerd: %s", fout)
        ui.notify(str(fout), type="warning", position="top", multi_line=True)
        raise Mislukt(str(fout)) from None


async def probeer(functie: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
    """`doe` for buttons: True when it worked, False after the notice was shown."""
    try:
        await doe(functie, *args, **kwargs)
        return True
    except Mislukt:
        return False


def weigerpagina(melding: str, *, terug: str | None = None) -> None:
    with ui.column().classes("w-full max-w-xl mx-auto p-6 gap-4"):
        ui.label("Dat lukt niet").classes("text-2xl font-bold")
        ui.label(melding).classes("text-lg")
        if terug:
            ui.link("Terug", terug).classes("text-lg")

"""On the facilitator's console: a small live picture of what the wall shows, and the beamer's
own controls (on black and back, turning the page of a long list), so the facilitator never
has to turn round.

The picture is the beamer page itself (`/scherm/<link>?voorbeeld=1`) in a scaled-down iframe:
it follows the meeting through its own subscription, exactly as the wall does, and costs the
server one more page like the beamer's. The controls go through the domain (`beamer_zwart`,
`blader`), so the wall, the preview and every open console agree.
"""

from __future__ import annotations

import time

from nicegui import ui
from nicegui.events import KeyEventArguments

from ..appcontext import Context
from ..sessie.toestand import Vergadering
from .bladeren import paginanummer
from .gedeeld import KLEUR, doe, kopniveau, probeer
from .volgen import Deel, volg

BREED, HOOG = 1600, 900
"""The preview's own window: a 16:9 beamer, shown at `SCHAAL`."""
SCHAAL = 0.175


async def paneel(ctx: Context, meeting_id: int, token: str, projector_token: str) -> None:
    """The preview and its buttons; B toggles black (not while typing)."""
    dienst = ctx.dienst
    leiding = dienst.leiding(token)
    ui.label("Beamer").classes("text-lg font-semibold").props(kopniveau(2))
    with (
        ui.element("div")
        .classes("relative overflow-hidden rounded border border-gray-400 bg-black")
        .style(f"width: {BREED * SCHAAL:.0f}px; height: {HOOG * SCHAAL:.0f}px")
    ):
        ui.element("iframe").props(
            f'src="/scherm/{projector_token}?voorbeeld=1" title="Wat de beamer nu toont" tabindex="-1"'
        ).style(
            f"width: {BREED}px; height: {HOOG}px; transform: scale({SCHAAL}); transform-origin: 0 0;"
            " border: 0; pointer-events: none"
        )
    stand = ui.label().classes("text-sm").props('aria-live="polite"')
    knoppen = ui.row().classes("gap-1")
    getoond: dict[str, Vergadering] = {}

    async def zwart(aan: bool) -> None:
        await probeer(leiding.beamer_zwart, aan)

    async def blader(stap: int) -> None:
        v = getoond.get("v")
        nu = paginanummer(v.beamer_pagina if v else None, time.time())
        await probeer(leiding.blader, max(0, nu + stap))

    async def teken(_delen: frozenset[Deel]) -> int | None:
        v = await doe(dienst.lezen.vergadering, meeting_id)
        getoond["v"] = v
        if v.beamer_zwart:
            stand.set_text("De beamer staat op zwart.")
            stand.style(f"color: {KLEUR['verdeeld']}; font-weight: 600")
        else:
            vanzelf = "bladert vanzelf" if v.beamer_pagina is None else f"vaste pagina ({v.beamer_pagina + 1})"
            stand.set_text(f"De beamer toont het overleg; lange lijsten: {vanzelf}.")
            stand.style("color: inherit; font-weight: normal")
        knoppen.clear()
        with knoppen:
            if v.beamer_zwart:
                ui.button("Beamer weer aan", on_click=lambda: zwart(False)).props(
                    "dense color=primary aria-keyshortcuts=B"
                )
            else:
                ui.button("Beamer op zwart", on_click=lambda: zwart(True)).props("dense outline aria-keyshortcuts=B")
            ui.button("◀ Pagina", on_click=lambda: blader(-1)).props("dense flat no-caps")
            ui.button("Pagina ▶", on_click=lambda: blader(1)).props("dense flat no-caps")
            if v.beamer_pagina is not None:
                ui.button("Vanzelf bladeren", on_click=lambda: probeer(leiding.blader, None)).props(
                    "dense flat no-caps"
                )
        return v.versie

    async def toets(e: KeyEventArguments) -> None:
        if not e.action.keydown or e.modifiers.ctrl or e.modifiers.alt or e.modifiers.meta:
            return
        if str(e.key) in ("b", "B") and "v" in getoond:
            await zwart(not getoond["v"].beamer_zwart)

    ui.keyboard(on_key=toets, repeating=False, ignore=["input", "select", "textarea"])
    await volg(ctx.publisher, meeting_id, {Deel.BEAMER}, teken, dienst.lezen.versie)

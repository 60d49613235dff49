"""The beamer's views around the steps: the lobby, the closing round, the end, and the join line.

Sizes in rem (scaled to the window by `passend`), the QR code in viewport units: it is the one
thing in the lobby that should be as large as the screen allows.
"""

from __future__ import annotations

from nicegui import ui

from .. import qr
from ..export.tekst import aantal
from ..sessie.toestand import DOMEINEN, Vergadering
from .gedeeld import KLEUR, kopniveau


def lobby(vergadering: Vergadering, basis: str) -> None:
    """A large QR code and code, and who is here per domain: the screen people look at while they sit down."""
    url = f"{basis}/doe/{vergadering.join_code}"
    with ui.row().classes("w-full beamer-rest gap-12 no-wrap items-center justify-center"):
        ui.html(qr.svg(url), sanitize=False).classes("bg-white shrink-0").style(
            "width: min(72vh, 46vw); height: min(72vh, 46vw)"
        ).props('role=img aria-label="QR-code om mee te doen"')
        with ui.column().classes("gap-3 min-w-0"):
            ui.label("Doe mee met je telefoon").classes("text-5xl font-bold").props(kopniveau(2))
            ui.label("Scan de QR-code, of ga naar").classes("text-3xl")
            ui.label(f"{basis}/doe").classes("text-3xl font-mono")
            ui.label("en typ de code").classes("text-3xl")
            ui.label(vergadering.join_code).classes("text-8xl font-mono font-bold tracking-widest").style(
                f"color: {KLEUR['primair']}"
            )
            ui.label(aantal(len(vergadering.stemmers), "deelnemer", "deelnemers") + " aangemeld").classes(
                "text-4xl pt-2"
            )
            per_domein: dict[str, int] = {}
            for d in vergadering.deelnemers:
                per_domein[d.domein] = per_domein.get(d.domein, 0) + 1
            with ui.row().classes("gap-2"):
                for domein, n in sorted(per_domein.items(), key=lambda kv: (-kv[1], kv[0])):
                    ui.label(f"{DOMEINEN.get(domein, domein)} {n}").classes("text-3xl px-3 py-1 rounded bg-gray-100")
            if not vergadering.aanmelden_open:
                ui.label("Aanmelden is gesloten").classes("text-3xl").style(f"color: {KLEUR['verdeeld']}")


def voet(vergadering: Vergadering, basis: str) -> None:
    """The bottom line of every step: how to join, so a late arrival never has to ask."""
    with ui.row().classes("w-full items-end gap-x-4 gap-y-1"):
        ui.label(f"Meedoen: {basis}/doe · code {vergadering.join_code}").classes(
            "text-2xl font-mono text-gray-700 ml-auto"
        )


def afronding(vergadering: Vergadering) -> None:
    """The steps with their planned and used minutes, in columns so a long template fits."""
    ui.label("Afronding").classes("text-5xl font-bold").props(kopniveau(2))
    kolommen = 1 if len(vergadering.stappen) <= 8 else 2
    with (
        ui.element("div")
        .classes("w-full grid gap-x-12 gap-y-1")
        .style(f"grid-template-columns: repeat({kolommen}, minmax(0, 1fr))")
    ):
        for stap in vergadering.stappen:
            with ui.row().classes("w-full no-wrap gap-3 items-baseline"):
                ui.label(f"{stap.positie + 1}. {stap.titel}").classes("text-2xl grow min-w-0")
                ui.label(f"{stap.klok.verbruikt / 60:.0f}/{stap.klok.budget // 60} min").classes(
                    "text-2xl text-gray-700 shrink-0"
                )
    ui.label(f"Totaal: {vergadering.gebruikt / 60:.0f} van {vergadering.gepland // 60} minuten gebruikt").classes(
        "text-3xl"
    )


def afgesloten() -> None:
    with ui.column().classes("w-full beamer-rest items-center justify-center"):
        ui.label("Het overleg is afgesloten. Bedankt!").classes("text-6xl font-bold text-center").props(kopniveau(2))

"""The secretary's card with the meeting's details for the heading of the minutes: plaats,
voorzitter, notulist, begin- and eindtijd, afgemeld.

Built once and never redrawn (like the note fields), so an event from the room cannot wipe
what the secretary is typing. The times start as the recorded moments (start and end of the
meeting); a corrected time wins, an emptied one goes back to the recorded moment.
"""

from __future__ import annotations

from nicegui import ui

from ..sessie.dienst import Dienst
from ..sessie.notulen import Notulen
from ..sessie.overleggegevens import MAX_AFGEMELD, MAX_PERSOON, MAX_PLAATS
from .gedeeld import kopniveau, probeer


def gegevensvak(dienst: Dienst, token: str, n: Notulen) -> None:
    with ui.card().classes("w-full"):
        ui.label("Gegevens van het overleg").classes("text-xl font-semibold").props(kopniveau(2))
        with ui.row().classes("w-full gap-3"):
            plaats = _veld("Plaats", n.plaats, MAX_PLAATS, "plaats")
            voorzitter = _veld("Voorzitter", n.voorzitter, MAX_PERSOON, "voorzitter")
            notulist = _veld("Notulist", n.notulist, MAX_PERSOON, "notulist")
        with ui.row().classes("w-full gap-3"):
            begin = ui.input("Begintijd", value=n.begintijd).props("outlined type=time").classes("w-36")
            eind = ui.input("Eindtijd", value=n.eindtijd).props("outlined type=time").classes("w-36")
            begin.mark("gegevens-begintijd")
            eind.mark("gegevens-eindtijd")
        afgemeld = (
            ui.textarea("Afgemeld (wie er niet was)", value=n.afgemeld)
            .props(f"outlined autogrow maxlength={MAX_AFGEMELD}")
            .classes("w-full")
            .mark("gegevens-afgemeld")
        )
        with ui.row().classes("items-center gap-2"):
            knop = ui.button("Gegevens opslaan").props("flat dense").mark("gegevens-opslaan")
            melding = ui.label("").classes("text-sm text-gray-600")

    async def bewaar() -> None:
        melding.set_text("bezig met opslaan…")
        gelukt = await probeer(
            dienst.notulist(token).gegevens,
            plaats=plaats.value or "",
            voorzitter=voorzitter.value or "",
            notulist=notulist.value or "",
            begintijd=begin.value or "",
            eindtijd=eind.value or "",
            afgemeld=afgemeld.value or "",
        )
        melding.set_text("opgeslagen" if gelukt else "niet opgeslagen")

    knop.on_click(bewaar)


def _veld(label: str, waarde: str, maximum: int, merk: str) -> ui.input:
    return (
        ui.input(label, value=waarde)
        .props(f"outlined maxlength={maximum}")
        .classes("min-w-[14rem] grow")
        .mark(f"gegevens-{merk}")
    )

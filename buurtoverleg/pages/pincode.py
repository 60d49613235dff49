"""The PIN in front of the facilitator's and the secretary's page, and where it is set.

Why the PIN lives at the page and not in every domain action: see sessie/pincode.py.
`toegang` is the one gate both pages call first; until it returns a meeting id, nothing
of the page exists, so there is nothing to click. A right PIN is remembered for this
browser (`app.storage.user`, server-side, per meeting and role) as the fingerprint of the
PIN it was checked against; a new PIN has a new fingerprint, so the browser is asked again,
also on a page that is open at that moment (`_bewaak`): a console opened with a leaked link
does not outlive the PIN that was set to shut it out.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

from nicegui import Client, app, ui

from ..appcontext import Context
from ..sessie.pincode import PIN_ROLLEN
from ..toegang import te_veel
from .gedeeld import (
    KLEUR,
    Mislukt,
    Storing,
    antwoord_van,
    dialoog,
    doe,
    kopniveau,
    machtig,
    ontmachtig,
    probeer,
    weigerpagina,
)
from .volgen import Deel, volg

_EIGEN_WIJZIGING: weakref.WeakKeyDictionary[Client, asyncio.Lock] = weakref.WeakKeyDictionary()


def _eigen_wijziging(client: Client) -> asyncio.Lock:
    """Held while this page sets a PIN itself, until the browser remembers it. The change's
    event can reach this page's own guard (`_bewaak`) before `stel_pin`'s answer does; the
    guard waits for the lock, so it compares against the remembered PIN and never shuts out
    the person who just set it."""
    return _EIGEN_WIJZIGING.setdefault(client, asyncio.Lock())


def _sleutel(rol: str, meeting_id: int) -> str:
    return f"pin-{rol}-{meeting_id}"


async def toegang(ctx: Context, rol: str, token: str) -> int | None:
    """The meeting behind the link when this browser may open the page.

    Otherwise it draws the refusal (wrong or expired link) or the PIN form, and returns None:
    the caller just stops.
    """
    try:
        meeting_id = await doe(ctx.dienst.aanmelding.via_token, rol, token)
        stand = await doe(ctx.dienst.pincodes.pin_stand, meeting_id, rol) if rol in PIN_ROLLEN else None
    except Mislukt as fout:
        weigerpagina(str(fout))
        return None
    opslag = app.storage.user  # this browser's, taken while the page is built (see `onthoud`)
    if stand is None or opslag.get(_sleutel(rol, meeting_id)) == stand:
        machtig(rol)  # this page (client) was let in: its actions check that on every call
        if rol in PIN_ROLLEN:
            await _bewaak(ctx, rol, meeting_id, opslag)
        return meeting_id
    _formulier(ctx, rol, meeting_id, opslag)
    return None


async def _bewaak(ctx: Context, rol: str, meeting_id: int, opslag: dict[str, Any]) -> None:
    """When the link's PIN is set or changed while this page is open, and this browser does not
    hold the new one, the page is emptied: nothing of it stays clickable. The PIN form comes
    with a fresh page load, as for any browser that opens the link."""
    client = ui.context.client

    async def controleer(_delen: frozenset[Deel]) -> None:
        async with _eigen_wijziging(client):
            stand = await doe(ctx.dienst.pincodes.pin_stand, meeting_id, rol)
            houdt = opslag.get(_sleutel(rol, meeting_id))
        if stand is not None and houdt != stand:
            ontmachtig(client)  # an event still on its way finds no right to act
            client.content.clear()  # the page with its timers, shortcuts and dialogs
            with client.content, ui.column().classes("w-full max-w-sm mx-auto p-6 gap-4"):
                ui.label("Nieuwe pincode").classes("text-2xl font-bold").props(kopniveau(1))
                ui.label(
                    f"De link van de {rol} heeft zojuist een nieuwe pincode gekregen. Typ die in om verder te gaan."
                ).classes("text-lg")
                ui.button("Pincode invullen", on_click=ui.navigate.reload).props("color=primary").classes(
                    "w-full text-lg"
                )

    # subscribed before the first check: a PIN set while this page was being built still counts
    await volg(ctx.publisher, meeting_id, {Deel.INSTELLINGEN}, controleer, ctx.dienst.lezen.versie)


def onthoud(opslag: dict[str, Any], rol: str, meeting_id: int, stand: str | None) -> None:
    """Whoever just set a PIN knows it: this browser need not type it again.

    `opslag` is `app.storage.user` as taken while the page was built: that lookup goes by the
    request in the current context, and a callback (a timer, a dialog) is safest with the
    browser's own storage in hand."""
    if stand is not None:
        opslag[_sleutel(rol, meeting_id)] = stand


def _formulier(ctx: Context, rol: str, meeting_id: int, opslag: dict[str, Any]) -> None:
    remsleutel = f"pin:{ui.context.client.ip or 'onbekend'}"
    with ui.column().classes("w-full max-w-sm mx-auto p-6 gap-4"):
        ui.label("Pincode nodig").classes("text-2xl font-bold").props(kopniveau(1))
        ui.label(
            f"Deze link van de {rol} is beveiligd met een pincode. Weet je hem niet? "
            "Vraag het de organisator of de gespreksleider."
        ).classes("text-lg")
        veld = (
            ui.input("Pincode", password=True)
            .props('outlined inputmode=numeric autocomplete=off maxlength=8 autofocus aria-label="Pincode"')
            .classes("w-full text-2xl")
            .mark("pincode")
        )
        melding = ui.label("").classes("text-lg").style(f"color: {KLEUR['verdeeld']}").props("role=alert")

        async def controleer() -> None:
            wacht = ctx.remmer.poging(remsleutel)  # claimed before the check: tries sent together count too
            if wacht > 0:
                melding.set_text(te_veel(wacht, "verkeerde pincodes"))
                return
            try:
                stand = await doe(ctx.dienst.pincodes.probeer_pin, meeting_id, rol, veld.value or "")
            except Mislukt as fout:  # the meeting was deleted meanwhile; the notice says so
                if isinstance(fout, Storing):
                    ctx.remmer.terug(remsleutel)
                return
            if stand is None:
                wacht = ctx.remmer.wachttijd(remsleutel)
                # "klopt niet" first: this try was checked; the brake, if it is on now, after it
                vervolg = te_veel(wacht, "verkeerde pincodes") if wacht > 0 else "Probeer het opnieuw."
                melding.set_text(f"Die pincode klopt niet. {vervolg}")
                veld.set_value("")
                return
            # only this try is given back, no reset: a PIN someone knows must not buy more guesses at another
            ctx.remmer.terug(remsleutel)
            onthoud(opslag, rol, meeting_id, stand or None)
            ui.navigate.reload()

        veld.on("keydown.enter", controleer)
        ui.button("Openen", on_click=controleer).props("color=primary").classes("w-full text-lg")


async def beheer(ctx: Context, meeting_id: int, token: str) -> None:
    """Set, change or remove the PINs of the two links; for the facilitator and the organiser.

    `token` is the facilitator's link: setting a PIN is a facilitator action in the domain.
    """
    opslag = app.storage.user
    client = ui.context.client

    @ui.refreshable
    async def vak() -> None:
        try:
            stand = await doe(ctx.dienst.leiding(token).pins)
        except Mislukt:
            return
        for rol in PIN_ROLLEN:
            with ui.row().classes("items-center gap-2 no-wrap"):
                ui.label(f"Link {rol}: " + ("met pincode" if stand[rol] else "zonder pincode")).classes("text-sm grow")
                ui.button("Wijzigen" if stand[rol] else "Pincode instellen", on_click=lambda r=rol: instellen(r)).props(
                    "flat dense no-caps"
                ).mark(f"pin-{rol}")
                if stand[rol]:
                    ui.button("Weghalen", on_click=lambda r=rol: weghalen(r)).props(
                        "flat dense no-caps color=negative"
                    ).mark(f"pin-weg-{rol}")

    async def instellen(rol: str) -> None:
        with dialoog() as venster, ui.card().classes("w-80"):
            ui.label(f"Pincode voor de link van de {rol}").classes("font-semibold")
            ui.label(
                "4 tot 8 cijfers. Wie de link opent, typt eerst deze pincode; deze browser onthoudt hem. "
                "Na een wijziging moet iedereen de nieuwe intypen."
            ).classes("text-sm text-gray-700")
            veld = (
                ui.input("Nieuwe pincode", password=True, password_toggle_button=True)
                .props("outlined inputmode=numeric autocomplete=new-password maxlength=8")
                .classes("w-full")
                .mark("nieuwe-pincode")
            )
            with ui.row():
                ui.button("Annuleren", on_click=venster.close).props("flat")
                ui.button("Opslaan", on_click=lambda: venster.submit(veld.value or "")).props("color=primary").mark(
                    "pin-opslaan"
                )
        pin = await antwoord_van(venster)
        if pin is None:
            return
        if not pin.strip():
            ui.notify("Vul een pincode in, of kies 'Weghalen'.", type="warning")
            return
        try:
            async with _eigen_wijziging(client):  # this page's own guard compares after `onthoud`
                onthoud(opslag, rol, meeting_id, await doe(ctx.dienst.leiding(token).stel_pin, rol, pin))
        except Mislukt:
            return
        ui.notify(f"De pincode voor de {rol} is ingesteld.", type="positive")
        vak.refresh()

    async def weghalen(rol: str) -> None:
        if await probeer(ctx.dienst.leiding(token).stel_pin, rol, None):
            ui.notify(f"De link van de {rol} heeft geen pincode meer.", type="positive")
            vak.refresh()

    await vak()

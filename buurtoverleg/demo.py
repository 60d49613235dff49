"""The live practice demo: `buurtoverleg demo` starts the app with a fresh practice meeting
(oefencasus 1) and a few simulated participants (`simulatie.py`) who join and answer as soon
as the facilitator opens a step, so one person on one laptop sees the whole flow. It uses its
own data directory (./data-demo) so it never mixes with real meetings.

The finished example meeting of `buurtoverleg demo --fill` is `voorbeeld.py`.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from .sessie.dienst import Dienst
from .sessie.toestand import DOMEINEN, Links

if TYPE_CHECKING:
    from .instellingen import Instellingen
    from .simulatie import Tempo

OEFENSJABLOON = "tpl-oefenen-casus-1"
OEFENBUURT = "Oefenbuurt (casus 1)"
DEMO_MINUTEN = 1
"""Time per step in the live demo: the practice template plans 45 minutes, the demo five."""


def oefenoverleg(dienst: Dienst, buurt: str = OEFENBUURT, template: str = OEFENSJABLOON) -> Links:
    """A fresh practice meeting in the lobby, with one minute per step so the timer means something."""
    links = dienst.aanmelding.maak(buurt, dienst.nu().date(), template)
    for stap in dienst.lezen.vergadering(links.meeting_id).stappen:
        dienst.leiding(links.facilitator_token).stel_budget(stap.positie, DEMO_MINUTEN)
    return links


def aanwijzingen(links: Links, lokaal: str, telefoon: str, deelnemers: tuple[str, ...], data: str) -> str:
    """What to open and what to do, printed when the demo starts."""
    lokaal, telefoon = lokaal.rstrip("/"), telefoon.rstrip("/")
    domeinen = ", ".join(dict.fromkeys(DOMEINEN.get(d, d).lower() for d in deelnemers))
    deelnemerstekst = textwrap.fill(
        f"{len(deelnemers)} gesimuleerde deelnemers melden zich zo aan ({domeinen}). Ze antwoorden steeds "
        "een paar seconden nadat je een stap opent, en ze zijn het lang niet altijd eens.",
        92,
    )
    return f"""
Buurtoverleg-demo: een oefenoverleg over casus 1 ("een multiculturele buurt met veel problemen")
Gegevens: {data}  (apart van echte overleggen)

Open op deze laptop:
  gespreksleider:  {lokaal}/leiding/{links.facilitator_token}
  beamer:          {lokaal}/scherm/{links.projector_token}
  notulist:        {lokaal}/notulen/{links.secretary_token}
Meedoen met je eigen telefoon (zelfde wifi):
  {telefoon}/doe/{links.join_code}   (of {telefoon}/doe met code {links.join_code})

{deelnemerstekst}

Wat nu:
  1. Open de link van de gespreksleider, en de beamer in een tweede venster of op de beamer.
     Scan de QR-code op de beamer met je telefoon als je zelf mee wilt doen.
  2. Klik op "Start het overleg". In de eerste stap komen signalen binnen, waarnemingen en
     duidingen; een signaal dat maar één domein herkent, krijgt een rode opmerking.
  3. Klik op "Volgende" (of →) naar "Fase van polarisatie". Als iedereen heeft geantwoord:
     "Uitslag tonen" (of u). De zaal is verdeeld: politie en jongerenwerk lezen de fase
     anders. Klik op "Nieuwe ronde" om na het gesprek opnieuw te stemmen.
  4. Ga zo door tot "Oplossingsrichtingen". Open dan het tabblad "Aanpak en acties": het
     advies staat klaar met redenen; kies een aanpak en leg een SMART-actie vast.
  5. Open de link van de notulist: de notulen lopen mee; download de PDF.
     "Overleg afsluiten" rondt het af; de gesimuleerde deelnemers stoppen dan.

Stoppen: Ctrl+C. Elke keer `buurtoverleg demo` begint een nieuw oefenoverleg.
"""


def draai(
    instellingen: Instellingen, *, show: bool = False, buurt: str = OEFENBUURT, tempo: Tempo | None = None
) -> None:
    """Start the app with a practice meeting and simulated participants; blocks like `serve`."""
    from nicegui import app, background_tasks

    from . import qr
    from .app import Context, start
    from .simulatie import PERSONAS, Simulatie, Tempo

    def voor_start(ctx: Context) -> str:
        links = oefenoverleg(ctx.dienst, buurt)  # the event loop does not run yet: nothing waits
        host = instellingen.host if instellingen.host not in ("0.0.0.0", "::") else "localhost"
        lokaal = instellingen.publieke_url or f"http://{host}:{instellingen.port}"
        if instellingen.host in ("127.0.0.1", "::1", "localhost") and not instellingen.publieke_url:
            telefoon = lokaal  # listening on this computer only: a LAN address would not answer
        else:
            telefoon = qr.basis_url(f"http://{host}:{instellingen.port}/", instellingen.publieke_url)
        data = "eigen database (--database-url)" if instellingen.database_url else str(instellingen.datamap.resolve())
        print(aanwijzingen(links, lokaal, telefoon, tuple(p.domein for p in PERSONAS), data), flush=True)
        simulatie = Simulatie(ctx.dienst, links.meeting_id, tempo=tempo or Tempo())

        def begin() -> None:
            ctx.publisher.event.subscribe(simulatie.gebeurd)
            background_tasks.create(simulatie.speel(), name="demo: gesimuleerde deelnemers")

        app.on_startup(begin)
        return f"/leiding/{links.facilitator_token}"

    start(instellingen, show=show, voor_start=voor_start)
